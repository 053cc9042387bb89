"""What one CLI run costs besides its pages: the console entry point collects rarely until the
scan starts, and a quiet scan loads no terminal drawing (rich) and no httpx command line."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from exposure_scan import cli


def test_the_entry_point_collects_rarely_until_the_scan_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usual = gc.get_threshold()
    seen: list[int] = []

    def app() -> None:
        seen.append(gc.get_threshold()[0])
        cli.start_up_done()
        seen.append(gc.get_threshold()[0])
        cli.start_up_done()  # a second scan in one run changes nothing
        seen.append(gc.get_threshold()[0])
        raise SystemExit(0)

    monkeypatch.setattr(cli, "app", app)
    try:
        with pytest.raises(SystemExit):
            cli.main()
        assert gc.get_freeze_count() > 0  # the exit skips what the run made
    finally:
        gc.unfreeze()
        gc.set_threshold(*usual)
    assert seen == [cli.START_UP_GC_THRESHOLD, usual[0], usual[0]]


def test_in_process_runs_leave_the_collector_alone() -> None:
    usual, frozen = gc.get_threshold(), gc.get_freeze_count()
    cli.start_up_done()  # as run_and_report calls it under CliRunner
    assert (gc.get_threshold(), gc.get_freeze_count()) == (usual, frozen)


def test_a_quiet_scan_loads_no_terminal_drawing(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from exposure_scan.cli import main\n"
        f"sys.argv = ['exposure-scan', 'demo', '-q', '--out', {str(tmp_path / 'out')!r}]\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print(sorted(m for m in ('rich', 'pygments', 'click', 'httpx._main')\n"
        "                 if sys.modules.get(m) is not None), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert list((tmp_path / "out").glob("*.html"))
