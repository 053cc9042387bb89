"""Every TOML file shipped in the package is read through exposure_scan.packaged and
validates against its schema; no module reads a packaged file around the loader."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from exposure_scan import packaged
from exposure_scan.matching.normalise import load_data
from exposure_scan.matching.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
# Where each package's data lives in the source tree (providers/ and reports/ are mapped).
FOLDERS = {"exposure_scan": ROOT / "exposure_scan", "exposure_scan.reports": ROOT / "reports",
           "exposure_scan.providers": ROOT / "providers"}
FILL = {"{base}": "http://127.0.0.1:8080"}  # the demo profile's placeholder


def shipped() -> set[tuple[str, str]]:
    return {(package, path.relative_to(folder).as_posix())
            for package, folder in FOLDERS.items() for path in folder.rglob("*.toml")}


def test_every_packaged_toml_file_has_a_schema() -> None:
    assert shipped() == set(packaged.schemas())


@pytest.mark.parametrize(("package", "name"), sorted(packaged.schemas()))
def test_every_packaged_toml_file_validates(package: str, name: str) -> None:
    schema = packaged.schemas()[(package, name)]
    assert isinstance(packaged.load(schema, name, package, fill=FILL), schema)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_matching_tables_are_handed_on_unchanged(name: str) -> None:
    raw = tomllib.loads(packaged.read_text(f"matching/{name}.toml"))
    assert load_data(name) == raw  # validated, and nothing added or dropped


def test_a_broken_packaged_file_names_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    class Strict(BaseModel):
        rule: int

    monkeypatch.setattr(packaged, "read_text", lambda name, package="": 'rule = "x"')
    with pytest.raises(ValidationError) as info:
        packaged.load(Strict, "data/broken.toml")
    assert "exposure_scan/data/broken.toml" in "".join(info.value.__notes__)


def test_no_module_reads_packaged_files_around_the_loader() -> None:
    """importlib.resources and tomllib on shipped files belong to packaged.py (inputfile.py
    reads the user's own files, messages.py sniffs their language; i18n reads the .po
    catalogues)."""
    allowed = {
        "exposure_scan/packaged.py", "exposure_scan/inputfile.py", "exposure_scan/messages.py",
        "reports/i18n.py",
    }
    pattern = re.compile(r"\b(tomllib\.loads?|resources\.files)\(")
    offenders = [
        str(p.relative_to(ROOT)) for folder in FOLDERS.values() for p in folder.rglob("*.py")
        if str(p.relative_to(ROOT)) not in allowed and pattern.search(p.read_text("utf-8"))
    ]
    assert offenders == []
