"""Rules found by a fresh reading of MATCHING.md (independent cases, invented people)."""

from __future__ import annotations

import pytest

from exposure_scan.matching import Matcher
from exposure_scan.profile import Address, Country, Email, PersonName, Phone, Profile


def address(
    street: str,
    number: str,
    addition: str,
    postcode: str,
    city: str,
    country: Country,
    state: str = "",
) -> Address:
    return Address.model_construct(
        label="home",
        street=street,
        house_number=number,
        addition=addition,
        postcode=postcode,
        city=city,
        state=state,
        country=country,
        private=None,
    )


def matcher(
    *addresses: Address,
    country: Country = Country.NL,
    phones: tuple[Phone, ...] = (),
    emails: tuple[Email, ...] = (),
) -> Matcher:
    return Matcher(
        Profile.model_construct(
            names=[PersonName(given="Ilse", surname="Vermaat")],
            addresses=list(addresses),
            phones=list(phones),
            emails=list(emails),
            country=country,
        )
    )


def homes(m: Matcher, raw: str) -> list[str]:
    return [f.label for f in m.match_address(raw)]


QUEENS = address("81st Street", "34-18", "Apt 2C", "11372", "Jackson Heights", Country.US, "NY")


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
    assert homes(matcher(QUEENS, country=Country.US), raw) == label


HALF = address("Elm Street", "27 1/2", "", "03301", "Concord", Country.US, "NH")


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
    assert homes(matcher(HALF, country=Country.US), raw) == label


def test_plain_number_is_not_a_half_lot() -> None:
    plain = address("Elm Street", "27", "", "03301", "Concord", Country.US, "NH")
    assert homes(matcher(plain, country=Country.US), "27 1/2 Elm St, Concord, NH 03301") == []


GLASGOW = address("Hyndland Road", "14", "Flat 2/1", "G12 9UY", "Glasgow", Country.UK)


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
    assert homes(matcher(GLASGOW, country=Country.UK), raw) == label


EDINBURGH = address("Warrender Park Road", "31", "3F1", "EH9 1EU", "Edinburgh", Country.UK)


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
    assert homes(matcher(EDINBURGH, country=Country.UK), raw) == label


BRISTOL = address("Cotham Road", "8", "Basement Flat", "BS6 6DR", "Bristol", Country.UK)


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
    assert homes(matcher(BRISTOL, country=Country.UK), raw) == label


def test_possessive_street_with_or_without_apostrophe() -> None:
    m = matcher(
        address("Bishop's Walk", "6", "", "CR0 5BA", "Croydon", Country.UK), country=Country.UK
    )
    assert homes(m, "6 Bishops Walk, Croydon CR0 5BA") == ["home"]
    assert homes(m, "6 BISHOP’S WALK, CROYDON") == ["home"]
    assert homes(m, "6 Bishop Walk, Croydon") == []


def test_house_name_or_co_line_before_the_street() -> None:
    m = matcher(
        address("Church Lane", "3", "", "YO62 5AB", "Helmsley", Country.UK), country=Country.UK
    )
    assert homes(m, "Ivy House, 3 Church Lane, Helmsley YO62 5AB") == ["home"]
    assert homes(m, "c/o Tom Briggs\n3 Church Lane\nHelmsley YO62 5AB") == ["home"]
    assert homes(m, "Ivy House, Church Lane, Helmsley YO62 5AB") == []  # no number
    assert homes(m, "Ivy House, 5 Church Lane, Helmsley YO62 5AB") == []


def test_v_d_abbreviates_van_de_der_den_in_a_street() -> None:
    m = matcher(
        address("Burgemeester van den Brinklaan", "40", "", "3811 KL", "Amersfoort", Country.NL)
    )
    assert homes(m, "Burg. v.d. Brinklaan 40, Amersfoort") == ["home"]
    assert homes(m, "Burgemeester v. d. Brinklaan 40, 3811KL") == ["home"]
    assert homes(m, "Burgemeester van der Brinklaan 40, Amersfoort") == []


def test_listing_dot_separates_the_address() -> None:
    m = matcher(address("Weverstraat", "19", "", "6862 DK", "Oosterbeek", Country.NL))
    found = m.match_text(
        "Huisartsenpraktijk Weverstraat · 4,6 ★\nHuisarts · Weverstraat 19, Oosterbeek"
    )
    assert [f.label for f in found if f.field.value == "address"] == ["home"]


def test_town_in_the_clause_before_the_street() -> None:
    m = matcher(address("Molenstraat", "51", "", "5341 GC", "Oss", Country.NL))
    text = "verweerder, huisarts, kantoorhoudende te Oss, aan de Molenstraat 51, wordt berispt."
    assert [f.label for f in m.match_text(text) if f.field.value == "address"] == ["home"]
    other = "verweerder, kantoorhoudende te Uden, aan de Molenstraat 51, wordt berispt."
    assert [f.label for f in m.match_text(other) if f.field.value == "address"] == []


def test_number_under_another_country_code_in_text() -> None:
    m = matcher(phones=(Phone(label="practice", number="0800-4471190"),))
    assert m.match_phone("+32 8004471190") == []
    assert m.match_phone("+49 800 4471190") == []
    assert [f.label for f in m.match_phone("0800 447 1190")] == ["practice"]
    assert [f.label for f in m.match_text("Gratis: 0800-4471190 (ma-vr)")] == ["practice"]


@pytest.mark.parametrize(
    ("number", "addition", "shown"),
    [("13", "2", "13-2"), ("102", "1hg", "102-1hg"), ("74", "bis", "74-bis"), ("9", "", "9")],
)
def test_number_with_addition_before_van_de_street(number: str, addition: str, shown: str) -> None:
    m = matcher(address("Lindengracht", number, addition, "1015 KD", "Amsterdam", Country.NL))
    text = f"De arts woont op nummer {shown} van de Lindengracht in Amsterdam, zegt de buurvrouw."
    assert [f.label for f in m.match_text(text) if f.field.value == "address"] == ["home"]


def test_addition_digit_is_not_the_house_number() -> None:
    m = matcher(address("Lindengracht", "2", "", "1015 KD", "Amsterdam", Country.NL))
    text = "De arts woont op nummer 13-2 van de Lindengracht in Amsterdam."
    assert m.match_text(text) == [] or all(f.field.value != "address" for f in m.match_text(text))


def test_short_word_after_a_number_is_not_a_postcode() -> None:
    m = matcher(address("Plein 1944", "78", "hs", "1781 KL", "Den Helder", Country.NL))
    text = "Zij woont op nummer 78-hs van de Plein 1944 in Den Helder en werkt in Alkmaar."
    assert [f.label for f in m.match_text(text) if f.field.value == "address"] == ["home"]
    assert [f.label for f in m.match_address("plein 1944 78 hs, 1781 kl den helder")] == ["home"]
