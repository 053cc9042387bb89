from __future__ import annotations

import httpx
import pytest
import respx

from exposure_scan.catalog import search_domains
from exposure_scan.errors import MissingCredentials, ParseError, ProviderResponseError
from exposure_scan.models import PartReason
from exposure_scan.profile import Country, PersonName
from exposure_scan.provider import ProviderContext, Query
from exposure_scan.providers.searxng import SearxngOptions, SearxngProvider, parse_results, skipped
from exposure_scan.reports.i18n import part_text
from tests.conftest import fixture_json, make_fetcher, run_search

BASE = "https://searx.test"
QUERY = Query(country=Country.NL, names=[PersonName(given="Anna", surname="van der Berg")])


def provider() -> SearxngProvider:
    return SearxngProvider(base_url=BASE, options=SearxngOptions(max_queries=1, site_queries=False))


def test_parse_results_reads_hits_and_unresponsive_engines() -> None:
    hits, failed = parse_results(fixture_json("searxng", "results.json"))
    assert [h.url for h in hits] == ["https://forum.example/t/123",
                                     "https://praktijk-voorbeeld.example/team"]
    assert all(h.inspect for h in hits)
    assert failed == ["google: timeout"]


@pytest.mark.parametrize("payload", [[], {"results": "x"}, {"results": [{"title": "no url"}]}])
def test_parse_results_refuses_unknown_shapes(payload: object) -> None:
    with pytest.raises(ParseError):
        parse_results(payload)


@respx.mock
async def test_search_success_notes_engines_not_checked() -> None:
    route = respx.get(f"{BASE}/search").respond(json=fixture_json("searxng", "results.json"))
    hits, ctx = await run_search(provider(), QUERY)
    assert len(hits) == 2
    assert route.calls[0].request.url.params["format"] == "json"
    assert route.calls[0].request.url.params["q"] == '"Anna van der Berg"'
    failed = [str(p) for p in ctx.unchecked_parts if p.reason is PartReason.ENGINE_FAILED]
    # Named by the engine, with its own error as the detail; the query (a name) is left out.
    assert failed == ["search engine google failed: timeout"]
    dutch = [part_text("nl", p) for p in ctx.unchecked_parts]
    assert "zoekmachine google mislukte (details: timeout)" in dutch


@respx.mock
async def test_empty_answer_is_checked_and_clear() -> None:
    respx.get(f"{BASE}/search").respond(json={"results": [], "unresponsive_engines": []})
    hits, ctx = await run_search(provider(), QUERY)
    assert hits == [] and all(p.reason.by_choice for p in ctx.unchecked_parts)


@respx.mock
async def test_all_engines_failed_is_unchecked_not_clear() -> None:
    respx.get(f"{BASE}/search").respond(json=fixture_json("searxng", "all-engines-failed.json"))
    with pytest.raises(ProviderResponseError) as caught:
        await run_search(provider(), QUERY)
    from exposure_scan.models import RunReason

    assert caught.value.reason is RunReason.ENGINES_FAILED and str(caught.value) == ""


@respx.mock
async def test_json_disabled_instance_says_how_to_fix() -> None:
    respx.get(f"{BASE}/search").respond(403)
    with pytest.raises(MissingCredentials, match=r"search\.formats"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_429_with_retry_after_is_retried() -> None:
    route = respx.get(f"{BASE}/search").mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "3"}),
        httpx.Response(200, json={"results": [], "unresponsive_engines": []}),
    ])
    hits, _ = await run_search(provider(), QUERY)
    assert hits == [] and route.call_count == 2


@respx.mock
async def test_unexpected_shape() -> None:
    respx.get(f"{BASE}/search").respond(json={"data": []})
    with pytest.raises(ParseError):
        await run_search(provider(), QUERY)


@respx.mock
async def test_site_restricted_queries_for_the_country_catalog_sites() -> None:
    route = respx.get(f"{BASE}/search").respond(json={
        "results": [{"url": "https://www.detelefoongids.nl/voorbeeld/1/5-1/", "title": "x"}],
        "unresponsive_engines": [],
    })
    query = Query(country=Country.NL, cities=["Voorbeeldstad"],
                  names=[PersonName(given="Anna Maria", surname="van der Berg")])
    hits, ctx = await run_search(
        SearxngProvider(base_url=BASE, options=SearxngOptions(max_queries=6)), query)
    sent = [c.request.url.params["q"] for c in route.calls]
    assert sent == ['"Anna van der Berg"', '"Anna van der Berg" Voorbeeldstad',
                    '"A.M. van der Berg"', '"Berg, A.M. van der"',
                    '"Anna Maria van der Berg"', '"van der Berg" Voorbeeldstad']
    fields = [e.fields for e in ctx.ledger]
    assert fields == [["name"], ["city", "name"], ["name"], ["name"], ["name"], ["city", "name"]]
    nl_sites = search_domains("NL")
    assert [str(p) for p in ctx.unchecked_parts] == [
        f"{len(nl_sites)} planned searches not made, e.g. on people-search sites "
        "(raise max_queries)",
        f"not searched: name on a people-search or directory site ({len(nl_sites)}x)"]
    route.reset()
    hits, ctx = await run_search(
        SearxngProvider(base_url=BASE, options=SearxngOptions(max_queries=80)), query)
    sent = [c.request.url.params["q"] for c in route.calls]
    assert sent[-len(nl_sites):] == [f'"Anna van der Berg" site:{d}' for d in nl_sites]
    assert hits[0].site == "detelefoongids.nl"
    assert ctx.unchecked_parts == []


@respx.mock
async def test_site_queries_use_the_profile_country_and_can_be_switched_off() -> None:
    route = respx.get(f"{BASE}/search").respond(json={"results": [], "unresponsive_engines": []})
    us = Query(country=Country.US, names=[PersonName(given="Jane", surname="Example")])
    await run_search(SearxngProvider(base_url=BASE, options=SearxngOptions(max_queries=3)), us)
    assert [c.request.url.params["q"] for c in route.calls][1:] == [
        f'"Jane Example" site:{d}' for d in search_domains("US")[:2]]
    assert not any("site:detelefoongids.nl" in str(c.request.url) for c in route.calls)
    route.reset()
    off = SearxngOptions(max_queries=3, site_queries=False)
    await run_search(SearxngProvider(base_url=BASE, options=off), us)
    assert route.call_count == 1


@respx.mock
async def test_results_are_kept_as_they_arrive_so_a_later_failure_keeps_them() -> None:
    # Regression: hits were only returned at the end, so a timeout or Ctrl-C after ten good
    # answers lost all of them and the page inspector had nothing to read.
    respx.get(f"{BASE}/search").mock(side_effect=[
        httpx.Response(200, json=fixture_json("searxng", "results.json")),
        *[httpx.Response(500, json={})] * 5,
    ])
    searx = SearxngProvider(base_url=BASE, options=SearxngOptions(max_queries=2,
                                                                  site_queries=False))
    fetcher, client = make_fetcher()
    async with client:
        ctx = ProviderContext(searx, fetcher)
        with pytest.raises(ProviderResponseError):
            await searx.search(QUERY, ctx)
    assert len(ctx.kept) == 2 and len({o.url for o in ctx.kept}) == 2


def test_one_odd_result_is_left_out_and_engines_as_one_string() -> None:
    """One result without a url no longer fails the whole answer (the doxing post may be the
    next result); `unresponsive_engines` as one string is one engine, not its letters."""
    payload = {
        "results": [{"title": "no url"}, "junk",
                    {"url": "https://forum.test/t/1", "title": "post", "content": "c"}],
        "unresponsive_engines": "bing",
    }
    hits, failed = parse_results(payload)
    assert [h.url for h in hits] == ["https://forum.test/t/1"]
    assert failed == ["bing"]
    assert skipped(payload, hits) == 2
