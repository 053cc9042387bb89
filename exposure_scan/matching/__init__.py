"""Matching what a stranger can see against the private profile.

``Matcher(profile)`` normalises the profile once; its methods compare observed raw strings
(or running page text) with it and explain every match in plain words.
"""

from __future__ import annotations

from exposure_scan.matching.address import AddressMatcher
from exposure_scan.matching.email import EmailMatcher
from exposure_scan.matching.name import NameMatcher
from exposure_scan.matching.phone import PhoneMatcher
from exposure_scan.matching.text import find_all
from exposure_scan.models import FieldMatch, Observation
from exposure_scan.profile import Profile

__all__ = ["Matcher"]


class Matcher:
    """Compares observations with one profile. Pure and synchronous; build once per profile."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.names = NameMatcher(profile.names)
        self.addresses = AddressMatcher(profile.addresses)
        self.phones = PhoneMatcher(profile.phones, profile.country.region)
        self.emails = EmailMatcher(profile.emails)

    def match_name(self, raw: str) -> FieldMatch | None:
        return self.names.match(raw) if raw.strip() else None

    def match_address(self, raw: str) -> list[FieldMatch]:
        return self.addresses.match(raw) if raw.strip() else []

    def match_phone(self, raw: str) -> list[FieldMatch]:
        return self.phones.match(raw) if raw.strip() else []

    def match_email(self, raw: str) -> list[FieldMatch]:
        return self.emails.match(raw) if raw.strip() else []

    def match_text(self, text: str) -> list[FieldMatch]:
        return find_all(text, self.names, self.addresses, self.phones, self.emails)

    def match_observation(self, obs: Observation) -> list[FieldMatch]:
        """All matches in a record or page; one per (field, label), the most confident."""
        found: list[FieldMatch] = []
        for raw in obs.names:
            name = self.match_name(raw)
            if name is not None:
                found.append(name)
        for raw in obs.addresses:
            found.extend(self.match_address(raw))
        for raw in obs.phones:
            found.extend(self.match_phone(raw))
        for raw in obs.emails:
            found.extend(self.match_email(raw))
        if obs.text:
            found.extend(self.match_text(obs.text))
        best: dict[tuple[str, str], FieldMatch] = {}
        for match in found:
            key = (match.field.value, match.label)
            if key not in best or match.confidence > best[key].confidence:
                best[key] = match
        return list(best.values())
