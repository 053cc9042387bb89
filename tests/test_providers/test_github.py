from __future__ import annotations

import httpx
import pytest
import respx

from exposure_scan.errors import MissingCredentials, ParseError, ProviderResponseError, RateLimited
from exposure_scan.models import SourceKind
from exposure_scan.profile import Country, PersonName
from exposure_scan.provider import Query
from exposure_scan.providers.github import GithubOptions, GithubProvider, parse_search, parse_user
from tests.conftest import fixture_json, run_search

BASE = "https://github-api.test"
SEARCH = f"{BASE}/search/users"
QUERY = Query(country=Country.NL, names=[PersonName(given="Jan Pieter", surname="Voorbeeld")],
              emails=["jan@example.nl"])


def provider(key: str | None = None, **options: object) -> GithubProvider:
    return GithubProvider(base_url=BASE, api_key=key,
                          options=GithubOptions(**options))


def users() -> None:
    respx.get(f"{BASE}/users/janvoorbeeld").respond(json=fixture_json("github", "user.json"))
    respx.get(f"{BASE}/users/jvoorbeeld-example").respond(
        json=fixture_json("github", "user-minimal.json"))


def test_parse_search_and_user() -> None:
    logins, incomplete = parse_search(fixture_json("github", "search-users.json"))
    assert logins == ["janvoorbeeld", "jvoorbeeld-example"] and not incomplete
    obs = parse_user(fixture_json("github", "user.json"))
    assert obs.source_kind is SourceKind.CODE_HOSTING
    assert obs.url == "https://github.com/janvoorbeeld"
    assert (obs.names, obs.addresses, obs.emails) == (
        ["Jan Voorbeeld"], ["Voorbeeldstad"], ["jan@example.nl"])
    assert obs.extra == {"login": "janvoorbeeld", "blog": "https://example.nl"}
    minimal = parse_user(fixture_json("github", "user-minimal.json"))
    assert minimal.names == [] and "Huisarts" in minimal.text


@pytest.mark.parametrize("payload", [[], {"total_count": 0}, {"items": [{"id": 1}]}])
def test_parse_search_refuses_unknown_shapes(payload: object) -> None:
    with pytest.raises(ParseError):
        parse_search(payload)


def test_parse_user_refuses_unknown_shapes() -> None:
    with pytest.raises(ParseError):
        parse_user({"message": "x"})


@respx.mock
async def test_search_by_name_and_email_then_profiles() -> None:
    route = respx.get(SEARCH).respond(json=fixture_json("github", "search-users.json"))
    users()
    hits, ctx = await run_search(provider(), QUERY)
    assert [h.extra["login"] for h in hits] == ["janvoorbeeld", "jvoorbeeld-example"]
    qs = [c.request.url.params["q"] for c in route.calls]
    assert qs == ["Jan Voorbeeld in:name type:user", "jan@example.nl in:email type:user"]
    headers = route.calls[0].request.headers
    assert headers["Accept"] == "application/vnd.github+json" and "Authorization" not in headers
    fields = [e.fields for e in ctx.ledger]
    assert fields[:2] == [["name"], ["work_email"]] and fields[2] == []


@respx.mock
async def test_token_is_sent_and_max_users_caps_profile_reads() -> None:
    route = respx.get(SEARCH).respond(json=fixture_json("github", "search-users.json"))
    users()
    hits, ctx = await run_search(provider("t0ken", max_users=1), QUERY)
    assert len(hits) == 1
    assert route.calls[0].request.headers["Authorization"] == "Bearer t0ken"
    assert [str(p) for p in ctx.unchecked_parts] == [
        "1 more GitHub user not read (raise max_users)"
    ]


@respx.mock
async def test_empty_result_is_checked_and_clear() -> None:
    respx.get(SEARCH).respond(json=fixture_json("github", "search-empty.json"))
    hits, ctx = await run_search(provider(), QUERY)
    assert hits == [] and ctx.unchecked_parts == []


@respx.mock
async def test_incomplete_results_are_noted() -> None:
    respx.get(SEARCH).respond(json={**fixture_json("github", "search-empty.json"),
                                    "incomplete_results": True})
    _, ctx = await run_search(provider(), QUERY)
    assert len(ctx.unchecked_parts) == 2


@respx.mock
async def test_403_with_no_remaining_is_rate_limited() -> None:
    respx.get(SEARCH).respond(403, json=fixture_json("github", "rate-limited.json"),
                              headers={"X-RateLimit-Remaining": "0",
                                       "X-RateLimit-Reset": "1700000000"})
    with pytest.raises(RateLimited, match="1700000000"):
        await run_search(provider("t0ken"), QUERY)


@respx.mock
async def test_bad_token_names_the_env_var() -> None:
    respx.get(SEARCH).respond(401, json=fixture_json("github", "bad-credentials.json"))
    with pytest.raises(MissingCredentials, match="GITHUB_TOKEN"):
        await run_search(provider("bad"), QUERY)


@respx.mock
async def test_4xx() -> None:
    respx.get(SEARCH).respond(422, json={"message": "Validation Failed"})
    with pytest.raises(ProviderResponseError, match="422"):
        await run_search(provider(), QUERY)


@respx.mock
async def test_deleted_user_is_skipped() -> None:
    respx.get(SEARCH).respond(json=fixture_json("github", "search-users.json"))
    respx.get(f"{BASE}/users/janvoorbeeld").respond(404, json={"message": "Not Found"})
    respx.get(f"{BASE}/users/jvoorbeeld-example").respond(
        json=fixture_json("github", "user-minimal.json"))
    hits, _ = await run_search(provider(), QUERY)
    assert [h.extra["login"] for h in hits] == ["jvoorbeeld-example"]


@respx.mock
async def test_429_with_retry_after_is_retried() -> None:
    route = respx.get(SEARCH).mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "6"}),
        httpx.Response(200, json=fixture_json("github", "search-empty.json")),
        httpx.Response(200, json=fixture_json("github", "search-empty.json")),
    ])
    hits, _ = await run_search(provider(), QUERY)
    assert hits == [] and route.call_count == 3


@respx.mock
async def test_unexpected_shape() -> None:
    respx.get(SEARCH).respond(json={"users": []})
    with pytest.raises(ParseError):
        await run_search(provider(), QUERY)


def test_metadata_and_test_query() -> None:
    assert GithubProvider.default_rate_limit <= 10 / 60
    assert GithubProvider.key_env_var == "GITHUB_TOKEN" and not GithubProvider.key_required
    assert GithubProvider().test_query().emails == ["test@example.org"]


@respx.mock
async def test_users_on_later_result_pages_are_noted_as_not_read() -> None:
    respx.get(SEARCH).respond(json={"total_count": 75, "incomplete_results": False, "items": []})
    hits, ctx = await run_search(provider(), QUERY)
    assert hits == []
    assert any("75 more GitHub users" in p for p in map(str, ctx.unchecked_parts))
