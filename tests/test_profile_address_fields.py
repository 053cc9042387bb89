"""Address fields entered in the wrong place are put right with a warning, or refused with
one line naming the file, the key and the fix, never the value; a name needs letters.
All people and places are invented."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from exposure_scan.errors import ProfileError
from exposure_scan.profile import Address, Profile, load_profile
from tests.conftest import SAMPLE_PROFILE
from tests.test_scan import Leaky, run

TEMPLATE = """
country = "{country}"
[[names]]
given = "{given}"
surname = "de Boer"
[[addresses]]
label = "home"
street = "{street}"
house_number = "{number}"
addition = "{addition}"
postcode = "{postcode}"
city = "{city}"
"""
PRIVATE = ("Fictiefstraat", "9999 ZZ", "Voorbeeldstad", "7")


def write(tmp_path: Path, **values: str) -> Path:
    fields = {"country": "NL", "given": "Anna", "street": "Fictiefstraat", "number": "7",
              "addition": "", "postcode": "9999 ZZ", "city": "Voorbeeldstad", **values}  # fmt: skip
    path = tmp_path / "profile.toml"
    path.write_text(TEMPLATE.format(**fields), encoding="utf-8")
    return path


def refused(path: Path) -> str:
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    return message.removeprefix(str(path))  # the rest is checked for private values


@pytest.mark.parametrize(
    ("fields", "expect", "key"),
    [
        ({"street": "Fictiefstraat 7"}, ("Fictiefstraat", "7", ""), "street"),
        ({"street": "Fictiefstraat 7", "number": ""}, ("Fictiefstraat", "7", ""), "street"),
        ({"street": "Fictiefstraat 7-B", "number": ""}, ("Fictiefstraat", "7", "B"), "street"),
        ({"number": "7B"}, ("Fictiefstraat", "7", "B"), "house_number"),
        ({"number": "7-III"}, ("Fictiefstraat", "7", "III"), "house_number"),
        ({"number": "B", "addition": "7"}, ("Fictiefstraat", "7", "B"), "house_number"),
        ({"city": "9999 ZZ Voorbeeldstad", "postcode": ""}, ("Fictiefstraat", "7", ""), "city"),
        ({"city": "Voorbeeldstad 9999ZZ"}, ("Fictiefstraat", "7", ""), "city"),
    ],
)
def test_an_unambiguous_mistake_is_put_right_with_a_warning(
    tmp_path: Path, fields: dict[str, str], expect: tuple[str, str, str], key: str
) -> None:
    profile = load_profile(write(tmp_path, **fields))
    home = profile.addresses[0]
    assert (home.street, home.house_number, home.addition) == expect
    assert home.city == "Voorbeeldstad" and home.postcode.replace(" ", "") == "9999ZZ"
    [warning] = [n.text("en") for n in profile.notices()]
    assert warning.startswith(f"addresses[0].{key}: ") and "fix:" in warning
    assert not any(value in warning for value in PRIVATE)


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"number": "B"}, "house_number"),
        ({"number": "7B", "addition": "C"}, "house_number"),
        ({"city": "9999 ZZ"}, "city"),
        ({"city": "Voorbeeldstad 1234 AB"}, "city"),
        ({"street": "Fictiefstraat 7-B", "number": "", "addition": "C"}, "street"),
    ],
)
def test_an_ambiguous_mistake_is_one_line_with_the_key_and_no_value(
    tmp_path: Path, fields: dict[str, str], key: str
) -> None:
    message = refused(write(tmp_path, **fields))
    assert f": addresses[0].{key}: " in message
    assert not any(value in message for value in (*PRIVATE, "1234 AB"))


def test_a_number_that_belongs_to_the_street_name_is_left_alone() -> None:
    square = Address(label="home", street="Plein 1813", house_number="4", postcode="9999 ZZ",
                     city="Voorbeeldstad")  # fmt: skip
    assert (square.street, square.house_number, square.notes) == ("Plein 1813", "4", ())
    road = Address(label="home", street="Route 66", house_number="12", postcode="62704",
                   city="Springfield", state="IL", country="US")  # fmt: skip
    assert road.street == "Route 66" and not road.notes


def test_an_english_street_with_its_number_in_front_is_put_right() -> None:
    home = Address(label="home", street="12 Oak Avenue", house_number="12", postcode="43215",
                   city="Columbus", state="OH", country="US")  # fmt: skip
    assert (home.street, home.house_number) == ("Oak Avenue", "12") and home.notes


def _sample(**home: str) -> Profile:
    data: dict[str, Any] = copy.deepcopy(SAMPLE_PROFILE)
    data["addresses"][0].update(home)
    return Profile.model_validate(data)


@pytest.mark.parametrize(
    "home",
    [
        {"street": "Fictiefstraat 7B", "house_number": "7", "addition": ""},
        {"street": "Fictiefstraat", "house_number": "7B", "addition": ""},
        {"street": "Fictiefstraat", "house_number": "B", "addition": "7"},
        {"city": "9999 ZZ Voorbeeldstad", "postcode": ""},
    ],
)
def test_the_forum_finding_stays_critical_with_the_corrected_profile(home: dict[str, str]) -> None:
    profile = _sample(**home)
    assert profile.notices()
    result = run(profile, [Leaky], lambda r: httpx.Response(200))
    assert result.findings, "the home address in the post must be found"
    top = result.findings[0]
    assert top.severity.value == "critical"
    assert "name-with-home-address" in top.rules


@pytest.mark.parametrize("given", ["   ", "\\t", "\\u0000", "\\u001b[31m", "\\u200b\\u0007"])
def test_a_name_without_letters_is_one_line_and_exit_2(tmp_path: Path, given: str) -> None:
    path = write(tmp_path, given=given)
    message = refused(path)
    assert message.startswith(": names[0].given: ")
    proc = subprocess.run(
        [sys.executable, "-m", "exposure_scan", "scan", "--profile", str(path)],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "names[0].given" in lines[0], proc.stderr
    assert "\x1b" not in proc.stderr and "\x00" not in proc.stderr
