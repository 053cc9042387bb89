"""GDPR request letters: one per controller (site) with a finding, in Dutch or English.

A controller is a registrable domain (Public Suffix List, IDNA-normalised), so the pages of
`www.bücher.example` and `xn--bcher-kva.example` go in one letter; every controller gets its
own file, also when two domains would give the same file name.

Each letter combines an objection (Art. 21) with an erasure request (Art. 17), names the
pages (URLs) and the kinds of data found on them, never the values, and states the
one-month answer deadline of Art. 12(3): it runs from receipt, so the letter gives the date
only as "if it arrives today", counted from `today`. The letters carry the user's
own name because they send them; they are written only to the user's output folder.
"""

from __future__ import annotations

import calendar
import hashlib
import ipaddress
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from zoneinfo import ZoneInfo

import idna
from babel.dates import format_date
from jinja2 import Environment, PackageLoader, StrictUndefined
from publicsuffixlist import PublicSuffixList

from exposure_scan.catalog import load_catalog
from exposure_scan.models import FieldKind, Finding, HouseholdTie, ScanResult, Severity, SourceKind
from exposure_scan.profile import Country, Profile
from exposure_scan.removal import OWN_KINDS, site_host
from exposure_scan.threat import threatens

from .context import ZONES
from .household_view import RELATIONS
from .i18n import normalise
from .templatecache import keep_compiled

# No letter for statutory registers (Art. 17 does not reach them: the fix is shielding), nor
# for what is not a site's page about the person (removal.OWN_KINDS): leaked data (no
# controller to write to), the user's own Gravatar or code-hosting account (they edit it
# themselves), or their domain's registration data (the registrar hides it, not the RDAP server).
NO_LETTER_KINDS = frozenset({SourceKind.REGISTRY}) | OWN_KINDS
KIND_ORDER = ("name", "home_address", "private_phone", "private_email", "work")
# Where a page or its domain's registration data names the organisation that runs the site.
ORGANISATION_KEYS = ("organisation", "organization", "publisher", "operator", "registrant")


def add_month(day: date) -> date:
    """The same day one month later, or the month's last day (31 Jan -> 28/29 Feb)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def data_kinds(findings: list[Finding]) -> list[str]:
    kinds: set[str] = set()
    for f in findings:
        for m in f.matches:
            if m.field is FieldKind.NAME:
                kinds.add("name")
            elif not m.private:
                kinds.add("work")
            elif m.field is FieldKind.ADDRESS:
                kinds.add("home_address")
            else:
                kinds.add(f"private_{m.field.value}")
    return [k for k in KIND_ORDER if k in kinds]


@dataclass
class Controller:
    domain: str  # the registrable domain, IDNA-normalised (ASCII, xn-- for an IDN)
    name: str
    contact: str = ""
    pages: list[tuple[str, str]] = field(default_factory=list)  # (url, date seen)
    findings: list[Finding] = field(default_factory=list)
    organisation: str = ""  # who runs the site, when a page or registration record says so

    @property
    def threat(self) -> bool:
        return any(threatens(f) for f in self.findings)


@cache
def _suffixes() -> PublicSuffixList:
    return PublicSuffixList()  # the list shipped inside the package: nothing is fetched


def ascii_host(host: str) -> str:
    """The host as DNS knows it: UTS #46 mapped (case, full-width dots), each non-ASCII label
    in punycode, so `Bücher.example` and `xn--bcher-kva.example` are one host."""
    host = host.strip().rstrip(".")
    try:
        host = idna.uts46_remap(host, std3_rules=False, transitional=False)
    except idna.IDNAError:
        host = host.lower()
    labels = []
    for label in host.split("."):
        if not label.isascii():
            try:
                label = idna.encode(label).decode("ascii")
            except idna.IDNAError:
                pass  # not a valid IDN label: kept as it is, it still names one site
        labels.append(label.lower())
    return ".".join(labels)


def registrable_domain(host: str) -> str:
    """The part of `host` one controller registered: `shop.bücher.co.uk` -> `xn--bcher-kva.co.uk`
    (Public Suffix List). An address or a single-label name stands for itself."""
    host = ascii_host(host)
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    return str(_suffixes().privatesuffix(host) or host)


def display_domain(domain: str) -> str:
    """`xn--bcher-kva.example` as a reader writes it: `bücher.example`."""
    try:
        return str(idna.decode(domain))
    except idna.IDNAError:
        return domain


def controllers(result: ScanResult, country: str = "") -> list[Controller]:
    """The sites a letter goes to, one per registrable domain, each with its pages; catalog
    names where known. A page's date is the day it was seen in `country`'s time zone."""
    catalog = load_catalog()
    zone = ZoneInfo(ZONES.get(country, "UTC"))
    found: dict[str, Controller] = {}
    for f in result.findings:
        obs = f.observation
        host = site_host(obs.url)
        if not host or f.severity is Severity.INFO or obs.source_kind in NO_LETTER_KINDS:
            continue
        domain = registrable_domain(host)
        site = catalog.by_host(ascii_host(host))
        key = site.domain if site else domain
        ctl = found.setdefault(key, Controller(
            domain=key, name=site.name if site else display_domain(key),
            contact=site.optout_url if site else "",
        ))
        url = " ".join(obs.url.split())
        if url not in [u for u, _ in ctl.pages]:
            ctl.pages.append((url, obs.seen_at.astimezone(zone).date().isoformat()))
        ctl.findings.append(f)
        ctl.organisation = ctl.organisation or organisation(f)
    return sorted(found.values(), key=lambda c: c.domain)


def organisation(finding: Finding) -> str:
    """The organisation a page names as running it (publisher, operator, registrant), if any."""
    extra = {k.lower(): v for k, v in finding.observation.extra.items()}
    return next((" ".join(extra[k].split()) for k in ORGANISATION_KEYS if extra.get(k, "").strip()),
                "")


def written(day: date, lang: str) -> str:
    """A date written out: "6 december 2026", "6 December 2026"."""
    return format_date(day, "d MMMM y", locale=lang)


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("exposure_scan.reports", "templates"),
        autoescape=False,  # plain-text letters, never HTML
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return keep_compiled(environment, "letter")


SLUG_MAX = 80


def _slug(domain: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", domain.lower()).strip(".-_") or "site"
    if len(slug) > SLUG_MAX:  # file names have a length limit; the hash keeps them apart
        slug = f"{slug[:SLUG_MAX - 9]}-{hashlib.sha256(domain.encode()).hexdigest()[:8]}"
    return slug


def file_name(domain: str, lang: str, taken: set[str]) -> str:
    """`gdpr-request-<domain>.<lang>.txt`, with `-2`, `-3`... if two domains would share it."""
    slug = _slug(domain)
    name, n = f"gdpr-request-{slug}.{lang}.txt", 2
    while name.lower() in taken:  # also apart on a file system that ignores case
        name, n = f"gdpr-request-{slug}-{n}.{lang}.txt", n + 1
    taken.add(name.lower())
    return name


def letters(result: ScanResult, profile: Profile, lang: str, today: date) -> dict[str, str]:
    """Filename -> letter text, one per controller with a finding (NL and UK profiles:
    GDPR / UK GDPR; a US profile gets none, as the GDPR gives it no such rights)."""
    if profile.country is Country.US:
        return {}
    lang = normalise(lang)
    template = _environment().get_template(f"letter.{lang}.txt.j2")
    uk = profile.country is Country.UK
    out: dict[str, str] = {}
    taken: set[str] = set()
    for ctl in controllers(result, profile.country.value):
        site = ctl.name if ctl.name != ctl.domain else ctl.domain
        text = template.render(
            name=profile.primary_name.full,
            controller=ctl,
            addressee=ctl.organisation,
            site=site,
            pages=[(url, written(date.fromisoformat(seen), lang)) for url, seen in ctl.pages],
            kinds=data_kinds(ctl.findings),
            today=written(today, lang),
            deadline=written(add_month(today), lang),
            uk=uk,
            threat=ctl.threat,
            member="",
        )
        out[file_name(ctl.domain, lang, taken)] = text
    for index, member in enumerate(profile.household):
        # Issue 16: the member's own request, in their name (the letter says so).
        mine = [h for h in result.household if h.member == index]
        if not mine:
            continue
        as_findings = [
            Finding(id=h.id, observation=h.observation, matches=h.matches, severity=h.severity,
                    score=0)
            for h in mine
        ]
        home = {h.observation.url for h in mine if HouseholdTie.HOME_ADDRESS in h.ties}
        for ctl in controllers(result.model_copy(update={"findings": as_findings}),
                               profile.country.value):
            site = ctl.name if ctl.name != ctl.domain else ctl.domain
            kinds = set(data_kinds(ctl.findings))
            if any(url in home for url, _ in ctl.pages):
                kinds.add("home_address")
            text = template.render(
                name=member.names[0].full,
                controller=ctl,
                addressee=ctl.organisation,
                site=site,
                pages=[(url, written(date.fromisoformat(seen), lang)) for url, seen in ctl.pages],
                kinds=[k for k in KIND_ORDER if k in kinds],
                today=written(today, lang),
                deadline=written(add_month(today), lang),
                uk=uk,
                threat=ctl.threat,
                member=RELATIONS[lang].get(member.relation.value, member.relation.value),
            )
            out[file_name(f"member{index + 1}-{ctl.domain}", lang, taken)] = text
    return out
