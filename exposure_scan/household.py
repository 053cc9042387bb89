"""Household members' findings (issue 16): pages about the partner or the children.

Each member is matched with the same rules as the clinician (a `Matcher` built on the
member's names, phones and emails), on the pages the clinician's own queries found. What
ties the member to the clinician (the home address, the clinician's name on the same page)
comes from the clinician's matches of that page, so the clinician's findings never change.
Pure and synchronous.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from exposure_scan.kinship import FirstNames, PlaceFinder, is_first_name_only
from exposure_scan.matching import Matcher
from exposure_scan.models import (
    FieldKind,
    FieldMatch,
    Finding,
    HouseholdFinding,
    HouseholdTie,
    Observation,
    Relation,
    Severity,
    canonical_url,
)
from exposure_scan.profile import Member, Profile
from exposure_scan.removal import steps_for
from exposure_scan.scoring import strong_name

__all__ = ["HouseholdMatcher", "find_household", "household_severity"]


class HouseholdMatcher:
    """One matcher per consented member; build once per profile."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        family = [n.surname for n in profile.names] + [
            n.surname for m in profile.household for n in m.names if n.surname
        ]
        streets = [a.street for a in profile.addresses if a.is_private]
        clinician = [w for n in profile.names for w in [*n.given.split(), n.call_name] if w]
        self.members: list[tuple[int, Member, Matcher | None, FirstNames]] = [
            (i, m, _matcher(m, profile), FirstNames(first_names(m), family, streets, clinician))
            for i, m in enumerate(profile.household)
        ]
        # pages a member could not be compared with: unchecked for them, never "not there"
        self.failed: list[Observation] = []

    def match(
        self, obs: Observation, clinician: list[FieldMatch] | None = None
    ) -> list[tuple[int, Member, list[FieldMatch], set[HouseholdTie]]]:
        """Each member the page shows: a name only when it identifies them (as for the
        clinician: a given name written out, or several initials), or their phone or email;
        or their first name where the page ties it to the clinician (`kinship`), with the
        ties that first name has."""
        out = []
        places = PlaceFinder(obs.text)
        for i, member, matcher, first in self.members:
            try:
                found = matcher.match_observation(obs) if matcher else []
                mentions = first.mentions(obs.text, clinician or [], places)
            except Exception:  # a page the matcher cannot read: unchecked, not clear
                if not any(o is obs for o in self.failed):
                    self.failed.append(obs)
                continue
            kept = [m for m in found if m.field is not FieldKind.NAME or strong_name(m)]
            ties = {t for mention in mentions for t in mention.ties}
            if mentions and not any(m.field is FieldKind.NAME for m in kept):
                kept.append(first.match(mentions[0]))
            if kept:
                out.append((i, member, kept, ties))
        return out


def _matcher(member: Member, profile: Profile) -> Matcher | None:
    """The clinician's rules for the member's full names, phones and emails; none for a
    member known by first name only (see `kinship`)."""
    if any(n.surname for n in member.names) or member.phones or member.emails:
        return Matcher(member.as_profile(profile.country))
    return None


def first_names(member: Member) -> list[str]:
    """The names a page may call the member by on their own: the call name and the first
    given name."""
    out = []
    for name in member.names:
        words = name.given.split()
        out += [n for n in (name.call_name, words[0] if words else "") if n]
    return list(dict.fromkeys(out))


def household_severity(relation: Relation, ties: set[HouseholdTie]) -> Severity:
    """A child named with the home address ranks highest; a member named with the home
    address or next to the clinician is high; on the same page but apart, or only their own
    details, medium (a child on such a page: high)."""
    child = relation is Relation.CHILD
    if HouseholdTie.HOME_ADDRESS in ties:
        return Severity.CRITICAL if child else Severity.HIGH
    if HouseholdTie.NAMED_WITH_CLINICIAN in ties:
        return Severity.HIGH
    if HouseholdTie.SAME_PAGE in ties and child:
        return Severity.HIGH
    return Severity.MEDIUM


# "Together": on the same line of the page or the next one, and this close. A long member
# list or a people-search page names many people; only neighbours are tied to each other.
NEAR_LINES = 1
NEAR_CHARS = 200


def _together(text: str, ours: list[FieldMatch], theirs: list[FieldMatch]) -> bool:
    """Whether a member's value stands next to one of the clinician's. Values seen only in a
    record's fields (not in running text) belong to one record: together. The first
    kinship.MAX_PLACES places of each side are compared: a page repeating both values
    thousands of times apart stays a bounded amount of work."""
    places = PlaceFinder(text)
    a = places.of(m.observed for m in ours)
    b = places.of(m.observed for m in theirs)
    if not a or not b:
        return True
    return any(
        abs(la - lb) <= NEAR_LINES and max(sa - eb, sb - ea, 0) <= NEAR_CHARS
        for sa, ea, la in a
        for sb, eb, lb in b
    )


def _ties(
    text: str, member_matches: list[FieldMatch], clinician: list[FieldMatch]
) -> set[HouseholdTie]:
    ties: set[HouseholdTie] = set()
    homes = [m for m in clinician if m.field is FieldKind.ADDRESS and m.private]
    names = [m for m in clinician if strong_name(m)]
    if homes:
        near = _together(text, member_matches, homes)
        ties.add(HouseholdTie.HOME_ADDRESS if near else HouseholdTie.SAME_PAGE)
    member_names = [m for m in member_matches if m.field is FieldKind.NAME]
    if names and member_names:
        near = _together(text, member_names, names)
        ties.add(HouseholdTie.NAMED_WITH_CLINICIAN if near else HouseholdTie.SAME_PAGE)
    if any(m.field in (FieldKind.PHONE, FieldKind.EMAIL) for m in member_matches):
        ties.add(HouseholdTie.OWN_DETAILS)
    if {HouseholdTie.HOME_ADDRESS, HouseholdTie.NAMED_WITH_CLINICIAN} & ties:
        ties.discard(HouseholdTie.SAME_PAGE)
    return ties


def _id(member: int, obs: Observation, matches: list[FieldMatch]) -> str:
    keys = sorted({f"{m.field.value}:{m.label}" for m in matches})
    raw = "|".join(["household", str(member), obs.provider, canonical_url(obs.url), *keys])
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def find_household(
    profile: Profile,
    seen: Iterable[tuple[Observation, list[FieldMatch]]],
    matcher: HouseholdMatcher | None = None,
) -> list[HouseholdFinding]:
    """Every page that shows a member, given each page with the clinician's matches on it.
    A member's name alone (no tie, no detail of theirs) is no finding: likely a namesake."""
    if not profile.household:
        return []
    matcher = matcher or HouseholdMatcher(profile)
    country = profile.country.value
    out: list[HouseholdFinding] = []
    for obs, clinician in seen:
        for index, member, matches, named in matcher.match(obs, clinician):
            # A first name alone counts only with its own ties (`kinship`), never "same page".
            own = [m for m in matches if not is_first_name_only(m)]
            ties = (_ties(obs.text, own, clinician) if own else set()) | named
            if {HouseholdTie.HOME_ADDRESS, HouseholdTie.NAMED_WITH_CLINICIAN} & ties:
                ties.discard(HouseholdTie.SAME_PAGE)
            if not ties:
                continue
            severity = household_severity(member.relation, ties)
            ident = _id(index, obs, matches)
            # The same removal steps as for a page about the clinician; the request is the
            # member's own (the report says so).
            steps = steps_for(
                Finding(id=ident, observation=obs, matches=matches, severity=severity, score=0),
                country,
            )
            out.append(
                HouseholdFinding(
                    id=ident,
                    member=index,
                    relation=member.relation,
                    observation=obs,
                    matches=matches,
                    ties=sorted(ties),
                    severity=severity,
                    steps=steps,
                )
            )
    out.sort(key=lambda f: (f.severity.rank, f.member, f.observation.url))
    return out
