from __future__ import annotations

import httpx
import pytest
import respx

from exposure_scan.errors import MissingCredentials, ParseError, ProviderResponseError
from exposure_scan.models import SourceKind
from exposure_scan.profile import Country, PersonName
from exposure_scan.provider import ProviderContext, Query
from exposure_scan.providers.brave import BraveOptions, BraveProvider, parse_results
from tests.conftest import fixture_json, make_fetcher, run_search

BASE = "https://brave.test/res/v1"
SEARCH = f"{BASE}/web/search"
QUERY = Query(country=Country.NL, names=[PersonName(given="Jan", surname="Voorbeeld")],
              cities=["Voorbeeldstad"])


def provider(key: str | None = "k3y", **options: object) -> BraveProvider:
    opts = BraveOptions(**{"max_queries": 1, **options})
    return BraveProvider(base_url=BASE, api_key=key, options=opts)


def test_parse_results_reads_web_results() -> None:
    hits = parse_results(fixture_json("brave", "results.json"))
    assert [h.url for h in hits] == ["https://www.example.nl/team",
                                     "https://forum.example.org/u/janv"]
    assert all(h.inspect and h.source_kind is SourceKind.SEARCH for h in hits)
    assert hits[0].snippet == "Dokter Jan Voorbeeld is huisarts in Voorbeeldstad."


def test_no_web_member_means_no_results() -> None:
    assert parse_results(fixture_json("brave", "no-web.json")) == []


@pytest.mark.parametrize("payload", [
    [], {"web": {"results": []}}, {"type": "search", "web": {"results": "x"}},
    {"type": "search", "web": {"results": [{"title": "no url"}]}},
    fixture_json("brave", "validation.json"),
])
def test_parse_results_refuses_unknown_shapes(payload: object) -> None:
    with pytest.raises(ParseError):
        parse_results(payload)


@respx.mock
async def test_success_uses_name_queries_token_and_count() -> None:
    route = respx.get(SEARCH).respond(json=fixture_json("brave", "results.json"))
    hits, ctx = await run_search(provider(max_queries=2, country="NL"), QUERY)
    assert len(hits) == 2  # same URLs from both queries: deduplicated
    qs = [c.request.url.params["q"] for c in route.calls]
    assert qs == ['"Jan Voorbeeld"', '"Jan Voorbeeld" Voorbeeldstad']
    request = route.calls[0].request
    assert request.headers["X-Subscription-Token"] == "k3y"
    assert request.url.params["count"] == "20" and request.url.params["country"] == "NL"
    assert [e.fields for e in ctx.ledger] == [["name"], ["city", "name"]]


@respx.mock
async def test_empty_result_is_checked_and_clear() -> None:
    respx.get(SEARCH).respond(json=fixture_json("brave", "no-web.json"))
    hits, _ = await run_search(provider(), QUERY)
    assert hits == []


async def test_no_key_names_the_env_var() -> None:
    with pytest.raises(MissingCredentials, match="BRAVE_API_KEY"):
        await run_search(provider(None), QUERY)


@pytest.mark.parametrize("status", [401, 403, 422])
@respx.mock
async def test_bad_key_names_the_env_var(status: int) -> None:
    respx.get(SEARCH).respond(status, json=fixture_json("brave", "token-invalid.json"))
    with pytest.raises(MissingCredentials, match="BRAVE_API_KEY"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_4xx() -> None:
    respx.get(SEARCH).respond(422, json=fixture_json("brave", "validation.json"))
    with pytest.raises(ProviderResponseError, match="422 VALIDATION"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_429_with_retry_after_is_retried() -> None:
    route = respx.get(SEARCH).mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "1"}),
        httpx.Response(200, json=fixture_json("brave", "no-web.json")),
    ])
    hits, _ = await run_search(provider(), QUERY)
    assert hits == [] and route.call_count == 2


@respx.mock
async def test_unexpected_shape() -> None:
    respx.get(SEARCH).respond(json={"results": []})
    with pytest.raises(ParseError):
        await run_search(provider(), QUERY)


def test_metadata_and_test_query() -> None:
    assert BraveProvider.key_required and BraveProvider.key_env_var == "BRAVE_API_KEY"
    assert BraveProvider().url("web/search") == "https://api.search.brave.com/res/v1/web/search"
    assert BraveProvider().test_query().names[0].surname == "Voorbeeld"


@respx.mock
async def test_site_restricted_queries_use_the_catalog() -> None:
    from exposure_scan.catalog import search_domains

    route = respx.get(SEARCH).respond(json=fixture_json("brave", "no-web.json"))
    brave = BraveProvider(base_url=BASE, api_key="k", options=BraveOptions(max_queries=80))
    await run_search(brave, QUERY)
    sites = search_domains(QUERY.country.value)
    sent = [c.request.url.params["q"] for c in route.calls]
    assert [q.rsplit("site:", 1)[-1] for q in sent[-len(sites):]] == sites


@respx.mock
async def test_results_are_kept_as_they_arrive_so_a_later_failure_keeps_them() -> None:
    respx.get(SEARCH).mock(side_effect=[
        httpx.Response(200, json=fixture_json("brave", "results.json")),
        *[httpx.Response(500, json={})] * 5,
    ])
    brave = provider(max_queries=2)
    fetcher, client = make_fetcher()
    async with client:
        ctx = ProviderContext(brave, fetcher)
        with pytest.raises(ProviderResponseError):
            await brave.search(QUERY, ctx)
    assert ctx.kept and len({o.url for o in ctx.kept}) == len(ctx.kept)


def test_one_odd_result_is_left_out_not_the_whole_answer() -> None:
    """A hostile or changed answer with one result in another shape keeps the others."""
    payload = {"type": "search", "web": {"results": [
        {"title": "no url"}, {"url": ["x"]},
        {"url": "https://forum.test/t/1", "title": "post", "description": "d"},
    ]}}
    assert [h.url for h in parse_results(payload)] == ["https://forum.test/t/1"]
