"""The mapped folders import one way only: providers/ and reports/ are the packages
exposure_scan.providers and exposure_scan.reports, never top-level `providers` or `reports`
(from the repository root that would load every module twice, as different objects)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BARE = re.compile(r"^\s*(from|import)\s+(providers|reports)\b", re.M)
BY_NAME = re.compile(r"import_module\(\s*[\"']exposure_scan\.reports")


def _sources() -> list[Path]:
    folders = ("exposure_scan", "providers", "reports", "tests", "bench", "examples")
    return [p for f in folders if (ROOT / f).is_dir() for p in (ROOT / f).rglob("*.py")]


def test_no_module_imports_the_bare_folder_names() -> None:
    assert [str(p) for p in _sources() if BARE.search(p.read_text("utf-8"))] == []


def test_the_core_imports_the_reports_statically() -> None:
    assert [str(p) for p in _sources() if BY_NAME.search(p.read_text("utf-8"))] == []


@pytest.mark.parametrize("bare", ["providers", "reports"])
def test_the_bare_package_refuses_to_load_from_the_repository_root(bare: str) -> None:
    done = subprocess.run([sys.executable, "-c", f"import {bare}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert f"import exposure_scan.{bare}, not {bare}" in done.stderr


def test_builtin_providers_are_the_mapped_modules() -> None:
    from exposure_scan.providers.brave import BraveProvider
    from exposure_scan.registry import builtin_provider_classes

    assert BraveProvider in builtin_provider_classes()
    assert not {"providers", "reports"} & set(sys.modules)


def test_from_the_repository_root_the_providers_load_one_way() -> None:
    """Run from the repository root (its folders on sys.path, as `python -c` has them), the
    providers still load once, as exposure_scan.providers, from the providers/ folder."""
    code = (
        "import sys\n"
        "import exposure_scan.providers.brave as brave\n"
        "from exposure_scan.registry import Registry, builtin_provider_classes\n"
        "assert brave.BraveProvider in builtin_provider_classes()\n"
        "assert Registry.discover(include_entry_points=False).classes['brave'] is "
        "brave.BraveProvider\n"
        "assert not {'providers', 'reports'} & set(sys.modules), 'a bare package loaded'\n"
        "print(brave.__file__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()) == ROOT / "providers" / "brave.py"
