"""The employer summary counts a person, not a profile version: editing the profile (a new
phone number, a move) and scanning again is still one person; the pseudonym reveals nobody."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from exposure_scan.cli import app
from exposure_scan.demo import DemoWorld, _data
from exposure_scan.profile import Profile
from tests.conftest import SAMPLE_PROFILE
from tests.test_organisation import demo_config_toml, write

runner = CliRunner()
KEY = b"k" * 32


def test_edits_keep_the_pseudonym_and_other_people_differ() -> None:
    before = Profile.model_validate(SAMPLE_PROFILE)
    edited = Profile.model_validate({
        **SAMPLE_PROFILE, "phones": [{"label": "mobile", "number": "06-11223344"}],
        "emails": [], "websites": ["https://nieuw.example"], "language": "en",
    })
    assert edited.fingerprint(KEY) == before.fingerprint(KEY)
    names = SAMPLE_PROFILE["names"]
    other = Profile.model_validate({**SAMPLE_PROFILE,
                                    "names": [{**names[0], "given": "Another"}, *names[1:]]})
    assert other.fingerprint(KEY) != before.fingerprint(KEY)
    # keyed: without the installation's key, a guessed name cannot be checked
    assert before.fingerprint(b"x" * 32) != before.fingerprint(KEY)
    for value in (names[0]["given"], names[0]["surname"]):
        assert value.lower() not in before.fingerprint(KEY)


def test_edit_the_profile_scan_again_and_the_summary_counts_one_person(tmp_path: Path) -> None:
    reports: list[Path] = []
    with DemoWorld() as world:
        text = _data("profile.toml").replace("{base}", world.base_url)
        config = write(tmp_path / "config.toml",
                       demo_config_toml(world.base_url).replace("{lang}", "en"))
        profile = tmp_path / "profile.toml"
        edits = [text, text.replace('number = "06-12345678"', 'number = "06-87654321"')]
        assert edits[0] != edits[1]
        for i, version in enumerate(edits):
            write(profile, version)
            profile.chmod(0o600)
            out = tmp_path / f"run{i}"
            done = runner.invoke(app, ["scan", "-p", str(profile), "-c", str(config), "--out",
                                       str(out), "-q", "-f", "json", "--no-history",
                                       "--provider", "searxng", "--provider", "inspector"])
            assert done.exit_code in (0, 3, 6), done.output
            reports.append(next(out.glob("*.json")))
    summary = runner.invoke(app, ["summary", *map(str, reports), "-f", "json"])
    assert summary.exit_code == 0, summary.output
    data = json.loads(summary.stdout)
    assert data["people"] == 1 and data["repeated_reports"] == 1
