"""Removal steps for findings, and the action plan: pure functions over the catalog and the
removal facts in `data/removal-steps.toml` (its header documents the conditions).

Step texts are English; they are msgids the report translates, so keep them fixed strings
(site names, URLs and times go in the other fields, never into `action`).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from exposure_scan.catalog import OptOutMethod, Site, load_catalog
from exposure_scan.models import Finding, RemovalStep, Severity, SourceKind
from exposure_scan.profile import Profile
from exposure_scan.scoring import exposed_kinds

PLAN_LIMIT = 6
# Not a web page about the person: their own account (Gravatar, code hosting), their domain's
# registration data, or a data breach. Only steps written for the kind apply: no site opt-out,
# GDPR letter, search-engine delisting or complaint about a "site".
OWN_KINDS = frozenset({SourceKind.DOMAIN, SourceKind.AVATAR, SourceKind.CODE_HOSTING,
                       SourceKind.BREACH})
EVIDENCE_METHOD = "evidence"
URGENT = frozenset({Severity.CRITICAL, Severity.HIGH})


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CatalogAction(_Strict):
    action: str = Field(min_length=1)
    weight: float = Field(ge=0.0, le=1.0)


class StepRule(_Strict):
    id: str
    ref: str = ""
    action: str = Field(min_length=1)
    url: str = ""
    source: str = Field(pattern=r"^https://")
    method: str = ""
    needs_id: bool | None = None
    expected_time: str = ""
    countries: list[str] = Field(default_factory=list)
    exposes: list[str] = Field(default_factory=list)
    kinds: list[SourceKind] = Field(default_factory=list)
    not_kinds: list[SourceKind] = Field(default_factory=list)
    severities: list[Severity] = Field(default_factory=list)
    catalogued: bool | None = None
    scope: str = Field(default="finding", pattern="^(finding|site)$")
    order: int = 50
    weight: float = Field(ge=0.0, le=1.0)

    def applies(self, finding: Finding, country: str, catalogued: bool) -> bool:
        kind = finding.observation.source_kind
        checks = (
            kind not in OWN_KINDS or kind in self.kinds,
            not self.countries or country in self.countries,
            not self.exposes or bool(set(self.exposes) & exposed_kinds(finding.matches)),
            not self.kinds or kind in self.kinds,
            kind not in self.not_kinds,
            not self.severities or finding.severity in self.severities,
            self.catalogued is None or self.catalogued == catalogued,
        )
        return all(checks)

    def step(self) -> RemovalStep:
        return RemovalStep(
            action=self.action, url=self.url, method=self.method, needs_id=self.needs_id,
            expected_time=self.expected_time, source=self.source,
        )


class StepBook(_Strict):
    catalog: dict[OptOutMethod, CatalogAction]
    step: list[StepRule]


@cache
def step_book() -> StepBook:
    text = resources.files("exposure_scan").joinpath("data/removal-steps.toml").read_text("utf-8")
    return StepBook.model_validate(tomllib.loads(text))


def host_of(url: str) -> str:
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


CATALOG_ORDER = 10


def catalog_step(site: Site) -> RemovalStep:
    entry = step_book().catalog[site.optout_method]
    return RemovalStep(
        action=entry.action, url=site.optout_url, method=site.optout_method.value,
        needs_id=site.id_required, expected_time=site.processing_time, source=site.source,
    )


def steps_for(finding: Finding, country: str) -> list[RemovalStep]:
    """The concrete steps for one finding, in the order to do them."""
    site = load_catalog().by_host(host_of(finding.observation.url))
    ordered: list[tuple[int, RemovalStep]] = []
    private = bool({"private_address", "private_phone", "private_email"}
                   & exposed_kinds(finding.matches))
    own = finding.observation.source_kind in OWN_KINDS
    if site is not None and not own and (
        private or site.kind.source_kind is SourceKind.PEOPLE_SEARCH
    ):
        ordered.append((CATALOG_ORDER, catalog_step(site)))
    site_letter = site is not None and site.optout_method in (
        OptOutMethod.GDPR_REQUEST, OptOutMethod.EMAIL, OptOutMethod.LETTER
    )
    for rule in step_book().step:
        if not rule.applies(finding, country, site is not None):
            continue
        if rule.id == "gdpr-letter" and site_letter:
            continue  # the catalog step already sends the letter
        ordered.append((rule.order, rule.step()))
    ordered.sort(key=lambda pair: pair[0])
    seen: set[tuple[str, str]] = set()
    steps = []
    for _, step in ordered:
        if (step.action, step.url) not in seen:
            seen.add((step.action, step.url))
            steps.append(step)
    return steps


def attach_steps(findings: list[Finding], profile: Profile) -> list[Finding]:
    """Return the findings with concrete removal steps filled in."""
    country = profile.country.value
    return [f.model_copy(update={"steps": steps_for(f, country)}) for f in findings]


# --- the action plan ---------------------------------------------------------------------


class PlanItem(_Strict):
    """One step of the action plan: done once, it helps with all the findings listed."""

    step: RemovalStep
    host: str = ""  # set when the step is done per site
    finding_ids: list[str]
    risk: int = Field(ge=0)  # the share of risk this step takes away (sum over its findings)


@cache
def _step_meta() -> dict[str, tuple[float, bool, int]]:
    """action text -> (weight, per-site, order)"""
    book = step_book()
    meta = {c.action: (c.weight, True, CATALOG_ORDER) for c in book.catalog.values()}
    meta.update({r.action: (r.weight, r.scope == "site", r.order) for r in book.step})
    return meta


def _evidence_first(findings: list[Finding]) -> PlanItem | None:
    """Saving evidence removes no risk, but it must come before any removal: removal can
    destroy what a police or platform report needs. One item for every serious finding."""
    step: RemovalStep | None = None
    helped: list[str] = []
    for f in findings:
        if f.severity not in URGENT:
            continue
        found = next((s for s in f.steps if s.method == EVIDENCE_METHOD), None)
        if found is not None:
            step = step or found
            helped.append(f.id)
    if step is None:
        return None
    return PlanItem(step=step, finding_ids=helped, risk=0)


def action_plan(findings: list[Finding], limit: int = PLAN_LIMIT) -> list[PlanItem]:
    """The few steps that remove the most risk, best first (greedy: after a step is chosen,
    the findings it helps count only with the risk that is left). With a critical or high
    finding, saving evidence comes first; equal gains go in the steps' own order."""
    meta = _step_meta()
    plan: list[PlanItem] = []
    evidence = _evidence_first(findings)
    if evidence is not None and limit > 0:
        plan.append(evidence)
    remaining = {f.id: float(f.score) for f in findings if f.severity is not Severity.INFO}
    candidates: dict[tuple[str, str, str], tuple[RemovalStep, list[Finding], float]] = {}
    order: dict[tuple[str, str, str], int] = {}
    for f in findings:
        if f.id not in remaining:
            continue
        for step in f.steps:
            weight, per_site, rank = meta.get(step.action, (0.5, False, 50))
            if weight <= 0:
                continue
            host = host_of(f.observation.url) if per_site else ""
            key = (step.action, step.url, host)
            order[key] = rank
            entry = candidates.setdefault(key, (step, [], weight))
            entry[1].append(f)
    while candidates and len(plan) < limit:
        def value(item: tuple[RemovalStep, list[Finding], float]) -> float:
            return sum(remaining[f.id] for f in item[1]) * item[2]

        key = max(candidates, key=lambda k: (round(value(candidates[k]), 6), -order[k], k))
        step, helped, weight = candidates.pop(key)
        gain = value((step, helped, weight))
        if gain < 1:
            break
        for f in helped:
            remaining[f.id] *= 1.0 - weight
        plan.append(PlanItem(step=step, host=key[2], finding_ids=[f.id for f in helped],
                             risk=round(gain)))
    return plan
