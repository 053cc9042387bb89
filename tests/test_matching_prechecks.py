"""The quick looks over a whole page (issue 15) hide nothing the full reading finds.

Each field matcher first searches the folded page for what a value cannot be shown
without (the surname's letters, a spelling of the street's first word, the postcode, the
national digits, the mailbox's domain), then reads only the lines found. Here: values a
naive look would miss, the same findings with the looks turned off, and the facts about
folding the looks rest on. All people, streets and mailboxes invented.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exposure_scan.matching import Matcher
from exposure_scan.matching.address.matcher import _FOLDED_APART, AddressMatcher
from exposure_scan.matching.address.tokens import SPECIAL_CHARACTERS
from exposure_scan.matching.address.vocabulary import canon, vocabulary
from exposure_scan.matching.name import NameMatcher
from exposure_scan.matching.normalise import fold, fold_chars
from exposure_scan.matching.pagetext import PageText
from exposure_scan.matching.phone import PhoneMatcher
from tests.matching_factory import address, matcher

SANNE = matcher(
    address("Meidoornstraat", "23", "", "3531 AB", "Utrecht"),
    address("Burgemeester de Withstraat", "12", "", "3581 KL", "Utrecht", label="practice"),
    names=[("Sanne", "de Wit")],
    phones={"mobile": "06-12345678"},
    emails={"private": "sanne.dewit@example.org", "work": "s.dewit@kliniek.example"},
)

# A page around the value: many lines with digits, other streets, postcodes and numbers.
FILLER = "\n".join(
    [f"Menu {i}" for i in range(20)]
    + ["Vlierstraat 81, 4660 ER Oosterbroek · 06-87463701 · lid1079@voorbeeld.example"] * 3
    + ["de leden van het bestuur en de raad van de gemeente vergadering 2026-04-16"] * 20
)

SHOWN = [
    ("Meidornstraat 23\n3531 AB Utrecht", "address"),  # typo; the postcode on the next line
    ("Meidornstraat 23, 3531 AB Utrecht", "address"),
    ("Meidoornstr. 23, Utrecht", "address"),  # the suffix abbreviated
    ("Bgm. de Withstraat 12, Utrecht", "address"),  # a title abbreviated
    ("3531AB 23", "address"),  # postcode and house number only
    ("postcode 3531 AB, huisnummer 23", "address"),
    ("Meidoornstraat ２３, ３５３１ AB Utrecht", "address"),  # full-width digits
    ("Meidoornstraat 23, 35\u200b31 AB Utrecht", "address"),  # a hidden character
    ("Meidoornstraat 23, 3531\xa0AB Utrecht", "address"),
    ("MEIDOORNSTRAAT 23\u2028UTRECHT", "address"),  # a line separator str.splitlines knows
    ("Mei\xaddoorn\xadstraat 23 Utrecht", "address"),  # soft hyphens
    ("Meıdoornstraat 23 Utrecht", "address"),  # dotless i
    ("Straat: Meidoornstraat\nHuisnummer: 23\nPostcode: 3531 AB\nPlaats: Utrecht", "address"),
    ("bel ٠٦١٢٣٤٥٦٧٨ of mail", "phone"),  # Arabic-Indic digits
    ("bel ０６-１２３４５６７８ nu", "phone"),
    ("sanne punt dewit at example dot org", "email"),  # written out
    ("SANNE.DEWIT@EXAMPLE.ORG", "email"),
    ("s.dewit@\u212aLINIEK.example", "email"),  # Kelvin sign: a k to a case-blind regex
    ("s.dewit@kl\u0131niek.example", "email"),  # dotless i
    ("s.dewit@KL\u0130NIEK.EXAMPLE", "email"),  # dotted capital I
    ("Dr. S. de\nWit", "name"),  # broken over two lines
    ("Sanne de W\xedt", "name"),
    ("Sanne DE\xa0WIT", "name"),
    ("Sanne de-Wit", "name"),
    ("Sanne de W’it", "name"),  # the surname's letters with a mark between them
    ("Sanne de W·it", "name"),
]


@pytest.mark.parametrize(("shown", "field"), SHOWN)
def test_values_a_naive_look_would_miss_are_found_alone_and_within_a_page(
    shown: str, field: str
) -> None:
    for text in (shown, f"{FILLER}\n{shown}\n{FILLER}"):
        found = {f.field.value for f in SANNE.match_text(text)}
        assert field in found, text[:80]


def test_a_street_the_address_folding_spells_otherwise_is_found() -> None:
    """Ω (the ohm sign) folds to o, but to ohm for the address matcher."""
    ohm = matcher(address("Ohmstraat", "5", "", "3531 AB", "Utrecht"))
    for text in ("\u2126straat 5, Utrecht", f"{FILLER}\n\u2126STRAAT 5 Utrecht\n{FILLER}"):
        assert [f.label for f in ohm.match_text(text)] == ["home"]


@contextmanager
def looks_off() -> Iterator[None]:
    """Every line read, every text searched for phone numbers and mailboxes as before."""
    saved = (
        NameMatcher._anchor_lines,
        AddressMatcher._candidate_lines,
        PhoneMatcher._may_hold,
        PhoneMatcher._may_parse_as_target,
    )
    emails = SANNE.emails.targets
    NameMatcher._anchor_lines = lambda self, page: range(len(page.lines))  # type: ignore[method-assign]
    AddressMatcher._candidate_lines = lambda self, page: range(len(page.lines))  # type: ignore[method-assign]
    PhoneMatcher._may_hold = lambda self, text, page=None: self._may_hold_slowly(text)  # type: ignore[method-assign]
    PhoneMatcher._may_parse_as_target = lambda self, raw: True  # type: ignore[method-assign]
    SANNE.emails.targets = tuple(dataclasses.replace(t, needs=()) for t in emails)
    try:
        yield
    finally:
        NameMatcher._anchor_lines, AddressMatcher._candidate_lines = saved[:2]  # type: ignore[method-assign]
        PhoneMatcher._may_hold, PhoneMatcher._may_parse_as_target = saved[2:]  # type: ignore[method-assign]
        SANNE.emails.targets = emails


PIECES = st.sampled_from([
    "Sanne", "de Wit", "DE WIT", "Wít", "S.", "W", "it", "de", "Meidoornstraat", "Meidoornstr.",
    "Meidornstraat", "Meidoorn", "straat", "23", "２３", "3531 AB", "3531ab", "3531", "AB",
    "٣٥٣١", "Utrecht", "Burg.", "Bgm", "Withstraat", "12", "3581 KL", "06-12345678",
    "06 1234 5678", "٠٦١٢٣٤٥٦٧٨", "+31 6 12345678", "612345678", "sanne.dewit@example.org",
    "sanne punt dewit at example dot org", "s.dewit", "@", "KL\u0130NIEK", "\u212aliniek",
    "kl\u0131niek", ".example", "example", "org", "½", "·", "\u2028", "\r\n", "\r", "\x85", "\t",
    ":", "|", " ", "\n", "\n", "\u2126", "\u200b", "\xad", "Straat:", "Postcode:", "Plaats:",
])  # fmt: skip


def _dump(m: Matcher, text: str) -> list[dict[str, object]]:
    found = [*m.match_text(text), *m.match_phone(text), *m.match_email(text)]
    return [f.model_dump(mode="json") for f in found]


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=24).map(" ".join), st.lists(PIECES, max_size=24).map("".join))
def test_the_looks_change_no_finding(spaced: str, glued: str) -> None:
    for text in (spaced, glued, f"{FILLER}\n{spaced}\n{FILLER}"):
        quick = _dump(SANNE, text)
        with looks_off():
            assert _dump(SANNE, text) == quick, text


NUMBERS = {
    "NL": ["06-12345678", "030-1234567", "+44 20 7946 0958", "+1 202 555 0143", "0800-0230"],
    "US": ["(202) 555-0143", "+31 6 12345678", "+1 800 555 0100"],
    "GB": ["020 7946 0958", "07700 900123", "+353 1 234 5678"],
}
PHONE_PIECES = st.sampled_from([
    "0", "06", "6", "1", "12", "123", "1234", "5678", "12345678", "612345678", "30", "1234567",
    "20", "7946", "0958", "202", "555", "0143", "800", "7700", "900123", "353", "31", "44",
    "+", "00", "011", " ", "-", "(", ")", "(0)", ".", "/", "#", ",", "  ", "+31", "+44", "+1",
])  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(NUMBERS)), st.lists(PHONE_PIECES, min_size=1, max_size=12))
def test_a_number_passed_over_unparsed_never_parses_as_a_profile_number(
    region: str, pieces: list[str]
) -> None:
    from exposure_scan.matching.phone import parse
    from exposure_scan.profile import Phone

    phones = PhoneMatcher([Phone(label=f"p{i}", number=n) for i, n in enumerate(NUMBERS[region])],
                          region)
    assert phones._digits_tell
    raw = "".join(pieces)
    if not phones._may_parse_as_target(raw):
        assert parse(raw, region) not in {t.key for t in phones.targets}, raw


def test_numbers_whose_national_prefix_is_rewritten_are_always_parsed() -> None:
    from exposure_scan.profile import Phone

    argentina = PhoneMatcher([Phone(label="mobile", number="+54 9 11 2345 6789")], "NL")
    assert not argentina._digits_tell
    # 15 after the area code is rewritten to a 9 before it: 91123456789 is not written
    assert [m.label for m in argentina.match("+54 11 15 2345-6789")] == ["mobile"]


def test_a_page_whose_folding_would_move_its_lines_is_read_line_by_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No character folds to a line feed today; if one did, every line is read."""
    import exposure_scan.matching.pagetext as pagetext

    monkeypatch.setattr(pagetext, "fold", lambda text: fold(text).replace("x", "\n"))
    page = PageText("x\nSanne de Wit\nMeidoornstraat 23, Utrecht")
    assert page.view() is None
    found = {f.field.value for f in SANNE.match_text(page.text)}
    assert found == {"name", "address"}


@pytest.mark.parametrize(
    "text", ["a\r\nb\rc\x0bd\x0ce\x1cf\x1dg\x1eh\x85i\u2028j\u2029k", "Σ\nİ\u2126½·\n\n", "", "\n"]
)
def test_line_k_of_a_folded_view_is_the_folding_of_line_k(text: str) -> None:
    page = PageText(text)
    for special in (None, SPECIAL_CHARACTERS):
        view = page.view(special)
        assert view is not None
        want = [fold(line) if special is None else fold_chars(line, special) for line in page.lines]
        assert view.text.split("\n") == (want or [""])
        for n, line in enumerate(want):
            if line:
                assert n in view.lines_with(line)


def test_every_word_canon_reads_as_a_street_word_is_among_its_spellings() -> None:
    table = vocabulary()
    stems = ["meidoorn", "dorps", "kerk", "", "s", "main", "elm"]
    words = set(table.words) | {
        stem + end
        for stem in stems
        for pair in table.suffixes
        for end in (*pair, "")
    }
    words |= {w + long for w in table.words for long, _ in table.suffixes}
    keys = {canon(w) for w in words}
    for key in keys:
        spellings = table.spellings(key)
        missing = {w for w in words if canon(w) == key} - spellings
        assert not missing, key


def _every_character() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_the_facts_about_folding_the_looks_rest_on() -> None:
    every = _every_character()
    # the phone look: every digit of another script folds to ASCII digits
    for ch in filter(str.isdecimal, every):
        assert re.search("[0-9]", fold(ch)), hex(ord(ch))
    # the email look: a character the case-blind hint takes for a letter or digit of a
    # mailbox's domain folds to that letter (İ, ı: i; ſ: s; K: k)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-"
    for ch in re.findall(r"(?i)[a-z0-9-]", every):
        taken = [c for c in alphabet if re.fullmatch(re.escape(c), ch, re.IGNORECASE)]
        assert taken == [fold(ch)], hex(ord(ch))
    # the postcode on the next line (lower-cased, spaces out): each ASCII character that
    # lower-casing makes stays in the address folding, and a space folds to no letter or
    # digit
    # (a character that lower-casing leaves as it is folds alike both ways: anyascii's)
    cased = [ch for ch in every if ch.lower() != ch]
    for ch in cased:
        low = ch.lower()
        if not ch.isascii() and any(c.isascii() for c in low):
            kept = "".join(c for c in low if c.isascii())
            assert kept in fold_chars(ch, SPECIAL_CHARACTERS), hex(ord(ch))
            assert kept in fold(ch), hex(ord(ch))
    for ch in filter(str.isspace, every):
        assert not re.search("[a-z0-9]", fold_chars(ch, SPECIAL_CHARACTERS) + fold(ch))
    # the address lines are looked for in the plain folding: the two foldings differ only
    # at the characters the address matcher knows, and at the special characters, where
    # the address folding puts a separator first or folds a separator otherwise
    apart = {ch for ch in cased if fold(ch) != fold_chars(ch)}
    assert apart == set(_FOLDED_APART)
    for ch, special in SPECIAL_CHARACTERS.items():
        plain = fold(ch)
        lead = special[: len(special) - len(plain)]
        alike = special.endswith(plain) and not re.search("[a-z0-9]", lead)
        assert alike or not re.search("[a-z0-9]", special + plain), ch
    # a capital sigma lowers by its neighbours; both lower forms fold alike
    assert fold("σ") == fold("ς") == fold("Σ")
