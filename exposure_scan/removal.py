"""Removal steps for findings, and the action plan: pure functions over the catalog and the
removal facts in `data/removal-steps.toml` (its header documents the conditions).

Step texts are English; they are msgids the report translates, so keep them fixed strings
(site names, URLs and times go in the other fields, never into `action`).
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from exposure_scan import packaged
from exposure_scan.catalog import OptOutMethod, Site, load_catalog
from exposure_scan.models import Finding, PlanItem, PlanPhase, RemovalStep, Severity, SourceKind
from exposure_scan.profile import Profile
from exposure_scan.scoring import exposed_kinds
from exposure_scan.threat import threatens

# Not a web page about the person: their own account (Gravatar, code hosting), their domain's
# registration data, or a data breach. Only steps written for the kind apply: no site opt-out,
# GDPR letter, search-engine delisting or complaint about a "site".
OWN_KINDS = frozenset({SourceKind.DOMAIN, SourceKind.AVATAR, SourceKind.CODE_HOSTING,
                       SourceKind.BREACH})
EVIDENCE_METHOD = "evidence"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CatalogAction(_Strict):
    title: str = Field(min_length=1)
    action: str = Field(min_length=1)
    weight: float = Field(ge=0.0, le=1.0)


class StepRule(_Strict):
    id: str
    ref: str = ""
    title: str = Field(min_length=1)
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
    phase: PlanPhase = PlanPhase.REMOVAL
    threat: bool | None = None
    order: int = 50
    weight: float = Field(ge=0.0, le=1.0)

    def applies(self, finding: Finding, country: str, catalogued: bool,
                threat: bool = False) -> bool:
        kind = finding.observation.source_kind
        if self.threat is not None and self.threat != threat:
            return False
        if threat and self.phase is PlanPhase.ACTING:
            # a threat gets the whole incident response, wherever it stands
            return not self.countries or country in self.countries
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
            action=self.action, title=self.title, url=self.url, method=self.method,
            needs_id=self.needs_id,
            expected_time=self.expected_time, source=self.source,
        )


class StepBook(_Strict):
    catalog: dict[OptOutMethod, CatalogAction]
    step: list[StepRule]


@cache
def step_book() -> StepBook:
    return packaged.load(StepBook, "data/removal-steps.toml")


def site_host(url: str) -> str:
    """The host as people name the site, without "www.": for reports and catalog look-ups.
    http.site_host keeps the exact host, as the network messages must."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


CATALOG_ORDER = 10


def catalog_step(site: Site) -> RemovalStep:
    entry = step_book().catalog[site.optout_method]
    return RemovalStep(
        action=entry.action, title=entry.title, url=site.optout_url,
        method=site.optout_method.value,
        needs_id=site.id_required, expected_time=site.processing_time, source=site.source,
    )


def steps_for(finding: Finding, country: str) -> list[RemovalStep]:
    """The concrete steps for one finding, in the order to do them."""
    site = load_catalog().by_host(site_host(finding.observation.url))
    ordered: list[tuple[int, RemovalStep]] = []
    private = bool({"private_address", "private_phone", "private_email"}
                   & exposed_kinds(finding.matches))
    own = finding.observation.source_kind in OWN_KINDS
    threat = threatens(finding)
    if site is not None and not own and (
        private or site.kind.source_kind is SourceKind.PEOPLE_SEARCH
    ):
        ordered.append((CATALOG_ORDER, catalog_step(site)))
    site_letter = site is not None and site.optout_method in (
        OptOutMethod.GDPR_REQUEST, OptOutMethod.EMAIL, OptOutMethod.LETTER
    )
    for rule in step_book().step:
        if not rule.applies(finding, country, site is not None, threat):
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


@cache
def _step_meta() -> dict[str, tuple[str, float, bool, int, PlanPhase]]:
    """action text -> (rule id, weight, per-site, order, phase)"""
    book = step_book()
    meta = {c.action: (f"catalog-{m.value}", c.weight, True, CATALOG_ORDER, PlanPhase.REMOVAL)
            for m, c in book.catalog.items()}
    meta.update({r.action: (r.id, r.weight, r.scope == "site", r.order, r.phase)
                 for r in book.step})
    return meta


class _Draft:
    """A plan item while it is being put together."""

    def __init__(self, step: RemovalStep, meta: tuple[str, float, bool, int, PlanPhase]):
        self.step = step
        self.rule, self.weight, self.per_site, self.order, self.phase = meta
        self.findings: list[Finding] = []
        self.threat = False
        self.risk = 0

    def item(self) -> PlanItem:
        hosts = list(dict.fromkeys(h for f in self.findings if (h := site_host(f.observation.url))))
        urls = list(dict.fromkeys(u for f in self.findings if (u := f.observation.url.strip())))
        return PlanItem(
            step=self.step, rule=self.rule, phase=self.phase, per_site=self.per_site,
            hosts=hosts, urls=urls, finding_ids=[f.id for f in self.findings],
            threat=self.threat, risk=self.risk,
        )


def plan_steps(findings: list[Finding]) -> list[PlanItem]:
    """Every step of every finding, once, with the pages it is for. A step done per site
    (contact the owner, the GDPR letter) lists its sites: the same words for three sites are
    one step, not three; a site's own opt-out (its own URL) is a step of its own.

    Order: saving evidence first; with a threat, the whole incident response next in the
    handelingskader's order (platform, police, employer), whatever it weighs in risk; then
    removal, the steps that take away the most risk first (greedy: after a step is chosen, the
    findings it helps count only with the risk that is left); steps that remove no risk after
    that; aftercare (complaints, archive copies, BRP secrecy) last."""
    meta = _step_meta()
    drafts: dict[tuple[str, str], _Draft] = {}
    threats = {f.id for f in findings if threatens(f)}
    for f in findings:
        for step in f.steps:
            info = meta.get(step.action, ("", 0.5, False, 50, PlanPhase.REMOVAL))
            draft = drafts.setdefault((step.action, step.url), _Draft(step, info))
            if all(f.id != g.id for g in draft.findings):
                draft.findings.append(f)
            draft.threat = draft.threat or f.id in threats
    first = [d for d in drafts.values() if d.phase is PlanPhase.ACTING
             and (d.step.method == EVIDENCE_METHOD or d.threat)]
    first.sort(key=lambda d: d.order)
    rest = [d for d in drafts.values() if d not in first]
    after = sorted((d for d in rest if d.phase is PlanPhase.AFTERCARE), key=lambda d: d.order)
    removal = [d for d in rest if d.phase is not PlanPhase.AFTERCARE]
    return [d.item() for d in [*first, *_greedy(removal), *after]]


def _greedy(drafts: list[_Draft]) -> list[_Draft]:
    remaining = {f.id: float(f.score) for d in drafts for f in d.findings
                 if f.severity is not Severity.INFO}
    chosen: list[_Draft] = []
    pool = list(drafts)

    def value(d: _Draft) -> float:
        return sum(remaining.get(f.id, 0.0) for f in d.findings) * d.weight

    while pool:
        best = max(pool, key=lambda d: (round(value(d), 6), -d.order))
        gain = value(best)
        if gain < 1:
            break
        pool.remove(best)
        for f in best.findings:
            if f.id in remaining:
                remaining[f.id] *= 1.0 - best.weight
        best.risk = round(gain)
        chosen.append(best)
    # what removes no risk (checks, steps for information only) keeps the steps' own order
    pool.sort(key=lambda d: (all(f.severity is Severity.INFO for f in d.findings), d.order))
    return chosen + pool


def build_plan(findings: list[Finding], profile: Profile) -> list[PlanItem]:
    """The action plan of a scan (ScanResult.plan). Findings without steps (an older result
    read back) get them first."""
    country = profile.country.value
    return plan_steps([f if f.steps else f.model_copy(update={"steps": steps_for(f, country)})
                       for f in findings])
