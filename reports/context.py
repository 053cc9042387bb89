"""The view model: a ScanResult turned into plain values the templates only have to print.

Everything here is pure. Scraped text stays raw (the HTML template escapes it; the Markdown
renderer passes it through its `md` filter). Texts from our own data files (rule reasons,
step actions) are translated here with the report's gettext catalog.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from exposure_scan.catalog import load_catalog
from exposure_scan.models import (
    CoverageState,
    FieldKind,
    FieldMatch,
    Finding,
    PlanItem,
    RemovalStep,
    ScanResult,
    Severity,
)
from exposure_scan.passage import passages
from exposure_scan.removal import plan_steps, site_host
from exposure_scan.scoring import rule_texts
from exposure_scan.threat import threatens

from .history_view import changes_view, escalations
from .household_view import household_view
from .i18n import (
    field_label,
    gettext,
    normalise,
    part_text,
    profile_label,
    reason_text,
    translate_run_reason,
)

TOP_ACTIONS = 3
PASSAGES = 3  # at most this many passages quoted per finding
ZONES = {"NL": "Europe/Amsterdam", "UK": "Europe/London", "US": "UTC"}


def safe_href(url: str) -> str:
    """The URL if it may be a link (http or https, no control characters); else ""."""
    url = (url or "").strip()
    if not url or any(ord(c) < 32 or c.isspace() for c in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return url


def when(moment: datetime, lang: str = "en", country: str = "") -> str:
    """A moment written out in the report's language and the profile country's time zone:
    "6 december 2026, 01:35"."""
    zone = ZoneInfo(ZONES.get(country, "UTC"))
    text = format_datetime(moment, "d MMMM y, HH:mm", tzinfo=zone, locale=lang)
    return text + (" UTC" if zone.key == "UTC" else "")


def _changes(result: ScanResult, lang: str, country: str) -> dict[str, Any] | None:
    """The history view, its "compared with" moment written like every other in the report
    (the same language and time zone, not a bare UTC time an hour off the scan's own)."""
    view = changes_view(result, lang)
    if view is not None and result.changes is not None and result.changes.previous_at:
        view["previous_at"] = when(result.changes.previous_at, lang, country)
    return view


def _step(step: RemovalStep, lang: str) -> dict[str, Any]:
    return {
        "action": gettext(lang, step.action),
        "title": gettext(lang, step.title),
        "url": step.url,
        "href": safe_href(step.url),
        "method": step.method,
        "needs_id": step.needs_id,
        "expected_time": gettext(lang, step.expected_time),
        # the source only when it is not the link itself: each address printed once
        "source": "" if step.source == step.url else step.source,
        "source_href": "" if step.source == step.url else safe_href(step.source),
        "source_site": site_host(step.source) or step.source,  # a citation: its site is enough
    }


def _site_name(url: str) -> str:
    site = load_catalog().by_host(site_host(url))
    return site.name if site else ""


# What a page shows, in plain words: (field, private, profile label) -> msgid.
SHOWS = (
    (FieldKind.ADDRESS, True, "your home address"),
    (FieldKind.PHONE, True, "your private phone number"),
    (FieldKind.EMAIL, True, "your private email address"),
    (FieldKind.NAME, False, "your name"),
    (FieldKind.ADDRESS, False, "your practice address"),
    (FieldKind.PHONE, False, "your work phone number"),
    (FieldKind.EMAIL, False, "your work email address"),
)


def shows(matches: list[FieldMatch], lang: str) -> str:
    """ "your home address and mobile number": what the page shows, most private first."""
    have = {(m.field, m.private) for m in matches}
    mobile = any(m.private and m.field is FieldKind.PHONE and m.label.strip().lower() == "mobile"
                 for m in matches)
    parts = [gettext(lang, "your mobile number" if mobile and text == SHOWS[1][2] else text)
             for field, private, text in SHOWS if (field, private) in have]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " " + gettext(lang, "and") + " " + parts[-1]


def _passages(f: Finding) -> list[list[dict[str, Any]]]:
    """The words around each matched value: in the page's text when it was read, else in the
    search result's excerpt."""
    if f.passages or f.observation.text_sha256:  # the scan or a JSON report kept these
        found = f.passages[:PASSAGES]
    else:
        text = f.observation.text or f.observation.snippet
        found = passages(text, [m.observed for m in f.matches])[:PASSAGES]
    return [
        [{"text": seg.text, "marked": seg.marked} for seg in p.segments]
        for p in found
    ]


def _finding(f: Finding, lang: str, country: str = "") -> dict[str, Any]:
    obs = f.observation
    texts = rule_texts()
    return {
        "id": f.id,
        "severity": f.severity.value,
        "score": f.score,
        "title": obs.title,
        "url": obs.url,
        "href": safe_href(obs.url),
        "host": site_host(obs.url),
        "site": _site_name(obs.url),
        "source_kind": obs.source_kind.value,
        "provider": obs.provider,
        "seen_at": when(obs.seen_at, lang, country),
        "snippet": obs.snippet,
        "passages": (quotes := _passages(f)),
        # read, but the values stand only in its structured data (JSON-LD, microdata): the
        # page's first characters (menus, banners) say nothing, the matched fields do
        "structured": bool(obs.text or obs.text_sha256) and not quotes,
        "shows": shows(f.matches, lang),
        "private": any(m.private for m in f.matches),
        "threat": threatens(f),
        "body_sha256": obs.body_sha256,
        "work_to_home": f.work_to_home,
        "matches": [
            {
                "field": m.field.value,
                "label": profile_label(lang, m.label),
                "private": m.private,
                "observed": m.observed,
                "confidence": round(m.confidence * 100),
                "reason": reason_text(lang, m),
            }
            for m in f.matches
        ],
        "rules": [
            {"id": r, "why": gettext(lang, texts.get(r, ""))} for r in f.rules
        ],
        "steps": [_step(s, lang) for s in f.steps],
        "plan_steps": [],  # filled in by build(): the numbers of its steps in the plan
    }


def _ledger(result: ScanResult, lang: str) -> list[dict[str, Any]]:
    groups: Counter[tuple[str, str, str, tuple[str, ...]]] = Counter()
    statuses: dict[tuple[str, str, str, tuple[str, ...]], set[str]] = {}
    for e in result.ledger:
        key = (e.provider, e.host, e.method, tuple(sorted(e.fields)))
        groups[key] += 1
        statuses.setdefault(key, set()).add(str(e.status) if e.status is not None else "-")
    return [
        {"provider": p, "host": h, "method": m, "fields": [field_label(lang, f) for f in fs],
         "count": n,
         "statuses": sorted(statuses[(p, h, m, fs)])}
        for (p, h, m, fs), n in sorted(groups.items())
    ]


def _confidence(result: ScanResult) -> dict[str, Any]:
    cov = result.coverage  # computed once by the scan: the score and exit code read it too
    return {"state": cov.state.value, "asked": cov.asked, "unchecked": cov.unchecked,
            "partly": cov.partly, "interrupted": cov.interrupted,
            "not_configured": cov.not_configured, "web": cov.web.value,
            "web_searched": cov.web_searched}


def _level_shown(result: ScanResult) -> str:
    """The level's label key: an unknown level says why, the web first."""
    level = result.level or "unknown"
    cov = result.coverage
    if level == "unknown" and cov.state is CoverageState.COMPLETE and not cov.web_searched:
        return "unknown_web"
    return level


COUNTRIES = ("NL", "UK", "US")


def country_of(result: ScanResult) -> str:
    """The profile's country (NL, UK, US); the profile's own default, NL, when unknown."""
    country = str(result.profile.get("country") or "").strip().upper()
    return country if country in COUNTRIES else "NL"


def organisation_view(result: ScanResult, plan: list[dict[str, Any]]) -> dict[str, Any]:
    """Issue 12: the employer's contact point, and after which plan step it is shown (the
    evidence step, or before the first step when there is none: -1)."""
    after = next((i for i, item in enumerate(plan) if item["step"]["method"] == "evidence"), -1)
    org = result.organisation
    return {"organisation": org.model_dump() if org else None, "org_plan_at": after}


def css_string(text: str) -> str:
    """Our own text as a CSS string for `content:` (quotes, backslashes and `<` made inert)."""
    text = re.sub(r"\s", " ", text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("<", "\\3c ") + '"'


def page_counter(lang: str) -> str:
    """ "pagina " counter(page) " van " counter(pages): the printed page numbers."""
    parts = re.split(r"(\{pages?\})", gettext(lang, "page {page} of {pages}"))
    return " ".join(f"counter({p[1:-1]})" if p in ("{page}", "{pages}") else css_string(p)
                    for p in parts if p)


def plan_of(result: ScanResult) -> list[PlanItem]:
    """The plan the scan computed; for a result from before plans were saved, the same plan
    built from the findings' steps."""
    return result.plan or plan_steps(list(result.findings))


def _plan(result: ScanResult, by_id: dict[str, dict[str, Any]], lang: str,
          ) -> list[dict[str, Any]]:
    plan = []
    # Removal requests past their deadline lead the plan.
    items = escalations(result, country_of(result)) + plan_of(result)
    for number, item in enumerate(items, start=1):
        helped = [by_id[i] for i in item.finding_ids if i in by_id]
        for f in helped:
            f["plan_steps"].append(number)
        plan.append({
            "number": number,
            "anchor": f"step-{number}",
            "step": _step(item.step, lang),
            "rule": item.rule,
            "phase": item.phase.value,
            "threat": item.threat,
            "per_site": item.per_site,
            "host": item.hosts[0] if item.per_site and item.hosts else "",
            "hosts": item.hosts,
            "risk": item.risk,
            "findings": [
                {"id": f["id"], "severity": f["severity"], "host": f["host"],
                 "site": f["site"] or f["host"], "title": f["title"], "url": f["url"],
                 "href": f["href"]}
                for f in helped
            ],
        })
    return plan


def _exposed(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pages that show private data, highest risk first: the report's first block."""
    shown = [f for f in findings if f["private"] or f["threat"]]
    return sorted(shown, key=lambda f: (-f["score"], Severity(f["severity"]).rank))


def build(result: ScanResult) -> dict[str, Any]:
    lang = normalise(result.language)
    country = country_of(result)
    findings = [_finding(f, lang, country) for f in result.findings]
    by_id = {f["id"]: f for f in findings}
    plan = _plan(result, by_id, lang)
    counts = Counter(f.severity.value for f in result.findings)
    groups = [
        {"severity": sev.value, "findings": [f for f in findings if f["severity"] == sev.value]}
        for sev in Severity
    ]
    return {
        "lang": lang,
        "country": country,
        "paper": "letter" if country == "US" else "A4",
        "print_title": css_string(gettext(lang, "Online exposure report")),
        "print_pages": page_counter(lang),
        "threats": sum(1 for f in findings if f["threat"]),
        "exposed": _exposed(findings),
        "result": {
            "tool_version": result.tool_version,
            "started_at": when(result.started_at, lang, country),
            "finished_at": when(result.finished_at, lang, country),
            "partial": result.partial,
            "score": result.score,
            "level": result.level or "unknown",
            "level_shown": _level_shown(result),
            "schema_version": result.schema_version,
        },
        "confidence": _confidence(result),
        "counts": {sev.value: counts.get(sev.value, 0) for sev in Severity},
        "total": len(findings),
        "work_to_home": sum(1 for f in result.findings if f.work_to_home),
        "groups": [g for g in groups if g["findings"]],
        "plan": plan,
        "top_actions": [item for item in plan if item["threat"] or any(
            f["severity"] != Severity.INFO.value for f in item["findings"])][:TOP_ACTIONS],
        "runs": [
            {"provider": r.provider, "title": gettext(lang, r.title) or r.provider,
             "status": r.status.value,
             "reason": translate_run_reason(lang, r.reason), "observations": r.observations,
             "unchecked_parts": [part_text(lang, p) for p in r.unchecked_parts],
             "manual_check": gettext(lang, r.manual_check)}
            for r in result.runs
        ],
        "ledger": _ledger(result, lang),
        "ledger_total": len(result.ledger),
        "changes": _changes(result, lang, country),
        **organisation_view(result, plan),
        **household_view(result, lang, lambda s: _step(s, lang)),
        "evidence": [
            {"id": f["id"], "url": f["url"], "href": f["href"], "seen_at": f["seen_at"],
             "provider": f["provider"], "body_sha256": f["body_sha256"]}
            for f in findings
        ],
    }
