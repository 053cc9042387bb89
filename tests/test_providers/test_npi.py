from __future__ import annotations

import httpx
import pytest
import respx

from exposure_scan.errors import ParseError, ProviderResponseError
from exposure_scan.models import SourceKind
from exposure_scan.profile import Country, PersonName
from exposure_scan.provider import Query, QueryField
from exposure_scan.providers.npi import NpiOptions, NpiProvider, format_address, parse_page
from tests.conftest import fixture_json, run_search

BASE = "https://npi.test/api"
API = f"{BASE}/"
QUERY = Query(country=Country.US, names=[PersonName(given="Jane Q", surname="Example")])


def provider(**options: object) -> NpiProvider:
    return NpiProvider(base_url=BASE, options=NpiOptions(**options))


def test_parse_page_reads_every_address_type_and_number_as_int_or_str() -> None:
    records, count = parse_page(fixture_json("npi", "results.json"))
    assert count == 2
    first, second = records
    assert first.extra == {"npi": "1234567890", "sole_proprietor": "yes"}
    assert second.extra == {"npi": "1234567891"}
    assert first.source_kind is SourceKind.REGISTRY
    assert first.names == ["JANE Q EXAMPLE", "JANE SAMPLE"]
    assert first.addresses == [
        "1 EXAMPLE ST SUITE 100, SPRINGFIELD, NY 99999-0000",
        "2 EXAMPLE AVE, SPRINGFIELD, NY 99999",
        "3 SAMPLE RD, SHELBYVILLE, NY 99998-0000",
    ]
    assert first.phones == ["555-555-0199", "555-555-0198", "555-555-0197"]
    assert "home address" in first.snippet
    assert first.url.endswith("/1234567890")


def test_format_address_without_address_2() -> None:
    assert format_address({"address_1": "9 X ST", "city": "Y", "state": "NY",
                           "postal_code": "12345"}) == "9 X ST, Y, NY 12345"


def test_errors_array_is_a_failure_not_no_match() -> None:
    with pytest.raises(ProviderResponseError, match="No valid search criteria"):
        parse_page(fixture_json("npi", "errors.json"))


@pytest.mark.parametrize("payload", [
    [], {"result_count": 1}, {"results": "x"}, {"results": [{"number": 1}]},
    {"results": [{"number": "abc", "basic": {}}]},
    {"results": [{"number": 1, "basic": {}, "addresses": ["x"]}]},
])
def test_parse_page_refuses_unknown_shapes(payload: object) -> None:
    with pytest.raises(ParseError):
        parse_page(payload)


@respx.mock
async def test_search_success_sends_first_and_last_name() -> None:
    route = respx.get(API).respond(json=fixture_json("npi", "results.json"))
    hits, _ = await run_search(provider(), QUERY)
    assert [h.extra["npi"] for h in hits] == ["1234567890", "1234567891"]
    params = route.calls[0].request.url.params
    assert params["version"] == "2.1"
    assert (params["first_name"], params["last_name"]) == ("Jane", "Example")
    assert (params["limit"], params["skip"], params["enumeration_type"]) == ("200", "0", "NPI-1")


@respx.mock
async def test_pagination_follows_skip_up_to_max_results() -> None:
    record = fixture_json("npi", "results.json")["results"][1]

    def page(request: httpx.Request) -> httpx.Response:
        skip, limit = int(request.url.params["skip"]), int(request.url.params["limit"])
        items = [{**record, "number": str(1000000000 + skip + i)} for i in range(limit)]
        return httpx.Response(200, json={"result_count": len(items), "results": items})

    route = respx.get(API).mock(side_effect=page)
    hits, _ = await run_search(provider(max_results=1200, organisations=False), QUERY)
    assert len(hits) == 1200
    skips = [int(c.request.url.params["skip"]) for c in route.calls]
    assert skips == [0, 200, 400, 600, 800, 1000]


@respx.mock
async def test_pagination_stops_on_a_short_page() -> None:
    route = respx.get(API).respond(json=fixture_json("npi", "results.json"))
    await run_search(provider(max_results=600, organisations=False), QUERY)
    assert route.call_count == 1


@respx.mock
async def test_empty_result_is_checked_and_clear() -> None:
    respx.get(API).respond(json=fixture_json("npi", "empty.json"))
    hits, _ = await run_search(provider(), QUERY)
    assert hits == []


@respx.mock
async def test_http_200_with_errors_is_unchecked() -> None:
    respx.get(API).respond(json=fixture_json("npi", "errors.json"))
    with pytest.raises(ProviderResponseError, match="NPPES refused"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_4xx() -> None:
    respx.get(API).respond(400, json={"message": "bad"})
    with pytest.raises(ProviderResponseError, match="400"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_5xx_after_retries() -> None:
    route = respx.get(API).respond(503)
    with pytest.raises(ProviderResponseError, match="503"):
        await run_search(provider(), QUERY)
    assert route.call_count == 3


@respx.mock
async def test_429_with_retry_after_is_retried() -> None:
    route = respx.get(API).mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "2"}),
        httpx.Response(200, json=fixture_json("npi", "empty.json")),
    ])
    hits, _ = await run_search(provider(organisations=False), QUERY)
    assert hits == [] and route.call_count == 2


@respx.mock
async def test_unexpected_shape() -> None:
    respx.get(API).respond(json={"data": []})
    with pytest.raises(ParseError):
        await run_search(provider(), QUERY)


def test_metadata_and_test_query() -> None:
    assert NpiProvider.default_base_url == "https://npiregistry.cms.hhs.gov/api"
    assert NpiProvider().url("/") == "https://npiregistry.cms.hhs.gov/api/"
    query = NpiProvider().test_query()
    assert query.country is Country.US and query.names


def test_an_organisation_record_names_its_authorized_official() -> None:
    [clinic], _ = parse_page(fixture_json("npi", "organisation.json"))
    assert clinic.names == ["EXAMPLE FAMILY PRACTICE LLC", "JANE Q EXAMPLE"]
    assert clinic.addresses == ["10 CLINIC WAY, SPRINGFIELD, NY 99999-0000"]
    assert clinic.phones == ["555-555-0150", "5555550151"]
    assert "Authorized official: JANE Q EXAMPLE" in clinic.snippet


@respx.mock
async def test_the_person_as_authorized_official_and_the_practice_name_are_searched() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        if params.get("enumeration_type") == "NPI-2":
            return httpx.Response(200, json=fixture_json("npi", "organisation.json"))
        return httpx.Response(200, json=fixture_json("npi", "results.json"))

    route = respx.get(API).mock(side_effect=answer)
    query = QUERY.model_copy(update={"practice_names": ["Example Family Practice"]})
    hits, ctx = await run_search(provider(), query)
    asked = [dict(c.request.url.params) for c in route.calls]
    assert asked[1]["name_purpose"] == "AO" and asked[1]["enumeration_type"] == "NPI-2"
    assert (asked[1]["first_name"], asked[1]["last_name"]) == ("Jane", "Example")
    assert asked[2]["organization_name"] == "Example Family Practice"
    assert "first_name" not in asked[2]
    assert [e.fields for e in ctx.ledger] == [["name"], ["name"], ["practice_name"]]
    # The clinic's record is kept once, beside the two individual records.
    assert sorted(h.extra["npi"] for h in hits) == ["1234567890", "1234567891", "1987654321"]


@respx.mock
async def test_organisation_searches_can_be_switched_off() -> None:
    route = respx.get(API).respond(json=fixture_json("npi", "empty.json"))
    await run_search(provider(organisations=False), QUERY)
    assert route.call_count == 1
    assert NpiProvider.sends == {QueryField.NAME, QueryField.PRACTICE_NAME}
