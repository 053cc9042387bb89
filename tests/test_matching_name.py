"""Name matching, rule by rule (MATCHING.md, "Name"). All people here are invented."""

from __future__ import annotations

import pytest

from exposure_scan.matching import Matcher
from exposure_scan.profile import PersonName, Profile


def matcher(*names: tuple[str, str]) -> Matcher:
    people = [PersonName(given=g, surname=s) for g, s in names]
    return Matcher(Profile.model_construct(names=people, addresses=[], phones=[], emails=[]))


JAN = matcher(("Jan Pieter", "de Wilde"))


def named(m: Matcher, raw: str) -> bool:
    return m.match_name(raw) is not None


class TestSurnameForms:
    @pytest.mark.parametrize(
        "raw",
        [
            "Jan Pieter de Wilde",
            "JAN PIETER DE WILDE",
            "jan de wilde",
            "J.P. De Wilde",  # capitalised particle
            "Jan DeWilde",  # concatenated particle
            "Jan Dewilde",
            "Wilde, J. de",  # reversed, particle after the initials
            "Wilde de, J.P.",
            "de Wilde, J.P.",
            "De Wilde J.P.",
            "DE WILDE, Jan Pieter",
        ],
    )
    def test_same_surname_in_any_form_or_order(self, raw: str) -> None:
        assert named(JAN, raw)

    def test_particle_with_apostrophe(self) -> None:
        m = matcher(("Lotte", "van 't Veld"))
        for raw in ["Lotte van 't Veld", "L. Van 'T Veld", "Lotte VanTVeld", "Veld, L. van 't"]:
            assert named(m, raw), raw

    @pytest.mark.parametrize(
        "raw",
        ["Jan de Wild", "Jan de Wilden", "Jan van Wilde", "Jan Wilde", "Jan van der Wilde"],
    )
    def test_another_surname_however_close_is_not_the_person(self, raw: str) -> None:
        assert not named(JAN, raw)

    def test_near_namesakes(self) -> None:
        assert not named(matcher(("Piet", "Jansen")), "Piet Janssen")
        assert not named(matcher(("Tom", "Smith")), "Tom Smyth")
        assert not named(matcher(("Eva", "de Jong")), "Eva de Jonge")
        assert not named(matcher(("Eva", "van der Berg")), "Eva van den Berg")


class TestGivenNames:
    @pytest.mark.parametrize(
        "raw",
        [
            "J.P. de Wilde",
            "J. de Wilde",
            "Jan de Wilde",
            "Jan P. de Wilde",
            "JP de Wilde",
            "J.P. (Jan) de Wilde",
            "J.P. (Pieter) de Wilde",
            "J Pieter de Wilde",
        ],
    )
    def test_given_names_and_initials_that_agree_in_order(self, raw: str) -> None:
        assert named(JAN, raw)

    @pytest.mark.parametrize(
        "raw",
        [
            "K. de Wilde",
            "Jan-Willem de Wilde",
            "J.K. de Wilde",
            "Joost de Wilde",
            "P.J. de Wilde",
            "J.P.K. de Wilde",
            "J.P. (Kees) de Wilde",
        ],
    )
    def test_a_given_name_or_initial_that_disagrees(self, raw: str) -> None:
        assert not named(JAN, raw)

    @pytest.mark.parametrize("raw", ["De Wilde", "Bakkerij De Wilde", "Huisartsen De Wilde"])
    def test_surname_alone_is_not_enough(self, raw: str) -> None:
        assert not named(JAN, raw)


class TestIgnoredWords:
    @pytest.mark.parametrize(
        "raw",
        [
            "dr. J.P. de Wilde",
            "Dr J.P. de Wilde",
            "drs. J. de Wilde, huisarts",
            "Prof. dr. Jan de Wilde",
            "Jan P. de Wilde, MD",
            "mevr. dr. J.P. de Wilde",
            "de heer J.P. de Wilde",
            "Jan de Wilde MD PhD",
            "J.P. de Wilde (huisarts)",
        ],
    )
    def test_titles_credentials_and_roles(self, raw: str) -> None:
        assert named(JAN, raw)


class TestTransliteration:
    @pytest.mark.parametrize(
        ("given", "surname", "raw"),
        [
            ("Elif", "Yıldırım", "Elif Yildirim"),
            ("Elif", "Yıldırım", "E. YILDIRIM"),
            ("Søren", "Møller", "Soren Moller"),
            ("Søren", "Møller", "Soeren Moeller"),
            ("Luka", "Đorđević", "Luka Djordjevic"),
            ("Luka", "Đorđević", "Luka Dordevic"),
            ("Ayşe", "Çelik", "Ayse Celik"),
            ("Jürgen", "Müller", "Juergen Mueller"),
            ("Jürgen", "Müller", "J. Muller"),
            ("Jürgen", "Mueller", "Jürgen Müller"),
            ("Iñigo", "Gómez", "Inigo Gomez"),
        ],
    )
    def test_diacritics_and_transliteration(self, given: str, surname: str, raw: str) -> None:
        assert named(matcher((given, surname)), raw)


class TestDoubleSurnames:
    PARTNER = matcher(("Maria", "de Boer"), ("Maria", "Hoekstra-de Boer"))
    DOUBLE = matcher(("Emma", "Hughes-Morgan"))

    @pytest.mark.parametrize(
        "raw",
        [
            "M. Hoekstra",
            "M. de Boer",
            "Maria Hoekstra-de Boer",
            "M. de Boer-Hoekstra",
            "Hoekstra-de Boer, M.",
        ],
    )
    def test_partner_name_parts_match(self, raw: str) -> None:
        assert named(self.PARTNER, raw)

    def test_partner_name_still_needs_a_given_name(self) -> None:
        assert not named(self.PARTNER, "Bakkerij Hoekstra")
        assert not named(self.PARTNER, "T. Hoekstra")

    def test_a_double_surname_that_is_one_name_must_appear_whole(self) -> None:
        assert named(self.DOUBLE, "Emma Hughes-Morgan")
        assert named(self.DOUBLE, "E. Hughes Morgan")
        assert not named(self.DOUBLE, "Emma Hughes")
        assert not named(self.DOUBLE, "E. Morgan")
        assert not named(self.DOUBLE, "E. Morgan-Hughes")


def test_a_match_explains_itself() -> None:
    found = JAN.match_name("dr. J.P. de Wilde")
    assert found is not None
    assert found.field.value == "name" and found.label == "" and not found.private
    assert "surname" in found.reason and "initials" in found.reason


def test_name_in_running_text() -> None:
    text = "Uitslag van de wedstrijd.\nOns team: dr. J.P. de Wilde, huisarts, en collega's."
    found = [m for m in JAN.match_text(text) if m.field.value == "name"]
    assert found and "Wilde" in found[0].observed
    assert not [m for m in JAN.match_text("Bakkerij De Wilde is open.") if m.field.value == "name"]
    assert not JAN.match_text("In het bos staat een wilde kat.")


def test_the_full_name_may_carry_a_call_name() -> None:
    person = PersonName(given="Johannes Cornelis", surname="Bakker", full="Hans Bakker")
    m = Matcher(Profile.model_construct(names=[person], addresses=[], phones=[], emails=[]))
    assert named(m, "J.C. Bakker")
    assert named(m, "Hans Bakker")
    assert named(m, "J.C. (Hans) Bakker")
    assert not named(m, "J.C. (Kees) Bakker")
