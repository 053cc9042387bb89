"""Does an observed address point a stranger to one of the profile's buildings?

Same house number and street (abbreviations allowed on either side), and the same place:
city (or a known alias) or postcode, with nothing contradicting them. A Dutch postcode with
the house number alone identifies the address. A missing unit still matches; a different
unit, number, street, directional, city or postcode does not, and a PO box never does.
"""

from __future__ import annotations

from collections.abc import Sequence

from exposure_scan.matching.addrfield import compose, field_blocks
from exposure_scan.matching.addrplace import place_agrees
from exposure_scan.matching.addrtarget import Target
from exposure_scan.matching.addrtext import POSTCODE, Tok, mark_names, tokenize, vocab
from exposure_scan.matching.addrunit import unit_agrees
from exposure_scan.matching.housenumber import (
    Found,
    postcode_reading,
    street_readings,
    typo_readings,
)
from exposure_scan.matching.reason import describe
from exposure_scan.models import FieldKind, FieldMatch, MatchPart
from exposure_scan.profile import Address


class AddressMatcher:
    def __init__(self, addresses: Sequence[Address]) -> None:
        self.targets = tuple(Target.of(a) for a in addresses)

    def match(self, raw: str) -> list[FieldMatch]:
        out: list[FieldMatch] = []
        cache: dict[str, list[Tok]] = {}
        for target in self.targets:
            toks = cache.get(target.country)
            if toks is None:
                toks = cache[target.country] = tokenize(raw, target.country)
            found = match_tokens(toks, target, text=False)
            if found is not None:
                out.append(_field_match(target, found, raw.strip()))
        return out

    def find_in_text(self, text: str, surnames: frozenset[str] = frozenset()) -> list[FieldMatch]:
        """The profile's addresses in running text; surnames are the letters-only words of
        the profile's surnames, after which a street may follow on a listing line."""
        lines = text.splitlines()
        out: dict[str, FieldMatch] = {}
        for block, observed in field_blocks(lines):
            composed: dict[str, list[Tok]] = {}
            for target in self.targets:
                if target.label in out:
                    continue
                if target.country not in composed:
                    raw = compose(block, target.country)
                    composed[target.country] = tokenize(raw, target.country)
                found = match_tokens(composed[target.country], target, text=False)
                if found is not None:
                    out[target.label] = _field_match(target, found, observed)
        for n, line in enumerate(lines):
            if not any(ch.isdigit() for ch in line):
                continue
            cache: dict[str, list[Tok]] = {}
            for target in self.targets:
                if target.label in out:
                    continue
                toks = cache.get(target.country)
                if toks is None:
                    toks = tokenize(line, target.country)
                    toks = cache[target.country] = mark_names(toks, surnames)
                nxt = lines[n + 1] if n + 1 < len(lines) else ""
                found = match_tokens(toks, target, text=True, next_line=nxt)
                if found is not None:
                    observed = line[toks[found.first].start : toks[found.end].end]
                    out[target.label] = _field_match(target, found, observed)
        return list(out.values())


def _field_match(target: Target, found: Found, observed: str) -> FieldMatch:
    dutch = target.country == "NL"
    parts = [(MatchPart.STREET_TYPO if found.typo else MatchPart.STREET)] if found.street else []
    parts.append(MatchPart.HOUSE_NUMBER)
    if target.unit and found.unit:
        parts.append(MatchPart.ADDITION if dutch else MatchPart.UNIT)
    if found.postcode:
        parts.append(MatchPart.POSTCODE)
    if found.city:
        parts.append(MatchPart.CITY_ALIAS if found.alias else MatchPart.CITY)
    if target.unit and not found.unit:
        parts.append(MatchPart.ADDITION_NOT_SHOWN if dutch else MatchPart.UNIT_NOT_SHOWN)
    confidence = 0.95 if found.postcode and found.street else 0.9
    return FieldMatch(
        field=FieldKind.ADDRESS,
        label=target.label,
        observed=observed,
        confidence=confidence,
        reason=describe(parts),
        parts=tuple(parts),
        private=target.private,
    )


# -- the reading of one token list against one profile address: street and house number
# (housenumber), then the unit (addrunit) and the place (addrplace) ----------------------


def match_tokens(
    toks: list[Tok], target: Target, *, text: bool, next_line: str = ""
) -> Found | None:
    if not toks or _is_po_box(toks):
        return None
    candidates: list[Found | None] = [f for f in street_readings(toks, target, text) if f]
    if not candidates and target.country == "NL" and target.postcode:
        candidates = [postcode_reading(toks, target)]
    for found in candidates:
        if found is None or not unit_agrees(toks, target, found):
            continue
        if place_agrees(toks, target, found, text, next_line):
            return found
    if target.postcode and (
        _shows_postcode(toks, target)
        or (text and target.postcode in "".join(next_line.lower().split()))
    ):
        for found in typo_readings(toks, target, text):
            if found is None or not unit_agrees(toks, target, found):
                continue
            # a misspelled street points to the building only with the whole postcode
            if place_agrees(toks, target, found, text, next_line) and found.postcode:
                return found
    return None


def _shows_postcode(toks: list[Tok], target: Target) -> bool:
    """The profile's whole postcode is among the tokens (a NL or UK postcode token, a ZIP)."""
    if target.country == "US":
        return any(t.t == target.postcode for t in toks)
    return any(t.t == POSTCODE and t.value == target.postcode for t in toks)


def _is_po_box(toks: list[Tok]) -> bool:
    table = vocab()
    for i, tok in enumerate(toks):
        if tok.t in ("postbus", "pobox", "antwoordnummer", "postfach"):
            return True
        if tok.t == "box" and i > 0 and toks[i - 1].t in ("po", "o", "pob"):
            return True
        if tok.t in table.po_box and tok.t == "pob":
            return True
    return False
