"""The matchers' fast paths give what the plain definitions give (issue 15).

Folding and letters are computed without a Python loop per character, and the name and
email finders pass over a page that cannot hold the profile's values in one look; each is
checked here against its plain definition, on any text hypothesis can build from
characters that have tripped folding before.
"""

from __future__ import annotations

import re

from anyascii import anyascii
from hypothesis import given, settings
from hypothesis import strategies as st

from exposure_scan.matching.email import EmailMatcher
from exposure_scan.matching.name import NameMatcher
from exposure_scan.matching.normalise import fold, fold_with_map, letters
from exposure_scan.profile import Profile
from tests.conftest import SAMPLE_PROFILE

# Case with more than one lower form (İ), no lower form of its own (ſ, ı), a final sigma,
# ligatures, separators str.splitlines breaks on, other scripts' digits, a lone surrogate.
TRICKY = "aZ09 -.@'’\n\r\t\x0b\x0c\x1c\x85\u2028éÖüßİıſKΣσςĳæø½·—\xa0你Ж٣①²\ud800"
TEXTS = st.text(alphabet=st.sampled_from(TRICKY), max_size=40)
SPECIAL = {"½": " 1/2 ", "·": " "}


def plain_fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    return "".join(anyascii(ch).lower() for ch in text.lower())


def plain_fold_with_map(text: str, special: dict[str, str] | None) -> tuple[str, list[int]]:
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if special and ch in special:
            piece = special[ch]
        else:
            piece = anyascii(ch).lower() if not ch.isascii() else ch.lower()
        out.append(piece)
        index.extend([i] * len(piece))
    return "".join(out), index


@settings(max_examples=400)
@given(TEXTS)
def test_folding_and_letters_are_their_plain_definitions(text: str) -> None:
    assert fold(text) == plain_fold(text)
    assert letters(fold(text)) == re.sub("[^a-z]+", "", plain_fold(text))
    assert letters(text) == re.sub("[^a-z]+", "", text)
    for special in (None, SPECIAL):
        folded, index = fold_with_map(text, special)
        if not text.isascii():
            assert (folded, index) == plain_fold_with_map(text, special)
        assert len(index) == len(folded)


def _profile() -> Profile:
    return Profile.model_validate(SAMPLE_PROFILE)


PIECES = st.sampled_from([
    "Anna Maria van der Berg", "A.M. Kuiper-van der Berg", "BERG", "berg", "Voorbeeldstad",
    "06-98765432", "06 987 654 32", "+31 6 98765432", "٠٦٩٨٧٦٥٤٣٢", "0591-123456", "5432",
    "annamaria.berg@example.org", "AnnaMaria.Berg [at] Example [dot] ORG",
    "a.vanderberg (at) praktijk-voorbeeld punt example", "example", "org", " ", "\n", "é",
    "ſ", "İ", "x", ".", "@",
])


@settings(max_examples=300)
@given(st.lists(PIECES, max_size=12))
def test_a_page_passed_over_quickly_holds_none_of_the_values(parts: list[str]) -> None:
    """The quick looks only ever skip a page where the full finders find nothing."""
    text = "".join(parts)
    profile = _profile()
    names = NameMatcher(profile.names)
    whole = letters(fold(text))
    if not any(a in whole for a in names.anchors):
        lines = text.splitlines()
        assert not any(any(a in letters(fold(line)) for a in names.anchors) for line in lines)
    emails = EmailMatcher(profile.emails)
    for target in emails.targets:
        if target.hint.search(text) is None:
            assert target.pattern.search(text) is None


def test_obfuscated_and_gmail_spellings_still_pass_the_quick_look() -> None:
    from exposure_scan.profile import Email

    matcher = EmailMatcher([Email(label="private", address="a.m.berg@gmail.com"),
                            Email(label="work", address="jan@praktijk-voorbeeld.example")])
    text = ("Mail A M Berg op a.m.berg (at) GoogleMail dot com of "
            "jan apenstaartje praktijk-voorbeeld punt example.")
    assert {m.label for m in matcher.find_in_text(text)} == {"private", "work"}


HTML_PIECES = st.sampled_from([
    "<p>", "</p>", "<b>", "</b>", "<td>", "<pre>", "</pre>", "<br>", "<script>", "</script>",
    "Anna", " ", "\n", "&#x202e;", "&#1;", "&#xd800;", "\u200b", "\xad", "\x0c", "\u2028",
    "&#x2028;", "\ufeff", "<!-- x -->", "\x00", "\ud800", "é", "Meidoorn<b>straat</b> 7",
])


@settings(max_examples=300)
@given(st.lists(HTML_PIECES, max_size=30))
def test_each_reader_gives_text_that_validation_leaves_as_it_is(parts: list[str]) -> None:
    """The inspector files the text without validating it again (a whole page's scan)."""
    from exposure_scan.controls import strip_controls
    from exposure_scan.inspector import read_body

    html = "".join(parts)
    for kind in ("html", "text"):
        body = html.encode("utf-8", "surrogatepass")
        facts = read_body(kind, body, "text/html; charset=utf-8", 5.0)
        assert strip_controls(facts.text) == facts.text
