"""GitHub users found by name and by public email (REST API): https://docs.github.com/rest

Searches `search/users` with `in:name` and `in:email`, then reads each user's public profile
(`GET /users/{login}`): name, location, public email, blog, company, bio. Search is limited to
10 requests a minute without a token (30 with GITHUB_TOKEN); the core API to 60 an hour
without one. A 403 with `X-RateLimit-Remaining: 0` is a rate limit, not a key problem.
"""

from __future__ import annotations

from typing import Any, ClassVar

import httpx
from pydantic import Field

from exposure_scan.errors import (
    MissingCredentials,
    ParseError,
    ProviderResponseError,
    RateLimited,
)
from exposure_scan.http import parse_json
from exposure_scan.models import Observation, PartReason, ReasonParams, SourceKind
from exposure_scan.profile import Country
from exposure_scan.provider import Provider, ProviderContext, ProviderOptions, Query, QueryField


class GithubOptions(ProviderOptions):
    max_users: int = Field(default=5, ge=1, le=50, description="profiles read per scan")


def parse_search(payload: Any) -> tuple[list[str], bool]:
    """Pure: search/users answer -> (logins, incomplete_results)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("items"), list):
        raise ParseError("GitHub search answer has no `items` list")
    logins = []
    for item in payload["items"]:
        if not isinstance(item, dict) or not isinstance(item.get("login"), str):
            raise ParseError("GitHub search item without a `login`")
        logins.append(item["login"])
    return logins, bool(payload.get("incomplete_results"))


def _s(payload: dict[str, Any], key: str) -> str:
    value = payload.get(key)
    return " ".join(value.split()) if isinstance(value, str) else ""


def parse_user(payload: Any, provider: str = "github") -> Observation:
    """Pure: a GitHub user object -> an observation of its public profile."""
    if not isinstance(payload, dict) or not isinstance(payload.get("login"), str):
        raise ParseError("GitHub user answer has no `login`")
    login = payload["login"]
    name, location, email, blog = (_s(payload, k) for k in ("name", "location", "email", "blog"))
    company, bio = _s(payload, "company"), _s(payload, "bio")
    twitter = _s(payload, "twitter_username")
    facts = [f for f in (name, company, location, email, blog, bio,
                         f"twitter: {twitter}" if twitter else "") if f]
    extra = {"login": login, **({"blog": blog} if blog else {})}
    return Observation(
        provider=provider, url=_s(payload, "html_url") or f"https://github.com/{login}",
        title=f"GitHub user {login}" + (f": {name}" if name else ""),
        source_kind=SourceKind.CODE_HOSTING, names=[name] if name else [],
        addresses=[location] if location else [], emails=[email] if email else [],
        snippet=f"GitHub profile {login}: " + "; ".join(facts), text="\n".join(facts),
        extra=extra,
    )


class GithubProvider(Provider[GithubOptions]):
    name: ClassVar[str] = "github"
    title: ClassVar[str] = "GitHub user profiles"
    source_kind = SourceKind.CODE_HOSTING
    sends = frozenset({QueryField.NAME, QueryField.WORK_EMAIL, QueryField.PRIVATE_EMAIL})
    key_env_var: ClassVar[str | None] = "GITHUB_TOKEN"
    default_base_url: ClassVar[str] = "https://api.github.com"
    default_rate_limit: ClassVar[float] = 0.16  # search: 10/min without a token
    docs_url: ClassVar[str] = "https://docs.github.com/rest/search/search#search-users"
    Options = GithubOptions

    async def _get(self, ctx: ProviderContext, path: str, fields: list[QueryField],
                   params: dict[str, Any] | None = None) -> tuple[int, Any]:
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        response = await ctx.request("GET", self.url(path), fields=fields, params=params,
                                     headers=headers)
        self._raise_for_limits(response)
        if response.status_code != 200:
            return response.status_code, None
        return 200, parse_json(response)

    def _raise_for_limits(self, response: httpx.Response) -> None:
        status = response.status_code
        if status in (403, 429) and (
            response.headers.get("X-RateLimit-Remaining") == "0"
            or "rate limit" in response.text.lower()
        ):
            reset = response.headers.get("X-RateLimit-Reset", "")
            raise RateLimited("GitHub rate limit reached" + (f" (resets at {reset})"
                                                               if reset else ""))
        if status == 401 or (status == 403 and self.api_key):
            raise MissingCredentials(
                f"GitHub refused GITHUB_TOKEN (HTTP {status}); check or unset it")

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        options = self.options
        searches = [(f"{n.given.split()[0]} {n.surname} in:name type:user", [QueryField.NAME])
                    for n in query.names]
        searches += [(f"{e} in:email type:user", [query.email_field(e)]) for e in query.emails]
        logins: list[str] = []
        for q, fields in searches:
            status, payload = await self._get(ctx, "search/users", fields, {"q": q})
            if status != 200:
                raise ProviderResponseError(f"GitHub search answered HTTP {status}")
            found, incomplete = parse_search(payload)
            if incomplete:
                ctx.note_unchecked(reason=PartReason.INCOMPLETE,
                                   params=ReasonParams(field=fields[0].value))
            total = payload.get("total_count") if isinstance(payload, dict) else None
            if isinstance(total, int) and total > len(found):
                left = ReasonParams(item="github_result_pages", count=total - len(found))
                ctx.note_unchecked(reason=PartReason.LEFT_OUT, params=left)
            logins += [login for login in found if login not in logins]
        out = []
        for login in logins[:options.max_users]:
            status, payload = await self._get(ctx, f"users/{login}", [])
            if status == 404:
                continue
            if status != 200:
                raise ProviderResponseError(f"GitHub answered HTTP {status} for a user")
            out.append(parse_user(payload, self.name))
        if len(logins) > options.max_users:
            left = ReasonParams(item="github_users", count=len(logins) - options.max_users)
            ctx.note_unchecked(reason=PartReason.LEFT_OUT, params=left)
        return out

    def test_query(self) -> Query:
        """A reserved-domain address: `emails = ["test@example.org"]` (one search request)."""
        return Query(country=Country.NL, emails=["test@example.org"])
