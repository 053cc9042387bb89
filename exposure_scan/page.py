"""The page reader: pure, HTML in, what the page shows about people out.

lxml parses; the visible text (laid out as a browser would: inline elements do not break
words, blocks and table cells do), title, description, tel:/mailto: links and JSON-LD come
from one libxslt pass over the tree, which like the parse runs without the GIL (lxml's own
iteration reads them where it cannot, with the same result). hCard/h-card and microdata are
read in one walk over the subtrees that hold them: each text node goes to at most `MAX_OPEN`
property values and a nested scope never re-reads its children, so the work stays linear in
the page however deep the nesting.
"""

from __future__ import annotations

import codecs
import json
import re
import threading
import time
from dataclasses import dataclass, field
from itertools import islice
from typing import Any
from urllib.parse import unquote

from lxml import etree

from exposure_scan.controls import strip_controls
from exposure_scan.errors import OverBudget, ParseError
from exposure_scan.models import SourceKind

MAX_TEXT = 200_000
MAX_VALUE = 1_000  # characters of one property value: longer is not a name, phone or address
MAX_OPEN = 8  # property values collected at once (nested tel in tel in tel ... is not read)
MAX_SCOPES = 2_000  # hCards and microdata items considered per page
MAX_VALUES = 500  # values per field per page
CHECK_EVERY = 512  # tree events between two looks at the clock

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
ADDRESS_PARTS = ("streetAddress", "postalCode", "addressLocality", "addressRegion")

SKIPPED = frozenset({"script", "style", "noscript", "template", "iframe"})  # never shown as text
BLOCKS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li "
    "main menu nav ol option p pre section summary table tbody tfoot thead title tr ul".split()
)
CELLS = frozenset({"td", "th"})
_BREAK = "\x1f"  # a word break inside a property value (controls are stripped from pages)
# A line break of the layout, set into the tree (which takes no control characters); a
# newline in the source is only white space. A page using this private-use character itself
# only gains a line break.
_LINE = "\ue000"


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
    publisher: str = ""  # who runs the site, when its JSON-LD says (the GDPR letter's addressee)
    # Read only in part: nested deeper than the parser follows, or more text than MAX_TEXT.
    # The page is then listed as not fully checked, never as showing nothing more.
    partly_read: bool = False

    def add(self, bucket: list[str], value: Any) -> None:
        if isinstance(value, str) and len(bucket) < MAX_VALUES:
            value = " ".join(strip_controls(value).split())
            if value and value not in bucket:
                bucket.append(value)


# -- decoding --------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
# As browsers do (WHATWG Encoding): these labels mean windows-1252; a meta tag cannot say UTF-16.
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
            "us-ascii": "cp1252", "iso8859-1": "cp1252"}


def _codec(label: str, *, from_meta: bool = False) -> str | None:
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if from_meta and name.startswith("utf-16"):
        return "utf-8"
    return name


def decode_html(body: bytes, content_type: str = "") -> str:
    """Bytes to text: byte-order mark, then the HTTP charset, then `<meta charset>`, then UTF-8."""
    return _decoded(body, content_type)[0]


def _decoded(body: bytes, content_type: str) -> tuple[str, str]:
    """The text and the codec that decoded all of `body` ("" after a byte-order mark)."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(codec, errors="replace"), ""
    found = _HEADER_CHARSET.search(content_type)
    name = _codec(found.group(1)) if found else None
    if name is None:
        meta = _META_CHARSET.search(body[:2048])
        name = _codec(meta.group(1).decode("ascii", "replace"), from_meta=True) if meta else None
    name = name or "utf-8"
    return body.decode(name, errors="replace"), name


# -- the walk --------------------------------------------------------------------------------


class _Value:
    """One property's text as laid out; `joiner` goes where the markup breaks words."""

    __slots__ = ("bucket", "done", "joiner", "parts", "size", "slot")

    def __init__(self, bucket: list[str | None], joiner: str, done: Any = None) -> None:
        self.bucket = bucket
        self.slot = len(bucket)  # reserved now, so values keep document order
        bucket.append(None)
        self.joiner = joiner
        self.done = done  # called with the value when the element ends (microdata items)
        self.parts: list[str] = []
        self.size = 0

    def text(self, piece: str) -> None:
        if self.size > MAX_VALUE:
            return
        self.size += len(piece)
        # White space alone between two elements separates parts (`<span>Laan 3</span>
        # <span>Dorp</span>` is "Laan 3, Dorp"); adjacent text is one word
        # (`Meidoorn<b>straat</b> 7`).
        self.parts.append(piece if not piece.isspace() else _BREAK)

    def close(self) -> str:
        pieces = (" ".join(p.split()) for p in "".join(self.parts).split(_BREAK))
        value = self.joiner.join(p for p in pieces if p)[: MAX_VALUE * 2]
        self.bucket[self.slot] = value
        if self.done is not None:
            self.done(value)
        return value


@dataclass
class _Scope:
    """An open hCard or microdata item."""

    element: Any
    types: set[str] = field(default_factory=set)
    taken: set[str] = field(default_factory=set)  # properties already read (first one wins)
    parts: dict[str, str] = field(default_factory=dict)
    slot: int = -1


@dataclass
class _Found:
    """Values by where they came from; merged in a fixed order at the end."""

    jsonld: list[str] = field(default_factory=list)
    md_names: list[str | None] = field(default_factory=list)
    md_addresses: list[str | None] = field(default_factory=list)
    md_phones: list[str | None] = field(default_factory=list)
    md_emails: list[str | None] = field(default_factory=list)
    hc_names: list[str | None] = field(default_factory=list)
    hc_addresses: list[str | None] = field(default_factory=list)
    hc_phones: list[str | None] = field(default_factory=list)
    hc_emails: list[str | None] = field(default_factory=list)
    link_phones: list[str] = field(default_factory=list)
    link_emails: list[str] = field(default_factory=list)


class _Walker:
    """Reads hCard and microdata properties in the subtrees that hold them, in one pass."""

    def __init__(self, deadline: float | None) -> None:
        self.deadline = deadline
        self.found = _Found()
        self.kinds: set[str] = set()
        self.open: list[tuple[Any, _Value]] = []  # property values being read, by element
        self.cards: list[_Scope] = []
        self.items: list[_Scope] = []
        self.scopes_seen = 0
        self.events = 0
        # Elements already walked; it keeps their lxml proxies alive, so `in` is by node.
        self.seen: set[Any] = set()

    def add_text(self, piece: str | None) -> None:
        if piece:
            for _, value in self.open:
                value.text(piece)

    def brk(self) -> None:
        for _, value in self.open:
            value.parts.append(_BREAK)

    def collect(self, element: Any, value: _Value) -> None:
        if len(self.open) < MAX_OPEN:  # past it the reserved slot stays empty
            self.open.append((element, value))

    def start(self, el: Any, tag: str) -> None:
        if tag in BLOCKS or tag in CELLS:
            self.brk()
        get = el.get
        classes = get("class")
        if classes:
            self.hcard(el, classes.split())
        if get("itemscope") is not None or get("itemprop") is not None:
            self.microdata(el)
        self.add_text(el.text)

    def end(self, el: Any, tag: str) -> None:
        while self.open and self.open[-1][0] is el:
            self.open.pop()[1].close()
        if self.items and self.items[-1].element is el:
            self.end_item(self.items.pop())
        if self.cards and self.cards[-1].element is el:
            self.cards.pop()
        if tag in BLOCKS or tag in CELLS:
            self.brk()
        self.add_text(el.tail)

    # hCard and h-card ---------------------------------------------------------------------
    def hcard(self, el: Any, classes: list[str]) -> None:
        owner = self.cards[-1] if self.cards else None  # a card's own classes are its parent's
        if owner is not None:
            found = self.found
            for cls in classes:
                if cls in ("fn", "p-name") and cls not in owner.taken:
                    owner.taken.add(cls)
                    self.collect(el, _Value(found.hc_names, " "))
                elif cls in ("adr", "h-adr", "p-adr") and not self._reading(found.hc_addresses):
                    self.collect(el, _Value(found.hc_addresses, ", "))
                elif cls in ("tel", "p-tel") and not self._reading(found.hc_phones):
                    self.collect(el, _Value(found.hc_phones, " "))
                elif cls in ("email", "u-email") and not self._reading(found.hc_emails):
                    href = (el.get("href") or "").removeprefix("mailto:")
                    if href:
                        found.hc_emails.append(href)
                    else:
                        self.collect(el, _Value(found.hc_emails, ""))
        if ("vcard" in classes or "h-card" in classes) and self._new_scope():
            self.cards.append(_Scope(el))

    def _reading(self, bucket: list[str | None]) -> bool:
        # Only the outermost of nested same-kind properties is read: it holds the others.
        return any(value.bucket is bucket for _, value in self.open)

    def _new_scope(self) -> bool:
        self.scopes_seen += 1
        return self.scopes_seen <= MAX_SCOPES

    # microdata ----------------------------------------------------------------------------
    def microdata(self, el: Any) -> None:
        attrib = el.attrib
        owner = self.items[-1] if self.items else None
        props = (attrib.get("itemprop") or "").split()
        found = self.found
        for prop in props:
            if prop in ("telephone", "email"):
                bucket = found.md_phones if prop == "telephone" else found.md_emails
                if el.tag == "meta":
                    bucket.append(el.get("content") or "")
                elif not self._reading(bucket):
                    self.collect(el, _Value(bucket, " "))
            if owner is None or prop in owner.taken:
                continue
            if (prop == "name" and owner.types & PERSON_TYPES) or (
                prop in ADDRESS_PARTS and "PostalAddress" in owner.types
            ):
                owner.taken.add(prop)
                sink: list[str | None] = []

                def keep(value: str, owner: _Scope = owner, prop: str = prop) -> None:
                    owner.parts[prop] = value

                if el.tag == "meta":
                    owner.parts[prop] = el.get("content") or ""
                else:
                    self.collect(el, _Value(sink, " ", done=keep))
        if "itemscope" in attrib and self._new_scope():
            # An item without a type still owns its properties; it just names nothing.
            types = {t.rsplit("/", 1)[-1] for t in (attrib.get("itemtype") or "").split()}
            self.kinds |= types
            scope = _Scope(el, types)
            if types & PERSON_TYPES:
                scope.slot = len(found.md_names)
                found.md_names.append(None)
            elif "PostalAddress" in types:
                scope.slot = len(found.md_addresses)
                found.md_addresses.append(None)
            self.items.append(scope)

    def end_item(self, scope: _Scope) -> None:
        if scope.slot < 0:
            return
        if scope.types & PERSON_TYPES:
            self.found.md_names[scope.slot] = scope.parts.get("name", "")
        else:
            parts = (scope.parts.get(p, "") for p in ADDRESS_PARTS)
            self.found.md_addresses[scope.slot] = ", ".join(p for p in parts if p)

    # driver -------------------------------------------------------------------------------
    def walk(self, root: Any) -> None:
        events = etree.iterwalk(root, events=("start", "end"))
        for event, el in events:
            self.events += 1
            if (
                self.events % CHECK_EVERY == 0
                and self.deadline
                and time.monotonic() > self.deadline
            ):
                raise OverBudget("reading it took longer than the page budget")
            tag = el.tag
            if not isinstance(tag, str):
                continue
            if event == "start":
                self.seen.add(el)
                self.start(el, tag)
            elif el is root:
                self.end(el, tag)
                return  # its tail is outside
            else:
                self.end(el, tag)


def _is_jsonld(kind: str | None) -> bool:
    return (kind or "").split(";")[0].strip().lower() == "application/ld+json"


# -- JSON-LD ---------------------------------------------------------------------------------


def _types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type", [])
    items = raw if isinstance(raw, list) else [raw]
    return {str(t).rsplit("/", 1)[-1] for t in items}


def postal_address(value: Any) -> str:
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        return ""
    parts = [value.get(k) for k in ADDRESS_PARTS]
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
    publisher = node.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) \
            and not facts.publisher:
        facts.publisher = " ".join(strip_controls(publisher["name"]).split())[:200]
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


def page_kind(kinds: set[str]) -> SourceKind:
    if kinds & FORUM_TYPES:
        return SourceKind.FORUM
    if "ProfilePage" in kinds:
        return SourceKind.PEOPLE_SEARCH
    if kinds & PRACTICE_TYPES:
        return SourceKind.PRACTICE_SITE
    return SourceKind.WEB


# -- the reader ------------------------------------------------------------------------------

# Paths start at the root element (what follows `</html>`, which libxml2 puts in another
# top-level element, is moved into the body first: `_gather_after_end`). Attributes are
# found several times faster than elements tested one by one; the parent step (`/..`) and
# unions are left to Python, as libxml2 makes both quadratic in the matches.
# Each search is a walk over the whole tree, so it runs only when the page may hold what it
# finds: an attribute's name is in the page as written, in any case; a class word as written
# or with numeric character references (no named one stands for a letter of these words).
_HOLDERS = (
    (b"itemscope", ".//@itemscope"),
    (b"itemprop", ".//@itemprop"),
    (None, ".//@class[contains(., 'vcard') or contains(., 'h-card')]"),
)
# A numeric character reference to a character of "vcard" or "h-card" (a class may spell
# them so). Each try reads one reference: linear in the page.
_CARD_REFERENCE = re.compile(
    rb"&#(?:[xX]0*(?:76|63|61|72|64|68|2[dD])(?![0-9a-fA-F])|0*(?:118|99|97|114|100|104|45)(?![0-9]))"
)
MANY_HOLDERS = 100  # past it, holders are put in document order by one walk over the tree
# The visible text and the elements read for facts, in one pass by libxslt, which holds no
# GIL: blocks and rows between line marks, cells between tabs, a newline in <pre> a line mark
# (the marks `_layout_in_python` sets into the tree); what is never shown is skipped as if
# stripped, but the JSON-LD in it is kept. Facts come as empty elements between the text.
# Inside <pre> the same templates run in the mode "pre", where text keeps its line breaks.


def _templates(mode: str) -> str:
    m = f' mode="{mode}"' if mode else ""
    blocks = "|".join(sorted(BLOCKS - {"title", "pre"}))
    if mode:
        blocks += "|pre"
        text = f"""<xsl:template match="text()"{m}>
<xsl:value-of select="translate(., '&#10;', '{_LINE}')"/></xsl:template>"""
    else:
        text = f"""<xsl:template match="pre"><xsl:text>{_LINE}</xsl:text>
<xsl:apply-templates mode="pre"/><xsl:text>{_LINE}</xsl:text></xsl:template>"""
    return f"""{text}
<xsl:template match="{blocks}"{m}>
<xsl:text>{_LINE}</xsl:text><xsl:apply-templates{m}/><xsl:text>{_LINE}</xsl:text></xsl:template>
<xsl:template match="{"|".join(sorted(CELLS))}"{m}>
<xsl:text>&#9;</xsl:text><xsl:apply-templates{m}/><xsl:text>&#9;</xsl:text></xsl:template>
<xsl:template match="title"{m}><title v="{{node()[1][self::text()]}}"/>
<xsl:text>{_LINE}</xsl:text><xsl:apply-templates{m}/><xsl:text>{_LINE}</xsl:text></xsl:template>
<xsl:template match="meta[@name]"{m}><meta n="{{@name}}" c="{{@content}}"/>
<xsl:apply-templates{m}/></xsl:template>
<xsl:template match="a[contains(@href, ':')]"{m}><a v="{{@href}}"/><xsl:apply-templates{m}/>
</xsl:template>
<xsl:template match="{"|".join(sorted(SKIPPED))}"{m}>
<xsl:for-each select="descendant-or-self::script[@type]"><script t="{{@type}}" v="{{.}}"/>
</xsl:for-each></xsl:template>"""


_SHOWN = f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="xml" encoding="UTF-8"/>
<xsl:template match="/"><page><xsl:apply-templates select="*[1]"/></page></xsl:template>
{_templates("")}
{_templates("pre")}
</xsl:stylesheet>""".encode()


class _Tools(threading.local):
    """lxml parsers, compiled XPaths and stylesheets are not to be shared between threads."""

    def __init__(self) -> None:
        # Not huge_tree: libxml2 stops at 256 nested elements, and the libxslt pass recurses
        # once per level on a reader thread's stack (512 KB on macOS: 1,000 levels crash the
        # process). A page cut short there is listed as read in part (_cut_short).
        self.parser = etree.HTMLParser(encoding="utf-8", remove_pis=True)
        self.holders = [(name, etree.XPath(x)) for name, x in _HOLDERS]
        self.shown = etree.XSLT(etree.XML(_SHOWN))


_TOOLS = _Tools()


def _holder_searches(data: bytes) -> list[Any]:
    """The holder searches (`_HOLDERS`) that may find something in the page `data`."""
    out = []
    lower = None
    for name, xpath in _TOOLS.holders:
        if name is None:
            if (
                b"vcard" not in data
                and b"h-card" not in data
                and (b"&#" not in data or _CARD_REFERENCE.search(data) is None)
            ):
                continue
        elif name not in data:
            lower = data.lower() if lower is None else lower
            if name not in lower:
                continue
        out.append(xpath)
    return out


def _properties(root: Any, walker: _Walker, searches: list[Any]) -> None:
    """hCards and microdata: each outermost holder's subtree is walked once."""
    # The set keeps the lxml proxies alive, so the same node gives the same object below.
    holders: set[Any] = set()
    for xpath in searches:
        holders.update(attr.getparent() for attr in xpath(root))
    if not holders:
        return
    if len(holders) > MANY_HOLDERS:
        # Document order: an outer holder comes before those inside it.
        order = [el for el in root.iter() if el in holders]
    else:
        order = sorted((el for el in holders if not _held(el, holders)), key=_position)
    for el in order:
        if el not in walker.seen:  # else read as part of an outer holder
            walker.walk(el)


def _held(el: Any, holders: set[Any]) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent in holders:
            return True
        parent = parent.getparent()
    return False


def _position(el: Any) -> list[int]:
    """Where an element is in document order: its index under each ancestor, from the top."""
    path = []
    parent = el.getparent()
    while parent is not None:
        path.append(parent.index(el))
        el, parent = parent, parent.getparent()
    path.reverse()
    return path


def _link(href: str, found: _Found) -> None:
    href = href.strip()
    lower = href[:7].lower()
    if lower.startswith("tel:"):
        found.link_phones.append(unquote(href[4:]))
    elif lower.startswith("mailto:"):
        found.link_emails.append(unquote(href[7:]).split("?", 1)[0])


def _title(facts: PageFacts, title: str | None) -> None:
    if title:
        facts.title = " ".join(strip_controls(title).split())[:300]


def _description(facts: PageFacts, name: str | None, content: str | None) -> bool:
    if (name or "").lower() == "description" and content:
        facts.description = " ".join(strip_controls(content).split())[:300]
        return True
    return False


def _shown(root: Any) -> Any:
    """The page as libxslt reads it (`_SHOWN`), or None when it cannot."""
    try:
        return _TOOLS.shown(root).getroot()
    except etree.XSLTError:
        return None


def _read_shown(shown: Any, facts: PageFacts, found: _Found) -> None:
    titled = described = False
    for el in shown:
        tag = el.tag
        if tag == "a":
            _link(el.get("v"), found)
        elif tag == "script":
            if _is_jsonld(el.get("t")):
                found.jsonld.append(el.get("v"))
        elif tag == "title" and not titled:
            titled = True  # the first title, even an empty one
            _title(facts, el.get("v"))
        elif tag == "meta" and not described:
            described = _description(facts, el.get("n"), el.get("c"))


def _shown_text(shown: Any) -> str | None:
    """The laid-out text with its marks, or None when only the Python layout gives it."""
    raw: str = etree.tostring(shown, method="text", encoding=str)
    if "\x0b" in raw or "\x0c" in raw or (len(raw) > 4 * MAX_TEXT and _UNSETTABLE.search(raw)):
        # Characters the tree does not take back (`_set`): the Python layout drops them where
        # it sets its marks, and so must this page's text.
        return None
    return raw[:-1]  # the root's closing mark, which the Python layout does not write


def _read_in_python(root: Any, facts: PageFacts, found: _Found) -> None:
    """Links, title and description by lxml's iteration (`_SHOWN` reads them otherwise)."""
    for a in root.iter("a"):
        href = a.get("href")
        if href and ":" in href:  # most links are relative: no scheme to look at
            _link(href, found)
    _title(facts, next((t.text for t in root.iter("title")), None))
    for meta in root.iter("meta"):
        if _description(facts, meta.get("name"), meta.get("content")):
            break


def _set(el: Any, attr: str, value: str) -> None:
    try:
        setattr(el, attr, value)
    except ValueError:  # a character reference the tree holds but will not take back (&#1;)
        setattr(el, attr, _UNSETTABLE.sub("", value))


_UNSETTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _layout_in_python(root: Any) -> str:
    """The visible text as a browser lays it out: blocks and rows break lines, cells are
    apart, inline elements join (`Meidoorn<b>straat</b>`), source newlines are spaces."""
    for tags, mark in ((BLOCKS, _LINE), (CELLS, "\t")):
        for el in root.iter(*tags):
            _set(el, "text", mark + el.text if el.text else mark)
            _set(el, "tail", mark + el.tail if el.tail else mark)
    for pre in root.iter("pre"):
        for el in pre.iter():
            if el.text:
                _set(el, "text", el.text.replace("\n", _LINE))
            if el is not pre and el.tail:
                _set(el, "tail", el.tail.replace("\n", _LINE))
    text: str = etree.tostring(root, method="text", encoding=str, with_tail=False)
    return text


def _lines(raw: str) -> str:
    """Laid-out text to lines: white space runs are one space, empty lines go."""
    lines = []
    for line in raw[: 4 * MAX_TEXT].split(_LINE):
        if not line:
            continue
        # Most lines are clean already, and every control or white space but " " is
        # unprintable: only the others are taken apart.
        if not line.isprintable() or "  " in line or line[0] == " " or line[-1] == " ":
            # Character references are decoded by the parser, after the page's controls
            # were taken out.
            line = " ".join(strip_controls(line).split())
            if not line:
                continue
        lines.append(line)
    return "\n".join(lines)[:MAX_TEXT]


# libxml2 checks each attribute of a tag against all before it, in one call no deadline can
# stop: 40,000 attributes took 13 s. A start tag that long, with that many attributes, is
# hostile; it keeps its name and loses its attributes (a linear pass, done before parsing).
# Attributes without a value count too (`<p a0 a1 a2 ...>`: no "=" in them).
MAX_ATTRIBUTES = 1000
_CROWDED_TAG = re.compile(r"<([A-Za-z][^\s<>/]*)([^<>]{4096,})>")
_ATTRIBUTE = re.compile(r"""[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?""")
_LONG_TAG = b"x" * 4097  # such a tag's name and attributes, with no < or > between
_ANGLES = bytes(c if c in b"<>" else ord("x") for c in range(256))


def _crowded(attributes: str) -> bool:
    if attributes.count("=") > MAX_ATTRIBUTES:
        return True
    names = _ATTRIBUTE.finditer(attributes)  # a quoted value is one step, spaces and all
    return next(islice(names, MAX_ATTRIBUTES, None), None) is not None


def _thin_crowded_tags(text: str) -> str:
    if len(text) < 4096:
        return text
    return _CROWDED_TAG.sub(lambda m: f"<{m[1]}>" if _crowded(m[2]) else m[0], text)


def _may_crowd(data: bytes) -> bool:
    """Whether `_thin_crowded_tags` may change the page (its UTF-8), found without a regex."""
    return _LONG_TAG in data.translate(_ANGLES)


# Bytes that are never a hidden control: printable ASCII, tab, newline, carriage return.
_PLAIN = bytes([9, 10, 13, *range(32, 127)])


def _has_controls(data: bytes) -> bool:
    """Whether `strip_controls` would change the text whose UTF-8 (with surrogates) is `data`."""
    rest = data.translate(None, _PLAIN)  # what is left is short on most pages
    return bool(rest) and rest.decode("utf-8", "surrogatepass") != strip_controls(
        rest.decode("utf-8", "surrogatepass")
    )


def _source(page: str | bytes, content_type: str) -> bytes:
    """The page as UTF-8 for the parser: controls out, crowded tags thinned."""
    if isinstance(page, bytes):
        text, codec = _decoded(page, content_type)
        # Valid UTF-8 is given to the parser as it came (U+FFFD marks a replaced byte).
        data = page if codec == "utf-8" and "\ufffd" not in text else None
    else:
        text, data = page, None
    if data is None:
        data = text.encode("utf-8", "surrogatepass")
    if _has_controls(data):
        text = strip_controls(text)
        data = text.encode("utf-8", "replace")
    if _may_crowd(data):
        text = _thin_crowded_tags(text)
        data = text.encode("utf-8", "replace")
    return data


def _check(deadline: float | None) -> None:
    if deadline and time.monotonic() > deadline:
        raise OverBudget("reading it took longer than the page budget")


def _merge(facts: PageFacts, found: _Found, kinds: set[str]) -> None:
    """JSON-LD first, then microdata, hCards and links, each value once."""
    for raw in found.jsonld:
        try:
            _walk_jsonld(json.loads(raw), facts, kinds)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the visible text still counts
    for bucket, values in (
        (facts.names, found.md_names),
        (facts.addresses, found.md_addresses),
        (facts.phones, found.md_phones),
        (facts.emails, found.md_emails),
        (facts.names, found.hc_names),
        (facts.addresses, found.hc_addresses),
        (facts.phones, found.hc_phones),
        (facts.emails, found.hc_emails),
        (facts.phones, found.link_phones),
        (facts.emails, found.link_emails),
    ):
        for value in values:
            facts.add(bucket, value.removeprefix("mailto:") if value else value)
    facts.kind = page_kind(kinds)


def _gather_after_end(root: Any) -> None:
    """Content after `</html>` is shown by a browser at the end of the body; libxml2 puts it
    in another top-level element, which would go unread. It is moved into the body."""
    extra = root.getnext()
    if extra is None:
        return
    body = root.find("body")
    target = body if body is not None else root
    # Linear however many top-level elements a page has (`</html>x<body>y`, repeated): the
    # last child is followed, not counted again, and each run of text is joined once.
    last = target[-1] if len(target) else None
    texts: list[str] = []  # to follow `last` (or to start `target`)
    while extra is not None:
        following = extra.getnext()
        if isinstance(extra.tag, str):  # not a comment or processing instruction
            if extra.text:
                texts.append(extra.text)
                extra.text = None
            children = list(extra)
            if children:
                _follow(target, last, texts)
                for child in children:
                    target.append(child)  # with its tail
                last = children[-1]
        extra = following
    _follow(target, last, texts)


def _follow(target: Any, last: Any, texts: list[str]) -> None:
    """`texts` set after `last` (or at the start of `target`), and emptied."""
    if texts:
        if last is not None:
            last.tail = (last.tail or "") + "".join(texts)
        else:
            target.text = (target.text or "") + "".join(texts)
        texts.clear()


def read_page(
    page: str | bytes, content_type: str = "", *, deadline: float | None = None
) -> PageFacts:
    """Pure: what a page shows about people, from markup and visible text.

    `page` is the body as fetched (decoded by BOM, `content_type`'s charset, `<meta charset>`,
    then UTF-8) or already text. `deadline` (a `time.monotonic()` value) bounds the work:
    past it, `OverBudget` is raised. A document the parser cannot build is a `ParseError`.
    """
    data = _source(page, content_type)
    facts = PageFacts()
    try:
        root = etree.fromstring(data, _TOOLS.parser)
    except (etree.LxmlError, ValueError, RecursionError) as exc:
        raise ParseError(f"the page could not be parsed ({type(exc).__name__})") from None
    if root is None:
        return facts  # nothing but white space or comments
    _check(deadline)  # parsing is most of the work
    facts.partly_read = _cut_short(_TOOLS.parser)
    _gather_after_end(root)
    walker = _Walker(deadline)
    found = walker.found
    shown = _shown(root) if root.tag == "html" else None
    if shown is None:
        for script in root.iter("script"):
            if _is_jsonld(script.get("type")):
                found.jsonld.append(script.text or "")
    else:
        _read_shown(shown, facts, found)
    raw = None if shown is None else _shown_text(shown)
    # (an attribute name in capitals, a class word by reference: the searches know)
    searches = _holder_searches(data)
    if raw is None or searches:
        # Text nobody sees; a comment's or script's tail is kept.
        etree.strip_elements(root, etree.Comment, *SKIPPED, with_tail=False)
    if searches:
        _properties(root, walker, searches)
    if shown is None:
        _read_in_python(root, facts, found)
    _merge(facts, found, walker.kinds)
    if raw is None:
        _check(deadline)
        raw = _layout_in_python(root)
    facts.text = _lines(raw)
    facts.partly_read = facts.partly_read or len(facts.text) >= MAX_TEXT
    return facts


def _cut_short(parser: Any) -> bool:
    """Whether the parser stopped at one of libxml2's limits (depth, text size): a resource
    limit since libxml2 2.13, an internal error before it."""
    return any(error.type_name in _STOPPED for error in parser.error_log)


_STOPPED = frozenset({"ERR_RESOURCE_LIMIT", "ERR_INTERNAL_ERROR"})


def read_text(page: bytes, content_type: str = "") -> PageFacts:
    """Pure: a text/plain page is its text; markup in it is shown, not obeyed."""
    text = strip_controls(decode_html(page, content_type))
    lines = (" ".join(line.split()) for line in text.splitlines())
    shown = "\n".join(line for line in lines if line)
    return PageFacts(text=shown[:MAX_TEXT], partly_read=len(shown) > MAX_TEXT)
