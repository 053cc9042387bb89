from __future__ import annotations

import httpx
import pytest
import respx

from exposure_scan.errors import ParseError, ProviderResponseError
from exposure_scan.models import SourceKind
from exposure_scan.profile import Country
from exposure_scan.provider import Query
from exposure_scan.providers.wayback import (
    WaybackOptions,
    WaybackProvider,
    likely_pages,
    parse_available,
    parse_cdx,
    spread,
)
from tests.conftest import fixture_json, fixture_text, run_search

BASE = "https://wayback.test"
CDX = f"{BASE}/cdx/search/cdx"
AVAILABLE = "https://available.test/wayback/available"
PAGE = "https://www.example.nl/team"
QUERY = Query(country=Country.NL, urls=[PAGE])


def provider(**options: object) -> WaybackProvider:
    opts = WaybackOptions(availability_url=AVAILABLE, **options)
    return WaybackProvider(base_url=BASE, options=opts)


def test_parse_cdx_reads_rows_and_stops_at_the_resume_key() -> None:
    rows = parse_cdx(fixture_text("wayback", "cdx-site.json"))
    assert len(rows) == 5 and rows[0] == ("20160101000000", "http://example.org:80/")


@pytest.mark.parametrize("body", ["", "  \n", "[]"])
def test_parse_cdx_empty_is_no_captures(body: str) -> None:
    assert parse_cdx(body) == []


@pytest.mark.parametrize(
    "body", ["<html>", "{}", '[["urlkey"]]', '[["timestamp","original"],["1"]]'])
def test_parse_cdx_refuses_unknown_shapes(body: str) -> None:
    with pytest.raises(ParseError):
        parse_cdx(body)


def test_parse_available() -> None:
    assert parse_available(fixture_json("wayback", "available.json"), PAGE) == [
        ("20260212061822", PAGE)]
    assert parse_available(fixture_json("wayback", "available-none.json"), PAGE) == []
    with pytest.raises(ParseError):
        parse_available({"url": PAGE}, PAGE)


def test_spread_takes_oldest_to_newest() -> None:
    assert spread([1, 2, 3, 4, 5], 2) == [1, 5]
    assert spread([1, 2, 3, 4, 5], 3) == [1, 3, 5]
    assert spread([1, 2, 3], 1) == [3]
    assert spread([1], 4) == [1]


def test_likely_pages_dedupes_and_ranks_contact_pages_first() -> None:
    pages = likely_pages(parse_cdx(fixture_text("wayback", "cdx-site.json")), 3)
    assert [p[1] for p in pages] == ["https://www.example.org/contact",
                                     "https://example.org/over-ons/team",
                                     "http://example.org:80/"]


@respx.mock
async def test_found_page_snapshots_for_the_inspector() -> None:
    route = respx.get(CDX).respond(text=fixture_text("wayback", "cdx-page.json"))
    hits, _ = await run_search(provider(), QUERY)
    assert [h.url for h in hits] == [f"{BASE}/web/20150101000000/{PAGE}",
                                     f"{BASE}/web/20240101080000/{PAGE}"]
    assert all(h.inspect and h.source_kind is SourceKind.ARCHIVE for h in hits)
    assert hits[0].extra == {"original": PAGE, "timestamp": "20150101000000"}
    params = route.calls[0].request.url.params
    assert params["url"] == PAGE and params["matchType"] == "exact"
    assert params["collapse"] == "digest" and params.get_list("filter") == ["statuscode:200"]


@respx.mock
async def test_own_website_pages_by_host_and_fields_in_ledger() -> None:
    route = respx.get(CDX).respond(text=fixture_text("wayback", "cdx-site.json"))
    query = Query(country=Country.NL, websites=["https://example.org"])
    hits, ctx = await run_search(provider(pages_per_site=2), query)
    assert [h.extra["original"] for h in hits] == ["https://www.example.org/contact",
                                                   "https://example.org/over-ons/team"]
    params = route.calls[0].request.url.params
    assert (params["url"], params["matchType"], params["collapse"]) == (
        "example.org", "host", "urlkey")
    assert "mimetype:text/html" in params.get_list("filter")
    assert ctx.ledger[0].fields == ["website"]


@respx.mock
async def test_cap_on_urls_and_archive_urls_not_rechecked() -> None:
    route = respx.get(CDX).respond(text="[]")
    urls = [f"https://example.nl/p{i}" for i in range(5)] + ["https://web.archive.org/web/1/x"]
    await run_search(provider(max_urls=3), Query(country=Country.NL, urls=urls))
    assert route.call_count == 3
    assert "web.archive.org" not in str(route.calls)


@respx.mock
async def test_empty_result_is_checked_and_clear() -> None:
    respx.get(CDX).respond(text="")
    hits, ctx = await run_search(provider(), QUERY)
    assert hits == [] and ctx.unchecked_parts == []


@respx.mock
async def test_cdx_failure_falls_back_to_the_availability_api() -> None:
    respx.get(CDX).respond(503)
    respx.get(AVAILABLE).respond(json=fixture_json("wayback", "available.json"))
    hits, _ = await run_search(provider(), QUERY)
    assert [h.url for h in hits] == [f"{BASE}/web/20260212061822/{PAGE}"]


@respx.mock
async def test_one_failing_url_is_noted_the_rest_checked() -> None:
    respx.get(CDX, params={"url": PAGE}).respond(400)
    respx.get(CDX, params={"url": "https://example.nl/ok"}).respond(
        text=fixture_text("wayback", "cdx-page.json"))
    respx.get(AVAILABLE).respond(400)
    hits, ctx = await run_search(provider(), Query(country=Country.NL,
                                                   urls=[PAGE, "https://example.nl/ok"]))
    assert len(hits) == 2 and len(ctx.unchecked_parts) == 1


@respx.mock
async def test_4xx() -> None:
    respx.get(CDX).respond(403)
    respx.get(AVAILABLE).respond(403)
    with pytest.raises(ProviderResponseError, match="403"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_429_with_retry_after_is_retried() -> None:
    route = respx.get(CDX).mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "4"}),
        httpx.Response(200, text=fixture_text("wayback", "cdx-page.json")),
    ])
    hits, _ = await run_search(provider(), QUERY)
    assert len(hits) == 2 and route.call_count == 2


@respx.mock
async def test_unexpected_shape() -> None:
    respx.get(CDX).respond(json={"captures": []})
    with pytest.raises(ParseError):
        await run_search(provider(), QUERY)


def test_metadata_and_test_query() -> None:
    assert WaybackProvider.stage == 2
    assert WaybackProvider().url("cdx/search/cdx") == "https://web.archive.org/cdx/search/cdx"
    assert WaybackProvider().test_query().urls == ["https://example.org/"]
