"""Input files that are not what they seem: deep nesting, devices, pipes, huge files. Each one
gets one line naming the file and the fix, exit 2, and no traceback, hang or memory blow-up."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exposure_scan.cli import app
from tests.test_cli import write_profile

runner = CliRunner()
POSIX = pytest.mark.skipif(os.name != "posix", reason="devices and pipes are POSIX")


def one_error(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, (result.output, result.exception)
    lines = [x for x in result.output.splitlines() if x.strip()
             and not x.startswith("warning: ")]  # the sample phone number draws one
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A named pipe. Should anything open it for reading and wait, a writer turns up after
    a few seconds and closes it, so a regression fails instead of hanging the suite."""
    path = tmp_path / "profile.toml"
    os.mkfifo(path)
    done = threading.Event()

    def unblock() -> None:
        if not done.wait(5):
            os.close(os.open(path, os.O_WRONLY))

    thread = threading.Thread(target=unblock, daemon=True)
    thread.start()
    yield path
    done.set()


@POSIX
def test_a_pipe_as_profile_is_refused_without_waiting(fifo: Path) -> None:
    start = time.monotonic()
    line = one_error(["scan", "--profile", str(fifo), "--out", str(fifo.parent / "o")])
    assert time.monotonic() - start < 4
    assert str(fifo) in line and "not a regular file" in line


@POSIX
def test_a_pipe_as_config_is_refused_without_waiting(fifo: Path, tmp_path: Path) -> None:
    profile = write_profile(tmp_path / "real-profile.toml")
    start = time.monotonic()
    line = one_error(["scan", "-p", str(profile), "--config", str(fifo), "--out",
                      str(tmp_path / "o")])
    assert time.monotonic() - start < 4
    assert "not a regular file" in line


@POSIX
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("option", ["--profile", "--config"])
def test_a_device_is_refused_before_it_is_read(tmp_path: Path, option: str) -> None:
    profile = write_profile(tmp_path / "profile.toml")
    args = ["scan", "-p", str(profile), option, "/dev/zero", "--out", str(tmp_path / "o")]
    line = one_error(args)
    assert "/dev/zero" in line and "not a regular file" in line


def test_a_huge_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "profile.toml"
    big.write_bytes(b"# " + b"x" * (2 << 20) + b"\n")
    line = one_error(["scan", "-p", str(big), "--out", str(tmp_path / "o")])
    assert "larger than 1 MiB" in line


def test_a_file_that_grows_after_the_check_is_still_capped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exposure_scan import inputfile
    from exposure_scan.errors import ProfileError

    big = tmp_path / "profile.toml"
    big.write_bytes(b"#" * (3 << 20))
    real = inputfile.check_regular
    calls = []

    def lying(info: os.stat_result, *args: object, **kw: object) -> None:
        calls.append(info)  # pretend the size checks passed, as if it grew in between
        real(os.stat_result((*info[:6], 10, *info[7:])), *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(inputfile, "check_regular", lying)
    with pytest.raises(ProfileError, match="larger than 1 MiB"):
        inputfile.load_toml(big, ProfileError)
    assert len(calls) == 2


@pytest.mark.parametrize("nesting", [
    "a = " + "[" * 5000 + "]" * 5000,
    "a = " + "{b = " * 3000 + "1" + "}" * 3000,
    "a = " + "[" * 60 + "]" * 60,  # parses, but no profile or config is shaped like that
])
@pytest.mark.parametrize("option", ["--profile", "--config"])
def test_deep_nesting_is_one_line(tmp_path: Path, nesting: str, option: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(nesting + "\n", encoding="utf-8")
    profile = write_profile(tmp_path / "profile.toml")
    args = ["scan", "-p", str(profile), option, str(bad), "--out", str(tmp_path / "o")]
    line = one_error(args)
    assert str(bad) in line and "deep" in line and "flatten" in line


def test_a_symlink_to_a_regular_profile_still_works(tmp_path: Path) -> None:
    from exposure_scan.profile import load_profile

    real = write_profile(tmp_path / "real.toml")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    assert load_profile(link).country.value == "NL"


def test_a_path_through_a_file_is_not_found(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    line = one_error(["scan", "-p", str(tmp_path / "file" / "profile.toml")])
    assert "file not found" in line


# --- summary: the same limits for JSON reports --------------------------------------------


@POSIX
def test_summary_refuses_a_pipe_and_a_device(fifo: Path) -> None:
    assert "not a regular file" in one_error(["summary", str(fifo)])
    if Path("/dev/zero").exists():
        assert "not a regular file" in one_error(["summary", "/dev/zero"])


def test_summary_refuses_deep_json(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "nests too deeply" in one_error(["summary", str(deep)])
    nested = tmp_path / "nested.json"
    value: object = 1
    for _ in range(200):
        value = {"a": value}
    nested.write_text(json.dumps({"tool_version": "1", "profile": value}), encoding="utf-8")
    assert "nests too deeply" in one_error(["summary", str(nested)])


def test_a_missing_config_or_org_file_names_the_command_that_writes_it(tmp_path: Path) -> None:
    # Regression: every missing file said "create it with `exposure-scan init`", which
    # writes a profile, not a config or an organisation file.
    from exposure_scan.config import load_config
    from exposure_scan.errors import InputError
    from exposure_scan.organisation import load_organisation

    with pytest.raises(InputError) as config:
        load_config(tmp_path / "config.toml")
    assert "exposure-scan config init" in str(config.value.problem)
    with pytest.raises(InputError) as org:
        load_organisation(tmp_path / "org.toml")
    assert "exposure-scan init" not in str(org.value.problem) and "README" in org.value.problem
