"""Phone and email matching, rule by rule (MATCHING.md, "Phone" and "Email")."""

from __future__ import annotations

import pytest

from exposure_scan.matching import Matcher
from exposure_scan.profile import Country, Email, PersonName, Phone, Profile


def matcher(country: Country, phones: list[Phone], emails: list[Email]) -> Matcher:
    return Matcher(
        Profile.model_construct(
            names=[PersonName(given="Test", surname="Persoon")],
            addresses=[],
            phones=phones,
            emails=emails,
            country=country,
        )
    )


DUTCH = matcher(
    Country.NL,
    [Phone(label="mobile", number="06-21436587"), Phone(label="practice", number="+31 50 1234567")],
    [
        Email(label="private", address="jan.devries@example.nl"),
        Email(label="work", address="Praktijk.Noord@huisarts-noord.nl"),
        Email(label="gmail", address="jp.devries@gmail.com"),
    ],
)
AMERICAN = matcher(Country.US, [Phone(label="mobile", number="(312) 555-0147")], [])
BRITISH = matcher(Country.UK, [Phone(label="practice", number="0113 496 0123")], [])


def phone(m: Matcher, raw: str) -> list[str]:
    return [f.label for f in m.match_phone(raw)]


def email(m: Matcher, raw: str) -> list[str]:
    return sorted(f.label for f in m.match_email(raw))


class TestPhones:
    @pytest.mark.parametrize(
        "raw",
        [
            "06-21436587",
            "0621436587",
            "06 21 43 65 87",
            "+31 6 2143 6587",
            "+31 (0)6 21436587",
            "0031621436587",
            "06/21436587",
            "06.21.43.65.87",
            "06–21436587",
            "tel:+31621436587",
            "Tel.: 06 - 214 365 87",
            "+31-6-21436587",
        ],
    )
    def test_same_number_whatever_the_format(self, raw: str) -> None:
        assert phone(DUTCH, raw) == ["mobile"]

    @pytest.mark.parametrize(
        "raw",
        [
            "06-21436588",
            "06-214365870",
            "+32 6 21436587",
            "06-2143****",
            "06-21xxxx87",
            "06-12436587",
            "+49 621436587",
        ],
    )
    def test_not_the_number(self, raw: str) -> None:
        assert phone(DUTCH, raw) == []

    def test_area_code_is_part_of_the_number(self) -> None:
        assert phone(DUTCH, "050-1234567") == ["practice"]
        assert phone(DUTCH, "(050) 123 45 67") == ["practice"]
        assert phone(DUTCH, "020-1234567") == []

    def test_american_formats(self) -> None:
        for raw in [
            "(312) 555-0147",
            "312-555-0147",
            "312.555.0147",
            "+1 312 555 0147",
            "1-312-555-0147",
            "(312) 555-0147 ext. 12",
            "011 1 312 555 0147",
        ]:
            assert phone(AMERICAN, raw) == ["mobile"], raw
        assert phone(AMERICAN, "(312) 555-0174") == []

    def test_british_formats(self) -> None:
        for raw in ["0113 496 0123", "+44 113 496 0123", "+44 (0)113 4960123", "0044 113 496 0123"]:
            assert phone(BRITISH, raw) == ["practice"], raw

    def test_phone_in_text(self) -> None:
        text = "Bel gerust: 06 - 21 43 65 87 of mail. Fax 050 - 123 45 68."
        found = [f for f in DUTCH.match_text(text) if f.field.value == "phone"]
        assert [f.label for f in found] == ["mobile"]
        assert found[0].private
        assert not [f for f in DUTCH.match_text("Mobiel: 06-2143****") if f.field.value == "phone"]


class TestEmails:
    @pytest.mark.parametrize(
        "raw",
        [
            "jan.devries@example.nl",
            "JAN.DEVRIES@EXAMPLE.NL",
            "mailto:jan.devries@example.nl",
            "jan.devries [at] example [dot] nl",
            "jan.devries(at)example(dot)nl",
            "jan.devries at example dot nl",
            "jan punt devries apenstaartje example punt nl",
            "jan.devries+nieuwsbrief@example.nl",
            "<mailto:Jan.DeVries@example.nl?subject=Hoi>",
            "jan.devries{at}example.nl",
        ],
    )
    def test_same_mailbox(self, raw: str) -> None:
        assert email(DUTCH, raw) == ["private"]

    @pytest.mark.parametrize(
        "raw",
        [
            "jandevries@example.nl",
            "jan.devries@example.com",
            "jan.devries@example.be",
            "jan.devries@example.nl.evil.com",
            "xjan.devries@example.nl",
            "jan.de.vries@example.nl",
            "jan.devries@mail.example.nl",
        ],
    )
    def test_another_mailbox(self, raw: str) -> None:
        assert email(DUTCH, raw) == []

    def test_gmail_ignores_dots_and_knows_googlemail(self) -> None:
        for raw in [
            "jpdevries@gmail.com",
            "j.p.de.vries@gmail.com",
            "JP.DeVries@googlemail.com",
            "jp.devries+tag@gmail.com",
        ]:
            assert email(DUTCH, raw) == ["gmail"], raw
        assert email(DUTCH, "jp.devries@gmail.nl") == []
        assert email(DUTCH, "jpdevries@example.nl") == []

    def test_email_in_text(self) -> None:
        text = "Contact: praktijk.noord [at] huisarts-noord [dot] nl of jpdevries@googlemail.com."
        found = sorted(f.label for f in DUTCH.match_text(text) if f.field.value == "email")
        assert found == ["gmail", "work"]
        written = "mail jan punt devries apenstaartje example punt nl voor vragen"
        assert [f.label for f in DUTCH.match_text(written)] == ["private"]
        assert not DUTCH.match_text("Mail xjan.devries@example.nl.com voor vragen")
