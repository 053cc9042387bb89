"""Web search through the Brave Search API, beside SearXNG.

https://api-dashboard.search.brave.com/docs - GET /res/v1/web/search?q=...&count=<=20 with the
key in `X-Subscription-Token` (BRAVE_API_KEY; a subscription is needed even for the free plan,
which allows 1 query a second). Results are in `web.results[]` (title, url, description); an
answer without `web` means no web results. Each hit is handed to the page inspector.
"""

from __future__ import annotations

import html
import re
from typing import Any, ClassVar

from pydantic import Field

from exposure_scan.errors import MissingCredentials, ParseError, ProviderResponseError
from exposure_scan.models import Observation, PartReason, ReasonParams, SourceKind
from exposure_scan.profile import Country, PersonName
from exposure_scan.provider import Provider, ProviderContext, ProviderOptions, Query

from ._search import SENDS, start, tag_site

TAGS = re.compile(r"<[^>]+>")  # <strong> highlighting, should text_decorations be ignored
KEY_ERRORS = ("SUBSCRIPTION_TOKEN_INVALID", "SUBSCRIPTION_NOT_FOUND", "UNAUTHORIZED")


class BraveOptions(ProviderOptions):
    max_queries: int = Field(
        default=50,
        ge=1,
        le=80,
        description="name queries first, then site-restricted ones for the catalog sites",
    )
    site_queries: bool = Field(default=True, description='add "Name" site:domain queries')
    count: int = Field(default=20, ge=1, le=20, description="results per query (max 20)")
    country: str = Field(default="", description="e.g. NL, US, GB; empty: Brave decides")
    search_lang: str = Field(default="", description="e.g. nl, en")


def parse_results(payload: Any, provider: str = "brave") -> list[Observation]:
    """Pure: a WebSearchApiResponse -> search hits for the inspector."""
    if not isinstance(payload, dict) or payload.get("type") != "search":
        raise ParseError("Brave answer is not a search response (`type` is not 'search')")
    web = payload.get("web")
    if web is None:
        return []
    if not isinstance(web, dict) or not isinstance(web.get("results", []), list):
        raise ParseError("Brave `web` has no `results` list")
    hits = []
    results = web.get("results", [])
    for item in results:
        # One odd result is left out, not the whole answer (the others may hold the page).
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            continue
        description = html.unescape(TAGS.sub("", str(item.get("description") or "")))
        try:
            hits.append(
                Observation(
                    provider=provider,
                    url=item["url"],
                    title=str(item.get("title") or ""),
                    snippet=description,
                    text=description,
                    source_kind=SourceKind.SEARCH,
                    inspect=True,
                )
            )
        except ValueError:
            continue
    if results and not hits:
        raise ParseError("Brave results without a usable `url`")
    return hits


def _error_code(payload: Any) -> str:
    error = payload.get("error") if isinstance(payload, dict) else None
    return str(error.get("code") or "") if isinstance(error, dict) else ""


class BraveProvider(Provider[BraveOptions]):
    name: ClassVar[str] = "brave"
    title: ClassVar[str] = "Brave Search API"
    source_kind = SourceKind.SEARCH
    sends = SENDS
    key_env_var: ClassVar[str | None] = "BRAVE_API_KEY"
    key_required: ClassVar[bool] = True
    default_base_url: ClassVar[str] = "https://api.search.brave.com/res/v1"
    default_rate_limit: ClassVar[float] = 1.0  # free plan: 1 query a second
    docs_url: ClassVar[str] = "https://api-dashboard.search.brave.com/app/documentation"
    manual_check: ClassVar[str] = (
        "Search your full name in quotes, then with your practice city, on "
        "https://search.brave.com/"
    )
    Options = BraveOptions

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        options = self.options
        if not self.api_key:
            raise MissingCredentials("Brave Search needs a key: set BRAVE_API_KEY")
        headers = {"Accept": "application/json", "X-Subscription-Token": self.api_key}
        hits: dict[str, Observation] = {}
        planned = start(ctx, query, options.max_queries, site_queries=options.site_queries)
        for q, sent, _ in planned:
            params: dict[str, Any] = {"q": q, "count": options.count, "text_decorations": "false"}
            if options.country:
                params["country"] = options.country
            if options.search_lang:
                params["search_lang"] = options.search_lang
            status, payload = await ctx.get_json(
                self.url("web/search"), params=params, headers=headers, fields=sent
            )
            code = _error_code(payload)
            if status in (401, 403) or code in KEY_ERRORS:
                raise MissingCredentials(
                    f"Brave refused BRAVE_API_KEY (HTTP {status} {code}); check the key"
                )
            if status != 200:
                raise ProviderResponseError(f"Brave answered HTTP {status} {code}".strip())
            found = parse_results(payload, self.name)
            web = payload.get("web") if isinstance(payload, dict) else None
            odd = len(web.get("results") or []) - len(found) if isinstance(web, dict) else 0
            if odd:
                ctx.note_unchecked(reason=PartReason.ODD_RESULTS, params=ReasonParams(count=odd))
            for hit in found:
                if hit.url not in hits:  # kept at once: survives a timeout or a stop
                    hits[hit.url] = tag_site(hit)
                    ctx.keep(hits[hit.url])
        return list(hits.values())

    def test_query(self) -> Query:
        """A fictional name: "Jan Voorbeeld" (one query)."""
        return Query(country=Country.NL, names=[PersonName(given="Jan", surname="Voorbeeld")])
