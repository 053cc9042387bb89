from __future__ import annotations

import httpx
import pytest
import respx

from exposure_scan.errors import MissingCredentials, ParseError, ProviderResponseError
from exposure_scan.models import SourceKind
from exposure_scan.profile import Country
from exposure_scan.provider import Query
from exposure_scan.providers.hibp import HibpOptions, HibpProvider, parse_breaches
from tests.conftest import fixture_json, run_search

BASE = "https://hibp.test/api/v3"
EMAIL = "jan+praktijk@example.nl"
ACCOUNT = f"{BASE}/breachedaccount/jan%2Bpraktijk%40example.nl"
QUERY = Query(country=Country.NL, emails=[EMAIL])


def provider(key: str | None = "k3y", **options: object) -> HibpProvider:
    return HibpProvider(base_url=BASE, api_key=key,
                        options=HibpOptions(**options))


def test_parse_breaches_one_observation_per_breach() -> None:
    obs = parse_breaches(fixture_json("hibp", "breaches.json"), EMAIL)
    assert [o.extra["breach"] for o in obs] == ["ExampleBreach", "SampleMailer"]
    first, second = obs
    assert first.source_kind is SourceKind.BREACH and first.emails == [EMAIL]
    assert first.extra["breach_date"] == "2015-03-01"
    assert first.extra["data_classes"] == "Email addresses, IP addresses, Names, Passwords"
    assert "Example Breach" in first.snippet and "2015-03-01" in first.snippet
    assert "unverified" in second.snippet and "spam list" in second.snippet
    assert first.url == "https://haveibeenpwned.com/PwnedWebsites#ExampleBreach"


def test_truncated_answer_is_still_read() -> None:
    obs = parse_breaches(fixture_json("hibp", "truncated.json"), EMAIL)
    assert obs[0].extra["data_classes"] == "unknown"


@pytest.mark.parametrize("payload", [{}, [{"Title": "x"}], [{"Name": "x", "DataClasses": "x"}]])
def test_parse_breaches_refuses_unknown_shapes(payload: object) -> None:
    with pytest.raises(ParseError):
        parse_breaches(payload, EMAIL)


@respx.mock
async def test_success_sends_key_user_agent_and_full_response_flag() -> None:
    route = respx.get(ACCOUNT).respond(json=fixture_json("hibp", "breaches.json"))
    hits, ctx = await run_search(provider(), QUERY)
    assert len(hits) == 2
    request = route.calls[0].request
    assert request.headers["hibp-api-key"] == "k3y"
    assert request.headers["User-Agent"].startswith("exposure-scan/")
    assert request.url.params["truncateResponse"] == "false"
    assert "includeUnverified" not in request.url.params
    assert ctx.ledger[0].fields == ["work_email"]


@respx.mock
async def test_option_excludes_unverified() -> None:
    route = respx.get(ACCOUNT).respond(json=[])
    await run_search(provider(include_unverified=False), QUERY)
    assert route.calls[0].request.url.params["includeUnverified"] == "false"


@respx.mock
async def test_404_is_not_breached() -> None:
    respx.get(ACCOUNT).respond(404)
    hits, _ = await run_search(provider(), QUERY)
    assert hits == []


@respx.mock
async def test_empty_list_is_clear() -> None:
    respx.get(ACCOUNT).respond(json=[])
    hits, _ = await run_search(provider(), QUERY)
    assert hits == []


async def test_no_key_names_the_env_var() -> None:
    with pytest.raises(MissingCredentials, match="HIBP_API_KEY"):
        await run_search(provider(None), QUERY)


@respx.mock
async def test_bad_key_names_the_env_var() -> None:
    respx.get(ACCOUNT).respond(401, text="Access denied due to invalid hibp-api-key.")
    with pytest.raises(MissingCredentials, match="HIBP_API_KEY"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_4xx() -> None:
    respx.get(ACCOUNT).respond(400, text="Bad request")
    with pytest.raises(ProviderResponseError, match="400"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_429_with_retry_after_is_retried() -> None:
    route = respx.get(ACCOUNT).mock(side_effect=[
        httpx.Response(429, headers={"retry-after": "2"},
                       json={"statusCode": 429, "message": "Rate limit is exceeded."}),
        httpx.Response(404),
    ])
    hits, _ = await run_search(provider(), QUERY)
    assert hits == [] and route.call_count == 2


@respx.mock
async def test_unexpected_shape() -> None:
    respx.get(ACCOUNT).respond(json={"breaches": []})
    with pytest.raises(ParseError):
        await run_search(provider(), QUERY)


def test_metadata_and_test_query() -> None:
    assert HibpProvider.key_required and HibpProvider.key_env_var == "HIBP_API_KEY"
    assert HibpProvider.default_rate_limit <= 10 / 60
    assert HibpProvider().test_query().emails == ["account-exists@hibp-integration-tests.com"]
