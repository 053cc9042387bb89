"""Web search with no key and no server, through the `ddgs` metasearch library
(https://pypi.org/project/ddgs/): the default when neither `searxng` nor `brave` is ready.

Best effort. It reads the result pages of public search engines (DuckDuckGo, Bing, Brave,
Mojeek, ...), which rate-limit or show a captcha to scripts; those engines see the queries.
The same query plan as the other search providers (providers/_search.py) is asked, one
backend per query, round-robin over the configured backends so no engine gets every query;
a backend that rate-limits or keeps failing is dropped for the rest of the run.

The library does its own HTTP (not through the shared fetcher), synchronously: each call runs
in a worker thread with a time limit, and each request is written into the query ledger with
the backend's host name. ddgs cannot tell "no results" from a blocked or captcha page, so a
query no backend answered with results is unchecked, never "nothing found".
"""

from __future__ import annotations

import asyncio
from functools import cache
from typing import Any, ClassVar
from urllib.parse import urlsplit

from ddgs import DDGS  # a lazy proxy: the engines load on first use
from pydantic import Field, field_validator

from exposure_scan.errors import (
    EnginesRateLimited,
    NoEngineAnswered,
    NoEngineReached,
    ProviderResponseError,
)
from exposure_scan.models import Observation, PartReason, ReasonParams, SourceKind
from exposure_scan.profile import Country, PersonName
from exposure_scan.provider import Provider, ProviderContext, ProviderOptions, Query, QueryField

from ._search import SENDS, Planned, start, tag_site

REGIONS = {Country.NL: "nl-nl", Country.US: "us-en", Country.UK: "uk-en"}
# DuckDuckGo and Yahoo answer from Bing's index, Startpage from Google's; Wikipedia and
# Grokipedia are left out: they do not list people's addresses and phones.
PREFERRED = ("duckduckgo", "brave", "mojeek", "yahoo", "startpage")
STRIKES = 2  # failures (not rate limits) after which a backend is dropped for this run
GRACE = 5.0  # seconds beyond the library's own timeouts before a stuck call is given up


class DdgsOptions(ProviderOptions):
    max_queries: int = Field(
        default=50, ge=1, le=80, description="the same plan as searxng and brave"
    )
    site_queries: bool = Field(default=True, description='add "Name" site:domain queries')
    backends: list[str] = Field(
        default_factory=lambda: list(PREFERRED),
        min_length=1,
        description="ddgs text backends, asked in turn",
    )
    attempts: int = Field(
        default=2, ge=1, le=6, description="backends tried for one query before it is unchecked"
    )
    max_results: int = Field(default=20, ge=1, le=50, description="results per query")
    region: str = Field(default="", description="e.g. nl-nl, us-en; empty: from the country")

    @field_validator("backends")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        from ddgs.engines import ENGINES  # imported here: it loads every engine's HTTP client

        unknown = [b for b in value if b not in ENGINES["text"]]
        if unknown:
            raise ValueError(
                f"unknown ddgs backend {unknown[0]!r} (known: {', '.join(sorted(ENGINES['text']))})"
            )
        return value


@cache
def backend_host(backend: str) -> str:
    """The host a backend's search page is on, for the query ledger; `ddgs` if unknown."""
    from ddgs.engines import ENGINES

    engine = ENGINES["text"].get(backend)
    url = str(getattr(engine, "search_url", "") or "")
    return urlsplit(url).hostname or "ddgs" if "{" not in url else "ddgs"


def parse_results(rows: Any, provider: str = "ddgs") -> list[Observation]:
    """Pure: ddgs text results ({title, href, body}) -> search hits for the inspector."""
    if not isinstance(rows, list):
        raise ProviderResponseError("ddgs answered with something other than a result list")
    hits = []
    for row in rows:
        if not isinstance(row, dict) or not str(row.get("href") or "").startswith("http"):
            continue  # an instant answer or a broken row: not a page
        body = str(row.get("body") or "")
        hits.append(
            Observation(
                provider=provider,
                url=str(row["href"]),
                title=str(row.get("title") or ""),
                snippet=body,
                text=body,
                source_kind=SourceKind.SEARCH,
                inspect=True,
            )
        )
    return hits


def _text(
    query: str, *, backend: str, region: str, max_results: int, proxy: str, timeout: int
) -> Any:
    """The one call into the library (tests replace `DDGS`)."""
    return DDGS(proxy=proxy or None, timeout=timeout).text(
        query, region=region, max_results=max_results, backend=backend
    )


# How the library's HTTP client words a request that never reached the engine.
_UNREACHED = ("dnserror", "error sending request", "connecterror", "connection refused",
              "connection reset", "name or service not known", "proxyerror")


def _failure(exc: Exception, backend: str, reached: set[str]) -> tuple[PartReason, str]:
    """A failure as a reason and the exception's type, without the message (it can hold the
    query); an engine that answered at all counts as reached."""
    if isinstance(exc, OSError) or any(m in str(exc).lower() for m in _UNREACHED):
        return PartReason.CONNECTION_FAILED, ""
    reached.add(backend)
    return PartReason.ENGINE_FAILED, type(exc).__name__


class DdgsProvider(Provider[DdgsOptions]):
    name: ClassVar[str] = "ddgs"
    title: ClassVar[str] = "Web search through public search engines (ddgs)"
    source_kind = SourceKind.SEARCH
    sends = SENDS
    default_rate_limit: ClassVar[float] = 0.5  # per engine: they block scripts quickly
    fallback_web_search: ClassVar[bool] = True
    docs_url: ClassVar[str] = "https://pypi.org/project/ddgs/"
    Options = DdgsOptions

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        options = self.options
        planned = start(ctx, query, options.max_queries, site_queries=options.site_queries)
        healthy = list(dict.fromkeys(options.backends))
        strikes: dict[str, int] = {}
        reached: set[str] = set()  # backends that answered at all (even with a refusal)
        hits: dict[str, Observation] = {}
        answered = 0
        unanswered: list[Planned] = []
        n = 0
        while n < len(planned):
            if not healthy:
                unanswered.extend(planned[n:])
                break
            # One query per backend at a time: no engine gets them all, and it is quicker.
            chunk = planned[n : n + len(healthy)]
            answers = await asyncio.gather(
                *(
                    self._query(item, turn, query, ctx, healthy, strikes, reached)
                    for turn, item in enumerate(chunk)
                )
            )
            n += len(chunk)
            for item, rows in zip(chunk, answers, strict=True):
                if not rows:
                    unanswered.append(item)
                    continue
                answered += 1
                for hit in parse_results(rows, self.name):
                    if hit.url not in hits:
                        hits[hit.url] = tag_site(hit)
                        ctx.keep(hits[hit.url])
        if planned and answered == 0:
            if not reached:  # DNS or connection failures only: offline, or a proxy down
                raise NoEngineReached from ConnectionError("no search engine reached")
            if not healthy:
                raise EnginesRateLimited
            raise NoEngineAnswered
        if unanswered:
            ctx.note_unchecked(
                reason=PartReason.UNANSWERED, params=ReasonParams(count=len(unanswered))
            )
        return list(hits.values())

    async def _query(
        self,
        item: Planned,
        turn: int,
        query: Query,
        ctx: ProviderContext,
        healthy: list[str],
        strikes: dict[str, int],
        reached: set[str] | None = None,
    ) -> list[Any] | None:
        """One planned query, on up to `attempts` backends, starting with the turn-th."""
        options = self.options
        for tried in range(options.attempts):
            if not healthy:
                return None
            backend = healthy[(turn + tried) % len(healthy)]
            rows = await self._ask(item, backend, query, ctx, healthy, strikes, reached)
            if rows:
                return rows
        return None

    async def _ask(
        self,
        item: Planned,
        backend: str,
        query: Query,
        ctx: ProviderContext,
        healthy: list[str],
        strikes: dict[str, int],
        reached: set[str] | None = None,
    ) -> list[Any] | None:
        """One query to one backend: its rows, or None (noted, and the backend dropped when
        it rate-limits or keeps failing). Exception messages are never kept: they can hold
        the query, and so a private value."""
        from ddgs.exceptions import DDGSException, RatelimitException, TimeoutException

        options = self.options
        settings = ctx.http
        host = backend_host(backend)
        fields: list[QueryField] = item.fields
        await ctx.space(host)
        call = asyncio.to_thread(
            _text,
            item.text,
            backend=backend,
            region=options.region or REGIONS.get(query.country, "wt-wt"),
            max_results=options.max_results,
            proxy=settings.proxy,
            timeout=max(1, round(settings.timeout)),
        )
        kind = ""  # the exception's type, when the engine failed
        reason = PartReason.ENGINE_FAILED
        reached = reached if reached is not None else set()
        try:
            # The library has its own timeout; this one also covers a stuck thread.
            rows = await asyncio.wait_for(call, timeout=settings.timeout * 2 + GRACE)
        except RatelimitException:
            reached.add(backend)
            ctx.record_request(host, fields=fields, status=429)
            reason = PartReason.RATE_LIMITED
            strikes[backend] = STRIKES
        except (TimeoutException, TimeoutError):
            ctx.record_request(host, fields=fields, status=None)
            reason = PartReason.TIMED_OUT
        except DDGSException as exc:
            ctx.record_request(host, fields=fields, status=None)
            if "no results" in str(exc).lower():
                reached.add(backend)
                return None  # empty, or a page it could not read: the next backend may say
            reason, kind = _failure(exc, backend, reached)
        except Exception as exc:  # the library's HTTP client and parsers raise their own types
            ctx.record_request(host, fields=fields, status=None)
            reason, kind = _failure(exc, backend, reached)
        else:
            reached.add(backend)
            ctx.record_request(host, fields=fields, status=200)
            if not isinstance(rows, list):
                raise ProviderResponseError("ddgs answered with something other than a list")
            return rows
        strikes[backend] = strikes.get(backend, 0) + 1
        if strikes[backend] >= STRIKES and backend in healthy:
            healthy.remove(backend)
            params = ReasonParams(engine=backend, kind=kind, given_up=True)
            ctx.note_unchecked(reason=reason, params=params)
        elif strikes[backend] < STRIKES:
            ctx.note_unchecked(reason=reason, params=ReasonParams(engine=backend, kind=kind))
        return None

    def test_query(self) -> Query:
        """A fictional name: "Jan Voorbeeld" (one query)."""
        return Query(country=Country.NL, names=[PersonName(given="Jan", surname="Voorbeeld")])
