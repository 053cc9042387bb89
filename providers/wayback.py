"""Internet Archive Wayback Machine: old copies of pages that showed the person.

Stage 2: runs after the other sources, with `query.urls` = the pages that matched the person.
A page that was cleaned up may still be archived. For each of those pages, and for every page
of the profile's own websites, it asks the CDX API which captures exist (the availability API
is the fallback when CDX fails) and returns the snapshot URLs
(https://web.archive.org/web/<timestamp>/<url>) for the page inspector to read.

CDX limits: about 60/min per IP, reported lower (24/min) since 2026; ignoring 429s gets the
IP blocked for an hour. Hence 0.33 requests/s and a cap on the URLs checked (`max_urls`).
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from pydantic import Field

from exposure_scan.errors import ParseError, ProviderError, ProviderResponseError, reason_for
from exposure_scan.http import host_of
from exposure_scan.models import Observation, PartReason, ReasonParams, SourceKind
from exposure_scan.profile import Country
from exposure_scan.provider import Provider, ProviderContext, ProviderOptions, Query, QueryField

# Paths on a practice site most likely to carry a name, phone or address.
LIKELY = ("contact", "team", "over", "about", "medewerker", "arts", "praktijk", "staff", "cv",
          "people", "who", "wie", "impressum", "adres", "route")


class WaybackOptions(ProviderOptions):
    max_urls: int = Field(default=15, ge=1, le=200, description="URLs checked per scan")
    snapshots_per_url: int = Field(default=2, ge=1, le=10, description="oldest..newest spread")
    pages_per_site: int = Field(default=10, ge=0, le=100,
                                description="archived pages of each own website")
    availability_url: str = "https://archive.org/wayback/available"


def parse_cdx(body: str) -> list[tuple[str, str]]:
    """Pure: CDX `output=json` text -> [(timestamp, original)]; an empty body is no captures."""
    if not body.strip():
        return []
    try:
        rows = json.loads(body)
    except ValueError as exc:
        raise ParseError("Wayback CDX answer is not JSON") from exc
    if not isinstance(rows, list):
        raise ParseError("Wayback CDX answer is not a list of rows")
    if not rows:
        return []
    header = rows[0]
    if not (isinstance(header, list) and "timestamp" in header and "original" in header):
        raise ParseError("Wayback CDX answer has no header row with timestamp and original")
    at, orig = header.index("timestamp"), header.index("original")
    out = []
    for row in rows[1:]:
        if row == []:  # showResumeKey: an empty row, then the key
            break
        if not (isinstance(row, list) and len(row) == len(header)):
            raise ParseError("Wayback CDX row does not match the header")
        out.append((str(row[at]), str(row[orig])))
    return out


def parse_available(payload: Any, url: str) -> list[tuple[str, str]]:
    """Pure: availability API answer -> [(timestamp, url)] for the closest snapshot, or []."""
    if not isinstance(payload, dict) or not isinstance(payload.get("archived_snapshots"), dict):
        raise ParseError("Wayback availability answer has no `archived_snapshots`")
    closest = payload["archived_snapshots"].get("closest")
    if not closest:
        return []
    if not isinstance(closest, dict) or not str(closest.get("timestamp") or "").isdigit():
        raise ParseError("Wayback availability snapshot without a timestamp")
    if not closest.get("available", True) or str(closest.get("status", "200")) != "200":
        return []
    return [(str(closest["timestamp"]), url)]


def spread(items: list[Any], n: int) -> list[Any]:
    """n items evenly from oldest to newest; one means the newest."""
    if len(items) <= n:
        return list(items)
    if n == 1:
        return [items[-1]]
    return [items[round(i * (len(items) - 1) / (n - 1))] for i in range(n)]


def likely_pages(captures: list[tuple[str, str]], limit: int) -> list[tuple[str, str]]:
    """One capture per page of a site, the pages most likely to show a person first."""
    per_page: dict[str, tuple[str, str]] = {}
    for ts, original in captures:
        key = original.lower().split("://", 1)[-1].removeprefix("www.").rstrip("/")
        per_page.setdefault(key, (ts, original))
    ranked = sorted(per_page.values(),
                    key=lambda c: (not any(w in c[1].lower() for w in LIKELY), len(c[1])))
    return ranked[:limit]


class WaybackProvider(Provider[WaybackOptions]):
    name: ClassVar[str] = "wayback"
    title: ClassVar[str] = "Wayback Machine (archived copies)"
    source_kind = SourceKind.ARCHIVE
    sends = frozenset({QueryField.WEBSITE, QueryField.FOUND_URL})
    default_base_url: ClassVar[str] = "https://web.archive.org"
    default_rate_limit: ClassVar[float] = 0.33
    stage: ClassVar[int] = 2
    docs_url: ClassVar[str] = (
        "https://github.com/internetarchive/wayback/tree/master/wayback-cdx-server")
    Options = WaybackOptions

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        options = self.options
        targets = [(w, QueryField.WEBSITE) for w in query.websites]
        targets += [(u, QueryField.FOUND_URL) for u in query.urls
                    if host_of(u) not in {"web.archive.org", "archive.org"}]
        chosen: dict[str, QueryField] = {}
        for url, field in targets:
            chosen.setdefault(url, field)
        checked = list(chosen.items())[:options.max_urls]
        if len(chosen) > len(checked):
            left = ReasonParams(item="archive_urls", count=len(chosen) - len(checked))
            ctx.note_unchecked(reason=PartReason.LEFT_OUT, params=left)
        out: list[Observation] = []
        errors: list[ProviderError] = []
        for url, field in checked:
            try:
                captures = await self._captures(url, field, ctx, options)
            except ProviderError as exc:
                errors.append(exc)
                ctx.note_unchecked(str(exc), reason=reason_for(exc), url=url)
                continue
            for ts, original in captures:
                out.append(self._snapshot(ts, original))
        if errors and len(errors) == len(checked):
            raise errors[0]
        return out

    async def _captures(self, url: str, field: QueryField, ctx: ProviderContext,
                        options: WaybackOptions) -> list[tuple[str, str]]:
        site = field is QueryField.WEBSITE
        params: dict[str, Any] = {
            "url": (host_of(url) or url) if site else url, "output": "json",
            "fl": "timestamp,original", "filter": ["statuscode:200"], "limit": 1000,
            "matchType": "host" if site else "exact", "collapse": "urlkey" if site else "digest",
        }
        if site:
            params["filter"].append("mimetype:text/html")
        try:
            status, body = await ctx.get_text(self.url("cdx/search/cdx"), params=params,
                                              fields=[field])
            if status != 200:
                raise ProviderResponseError(f"Wayback CDX answered HTTP {status}")
            captures = parse_cdx(body)
        except ProviderResponseError as cdx_error:
            if site:
                raise
            status, payload = await ctx.get_json(options.availability_url, params={"url": url},
                                                 fields=[field])
            if status != 200:
                raise ProviderResponseError(
                    f"{cdx_error}; availability API answered HTTP {status}") from cdx_error
            return parse_available(payload, url)
        if site:
            return likely_pages(captures, options.pages_per_site)
        return spread(captures, options.snapshots_per_url)

    def _snapshot(self, ts: str, original: str) -> Observation:
        day = f"{ts[:4]}-{ts[4:6]}-{ts[6:8]}" if len(ts) >= 8 else ts
        return Observation(
            provider=self.name, url=f"{self.base_url}/web/{ts}/{original}",
            title=f"Archived copy of {original} ({day})", source_kind=SourceKind.ARCHIVE,
            inspect=True, extra={"original": original, "timestamp": ts},
            snippet=f"The Wayback Machine holds a copy of {original} from {day}; it may still "
                    "show details that were removed from the live page.",
        )

    def test_query(self) -> Query:
        """A page of the reserved example domain: `urls = ["https://example.org/"]`."""
        return Query(country=Country.NL, urls=["https://example.org/"])
