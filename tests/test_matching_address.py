"""Address matching, rule by rule (MATCHING.md, "Address"). Streets and people invented."""

from __future__ import annotations

import pytest

from exposure_scan.matching import Matcher
from exposure_scan.profile import Address, Country, PersonName, Profile


def matcher(*addresses: Address, country: Country = Country.NL) -> Matcher:
    return Matcher(
        Profile.model_construct(
            names=[PersonName(given="Test", surname="Persoon")],
            addresses=list(addresses),
            phones=[],
            emails=[],
            country=country,
        )
    )


def nl(label: str, street: str, number: str, addition: str, postcode: str, city: str) -> Address:
    return Address.model_construct(
        label=label,
        street=street,
        house_number=number,
        addition=addition,
        postcode=postcode,
        city=city,
        state="",
        country=Country.NL,
        private=None,
    )


def us(
    label: str, street: str, number: str, unit: str, zip_: str, city: str, state: str
) -> Address:
    return Address.model_construct(
        label=label,
        street=street,
        house_number=number,
        addition=unit,
        postcode=zip_,
        city=city,
        state=state,
        country=Country.US,
        private=None,
    )


def uk(label: str, street: str, number: str, flat: str, postcode: str, city: str) -> Address:
    return Address.model_construct(
        label=label,
        street=street,
        house_number=number,
        addition=flat,
        postcode=postcode,
        city=city,
        state="",
        country=Country.UK,
        private=None,
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
