"""Issue 12: the organisation file, the kit, `init --org`, and the employer in every report."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exposure_scan.cli import app
from exposure_scan.config import load_config
from exposure_scan.demo import DemoWorld, _data
from exposure_scan.errors import ConfigError, InputError, OrganisationError
from exposure_scan.kit import write_kit
from exposure_scan.organisation import load_organisation, organisation_for

runner = CliRunner()

ORG = """\
name = "Zorggroep Zonnedauw"
language = "nl"

[contact]
name = "Meldpunt Veilig Werken"
role = "Team Veiligheid"
phone = "030 111 22 33"
email = "meldpunt@zonnedauw.example"
hours = "ma-vr 8:00-17:00"

[counsellor]
name = "Petra Vertrouwd"
role = "vertrouwenspersoon"
phone = "030 999 88 77"

[search]
searxng_url = "https://zoek.zonnedauw.example"
proxy = "http://127.0.0.1:8118"

[hand_in]
upload_url = "https://upload.zonnedauw.example/samenvatting"
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_organisation_file_loads(tmp_path: Path) -> None:
    org = load_organisation(write(tmp_path / "o.toml", ORG))
    assert org.contact.name == "Meldpunt Veilig Werken"
    assert org.counsellor is not None and org.counsellor.role == "vertrouwenspersoon"
    public = org.public_contact()
    assert public.hand_in_url.endswith("/samenvatting") and public.contact.hours


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("[contact]", "[contact]\nfax = \"1\""), "contact.fax: unknown key"),
        (('email = "meldpunt@zonnedauw.example"', 'email = "nope"'), "contact.email: not an email"),
        (('language = "nl"', 'language = "de"'), "language:"),
        (('searxng_url = "https://zoek.zonnedauw.example"', 'searxng_url = "zoek"'),
         "search.searxng_url: expected the SearXNG address"),
        (('proxy = "http://127.0.0.1:8118"', 'proxy = "socks://u:secret@x"'), "search.proxy:"),
    ],
)
def test_organisation_errors_are_one_line(tmp_path: Path, change: tuple[str, str],
                                          expected: str) -> None:
    path = write(tmp_path / "org.toml", ORG.replace(*change, 1))
    with pytest.raises(OrganisationError) as info:
        load_organisation(path)
    message = str(info.value)
    assert "\n" not in message and expected in message and "secret" not in message


def test_contact_point_needs_a_phone_or_email(tmp_path: Path) -> None:
    text = ORG.replace('phone = "030 111 22 33"\n', "").replace(
        'email = "meldpunt@zonnedauw.example"\n', "")
    with pytest.raises(OrganisationError, match=r"contact\.phone: give a phone number"):
        load_organisation(write(tmp_path / "org.toml", text))


def test_config_names_the_organisation_relative_to_itself(tmp_path: Path) -> None:
    write(tmp_path / "org.toml", ORG)
    config = load_config(write(tmp_path / "config.toml", 'organisation = "org.toml"\n'))
    org = organisation_for(config.source, config.organisation)
    assert org is not None and org.name == "Zorggroep Zonnedauw"
    assert organisation_for(config.source, "") is None
    with pytest.raises(ConfigError, match=r"organisation: .*missing\.toml: file not found"):
        organisation_for(config.source, "missing.toml")


def test_kit_writes_private_files_without_personal_data(tmp_path: Path) -> None:
    org_file = write(tmp_path / "org.toml", ORG)
    out = tmp_path / "kit" / "nieuw"
    paths = write_kit(load_organisation(org_file), org_file.read_bytes(), out, pdf=False)
    assert {p.name for p in paths} == {"org.toml", "instructions.html", "consent.txt"}
    assert mode(out) == 0o700 and all(mode(p) == 0o600 for p in paths)
    page = (out / "instructions.html").read_text("utf-8")
    assert "exposure-scan init --org org.toml" in page and "exposure-scan scan" in page
    assert 'lang="nl"' in page and 'lang="en"' in page and "<script" not in page
    consent = (out / "consent.txt").read_text("utf-8")
    assert "[consent]" in consent and "Zorggroep Zonnedauw" in consent
    with pytest.raises(InputError, match="exists"):
        write_kit(load_organisation(org_file), org_file.read_bytes(), out, pdf=False)


def test_init_with_org_writes_profile_and_config(tmp_path: Path) -> None:
    org_file = write(tmp_path / "org.toml", ORG)
    profile = tmp_path / "me" / "profile.toml"
    result = runner.invoke(app, ["init", str(profile), "--org", str(org_file)])
    assert result.exit_code == 0, result.output
    config = load_config(profile.parent / "config.toml")
    assert config.organisation == "org.toml" and config.report.language == "nl"
    assert config.http.proxy == "http://127.0.0.1:8118"
    assert config.providers["searxng"]["base_url"] == "https://zoek.zonnedauw.example"
    assert mode(profile.parent / "config.toml") == 0o600 and mode(profile.parent) == 0o700
    assert profile.exists()
    again = runner.invoke(app, ["init", str(profile), "--org", str(org_file)])
    assert again.exit_code == 2 and "exists" in again.output


def demo_config_toml(base: str, organisation: str = "") -> str:
    org = f'organisation = "{organisation}"\n' if organisation else ""
    return org + f"""
[scan]
concurrency = 4
provider_timeout = 30

[http]
allow_hosts = ["127.0.0.1"]
timeout = 5
retries = 0

[report]
language = "{{lang}}"

[providers.searxng]
base_url = "{base}/searxng"
rate_limit = 50

[providers.big_register]
base_url = "{base}/big/zksrv/soap/4"
rate_limit = 50

[providers.inspector]
rate_limit = 50
allow_hosts = ["127.0.0.1"]
"""


@pytest.fixture(scope="module")
def org_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """kit -> init --org -> scan on the demo world, in both languages."""
    tmp = tmp_path_factory.mktemp("orgscan")
    org_file = write(tmp / "org.toml", ORG)
    out: dict[str, str] = {}
    with DemoWorld() as world:
        profile = write(tmp / "profile.toml", _data("profile.toml").replace("{base}",
                                                                            world.base_url))
        for lang in ("nl", "en"):
            config = write(tmp / f"config-{lang}.toml",
                           demo_config_toml(world.base_url, str(org_file)).replace("{lang}", lang))
            folder = tmp / lang
            result = runner.invoke(app, ["scan", "-p", str(profile), "-c", str(config), "--out",
                                         str(folder), "-q", "-f", "html", "-f", "md", "-f", "json",
                                         "--provider", "searxng", "--provider", "big_register",
                                         "--provider", "inspector"])
            assert result.exit_code in (0, 6), result.output
            for suffix in ("html", "md", "json"):
                out[f"{lang}.{suffix}"] = next(folder.glob(f"*.{suffix}")).read_text("utf-8")
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("suffix", ["html", "md"])
def test_report_names_contact_point_and_counsellor(org_reports: dict[str, str], lang: str,
                                                   suffix: str) -> None:
    text = org_reports[f"{lang}.{suffix}"]
    happens = text.index("If it happens" if lang == "en" else "Als het gebeurt")
    plan = text.index("Action plan" if lang == "en" else "Actieplan")
    after = text[happens:]
    assert "Meldpunt Veilig Werken" in after and "Petra Vertrouwd" in after
    assert "Meldpunt Veilig Werken" in text[plan:happens]  # in the plan, after the evidence step
    aftercare = "Aftercare" if lang == "en" else "Nazorg"
    assert aftercare in text and "upload.zonnedauw.example" in text


def test_json_report_carries_organisation_and_fingerprint(org_reports: dict[str, str]) -> None:
    data = json.loads(org_reports["en.json"])
    assert data["organisation"]["contact"]["name"] == "Meldpunt Veilig Werken"
    assert len(data["profile"]["fingerprint"]) == 64
    assert json.loads(org_reports["nl.json"])["profile"]["fingerprint"] == \
        data["profile"]["fingerprint"]  # same person, same installation key


def test_report_without_organisation_has_no_employer_section(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--out", str(tmp_path), "-q", "-f", "md"])
    assert result.exit_code in (0, 6)
    text = next(tmp_path.glob("*.md")).read_text("utf-8")
    assert "Aftercare" not in text and "Nazorg" not in text


def test_kit_command_and_a_bad_org_file_is_one_line(tmp_path: Path) -> None:
    org_file = write(tmp_path / "org.toml", ORG)
    result = runner.invoke(app, ["kit", str(org_file), "--out", str(tmp_path / "kit"),
                                 "--no-pdf"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "kit" / "consent.txt").exists()
    bad = write(tmp_path / "bad.toml", ORG.replace("[contact]", "[contakt]"))
    result = runner.invoke(app, ["kit", str(bad), "--out", str(tmp_path / "kit2")])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "contakt: unknown key" in result.output
    assert not (tmp_path / "kit2").exists()
