"""Address matching, rule by rule (MATCHING.md, "Address"). Streets and people invented."""

from __future__ import annotations

import pytest

from exposure_scan.matching import Matcher
from exposure_scan.profile import Address, Country
from tests.matching_factory import (
    address,
    address_labels,
    address_labels_in_text,
    matcher,
    nl,
    uk,
    us,
)

DUTCH = matcher(
    nl("home", "Burgemeester Visserstraat", "14", "B", "3581 KL", "Utrecht"),
    nl("practice", "Lange Laan", "123", "III", "2514 AA", "'s-Gravenhage"),
    nl("previous", "Torenweg", "62", "1", "8011 XY", "Zwolle"),
    nl("partner", "Sint Annaplein", "7", "", "5211 ZZ", "'s-Hertogenbosch"),
)
AMERICAN = matcher(
    us("home", "North Birch Avenue", "4410", "Apt 2C", "80203", "Denver", "CO"),
    us("practice", "Harbor Boulevard", "77", "Suite 310", "97201", "Portland", "OR"),
    country=Country.US,
)
BRITISH = matcher(
    uk("home", "Mill Lane", "10", "Flat 2", "YO1 7HH", "York"),
    uk("practice", "Castle Street", "4", "", "EH2 3AH", "Edinburgh"),
    country=Country.UK,
)


def labels(m: Matcher, raw: str) -> list[str]:
    return sorted(f.label for f in m.match_address(raw))


class TestDutchAddresses:
    @pytest.mark.parametrize(
        "raw",
        [
            "Burgemeester Visserstraat 14B, 3581 KL Utrecht",
            "Burg. Visserstraat 14-b, Utrecht",
            "Burgem. Visserstr. 14 B, UTRECHT",
            "burgemeester visserstraat 14-B\n3581kl utrecht",
            "3581 KL Utrecht, Burgemeester Visserstraat 14B",
            "Burgemeester Visserstraat 14 te Utrecht",
            "Burgemeester Visserstraat 14B, 3581 KL Utrecht, Nederland",
            "3581KL 14B",
            "3581 kl 14",
        ],
    )
    def test_same_building(self, raw: str) -> None:
        assert labels(DUTCH, raw) == ["home"]

    @pytest.mark.parametrize(
        "raw",
        [
            "Burgemeester Visserstraat 15B, 3581 KL Utrecht",  # other number
            "Burgemeester Visserstraat 141, Utrecht",
            "Burgemeester Visserstraat 14C, Utrecht",  # other addition
            "Burgemeester Visserweg 14B, Utrecht",  # other street type
            "Nieuwe Burgemeester Visserstraat 14B, Utrecht",
            "Burgemeester Visserstraat 14B, Amersfoort",  # other city
            "Burgemeester Visserstraat 14B, 3582 KL Utrecht",  # other postcode
            "Postbus 14, 3581 KL Utrecht",
            "3581KL 16",
            "Burgemeester Visserstraat 14B",  # no place at all
        ],
    )
    def test_not_the_building(self, raw: str) -> None:
        assert labels(DUTCH, raw) == []

    @pytest.mark.parametrize(
        "raw",
        [
            "Lange Laan 123-III, Den Haag",
            "Lange Ln. 123 III, 's-Gravenhage",
            "Lange Laan 123 3, 2514AA DEN HAAG",
            "Lange Laan 123, 2514 AA Den Haag",
            "Lange Laan 123-iii, The Hague",
        ],
    )
    def test_roman_floor_additions_and_city_aliases(self, raw: str) -> None:
        assert labels(DUTCH, raw) == ["practice"]

    def test_a_different_floor_is_another_home(self) -> None:
        assert labels(DUTCH, "Lange Laan 123-II, Den Haag") == []
        assert labels(DUTCH, "Korte Lange Laan 123-III, Den Haag") == []

    def test_numeric_additions_are_separated_from_the_number(self) -> None:
        for raw in ["Torenweg 62-1, Zwolle", "Torenweg 62 - 1, Zwolle", "Torenwg. 62, Zwolle"]:
            assert labels(DUTCH, raw) == ["previous"], raw
        assert labels(DUTCH, "Torenweg 621, Zwolle") == []
        assert labels(DUTCH, "Torenweg 62-2, Zwolle") == []

    def test_unit_added_where_the_profile_has_none(self) -> None:
        assert labels(DUTCH, "Sint Annaplein 7-2, Den Bosch") == []
        assert labels(DUTCH, "St. Annaplein 7, Den Bosch") == ["partner"]
        assert labels(DUTCH, "Sint Annapl. 7, 5211ZZ 'S-HERTOGENBOSCH") == ["partner"]

    def test_reason_names_the_parts_that_agreed(self) -> None:
        [found] = DUTCH.match_address("Burgemeester Visserstraat 14, 3581 KL Utrecht")
        assert found.reason == "same street, house number, postcode and city; addition not shown"
        assert found.private  # "home" is a private label
        [found] = DUTCH.match_address("3581KL 14B")
        assert found.reason == "same house number, addition and postcode"


class TestAmericanAddresses:
    @pytest.mark.parametrize(
        "raw",
        [
            "4410 North Birch Avenue, Apt 2C, Denver, CO 80203",
            "4410 N BIRCH AVE APT 2C DENVER CO 80203-1234",
            "4410 N Birch Ave #2C, Denver, Colorado",
            "4410 N. Birch Av., Unit 2C, Denver, CO, USA",
            "4410 North Birch Avenue, Denver, CO 80203",  # unit not shown
        ],
    )
    def test_same_building(self, raw: str) -> None:
        assert labels(AMERICAN, raw) == ["home"]

    @pytest.mark.parametrize(
        "raw",
        [
            "4410 South Birch Avenue, Denver, CO 80203",  # other directional
            "4410 Birch Avenue, Denver, CO 80203",  # directional missing
            "4410 North Birch Street, Denver, CO 80203",  # other street type
            "4410 North Birch Avenue Apt 3C, Denver, CO 80203",  # other unit
            "4411 North Birch Avenue, Denver, CO 80203",
            "4410 North Birch Avenue, Boulder, CO 80302",
            "4410 North Birch Avenue, Denver, TX 80203",
            "PO Box 4410, Denver, CO 80203",
        ],
    )
    def test_not_the_building(self, raw: str) -> None:
        assert labels(AMERICAN, raw) == []

    def test_suite_spellings(self) -> None:
        for raw in [
            "77 Harbor Blvd Ste 310, Portland, OR 97201",
            "77 HARBOR BLVD #310 PORTLAND OR",
            "77 Harbor Boulevard, Suite 310, Portland, Oregon 97201",
        ]:
            assert labels(AMERICAN, raw) == ["practice"], raw
        assert labels(AMERICAN, "77 Harbor Blvd Ste 311, Portland, OR 97201") == []
        assert labels(AMERICAN, "77 Harbor Blvd N, Portland, OR 97201") == []


class TestBritishAddresses:
    @pytest.mark.parametrize(
        "raw",
        [
            "Flat 2, 10 Mill Lane, York YO1 7HH",
            "2/10 Mill Ln, YO1 7HH",
            "FLAT 2 10 MILL LANE YORK",
            "10 Mill Lane, York, YO17HH, United Kingdom",
            "10 Mill Lane, York",
        ],
    )
    def test_same_building(self, raw: str) -> None:
        assert labels(BRITISH, raw) == ["home"]

    @pytest.mark.parametrize(
        "raw",
        [
            "Flat 3, 10 Mill Lane, York YO1 7HH",
            "3/10 Mill Ln, YO1 7HH",
            "10 Mill Road, York YO1 7HH",
            "10 Mill Lane, Leeds LS1 1AA",
            "10 Mill Lane, York YO1 7HJ",
        ],
    )
    def test_not_the_building(self, raw: str) -> None:
        assert labels(BRITISH, raw) == []

    def test_high_street_abbreviation(self) -> None:
        assert labels(BRITISH, "4 Castle St, Edinburgh, EH23AH") == ["practice"]


class TestAddressesInText:
    def test_dutch_running_text(self) -> None:
        text = "Zij woont op nummer 14B van de Burgemeester Visserstraat in Utrecht, zegt men."
        assert [m.label for m in DUTCH.match_text(text) if m.field.value == "address"] == ["home"]

    def test_address_on_two_lines(self) -> None:
        text = "Praktijk\nLange Laan 123 III\n2514 AA Den Haag\nTel. 070-0000000"
        found = [m for m in DUTCH.match_text(text) if m.field.value == "address"]
        assert [m.label for m in found] == ["practice"]

    def test_sentence_after_the_address(self) -> None:
        text = "Dr. X woont op Torenweg 62-1, Zwolle. Bel maar eens."
        found = [m for m in DUTCH.match_text(text) if m.field.value == "address"]
        assert [m.label for m in found] == ["previous"]
        assert found[0].observed == "Torenweg 62-1, Zwolle"

    def test_other_address_in_text(self) -> None:
        text = "Nieuw adres: Torenweg 64, Zwolle. Lange Laan 12, Den Haag."
        assert not [m for m in DUTCH.match_text(text) if m.field.value == "address"]

    def test_american_listing(self) -> None:
        text = "Current address: 4410 N Birch Ave #2C, Denver, CO 80203-9999\nPhone: n/a"
        found = [m for m in AMERICAN.match_text(text) if m.field.value == "address"]
        assert [m.label for m in found] == ["home"]


# -- found by red-teaming with bench/synth.py and by a fresh reading of MATCHING.md -------------


def valkema(*addresses: Address, country: Country = Country.NL) -> Matcher:
    return matcher(
        *addresses,
        names=[("Ingrid", "Valkema")],
        emails={"private": "iv@example.org"},
        country=country,
    )


def vermaat(*addresses: Address, country: Country = Country.NL) -> Matcher:
    return matcher(*addresses, names=[("Ilse", "Vermaat")], country=country)


class TestAddressRules:
    HOME = address("Tjaarda Ingenstraat", "41", "2", "8432 RT", "Alphen aan den Rijn", checked=True)

    def test_article_after_a_connector_in_running_text(self) -> None:
        m = valkema(self.HOME)
        text = "Ze woont aan de Tjaarda Ingenstraat 41-2 te Alphen aan den Rijn."
        assert address_labels_in_text(m, text) == ["home"]

    def test_slash_abbreviation_of_a_city_alias(self) -> None:
        m = valkema(self.HOME)
        assert address_labels(m, "Tjaarda Ingenstraat 41-2, Alphen a/d Rijn") == ["home"]

    def test_comma_between_street_and_number_or_postcode_and_number(self) -> None:
        m = valkema(self.HOME)
        assert address_labels(m, "Tjaarda Ingenstraat, 41-2; 8432 RT; Alphen aan den Rijn.") == [
            "home"
        ]
        assert address_labels(m, "8432 RT, 41-2") == ["home"]
        assert address_labels(m, "8432 RT, huisnummer 41") == ["home"]
        assert address_labels(m, "8432 RT, 43") == []

    def test_place_before_the_street_in_running_text(self) -> None:
        m = valkema(self.HOME)
        text = "Zijn adres: 8432 RT Alphen aan den Rijn, Tjaarda Ingenstraat 41-2. Bel hem."
        assert address_labels_in_text(m, text) == ["home"]
        other = "Zijn adres: 8432 RT Alphen aan den Rijn, Tjaarda Ingenstraat 43. Bel hem."
        assert address_labels_in_text(m, other) == []

    def test_sentence_end_after_the_number_is_not_an_addition(self) -> None:
        m = valkema(address("Ringweg", "17", "", "9201 KL", "Drachten", checked=True))
        text = "Adres: 9201 KL Drachten, Ringweg 17. Bel maar eens."
        assert address_labels_in_text(m, text) == ["home"]


class TestLabelledFields:
    """Addresses written as labelled fields, one a line (second red-team pass)."""

    HOME = address("Wielewaalhof", "9", "A", "3817 ZZ", "Amersfoort", checked=True)

    def test_dutch_address_as_labelled_fields(self) -> None:
        m = valkema(self.HOME)
        text = (
            "Straat: Wielewaalhof\nHuisnummer: 9\nToevoeging: A\nPostcode: 3817 ZZ\n"
            "Plaats: Amersfoort"
        )
        assert address_labels_in_text(m, text) == ["home"]
        table = "Straat | Wielewaalhof\nHuisnummer | 9\nPlaats | Amersfoort"
        assert address_labels_in_text(m, table) == ["home"]

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
        assert address_labels_in_text(valkema(self.HOME), text) == []

    def test_english_address_as_labelled_fields(self) -> None:
        home = address(
            "Quillet Street", "1408", "Apt 4B", "60601", "Chicago",
            country=Country.US, state="IL", checked=True,
        )  # fmt: skip
        m = valkema(home, country=Country.US)
        text = "Street: 1408 Quillet St\nApt: 4B\nCity: Chicago\nState: IL\nZIP: 60601"
        assert address_labels_in_text(m, text) == ["home"]
        other = "Address: 1408 Quillet Street\nUnit: 5C\nCity: Chicago\nZip Code: 60601"
        assert address_labels_in_text(m, other) == []


QUEENS = address(
    "81st Street", "34-18", "Apt 2C", "11372", "Jackson Heights", country=Country.US, state="NY"
)


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("34-18 81st St Apt 2C, Jackson Heights, NY 11372", ["home"]),
        ("34-18 81ST ST #2C JACKSON HEIGHTS NY 11372-1234", ["home"]),
        ("34-18 81st Street, Jackson Heights, New York", ["home"]),
        ("3418 81st St, Jackson Heights, NY 11372", []),  # another house
        ("34-20 81st St, Jackson Heights, NY 11372", []),
        ("34-18 81st St Apt 3C, Jackson Heights, NY 11372", []),
    ],
)
def test_queens_hyphenated_house_number_is_one_number(raw: str, label: list[str]) -> None:
    assert address_labels(vermaat(QUEENS, country=Country.US), raw) == label


HALF = address("Elm Street", "27 1/2", "", "03301", "Concord", country=Country.US, state="NH")


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("27 1/2 Elm St, Concord, NH 03301", ["home"]),
        ("27½ Elm Street, Concord, New Hampshire", ["home"]),
        ("27 Elm St, Concord, NH 03301", []),  # the whole-number house is another lot
        ("29 1/2 Elm St, Concord, NH 03301", []),
    ],
)
def test_fractional_house_number(raw: str, label: list[str]) -> None:
    assert address_labels(vermaat(HALF, country=Country.US), raw) == label


def test_plain_number_is_not_a_half_lot() -> None:
    plain = address("Elm Street", "27", "", "03301", "Concord", country=Country.US, state="NH")
    assert (
        address_labels(vermaat(plain, country=Country.US), "27 1/2 Elm St, Concord, NH 03301") == []
    )


GLASGOW = address("Hyndland Road", "14", "Flat 2/1", "G12 9UY", "Glasgow", country=Country.UK)


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("Flat 2/1, 14 Hyndland Road, Glasgow G12 9UY", ["home"]),
        ("FLAT 2/1 14 HYNDLAND RD GLASGOW G129UY", ["home"]),
        ("14 Hyndland Road, Glasgow G12 9UY", ["home"]),
        ("Flat 1/2, 14 Hyndland Road, Glasgow G12 9UY", []),
        ("Flat 21, 14 Hyndland Road, Glasgow G12 9UY", []),
    ],
)
def test_glasgow_flat_position_keeps_its_slash(raw: str, label: list[str]) -> None:
    assert address_labels(vermaat(GLASGOW, country=Country.UK), raw) == label


EDINBURGH = address("Warrender Park Road", "31", "3F1", "EH9 1EU", "Edinburgh", country=Country.UK)


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("3F1, 31 Warrender Park Road, Edinburgh EH9 1EU", ["home"]),
        ("Flat 3F1, 31 Warrender Park Rd, Edinburgh", ["home"]),
        ("31 (3F1) Warrender Park Road, Edinburgh", ["home"]),
        ("2F1, 31 Warrender Park Road, Edinburgh EH9 1EU", []),
    ],
)
def test_edinburgh_flat_position(raw: str, label: list[str]) -> None:
    assert address_labels(vermaat(EDINBURGH, country=Country.UK), raw) == label


BRISTOL = address("Cotham Road", "8", "Basement Flat", "BS6 6DR", "Bristol", country=Country.UK)


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("Basement Flat, 8 Cotham Road, Bristol BS6 6DR", ["home"]),
        ("8 Cotham Rd, Bristol BS6 6DR", ["home"]),
        ("Top Floor Flat, 8 Cotham Road, Bristol BS6 6DR", []),
        ("Ground Floor Flat 8 Cotham Road Bristol", []),
    ],
)
def test_flat_named_by_its_floor(raw: str, label: list[str]) -> None:
    assert address_labels(vermaat(BRISTOL, country=Country.UK), raw) == label


def test_possessive_street_with_or_without_apostrophe() -> None:
    m = vermaat(
        address("Bishop's Walk", "6", "", "CR0 5BA", "Croydon", country=Country.UK),
        country=Country.UK,
    )
    assert address_labels(m, "6 Bishops Walk, Croydon CR0 5BA") == ["home"]
    assert address_labels(m, "6 BISHOP’S WALK, CROYDON") == ["home"]
    assert address_labels(m, "6 Bishop Walk, Croydon") == []


def test_house_name_or_co_line_before_the_street() -> None:
    m = vermaat(
        address("Church Lane", "3", "", "YO62 5AB", "Helmsley", country=Country.UK),
        country=Country.UK,
    )
    assert address_labels(m, "Ivy House, 3 Church Lane, Helmsley YO62 5AB") == ["home"]
    assert address_labels(m, "c/o Tom Briggs\n3 Church Lane\nHelmsley YO62 5AB") == ["home"]
    assert address_labels(m, "Ivy House, Church Lane, Helmsley YO62 5AB") == []  # no number
    assert address_labels(m, "Ivy House, 5 Church Lane, Helmsley YO62 5AB") == []


def test_v_d_abbreviates_van_de_der_den_in_a_street() -> None:
    m = vermaat(
        address(
            "Burgemeester van den Brinklaan", "40", "", "3811 KL", "Amersfoort", country=Country.NL
        )
    )
    assert address_labels(m, "Burg. v.d. Brinklaan 40, Amersfoort") == ["home"]
    assert address_labels(m, "Burgemeester v. d. Brinklaan 40, 3811KL") == ["home"]
    assert address_labels(m, "Burgemeester van der Brinklaan 40, Amersfoort") == []


def test_listing_dot_separates_the_address() -> None:
    m = vermaat(address("Weverstraat", "19", "", "6862 DK", "Oosterbeek", country=Country.NL))
    found = m.match_text(
        "Huisartsenpraktijk Weverstraat · 4,6 ★\nHuisarts · Weverstraat 19, Oosterbeek"
    )
    assert [f.label for f in found if f.field.value == "address"] == ["home"]


def test_town_in_the_clause_before_the_street() -> None:
    m = vermaat(address("Molenstraat", "51", "", "5341 GC", "Oss", country=Country.NL))
    text = "verweerder, huisarts, kantoorhoudende te Oss, aan de Molenstraat 51, wordt berispt."
    assert [f.label for f in m.match_text(text) if f.field.value == "address"] == ["home"]
    other = "verweerder, kantoorhoudende te Uden, aan de Molenstraat 51, wordt berispt."
    assert [f.label for f in m.match_text(other) if f.field.value == "address"] == []


@pytest.mark.parametrize(
    ("number", "addition", "shown"),
    [("13", "2", "13-2"), ("102", "1hg", "102-1hg"), ("74", "bis", "74-bis"), ("9", "", "9")],
)
def test_number_with_addition_before_van_de_street(number: str, addition: str, shown: str) -> None:
    m = vermaat(
        address("Lindengracht", number, addition, "1015 KD", "Amsterdam", country=Country.NL)
    )
    text = f"De arts woont op nummer {shown} van de Lindengracht in Amsterdam, zegt de buurvrouw."
    assert [f.label for f in m.match_text(text) if f.field.value == "address"] == ["home"]


def test_addition_digit_is_not_the_house_number() -> None:
    m = vermaat(address("Lindengracht", "2", "", "1015 KD", "Amsterdam", country=Country.NL))
    text = "De arts woont op nummer 13-2 van de Lindengracht in Amsterdam."
    assert m.match_text(text) == [] or all(f.field.value != "address" for f in m.match_text(text))


def test_short_word_after_a_number_is_not_a_postcode() -> None:
    m = vermaat(address("Plein 1944", "78", "hs", "1781 KL", "Den Helder", country=Country.NL))
    text = "Zij woont op nummer 78-hs van de Plein 1944 in Den Helder en werkt in Alkmaar."
    assert [f.label for f in m.match_text(text) if f.field.value == "address"] == ["home"]
    assert [f.label for f in m.match_address("plein 1944 78 hs, 1781 kl den helder")] == ["home"]


# -- words that are structure only where the address puts them (unit, state, addition) -------

HAZEL = nl("home", "Hazelaarlaan", "31", "2", "3722 KT", "Bilthoven")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a unit word elsewhere on the line is an ordinary word, or another address's unit
        ("Afhalen op Hazelaarlaan 31 te Bilthoven, na 19.00 uur. App even: 06-12345678", ["home"]),
        ("Hazelaarlaan 31-2 in Bilthoven, app maar als je komt.", ["home"]),
        ("Hazelaarlaan 31 te Bilthoven; de buren wonen op Eikenlaan 4 app 3.", ["home"]),
        ("Eikenlaan 4 app 3, Zeist. Wij wonen op Hazelaarlaan 31 te Bilthoven.", ["home"]),
        # in unit position it is still read, after the number, the place, or before the street
        ("Hazelaarlaan 31 app 3, Bilthoven", []),
        ("Hazelaarlaan 31, app. 3, Bilthoven", []),
        ("Hazelaarlaan 31 te Bilthoven, app. 3", []),
        ("Hazelaarlaan 31 te Bilthoven (app 3)", []),
        ("App. 3, Hazelaarlaan 31, Bilthoven", []),
        ("app 3 op Hazelaarlaan 31 te Bilthoven", []),
        ("I. Vermaat | App. 3 | Hazelaarlaan 31 | Bilthoven", []),
        ("Hazelaarlaan 31 · Bilthoven · app. 3", []),
        ("Hazelaarlaan 31 app 2, Bilthoven", ["home"]),
        # your unit in another address is not yours
        ("Eikenlaan 31 app 2, Bilthoven", []),
    ],
)
def test_unit_word_counts_only_in_unit_position(text: str, label: list[str]) -> None:
    assert address_labels_in_text(vermaat(HAZEL), text) == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Penningmeester Floor Hazeveld (Hazelaarlaan 31-2 in Bilthoven) zoekt hulp.", ["home"]),
        ("Floor Hazeveld, Hazelaarlaan 31, Bilthoven", ["home"]),
        ("Hazelaarlaan 31-2, Bilthoven. Floor 3 van het gemeentehuis is dicht.", ["home"]),
    ],
)
def test_a_name_is_not_a_floor_word(text: str, label: list[str]) -> None:
    assert address_labels_in_text(vermaat(HAZEL), text) == label


def test_a_floor_in_unit_position_still_counts() -> None:
    mill = uk("home", "Mill Lane", "10", "Flat 2", "YO1 7HH", "York")
    m = vermaat(mill, country=Country.UK)
    assert address_labels_in_text(m, "Viewing: 10 Mill Lane, York. Floor 3 of the hall.") == [
        "home"
    ]
    assert address_labels_in_text(m, "Viewing: 10 Mill Lane, Floor 3, York") == []
    assert address_labels_in_text(m, "Viewing: Top Floor Flat, 10 Mill Lane, York") == []


PORTLAND = us("home", "Harbor Boulevard", "77", "", "97201", "Portland", "OR")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # "in", "or", "Ms" are words; a state is written as one, where a state stands
        ("Open house at 77 Harbor Blvd in Portland, OR this Sunday.", ["home"]),
        ("Open house at 77 Harbor Blvd in Portland with Ms Lindgren.", ["home"]),
        ("We lived at 77 Harbor Blvd, Portland, in 2019.", ["home"]),
        ("He lives at 77 Harbor Blvd, Portland, Or.", ["home"]),
        # another state after the town, before the ZIP code, or at the end
        ("He lives at 77 Harbor Blvd in Portland, IN 46402.", []),
        ("He lives at 77 Harbor Blvd in Portland, IN.", []),
        ("He lives at 77 Harbor Blvd, Portland, Me.", []),
        ("He lives at 77 Harbor Blvd, Portland, Maine.", []),
        ("77 harbor blvd, portland, in", []),
        ("77 HARBOR BLVD, PORTLAND, IN", []),
    ],
)
def test_state_code_only_in_state_position(text: str, label: list[str]) -> None:
    assert address_labels_in_text(vermaat(PORTLAND, country=Country.US), text) == label


def test_indiana_written_as_a_state_is_read() -> None:
    gary = us("home", "Oak Street", "12", "", "46402", "Gary", "IN")
    m = vermaat(gary, country=Country.US)
    assert address_labels(m, "12 Oak St, Gary, IN 46402") == ["home"]
    assert address_labels_in_text(m, "She lives at 12 Oak St in Gary, IN 46402.") == ["home"]
    assert address_labels(m, "12 Oak St, Gary, OH 46402") == []


def test_florida_is_a_state_not_a_floor() -> None:
    miami = us("home", "Palm Avenue", "120", "", "33101", "Miami", "FL")
    m = vermaat(miami, country=Country.US)
    assert address_labels(m, "120 Palm Ave, Miami, FL 33101") == ["home"]
    assert address_labels_in_text(m, "Office: 120 Palm Ave, Miami, FL 33101-1234") == ["home"]
    assert address_labels(m, "120 Palm Ave, Fl 3, Miami, FL 33101") == []  # a floor she lacks


def test_lower_case_country_code_is_a_word() -> None:
    m = vermaat(uk("home", "Mill Lane", "10", "", "YO1 7HH", "York"), country=Country.UK)
    assert address_labels_in_text(m, "Drop in at 10 Mill Lane, York with us.") == ["home"]
    assert address_labels_in_text(m, "Drop in at 10 Mill Lane, York, US.") == []


@pytest.mark.parametrize(
    ("city", "postcode", "shown"),
    [
        ("De Bilt", "3731 AB", "Kerkstraat 12 De Bilt"),
        ("Den Haag", "2511 AB", "Kerkstraat 12 Den Haag"),
        ("Den Helder", "1781 AB", "kerkstraat 12 den helder"),
    ],
)
def test_a_place_name_after_the_number_is_no_addition(city: str, postcode: str, shown: str) -> None:
    m = vermaat(address("Kerkstraat", "12", "", postcode, city, country=Country.NL))
    assert address_labels(m, shown) == ["home"]
    assert address_labels_in_text(m, f"Adres: {shown}.") == ["home"]
    assert address_labels(m, shown.replace("12", "14")) == []


def test_a_short_word_after_the_number_is_no_addition() -> None:
    m = vermaat(address("Kerkstraat", "12", "B", "3511 AB", "Utrecht", country=Country.NL))
    assert address_labels(m, "Kerkstraat 12 ZW, Utrecht") == []  # an addition in capitals
    assert address_labels(m, "Kerkstraat 12 hs, Utrecht") == []
    assert address_labels(m, "Kerkstraat 12 b, Utrecht") == ["home"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Bezoekadres: Hazelaarlaan 31, Bilthoven. Postadres: Postbus 123, 3720 AA Bilthoven.",
            ["home"],
        ),
        ("Hazelaarlaan 31, 3722 KT Bilthoven | Postbus 123, 3720 AA Bilthoven", ["home"]),
        ("Postbus 31, Hazelaarlaan 31, Bilthoven", []),
    ],
)
def test_po_box_elsewhere_on_the_line_is_another_address(text: str, label: list[str]) -> None:
    assert address_labels_in_text(vermaat(HAZEL), text) == label


def test_po_box_within_the_address_is_never_the_building() -> None:
    m = vermaat(us("home", "Birch Avenue", "4410", "", "80203", "Denver", "CO"), country=Country.US)
    assert address_labels_in_text(m, "Mail: PO Box 4410 Birch Ave, Denver, CO 80203") == []
    assert address_labels_in_text(m, "P.O. Box 12, 4410 Birch Ave, Denver, CO 80203") == []
    assert address_labels(m, "4410 Birch Ave, PO Box 12, Denver, CO 80203") == []
    text = "Office: 4410 Birch Ave, Denver, CO 80203 · Mail: PO Box 77, Denver, CO 80201"
    assert address_labels_in_text(m, text) == ["home"]


def test_a_town_starting_with_a_directional_is_no_post_directional() -> None:
    bend = us("home", "Main Street", "12", "", "46601", "South Bend", "IN")
    m = vermaat(bend, country=Country.US)
    assert address_labels(m, "12 Main Street South Bend IN 46601") == ["home"]
    assert address_labels(m, "12 Main St North, South Bend, IN") == []  # Main St North
    assert address_labels(m, "12 Main St South, Bend, IN") == []
    shields = uk("home", "Mill Lane", "10", "", "NE33 1AA", "South Shields")
    assert address_labels_in_text(
        vermaat(shields, country=Country.UK), "10 Mill Lane South Shields"
    ) == ["home"]
