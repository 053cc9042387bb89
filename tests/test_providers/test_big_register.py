from __future__ import annotations

import httpx
import pytest
import respx

from exposure_scan.errors import ParseError, ProviderResponseError
from exposure_scan.models import SourceKind
from exposure_scan.profile import Country, PersonName
from exposure_scan.provider import Query, QueryField
from exposure_scan.providers.big_register import (
    SOAP_ACTION,
    BigRegisterProvider,
    build_request,
    parse_response,
    split_surname,
)
from tests.conftest import fixture_text, run_search

URL = "https://big.test/zksrv/soap/4"
QUERY = Query(country=Country.NL, names=[PersonName(given="Jan", surname="Voorbeeld")])


def provider() -> BigRegisterProvider:
    return BigRegisterProvider(base_url=URL)


def test_parse_response_reads_people() -> None:
    jan, anna = parse_response(fixture_text("big_register", "two-results.xml"))
    assert jan.names == ["J. Voorbeeld", "J Voorbeeld"]
    assert jan.extra == {"big_number": "01234567890", "profession": "arts",
                         "specialism": "huisartsgeneeskunde"}
    assert jan.addresses == ["Voorbeeldstraat 3 A, 9999ZZ VOORBEELDSTAD"]
    assert jan.phones == ["0591-123456"] and jan.emails == ["praktijk@voorbeeld.example"]
    assert jan.source_kind is SourceKind.REGISTRY and jan.url.endswith("#01234567890")
    assert anna.names == ["A.M. van der Berg"]  # mailing and formal name coincide
    assert anna.extra["profession"] == "verpleegkundige" and anna.addresses == []


def test_empty_list_is_no_result() -> None:
    assert parse_response(fixture_text("big_register", "empty.xml")) == []


def test_soap_fault_is_unchecked_with_the_reason() -> None:
    with pytest.raises(ProviderResponseError, match="te veel resultaten"):
        parse_response(fixture_text("big_register", "fault.xml"))


@pytest.mark.parametrize("xml", [
    "not xml", "<a/>", '<s:Envelope xmlns:s="x"><s:Body><Other/></s:Body></s:Envelope>',
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
])
def test_parse_response_refuses_unknown_shapes_and_dtds(xml: str) -> None:
    with pytest.raises(ParseError):
        parse_response(xml)


def test_person_without_big_number_is_a_format_change() -> None:
    xml = fixture_text("big_register", "two-results.xml").replace(
        "<ArticleRegistrationNumber>01234567890</ArticleRegistrationNumber>", "", 1)
    with pytest.raises(ParseError):
        parse_response(xml)


def test_split_surname_and_request() -> None:
    assert split_surname("van der Berg") == ("van der", "Berg")
    assert split_surname("Kuiper-van der Berg") == ("", "Kuiper-van der Berg")
    assert split_surname("van") == ("", "van")
    body = build_request(PersonName(given="anna Maria", surname="van der Berg & Co")).decode()
    assert "<ns:Name>Berg &amp; Co</ns:Name>" in body
    assert "<ns:Prefix>van der</ns:Prefix>" in body and "<ns:Initials>A</ns:Initials>" in body
    assert "<ns:WebSite>Ribiz</ns:WebSite>" in body


def test_metadata() -> None:
    assert BigRegisterProvider.sends == frozenset({QueryField.NAME})
    assert BigRegisterProvider.key_env_var is None
    assert BigRegisterProvider().base_url == "https://api.bigregister.nl/zksrv/soap/4"
    assert BigRegisterProvider().test_query().names[0].surname == "Voorbeeld"


@respx.mock
async def test_search_posts_soap_through_the_fetcher() -> None:
    route = respx.post(URL).respond(text=fixture_text("big_register", "two-results.xml"),
                                    headers={"Content-Type": "text/xml; charset=utf-8"})
    hits, ctx = await run_search(provider(), QUERY)
    assert [h.extra["big_number"] for h in hits] == ["01234567890", "09876543210"]
    request = route.calls[0].request
    assert request.headers["SOAPAction"] == SOAP_ACTION
    assert request.headers["Content-Type"].startswith("text/xml")
    assert b"<ns:Name>Voorbeeld</ns:Name>" in request.content
    assert ctx.ledger[0].method == "POST" and ctx.ledger[0].fields == ["name"]


@respx.mock
async def test_empty_result_is_checked_and_clear() -> None:
    respx.post(URL).respond(text=fixture_text("big_register", "empty.xml"))
    hits, ctx = await run_search(provider(), QUERY)
    assert hits == [] and ctx.unchecked_parts == []


@respx.mock
async def test_fault_with_a_4xx_keeps_the_reason() -> None:
    respx.post(URL).respond(400, text=fixture_text("big_register", "fault.xml"))
    with pytest.raises(ProviderResponseError, match="te veel"):
        await run_search(provider(), QUERY)


@pytest.mark.parametrize("status", [401, 403, 404])
@respx.mock
async def test_4xx_is_a_source_error(status: int) -> None:
    respx.post(URL).respond(status, text="nope")
    with pytest.raises(ProviderResponseError, match=str(status)):
        await run_search(provider(), QUERY)


@respx.mock
async def test_429_with_retry_after_is_retried_with_the_body() -> None:
    route = respx.post(URL).mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "2"}),
        httpx.Response(200, text=fixture_text("big_register", "empty.xml")),
    ])
    hits, _ = await run_search(provider(), QUERY)
    assert hits == [] and route.call_count == 2
    assert b"listHcpApproxRequest" in route.calls[1].request.content


@respx.mock
async def test_unexpected_shape() -> None:
    respx.post(URL).respond(json={"results": []})
    with pytest.raises(ParseError):
        await run_search(provider(), QUERY)


@respx.mock
async def test_a_soap_fault_sent_as_http_500_keeps_its_reason() -> None:
    respx.post(URL).respond(500, text=fixture_text("big_register", "fault.xml"),
                            headers={"Content-Type": "text/xml"})
    with pytest.raises(ProviderResponseError, match="te veel resultaten"):
        await run_search(provider(), QUERY)
