"""Name matching, rule by rule (MATCHING.md, "Name"). All people here are invented."""

from __future__ import annotations

import pytest

from exposure_scan.matching import Matcher
from exposure_scan.profile import PersonName, Profile
from tests.matching_factory import matcher, named, named_in_text

JAN = matcher(names=[("Jan Pieter", "de Wilde")])


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
        m = matcher(names=[("Lotte", "van 't Veld")])
        for raw in ["Lotte van 't Veld", "L. Van 'T Veld", "Lotte VanTVeld", "Veld, L. van 't"]:
            assert named(m, raw), raw

    @pytest.mark.parametrize(
        "raw",
        ["Jan de Wild", "Jan de Wilden", "Jan van Wilde", "Jan Wilde", "Jan van der Wilde"],
    )
    def test_another_surname_however_close_is_not_the_person(self, raw: str) -> None:
        assert not named(JAN, raw)

    def test_near_namesakes(self) -> None:
        assert not named(matcher(names=[("Piet", "Jansen")]), "Piet Janssen")
        assert not named(matcher(names=[("Tom", "Smith")]), "Tom Smyth")
        assert not named(matcher(names=[("Eva", "de Jong")]), "Eva de Jonge")
        assert not named(matcher(names=[("Eva", "van der Berg")]), "Eva van den Berg")


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
        assert named(matcher(names=[(given, surname)]), raw)


class TestDoubleSurnames:
    PARTNER = matcher(names=[("Maria", "de Boer"), ("Maria", "Hoekstra-de Boer")])
    DOUBLE = matcher(names=[("Emma", "Hughes-Morgan")])

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


# -- found by red-teaming with bench/synth.py (MATCHING.md) ---------------------------------


class TestNameRules:
    def test_dotted_credential_letters_can_be_the_initials(self) -> None:
        m = matcher(names=[("Maarten Arend", "Wielsma")])
        assert named(m, "Wielsma, M.A.")
        assert named(m, "dhr. M.A. Wielsma")
        assert named(m, "M. Wielsma, M.A.")
        assert not named(m, "K. Wielsma, M.A.")
        assert not named(m, "Wielsma, M.D.")  # a credential, and no given name left

    def test_one_letter_and_abbreviated_surname_words(self) -> None:
        irish = matcher(names=[("Cathal", "Ó Floinn")])
        assert named(irish, "Cathal Ó Floinn")
        assert named(irish, "Ó Floinn, C.")
        assert named(irish, "C. O Floinn")
        assert not named(irish, "Cathal Floinn")
        saint = matcher(names=[("Imogen", "St. Aubyn")])
        assert named(saint, "Imogen St. Aubyn, M.D.")
        assert named(saint, "St. Aubyn, I.")
        assert not named(saint, "K. St. Aubyn")

    def test_short_upper_case_surname_is_not_initials(self) -> None:
        m = matcher(names=[("Selin", "Baş")])
        assert named(m, "BAŞ, Selin")
        assert named(m, "BAS, Selin")
        assert not named(m, "BAS, Merve")

    @pytest.mark.parametrize(
        "text",
        [
            "Familieleden: Joris Valkema, Ingrid Hoitinga, Pier Bosma",
            "Relatives: Joris Valkema, Ingrid van der Zee",
            "Relatives: Hessel van Valkema, Ingrid Bosma",
        ],
    )
    def test_a_list_of_people_is_not_a_reversed_name(self, text: str) -> None:
        m = matcher(names=[("Ingrid", "Valkema")])
        if "van Valkema" in text:
            m = matcher(names=[("Ingrid", "van Valkema")])
        assert not named_in_text(m, text)

    def test_reversed_name_after_a_label_still_found(self) -> None:
        m = matcher(names=[("Ingrid", "Valkema")])
        assert named_in_text(m, "Bestuurder: Valkema, Ingrid\nRechtsvorm: BV")
        assert named_in_text(m, "Leden: Valkema, Ingrid Valkema")


class TestNamesInPageText:
    def test_name_broken_over_two_lines(self) -> None:
        m = matcher(names=[("Sanne", "de Wit")])
        assert named_in_text(m, "Onze huisarts is Sanne\nde Wit en zij werkt op maandag.")
        assert named_in_text(m, "Our new physician is Dr. Sanne\nDe Wit, MD.")

    def test_broken_line_join_keeps_the_name_rules(self) -> None:
        m = matcher(names=[("Sanne", "de Wit")])
        assert not named_in_text(m, "Contactpersoon: Pieter\nde Wit")  # another given name
        assert not named_in_text(m, "Gesprek met Sanne.\nDe Wit Installatietechniek B.V.")
        assert not named_in_text(m, "Familie: Sanne Bakker, Tom\nde Wit")

    def test_partner_name_in_running_text(self) -> None:
        m = matcher(names=[("Sanne", "de Wit"), ("Sanne", "Jansen-de Wit")])
        assert named_in_text(m, "Dr. S. de Wit-Jansen is bereikbaar via de assistente.")
        assert named_in_text(m, "DE HUISARTS, MW. S. JANSEN-DE WIT, IS MET VERLOF.")


class TestParticlesAfterAOneLetterSurnameWord:
    def test_initial_that_is_also_a_surname_word(self) -> None:
        m = matcher(names=[("Tjitske", "in 't Veld")])
        assert named(m, "Veld, T. in 't")
        assert named(m, "Veld in 't, T.")
        assert not named(m, "Veld, K. in 't")
