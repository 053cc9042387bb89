"""Hostile page text never breaks the matcher: no exception and bounded time for any Unicode.

The default run is short, so the suite stays fast. For a long search (about ten minutes):

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -q tests/test_matching_hostile.py

All people and places are invented.
"""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exposure_scan.matching import Matcher
from exposure_scan.models import Observation
from exposure_scan.profile import Address, Country, Email, PersonName, Phone, Profile

settings.register_profile(
    "quick", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# About ten minutes over the four property tests below.
settings.register_profile(
    "long", max_examples=5_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

# Seconds one observation may take: far above the real cost (milliseconds, more on a loaded
# machine), far below a hang or a quadratic blow-up.
BUDGET = 5.0


def _matcher(country: Country) -> Matcher:
    if country is Country.US:
        addresses = [
            Address(label="home", street="East Oak Avenue", house_number="1312", addition="4B",
                    postcode="43215", city="Columbus", state="OH", country=Country.US),
        ]  # fmt: skip
        phones = [Phone(label="mobile", number="(217) 555-0123")]
    else:
        addresses = [
            Address(label="home", street="Meidoornstraat", house_number="23", addition="A",
                    postcode="3531 AB", city="Utrecht"),
            Address(label="practice", street="Burgemeester de Withstraat", house_number="2",
                    postcode="3512 AA", city="'s-Gravenhage"),
        ]  # fmt: skip
        phones = [Phone(label="mobile", number="06-12345678")]
    return Matcher(
        Profile.model_construct(
            names=[
                PersonName(given="Sanne", surname="de Wit"),
                PersonName(full="Sanne Jansen-de Wit", given="Sanne", surname="Jansen-de Wit"),
                PersonName(given="Đorđe Ö", surname="O'Brien"),
            ],
            addresses=addresses,
            phones=phones,
            emails=[Email(label="private", address="sanne.dewit@gmail.com")],
            country=country,
        )
    )


MATCHERS = {c: _matcher(c) for c in (Country.NL, Country.US)}

# Every plane, with the troublesome categories drawn often: letters that fold to nothing
# (CJK extension B+, Arabic), combining marks, bidi and zero-width controls, surrogates are
# excluded because a Python str from a decoded page cannot hold them unpaired.
_HOSTILE = st.sampled_from(
    list("𬕨ا中ßÆǅﬁⅫ①\u0301\u0308\u202e\u2066\u200b\u200d\ufeff\x00\x1b\r\n\t\u2028 .,-'/()#@:|")
)
_ANY_CHAR = st.characters(blacklist_categories=("Cs",))
_PIECES = st.sampled_from(
    ["Sanne", "de Wit", "S.", "J.P.", "Meidoornstraat", "23", "23-A", "3531 AB", "Utrecht",
     "06-12345678", "+31", "sanne.dewit", "@gmail.com", " at ", " dot ", "Burg.", "(Jan)",
     "Oak Ave", "1312", "OH 43215", "\n", ", ", "van der", "Vries, J. de", "nummer"]
)  # fmt: skip
HOSTILE_TEXT = st.lists(st.one_of(_PIECES, st.text(st.one_of(_HOSTILE, _ANY_CHAR), max_size=12)),
                        max_size=40).map("".join)  # fmt: skip
LONG_TEXT = st.builds(
    lambda piece, n: piece * n,
    st.lists(st.one_of(_HOSTILE, _PIECES), min_size=1, max_size=6).map("".join),
    st.integers(1, 400),
)


def _observe(obs: Observation) -> None:
    for matcher in MATCHERS.values():
        started = time.perf_counter()
        matcher.match_observation(obs)
        assert time.perf_counter() - started < BUDGET


@given(text=st.one_of(HOSTILE_TEXT, LONG_TEXT), snippet=HOSTILE_TEXT)
def test_any_page_text_and_snippet(text: str, snippet: str) -> None:
    _observe(Observation(provider="fuzz", text=text, snippet=snippet))
    _observe(Observation(provider="fuzz", text=snippet))


@given(names=st.lists(st.one_of(HOSTILE_TEXT, LONG_TEXT), max_size=4))
def test_any_structured_names(names: list[str]) -> None:
    _observe(Observation(provider="fuzz", names=names))


@given(
    addresses=st.lists(st.one_of(HOSTILE_TEXT, LONG_TEXT), max_size=3),
    phones=st.lists(HOSTILE_TEXT, max_size=3),
    emails=st.lists(HOSTILE_TEXT, max_size=3),
)
def test_any_structured_fields(addresses: list[str], phones: list[str], emails: list[str]) -> None:
    _observe(Observation(provider="fuzz", addresses=addresses, phones=phones, emails=emails))


@given(raw=st.text(_ANY_CHAR, max_size=200))
def test_any_unicode_in_every_field(raw: str) -> None:
    _observe(
        Observation(
            provider="fuzz", names=[raw], addresses=[raw], phones=[raw], emails=[raw], text=raw
        )
    )


@pytest.mark.parametrize(
    "name",
    [
        "Sanne A𬕨 de Wit",
        "Sanne Aا de Wit",
        "A𬕨. de Wit",
        "𬕨 ا de Wit",
        "Wit, 𬕨.ا. de",
        "M.𬕨. de Wit",
        "Sanne (𬕨) de Wit",
        "Sanne \u0301 de Wit",
    ],
)
def test_letters_that_fold_to_nothing_do_not_crash(name: str) -> None:
    """Issue 9.1: a token with no forms raised IndexError in the name matcher."""
    obs = Observation(provider="fuzz", names=[name], text=f"Contact: {name}\n", snippet=name)
    for matcher in MATCHERS.values():
        matcher.match_observation(obs)


def test_a_letter_that_folds_to_nothing_is_no_initial() -> None:
    """An empty initial would agree with every given name; such a letter is no initial."""
    matcher = MATCHERS[Country.NL]
    assert matcher.match_name("𬕨. de Wit") is None
    assert matcher.match_name("S. 𬕨 de Wit") is not None


def test_huge_inputs_stay_fast() -> None:
    matcher = MATCHERS[Country.NL]
    pages = [
        "de Wit " * 20_000,
        "Meidoornstraat 23 " * 5_000,
        "1" * 100_000,
        "a." * 50_000,
        "Sanne " + "(" * 10_000 + ")" * 10_000 + " de Wit",
        "Straat: Meidoornstraat\n" * 5_000,
        "sanne.dewit" + "@" * 20_000 + "gmail.com",
        "06-" * 30_000,
    ]
    for page in pages:
        started = time.perf_counter()
        matcher.match_observation(Observation(provider="fuzz", text=page, names=[page[:5000]]))
        assert time.perf_counter() - started < 10 * BUDGET, page[:20]


def test_a_long_name_field_is_searched_like_text() -> None:
    """A name field longer than any name is read as running text, not tried split by split."""
    matcher = MATCHERS[Country.NL]
    field = "Praktijk De Linde, huisartsen " * 5 + "met dr. Sanne de Wit als waarnemer " * 2
    found = matcher.match_name(field)
    assert found is not None and found.observed == "Sanne de Wit"
    assert matcher.match_name("de Wit " * 40) is None
