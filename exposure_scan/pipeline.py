"""The pure pipeline: what a provider may be sent, and what was found in what it answered.

Query building, classification, matching and scoring; no I/O and no event loop, so tests call
it directly and the orchestrator (`scan.py`) can run the matching in a worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from exposure_scan.catalog import load_catalog
from exposure_scan.household import HouseholdMatcher, find_household
from exposure_scan.http import host_of
from exposure_scan.inspector import PageInspector
from exposure_scan.matching import Matcher
from exposure_scan.models import FieldMatch, Finding, HouseholdFinding, Observation, SourceKind
from exposure_scan.passage import passages
from exposure_scan.profile import PersonName, Profile
from exposure_scan.provider import Provider, Query, QueryField
from exposure_scan.removal import attach_steps
from exposure_scan.scoring import score_findings
from exposure_scan.threat import threatens

# What matching one observation gave: its matches, or None when the matcher failed on it.
MatchOutcome = list[FieldMatch] | None
# An observation with its page text back, when the scan let go of it (see `spooled`).
Loader = Callable[[Observation], Observation]


def _as_is(obs: Observation) -> Observation:
    return obs


def spooled(obs: Observation) -> bool:
    """Whether the scan spooled this observation's text and keeps only its hash."""
    return bool(obs.text_sha256) and not obs.text


def build_query(
    profile: Profile,
    cls: type[Provider],
    allow_private: bool,
    urls: list[str],
    titles: dict[str, str] | None = None,
) -> Query:
    """Only the values the provider declares, and private ones only with consent."""
    wanted = {f for f in cls.sends if allow_private or not f.is_private}
    practice = [a for a in profile.addresses if not a.is_private]
    homes = [a for a in profile.addresses if a.is_private]
    emails = [
        e.address
        for e in profile.emails
        if (QueryField.PRIVATE_EMAIL if e.is_private else QueryField.WORK_EMAIL) in wanted
    ]
    phones = [
        p.number
        for p in profile.phones
        if (QueryField.PRIVATE_PHONE if p.is_private else QueryField.WORK_PHONE) in wanted
    ]
    addresses = (practice if QueryField.PRACTICE_ADDRESS in wanted else []) + (
        homes if QueryField.HOME_ADDRESS in wanted else []
    )
    return Query(
        country=profile.country,
        names=[*profile.names, *member_names(profile)] if QueryField.NAME in wanted else [],
        cities=sorted({a.city for a in practice}) if QueryField.CITY in wanted else [],
        emails=emails,
        private_emails=[e.address for e in profile.emails if e.is_private and e.address in emails],
        phones=phones,
        websites=list(profile.websites) if QueryField.WEBSITE in wanted else [],
        usernames=list(profile.usernames) if QueryField.USERNAME in wanted else [],
        addresses=addresses,
        urls=urls if QueryField.FOUND_URL in wanted else [],
        titles={u: t for u, t in (titles or {}).items() if u in urls}
        if QueryField.FOUND_URL in wanted
        else {},
        private_phones=[p.number for p in profile.phones if p.is_private and p.number in phones],
        practice_names=sorted({a.name for a in practice if a.name})
        if QueryField.PRACTICE_NAME in wanted
        else [],
        withheld=sorted(f for f in cls.sends - wanted if _has(profile, f)),
    )


def member_names(profile: Profile) -> list[PersonName]:
    """Household members' names, only of those whose consent says they may be searched for
    (`send_values`); every other member is matched on what the clinician's queries find."""
    # a first name alone is no search: it would find everyone of that name
    return [n for m in profile.household if m.send_values for n in m.names if n.surname]


def _has(profile: Profile, field: QueryField) -> bool:
    """Whether the profile holds a value of this private field."""
    if field is QueryField.HOME_ADDRESS:
        return any(a.is_private for a in profile.addresses)
    if field is QueryField.PRIVATE_PHONE:
        return any(p.is_private for p in profile.phones)
    return field is QueryField.PRIVATE_EMAIL and any(e.is_private for e in profile.emails)


def classify(observations: list[Observation]) -> list[Observation]:
    """Say what kind of site each page is on.

    A page read by the inspector keeps the kind its finder knew (an archive copy stays an
    archive); otherwise the site catalog decides by host, and the page's own markup last.
    """
    catalog = load_catalog()
    known = {
        o.url: o.source_kind
        for o in observations
        if o.inspect and o.source_kind not in (SourceKind.SEARCH, SourceKind.WEB)
    }
    out = []
    for obs in observations:
        site = catalog.by_host(host_of(obs.url)) if obs.url else None
        update: dict[str, object] = {}
        if site is not None and not obs.site:
            update["site"] = site.domain
        if obs.provider == PageInspector.name:
            found = obs.found_via or obs.url  # the search hit's URL, before any redirect
            if found in known:
                update["source_kind"] = known[found]
            elif site is not None:
                update["source_kind"] = site.kind.source_kind
        out.append(obs.model_copy(update=update) if update else obs)
    return out


def match_safely(matcher: Matcher, obs: Observation) -> MatchOutcome:
    """The observation's matches; None when the matcher fails on what the page showed.

    Pages are written by people who may mean the user harm: one the matcher cannot read
    becomes an unchecked part, never a scan without a report.
    """
    try:
        return matcher.match_observation(obs)
    except Exception:  # the type of a matcher bug does not matter here: the page is unchecked
        return None


class MatchCache:
    """Each observation matched once, whoever asks first (a page reader's thread, the
    matcher thread, the stage-2 URL choice, the final report). Keyed by identity; the entry
    keeps the observation alive, so an id is never reused while it is cached. Thread-safe:
    the matcher runs on one thread at a time, and a cached answer never waits for it."""

    def __init__(self, profile: Profile, load: Loader = _as_is) -> None:
        self.matcher = Matcher(profile)
        self.load = load  # a spooled page's text is read back only while it is matched
        self._done: dict[int, tuple[Observation, MatchOutcome]] = {}
        self._matching = threading.Lock()

    def cached(self, obs: Observation) -> bool:
        entry = self._done.get(id(obs))
        return entry is not None and entry[0] is obs

    def match(self, obs: Observation) -> MatchOutcome:
        entry = self._done.get(id(obs))
        if entry is not None and entry[0] is obs:
            return entry[1]
        with self._matching:
            entry = self._done.get(id(obs))  # matched by another thread while this one waited
            if entry is not None and entry[0] is obs:
                return entry[1]
            outcome = match_safely(self.matcher, self.load(obs) if spooled(obs) else obs)
            self._done[id(obs)] = (obs, outcome)
        return outcome

    def forget(self, obs: Observation) -> None:
        """Let go of `obs` and its answer: the scan will not hold it (its text is not kept
        alive here)."""
        with self._matching:
            self._drop(obs)

    def hold(self, obs: Observation, held: Observation, outcome: MatchOutcome) -> None:
        """`obs` was matched (to `outcome`) with its text in memory; the scan holds `held`
        instead (its text spooled): the answer is kept for `held`, and `obs` let go of."""
        with self._matching:
            self._drop(obs)
            self._done[id(held)] = (held, outcome)

    def _drop(self, obs: Observation) -> None:
        entry = self._done.get(id(obs))
        if entry is not None and entry[0] is obs:
            del self._done[id(obs)]


@dataclass(frozen=True)
class Assessment:
    findings: list[Finding]
    unmatched: list[Observation]  # the matcher failed on these: unchecked, not clear
    household: list[HouseholdFinding] = field(default_factory=list)  # members' own findings


def assess(
    profile: Profile,
    observations: Iterable[Observation],
    match: Callable[[Observation], MatchOutcome] | None = None,
    *,
    household: bool = True,
    load: Loader = _as_is,
) -> Assessment:
    """Match every observation against the profile (through `match`, e.g. a cache), then
    score what matched. A search hit whose page was read is judged by the page.

    A page whose text was spooled (`load` reads it back) has it back only while it is
    scored; its finding keeps the passages that matched and the threat judged on the text,
    not the text."""
    raw = list(observations)
    match = match or MatchCache(profile, load).match
    classified = classify(raw)
    # A page filed under the URL that served it was found under `found_via`.
    read = {o.found_via or o.url for o in classified if o.provider == PageInspector.name}
    matched: list[tuple[Observation, list[FieldMatch]]] = []
    seen: list[tuple[Observation, list[FieldMatch]]] = []  # every page read, for the household
    unmatched: list[Observation] = []
    for original, obs in zip(raw, classified, strict=True):
        if obs.inspect and obs.url in read:
            continue
        # Classifying changes only the site and its kind, never what is matched.
        matches = match(original)
        if matches is None:
            unmatched.append(obs)
            continue
        seen.append((obs, matches))
        if matches:
            matched.append((obs, matches))

    def with_text(obs: Observation) -> Observation:
        return load(obs) if spooled(obs) else obs

    matched = [(with_text(o), m) for o, m in matched]
    findings = [_lean(f) for f in attach_steps(score_findings(profile, matched), profile)]
    del matched
    if not (household and profile.household):
        return Assessment(findings, unmatched)
    members = HouseholdMatcher(profile)
    theirs = find_household(profile, ((with_text(o), m) for o, m in seen), members)
    listed = {o.url for o in unmatched}
    unmatched += [o for o in members.failed if o.url not in listed]
    return Assessment(findings, unmatched, theirs)


def _lean(finding: Finding) -> Finding:
    """A finding on a spooled page as the scan keeps it: the passages around the values,
    the threat judged on the text, the text's hash; not the text."""
    obs = finding.observation
    if not obs.text_sha256 or not obs.text:
        return finding
    return finding.model_copy(
        update={
            "observation": obs.model_copy(update={"text": ""}),
            "passages": passages(obs.text, [m.observed for m in finding.matches]),
            "threat": threatens(finding),
        }
    )


def find(
    profile: Profile,
    observations: Iterable[Observation],
    match: Callable[[Observation], MatchOutcome] | None = None,
    load: Loader = _as_is,
) -> list[Finding]:
    """Match every observation against the profile, then score what matched."""
    return assess(profile, observations, match, household=False, load=load).findings
