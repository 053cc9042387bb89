"""Whole observations and pages: every field found, one match per field and label."""

from __future__ import annotations

from exposure_scan.matching import Matcher
from exposure_scan.models import FieldKind, Observation
from exposure_scan.profile import Profile

PROFILE = Profile.model_validate(
    {
        "country": "NL",
        "names": [{"given": "Anna Sofie", "surname": "Arts"}],
        "addresses": [
            {"label": "home", "street": "Kastanjelaan", "house_number": "9", "addition": "2",
             "postcode": "6821 AB", "city": "Arnhem"},
            {"label": "practice", "street": "Prof. Dondersstraat", "house_number": "40",
             "postcode": "6822 CD", "city": "Arnhem"},
        ],
        "phones": [{"label": "mobile", "number": "06-98765432"},
                   {"label": "practice", "number": "026-1112233"}],
        "emails": [{"label": "work", "address": "a.arts@praktijk-donders.nl"}],
    }
)  # fmt: skip
M = Matcher(PROFILE)


def test_surname_that_is_also_a_profession_word() -> None:
    assert M.match_name("dr. A.S. Arts, huisarts") is not None
    assert M.match_name("Arts") is None


def test_practice_page() -> None:
    page = (
        "Huisartsenpraktijk Donders\n\nOns team\nA.S. Arts (huisarts)\n"
        "Bezoekadres: Professor Dondersstraat 40, 6822CD Arnhem\n"
        "Telefoon: 026 - 111 22 33\nE-mail: a.arts [at] praktijk-donders [dot] nl"
    )
    found = {(m.field, m.label) for m in M.match_text(page)}
    assert found == {
        (FieldKind.NAME, ""),
        (FieldKind.ADDRESS, "practice"),
        (FieldKind.PHONE, "practice"),
        (FieldKind.EMAIL, "work"),
    }


def test_unrelated_page_finds_nothing() -> None:
    page = "Gemeente Arnhem\nKastanjelaan 11, 6821 AB Arnhem\nTel. 026-1112234\nGroet, Bas Arts"
    assert M.match_text(page) == []


def test_observation_deduplicates_per_field_and_label() -> None:
    obs = Observation(
        provider="test",
        names=["Anna Arts", "A. Arts"],
        addresses=["Kastanjelaan 9-2, Arnhem"],
        phones=["+31 6 98765432", "06-98765432"],
        text="Anna Arts woont op Kastanjelaan 9, 6821 AB Arnhem. Bel 06 98 76 54 32.",
    )
    found = M.match_observation(obs)
    keys = sorted((m.field.value, m.label) for m in found)
    assert keys == [("address", "home"), ("name", ""), ("phone", "mobile")]
    home = next(m for m in found if m.field is FieldKind.ADDRESS)
    assert home.private and home.reason.startswith("same street, house number")
    assert next(m for m in found if m.field is FieldKind.NAME).confidence == 0.9


def test_floor_words_and_numbered_streets() -> None:
    assert [m.label for m in M.match_address("Kastanjelaan 9 2-hoog, Arnhem")] == ["home"]
    assert M.match_address("Kastanjelaan 9 3-hoog, Arnhem") == []
