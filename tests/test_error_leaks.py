"""Leaks: error messages, warnings, logs and tracebacks never carry a private profile value.

Distinctive fictional values are planted in a profile; every error path a user can reach with
a bad config, a bad profile value or an unusable output folder is triggered, and none of the
values may appear in stdout, stderr, the log or a traceback.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import traceback
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from exposure_scan.cli import app
from exposure_scan.models import ScanResult
from tests.test_reports import sample_result

runner = CliRunner()

STREET = "Zwaluwstaartsteeg"
HOUSE = "481"
POSTCODE = "9731 QZ"
CITY = "Ommelanderwijk"
PHONE = "+31 6 13579246"
EMAIL = "verborgen.persoon@geheim-mail.example"


def secrets_in(text: str) -> list[str]:
    digits = re.sub(r"\D", "", text)
    found = [v for v in (STREET, CITY, EMAIL, "verborgen.persoon", "geheim-mail", POSTCODE,
                         POSTCODE.replace(" ", ""), PHONE, "6 1357", "9731QZ")
             if v.lower() in text.lower()]
    found += [d for d in ("613579246", "61357") if d in digits]
    return found


def profile_text(**change: str) -> str:
    home = {"label": '"home"', "street": f'"{STREET}"', "house_number": f'"{HOUSE}"',
            "postcode": f'"{POSTCODE}"', "city": f'"{CITY}"'}
    home.update({k: v for k, v in change.items() if k in home or k.startswith("x_")})
    phone = change.get("phone", f'"{PHONE}"')
    email = change.get("email", f'"{EMAIL}"')
    top = change.get("top", 'country = "NL"\nlanguage = "en"')
    lines = [top, "[[names]]", 'given = "Fenna"', 'surname = "Oosterwold"', "[[addresses]]"]
    lines += [f"{k.removeprefix('x_')} = {v}" for k, v in home.items()]
    lines += ["[[phones]]", 'label = "mobile"', f"number = {phone}"]
    lines += ["[[emails]]", 'label = "private"', f"address = {email}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(autouse=True)
def fake_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """No real scan: should a case get past the checks, it must not ask any source."""
    async def scan(state: object, **_: object) -> ScanResult:
        return sample_result()

    monkeypatch.setattr("exposure_scan.scan.scan", scan)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


def everything_said(result: Result, caplog: pytest.LogCaptureFixture) -> str:
    parts = [result.output, caplog.text]
    try:
        parts.append(result.stderr)
    except ValueError:
        pass  # older click: stderr is mixed into output
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        parts.append("".join(traceback.format_exception(exc)))
    return "\n".join(parts)


def run(args: list[str], caplog: pytest.LogCaptureFixture) -> tuple[Result, str]:
    caplog.set_level(logging.DEBUG)
    result = runner.invoke(app, args)
    return result, everything_said(result, caplog)


PROFILE_ERRORS: dict[str, dict[str, str]] = {
    "postcode": {"postcode": f'"{POSTCODE.replace(" ", "")}7"'},
    "postcode over two lines": {"postcode": '"9731\\nQZZ"'},
    "phone": {"phone": '"+31 6 13579246 135792"'},
    "email": {"email": '"verborgen.persoon-at-geheim-mail.example"'},
    "street as a number": {"street": "481"},
    "house number of the wrong type": {"house_number": "481"},
    "typo in a key": {"x_stret": f'"{STREET}"'},
    "street empty": {"street": '""'},
    "country": {"top": f'country = "{CITY}"'},
    "language": {"top": f'country = "NL"\nlanguage = "{CITY}"'},
    "bad TOML": {"city": f'"{CITY}'},
    "deep nesting": {"top": 'country = "NL"\nx = ' + "[" * 3000 + "]" * 3000},
}


def test_the_profile_really_holds_the_values(tmp_path: Path) -> None:
    from exposure_scan.profile import load_profile

    profile = load_profile(write(tmp_path / "p.toml", profile_text()))
    assert profile.addresses[0].street == STREET and profile.emails[0].address == EMAIL
    assert secrets_in(profile.model_dump_json())  # the check below is not vacuous


@pytest.mark.parametrize("case", PROFILE_ERRORS)
def test_bad_profile_values_are_not_repeated(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    profile = write(tmp_path / "profile.toml", profile_text(**PROFILE_ERRORS[case]))
    result, said = run(["scan", "-p", str(profile), "--out", str(tmp_path / "o")], caplog)
    assert result.exit_code == 2, said
    assert "error: " in said
    assert not secrets_in(said), said


CONFIG_ERRORS = {
    "bad TOML": "[scan\nconcurrency = 4\n",
    "wrong type": '[scan]\nconcurrency = "lots"\n',
    "unknown key": "[scan]\nconcurency = 4\n",
    "bad proxy": '[http]\nproxy = "socks://user:pw@host"\n',
    "deep nesting": "x = " + "{a = " * 2000 + "1" + "}" * 2000 + "\n",
}


@pytest.mark.parametrize("case", CONFIG_ERRORS)
def test_bad_config_says_nothing_private(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    profile = write(tmp_path / "profile.toml", profile_text())
    config = write(tmp_path / "config.toml", CONFIG_ERRORS[case])
    result, said = run(["scan", "-p", str(profile), "-c", str(config), "--out",
                        str(tmp_path / "o")], caplog)
    assert result.exit_code == 2, said
    assert not secrets_in(said), said


def test_unusable_output_paths_say_nothing_private(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = write(tmp_path / "profile.toml", profile_text())
    (tmp_path / "file").write_text("x")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        for extra in (["--out", str(tmp_path / "file" / "o")],
                      ["--out", str(tmp_path / "o"), "--evidence", str(locked / "e")]):
            result, said = run(["scan", "-p", str(profile), "--provider", "searxng", *extra],
                               caplog)
            assert result.exit_code == 2, said
            assert not secrets_in(said), said
    finally:
        locked.chmod(0o700)

    real = os.write

    def full(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    result, said = run(["scan", "-p", str(profile), "--provider", "searxng", "--out",
                        str(tmp_path / "o"), "--evidence", str(tmp_path / "e")], caplog)
    monkeypatch.setattr(os, "write", real)
    assert result.exit_code == 1, said
    assert "No space left" in said and not secrets_in(said), said


def test_warnings_say_nothing_private(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # valid but unusual number, and a profile others can read: two warnings, then a bad config
    profile = write(tmp_path / "profile.toml", profile_text(phone='"+31 6 1357924"'))
    profile.chmod(0o644)
    config = write(tmp_path / "config.toml", "[scan]\nconcurrency = 0\n")
    result, said = run(["scan", "-p", str(profile), "-c", str(config)], caplog)
    assert result.exit_code == 2 and "warning: " in said, said
    assert not [s for s in secrets_in(said) if s != "61357"], said
    assert "1357924" not in said
