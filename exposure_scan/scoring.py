"""Pure risk scoring: matched observations -> findings with severity, score and reasons.

The rules live in `data/risk-rules.toml`; every finding lists the rule ids that fired.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from exposure_scan.models import (
    FieldKind,
    FieldMatch,
    Finding,
    Observation,
    ProviderRun,
    RunStatus,
    Severity,
    SourceKind,
    finding_id,
)
from exposure_scan.profile import Profile

PROFESSIONAL_KINDS = frozenset({SourceKind.REGISTRY, SourceKind.PRACTICE_SITE})


@cache
def rules() -> dict[str, Any]:
    text = resources.files("exposure_scan").joinpath("data/risk-rules.toml").read_text("utf-8")
    return tomllib.loads(text)


def exposed_kinds(matches: list[FieldMatch]) -> set[str]:
    """The tags rules are written in: name, private_address, private_phone, ..., work."""
    tags: set[str] = set()
    for m in matches:
        if m.field is FieldKind.NAME:
            tags.add("name")
        elif m.private:
            tags.add(f"private_{m.field.value}")
        else:
            tags.add("work")
    return tags


def fired_rules(tags: set[str], kind: SourceKind) -> list[dict[str, Any]]:
    fired = []
    for rule in rules()["rule"]:
        if not set(rule["when"]) <= tags:
            continue
        if "kinds" in rule and kind.value not in rule["kinds"]:
            continue
        fired.append(rule)
    return fired


def score_one(
    profile: Profile, obs: Observation, matches: list[FieldMatch], work_to_home: bool
) -> Finding | None:
    fired = fired_rules(exposed_kinds(matches), obs.source_kind)
    if not fired:
        return None  # e.g. a namesake: a name on an ordinary page, nothing else of the person
    top = max(fired, key=lambda r: (-Severity(r["severity"]).rank, r["score"]))
    severity = Severity(top["severity"])
    table = rules()
    score = float(top["score"])
    private = severity.rank <= Severity.MEDIUM.rank
    if private:
        score *= float(table["source_weight"].get(obs.source_kind.value, 1.0))
        if profile.role is not None:
            score += float(table["role_bonus"].get(profile.role.value, 0))
    ids = [r["id"] for r in fired]
    why = [r["why"] for r in fired]
    linked = work_to_home and "name" in exposed_kinds(matches) and private
    if linked:
        ids.append(table["work_to_home"]["rule"])
        why.append(table["work_to_home"]["why"])
        score += float(table["work_to_home"]["bonus"])
    return Finding(
        id=finding_id(obs.url or obs.title, obs.provider, matches),
        observation=obs,
        matches=matches,
        severity=severity,
        score=min(100, round(score)),
        rules=ids,
        explanation=" ".join(why),
        work_to_home=linked,
    )


def score_findings(
    profile: Profile, matched: list[tuple[Observation, list[FieldMatch]]]
) -> list[Finding]:
    """Score every matched observation; most severe first, stable order within a severity."""
    professional = any(
        obs.source_kind in PROFESSIONAL_KINDS
        and any(m.field is FieldKind.NAME for m in ms)
        for obs, ms in matched
    )
    findings: dict[str, Finding] = {}
    for obs, matches in matched:
        finding = score_one(profile, obs, matches, professional)
        if finding is None:
            continue
        kept = findings.get(finding.id)
        if kept is None or finding.score > kept.score:
            findings[finding.id] = finding
    return sorted(findings.values(), key=lambda f: (f.severity.rank, -f.score, f.id))


def summarise(findings: list[Finding], runs: list[ProviderRun]) -> tuple[int, str, str]:
    """Overall score 0-100, its level, and how complete the picture is."""
    remaining = 1.0
    for f in findings:
        remaining *= 1.0 - f.score / 100.0
    score = round(100 * (1.0 - remaining))
    level = "none"
    for name, floor in sorted(rules()["levels"].items(), key=lambda kv: -kv[1]):
        if score >= floor:
            level = name
            break
    asked = [r for r in runs if r.status in (RunStatus.CHECKED, RunStatus.UNCHECKED)]
    unchecked = [r for r in asked if r.status is RunStatus.UNCHECKED]
    if not asked:
        confidence = "none: no source was checked"
    elif not unchecked:
        confidence = "complete"
    elif len(unchecked) == len(asked):
        confidence = "none: every source was unchecked"
    else:
        confidence = f"reduced: {len(unchecked)} of {len(asked)} sources unchecked"
    return score, level, confidence
