"""Place words around the town: counties, provinces, countries, and city spelling rules
(MATCHING.md, "the same place"). All people and streets are invented."""

from __future__ import annotations

import pytest

from exposure_scan.matching import Matcher
from exposure_scan.matching.address.profileaddress import city_forms
from exposure_scan.profile import Country
from tests.matching_factory import address, matcher


def person(
    country: Country, street: str, number: str, postcode: str, city: str, **kw: str
) -> Matcher:
    home = address(
        street, number, postcode=postcode, city=city, country=country, checked=True, **kw
    )
    return matcher(
        home,
        names=[("Ottilie", "Brakenhoff")],
        emails={"private": "ob@example.org"},
        country=country,
    )


def shows(m: Matcher, raw: str) -> bool:
    return [f.label for f in m.match_address(raw)] == ["home"]


YORK = person(Country.UK, "Quillet Lane", "14", "YO1 7QQ", "York", addition="Flat 2")
BELFAST = person(Country.UK, "Quillet Lane", "14", "BT1 7QQ", "Belfast")
SALFORD = person(Country.UK, "Quillet Lane", "14", "M5 7QQ", "Salford")
AMERSFOORT = person(Country.NL, "Wielewaalhof", "9", "3817 ZZ", "Amersfoort")
HAARLEM = person(Country.NL, "Wielewaalhof", "9", "2011 ZZ", "Haarlem")
BERGEN = person(Country.NL, "Wielewaalhof", "9", "1861 ZZ", "Bergen (NH)")
CHICAGO = person(Country.US, "Quillet Street", "1408", "60601", "Chicago", state="IL")
ORANGE = person(Country.US, "Quillet Street", "1408", "92866", "Orange", state="CA")


class TestUkCounties:
    @pytest.mark.parametrize(
        "raw",
        [
            "Flat 2, 14 Quillet Lane, York, North Yorkshire YO1 7QQ",
            "14 Quillet Lane, York, N. Yorks",
            "14 Quillet Lane\nYork\nYorkshire\nYO1 7QQ\nUnited Kingdom",
            "14 Quillet Ln, York, North Yorkshire, YO1 7QQ, England",
        ],
    )
    def test_county_after_the_town_is_tolerated(self, raw: str) -> None:
        assert shows(YORK, raw)

    @pytest.mark.parametrize(
        "raw",
        [
            "14 Quillet Lane, Belfast, Co. Antrim BT1 7QQ",
            "14 Quillet Lane, Belfast, County Antrim",
            "14 Quillet Lane, Belfast, Antrim",  # the county's bare name, after the town
            "14 Quillet Lane, Belfast BT1 7QQ, Northern Ireland",
        ],
    )
    def test_northern_irish_county_forms(self, raw: str) -> None:
        assert shows(BELFAST, raw)

    def test_metropolitan_county(self) -> None:
        assert shows(SALFORD, "14 Quillet Lane, Salford, Greater Manchester M5 7QQ")

    @pytest.mark.parametrize(
        "raw",
        [
            "14 Quillet Lane, Selby, North Yorkshire",  # another town of the same county
            "14 Quillet Lane, Selby, North Yorkshire YO1 7QQ",
            "14 Quillet Lane, North Yorkshire",  # a county alone is no place
        ],
    )
    def test_another_town_in_the_county_still_differs(self, raw: str) -> None:
        assert not shows(YORK, raw)

    def test_county_named_like_a_town_is_a_town_when_it_stands_alone(self) -> None:
        assert not shows(BELFAST, "14 Quillet Lane, Antrim, Co. Antrim")
        assert not shows(BELFAST, "14 Quillet Lane, Antrim BT1 7QQ")


class TestDutchProvinces:
    @pytest.mark.parametrize(
        "raw",
        [
            "Wielewaalhof 9, 2011 ZZ Haarlem, Noord-Holland",
            "Wielewaalhof 9, Haarlem (NH)",
            "Wielewaalhof 9, 2011 ZZ Haarlem N-H",
            "Wielewaalhof 9, Haarlem, Noord Holland, Nederland",
            "Wielewaalhof 9\n2011ZZ HAARLEM\nThe Netherlands",
        ],
    )
    def test_province_and_country_after_the_town(self, raw: str) -> None:
        assert shows(HAARLEM, raw)

    def test_province_named_like_a_town(self) -> None:
        assert shows(AMERSFOORT, "Wielewaalhof 9, Amersfoort, Utrecht")
        assert shows(AMERSFOORT, "Wielewaalhof 9, Amersfoort (U)")
        assert not shows(AMERSFOORT, "Wielewaalhof 9, 3817 ZZ Utrecht")  # another town
        assert not shows(AMERSFOORT, "Wielewaalhof 9, Utrecht")

    def test_another_town_of_the_province(self) -> None:
        assert not shows(HAARLEM, "Wielewaalhof 9, Zaandam, Noord-Holland")
        assert not shows(HAARLEM, "Wielewaalhof 9, 2011 ZZ Zaandam (NH)")

    def test_the_profiles_own_province_decides_between_namesake_towns(self) -> None:
        assert shows(BERGEN, "Wielewaalhof 9, Bergen NH")
        assert shows(BERGEN, "Wielewaalhof 9, Bergen, Noord-Holland")
        assert shows(BERGEN, "Wielewaalhof 9, 1861 ZZ Bergen")
        assert not shows(BERGEN, "Wielewaalhof 9, Bergen (L)")
        assert not shows(BERGEN, "Wielewaalhof 9, Bergen, Limburg")

    def test_district_after_the_town(self) -> None:
        assert shows(HAARLEM, "Wielewaalhof 9, Haarlem-Noord")
        assert not shows(HAARLEM, "Wielewaalhof 9, Noord")


class TestUsCounties:
    @pytest.mark.parametrize(
        "raw",
        [
            "1408 Quillet St, Chicago, Cook County, IL 60601",
            "1408 Quillet St, Chicago, Cook County, Illinois",
            "1408 Quillet St, Chicago, IL 60601, United States",
        ],
    )
    def test_county_after_the_town(self, raw: str) -> None:
        assert shows(CHICAGO, raw)

    def test_another_town_of_the_county(self) -> None:
        assert not shows(CHICAGO, "1408 Quillet St, Evanston, Cook County, IL")

    def test_county_named_like_the_town_is_not_the_town(self) -> None:
        assert shows(ORANGE, "1408 Quillet St, Orange, Orange County, CA")
        assert not shows(ORANGE, "1408 Quillet St, Orange County, CA")


def _town(country: Country, city: str) -> Matcher:
    if country == Country.NL:
        return person(country, "Quilletweg", "3", "9999 ZZ", city)
    return person(country, "Quillet Road", "3", "", city)


def _at(country: Country, shown: str) -> str:
    return f"Quilletweg 3, {shown}" if country == Country.NL else f"3 Quillet Road, {shown}"


class TestCitySpellingRules:
    @pytest.mark.parametrize(
        ("country", "city", "shown"),
        [
            (Country.NL, "Alphen aan den Rijn", "Alphen a/d Rijn"),
            (Country.NL, "Alphen aan den Rijn", "Alphen a.d. Rijn"),
            (Country.NL, "Alphen aan den Rijn", "Alphen aan de Rijn"),
            (Country.NL, "Bergen op Zoom", "Bergen o/Zoom"),
            (Country.NL, "Wijk bij Duurstede", "Wijk b. Duurstede"),
            (Country.NL, "Sint-Oedenrode", "St.-Oedenrode"),
            (Country.NL, "'s-Gravenhage", "Den Haag"),
            (Country.NL, "'s-Hertogenbosch", "s Hertogenbosch"),
            (Country.NL, "Leeuwarden", "Ljouwert"),
            (Country.NL, "Bolsward", "Boalsert"),
            (Country.UK, "Stratford-upon-Avon", "Stratford-on-Avon"),
            (Country.UK, "Newcastle upon Tyne", "Newcastle"),
            (Country.UK, "Kingston upon Hull", "Hull"),
            (Country.UK, "Bishop's Stortford", "Bishops Stortford"),
            (Country.UK, "St Albans", "Saint Albans"),
            (Country.UK, "Wrexham", "Wrecsam"),
            (Country.US, "Saint Paul", "St. Paul"),
            (Country.US, "Fort Collins", "Ft. Collins"),
            (Country.US, "Mount Vernon", "Mt Vernon"),
            (Country.US, "Port Washington", "Pt. Washington"),
            (Country.US, "New York", "NYC"),
        ],
    )
    def test_same_town(self, country: Country, city: str, shown: str) -> None:
        assert shows(_town(country, city), _at(country, shown))

    @pytest.mark.parametrize(
        ("country", "city", "shown"),
        [
            (Country.NL, "Alphen aan den Rijn", "Alphen"),  # Alphen (N.-Br.) is a village
            (Country.NL, "Capelle aan den IJssel", "Capelle"),
            (Country.NL, "Krimpen aan den IJssel", "Krimpen a/d Lek"),
            (Country.NL, "Bergen op Zoom", "Bergen"),
            (Country.UK, "Stratford-upon-Avon", "Stratford"),
            (Country.UK, "Newcastle upon Tyne", "Newcastle-under-Lyme"),
            (Country.UK, "Burton upon Trent", "Burton"),
            (Country.US, "Port Washington", "Point Washington"),
            (Country.US, "Point Pleasant", "Port Pleasant"),
            (Country.US, "Saint Paul", "South St. Paul"),
        ],
    )
    def test_other_town(self, country: Country, city: str, shown: str) -> None:
        assert not shows(_town(country, city), _at(country, shown))

    def test_rules_leave_the_name_itself_among_the_forms(self) -> None:
        forms = city_forms(("alphen", "aan", "den", "rijn"))
        assert ("alphen", "aan", "den", "rijn") in forms
        assert ("alphen", "a", "d", "rijn") in forms
        assert ("alphen",) not in forms
