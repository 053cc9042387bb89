"""Our validators' errors carry a type and a context (PydanticCustomError): the message, in
English or Dutch, is chosen from those, never by reading the English text back."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from exposure_scan.config import ProviderConfig
from exposure_scan.errors import ConfigError
from exposure_scan.inputfile import OwnError, first_problem
from exposure_scan.profile import Profile
from exposure_scan.registry import Registry


def _error(model: type[BaseModel], data: dict[str, object]) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return info.value


def test_a_bad_base_url_is_a_typed_error_in_either_language() -> None:
    exc = _error(ProviderConfig, {"base_url": "searx.example.org"})
    (err,) = exc.errors()
    assert err["type"] == OwnError.WEB_ADDRESS and err["ctx"]["name"] == "base_url"
    assert first_problem(exc) == ("base_url", 'expected a web address starting with https:// '
                                  '(the https:// is missing), like base_url = '
                                  '"https://searx.example.org"')
    assert first_problem(exc, "nl") == ("base_url", 'verwacht een webadres dat begint met '
                                        'https:// (https:// ontbreekt), zoals base_url = '
                                        '"https://searx.example.org"')
    exc = _error(ProviderConfig, {"base_url": "ftp://example.org"})
    assert "ontbreekt" not in first_problem(exc, "nl")[1]


def test_a_role_error_lists_the_roles_in_either_language() -> None:
    exc = _error(Profile, {"role": "astronaut"})
    err = next(e for e in exc.errors() if e["loc"] == ("role",))
    assert err["type"] == OwnError.ROLE and "gp" in err["ctx"]["roles"]
    role = next(e for e in exc.errors() if e["loc"] == ("role",))
    assert role["msg"].startswith("expected one of gp")


def test_a_provider_url_option_names_its_key_in_either_language(tmp_path: Path) -> None:
    from exposure_scan.config import load_config
    from exposure_scan.providers.wayback import WaybackProvider

    path = tmp_path / "config.toml"
    path.write_text('[providers.wayback]\navailability_url = "archive.org/x"\n', "utf-8")
    with pytest.raises(ConfigError) as info:
        Registry.discover(include_entry_points=False).configure(load_config(path))
    assert str(info.value).startswith(
        f"{path}: providers.wayback.availability_url: expected a web address starting with "
        "https:// (the https:// is missing), like availability_url = ")
    with pytest.raises(ValidationError) as exc:
        WaybackProvider.Options.model_validate({"availability_url": "archive.org/x"})
    assert first_problem(exc.value, "nl", "providers.wayback") == (
        "providers.wayback.availability_url", 'verwacht een webadres dat begint met https:// '
        '(https:// ontbreekt), zoals availability_url = "https://searx.example.org"')


def test_no_message_is_recognised_by_its_words() -> None:
    source = (Path(__file__).resolve().parent.parent / "exposure_scan" / "inputfile.py")
    text = source.read_text("utf-8")
    assert ".startswith(\"expected" not in text and "startswith('expected" not in text


def test_a_quoted_flag_is_a_typed_error_naming_its_key() -> None:
    from exposure_scan.config import ScanSettings

    exc = _error(ScanSettings, {"send_private_values": "yes"})
    (err,) = exc.errors()
    assert err["type"] == OwnError.QUOTED_FLAG and err["ctx"]["name"] == "send_private_values"
    assert first_problem(exc, "nl") == ("send_private_values", "verwacht true of false zonder "
                                        "aanhalingstekens, zoals send_private_values = true")
