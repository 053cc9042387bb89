from __future__ import annotations

import hashlib

import httpx
import pytest
import respx

from exposure_scan.errors import MissingCredentials, ParseError, ProviderResponseError
from exposure_scan.models import SourceKind
from exposure_scan.profile import Country
from exposure_scan.provider import Query, QueryField
from exposure_scan.providers.gravatar import GravatarProvider, email_hash, parse_profile
from tests.conftest import fixture_json, run_search

BASE = "https://gravatar.test/v3"
EMAIL = "Jan@Example.nl "
HASH = hashlib.sha256(b"jan@example.nl").hexdigest()
PROFILE = f"{BASE}/profiles/{HASH}"
QUERY = Query(country=Country.NL, emails=[EMAIL])


def provider(key: str | None = None) -> GravatarProvider:
    return GravatarProvider(base_url=BASE, api_key=key)


def test_hash_is_sha256_of_trimmed_lowercased_email() -> None:
    assert email_hash(EMAIL) == HASH


def test_parse_profile_public_fields() -> None:
    obs = parse_profile(fixture_json("gravatar", "profile.json"), "jan@example.nl")
    assert obs.source_kind is SourceKind.AVATAR
    assert obs.url == "https://gravatar.com/janvoorbeeld"
    assert obs.names == ["Jan Voorbeeld"] and obs.addresses == ["Voorbeeldstad"]
    assert obs.emails == ["jan@example.nl"]
    assert obs.extra["links"] == "https://github.com/example"
    assert "Praktijk Voorbeeld" in obs.snippet


def test_parse_profile_authenticated_fields() -> None:
    obs = parse_profile(fixture_json("gravatar", "profile-authenticated.json"), "j@example.org")
    assert obs.names == ["janv", "Jan Voorbeeld"]
    assert obs.phones == ["+31 20 123 4567", "+31 6 12345678"]
    assert obs.emails == ["j@example.org", "jan@example.nl"]
    assert obs.extra["links"] == "https://www.example.nl"


@pytest.mark.parametrize("payload", [[], {"display_name": "x"}, {"hash": "h", "links": "x"},
                                     {"hash": "h", "contact_info": []},
                                     {"hash": "h", "profile_url": 3}])
def test_parse_profile_refuses_unknown_shapes(payload: object) -> None:
    with pytest.raises(ParseError):
        parse_profile(payload, "a@example.org")


@respx.mock
async def test_success_by_hash_and_fields_declared() -> None:
    route = respx.get(PROFILE).respond(json=fixture_json("gravatar", "profile.json"))
    hits, ctx = await run_search(provider(), QUERY)
    assert len(hits) == 1 and hits[0].names == ["Jan Voorbeeld"]
    assert "Authorization" not in route.calls[0].request.headers
    assert "@" not in str(route.calls[0].request.url)
    assert ctx.ledger[0].fields == ["work_email"]


@respx.mock
async def test_key_is_sent_as_bearer() -> None:
    route = respx.get(PROFILE).respond(json=fixture_json("gravatar", "profile.json"))
    await run_search(provider("k3y"), QUERY)
    assert route.calls[0].request.headers["Authorization"] == "Bearer k3y"


@respx.mock
async def test_404_is_no_profile() -> None:
    respx.get(PROFILE).respond(404, json=fixture_json("gravatar", "not-found.json"))
    hits, _ = await run_search(provider(), QUERY)
    assert hits == []


@respx.mock
async def test_bad_key_names_the_env_var() -> None:
    respx.get(PROFILE).respond(401, json={"error": "Unauthorized"})
    with pytest.raises(MissingCredentials, match="GRAVATAR_API_KEY"):
        await run_search(provider("bad"), QUERY)


@respx.mock
async def test_4xx() -> None:
    respx.get(PROFILE).respond(400, json={"error": "Bad request"})
    with pytest.raises(ProviderResponseError, match="400"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_429_with_retry_after_is_retried() -> None:
    route = respx.get(PROFILE).mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "30"}),
        httpx.Response(404),
    ])
    hits, _ = await run_search(provider(), QUERY)
    assert hits == [] and route.call_count == 2


@respx.mock
async def test_unexpected_shape() -> None:
    respx.get(PROFILE).respond(json={"entry": [{"preferredUsername": "x"}]})
    with pytest.raises(ParseError):
        await run_search(provider(), QUERY)


def test_metadata_and_test_query() -> None:
    assert {QueryField.WORK_EMAIL, QueryField.PRIVATE_EMAIL} <= GravatarProvider.sends
    assert not GravatarProvider.key_required
    assert GravatarProvider().url("profiles/x") == "https://api.gravatar.com/v3/profiles/x"
    assert GravatarProvider().test_query().emails == ["test@example.org"]
