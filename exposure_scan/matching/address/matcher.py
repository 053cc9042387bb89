"""The profile's addresses in observed strings and page text: each reading goes through
three stages that each return an immutable result: the street and house number
(street.py), the unit (unit.py) and the place (place.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from exposure_scan.matching.address.fields import compose, field_blocks
from exposure_scan.matching.address.place import PlaceReading, read_place
from exposure_scan.matching.address.profileaddress import ProfileAddress
from exposure_scan.matching.address.street import (
    StreetReading,
    postcode_reading,
    street_readings,
    typo_readings,
)
from exposure_scan.matching.address.tokens import (
    POSTCODE,
    SPECIAL_CHARACTERS,
    TOKEN_PATTERN,
    Token,
    fold_text,
    mark_names,
    tokenize,
)
from exposure_scan.matching.address.unit import UnitReading, read_unit, unit_after
from exposure_scan.matching.address.vocabulary import canon, vocabulary
from exposure_scan.matching.pagetext import PageText
from exposure_scan.matching.reason import describe
from exposure_scan.models import FieldKind, FieldMatch, MatchPart
from exposure_scan.profile import Address

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class AddressReading:
    """One profile address found in the tokens: what was shown, and where."""

    first: int  # the first token of the street, number and unit
    end: int  # the last token of the place (in running text)
    street_shown: bool
    typo: bool
    unit: str | None
    postcode_shown: bool
    city_shown: bool
    city_alias: bool

    @classmethod
    def of(cls, street: StreetReading, unit: str | None, place: PlaceReading) -> AddressReading:
        return cls(
            first=street.first,
            end=place.end,
            street_shown=street.street_shown,
            typo=street.typo,
            unit=unit,
            postcode_shown=place.postcode_shown,
            city_shown=place.city_shown,
            city_alias=place.city_alias,
        )


class AddressMatcher:
    def __init__(self, addresses: Sequence[Address]) -> None:
        self.targets = tuple(ProfileAddress.of(a) for a in addresses)
        self._short_words = vocabulary().short_words_after_number
        self._line_keys = tuple(_LineKeys.of(t) for t in self.targets)

    def tokenize(self, raw: str, country: str) -> list[Token]:
        return tokenize(raw, country, self._short_words)

    def match(self, raw: str) -> list[FieldMatch]:
        out: list[FieldMatch] = []
        cache: dict[str, list[Token]] = {}
        for target in self.targets:
            toks = cache.get(target.country)
            if toks is None:
                toks = cache[target.country] = self.tokenize(raw, target.country)
            found = self.read(toks, target, text=False)
            if found is not None:
                out.append(_field_match(target, found, raw.strip()))
        return out

    def find_in_text(
        self, text: str, surnames: frozenset[str] = frozenset(), page: PageText | None = None
    ) -> list[FieldMatch]:
        """The profile's addresses in running text; surnames are the letters-only words of
        the profile's surnames, after which a street may follow on a listing line. page:
        the text's PageText, when the caller has it."""
        page = PageText(text) if page is None else page
        lines = page.lines
        out: dict[str, FieldMatch] = {}
        for block, observed in field_blocks(lines):
            composed: dict[str, list[Token]] = {}
            for target in self.targets:
                if target.label in out:
                    continue
                if target.country not in composed:
                    raw = compose(block, target.country)
                    composed[target.country] = self.tokenize(raw, target.country)
                found = self.read(composed[target.country], target, text=False)
                if found is not None:
                    out[target.label] = _field_match(target, found, observed)
        for n in self._candidate_lines(page):
            line = lines[n]
            if not _has_digit(line) or len(out) == len(self.targets):
                continue
            nxt = lines[n + 1] if n + 1 < len(lines) else ""
            hint = _LineWords.of(line, nxt)
            cache: dict[str, list[Token]] = {}
            for target in self.targets:
                if target.label in out or not hint.may_show(target):
                    continue
                toks = cache.get(target.country)
                if toks is None:
                    toks = self.tokenize(line, target.country)
                    toks = cache[target.country] = mark_names(toks, surnames)
                found = self.read(toks, target, text=True, next_line=nxt)
                if found is not None:
                    observed = line[toks[found.first].start : toks[found.end].end]
                    out[target.label] = _field_match(target, found, observed)
        return list(out.values())

    def _candidate_lines(self, page: PageText) -> Iterable[int]:
        """In order, the lines where _LineWords.may_show may hold for some target (and
        perhaps a few more): found by searching the folded page, not line by line.

        The plain folding, shared with the other fields, serves unless the page has a
        character that the address folding spells with other letters (Ω: ohm, not o).
        Elsewhere the two differ only at the special characters, where the address
        folding puts a space first (½: " 1/2") or another separator (·: ";"), so a word or
        number of one is a word or number of the other, and their letters and digits
        run alike."""
        apart = any(ch in page.joined for ch in _FOLDED_APART)
        view = page.view(SPECIAL_CHARACTERS if apart else None)
        if view is None or any(keys is None for keys in self._line_keys):
            return range(len(page.lines))
        found: set[int] = set()
        for keys in self._line_keys:
            assert keys is not None
            for word in keys.words:
                found |= view.lines_with(word)
            if keys.postcode is not None:
                for n in view.lines_matching(keys.postcode):
                    found.update((n, n - 1) if n else (n,))  # and the line before it
        return sorted(found)

    def read(
        self, toks: list[Token], target: ProfileAddress, *, text: bool, next_line: str = ""
    ) -> AddressReading | None:
        """The profile address in one token list: the street and house number, then a unit
        that agrees, then a place that agrees. A PO box in a record, or in running text
        within the address (PO Box 4410 Birch Ave), is never the building; a PO box
        elsewhere on a line of text is another address (Postadres: Postbus 123)."""
        if not toks or (not text and vocabulary().is_po_box([t.text for t in toks])):
            return None

        def tokenize_line(line: str) -> list[Token]:
            return self.tokenize(line, target.country)

        def agreeing(street: StreetReading) -> AddressReading | None:
            unit = read_unit(toks, target, street, text=text)
            if unit is None:
                return None
            place = read_place(
                toks,
                target,
                street,
                unit.used,
                text=text,
                tokenize_line=tokenize_line,
                next_line=next_line,
            )
            if place is None:
                return None
            if not text:
                return AddressReading.of(street, unit.unit, place)
            return _in_text(toks, target, street, unit, place)

        candidates = [f for f in street_readings(toks, target, text) if f]
        if not candidates and target.country == "NL" and target.postcode:
            candidates = [f for f in [postcode_reading(toks, target)] if f]
        for street in candidates:
            found = agreeing(street)
            if found is not None:
                return found
        if target.postcode and (
            _shows_postcode(toks, target)
            or (text and target.postcode in "".join(next_line.lower().split()))
        ):
            for typo in typo_readings(toks, target, text):
                found = agreeing(typo) if typo is not None else None
                # a misspelled street points to the building only with the whole postcode
                if found is not None and found.postcode_shown:
                    return found
        return None


@dataclass(frozen=True, slots=True)
class _LineWords:
    """A cheap look at one line of text, before it is tokenised: the canonical forms of its
    words and its folded text without spaces. A line can show a profile address only if it
    has the street's first word, or the postcode (here or, for a misspelled street, on the
    next line); other lines are not tokenised at all."""

    canonical: frozenset[str]
    words: frozenset[str]
    compact: str
    next_compact: str

    @classmethod
    def of(cls, line: str, next_line: str) -> _LineWords:
        folded = fold_text(line)
        found = [w for w in TOKEN_PATTERN.findall(folded) if w.isalnum()]
        # an s after an apostrophe joins the word before it (Queen's: queens)
        words = frozenset(found) | {w + "s" for w in found}
        return cls(
            canonical=frozenset(canon(w) for w in words),
            words=words,
            compact="".join(folded.split()),
            next_compact="".join(next_line.lower().split()),
        )

    def may_show(self, target: ProfileAddress) -> bool:
        if target.street and target.street[0] in self.canonical:
            return True
        code = target.postcode
        return bool(code) and (
            code in self.compact or code in self.words or code in self.next_compact
        )


# The characters that fold and fold_chars (address folding without special characters)
# fold to other letters (tests/test_matching_prechecks.py checks that there are no others).
_FOLDED_APART = "\u2126"


@dataclass(frozen=True, slots=True)
class _LineKeys:
    """What _LineWords.may_show looks for, as searches over the folded page. The street's
    first word: every spelling that canon reads as it, or that spelling without its last s
    (a word and an s: Queen's). The postcode: its characters with anything but letters
    and digits between them (its folded line without spaces, or the next line's)."""

    words: tuple[str, ...]
    postcode: re.Pattern[str] | None

    @classmethod
    def of(cls, target: ProfileAddress) -> _LineKeys | None:
        """None: no search can narrow the lines down (a spelling of no letters)."""
        forms = vocabulary().spellings(target.street[0]) if target.street else frozenset()
        cut = {f[:-1] if f.endswith("s") and len(f) > 1 else f for f in forms}
        if "" in cut:
            return None
        # a line holding a word holds every word inside it too: those are enough
        words = tuple(sorted(w for w in cut if not any(v != w and v in w for v in cut)))
        code = target.postcode
        if code.endswith("s") and len(code) > 1:
            code = code[:-1]  # a word and an s (see _LineWords.of)
        pattern = re.compile("[^a-z0-9\n]*".join(map(re.escape, code))) if code else None
        return cls(words, pattern)


def _has_digit(line: str) -> bool:
    if _DIGIT.search(line):
        return True
    return not line.isascii() and any(ch.isdigit() for ch in line)  # ², ①: not \d


def _field_match(target: ProfileAddress, found: AddressReading, observed: str) -> FieldMatch:
    dutch = target.country == "NL"
    parts = []
    if found.street_shown:
        parts.append(MatchPart.STREET_TYPO if found.typo else MatchPart.STREET)
    parts.append(MatchPart.HOUSE_NUMBER)
    if target.unit and found.unit:
        parts.append(MatchPart.ADDITION if dutch else MatchPart.UNIT)
    if found.postcode_shown:
        parts.append(MatchPart.POSTCODE)
    if found.city_shown:
        parts.append(MatchPart.CITY_ALIAS if found.city_alias else MatchPart.CITY)
    if target.unit and not found.unit:
        parts.append(MatchPart.ADDITION_NOT_SHOWN if dutch else MatchPart.UNIT_NOT_SHOWN)
    confidence = 0.95 if found.postcode_shown and found.street_shown else 0.9
    return FieldMatch(
        field=FieldKind.ADDRESS,
        label=target.label,
        observed=observed,
        confidence=confidence,
        reason=describe(parts),
        parts=tuple(parts),
        private=target.private,
    )


def _in_text(
    toks: list[Token],
    target: ProfileAddress,
    street: StreetReading,
    unit: UnitReading,
    place: PlaceReading,
) -> AddressReading | None:
    """What running text adds to a reading: a unit right after the place must agree
    (Kerkstraat 12, Utrecht, app. 3 is another flat), and a PO box within the address makes
    it no building."""
    after = unit_after(toks, target, place.end, unit.used)
    if after is not None and after != target.unit:
        return None
    if _po_box_within(toks, street.first, place.end):
        return None
    return AddressReading.of(street, unit.unit or after, place)


# PO Box 12, 4410 Birch Ave: how far before the street a PO box still belongs to it.
_PO_BOX_REACH = 5


def _po_box_within(toks: list[Token], first: int, end: int) -> bool:
    """A PO box among the tokens of one address in running text, or just before it."""
    texts = [t.text for t in toks[max(0, first - _PO_BOX_REACH) : end + 1]]
    return vocabulary().is_po_box(texts)


def _shows_postcode(toks: list[Token], target: ProfileAddress) -> bool:
    """The profile's whole postcode is among the tokens (a NL or UK postcode token, a ZIP)."""
    if target.country == "US":
        return any(t.text == target.postcode for t in toks)
    return any(t.text == POSTCODE and t.postcode == target.postcode for t in toks)
