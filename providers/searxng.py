"""Web search through a SearXNG instance's JSON API (https://docs.searxng.org/dev/search_api).

Asks the quoted full names (alone and with the practice city), then, within `max_queries`,
`"Name" site:domain` for the catalog sites of the profile's country (exposure_scan/data/sites.toml,
`search = true`) so broker and directory pages surface even when they rank low. Hits on a
catalog site carry its domain in `Observation.site`.

Plan on a self-hosted instance: many public ones disable `format=json` (403).
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field

from exposure_scan.errors import (
    EnginesFailed,
    MissingCredentials,
    ParseError,
    ProviderResponseError,
)
from exposure_scan.models import Observation, PartReason, ReasonParams, SourceKind
from exposure_scan.provider import (
    Provider,
    ProviderContext,
    ProviderOptions,
    Query,
)

from ._search import SENDS, start, tag_site


class SearxngOptions(ProviderOptions):
    max_queries: int = Field(
        default=50,
        ge=1,
        le=80,
        description="name queries first, then site-restricted ones for the catalog sites",
    )
    site_queries: bool = True
    engines: list[str] = Field(
        default_factory=list, description="engines to use; empty: instance default"
    )
    language: str = ""


def parse_results(payload: Any, provider: str = "searxng") -> tuple[list[Observation], list[str]]:
    """Pure: a SearXNG JSON answer -> (search hits, engines that did not answer)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("results"), list):
        raise ParseError("SearXNG answer has no `results` list")
    hits = []
    for item in payload["results"]:
        # One odd result (no url, a list for a title) is left out, not the whole answer:
        # the other results may hold the page that matters. `skipped` counts them.
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            continue
        try:
            hits.append(
                Observation(
                    provider=provider,
                    url=item["url"],
                    title=str(item.get("title") or ""),
                    snippet=str(item.get("content") or ""),
                    text=str(item.get("content") or ""),
                    source_kind=SourceKind.SEARCH,
                    inspect=True,
                    extra={"engine": str(item.get("engine") or "")},
                )
            )
        except ValueError:
            continue
    if payload["results"] and not hits:
        raise ParseError("SearXNG results without a usable `url`")
    failed = []
    engines = payload.get("unresponsive_engines") or []
    if isinstance(engines, str):  # one engine's name, not a list of characters
        engines = [engines]
    if not isinstance(engines, list):
        raise ParseError("SearXNG `unresponsive_engines` is not a list")
    for entry in engines:
        if isinstance(entry, (list, tuple)) and entry:
            failed.append(f"{entry[0]}: {entry[1]}" if len(entry) > 1 else str(entry[0]))
        else:
            failed.append(str(entry))
    return hits, failed


def skipped(payload: Any, found: list[Observation]) -> int:
    """How many results of an answer parse_results left out for their shape."""
    return len(payload["results"]) - len(found) if isinstance(payload, dict) else 0


class SearxngProvider(Provider[SearxngOptions]):
    name: ClassVar[str] = "searxng"
    title: ClassVar[str] = "SearXNG web search"
    jurisdiction: ClassVar[str] = "global"
    source_kind = SourceKind.SEARCH
    sends = SENDS
    base_url_required: ClassVar[bool] = True
    default_rate_limit: ClassVar[float] = 1.0
    docs_url: ClassVar[str] = "https://docs.searxng.org/dev/search_api"
    Options = SearxngOptions

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        options = self.options
        hits: dict[str, Observation] = {}
        answered = 0
        told: set[str] = set()
        planned = start(ctx, query, options.max_queries, site_queries=options.site_queries)
        for q, sent, _ in planned:
            params = {"q": q, "format": "json"}
            if options.engines:
                params["engines"] = ",".join(options.engines)
            if options.language:
                params["language"] = options.language
            status, payload = await ctx.get_json(self.url("search"), params=params, fields=sent)
            if status == 403:
                raise MissingCredentials(
                    "the instance refuses format=json; enable `json` in its search.formats"
                )
            if status != 200:
                raise ProviderResponseError(f"SearXNG answered HTTP {status}")
            found, failed = parse_results(payload, self.name)
            odd = skipped(payload, found)
            if odd:
                ctx.note_unchecked(reason=PartReason.ODD_RESULTS, params=ReasonParams(count=odd))
            for entry in failed:
                # Once per engine and its own error: the query is left out (it holds the name).
                if entry not in told:
                    told.add(entry)
                    engine, _, why = entry.partition(": ")
                    ctx.note_unchecked(why, reason=PartReason.ENGINE_FAILED,
                                       params=ReasonParams(engine=engine))
            if found or not failed:
                answered += 1
            for hit in found:
                if hit.url not in hits:  # kept at once: survives a timeout or a stop
                    hits[hit.url] = tag_site(hit)
                    ctx.keep(hits[hit.url])
        if answered == 0:
            raise EnginesFailed
        return list(hits.values())
