"""Cron behaviour: --fail-on counts only new or back-again findings with a history,
--fail-on-all counts every one, and a second scan of the same profile is refused (exit 7)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exposure_scan.audit import Audit
from exposure_scan.changes import compare
from exposure_scan.cli import app
from exposure_scan.config import Config
from exposure_scan.history import History
from exposure_scan.lock import ScanBusy
from exposure_scan.models import Severity
from exposure_scan.outcome import ExitCode, exit_code_for, outcome_notes
from tests.test_history import T0, found, profile, result

runner = CliRunner()


def test_fail_on_counts_only_new_or_back_findings_with_a_history(tmp_path: Path) -> None:
    old = found("https://people.example/old", severity=Severity.CRITICAL)
    with History(tmp_path / "h.sqlite3") as history:
        key = history.profile_key(profile())
        first = compare([], result([old]))
        assert exit_code_for(first, Severity.HIGH) is ExitCode.FINDING  # new: counts
        history.record(key, first)
        again = compare(history.scans(key), result([old], T0 + timedelta(30)))
    assert exit_code_for(again, Severity.HIGH) is ExitCode.OK
    assert exit_code_for(again, None, Severity.HIGH) is ExitCode.FINDING
    new = found("https://people.example/new", severity=Severity.MEDIUM)
    with History(tmp_path / "h.sqlite3") as history:
        third = compare(history.scans(key), result([old, new], T0 + timedelta(60)))
    assert exit_code_for(third, Severity.HIGH) is ExitCode.OK
    assert exit_code_for(third, Severity.MEDIUM) is ExitCode.FINDING
    # Without a history --fail-on keeps its meaning: every finding counts.
    assert exit_code_for(result([old]), Severity.HIGH) is ExitCode.FINDING


def test_incomplete_and_over_the_threshold_says_both() -> None:
    scan = compare([], result([found("https://people.example/a")], unchecked=("big_register",)))
    assert exit_code_for(scan, Severity.HIGH) is ExitCode.FINDING
    notes = outcome_notes(scan, Severity.HIGH)
    assert any("exit 6" in n for n in notes) and any("exit 3" in n for n in notes)


def test_a_second_scan_of_the_same_profile_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite3"
    with Audit(Config(), profile(), db):
        with pytest.raises(ScanBusy):
            Audit(Config(), profile(), db).__enter__()
        prof = tmp_path / "profile.toml"
        prof.write_text('[[names]]\ngiven = "Anna"\nsurname = "van der Berg"\n', "utf-8")
        res = runner.invoke(app, ["scan", "-p", str(prof), "--db", str(db), "-o",
                                  str(tmp_path / "out"), "--quiet"])
    assert res.exit_code == ExitCode.BUSY
    assert "another scan of this profile is running" in res.output
    assert not (tmp_path / "out").exists()
    # Released: a new audit may start.
    with Audit(Config(), profile(), db):
        pass


def test_without_a_history_scans_still_do_not_overlap(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite3"
    with Audit(Config(), profile(), db, enabled=False):
        with pytest.raises(ScanBusy):
            Audit(Config(), profile(), db, enabled=False).__enter__()
    with Audit(Config(), profile(), db, enabled=False, lock=False):
        pass


def test_monthly_cron_scan_alarms_once_per_new_finding(tmp_path: Path) -> None:
    from exposure_scan.demo import DemoWorld, _data

    with DemoWorld() as world:
        base = world.base_url
        prof = tmp_path / "profile.toml"
        prof.write_text(_data("profile.toml").replace("{base}", base), "utf-8")
        conf = tmp_path / "config.toml"
        conf.write_text(
            f'[http]\nallow_hosts = ["127.0.0.1"]\ntimeout = 5\nretries = 0\n'
            f'[report]\nlanguage = "en"\nformats = ["json"]\n'
            f'[providers.searxng]\nbase_url = "{base}/searxng"\nrate_limit = 50\n'
            f'[providers.big_register]\nbase_url = "{base}/big/zksrv/soap/4"\nrate_limit = 50\n'
            f'[providers.inspector]\nrate_limit = 50\nallow_hosts = ["127.0.0.1"]\n',
            "utf-8",
        )
        args = ["scan", "-p", str(prof), "-c", str(conf), "--db", str(tmp_path / "h.sqlite3"),
                "--quiet", "--provider", "searxng", "--provider", "big_register",
                "--provider", "inspector"]
        first = runner.invoke(app, [*args, "-o", str(tmp_path / "r1"), "--fail-on", "high"])
        assert first.exit_code == ExitCode.FINDING, first.output
        again = runner.invoke(app, [*args, "-o", str(tmp_path / "r2"), "--fail-on", "high"])
        assert again.exit_code == ExitCode.OK, again.output
        every = runner.invoke(app, [*args, "-o", str(tmp_path / "r3"), "--fail-on-all", "high"])
        assert every.exit_code == ExitCode.FINDING
        plain = runner.invoke(app, [*args, "-o", str(tmp_path / "r4"), "--no-history",
                                    "--fail-on", "high"])
        assert plain.exit_code == ExitCode.FINDING  # no history: every finding counts
