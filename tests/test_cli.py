"""The command line as a user meets it: exit codes, one-line errors, nothing half-written."""

from __future__ import annotations

import json
import socket
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exposure_scan.cli import app
from tests.conftest import SAMPLE_PROFILE

runner = CliRunner()


def write_profile(path: Path, **overrides: object) -> Path:
    lines = [f'country = "{SAMPLE_PROFILE["country"]}"', 'language = "en"']
    for name in SAMPLE_PROFILE["names"]:
        lines += ["[[names]]", f'given = "{name["given"]}"', f'surname = "{name["surname"]}"']
    for addr in SAMPLE_PROFILE["addresses"]:
        lines.append("[[addresses]]")
        lines += [f'{k} = "{overrides.get(k, v)}"' for k, v in addr.items()]
    for phone in SAMPLE_PROFILE["phones"]:
        lines += ["[[phones]]", f'label = "{phone["label"]}"', f'number = "{phone["number"]}"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def free_loopback_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_init_writes_a_private_template_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "profile.toml"
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    again = runner.invoke(app, ["init", str(target)])
    assert again.exit_code == 2 and "--force" in again.output


def test_bad_profile_is_one_line_exit_2_and_writes_nothing(tmp_path: Path) -> None:
    profile = write_profile(tmp_path / "profile.toml", postcode="1234")
    out = tmp_path / "out"
    result = runner.invoke(app, ["scan", "--profile", str(profile), "--out", str(out)])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "addresses[0].postcode: not a Dutch postcode" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_unknown_format_is_exit_2(tmp_path: Path) -> None:
    profile = write_profile(tmp_path / "profile.toml")
    result = runner.invoke(
        app, ["scan", "-p", str(profile), "--format", "docx", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2 and "unknown format" in result.output


def test_profile_readable_by_others_gets_a_warning(tmp_path: Path) -> None:
    profile = write_profile(tmp_path / "profile.toml", postcode="1234")
    profile.chmod(0o644)
    result = runner.invoke(app, ["scan", "-p", str(profile)])
    # the profile is invalid, so it stops before the scan; the load comes first
    assert result.exit_code == 2


def test_providers_lists_status_and_what_each_sends() -> None:
    result = runner.invoke(app, ["providers"])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("searxng"))
    assert "needs base_url" in line and "city, " in line and " name," in line
    gravatar = next(x for x in result.output.splitlines() if x.startswith("gravatar"))
    assert "private_email*" in gravatar and "GRAVATAR_API_KEY" in gravatar


def test_scan_where_every_source_fails_still_reports_and_exits_4(tmp_path: Path) -> None:
    profile = write_profile(tmp_path / "profile.toml")
    config = tmp_path / "config.toml"
    port = free_loopback_port()  # nothing listens: connection refused, on loopback only
    config.write_text(
        f'[http]\nallow_hosts = ["127.0.0.1"]\nretries = 0\ntimeout = 2\n'
        f'[providers.searxng]\nbase_url = "http://127.0.0.1:{port}"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "scan",
            "-p",
            str(profile),
            "-c",
            str(config),
            "--out",
            str(out),
            "--provider",
            "searxng",
            "--format",
            "json",
            "--quiet",
        ],
    )
    assert result.exit_code == 4, result.output
    [report] = out.glob("*.json")
    data = json.loads(report.read_text("utf-8"))
    asked = [r for r in data["runs"] if r["status"] in ("checked", "unchecked")]
    assert asked and all(r["status"] == "unchecked" for r in asked)
    assert "could not connect" in asked[0]["reason"]
    assert data["confidence"].startswith("none")


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    out = tmp_path_factory.mktemp("demo")
    result = runner.invoke(
        app, ["demo", "--out", str(out), "--quiet", "--format", "json", "--format", "html"]
    )
    assert result.exit_code == 0, result.output
    printed = result.output.strip().splitlines()
    assert [Path(p).suffix for p in printed[:2]] == [".json", ".html"]
    assert Path(printed[2]).name.startswith("letters-")  # one GDPR letter per controller
    return json.loads(next(out.glob("*.json")).read_text("utf-8"))


def test_demo_top_findings_are_the_forum_posts_home_address_and_mobile(demo_report: dict) -> None:  # type: ignore[type-arg]
    top = demo_report["findings"][0]
    assert top["severity"] == "critical"
    assert "/forum/" in top["observation"]["url"]
    labels = {(m["field"], m["label"]) for m in top["matches"]}
    assert {("address", "home"), ("phone", "mobile"), ("name", "")} <= labels
    # the practice page and the BIG-register entry lead from work to this page and home
    assert top["work_to_home"] and "work-to-home-link" in top["rules"]
    assert top["steps"][0]["action"].startswith("First save evidence")


def test_demo_practice_page_is_a_low_expected_finding(demo_report: dict) -> None:  # type: ignore[type-arg]
    practice = [f for f in demo_report["findings"] if "praktijk" in f["observation"]["url"]]
    assert practice and all(f["severity"] in ("info", "low") for f in practice)


def test_demo_namesakes_address_is_not_reported_as_the_clinicians(demo_report: dict) -> None:  # type: ignore[type-arg]
    for finding in demo_report["findings"]:
        for match in finding["matches"]:
            assert "Kerkstraat" not in match["observed"]
            assert "Groningen" not in match["observed"]


def test_demo_html_escapes_the_forums_hostile_markup(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--out", str(tmp_path), "--quiet", "--format", "html"])
    assert result.exit_code == 0, result.output
    html = next(tmp_path.glob("*.html")).read_text("utf-8")
    assert "<script>document.title" not in html
    assert 'onerror="alert' not in html
    assert 'href="javascript:' not in html


def test_providers_check_offline_reports_unreachable_and_exits_4(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[providers.searxng]\nbase_url = "https://searx.invalid"\n'
                      "[http]\nretries = 0\n", encoding="utf-8")
    result = runner.invoke(app, ["providers", "check", "--config", str(config)])
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output
    lines = [x for x in result.output.splitlines() if "reachable:" in x]
    assert lines and all("reachable: NO" in x for x in lines)
    assert "no source could be reached: are you offline?" in result.output
    data = json.loads(runner.invoke(
        app, ["providers", "check", "--config", str(config), "--json"]).stdout)
    assert data["exit_code"] == 4 and data["results"]
    assert all(r["reachable"] is False for r in data["results"])


def test_a_used_evidence_folder_is_refused_before_the_scan(tmp_path: Path) -> None:
    profile = write_profile(tmp_path / "profile.toml")
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    (evidence / "old.txt").write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["scan", "-p", str(profile), "--out", str(out),
                                 "--evidence", str(evidence), "--provider", "searxng"])
    assert result.exit_code == 2 and "never overwritten" in result.output
    assert not out.exists()


def test_pdf_without_chromium_is_refused_before_the_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import exposure_scan.reports.pdf as pdf

    monkeypatch.setattr(pdf, "find_chromium", lambda: None)
    profile = write_profile(tmp_path / "profile.toml")
    result = runner.invoke(app, ["scan", "-p", str(profile), "--out", str(tmp_path / "o"),
                                 "--format", "pdf", "--provider", "searxng"])
    assert result.exit_code == 2 and "needs Chromium" in result.output


def test_two_reports_in_the_same_second_do_not_overwrite_each_other(tmp_path: Path) -> None:
    from exposure_scan.output import unused_name

    (tmp_path / "exposure-report-20260101-000000.json").write_text("{}")
    assert unused_name(tmp_path, "exposure-report-20260101-000000") == (
        "exposure-report-20260101-000000-2")


def test_providers_check_fails_when_a_source_answers_but_does_not_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import respx

    monkeypatch.setenv("EXPOSURE_SCAN_PROVIDERS", "searxng")
    config = tmp_path / "config.toml"
    config.write_text('[http]\nallow_hosts = ["searx.test"]\nretries = 0\n'
                      '[providers.searxng]\nbase_url = "https://searx.test/wrong"\n',
                      encoding="utf-8")
    with respx.mock() as router:
        router.get(url__startswith="https://searx.test/").respond(404)
        result = runner.invoke(app, ["providers", "check", "--config", str(config)])
    assert result.exit_code == 3, result.output
    assert "reachable: yes" in result.output and "404" in result.output
    assert "1 of 1 source does not work" in result.output


def test_an_unfilled_template_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "profile.toml"
    runner.invoke(app, ["init", str(target), "--lang", "en"])  # Dutch: test_cli_language.py
    result = runner.invoke(app, ["scan", "-p", str(target), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "template's example person" in result.output
    assert not (tmp_path / "o").exists()


def test_a_phone_number_that_looks_incomplete_gets_a_warning(tmp_path: Path) -> None:
    from exposure_scan.profile import Profile, scan_notices

    profile = Profile.model_validate({
        "country": "NL", "names": [{"given": "Anna", "surname": "de Boer"}],
        "phones": [{"label": "mobile", "number": "06-1234"}],
    })
    path = write_profile(tmp_path / "profile.toml")
    [warning] = [n.text("en") for n in scan_notices(profile, path)]
    assert "phones[0].number: looks incomplete" in warning and "1234" not in warning


def test_a_real_person_who_shares_the_templates_name_may_scan() -> None:
    from exposure_scan.profile import Profile

    namesake = Profile.model_validate({
        "country": "NL", "names": [{"given": "Jan Pieter", "surname": "de Vries"}],
        "addresses": [{"label": "home", "street": "Eigenlaan", "house_number": "3",
                       "postcode": "9999 ZZ", "city": "Voorbeeldstad"}],
    })
    assert not namesake.is_unfilled_template()


def test_without_a_web_search_the_summary_line_says_so_and_keys_not_set_do_not_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from exposure_scan.cli import run_and_report
    from exposure_scan.demo import DemoWorld, demo_config, demo_profile
    from exposure_scan.inspector import PageInspector
    from exposure_scan.registry import Registry, builtin_provider_classes

    for var in ("KVK_API_KEY", "HIBP_API_KEY", "COMPANIES_HOUSE_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    wanted = {"searxng", "big_register", "kvk", "hibp", "companies_house"}
    classes = [PageInspector, *(c for c in builtin_provider_classes() if c.name in wanted)]
    with DemoWorld() as world:
        config = demo_config(world.base_url)
        tables = {k: v for k, v in config.providers.items() if k != "searxng"}
        code = run_and_report(
            demo_profile(world.base_url), config.model_copy(update={"providers": tables}),
            Registry(classes), only=None, formats=["json"], out=tmp_path / "out", lang="en",
            quiet=False, evidence=None,
        )
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert code == 0, line  # big_register checked; the rest need keys or cover the UK
    assert "(unknown)" in line and "the web was not searched" in line
    data = json.loads(next((tmp_path / "out").glob("*.json")).read_text("utf-8"))
    assert data["coverage"]["web"] == "not_set_up" and data["level"] == "unknown"
    status = {r["provider"]: r["status"] for r in data["runs"]}
    assert status == {"searxng": "not_configured", "big_register": "checked",
                      "kvk": "not_configured", "hibp": "not_configured",
                      "companies_house": "skipped", "inspector": "skipped"}


def test_version_flag_prints_the_installed_version() -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"exposure-scan {version('exposure-scan')}"


def test_help_shows_flags_as_flags_and_offers_completion() -> None:
    top = runner.invoke(app, ["--help"]).output
    assert "--install-completion" in top
    text = runner.invoke(app, ["scan", "--help"]).output
    assert "<bool>" not in text and "list[str]" not in text
    assert "-q, --quiet " in text


def test_config_init_writes_the_shipped_example_0644_and_refuses_to_overwrite(
    tmp_path: Path,
) -> None:
    target = tmp_path / "conf" / "config.toml"
    result = runner.invoke(app, ["config", "init", str(target)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    root = Path(__file__).resolve().parents[1]
    assert target.read_bytes() == (root / "config.example.toml").read_bytes()
    again = runner.invoke(app, ["config", "init", str(target)])
    assert again.exit_code == 2 and "--force" in again.output
    target.write_text("# mine\n", encoding="utf-8")
    forced = runner.invoke(app, ["config", "init", str(target), "--force"])
    assert forced.exit_code == 0 and target.read_bytes() != b"# mine\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_the_packaged_config_example_is_the_top_level_one() -> None:
    from importlib import resources

    root = Path(__file__).resolve().parents[1]
    packaged = resources.files("exposure_scan").joinpath("data/config.example.toml")
    assert packaged.read_bytes() == (root / "config.example.toml").read_bytes(), (
        "copy config.example.toml to exposure_scan/data/ (a copy, not a link: Windows)"
    )


def test_providers_names_the_config_and_how_to_fix_what_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HIBP_API_KEY", raising=False)
    config = tmp_path / "config.toml"
    config.write_text("[providers.searxng]\nbase_url = \"\"\n", encoding="utf-8")
    result = runner.invoke(app, ["providers", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert f"config: {config}" in result.output
    assert "hibp: set the environment variable HIBP_API_KEY" in result.output
    assert "base_url" in result.output.split("searxng:")[-1]
    data = json.loads(runner.invoke(app, ["providers", "--config", str(config), "--json"]).output)
    assert data["config"] == str(config)
    hibp = next(p for p in data["providers"] if p["provider"] == "hibp")
    assert hibp["status"] == "needs key" and hibp["key_env_var"] == "HIBP_API_KEY"
