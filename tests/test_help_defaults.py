"""`--help` and the README say what a command does without --lang (docs as tests)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from exposure_scan.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def test_summary_help_names_its_default_language() -> None:
    result = CliRunner().invoke(app, ["summary", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "the one most reports were written in" in " ".join(result.output.split())


def test_readme_names_the_configs_report_language_before_the_profiles() -> None:
    [row] = [line for line in README.splitlines() if line.startswith("| `--lang nl`")]
    assert row.index("[report] language") < row.index("the profile's `language`")


def test_init_org_speaks_the_lang_asked_for_not_the_organisations(tmp_path: Path) -> None:
    """--lang en wins over the organisation's language = "nl" for the command's own words."""
    from tests.test_organisation import ORG

    org_file = tmp_path / "org.toml"
    org_file.write_text(ORG, "utf-8")
    profile = tmp_path / "me" / "profile.toml"
    result = CliRunner().invoke(app, ["init", str(profile), "--org", str(org_file), "--lang",
                                      "en"], env={"EXPOSURE_SCAN_LANG": "en"})
    assert result.exit_code == 0, result.output
    assert "Wrote " in result.output and "Geschreven" not in result.output
    assert "for Zorggroep Zonnedauw; scan with --config" in " ".join(result.output.split())
