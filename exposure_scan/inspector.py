"""The page inspector: reads the pages other providers found, as a stranger would.

`read_page` is pure: HTML in, what the page shows out (JSON-LD, microdata, hCard and h-card,
tel:/mailto: links, visible text). `PageInspector` fetches the pages politely (robots.txt,
size cap) and turns them into observations; matching happens later.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import unquote

from bs4 import BeautifulSoup, Tag

from exposure_scan.errors import ProviderError, reason_for
from exposure_scan.models import Observation, PartReason, SourceKind
from exposure_scan.provider import (
    PAGE_READER_STAGE,
    Provider,
    ProviderContext,
    Query,
    QueryField,
)

MAX_TEXT = 200_000
READABLE_TYPES = ("text/html", "application/xhtml", "text/plain")
FORUM_TYPES = {"DiscussionForumPosting", "SocialMediaPosting", "Comment", "BlogPosting"}
PRACTICE_TYPES = {
    "Physician",
    "IndividualPhysician",
    "MedicalClinic",
    "MedicalBusiness",
    "MedicalOrganization",
    "Dentist",
    "Hospital",
    "Pharmacy",
}
PERSON_TYPES = {"Person", *PRACTICE_TYPES}


@dataclass
class PageFacts:
    title: str = ""
    names: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    text: str = ""
    description: str = ""
    kind: SourceKind = SourceKind.WEB

    def add(self, bucket: list[str], value: Any) -> None:
        if isinstance(value, str):
            value = " ".join(value.split())
            if value and value not in bucket:
                bucket.append(value)


def _types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type", [])
    items = raw if isinstance(raw, list) else [raw]
    return {str(t).rsplit("/", 1)[-1] for t in items}


def postal_address(value: Any) -> str:
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        return ""
    parts = [
        value.get(k) for k in ("streetAddress", "postalCode", "addressLocality", "addressRegion")
    ]
    country = value.get("addressCountry")
    if isinstance(country, dict):
        country = country.get("name")
    parts.append(country)
    return ", ".join(str(p).strip() for p in parts if isinstance(p, (str, int)) and str(p).strip())


def _walk_jsonld(node: Any, facts: PageFacts, kinds: set[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk_jsonld(item, facts, kinds)
        return
    if not isinstance(node, dict):
        return
    types = _types(node)
    kinds |= types
    if types & PERSON_TYPES:
        facts.add(facts.names, node.get("name"))
        given, family = node.get("givenName"), node.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            facts.add(facts.names, f"{given} {family}")
    if "address" in node:
        for addr in node["address"] if isinstance(node["address"], list) else [node["address"]]:
            facts.add(facts.addresses, postal_address(addr))
    for key, bucket in (("telephone", facts.phones), ("email", facts.emails)):
        values = node.get(key)
        for value in values if isinstance(values, list) else [values]:
            facts.add(bucket, value.removeprefix("mailto:") if isinstance(value, str) else value)
    for key, value in node.items():
        if key not in {"address", "name"} and isinstance(value, (dict, list)):
            _walk_jsonld(value, facts, kinds)


def _read_microdata(soup: BeautifulSoup, facts: PageFacts, kinds: set[str]) -> None:
    for scope in soup.select("[itemscope][itemtype]"):
        itemtype = str(scope.get("itemtype", "")).rsplit("/", 1)[-1]
        kinds.add(itemtype)
        if itemtype == "PostalAddress":
            parts = [
                _prop(scope, p)
                for p in ("streetAddress", "postalCode", "addressLocality", "addressRegion")
            ]
            facts.add(facts.addresses, ", ".join(p for p in parts if p))
        elif itemtype in PERSON_TYPES:
            facts.add(facts.names, _prop(scope, "name"))
    for el in soup.select("[itemprop=telephone]"):
        facts.add(facts.phones, el.get_text(" ", strip=True))
    for el in soup.select("[itemprop=email]"):
        facts.add(facts.emails, el.get_text(" ", strip=True).removeprefix("mailto:"))


def _prop(scope: Tag, name: str) -> str:
    el = scope.select_one(f"[itemprop={name}]")
    return el.get_text(" ", strip=True) if el else ""


def _read_hcards(soup: BeautifulSoup, facts: PageFacts) -> None:
    for card in soup.select(".vcard, .h-card"):
        for sel in (".fn", ".p-name"):
            el = card.select_one(sel)
            if el:
                facts.add(facts.names, el.get_text(" ", strip=True))
        for adr in card.select(".adr, .h-adr, .p-adr"):
            facts.add(facts.addresses, adr.get_text(", ", strip=True))
        for el in card.select(".tel, .p-tel"):
            facts.add(facts.phones, el.get_text(" ", strip=True))
        for el in card.select(".email, .u-email"):
            href = str(el.get("href", ""))
            facts.add(facts.emails, href.removeprefix("mailto:") or el.get_text(strip=True))


def _read_links(soup: BeautifulSoup, facts: PageFacts) -> None:
    for a in soup.select("a[href]"):
        href = str(a.get("href", "")).strip()
        lower = href.lower()
        if lower.startswith("tel:"):
            facts.add(facts.phones, unquote(href[4:]))
        elif lower.startswith("mailto:"):
            facts.add(facts.emails, unquote(href[7:]).split("?", 1)[0])


def page_kind(kinds: set[str]) -> SourceKind:
    if kinds & FORUM_TYPES:
        return SourceKind.FORUM
    if "ProfilePage" in kinds:
        return SourceKind.PEOPLE_SEARCH
    if kinds & PRACTICE_TYPES:
        return SourceKind.PRACTICE_SITE
    return SourceKind.WEB


def read_page(html: str) -> PageFacts:
    """Pure: what a page shows about people, from markup and visible text."""
    soup = BeautifulSoup(html, "lxml")
    facts = PageFacts()
    kinds: set[str] = set()
    for script in soup.select('script[type="application/ld+json"]'):
        try:
            _walk_jsonld(json.loads(script.string or ""), facts, kinds)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the visible text still counts
    _read_microdata(soup, facts, kinds)
    _read_hcards(soup, facts)
    _read_links(soup, facts)
    facts.kind = page_kind(kinds)
    if soup.title and soup.title.string:
        facts.title = " ".join(soup.title.string.split())[:300]
    meta = soup.select_one('meta[name="description"]')
    if meta and meta.get("content"):
        facts.description = " ".join(str(meta["content"]).split())[:300]
    for el in soup(["script", "style", "noscript", "template"]):
        el.decompose()
    facts.text = "\n".join(
        line for line in (" ".join(s.split()) for s in soup.get_text("\n").splitlines()) if line
    )[:MAX_TEXT]
    return facts


class PageInspector(Provider):
    """Reads the result pages other providers found. Sends only their URLs."""

    name: ClassVar[str] = "inspector"
    title: ClassVar[str] = "Page inspector (reads the pages found)"
    sends = frozenset({QueryField.FOUND_URL})
    stage: ClassVar[int] = PAGE_READER_STAGE
    default_rate_limit: ClassVar[float] = 1.0

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        async def one(url: str) -> None:
            try:
                observation = await self.read(url, ctx)
            except ProviderError as exc:
                ctx.note_unchecked(str(exc), reason=reason_for(exc), url=url)
            except Exception as exc:
                ctx.note_unchecked(
                    f"could not read the page ({type(exc).__name__})", url=url
                )
            else:
                if observation is not None:
                    ctx.keep(observation)

        # Pages on different hosts are read at the same time; the fetcher spaces each host.
        await asyncio.gather(*(one(url) for url in query.urls))
        if query.urls and not ctx.kept and ctx.unchecked_parts:
            raise ProviderError("none of the pages found could be read")
        return list(ctx.kept)

    async def read(self, url: str, ctx: ProviderContext) -> Observation | None:
        """One page; None (with a note) when it may not or cannot be read."""
        if not await ctx.fetcher.robots_allows(self, url):
            ctx.note_unchecked("robots.txt disallows reading it", reason=PartReason.ROBOTS, url=url)
            return None
        response = await ctx.fetcher.request(self, "GET", url, fields=[QueryField.FOUND_URL])
        if response.status_code != 200:
            ctx.note_unchecked(
                f"HTTP {response.status_code}", reason=PartReason.HTTP_STATUS, url=url
            )
            return None
        content_type = response.headers.get("Content-Type", "text/html").lower()
        if not any(t in content_type for t in READABLE_TYPES):
            # A PDF or an image may expose data too, but this reader cannot see it.
            ctx.note_unchecked(
                f"not a web page ({content_type.split(';')[0]})",
                reason=PartReason.NOT_HTML,
                url=url,
            )
            return None
        facts = read_page(response.text)
        return Observation(
            provider=self.name,
            url=url,
            title=facts.title,
            source_kind=facts.kind,
            names=facts.names,
            addresses=facts.addresses,
            phones=facts.phones,
            emails=facts.emails,
            text=facts.text,
            snippet=facts.description or facts.text[:280],
            body_sha256=hashlib.sha256(response.content).hexdigest(),
        )
