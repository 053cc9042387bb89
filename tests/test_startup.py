"""`exposure-scan --help` and `--version` start fast: building the command line imports
neither pydantic nor the scan (each command imports what it needs when it runs)."""

from __future__ import annotations

import subprocess
import sys

from exposure_scan.choices import Severity
from exposure_scan.models import Severity as ModelSeverity


def test_building_the_command_line_imports_no_model_and_no_scan() -> None:
    code = ("import sys, exposure_scan.cli; "
            "print(sorted(m for m in ('pydantic', 'httpx', 'asyncio', 'exposure_scan.models', "
            "'exposure_scan.scan', 'importlib.metadata') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_version_and_help_still_answer() -> None:
    for flag, expect in (("--version", "exposure-scan "), ("--help", "--fail-on")):
        args = [sys.executable, "-m", "exposure_scan", flag]
        if flag == "--help":
            args[-1:] = ["scan", "--help"]
        done = subprocess.run(args, capture_output=True, text=True, check=True)
        assert expect in done.stdout


def test_one_severity_for_the_command_line_and_the_models() -> None:
    assert Severity is ModelSeverity
