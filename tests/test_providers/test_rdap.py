from __future__ import annotations

import httpx
import pytest
import respx

from exposure_scan.errors import ParseError, ProviderResponseError
from exposure_scan.models import RunReason, SourceKind
from exposure_scan.profile import Country
from exposure_scan.provider import Query
from exposure_scan.providers.rdap import (
    RdapOptions,
    RdapProvider,
    domain_of,
    parse_bootstrap,
    parse_domain,
    parse_vcard,
    server_for,
)
from tests.conftest import fixture_json, run_search

BASE = "https://iana.test/rdap"
BOOT = f"{BASE}/dns.json"
SIDN = "https://rdap.sidn.nl/domain/example.nl"
ORG = "https://rdap.longest-match.test/domain/example.org"
QUERY = Query(country=Country.NL, websites=["https://www.example.nl/team"],
              emails=["someone@gmail.com", "a.voorbeeld@example.nl"])


def provider(**options: object) -> RdapProvider:
    return RdapProvider(base_url=BASE, options=RdapOptions(**options))


def test_domain_of_urls_and_emails() -> None:
    assert domain_of("https://www.Example.nl/team?x=1") == "example.nl"
    assert domain_of("example.org") == "example.org"
    assert domain_of(" jan@Praktijk.Example.nl ") == "praktijk.example.nl"


def test_bootstrap_prefers_https_and_longest_suffix() -> None:
    servers = parse_bootstrap(fixture_json("rdap", "bootstrap.json"))
    assert servers["org"] == "https://rdap.org-registry.test/rdap/"
    assert server_for("www.example.org", servers) == "https://rdap.longest-match.test/"
    assert server_for("other.org", servers) == "https://rdap.org-registry.test/rdap/"
    assert server_for("example.invalid", servers) == ""


@pytest.mark.parametrize("payload", [{}, {"services": "x"}, {"services": [["org"]]}])
def test_bootstrap_refuses_unknown_shapes(payload: object) -> None:
    with pytest.raises(ParseError):
        parse_bootstrap(payload)


def test_parse_vcard_reads_fn_adr_tel_email() -> None:
    card = parse_vcard(fixture_json("rdap", "domain-nl.json")["entities"][0]["vcardArray"])
    assert card["names"] == ["Jan Voorbeeld"]
    assert card["orgs"] == ["Huisartsenpraktijk Voorbeeld"]
    assert card["addresses"] == ["Voorbeeldstraat 1, 1234AB Voorbeeldstad, NL"]
    assert card["phones"] == ["+31.612345678"]
    assert card["emails"] == ["jan@example.nl"]


def test_parse_vcard_uses_an_adr_label() -> None:
    card = parse_vcard(["vcard", [["adr", {"label": "Laan 2\n1234 AB Stad"}, "text",
                                   ["", "", "", "", "", "", ""]]]])
    assert card["addresses"] == ["Laan 2 1234 AB Stad"]


def test_parse_domain_one_observation_per_contact_not_registrar() -> None:
    obs = parse_domain(fixture_json("rdap", "domain-nl.json"), "example.nl", SIDN)
    assert [o.extra["roles"] for o in obs] == ["registrant", "administrative,technical"]
    registrant = obs[0]
    assert registrant.source_kind is SourceKind.DOMAIN
    assert registrant.names == ["Jan Voorbeeld"] and registrant.emails == ["jan@example.nl"]
    assert "redacted" not in registrant.extra
    assert obs[1].emails == ["beheer@example.nl"] and obs[1].names == []
    assert all("abuse@" not in " ".join(o.emails) for o in obs)


def test_redacted_contacts_are_reported_without_values() -> None:
    obs = parse_domain(fixture_json("rdap", "domain-redacted.json"), "example.org", ORG)
    assert [o.extra["roles"] for o in obs] == ["registrant", "technical"]
    for o in obs:
        assert o.extra["redacted"] == "yes"
        assert not (o.names or o.addresses or o.phones or o.emails)
        assert "redacted" in o.title
    assert "Registrant Name" in obs[0].snippet


def test_no_contacts_but_redacted_member_says_redacted() -> None:
    obs = parse_domain(fixture_json("rdap", "domain-no-contacts.json"), "example.org", ORG)
    assert len(obs) == 1 and obs[0].extra["redacted"] == "yes"
    assert "Registrant Email" in obs[0].snippet


@pytest.mark.parametrize("payload", [
    [], {"errorCode": 404}, {"objectClassName": "domain", "entities": ["x"]},
    {"objectClassName": "domain", "entities": [{"roles": ["registrant"], "vcardArray": "x"}]},
    {"objectClassName": "domain",
     "entities": [{"roles": ["registrant"], "vcardArray": ["vcard", [["fn"]]]}]},
])
def test_parse_domain_refuses_unknown_shapes(payload: object) -> None:
    with pytest.raises(ParseError):
        parse_domain(payload, "example.org", ORG)


@respx.mock
async def test_search_skips_webmail_sends_domains_only_and_uses_fallback_for_nl() -> None:
    respx.get(BOOT).respond(json=fixture_json("rdap", "bootstrap.json"))
    route = respx.get(SIDN).respond(json=fixture_json("rdap", "domain-nl.json"))
    hits, ctx = await run_search(provider(), QUERY)
    assert len(hits) == 2 and route.call_count == 1
    assert route.calls[0].request.headers["Accept"] == "application/rdap+json"
    ledger = {e.host: e.fields for e in ctx.ledger}
    assert ledger["iana.test"] == []
    assert ledger["rdap.sidn.nl"] == ["website", "work_email"]
    assert not any("@" in str(c.request.url) for c in respx.calls)


@respx.mock
async def test_subdomain_falls_back_to_its_parent() -> None:
    respx.get(BOOT).respond(json=fixture_json("rdap", "bootstrap.json"))
    sub = respx.get("https://rdap.sidn.nl/domain/praktijk.example.nl").respond(
        404, json=fixture_json("rdap", "not-found.json"))
    respx.get(SIDN).respond(json=fixture_json("rdap", "domain-nl.json"))
    query = Query(country=Country.NL, websites=["https://praktijk.example.nl"])
    hits, _ = await run_search(provider(), query)
    assert sub.called and hits[0].extra["domain"] == "example.nl"


@respx.mock
async def test_not_registered_is_checked_and_clear() -> None:
    respx.get(BOOT).respond(json=fixture_json("rdap", "bootstrap.json"))
    respx.get(SIDN).respond(404, json=fixture_json("rdap", "not-found.json"))
    hits, ctx = await run_search(provider(), QUERY)
    assert hits == [] and ctx.unchecked_parts == []


async def test_nothing_to_look_up_sends_nothing() -> None:
    query = Query(country=Country.NL, emails=["someone@gmail.com"])
    hits, ctx = await run_search(provider(), query)
    assert hits == [] and ctx.ledger == []


@respx.mock
async def test_option_servers_override_and_unknown_tld_is_unchecked() -> None:
    respx.get(BOOT).respond(json=fixture_json("rdap", "bootstrap.json"))
    respx.get("https://rdap.custom.test/domain/example.nl").respond(
        json=fixture_json("rdap", "domain-nl.json"))
    query = Query(country=Country.NL, websites=["https://example.nl", "https://example.zz"])
    hits, ctx = await run_search(provider(servers={"nl": "https://rdap.custom.test"}), query)
    assert len(hits) == 2
    assert [str(p) for p in ctx.unchecked_parts] == ["example.zz: no RDAP server known for .zz"]


@respx.mock
async def test_no_server_for_any_domain_is_unchecked() -> None:
    respx.get(BOOT).respond(json=fixture_json("rdap", "bootstrap.json"))
    with pytest.raises(ProviderResponseError) as caught:
        await run_search(provider(), Query(country=Country.NL, websites=["https://example.zz"]))
    assert caught.value.reason is RunReason.NO_SERVER and str(caught.value) == ""


@respx.mock
async def test_4xx() -> None:
    respx.get(BOOT).respond(json=fixture_json("rdap", "bootstrap.json"))
    respx.get(SIDN).respond(400, json={"errorCode": 400, "title": "Bad Request"})
    with pytest.raises(ProviderResponseError, match="400"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_bootstrap_unavailable() -> None:
    respx.get(BOOT).respond(404)
    with pytest.raises(ProviderResponseError, match="bootstrap"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_429_with_retry_after_is_retried() -> None:
    respx.get(BOOT).respond(json=fixture_json("rdap", "bootstrap.json"))
    route = respx.get(SIDN).mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "5"}),
        httpx.Response(200, json=fixture_json("rdap", "domain-nl.json")),
    ])
    hits, _ = await run_search(provider(), QUERY)
    assert len(hits) == 2 and route.call_count == 2


@respx.mock
async def test_unexpected_shape() -> None:
    respx.get(BOOT).respond(json=fixture_json("rdap", "bootstrap.json"))
    respx.get(SIDN).respond(json={"domain": "example.nl"})
    with pytest.raises(ParseError):
        await run_search(provider(), QUERY)


def test_metadata_and_test_query() -> None:
    assert RdapProvider().url("dns.json") == "https://data.iana.org/rdap/dns.json"
    assert RdapProvider().test_query().websites == ["https://example.org"]


def test_a_business_called_privacy_is_not_taken_for_redaction() -> None:
    from exposure_scan.providers.rdap import REDACTION

    assert not REDACTION.search("Privacy Huisartsen BV")
    assert not REDACTION.search("privacy@voorbeeld.example")
    assert REDACTION.search("REDACTED FOR PRIVACY")
    assert REDACTION.search("Data Protected, Not Disclosed")


def test_privacy_proxy_registrants_are_redaction() -> None:
    from exposure_scan.providers.rdap import REDACTION

    for text in ("Contact Privacy Inc. Customer 0123", "PrivacyGuardian.org llc",
                 "Perfect Privacy, LLC", "Domains By Proxy, LLC", "WhoisGuard, Inc."):
        assert REDACTION.search(text), text
