"""GDPR request letters: one per controller (site) with a finding, in Dutch or English.

Each letter combines an objection (Art. 21) with an erasure request (Art. 17), names the
pages (URLs) and the kinds of data found on them, never the values, and states the
one-month answer deadline of Art. 12(3): it runs from receipt, so the letter gives the date
only as "if it arrives today", counted from `today`. The letters carry the user's
own name because they send them; they are written only to the user's output folder.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from babel.dates import format_date
from jinja2 import Environment, PackageLoader, StrictUndefined

from exposure_scan.catalog import load_catalog
from exposure_scan.models import FieldKind, Finding, ScanResult, Severity, SourceKind
from exposure_scan.profile import Country, Profile
from exposure_scan.removal import OWN_KINDS, host_of
from exposure_scan.threat import threatens

from .i18n import normalise

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
    domain: str
    name: str
    contact: str = ""
    pages: list[tuple[str, str]] = field(default_factory=list)  # (url, date seen)
    findings: list[Finding] = field(default_factory=list)
    organisation: str = ""  # who runs the site, when a page or registration record says so

    @property
    def threat(self) -> bool:
        return any(threatens(f) for f in self.findings)


def controllers(result: ScanResult) -> list[Controller]:
    """The sites a letter goes to, each with its pages; catalog names where known."""
    catalog = load_catalog()
    found: dict[str, Controller] = {}
    for f in result.findings:
        obs = f.observation
        host = host_of(obs.url)
        if not host or f.severity is Severity.INFO or obs.source_kind in NO_LETTER_KINDS:
            continue
        site = catalog.by_host(host)
        key = site.domain if site else host
        ctl = found.setdefault(key, Controller(
            domain=key, name=site.name if site else key, contact=site.optout_url if site else "",
        ))
        url = " ".join(obs.url.split())
        if url not in [u for u, _ in ctl.pages]:
            ctl.pages.append((url, obs.seen_at.date().isoformat()))
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
    return Environment(
        loader=PackageLoader("exposure_scan.reports", "templates"),
        autoescape=False,  # plain-text letters, never HTML
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _slug(domain: str) -> str:
    return re.sub(r"[^a-z0-9.-]+", "-", domain.lower()).strip(".-") or "site"


def letters(result: ScanResult, profile: Profile, lang: str, today: date) -> dict[str, str]:
    """Filename -> letter text, one per controller with a finding (NL and UK profiles:
    GDPR / UK GDPR; a US profile gets none, as the GDPR gives it no such rights)."""
    if profile.country is Country.US:
        return {}
    lang = normalise(lang)
    template = _environment().get_template(f"letter.{lang}.txt.j2")
    uk = profile.country is Country.UK
    out: dict[str, str] = {}
    for ctl in controllers(result):
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
        )
        out[f"gdpr-request-{_slug(ctl.domain)}.{lang}.txt"] = text
    return out
