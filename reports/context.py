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
    run_reason_text,
)

TOP_ACTIONS = 3
EXPOSED = 15  # pages named in the first block; the rest are counted (each has its card)
PASSAGES = 3  # at most this many passages quoted per finding
ZONES = {"NL": "Europe/Amsterdam", "UK": "Europe/London", "US": "UTC"}


_UNSAFE = re.compile(r"[\x00-\x1f\s]")


def safe_href(url: str) -> str:
    """The URL if it may be a link (http or https, no control characters); else ""."""
    url = (url or "").strip()
    if not url or _UNSAFE.search(url):
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
    if f.passages:  # read back from a JSON report, which keeps these instead of the text
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
        "structured": bool(obs.text) and not quotes,
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


MANY = 8  # a step for more pages (or sites) than this counts them instead of naming each
LABEL = 32  # a page named in the plan: its title cut to about this many characters


def label(f: dict[str, Any]) -> str:
    """A page's short name where the plan refers to it (its card has the full title)."""
    title = " ".join(str(f["title"]).split())
    if not title:
        return str(f["site"] or f["host"])
    if len(title) <= LABEL:
        return title
    cut = title[:LABEL].rsplit(" ", 1)[0].rstrip(" —-·,:;")
    return (cut or title[:LABEL]) + "…"


def _page(f: dict[str, Any]) -> dict[str, Any]:
    return {"id": f["id"], "severity": f["severity"], "host": f["host"],
            "site": f["site"] or f["host"], "title": f["title"], "url": f["url"],
            "href": f["href"], "label": label(f)}


def _report_page(host: str) -> dict[str, str]:
    """Where a known platform takes reports of a post (its abuse or report page), when the
    catalog has it; the step's own words say how to find it otherwise."""
    site = load_catalog().by_host(host) if host else None
    found = str(getattr(site, "report_url", "") or "")  # a catalog field not every site has
    return {"report_url": found, "report_href": safe_href(found)}


def _plan(result: ScanResult, by_id: dict[str, dict[str, Any]], lang: str,
          ) -> list[dict[str, Any]]:
    """The plan as the reader sees it: a step's words once. A step done per site (a site's
    own opt-out form, contacting the owner) lists its sites, each with its own link and
    pages; a step for the whole report lists the pages it is for."""
    plan: list[dict[str, Any]] = []
    by_text: dict[str, dict[str, Any]] = {}
    # Removal requests past their deadline lead the plan.
    items = escalations(result, country_of(result)) + plan_of(result)
    exposed = {f["id"] for f in by_id.values() if f["severity"] != Severity.INFO.value}
    for item in items:
        helped = [by_id[i] for i in item.finding_ids if i in by_id]
        step = _step(item.step, lang)
        entry = by_text.get(step["action"]) if item.per_site else None
        if entry is None:
            number = len(plan) + 1
            entry = {
                "number": number,
                "anchor": f"step-{number}",
                "step": step,
                "rule": item.rule,
                "phase": item.phase.value,
                "threat": item.threat,
                "per_site": item.per_site,
                "host": item.hosts[0] if item.per_site and item.hosts else "",
                "hosts": [],
                "sites": [],
                "risk": item.risk,
                "findings": [],
                "ids": set(),
                "all_pages": 0,
            }
            plan.append(entry)
            if item.per_site:
                by_text[step["action"]] = entry
        entry["threat"] = entry["threat"] or item.threat
        for f in helped:
            if entry["number"] not in f["plan_steps"]:
                f["plan_steps"].append(entry["number"])
            if f["id"] not in entry["ids"]:
                entry["ids"].add(f["id"])
                entry["findings"].append(_page(f))
        entry["hosts"] += [h for h in item.hosts if h not in entry["hosts"]]
        if item.per_site:
            _add_sites(entry, helped, step)
    for entry in plan:
        entry["counted"] = any(len(site["pages"]) > 1 for site in entry["sites"])
        # a site's own link (its opt-out form, its report page) is worth a line per site
        entry["site_links"] = any(
            (site["href"] and not entry["step"]["href"])
            or (entry["step"]["method"] == "report" and site["report_href"])
            for site in entry["sites"])
        sites = len(entry["sites"])
        entry["many_sites"] = sites if sites > MANY and not entry["site_links"] else 0
        if len(exposed) > 1 and entry["ids"] >= exposed:
            entry["all_pages"] = len(exposed)
        # a long list of pages says nothing more than its length: each finding names its steps
        entry["many"] = len(entry["findings"]) if len(entry["findings"]) > MANY else 0
    return plan


def _add_sites(entry: dict[str, Any], helped: list[dict[str, Any]], step: dict[str, Any],
               ) -> None:
    """Group a per-site step's pages by site; a site's own link (its opt-out form) with it."""
    index = entry.setdefault("site_index", {})
    for f in helped:
        key = f["host"] or f["url"]
        site = index.get(key)
        if site is None:
            site = {"key": key, "name": f["site"] or f["host"], "url": step["url"],
                    "href": step["href"], "pages": [], "ids": set(), **_report_page(f["host"])}
            index[key] = site
            entry["sites"].append(site)
        if f["id"] not in site["ids"]:
            site["ids"].add(f["id"])
            site["pages"].append(_page(f))
    if len({site["url"] for site in entry["sites"]}) > 1:
        entry["step"] = {**entry["step"], "url": "", "href": ""}  # each site has its own


def _top_actions(plan: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first steps, named on the first screen; in the plan they are shown opened, the
    rest as one line each that opens on a click (and is printed in full)."""
    top = [item for item in plan if item["threat"] or any(
        f["severity"] != Severity.INFO.value for f in item["findings"])][:TOP_ACTIONS]
    for item in plan:
        item["open"] = item in top
    return top


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
        "exposed": (exposed := _exposed(findings))[:EXPOSED],
        "exposed_more": max(0, len(exposed) - EXPOSED),
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
        # a step already in the plan is named and linked elsewhere, never written out again
        "plan_anchors": {item["step"]["action"]: item["anchor"] for item in plan},
        "finding_at": {f["url"]: f for f in findings if f["severity"] != Severity.INFO.value},
        "top_actions": _top_actions(plan),
        "runs": [
            {"provider": r.provider, "title": gettext(lang, r.title) or r.provider,
             "status": r.status.value,
             "reason": run_reason_text(lang, r), "observations": r.observations,
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
