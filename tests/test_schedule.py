"""`exposure-scan schedule` prints schedules that parse: cron fields, systemd units
(`systemd-analyze` when present), a launchd plist and a schtasks command."""

from __future__ import annotations

import plistlib
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exposure_scan.cli import app
from exposure_scan.schedule import Schedule

runner = CliRunner()
COMMAND = [sys.executable, "-m", "exposure_scan", "scan", "--quiet", "--fail-on", "high",
           "--profile", "/home/gp/My Documents/profiel 100%.toml"]


def _cron_field_ok(field: str, low: int, high: int) -> bool:
    return field == "*" or (field.isdigit() and low <= int(field) <= high)


@pytest.mark.parametrize(
    ("every", "at"), [("week", "07:30"), ("month", "23:05"), ("month", "0:00")]
)
def test_cron_line_has_five_valid_fields_and_the_absolute_command(every: str, at: str) -> None:
    line = Schedule.parse(every, at, COMMAND).cron()
    fields = line.split(" ", 5)
    ranges = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]
    assert all(_cron_field_ok(f, lo, hi) for f, (lo, hi) in zip(fields[:5], ranges, strict=True))
    hour, minute = (int(x) for x in at.split(":"))
    assert (int(fields[0]), int(fields[1])) == (minute, hour)
    assert (fields[2] == "1") == (every == "month") and (fields[4] == "1") == (every == "week")
    # cron turns a bare % into a newline; unescaped, the rest is the shell-quoted command
    assert re.search(r"(?<!\\)%", fields[5]) is None
    assert shlex.split(fields[5].replace(r"\%", "%")) == COMMAND
    assert Path(shlex.split(fields[5])[0]).is_absolute()


def test_launchd_plist_parses_with_the_command_and_calendar() -> None:
    plist = plistlib.loads(Schedule.parse("month", "06:15", COMMAND).launchd().encode())
    assert plist["ProgramArguments"] == COMMAND
    assert plist["StartCalendarInterval"] == {"Day": 1, "Hour": 6, "Minute": 15}
    weekly = plistlib.loads(Schedule.parse("week", "06:15", COMMAND).launchd().encode())
    assert weekly["StartCalendarInterval"]["Weekday"] == 1


def test_schtasks_command_is_well_formed() -> None:
    line = Schedule.parse("week", "7:05", COMMAND).schtasks()
    assert line.startswith('schtasks /Create /TN "exposure-scan" /SC WEEKLY /D MON /ST 07:05 /TR ')
    tr = re.search(r'/TR "(.*)" /F$', line)
    assert tr is not None
    inner = tr.group(1).replace('\\"', '"')
    assert inner.startswith(sys.executable)
    assert '"/home/gp/My Documents/profiel 100%.toml"' in inner
    assert "/SC MONTHLY /D 1 " in Schedule.parse("month", "7:05", COMMAND).schtasks()


def test_systemd_units_have_the_sections_and_calendar() -> None:
    service, timer = Schedule.parse("month", "07:00", COMMAND).systemd()
    assert "[Service]" in service and "Type=oneshot" in service
    exec_line = next(x for x in service.splitlines() if x.startswith("ExecStart="))
    assert shlex.split(exec_line.removeprefix("ExecStart=").replace("%%", "%")) == COMMAND
    assert "OnCalendar=*-*-01 07:00:00" in timer and "Persistent=true" in timer


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_analyze_accepts_the_units(tmp_path: Path) -> None:
    service, timer = Schedule.parse("week", "07:00", COMMAND).systemd()
    (tmp_path / "exposure-scan.service").write_text(service)
    (tmp_path / "exposure-scan.timer").write_text(timer)
    when = re.search(r"OnCalendar=(.*)", timer)
    assert when is not None
    calendar = subprocess.run(["systemd-analyze", "calendar", when.group(1)],
                              capture_output=True, text=True, timeout=30)
    assert calendar.returncode == 0, calendar.stderr
    verify = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(tmp_path / "exposure-scan.timer"),
         str(tmp_path / "exposure-scan.service")],
        capture_output=True, text=True, timeout=30,
    )
    if "Failed to" in verify.stderr and "bus" in verify.stderr.lower():
        pytest.skip("systemd-analyze cannot run here")
    assert verify.returncode == 0, verify.stderr


def test_schedule_command_prints_all_four_and_refuses_bad_input(tmp_path: Path) -> None:
    prof = tmp_path / "p.toml"
    res = runner.invoke(app, ["schedule", "--every", "month", "--at", "08:00", "-p", str(prof)])
    assert res.exit_code == 0, res.output
    out = res.output
    assert "0 8 1 * *" in out and "OnCalendar=*-*-01 08:00:00" in out
    assert "<plist" in out and "schtasks /Create" in out
    assert str(prof.resolve()) in out and "--fail-on high" in out
    assert runner.invoke(app, ["schedule", "--every", "day"]).exit_code == 2
    assert runner.invoke(app, ["schedule", "--at", "25:00"]).exit_code == 2
