"""Phone matching, rule by rule (MATCHING.md, "Phone"). Numbers and people invented."""

from __future__ import annotations

import pytest

from exposure_scan.matching import Matcher
from exposure_scan.profile import Country
from tests.matching_factory import matcher, phone_labels

DUTCH = matcher(phones={"mobile": "06-21436587", "practice": "+31 50 1234567"})
AMERICAN = matcher(phones={"mobile": "(312) 555-0147"}, country=Country.US)
BRITISH = matcher(phones={"practice": "0113 496 0123"}, country=Country.UK)


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
        assert phone_labels(DUTCH, raw) == ["mobile"]

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
        assert phone_labels(DUTCH, raw) == []

    def test_area_code_is_part_of_the_number(self) -> None:
        assert phone_labels(DUTCH, "050-1234567") == ["practice"]
        assert phone_labels(DUTCH, "(050) 123 45 67") == ["practice"]
        assert phone_labels(DUTCH, "020-1234567") == []

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
            assert phone_labels(AMERICAN, raw) == ["mobile"], raw
        assert phone_labels(AMERICAN, "(312) 555-0174") == []

    def test_british_formats(self) -> None:
        for raw in ["0113 496 0123", "+44 113 496 0123", "+44 (0)113 4960123", "0044 113 496 0123"]:
            assert phone_labels(BRITISH, raw) == ["practice"], raw

    def test_phone_in_text(self) -> None:
        text = "Bel gerust: 06 - 21 43 65 87 of mail. Fax 050 - 123 45 68."
        found = [f for f in DUTCH.match_text(text) if f.field.value == "phone"]
        assert [f.label for f in found] == ["mobile"]
        assert found[0].private
        assert not [f for f in DUTCH.match_text("Mobiel: 06-2143****") if f.field.value == "phone"]


# -- found by red-teaming with bench/synth.py and by a fresh reading of MATCHING.md -------------


def valkema(phones: dict[str, str], country: Country = Country.NL) -> Matcher:
    return matcher(
        names=[("Ingrid", "Valkema")],
        phones=phones,
        emails={"private": "iv@example.org"},
        country=country,
    )


class TestPhoneSpaces:
    MOBILE = valkema({"mobile": "06-48213907"})

    @pytest.mark.parametrize(
        "raw",
        ["06\u200948213907", "+31\u00a06\u00a04821\u00a03907", "06\u202f4821\u20113907"],
    )
    def test_any_unicode_space_between_digit_groups(self, raw: str) -> None:
        assert phone_labels(self.MOBILE, raw) == ["mobile"]
        assert [f.label for f in self.MOBILE.match_text(f"Bel {raw} na zes uur")] == ["mobile"]

    def test_double_zero_prefix_in_us_text(self) -> None:
        m = valkema({"mobile": "+13035550172"}, country=Country.US)
        assert [f.label for f in m.match_text("call 001 303 555 0172 now")] == ["mobile"]
        assert m.match_text("call 001 303 555 0173 now") == []


def test_number_under_another_country_code_in_text() -> None:
    m = matcher(names=[("Ilse", "Vermaat")], phones={"practice": "0800-4471190"})
    assert m.match_phone("+32 8004471190") == []
    assert m.match_phone("+49 800 4471190") == []
    assert phone_labels(m, "0800 447 1190") == ["practice"]
    assert [f.label for f in m.match_text("Gratis: 0800-4471190 (ma-vr)")] == ["practice"]
