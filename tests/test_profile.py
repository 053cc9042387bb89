"""Bad input gets one line naming the file, the key and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure_scan.errors import ProfileError
from exposure_scan.profile import Country, Profile, load_profile

GOOD = """
country = "NL"
[[names]]
given = "Anna"
surname = "de Boer"
[[addresses]]
label = "home"
street = "Fictiefstraat"
house_number = "7"
postcode = "{postcode}"
city = "Voorbeeldstad"
[[phones]]
label = "mobile"
number = "{phone}"
[[emails]]
label = "private"
address = "{email}"
"""


def write(tmp_path: Path, text: str, **values: str) -> Path:
    path = tmp_path / "profile.toml"
    defaults = {"postcode": "9999 ZZ", "phone": "06-98765432", "email": "anna@example.org"}
    path.write_text(text.format(**{**defaults, **values}), encoding="utf-8")
    return path


def error_for(path: Path) -> str:
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_a_valid_profile_loads(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, GOOD))
    assert profile.country is Country.NL
    assert profile.addresses[0].is_private and profile.phones[0].is_private
    assert profile.names[0].full == "Anna de Boer"


def test_invalid_dutch_postcode_names_file_key_and_expected_form(tmp_path: Path) -> None:
    msg = error_for(write(tmp_path, GOOD, postcode="1234"))
    assert msg == (
        f'{tmp_path / "profile.toml"}: addresses[0].postcode: not a Dutch '
        'postcode (expected like "1234 AB")'
    )
    assert "1234\"" not in msg  # the private postcode is not repeated


def test_invalid_phone(tmp_path: Path) -> None:
    msg = error_for(write(tmp_path, GOOD, phone="06-12"))
    assert "phones[0].number" in msg and "not a phone number" in msg
    assert "06-12" not in msg  # private values stay out of error output (cron logs)


def test_invalid_email(tmp_path: Path) -> None:
    msg = error_for(write(tmp_path, GOOD, email="anna.example.org"))
    assert "emails[0].address" in msg and "not an email address" in msg
    assert "anna.example.org" not in msg


def test_unknown_key_is_called_a_typo(tmp_path: Path) -> None:
    msg = error_for(write(tmp_path, GOOD.replace("city =", "cty =")))
    assert "addresses[0].cty: unknown key (a typo?)" in msg


def test_missing_required_field(tmp_path: Path) -> None:
    msg = error_for(write(tmp_path, GOOD.replace('surname = "de Boer"\n', "")))
    assert "names[0].surname: required, but missing" in msg


def test_missing_file(tmp_path: Path) -> None:
    msg = error_for(tmp_path / "nope.toml")
    assert "file not found" in msg and "exposure-scan init" in msg


def test_malformed_toml(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text('country = "NL\n', encoding="utf-8")
    assert "is not valid TOML" in error_for(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_bytes(b'country = "NL"\n# caf\xe9\n')
    assert "is not UTF-8" in error_for(path)


def test_uk_is_accepted_as_gb_for_phone_parsing() -> None:
    profile = Profile.model_validate(
        {
            "country": "gb",
            "names": [{"given": "Ann", "surname": "Smith"}],
            "phones": [{"label": "mobile", "number": "07700 900123"}],
        }
    )
    assert profile.country is Country.UK and profile.country.region == "GB"


def test_redacted_summary_holds_no_values(profile: Profile) -> None:
    text = str(profile.redacted())
    for value in ("van der Berg", "Fictiefstraat", "98765432", "example.org"):
        assert value not in text


@pytest.mark.parametrize("label", ["home", "thuis", "privé", "cell", "hom", "mobile"])
def test_any_label_but_a_professional_one_is_private(label: str) -> None:
    from exposure_scan.profile import is_private_label

    assert is_private_label(label)


@pytest.mark.parametrize("label", ["practice", "Work", "praktijk", "werk"])
def test_professional_labels_are_public(label: str) -> None:
    from exposure_scan.profile import is_private_label

    assert not is_private_label(label)
