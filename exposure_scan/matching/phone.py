"""Is an observed phone number one of the profile's numbers?

Numbers are compared parsed (country code and national number), whatever the formatting;
the profile's country is the default region for numbers written without a country code.
A masked number never matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency, NumberParseException, PhoneMetadata, PhoneNumberMatcher

from exposure_scan.matching.normalise import fold
from exposure_scan.matching.pagetext import PageText
from exposure_scan.matching.reason import describe
from exposure_scan.models import FieldKind, FieldMatch, MatchPart
from exposure_scan.profile import Phone

_MASK = re.compile(r"[*•●]|[xX]{2,}|…|\.\.\.")
_PREFIX = re.compile(r"^\s*(?:tel|phone|telefoon|mobiel|fax)?\s*[:.]?\s*(?:tel:|callto:)?", re.I)
_NOT_DIGIT = re.compile(r"\D+")
_NOT_DIGIT_BYTES = bytes(b for b in range(128) if not 48 <= b <= 57)
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_DASHES = re.compile(r"[‐‑‒–—―−]")
# Every Unicode space (no-break, thin, narrow, figure...) and the zero-width characters that
# page text puts between digit groups; replaced one for one so that offsets stay.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]")
# 00 + country code in running text, for regions whose own exit code is not 00 (the US):
# written from abroad, 001 202 ... is +1 202 ...
_DOUBLE_ZERO = re.compile(r"(?<![\d+])00(?=\s?[1-9])")
# A country code left hanging in front of what the number finder took for a whole number:
# "+32 8001514774" is no Belgian number, and 8001514774 alone is not what the page shows.
_DANGLING = re.compile(r"(?:\+|(?<!\d)00) ?\d{1,3}[ .\-()]*$")

# A house number right after a phone number on a listing line: "07700 900123 10 Mill Lane",
# "(217) 555-0123 4410 Birch Ave". The number finder reads the house number as part of the
# phone number; a second reading blanks such a group (a short number between a digit and a
# capitalised word, after a space or a spaced dash). Offsets stay.
_HOUSE_AFTER = re.compile(r"(?<=\d)[ \t]+(?:-[ \t]+)?\d{1,5}[a-zA-Z]?(?=[ \t]+[A-Z])")

Key = tuple[int, int, bool]


@dataclass(frozen=True, slots=True)
class Target:
    label: str
    private: bool
    key: Key


def parse(raw: str, region: str) -> Key | None:
    """(country code, national number, leading zero) of a phone number, or None."""
    text = _DASHES.sub("-", _SPACES.sub(" ", _PREFIX.sub("", raw, count=1))).strip()
    if text.startswith("00") and region != "NL":
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return key_of(number)


def _digits_tell(country_code: int, region: str) -> bool:
    """No metadata that parsing may use for a number under this country code (the code's
    main region, the default region, a non-geographic code) rewrites its national prefix:
    then the national number is a run of the digits written."""
    main = phonenumbers.region_code_for_country_code(country_code)
    if main == phonenumbers.UNKNOWN_REGION:
        return False
    used = [PhoneMetadata.metadata_for_region_or_calling_code(country_code, main)]
    if phonenumbers.country_code_for_region(region) == country_code:
        used.append(PhoneMetadata.metadata_for_region(region.upper(), None))
    return all(m is not None and not m.national_prefix_transform_rule for m in used)


def key_of(number: phonenumbers.PhoneNumber) -> Key | None:
    if number.country_code is None or number.national_number is None:
        return None
    return number.country_code, number.national_number, bool(number.italian_leading_zero)


class PhoneMatcher:
    def __init__(self, phones: Sequence[Phone], region: str) -> None:
        self.region = region
        targets = []
        for phone in phones:
            key = parse(phone.number, region)
            if key is not None:
                targets.append(Target(phone.label, phone.is_private, key))
        self.targets = tuple(targets)
        self._labels = frozenset(t.label for t in self.targets)
        self._digits_tell = all(_digits_tell(t.key[0], region) for t in self.targets)

    def _hits(self, key: Key | None, observed: str, how: MatchPart) -> list[FieldMatch]:
        parts = (MatchPart.PHONE_NUMBER, how)
        return [
            FieldMatch(
                field=FieldKind.PHONE,
                label=t.label,
                observed=observed,
                confidence=0.95,
                reason=describe(parts),
                parts=parts,
                private=t.private,
            )
            for t in self.targets
            if key is not None and t.key == key
        ]

    def match(self, raw: str) -> list[FieldMatch]:
        if not self.targets or _MASK.search(raw):
            return []
        key = parse(raw, self.region) if self._may_parse_as_target(raw) else None
        hits = self._hits(key, raw.strip(), MatchPart.COUNTRY_AND_NUMBER)
        return hits or self.find_in_text(raw)

    def _may_parse_as_target(self, raw: str) -> bool:
        """Whether parse(raw) may give a profile number. Written in ASCII digits and signs
        only, a number's national digits are a run of the string's digits (parsing only
        drops a prefix, a country code, a national prefix or an extension), unless the
        country's numbers have a national-prefix rewrite (Argentina's 15 to 9). Letters
        (vanity numbers, RFC 3966) and other scripts are parsed as always."""
        if not self._digits_tell or not raw.isascii() or _ASCII_LETTER.search(raw):
            return True
        digits = raw.encode("ascii").translate(None, _NOT_DIGIT_BYTES)
        return any(str(t.key[1]).encode() in digits for t in self.targets)

    def find_in_text(self, text: str, page: PageText | None = None) -> list[FieldMatch]:
        """page: the text's PageText, when the caller has it."""
        if not self.targets or not self._may_hold(text, page):
            return []
        out: dict[str, FieldMatch] = {}
        raw = text
        text = _DASHES.sub("-", _SPACES.sub(" ", text))
        if self.region == "US":
            text = _DOUBLE_ZERO.sub(" +", text)
        self._scan(text, raw, out)
        if len(out) < len(self.targets) and _HOUSE_AFTER.search(text):
            self._scan(_HOUSE_AFTER.sub(lambda m: " " * len(m.group()), text), raw, out)
        return list(out.values())

    def _may_hold(self, text: str, page: PageText | None = None) -> bool:
        """Whether the text's digits, run together, contain a profile number's national
        digits at all: most pages do not, and the number finder is most of the time taken
        matching a long page. (The page's joined lines have the same digits as its text.)"""
        source = text if page is None else page.joined
        digits = source.encode("ascii", "ignore").translate(None, _NOT_DIGIT_BYTES)
        if not source.isascii():
            # every digit of another script folds to ASCII digits: if folding adds none,
            # the ASCII digits are all the digits
            folded = fold(source) if page is None else page.folded()
            if len(folded.encode("ascii").translate(None, _NOT_DIGIT_BYTES)) != len(digits):
                return self._may_hold_slowly(source)
        return bool(digits) and any(str(t.key[1]).encode() in digits for t in self.targets)

    def _may_hold_slowly(self, text: str) -> bool:
        """_may_hold for a text with digits of other scripts, or characters that fold to
        digits (½, ²): the text's digits read one by one."""
        digits = _NOT_DIGIT.sub("", text)
        if not digits:
            return False
        if not digits.isascii():
            return True  # digits of other scripts: the number finder reads those itself
        return any(str(t.key[1]) in digits for t in self.targets)

    def _scan(self, text: str, raw: str, out: dict[str, FieldMatch]) -> None:
        for m in PhoneNumberMatcher(text, self.region, leniency=Leniency.POSSIBLE):
            after = text[m.end : m.end + 1]
            if after and (after.isalnum() or _MASK.match(text[m.end :])):
                continue
            if m.start and _DANGLING.search(text[max(0, m.start - 8) : m.start]):
                continue  # the number under another country code
            observed = raw[m.start : m.end].strip()
            for hit in self._hits(key_of(m.number), observed, MatchPart.NUMBER_IN_TEXT):
                out.setdefault(hit.label, hit)
            if out.keys() >= self._labels:
                return  # each label has its first finding: the numbers after it change nothing
