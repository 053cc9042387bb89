"""A street typed with one error (MATCHING.md): it points to the building only with the
house number and the whole postcode. All people and places are invented."""

from __future__ import annotations

import pytest

from exposure_scan.matching import Matcher
from exposure_scan.profile import Address, Country
from tests.matching_factory import matcher


def person(*addresses: Address, country: Country = Country.NL) -> Matcher:
    return matcher(
        *addresses,
        names=[("Ilse", "Verhoeven")],
        emails={"private": "iv@example.org"},
        country=country,
    )


NL = person(
    Address(label="home", street="Vlierbessenlaan", house_number="41", addition="b",
            postcode="2345 KL", city="Dordrecht"),
    Address(label="practice", street="Graaf Florisweg", house_number="8",
            postcode="2346 MN", city="Dordrecht"),
)  # fmt: skip
UK = person(
    Address(label="home", street="Mill Street", house_number="14", postcode="YO1 7HH",
            city="York", country=Country.UK),
    country=Country.UK,
)  # fmt: skip
US = person(
    Address(label="home", street="Maple Ave", house_number="905", postcode="97201",
            city="Portland", state="OR", country=Country.US),
    country=Country.US,
)  # fmt: skip


def labels(m: Matcher, raw: str) -> list[str]:
    return sorted(f.label for f in m.match_address(raw))


@pytest.mark.parametrize(
    "raw",
    [
        "Vlierbesenlaan 41b, 2345 KL Dordrecht",  # a letter left out
        "Vlierbessennlaan 41-B, 2345KL",  # doubled
        "Vlierbessenlaam 41, 2345 KL Dordrecht",  # replaced; the addition not shown
        "Vleirbessenlaan 41 b, 2345 KL Dordrecht",  # swapped with its neighbour
        "2345 KL Dordrecht, Vlierbessenlan 41b",
    ],
)
def test_one_typing_error_with_the_whole_postcode_matches(raw: str) -> None:
    assert labels(NL, raw) == ["home"]
    found = NL.match_address(raw)[0]
    assert "one typing error" in found.reason


def test_a_typo_in_a_word_of_a_street_of_two_words() -> None:
    assert labels(NL, "Graaf Florsweg 8, 2346 MN Dordrecht") == ["practice"]
    assert labels(NL, "Graaf Floriswegg 8, 2346 MN") == ["practice"]


@pytest.mark.parametrize(
    "raw",
    [
        "Vlierbesenlaan 41b, Dordrecht",  # city only
        "Vlierbesenlaan 41b",
        "Vlierbesenlaaan 41b, 2345 KL Dordrecht",  # two errors in one word
        "Graaf Florsweg 8, 2346 MN Dordrecht extra",
        "Vlierbesenlaan 43b, 2345 KL Dordrecht",  # another number
        "Vlierbesenlaan 41c, 2345 KL Dordrecht",  # another addition
        "Vlierbesenlaan 41b, 2345 KM Dordrecht",  # another postcode
    ],
)
def test_city_only_two_errors_or_another_number_do_not(raw: str) -> None:
    assert labels(NL, raw) in ([], ["practice"]) and "home" not in labels(NL, raw)


def test_two_words_each_with_one_error_do_not() -> None:
    assert labels(NL, "Graf Florsweg 8, 2346 MN Dordrecht") == []
    assert labels(NL, "Graaf Florsweeg 8, 2346 MN Dordrecht") == []


def test_a_short_word_takes_no_typo() -> None:
    # Graaf has five letters: Graaf Florisweg and Graag Florisweg are different streets
    assert labels(NL, "Graag Florisweg 8, 2346 MN Dordrecht") == []


def test_english_and_american_streets() -> None:
    assert labels(UK, "14 Mill Steet, York YO1 7HH") == ["home"]
    assert labels(UK, "14 Mill Steet, York") == []
    assert labels(UK, "14 Mill Steet, York YO1") == []
    assert labels(US, "905 Maple Avebue, Portland, OR 97201") == ["home"]
    assert labels(US, "905 Mapel Ave, Portland, OR 97201") == []  # Maple has five letters
    assert labels(US, "905 Maple Avebue, Portland, OR") == []


def test_in_running_text_with_the_postcode() -> None:
    text = "Ze woont op Vlierbesenlaan 41b, 2345 KL Dordrecht, zoek het maar op."
    assert [f.label for f in NL.match_text(text) if f.field.value == "address"] == ["home"]
    text = "Dr. I. Verhoeven\nVlierbesenlaan 41b\n2345 KL Dordrecht\n"
    assert [f.label for f in NL.match_text(text) if f.field.value == "address"] == ["home"]
    text = "Ze woont op Vlierbesenlaan 41b in Dordrecht."
    assert [f.label for f in NL.match_text(text) if f.field.value == "address"] == []
