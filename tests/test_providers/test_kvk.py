from __future__ import annotations

import httpx
import pytest
import respx

from exposure_scan.errors import MissingCredentials, ParseError, ProviderResponseError
from exposure_scan.models import SourceKind
from exposure_scan.profile import Country, PersonName
from exposure_scan.provider import Query, QueryField
from exposure_scan.providers.kvk import (
    KvkOptions,
    KvkProvider,
    error_codes,
    format_address,
    parse_results,
    search_params,
)
from tests.conftest import fixture_json, run_search

BASE = "https://kvk.test/api/v2"
URL = f"{BASE}/zoeken"
QUERY = Query(country=Country.NL, names=[PersonName(given="Jan", surname="Voorbeeld")])


def provider(**options: int) -> KvkProvider:
    return KvkProvider(base_url=BASE, api_key="test-key", options=KvkOptions(**options))


def test_parse_results_reads_names_and_visiting_addresses() -> None:
    hits, total = parse_results(fixture_json("kvk", "zoeken.json"))
    assert total == 3
    assert [h.names for h in hits] == [["Huisartsenpraktijk Jan Voorbeeld"],
                                       ["Jan Voorbeeld Medisch Advies"],
                                       ["Voorbeeld Zorg Buitenland"]]
    assert hits[0].addresses == ["Voorbeeldstraat, Voorbeeldstad"]
    assert hits[1].addresses == []  # a rechtspersoon has no address in Zoeken
    assert hits[2].addresses == ["Examplestrasse 1, 99999 Beispielstadt, Duitsland"]
    assert all(h.source_kind is SourceKind.REGISTRY for h in hits)
    assert hits[0].extra == {"kvk_number": "12345678", "type": "hoofdvestiging",
                             "vestigingsnummer": "000012345678", "address_type": "bezoekadres"}
    assert hits[0].url.endswith("q=12345678")


def test_format_address_full_and_postal() -> None:
    full = {"binnenlandsAdres": {"type": "bezoekadres", "straatnaam": "Voorbeeldstraat",
                                 "huisnummer": 3, "huisletter": "A", "postcode": "9999ZZ",
                                 "plaats": "Voorbeeldstad"}}
    assert format_address(full) == ("bezoekadres", "Voorbeeldstraat 3 A, 9999ZZ Voorbeeldstad")
    box = {"binnenlandsAdres": {"type": "postadres", "postbusnummer": 200,
                                "plaats": "Voorbeeldstad"}}
    assert format_address(box) == ("postadres", "Postbus 200, Voorbeeldstad")


def test_a_postal_address_is_matched_too() -> None:
    """A home used as a correspondence address exposes it as much as a visiting address."""
    payload = {"resultaten": [{"kvkNummer": "1", "naam": "X", "adres": {"binnenlandsAdres": {
        "type": "postadres", "straatnaam": "Voorbeeldstraat", "huisnummer": 3,
        "postcode": "9999ZZ", "plaats": "Voorbeeldstad"}}}]}
    hits, _ = parse_results(payload)
    assert hits[0].addresses == ["Voorbeeldstraat 3, 9999ZZ Voorbeeldstad"]
    assert hits[0].extra["address_type"] == "postadres"


@pytest.mark.parametrize("payload", [
    [], {"resultaten": "x"}, {"resultaten": [{"naam": "no number"}]},
    {"resultaten": [{"kvkNummer": "1", "naam": "X", "adres": "Voorbeeldstraat 1"}]},
])
def test_parse_results_refuses_unknown_shapes(payload: object) -> None:
    with pytest.raises(ParseError):
        parse_results(payload)


def test_error_codes_in_both_documented_places() -> None:
    assert error_codes(fixture_json("kvk", "no-result.json")) == ["IPD5200"]
    assert error_codes(fixture_json("kvk", "invalid-parameter.json")) == ["IPD1999"]
    assert error_codes(None) == []


def test_search_params_name_then_surname_in_city() -> None:
    query = Query(country=Country.NL, names=[PersonName(given="Jan", surname="Voorbeeld")],
                  cities=["Voorbeeldstad"])
    assert search_params(query) == [{"naam": "Jan Voorbeeld"},
                                    {"naam": "Voorbeeld", "plaats": "Voorbeeldstad"}]


def test_metadata() -> None:
    assert KvkProvider.sends == frozenset({QueryField.NAME, QueryField.CITY})
    assert KvkProvider.key_env_var == "KVK_API_KEY" and KvkProvider.key_required
    assert KvkProvider().base_url == "https://api.kvk.nl/api/v2"
    assert KvkProvider().test_query().names


@respx.mock
async def test_search_success_sends_key_header_and_records_fields() -> None:
    route = respx.get(URL).respond(json=fixture_json("kvk", "zoeken.json"))
    hits, ctx = await run_search(provider(), QUERY)
    assert len(hits) == 3
    request = route.calls[0].request
    assert request.headers["apikey"] == "test-key"
    assert request.url.params["naam"] == "Jan Voorbeeld"
    assert request.url.params["resultatenPerPagina"] == "100"
    assert ctx.ledger[0].fields == ["name"]
    assert ctx.unchecked_parts == []


@respx.mock
async def test_more_results_than_read_are_noted() -> None:
    payload = fixture_json("kvk", "zoeken.json") | {"totaal": 250}
    respx.get(URL).respond(json=payload)
    _, ctx = await run_search(provider(), QUERY)
    assert [str(p) for p in ctx.unchecked_parts] == ["KvK: 247 more results for one query not read"]


@respx.mock
async def test_404_ipd5200_is_checked_and_clear() -> None:
    respx.get(URL).respond(404, json=fixture_json("kvk", "no-result.json"))
    hits, ctx = await run_search(provider(), QUERY)
    assert hits == [] and ctx.unchecked_parts == []


@respx.mock
async def test_empty_200_list_is_also_clear() -> None:
    respx.get(URL).respond(json={"pagina": 1, "aantal": 0, "totaal": 0, "resultaten": []})
    hits, _ = await run_search(provider(), QUERY)
    assert hits == []


@respx.mock
async def test_other_404_is_not_clear() -> None:
    respx.get(URL).respond(404, text="not here")
    with pytest.raises(ProviderResponseError, match="404"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_400_names_the_ipd_code() -> None:
    respx.get(URL).respond(400, json=fixture_json("kvk", "invalid-parameter.json"))
    with pytest.raises(ProviderResponseError, match="IPD1999"):
        await run_search(provider(), QUERY)


@pytest.mark.parametrize("status", [401, 403])
@respx.mock
async def test_rejected_key_says_which_env_var(status: int) -> None:
    respx.get(URL).respond(status)
    with pytest.raises(MissingCredentials, match=r"rejected.*KVK_API_KEY"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_server_error_after_retries() -> None:
    route = respx.get(URL).respond(502)
    with pytest.raises(ProviderResponseError, match="502"):
        await run_search(provider(), QUERY)
    assert route.call_count == 3


@respx.mock
async def test_429_with_retry_after_is_retried() -> None:
    route = respx.get(URL).mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "2"}),
        httpx.Response(200, json=fixture_json("kvk", "zoeken.json")),
    ])
    hits, _ = await run_search(provider(), QUERY)
    assert len(hits) == 3 and route.call_count == 2


@respx.mock
async def test_unexpected_shape() -> None:
    respx.get(URL).respond(json={"items": []})
    with pytest.raises(ParseError):
        await run_search(provider(), QUERY)
