"""The view model: a ScanResult turned into plain values the templates only have to print.

Everything here is pure. Scraped text stays raw (the HTML template escapes it; the Markdown
renderer passes it through its `md` filter). Texts from our own data files (rule reasons,
step actions) are translated here with the report's gettext catalog.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from exposure_scan.catalog import load_catalog
from exposure_scan.models import (
    Finding,
    RemovalStep,
    RunStatus,
    ScanResult,
    Severity,
)
from exposure_scan.removal import action_plan, host_of
from exposure_scan.scoring import rule_texts

from .i18n import (
    field_label,
    gettext,
    normalise,
    part_text,
    profile_label,
    translate_reason,
    translate_run_reason,
)

TOP_ACTIONS = 3


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


def when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _step(step: RemovalStep, lang: str) -> dict[str, Any]:
    return {
        "action": gettext(lang, step.action),
        "url": step.url,
        "href": safe_href(step.url),
        "method": step.method,
        "needs_id": step.needs_id,
        "expected_time": gettext(lang, step.expected_time),
        "source": step.source,
        "source_href": safe_href(step.source),
    }


def _site_name(url: str) -> str:
    site = load_catalog().by_host(host_of(url))
    return site.name if site else ""


def _finding(f: Finding, lang: str) -> dict[str, Any]:
    obs = f.observation
    texts = rule_texts()
    return {
        "id": f.id,
        "severity": f.severity.value,
        "score": f.score,
        "title": obs.title,
        "url": obs.url,
        "href": safe_href(obs.url),
        "host": host_of(obs.url),
        "site": _site_name(obs.url),
        "source_kind": obs.source_kind.value,
        "provider": obs.provider,
        "seen_at": when(obs.seen_at),
        "snippet": obs.snippet,
        "body_sha256": obs.body_sha256,
        "work_to_home": f.work_to_home,
        "matches": [
            {
                "field": m.field.value,
                "label": profile_label(lang, m.label),
                "private": m.private,
                "observed": m.observed,
                "confidence": round(m.confidence * 100),
                "reason": translate_reason(lang, m.reason),
            }
            for m in f.matches
        ],
        "rules": [
            {"id": r, "why": gettext(lang, texts.get(r, ""))} for r in f.rules
        ],
        "steps": [_step(s, lang) for s in f.steps],
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
    asked = [r for r in result.runs if r.status in (RunStatus.CHECKED, RunStatus.UNCHECKED)]
    unchecked = [r for r in asked if r.status is RunStatus.UNCHECKED]
    partly = [r for r in asked if r.status is RunStatus.CHECKED and r.unchecked_parts]
    if result.confidence.startswith("complete") and not unchecked:
        state = "complete"
    elif not asked or len(unchecked) == len(asked):
        state = "none"
    else:
        state = "reduced"
    return {"state": state, "asked": len(asked), "unchecked": len(unchecked),
            "partly": len(partly)}


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


def build(result: ScanResult) -> dict[str, Any]:
    lang = normalise(result.language)
    findings = [_finding(f, lang) for f in result.findings]
    by_id = {f["id"]: f for f in findings}
    plan = [
        {
            "step": _step(item.step, lang),
            "host": item.host,
            "risk": item.risk,
            "findings": [
                {"id": i, "severity": by_id[i]["severity"], "host": by_id[i]["host"]}
                for i in item.finding_ids if i in by_id
            ],
        }
        for item in action_plan(list(result.findings))
    ]
    counts = Counter(f.severity.value for f in result.findings)
    groups = [
        {"severity": sev.value, "findings": [f for f in findings if f["severity"] == sev.value]}
        for sev in Severity
    ]
    return {
        "lang": lang,
        "country": country_of(result),
        "result": {
            "tool_version": result.tool_version,
            "started_at": when(result.started_at),
            "finished_at": when(result.finished_at),
            "partial": result.partial,
            "score": result.score,
            "level": result.level or "unknown",
            "schema_version": result.schema_version,
        },
        "confidence": _confidence(result),
        "counts": {sev.value: counts.get(sev.value, 0) for sev in Severity},
        "total": len(findings),
        "work_to_home": sum(1 for f in result.findings if f.work_to_home),
        "groups": [g for g in groups if g["findings"]],
        "plan": plan,
        "top_actions": plan[:TOP_ACTIONS],
        "runs": [
            {"provider": r.provider, "title": gettext(lang, r.title) or r.provider,
             "status": r.status.value,
             "reason": translate_run_reason(lang, r.reason), "observations": r.observations,
             "unchecked_parts": [part_text(lang, p) for p in r.unchecked_parts]}
            for r in result.runs
        ],
        **organisation_view(result, plan),
        "ledger": _ledger(result, lang),
        "ledger_total": len(result.ledger),
        "evidence": [
            {"id": f["id"], "url": f["url"], "href": f["href"], "seen_at": f["seen_at"],
             "provider": f["provider"], "body_sha256": f["body_sha256"]}
            for f in findings
        ],
    }
