"""Pure risk scoring: matched observations -> findings with severity, score and reasons.

The rules live in `data/risk-rules.toml` (its header documents the method); every finding
lists the ids of the rules that fired, so the report can explain itself.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field

from exposure_scan import packaged
from exposure_scan.matching.reason import strong_initials
from exposure_scan.models import (
    Coverage,
    CoverageState,
    FieldKind,
    FieldMatch,
    Finding,
    Frozen,
    Observation,
    ProviderRun,
    Severity,
    SourceKind,
    finding_id,
)
from exposure_scan.profile import Profile, Role

PROFESSIONAL_KINDS = frozenset({SourceKind.REGISTRY, SourceKind.PRACTICE_SITE})
PRIVATE_TAGS = frozenset({"private_address", "private_phone", "private_email"})
HOME_TAGS = frozenset({"private_address", "private_phone"})  # what the work-to-home link reaches
NAMESAKE_KINDS = frozenset({SourceKind.REGISTRY, SourceKind.PEOPLE_SEARCH})
# Name-match confidences (matching/name.py): a given name written out scores 0.85 or more;
# a surname with initials 0.7-0.75, whether one initial or several.
FULL_NAME_CONFIDENCE = 0.85
INITIALS_CONFIDENCE = 0.7


Tag = Literal["name", "work", "private_address", "private_phone", "private_email"]


class Rule(Frozen):
    """A risk rule: fires when every tag in `when` and none in `unless` is on the page."""

    id: str
    when: list[Tag]
    unless: list[Tag] = Field(default_factory=list)
    kinds: list[SourceKind] | None = None  # only on these source kinds
    severity: Severity
    score: int
    why: str


class SourceRule(Frozen):
    """A weight for a kind of source, applied when the page shows private data."""

    kind: SourceKind
    id: str
    weight: float
    why: str


class RoleRule(Frozen):
    """A bonus for a higher-risk work setting, applied when the page shows private data."""

    role: Role
    id: str
    bonus: float
    why: str


class WorkToHome(Frozen):
    rule: str
    bonus: float
    min_severity: Severity
    why: str


class RiskRules(Frozen):
    """data/risk-rules.toml (its header documents the method)."""

    rule: list[Rule]
    source: list[SourceRule] = Field(default_factory=list)
    role: list[RoleRule] = Field(default_factory=list)
    work_to_home: WorkToHome
    levels: dict[str, int]  # overall level -> the lowest score that reaches it


@cache
def rules() -> RiskRules:
    return packaged.load(RiskRules, "data/risk-rules.toml")


@cache
def rule_texts() -> dict[str, str]:
    """Every rule id -> its plain-English `why` (the report translates it)."""
    table = rules()
    texts = {r.id: r.why for r in table.rule}
    texts.update({s.id: s.why for s in table.source})
    texts.update({r.id: r.why for r in table.role})
    texts[table.work_to_home.rule] = table.work_to_home.why
    return texts


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


def fired_rules(tags: set[str], kind: SourceKind) -> list[Rule]:
    fired = []
    for rule in rules().rule:
        if not set(rule.when) <= tags or tags & set(rule.unless):
            continue
        if rule.kinds is not None and kind not in rule.kinds:
            continue
        fired.append(rule)
    return fired


def _source_rule(kind: SourceKind) -> SourceRule | None:
    return next((s for s in rules().source if s.kind is kind), None)


def _role_rule(profile: Profile) -> RoleRule | None:
    if profile.role is None:
        return None
    return next((r for r in rules().role if r.role is profile.role), None)


def strong_name(match: FieldMatch) -> bool:
    """A name match that identifies the person: a given name written out, or several
    initials; never a surname with a single initial (on a large register: a namesake)."""
    if match.field is not FieldKind.NAME:
        return False
    if match.confidence >= FULL_NAME_CONFIDENCE:
        return True
    return match.confidence >= INITIALS_CONFIDENCE and strong_initials(match.parts)


def weak_name_only(obs: Observation, matches: list[FieldMatch]) -> bool:
    """A register or people-search entry that shows only a name, and that name only as a
    surname with a single initial: most likely a namesake, so no finding."""
    return (
        obs.source_kind in NAMESAKE_KINDS
        and exposed_kinds(matches) == {"name"}
        and not any(strong_name(m) for m in matches)
    )


def links_work_to_home(tags: set[str], kind: SourceKind, professional_identity: bool) -> bool:
    """Does this page take a stranger from the professional identity to home or private phone?"""
    if not tags & HOME_TAGS:
        return False
    if kind in PROFESSIONAL_KINDS or "work" in tags:
        return True  # the professional page itself shows the private data
    return "name" in tags and professional_identity


def score_one(
    profile: Profile, obs: Observation, matches: list[FieldMatch], professional_identity: bool
) -> Finding | None:
    if weak_name_only(obs, matches):
        return None
    tags = exposed_kinds(matches)
    fired = fired_rules(tags, obs.source_kind)
    if not fired:
        return None  # e.g. a namesake: a name on an ordinary page, nothing else of the person
    top = max(fired, key=lambda r: (-r.severity.rank, r.score))
    severity = top.severity
    score = float(top.score)
    ids = [r.id for r in fired]
    private = bool(tags & PRIVATE_TAGS)
    if private and (source := _source_rule(obs.source_kind)):
        score *= source.weight
        ids.append(source.id)
    linked = links_work_to_home(tags, obs.source_kind, professional_identity)
    if linked:
        link = rules().work_to_home
        ids.append(link.rule)
        score += link.bonus
        floor = link.min_severity
        if floor.rank < severity.rank:
            severity = floor
    if private and (role := _role_rule(profile)):
        score += role.bonus
        ids.append(role.id)
    texts = rule_texts()
    return Finding(
        id=finding_id(obs.url or obs.title, obs.provider, matches),
        observation=obs,
        matches=matches,
        severity=severity,
        score=max(0, min(100, round(score))),
        rules=ids,
        explanation=" ".join(texts[i] for i in ids),
        work_to_home=linked,
    )


def page_key(obs: Observation) -> str:
    url = obs.url.strip().rstrip("/").lower()
    return url or f"{obs.provider}:{obs.title}"


def professional_pages(matched: list[tuple[Observation, list[FieldMatch]]]) -> set[str]:
    """The registry entries and practice pages that are the person's public professional
    identity: the name agrees clearly (a given name, or several initials), or it agrees
    as registers write it (surname and an initial) on a page that also shows the person's
    own practice details, which a namesake's entry would not."""
    return {
        page_key(obs)
        for obs, ms in matched
        if obs.source_kind in PROFESSIONAL_KINDS
        and any(m.field is FieldKind.NAME for m in ms)
        and (any(strong_name(m) for m in ms) or "work" in exposed_kinds(ms))
    }


def score_findings(
    profile: Profile, matched: list[tuple[Observation, list[FieldMatch]]]
) -> list[Finding]:
    """Score every matched observation; most severe first, stable order within a severity."""
    professional = professional_pages(matched)
    findings: dict[str, Finding] = {}
    for obs, matches in matched:
        elsewhere = bool(professional - {page_key(obs)})
        finding = score_one(profile, obs, matches, elsewhere)
        if finding is None:
            continue
        kept = findings.get(finding.id)
        if kept is None or finding.score > kept.score:
            findings[finding.id] = finding
    return sorted(findings.values(), key=lambda f: (f.severity.rank, -f.score, f.id))


def overall_score(findings: list[Finding]) -> int:
    """Combine findings like independent risks (1 - prod(1 - s)); info findings do not count,
    so a long list of practice pages never adds up to a risk."""
    remaining = 1.0
    for f in findings:
        if f.severity is not Severity.INFO:
            remaining *= 1.0 - f.score / 100.0
    return round(100 * (1.0 - remaining))


def confidence(runs: list[ProviderRun] | Coverage) -> str:
    """For people: "complete", "reduced: N of M sources unchecked" or "none: ...".

    Decisions read `Coverage`, never this sentence."""
    cov = runs if isinstance(runs, Coverage) else Coverage.of(runs)
    if cov.asked == 0:
        return "none: no source was checked"
    if cov.state is CoverageState.COMPLETE:
        return "complete"
    if cov.state is CoverageState.NONE:
        return "none: every source was unchecked"
    parts = []
    if cov.unchecked:
        parts.append(f"{cov.unchecked} of {cov.asked} sources unchecked")
    # A source that answered but could not check everything (an engine failed, a page was
    # unreadable, a result cap was reached) is only partly checked: never "complete".
    if cov.partly:
        parts.append(f"{cov.partly} of {cov.asked} sources only partly checked")
    return "reduced: " + ", ".join(parts)


# The overall level never goes above the worst single finding: several high findings make a
# high score, not a critical level.
SEVERITY_CAP = {
    Severity.CRITICAL: "critical",
    Severity.HIGH: "high",
    Severity.MEDIUM: "moderate",
    Severity.LOW: "low",
    Severity.INFO: "low",
}


def level_for(score: int, coverage: Coverage, worst: Severity | None = None) -> str:
    levels = sorted(rules().levels.items(), key=lambda kv: -kv[1])
    names = [str(name) for name, _ in levels]
    level = ""
    for name, floor in levels:
        if score >= floor:
            level = str(name)
            if worst is not None and names.index(name) < names.index(SEVERITY_CAP[worst]):
                level = SEVERITY_CAP[worst]
            break
    # Without a web search the forums and people-search sites were never looked at: only a
    # critical level (nothing can be worse) is known; anything less may be an underestimate.
    if not coverage.web_searched and level != names[0]:
        return "unknown"
    if level:
        return level
    # Nothing found: that means "none" only if every source asked was really checked.
    return "none" if coverage.state is CoverageState.COMPLETE else "unknown"


def summarise(
    findings: list[Finding], runs: list[ProviderRun] | Coverage
) -> tuple[int, str, str]:
    """Overall score 0-100, its level, and how complete the picture is (for people)."""
    cov = runs if isinstance(runs, Coverage) else Coverage.of(runs)
    score = overall_score(findings)
    worst = min((f.severity for f in findings), key=lambda s: s.rank, default=None)
    return score, level_for(score, cov, worst), confidence(cov)
