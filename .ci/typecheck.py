"""mypy over the package as it installs: exposure_scan with providers/ and reports/ inside it.

    python .ci/typecheck.py [extra mypy arguments]

mypy cannot follow the package-dir mapping (pyproject.toml) that installs the folders
providers/ and reports/ as exposure_scan.providers and exposure_scan.reports, so a plain run
sees the core's imports of them as missing, and typed Any. This builds the installed layout as
a tree of symbolic links under build/typecheck and checks it strictly with the project's mypy
settings, less the override that ignores those two packages: every call between the core, the
providers and the reports is then type-checked, both ways.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TREE = ROOT / "build" / "typecheck"
MAPPED = {"providers": ROOT / "providers", "reports": ROOT / "reports"}
SKIPPED = {f"exposure_scan.{name}.*" for name in MAPPED}


def build_tree() -> Path:
    package = TREE / "exposure_scan"
    if TREE.exists():
        shutil.rmtree(TREE)
    package.mkdir(parents=True)
    for entry in (ROOT / "exposure_scan").iterdir():
        if entry.name != "__pycache__":
            (package / entry.name).symlink_to(entry)
    for name, folder in MAPPED.items():
        (package / name).symlink_to(folder, target_is_directory=True)
    return TREE


def _ini_value(value: Any) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def write_config(tree: Path) -> Path:
    """pyproject's [tool.mypy] as mypy.ini, without the ignore for the mapped packages."""
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mypy"]
    lines = ["[mypy]"]
    overrides = settings.pop("overrides", [])
    lines += [f"{key} = {_ini_value(value)}" for key, value in settings.items()]
    for override in overrides:
        modules = [m for m in override.pop("module") if m not in SKIPPED]
        if modules:
            lines.append(f"[mypy-{','.join(modules)}]")
            lines += [f"{key} = {_ini_value(value)}" for key, value in override.items()]
    path = tree / "mypy.ini"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> int:
    tree = build_tree()
    config = write_config(tree)
    command = [sys.executable, "-m", "mypy", "--config-file", str(config),
               "--cache-dir", str(ROOT / ".mypy_cache" / "installed"), "-p", "exposure_scan",
               *sys.argv[1:]]
    return subprocess.run(command, cwd=tree, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
