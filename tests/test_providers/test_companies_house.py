from __future__ import annotations

import base64

import httpx
import pytest
import respx

from exposure_scan.errors import MissingCredentials, ParseError, ProviderResponseError
from exposure_scan.models import SourceKind
from exposure_scan.profile import Country, PersonName
from exposure_scan.provider import Query, QueryField
from exposure_scan.providers.companies_house import (
    CompaniesHouseOptions,
    CompaniesHouseProvider,
    birth_month,
    format_address,
    parse_appointments,
    parse_officer_search,
)
from tests.conftest import fixture_json, run_search

BASE = "https://ch.test"
SEARCH = f"{BASE}/search/officers"
APPOINTMENTS = f"{BASE}/officers/AbCdEf0123456789xyz/appointments"
QUERY = Query(country=Country.UK, names=[PersonName(given="Jane", surname="Example")])


def provider(**options: int) -> CompaniesHouseProvider:
    return CompaniesHouseProvider(base_url=BASE, api_key="ch-key",
                                  options=CompaniesHouseOptions(**options))


def test_parse_officer_search() -> None:
    hits = parse_officer_search(fixture_json("companies_house", "search-officers.json"))
    assert [h.names for h in hits] == [["Jane EXAMPLE"], ["Janet OTHERNAME"]]
    assert hits[0].addresses == ["1 Example Road, Exampletown, Exampleshire, England, EX1 1AA"]
    assert hits[0].extra["date_of_birth"] == "1970-12"
    assert "date_of_birth" not in hits[1].extra
    assert hits[0].url.endswith("/officers/AbCdEf0123456789xyz/appointments")
    assert hits[0].source_kind is SourceKind.REGISTRY


def test_parse_appointments_collects_correspondence_addresses_and_dob() -> None:
    obs = parse_appointments(fixture_json("companies_house", "appointments.json"), "https://x/o")
    assert obs.names == ["Jane EXAMPLE"]
    assert obs.addresses == [
        "1, Example Road, Exampletown, EX1 1AA, United Kingdom",
        "Example Accountants, 3 Sample Lane, Sampleton, SA1 3CC",
    ]
    assert obs.extra == {"appointments": "2", "date_of_birth": "1970-12"}
    assert "EXAMPLE MEDICAL LTD (director, Medical Practitioner" in obs.text


def test_small_helpers() -> None:
    assert birth_month({"year": 1970}) == "1970"
    assert birth_month(None) == ""
    assert format_address(None) == ""


@pytest.mark.parametrize("payload", [[], {"items": "x"}, {"items": [{"title": "no links"}]},
                                     {"total_results": 3}])
def test_parse_officer_search_refuses_unknown_shapes(payload: object) -> None:
    with pytest.raises(ParseError):
        parse_officer_search(payload)


@pytest.mark.parametrize("payload", [{}, {"items": ["x"]},
                                     {"items": [{"address": "1 Example Road"}]}])
def test_parse_appointments_refuses_unknown_shapes(payload: object) -> None:
    with pytest.raises(ParseError):
        parse_appointments(payload, "https://x/o")


def test_metadata() -> None:
    assert CompaniesHouseProvider.sends == frozenset({QueryField.NAME})
    assert CompaniesHouseProvider.default_rate_limit == 2.0
    assert CompaniesHouseProvider.key_env_var == "COMPANIES_HOUSE_API_KEY"
    assert CompaniesHouseProvider().test_query().country is Country.UK


@respx.mock
async def test_search_then_appointments_of_matching_officers_only() -> None:
    search = respx.get(SEARCH).respond(json=fixture_json("companies_house", "search-officers.json"))
    appts = respx.get(APPOINTMENTS).respond(
        json=fixture_json("companies_house", "appointments.json"))
    hits, ctx = await run_search(provider(), QUERY)
    assert search.calls[0].request.url.params["q"] == "Jane Example"
    expected = "Basic " + base64.b64encode(b"ch-key:").decode()
    assert search.calls[0].request.headers["Authorization"] == expected
    assert appts.call_count == 1  # "Janet OTHERNAME" does not carry the surname
    assert len(hits) == 2
    assert hits[0].extra["appointments"] == "2"
    assert all(e.fields == ["name"] for e in ctx.ledger)


@respx.mock
async def test_empty_result_is_checked_and_clear() -> None:
    respx.get(SEARCH).respond(json=fixture_json("companies_house", "search-empty.json"))
    hits, ctx = await run_search(provider(), QUERY)
    assert hits == [] and ctx.unchecked_parts == []


@respx.mock
async def test_missing_appointment_list_is_noted_not_fatal() -> None:
    respx.get(SEARCH).respond(json=fixture_json("companies_house", "search-officers.json"))
    respx.get(APPOINTMENTS).respond(404, json={"errors": [{"error": "not-found"}]})
    hits, ctx = await run_search(provider(), QUERY)
    assert len(hits) == 2 and len(ctx.unchecked_parts) == 1


@pytest.mark.parametrize("status", [401, 403])
@respx.mock
async def test_rejected_key_says_which_env_var(status: int) -> None:
    respx.get(SEARCH).respond(status, json={"error": "Invalid Authorization"})
    with pytest.raises(MissingCredentials, match=r"rejected.*COMPANIES_HOUSE_API_KEY"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_400_is_a_source_error() -> None:
    respx.get(SEARCH).respond(400, json={"errors": [{"error": "q is required"}]})
    with pytest.raises(ProviderResponseError, match="400"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_429_with_retry_after_is_retried() -> None:
    route = respx.get(SEARCH).mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "5"}),
        httpx.Response(200, json=fixture_json("companies_house", "search-empty.json")),
    ])
    hits, _ = await run_search(provider(), QUERY)
    assert hits == [] and route.call_count == 2


@respx.mock
async def test_unexpected_shape() -> None:
    respx.get(SEARCH).respond(json={"results": []})
    with pytest.raises(ParseError):
        await run_search(provider(), QUERY)


@respx.mock
async def test_officers_on_later_result_pages_are_noted_as_not_read() -> None:
    respx.get(SEARCH).respond(json={"total_results": 40, "items": [], "kind": "search#officers"})
    hits, ctx = await run_search(provider(), QUERY)
    assert hits == []
    assert any("40 more officers" in p for p in map(str, ctx.unchecked_parts))
