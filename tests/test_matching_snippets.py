"""Addresses in one-line directory entries and search-engine snippets: a name, a phone
number or an age and the address on one line, separated by spaces, pipes, dashes, middle
dots or slashes (MATCHING.md, running text). All people, streets and numbers invented."""

from __future__ import annotations

import pytest

from exposure_scan.matching import Matcher
from exposure_scan.profile import Address, Country
from tests.matching_factory import address, matcher


def person(address: Address, phone: str, country: Country) -> Matcher:
    return matcher(
        address,
        names=[("Wobbe", "Harkema")],
        phones={"mobile": phone},
        emails={"private": "wh@example.org"},
        country=country,
    )


NL = person(
    Address(
        label="home",
        street="Zilverschoonstraat",
        house_number="37",
        addition="B",
        postcode="3582 KT",
        city="Utrecht",
    ),
    "06-48213907",
    Country.NL,
)
US = person(
    Address(
        label="home",
        street="Tamarack Ave",
        house_number="5182",
        postcode="62704",
        city="Springfield",
        state="IL",
        country=Country.US,
    ),
    "(217) 555-0148",
    Country.US,
)
UK = person(
    Address(
        label="home",
        street="Kiln Lane",
        house_number="14",
        postcode="YO10 4QT",
        city="York",
        country=Country.UK,
    ),
    "07700 900417",
    Country.UK,
)


def found(m: Matcher, text: str, field: str = "address") -> list[str]:
    return [f.label for f in m.match_text(text) if f.field.value == field]


class TestStreetAfterNameOrNumber:
    """The street may start at a capitalised word after a name, a label or a number."""

    @pytest.mark.parametrize(
        "text",
        [
            "Harkema Zilverschoonstraat 37B, 3582 KT Utrecht",
            "W.J. Harkema Zilverschoonstraat 37 B Utrecht",
            "Tel 06-48213907 Zilverschoonstraat 37B, 3582 KT Utrecht",
            "06 48 21 39 07 Zilverschoonstraat 37B Utrecht",
            "Leeftijd: 52. Zilverschoonstraat 37B, 3582 KT Utrecht",
            "Wobbe Harkema, 52 jaar, Zilverschoonstraat 37-b, 3582KT Utrecht",
            "WOBBE HARKEMA ZILVERSCHOONSTRAAT 37B UTRECHT",
        ],
    )
    def test_nl(self, text: str) -> None:
        assert found(NL, text) == ["home"]

    @pytest.mark.parametrize(
        "text",
        [
            "Dr. Wobbe Harkema 5182 Tamarack Ave, Springfield, IL 62704",
            "Wobbe Harkema (217) 555-0148 5182 Tamarack Ave, Springfield, IL 62704",
            "Wobbe Harkema Age 52 5182 Tamarack Ave Springfield IL",
        ],
    )
    def test_us(self, text: str) -> None:
        assert found(US, text) == ["home"]

    @pytest.mark.parametrize(
        "text",
        [
            "Wobbe Harkema, 07700 900417, 14 Kiln Lane, York YO10 4QT",
            "Wobbe Harkema 07700 900417 14 Kiln Lane York YO10 4QT",
        ],
    )
    def test_uk(self, text: str) -> None:
        assert found(UK, text) == ["home"]


class TestSoftSeparators:
    """| - – — · • / between the parts of a line do not end the address."""

    @pytest.mark.parametrize("sep", [" | ", " - ", " – ", " — ", " · ", " • ", " / "])
    def test_nl(self, sep: str) -> None:
        text = f"Wobbe Harkema{sep}Zilverschoonstraat 37B{sep}3582 KT Utrecht"
        assert found(NL, text) == ["home"]
        assert found(NL, f"Wobbe Harkema{sep}Zilverschoonstraat 37B{sep}Utrecht") == ["home"]

    @pytest.mark.parametrize("sep", [" | ", " - ", " – ", " · ", " / "])
    def test_us_and_uk(self, sep: str) -> None:
        assert found(US, f"Wobbe Harkema{sep}5182 Tamarack Ave{sep}Springfield, IL") == ["home"]
        assert found(UK, f"Wobbe Harkema{sep}14 Kiln Lane{sep}York{sep}YO10 4QT") == ["home"]

    def test_place_name_article_after_a_dash_is_no_addition(self) -> None:
        m = person(
            Address(
                label="home",
                street="Van Swindenstraat",
                house_number="208",
                postcode="2515 PW",
                city="'s-Gravenhage",
            ),
            "06-48213907",
            Country.NL,
        )
        assert found(m, "W. Harkema · v. Swindenstr. 208 - 's-Gravenhage") == ["home"]
        assert found(m, "W. Harkema Van Swindenstraat 208 's-Gravenhage") == ["home"]


class TestStillAnotherBuilding:
    """Precision: the line shape does not loosen what counts as the same building."""

    @pytest.mark.parametrize(
        "text",
        [
            "Wobbe Harkema | Zilverschoonstraat 39B | 3582 KT Utrecht",  # neighbour
            "Wobbe Harkema - Zilverschoonstraat 37C - Utrecht",  # other unit
            "Wobbe Harkema · Zilverschoonstraat 37B · Amersfoort",  # other town
            "Wobbe Harkema | Zilverschoonstraat 37B | 3811 AB Utrecht",  # other postcode
            "Wobbe Harkema Kamillestraat 37B, 3582 KT Utrecht",  # other street
            "Wobbe Harkema | Zilverschoonstraat 37B | Tel 030-2345678 | Utrecht",
        ],
    )
    def test_nl(self, text: str) -> None:
        assert found(NL, text) == []

    @pytest.mark.parametrize(
        "prefix",
        ["Nieuwe", "Oude", "Korte", "Lange", "Burg.", "Prof.", "Dr.", "St.", "Sint", "Eerste"],
    )
    def test_street_name_word_in_front_makes_another_street(self, prefix: str) -> None:
        assert found(NL, f"Wobbe Harkema {prefix} Zilverschoonstraat 37B, Utrecht") == []
        assert found(NL, f"Wobbe Harkema | {prefix} Zilverschoonstraat 37B | Utrecht") == []

    @pytest.mark.parametrize("ordinal", ["1e", "2de", "3e"])
    def test_ordinal_in_front_makes_another_street(self, ordinal: str) -> None:
        assert found(NL, f"Wobbe Harkema {ordinal} Zilverschoonstraat 37B, Utrecht") == []

    @pytest.mark.parametrize(
        "text",
        [
            "Wobbe Harkema · 5182 Old Tamarack Ave, Springfield, IL 62704",
            "Wobbe Harkema · 5182 N Tamarack Ave, Springfield, IL 62704",
            "Wobbe Harkema · 5184 Tamarack Ave, Springfield, IL 62704",
            "Wobbe Harkema · 5182 Tamarack St, Springfield, IL 62704",
            "Wobbe Harkema | 5182 Tamarack Ave | Springfield, MO 65802",
            "Wobbe Harkema | 5182 Tamarack Ave Apt 3 | Springfield, IL 62704",
        ],
    )
    def test_us(self, text: str) -> None:
        assert found(US, text) == []

    @pytest.mark.parametrize(
        "text",
        [
            "Wobbe Harkema - 14 Upper Kiln Lane - York",
            "Wobbe Harkema - 16 Kiln Lane - York",
            "Wobbe Harkema - 14 Kiln Lane - Leeds",
            "Wobbe Harkema | Unit 14 Kiln Lane | York",  # 14 is the unit's number
            "Wobbe Harkema 5 14 Kiln Lane York",  # 5 may be a flat: not read
            "Wobbe Harkema, Flat 2, 14 Kiln Lane, York",  # a unit the profile lacks
        ],
    )
    def test_uk(self, text: str) -> None:
        assert found(UK, text) == []

    def test_spaced_slash_of_a_listing_is_no_flat(self) -> None:
        assert found(UK, "Wobbe Harkema / 14 Kiln Lane / York") == ["home"]
        assert found(UK, "Age 52 / 14 Kiln Lane / York") == ["home"]
        assert found(UK, "2/14 Kiln Lane, York") == []  # flat 2: a unit the profile lacks


class TestPhoneBeforeHouseNumber:
    """A house number written right after the phone number is not part of it."""

    @pytest.mark.parametrize(
        ("m", "text"),
        [
            (UK, "Wobbe Harkema 07700 900417 14 Kiln Lane York"),
            (UK, "Wobbe Harkema – 07700 – 900417 – 14 Kiln Lane - York"),
            (US, "Wobbe Harkema (217) 555-0148 5182 Tamarack Ave, Springfield, IL"),
            (NL, "Wobbe Harkema 06 48213907 37 Zilverschoonstraat"),
        ],
    )
    def test_found(self, m: Matcher, text: str) -> None:
        assert found(m, text, "phone") == ["mobile"]

    def test_other_number_still_differs(self) -> None:
        assert found(UK, "Wobbe Harkema 07700 900418 14 Kiln Lane York", "phone") == []


def vries(street: str, number: str, addition: str, postcode: str) -> Matcher:
    return matcher(
        address(street, number, addition, postcode, "Utrecht", checked=True),
        names=[("Jan Pieter", "de Vries")],
        phones={"mobile": "06-12345678"},
        emails={"private": "jpdv@example.org"},
    )


VRIES = vries("Voorbeeldstraat", "12", "A", "1234 AB")
GRACHT = vries("Nieuwegracht", "12", "", "3512 LS")
HALS = vries("Halsstraat", "12", "", "3512 LS")


class TestCapitalisedWordInFront:
    """A capitalised word in front of the street is read apart only after a separator, as
    the end of the profile's surname, or as a label, phone number or age; otherwise it may
    be part of another street's name (precision first)."""

    @pytest.mark.parametrize(
        "text",
        [
            "de Vries Voorbeeldstraat 12A, 1234 AB Utrecht",
            "Jan de Vries | Voorbeeldstraat 12A | 1234 AB Utrecht",
            "Jan de Vries - Voorbeeldstraat 12A - Utrecht",
            "Tel 06-12345678 Voorbeeldstraat 12A, 1234 AB Utrecht",
            "Leeftijd: 44. Voorbeeldstraat 12A, 1234 AB Utrecht",
            "Leeftijd: 44 Voorbeeldstraat 12A, 1234 AB Utrecht",
            "J.P. de Vries Voorbeeldstraat 12 A Utrecht",
            "Adres Voorbeeldstraat 12A, 1234 AB Utrecht",
            "Woonplaats: Utrecht; Voorbeeldstraat 12A, 1234 AB Utrecht",
        ],
    )
    def test_reviewer_positives(self, text: str) -> None:
        assert found(VRIES, text) == ["home"]

    @pytest.mark.parametrize(
        "word",
        [
            "Keizer", "Pater", "Ir.", "Minister", "Luitenant", "Gouverneur", "Bisschop",
            "Juffrouw", "Zuidelijke", "Noordelijke", "Oostelijke", "Westelijke", "Verlengde",
            "Kromme", "Hooge", "Groote", "Nwe", "Z.", "Buitenste", "Binnenste", "Zevende",
            "Achtste", "Frans", "Pieter",
        ],
    )  # fmt: skip
    def test_nl_word_in_front_is_another_street(self, word: str) -> None:
        assert found(GRACHT, f"Bewoners: J. de Vries {word} Nieuwegracht 12 Utrecht") == []
        assert found(GRACHT, f"Bewoners: {word} Nieuwegracht 12, 3512 LS Utrecht") == []
        assert found(VRIES, f"J.P. de Vries {word} Voorbeeldstraat 12A, Utrecht") == []
        if word not in ("Frans", "Pieter"):  # all in lower case a first name is any word
            assert found(VRIES, f"{word} Voorbeeldstraat 12A, 1234 AB Utrecht".lower()) == []

    def test_kromme_nieuwegracht_is_another_street(self) -> None:
        text = "Bewoners: J. de Vries Kromme Nieuwegracht 12 Utrecht"
        assert found(GRACHT, text) == []
        assert found(GRACHT, "Bewoners: J. de Vries Nieuwegracht 12 Utrecht") == ["home"]
        assert found(GRACHT, "Bewoners: J. de Vries | Nieuwegracht 12 | Utrecht") == ["home"]

    def test_first_name_in_front_is_another_street(self) -> None:
        assert found(HALS, "Wonen aan de Frans Halsstraat 12 in Utrecht") == []
        assert found(HALS, "Frans Halsstraat 12, 3512 LS Utrecht") == []
        assert found(HALS, "De Vries Frans Halsstraat 12 Utrecht") == []
        assert found(HALS, "J. de Vries Halsstraat 12 Utrecht") == ["home"]

    def test_someone_elses_name_in_front_is_a_miss(self) -> None:
        # Without a separator the line cannot tell Piet Jansen from a street-name part:
        # precision first, the address is not read (the name matcher finds no name either).
        assert found(VRIES, "Piet Jansen Voorbeeldstraat 12A, 1234 AB Utrecht") == []
        assert found(VRIES, "Piet Jansen | Voorbeeldstraat 12A | 1234 AB Utrecht") == ["home"]

    @pytest.mark.parametrize("word", ["Plot", "Block", "Studio", "Maisonette", "Garage"])
    def test_uk_word_in_front_of_the_number(self, word: str) -> None:
        assert found(UK, f"Wobbe Harkema {word} 14 Kiln Lane York") == []
        assert found(UK, f"Wobbe Harkema | {word} 14 Kiln Lane | York") == []
        assert found(UK, f"{word} 14 Kiln Lane, York YO10 4QT".lower()) == []

    def test_uk_short_number_in_front(self) -> None:
        assert found(UK, "Wobbe Harkema 120 14 Kiln Lane York") == []
        assert found(UK, "Plot 120 14 Kiln Lane, York YO10 4QT") == []
        assert found(UK, "Wobbe Harkema 07700 900417 14 Kiln Lane York") == ["home"]
        assert found(UK, "Wobbe Harkema 07700 900 417 14 Kiln Lane York") == ["home"]
        assert found(UK, "Wobbe Harkema 07700 900417 120 14 Kiln Lane York") == []

    def test_phone_with_a_slash_in_front(self) -> None:
        assert found(NL, "W. Harkema 06/48213907 Zilverschoonstraat 37B Utrecht") == ["home"]

    @pytest.mark.parametrize("word", ["Box", "Route", "Hwy", "Pier"])
    def test_us_word_in_front_of_the_number(self, word: str) -> None:
        assert found(US, f"Wobbe Harkema {word} 5182 Tamarack Ave, Springfield, IL") == []
        assert found(US, f"Wobbe Harkema · {word} 5182 Tamarack Ave · Springfield, IL") == []

    def test_us_number_inside_a_phone_number(self) -> None:
        assert found(US, "217-555-5182 Tamarack Ave, Springfield, IL 62704") == []
        assert found(US, "Wobbe Harkema 217-555-5182 Tamarack Ave Springfield IL") == []
        assert found(US, "(217) 555-5182 Tamarack Ave, Springfield, IL 62704") == []
        assert found(US, "217-555-0148 5182 Tamarack Ave, Springfield, IL") == ["home"]

    def test_surname_that_could_begin_a_street_name(self) -> None:
        groot = matcher(
            address("Brinkstraat", "127", postcode="4811 AB", city="Breda", checked=True),
            names=[("Pieter", "de Groot")],
        )
        assert found(groot, "P. de Groot Brinkstr. 127, Breda") == ["home"]
        assert found(groot, "Bewoners: Groot Brinkstraat 127, Breda") == []

    def test_apostrophe_surname_and_extension(self) -> None:
        us = matcher(*US.profile.addresses, names=[("Rhys", "O'Sullivan")], country=Country.US)
        assert found(us, "Rhys O'Sullivan 5182 Tamarack Ave · Springfield, IL") == ["home"]
        text = "W. Harkema (217) 555-0148 ext. 14 5182 Tamarack Ave, Springfield, IL"
        assert found(US, text) == ["home"]
