"""Rules added after red-teaming with bench/synth.py (MATCHING.md). All people invented."""

from __future__ import annotations

import pytest

from exposure_scan.matching import Matcher
from exposure_scan.profile import Address, Country, Email, PersonName, Phone, Profile


def person(
    given: str = "Ingrid",
    surname: str = "Valkema",
    addresses: list[Address] | None = None,
    phones: list[tuple[str, str]] | None = None,
    country: Country = Country.NL,
) -> Matcher:
    return Matcher(
        Profile.model_construct(
            names=[PersonName(given=given, surname=surname)],
            addresses=addresses or [],
            phones=[Phone(label=lab, number=num) for lab, num in phones or []],
            emails=[Email(label="private", address="iv@example.org")],
            country=country,
        )
    )


def nl_home(street: str, number: str, addition: str, postcode: str, city: str) -> Address:
    return Address(
        label="home",
        street=street,
        house_number=number,
        addition=addition,
        postcode=postcode,
        city=city,
    )


def named(m: Matcher, raw: str) -> bool:
    return m.match_name(raw) is not None


def named_in_text(m: Matcher, text: str) -> bool:
    return any(f.field.value == "name" for f in m.match_text(text))


def addresses(m: Matcher, raw: str) -> list[str]:
    return [f.label for f in m.match_address(raw)]


def addresses_in_text(m: Matcher, text: str) -> list[str]:
    return [f.label for f in m.match_text(text) if f.field.value == "address"]


class TestPhoneSpaces:
    MOBILE = person(phones=[("mobile", "06-48213907")])

    @pytest.mark.parametrize(
        "raw",
        ["06\u200948213907", "+31\u00a06\u00a04821\u00a03907", "06\u202f4821\u20113907"],
    )
    def test_any_unicode_space_between_digit_groups(self, raw: str) -> None:
        assert [f.label for f in self.MOBILE.match_phone(raw)] == ["mobile"]
        assert [f.label for f in self.MOBILE.match_text(f"Bel {raw} na zes uur")] == ["mobile"]

    def test_double_zero_prefix_in_us_text(self) -> None:
        m = person(phones=[("mobile", "+13035550172")], country=Country.US)
        assert [f.label for f in m.match_text("call 001 303 555 0172 now")] == ["mobile"]
        assert m.match_text("call 001 303 555 0173 now") == []


class TestNameRules:
    def test_dotted_credential_letters_can_be_the_initials(self) -> None:
        m = person("Maarten Arend", "Wielsma")
        assert named(m, "Wielsma, M.A.")
        assert named(m, "dhr. M.A. Wielsma")
        assert named(m, "M. Wielsma, M.A.")
        assert not named(m, "K. Wielsma, M.A.")
        assert not named(m, "Wielsma, M.D.")  # a credential, and no given name left

    def test_one_letter_and_abbreviated_surname_words(self) -> None:
        irish = person("Cathal", "Ó Floinn")
        assert named(irish, "Cathal Ó Floinn")
        assert named(irish, "Ó Floinn, C.")
        assert named(irish, "C. O Floinn")
        assert not named(irish, "Cathal Floinn")
        saint = person("Imogen", "St. Aubyn")
        assert named(saint, "Imogen St. Aubyn, M.D.")
        assert named(saint, "St. Aubyn, I.")
        assert not named(saint, "K. St. Aubyn")

    def test_short_upper_case_surname_is_not_initials(self) -> None:
        m = person("Selin", "Baş")
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
        m = person("Ingrid", "Valkema")
        if "van Valkema" in text:
            m = person("Ingrid", "van Valkema")
        assert not named_in_text(m, text)

    def test_reversed_name_after_a_label_still_found(self) -> None:
        m = person("Ingrid", "Valkema")
        assert named_in_text(m, "Bestuurder: Valkema, Ingrid\nRechtsvorm: BV")
        assert named_in_text(m, "Leden: Valkema, Ingrid Valkema")


class TestAddressRules:
    HOME = nl_home("Tjaarda Ingenstraat", "41", "2", "8432 RT", "Alphen aan den Rijn")

    def test_article_after_a_connector_in_running_text(self) -> None:
        m = person(addresses=[self.HOME])
        text = "Ze woont aan de Tjaarda Ingenstraat 41-2 te Alphen aan den Rijn."
        assert addresses_in_text(m, text) == ["home"]

    def test_slash_abbreviation_of_a_city_alias(self) -> None:
        m = person(addresses=[self.HOME])
        assert addresses(m, "Tjaarda Ingenstraat 41-2, Alphen a/d Rijn") == ["home"]

    def test_comma_between_street_and_number_or_postcode_and_number(self) -> None:
        m = person(addresses=[self.HOME])
        assert addresses(m, "Tjaarda Ingenstraat, 41-2; 8432 RT; Alphen aan den Rijn.") == ["home"]
        assert addresses(m, "8432 RT, 41-2") == ["home"]
        assert addresses(m, "8432 RT, huisnummer 41") == ["home"]
        assert addresses(m, "8432 RT, 43") == []

    def test_place_before_the_street_in_running_text(self) -> None:
        m = person(addresses=[self.HOME])
        text = "Zijn adres: 8432 RT Alphen aan den Rijn, Tjaarda Ingenstraat 41-2. Bel hem."
        assert addresses_in_text(m, text) == ["home"]
        other = "Zijn adres: 8432 RT Alphen aan den Rijn, Tjaarda Ingenstraat 43. Bel hem."
        assert addresses_in_text(m, other) == []

    def test_sentence_end_after_the_number_is_not_an_addition(self) -> None:
        m = person(addresses=[nl_home("Ringweg", "17", "", "9201 KL", "Drachten")])
        text = "Adres: 9201 KL Drachten, Ringweg 17. Bel maar eens."
        assert addresses_in_text(m, text) == ["home"]


class TestPageTextRules:
    """Second red-team pass on page text: broken names, addresses as labelled fields."""

    HOME = nl_home("Wielewaalhof", "9", "A", "3817 ZZ", "Amersfoort")

    def test_name_broken_over_two_lines(self) -> None:
        m = person(given="Sanne", surname="de Wit")
        assert named_in_text(m, "Onze huisarts is Sanne\nde Wit en zij werkt op maandag.")
        assert named_in_text(m, "Our new physician is Dr. Sanne\nDe Wit, MD.")

    def test_broken_line_join_keeps_the_name_rules(self) -> None:
        m = person(given="Sanne", surname="de Wit")
        assert not named_in_text(m, "Contactpersoon: Pieter\nde Wit")  # another given name
        assert not named_in_text(m, "Gesprek met Sanne.\nDe Wit Installatietechniek B.V.")
        assert not named_in_text(m, "Familie: Sanne Bakker, Tom\nde Wit")

    def test_partner_name_in_running_text(self) -> None:
        m = Matcher(
            Profile.model_construct(
                names=[
                    PersonName(given="Sanne", surname="de Wit"),
                    PersonName(given="Sanne", surname="Jansen-de Wit"),
                ],
                addresses=[],
                phones=[],
                emails=[],
                country=Country.NL,
            )
        )
        assert named_in_text(m, "Dr. S. de Wit-Jansen is bereikbaar via de assistente.")
        assert named_in_text(m, "DE HUISARTS, MW. S. JANSEN-DE WIT, IS MET VERLOF.")

    def test_dutch_address_as_labelled_fields(self) -> None:
        m = person(addresses=[self.HOME])
        text = (
            "Straat: Wielewaalhof\nHuisnummer: 9\nToevoeging: A\nPostcode: 3817 ZZ\n"
            "Plaats: Amersfoort"
        )
        assert addresses_in_text(m, text) == ["home"]
        table = "Straat | Wielewaalhof\nHuisnummer | 9\nPlaats | Amersfoort"
        assert addresses_in_text(m, table) == ["home"]

    @pytest.mark.parametrize(
        "text",
        [
            "Straat: Wielewaalhof\nHuisnummer: 11\nPostcode: 3817 ZZ\nPlaats: Amersfoort",
            "Straat: Wielewaalhof\nHuisnummer: 9\nToevoeging: B\nPlaats: Amersfoort",
            "Straat: Wielewaalhof\nPlaats: Amersfoort",  # no number
            "Straat: Vogelweg\nHuisnummer: 9\nToevoeging: A\nPlaats: Amersfoort",
            "Straat: Wielewaalhof\nHuisnummer: 9\nPlaats: Leusden",
        ],
    )
    def test_labelled_fields_of_another_address(self, text: str) -> None:
        assert addresses_in_text(person(addresses=[self.HOME]), text) == []

    def test_english_address_as_labelled_fields(self) -> None:
        home = Address(
            label="home",
            street="Quillet Street",
            house_number="1408",
            addition="Apt 4B",
            postcode="60601",
            city="Chicago",
            state="IL",
            country=Country.US,
        )
        m = person(addresses=[home], country=Country.US)
        text = "Street: 1408 Quillet St\nApt: 4B\nCity: Chicago\nState: IL\nZIP: 60601"
        assert addresses_in_text(m, text) == ["home"]
        other = "Address: 1408 Quillet Street\nUnit: 5C\nCity: Chicago\nZip Code: 60601"
        assert addresses_in_text(m, other) == []


class TestParticlesAfterAOneLetterSurnameWord:
    def test_initial_that_is_also_a_surname_word(self) -> None:
        m = person(given="Tjitske", surname="in 't Veld")
        assert named(m, "Veld, T. in 't")
        assert named(m, "Veld in 't, T.")
        assert not named(m, "Veld, K. in 't")
