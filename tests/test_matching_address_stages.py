"""The address matcher's stages: immutable results, and a line pre-filter that never hides an
address the full reading would find. All people and streets invented."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exposure_scan.matching.address.matcher import AddressReading, _LineWords
from exposure_scan.matching.address.place import PlaceReading
from exposure_scan.matching.address.profileaddress import ProfileAddress
from exposure_scan.matching.address.street import StreetReading
from exposure_scan.matching.address.tokens import Token
from exposure_scan.matching.address.unit import UnitReading
from exposure_scan.profile import Country
from tests.matching_factory import address, matcher


@pytest.mark.parametrize(
    "result", [StreetReading, UnitReading, PlaceReading, AddressReading, ProfileAddress]
)
def test_stage_results_are_frozen(result: type) -> None:
    assert dataclasses.is_dataclass(result)
    assert result.__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_tokens_are_tuples() -> None:
    token = Token("kerkstraat", 0, 10)
    assert isinstance(token, tuple)
    with pytest.raises(AttributeError):
        token.text = "dorpsstraat"  # type: ignore[misc]


HOMES = matcher(
    address("Queen's Road", "12", "Flat 2", "YO1 7QQ", "York", country=Country.UK),
    address("Sttationsweg", "8", "", "3581 KL", "'s-Gravenhage", label="practice"),
    names=[("Maartje", "Oudeweg")],
)
AMERICAN = matcher(
    address("North Elm Street", "37-12", "Apt 4", "11372", "Jackson Heights",
            country=Country.US, state="NY"),
    country=Country.US,
)  # fmt: skip

PIECES = [
    "Queen's", "Queens", "QUEENS", "Road", "Rd", "12", "12½", "Flat 2", "flat 3", "YO1 7QQ",
    "yo17qq", "York", "Stationsweg", "Stationswg.", "Sttationsweg", "8", "8-A", "3581 KL",
    "3581kl", "Den Haag", "'s-Gravenhage", "Oudeweg", "M.", "Elm", "N", "North", "St.",
    "37-12", "3712", "Apt 4", "#4", "Jackson Heights", "NY", "11372", "11372-1234", "in", "te",
    "aan de", ",", ".", " - ", " | ", "·", "\n", "Tel", "06-12345678", "Postbus 12", "½", "—",
]  # fmt: skip


# Whole addresses of the two profiles, each written one way; the strategy below changes and
# surrounds them with the pieces above, so that the lines tried are matches and near misses.
CORES = [
    ["12", "Queen's", "Road", ",", "York"],
    ["Flat 2", ",", "12", "Queens", "Rd", ",", "YO1 7QQ"],
    ["12", "QUEENS", "ROAD", "YO17QQ"],
    ["Stationsweg", "8", ",", "3581 KL"],
    ["Sttationsweg", "8", "3581 KL", "Den Haag"],
    ["3581kl", "8-A"],
    ["aan de", "Stationswg.", "8", "te", "'s-Gravenhage"],
    ["37-12", "N", "Elm", "St.", "Apt 4", ",", "Jackson Heights", ",", "NY", "11372"],
    ["37-12", "North", "Elm", "Street", "Jackson Heights", "NY"],
]


@st.composite
def lines(draw: st.DrawFn) -> str:
    core = list(draw(st.sampled_from(CORES)))
    for _ in range(draw(st.integers(0, 2))):
        core[draw(st.integers(0, len(core) - 1))] = draw(st.sampled_from(PIECES))
    before = draw(st.lists(st.sampled_from(PIECES), max_size=5))
    after = draw(st.lists(st.sampled_from(PIECES), max_size=5))
    return " ".join(before + core + after)


@settings(max_examples=150, deadline=None)
@given(st.one_of(lines(), st.lists(st.sampled_from(PIECES), min_size=1).map(" ".join)))
def test_line_prefilter_hides_no_address(text: str) -> None:
    for m in (HOMES, AMERICAN):
        filtered = m.addresses.find_in_text(text, m.names.anchors)
        original = _LineWords.may_show
        try:
            _LineWords.may_show = lambda self, target: True  # type: ignore[method-assign]
            unfiltered = m.addresses.find_in_text(text, m.names.anchors)
        finally:
            _LineWords.may_show = original  # type: ignore[method-assign]
        assert filtered == unfiltered
