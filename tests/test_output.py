"""Writing a scan's files: never over another scan's, owner-only whatever the umask, all or
nothing, and a bad output path refused before the scan sends a single request."""

from __future__ import annotations

import errno
import os
import stat
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from exposure_scan.cli import app
from exposure_scan.errors import ReportError
from exposure_scan.models import ScanResult
from exposure_scan.output import write_outputs
from exposure_scan.profile import Profile
from tests.conftest import SAMPLE_PROFILE
from tests.test_cli import write_profile
from tests.test_reports import sample_result

runner = CliRunner()
TODAY = date(2026, 1, 31)


def profile() -> Profile:
    return Profile.model_validate(SAMPLE_PROFILE)


def everything_under(root: Path) -> list[Path]:
    return sorted(root.rglob("*"))


@pytest.fixture(params=[0o000, 0o222])
def umask_000(request: pytest.FixtureRequest) -> Iterator[None]:
    """umask 000 (everything world-writable by default) and an odd one that takes the owner's
    write bit: the modes must come out exact either way."""
    old = os.umask(request.param)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def no_scan(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The scan itself, replaced: records whether it started (it must not, on bad paths)."""
    started: list[object] = []

    async def fake_scan(state: object, **_: object) -> ScanResult:
        started.append(state)
        return sample_result()

    monkeypatch.setattr("exposure_scan.scan.scan", fake_scan)
    return started


# --- item 7: two scans, one folder -----------------------------------------------------------


def test_the_same_second_twice_gives_two_sets_of_files(tmp_path: Path) -> None:
    result = sample_result()
    first = write_outputs(result, profile(), tmp_path, ["json", "html"], evidence=None,
                          today=TODAY)
    second = write_outputs(result, profile(), tmp_path, ["json", "html"], evidence=None,
                           today=TODAY)
    assert not set(first) & set(second)
    assert [p.name for p in second[:2]] == [
        "exposure-report-20260302-093000-2.json", "exposure-report-20260302-093000-2.html"]
    assert second[2].name == "letters-20260302-093000-2"
    assert len(list(tmp_path.glob("*.json"))) == 2


def test_concurrent_scans_into_one_folder_all_keep_their_reports(tmp_path: Path) -> None:
    rounds = 8
    barrier = threading.Barrier(rounds)
    results: list[list[Path]] = []
    errors: list[BaseException] = []

    def one(i: int) -> None:
        result = sample_result().model_copy(update={"score": i})
        barrier.wait()
        try:
            results.append(write_outputs(result, profile(), tmp_path, ["json", "md"],
                                         evidence=None, today=TODAY))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(rounds)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    reports = sorted(tmp_path.glob("*.json"))
    assert len(reports) == rounds
    scores = {ScanResult.model_validate_json(p.read_text("utf-8")).score for p in reports}
    assert scores == set(range(rounds))  # nobody's report was overwritten by another's
    assert len(list(tmp_path.glob("letters-*"))) == rounds
    assert not list(tmp_path.glob(".*"))  # no staging folder left


def test_a_name_taken_at_the_last_moment_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another scan creates the same file name between our check and our move: O_EXCL."""
    from exposure_scan import files

    real_link = os.link
    taken: list[Path] = []

    def racing_link(src: Any, dst: Any) -> None:
        if not taken:
            Path(dst).write_text("the other scan's report")
            taken.append(Path(dst))
        real_link(src, dst)

    monkeypatch.setattr(files.os, "link", racing_link)
    stage = tmp_path / "stage"
    stage.mkdir()
    (stage / "a.json").write_text("ours")
    placed = files.move_in_exclusively({".json": stage / "a.json"}, tmp_path, "report")
    assert taken[0].read_text() == "the other scan's report"
    assert [p.name for p in placed] == ["report-2.json"] and placed[0].read_text() == "ours"


def test_without_hard_links_names_are_still_claimed_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exposure_scan import files

    def no_link(src: Any, dst: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(files.os, "link", no_link)
    (tmp_path / "report.json").write_text("older")
    paths = write_outputs(sample_result(), profile(), tmp_path, ["json"], evidence=None,
                          today=TODAY)
    assert paths[0].name == "exposure-report-20260302-093000.json"
    again = write_outputs(sample_result(), profile(), tmp_path, ["json"], evidence=None,
                          today=TODAY)
    assert again[0].name == "exposure-report-20260302-093000-2.json"
    assert (tmp_path / "report.json").read_text() == "older"
    assert stat.S_IMODE(again[0].stat().st_mode) == 0o600


# --- item 8: owner-only whatever the umask -----------------------------------------------


def assert_private(root: Path) -> None:
    for path in [root, *everything_under(root)]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path}: {oct(mode)}"


@pytest.mark.usefixtures("umask_000")
def test_every_folder_0700_and_file_0600_under_umask_000(tmp_path: Path) -> None:
    out = tmp_path / "new" / "out"
    evidence = tmp_path / "cases" / "evidence"
    paths = write_outputs(sample_result(), profile(), out, ["json", "html", "md"],
                          evidence=evidence, today=TODAY)
    assert any(p.name.startswith("letters-") for p in paths) and evidence in paths
    assert_private(tmp_path / "new")  # the parents made for it too
    assert_private(tmp_path / "cases")


@pytest.mark.usefixtures("umask_000")
def test_init_and_summary_files_are_private_under_umask_000(tmp_path: Path) -> None:
    target = tmp_path / "config" / "exposure-scan" / "profile.toml"
    assert runner.invoke(app, ["init", str(target)]).exit_code == 0
    assert_private(tmp_path / "config")
    report = tmp_path / "reports" / "r.json"
    write_outputs(sample_result(), profile(), report.parent, ["json"], evidence=None,
                  today=TODAY)
    [written] = (tmp_path / "reports").glob("*.json")
    summary = tmp_path / "summary" / "group.md"
    result = runner.invoke(app, ["summary", str(written), "--out", str(summary)])
    assert result.exit_code == 0, result.output
    assert_private(tmp_path / "summary")
    assert_private(tmp_path / "reports")


def test_init_force_replaces_and_stays_private(tmp_path: Path) -> None:
    target = tmp_path / "profile.toml"
    target.write_text("old")
    target.chmod(0o644)
    assert runner.invoke(app, ["init", str(target), "--force"]).exit_code == 0
    assert "[[names]]" in target.read_text("utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


# --- item 10: bad paths before the scan, all or nothing after it ---------------------------


def scan_args(tmp_path: Path, *extra: str) -> list[str]:
    profile_file = write_profile(tmp_path / "profile.toml")
    return ["scan", "-p", str(profile_file), "--provider", "searxng", "-f", "json", *extra]


def one_error_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()
             and not line.startswith("warning: ")]  # the sample phone number draws one
    assert len(lines) == 1, output
    assert lines[0].startswith("error: ") and "Traceback" not in output
    return lines[0]


@pytest.mark.parametrize("option", ["--out", "--evidence"])
def test_an_output_path_under_a_file_is_refused_before_the_scan(
    tmp_path: Path, no_scan: list[object], option: str
) -> None:
    (tmp_path / "notes.txt").write_text("a file")
    bad = tmp_path / "notes.txt" / "reports"
    out = [] if option == "--out" else ["--out", str(tmp_path / "out")]
    result = runner.invoke(app, scan_args(tmp_path, *out, option, str(bad)))
    assert result.exit_code == 2, result.output
    line = one_error_line(result.output)
    assert option in line and "inside a file" in line
    assert not no_scan
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("option", ["--out", "--evidence"])
def test_an_output_path_in_a_read_only_folder_is_refused_before_the_scan(
    tmp_path: Path, no_scan: list[object], option: str
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        out = [] if option == "--out" else ["--out", str(tmp_path / "out")]
        result = runner.invoke(app, scan_args(tmp_path, *out, option,
                                              str(locked / "a" / "b")))
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 2, result.output
    assert "cannot be written" in one_error_line(result.output)
    assert not no_scan
    assert list(locked.iterdir()) == []


def test_an_out_path_that_is_a_file_is_refused(tmp_path: Path, no_scan: list[object]) -> None:
    (tmp_path / "out").write_text("x")
    result = runner.invoke(app, scan_args(tmp_path, "--out", str(tmp_path / "out")))
    assert result.exit_code == 2 and "is a file" in one_error_line(result.output)
    assert not no_scan


def failing_writes(monkeypatch: pytest.MonkeyPatch, after: int) -> None:
    """The disk fills up: every os.write after the first `after` ones fails with ENOSPC."""
    real = os.write
    calls = 0

    def write(fd: int, data: Any) -> int:
        nonlocal calls
        calls += 1
        if calls > after:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, data)

    monkeypatch.setattr(os, "write", write)


@pytest.mark.parametrize("after", [0, 1, 3, 6])
def test_a_full_disk_leaves_no_private_file_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_scan: list[object], after: int
) -> None:
    out = tmp_path / "reports" / "today"
    evidence = tmp_path / "evidence"
    args = scan_args(tmp_path, "-f", "html", "--out", str(out), "--evidence", str(evidence))
    home = tmp_path / "home"  # the app's own state (scan lock, history) lives there

    def outputs() -> set[Path]:
        return {p for p in everything_under(tmp_path) if not p.is_relative_to(home)}

    before = outputs()
    failing_writes(monkeypatch, after)
    result = runner.invoke(app, args)
    monkeypatch.undo()
    assert no_scan  # the scan ran; writing its results failed
    assert result.exit_code == 1, result.output
    line = one_error_line(result.output)
    assert "No space left on device" in line and "nothing was" in line
    assert outputs() == before  # not one file or folder left behind


def test_a_failure_while_moving_into_place_takes_back_what_was_placed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exposure_scan import files

    real = os.replace
    monkeypatch.setattr(files.os, "link", lambda s, d: (_ for _ in ()).throw(
        OSError(errno.ENOTSUP, "no links")))

    def replace(src: Any, dst: Any) -> None:
        if str(dst).endswith(".md"):
            raise OSError(errno.EIO, "Input/output error")
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(ReportError, match=r"Input/output error.*nothing was kept"):
        write_outputs(sample_result(), profile(), tmp_path, ["json", "html", "md"],
                      evidence=None, today=TODAY)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_an_evidence_failure_takes_back_the_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exposure_scan.reports import evidence as evidence_module

    def refuse(src: object, dst: object) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(evidence_module.os, "rename", refuse)
    with pytest.raises(ReportError, match="Permission denied"):
        write_outputs(sample_result(), profile(), tmp_path / "out", ["json"],
                      evidence=tmp_path / "ev", today=TODAY)
    assert list(tmp_path.iterdir()) == []


def test_an_empty_evidence_folder_in_a_read_only_parent_is_refused(
    tmp_path: Path, no_scan: list[object]
) -> None:
    locked = tmp_path / "locked"
    (locked / "evidence").mkdir(parents=True)
    locked.chmod(0o500)
    try:
        result = runner.invoke(app, scan_args(tmp_path, "--out", str(tmp_path / "out"),
                                              "--evidence", str(locked / "evidence")))
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 2, result.output
    assert "cannot be written" in one_error_line(result.output)
    assert not no_scan
