"""Every input error in the user's words: file, key, what was wrong, an example of right.
pydantic's own wording never reaches the user."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from exposure_scan.cli import app
from exposure_scan.config import load_config
from exposure_scan.errors import ConfigError, ProfileError
from exposure_scan.profile import Country, Role, load_profile
from exposure_scan.registry import Registry
from tests.test_cli import write_profile

runner = CliRunner()
PYDANTIC_WORDS = ("Input should", "String should", "pattern", "validation error", "Value error")


def profile_with(tmp_path: Path, line: str, *, language: str = "en") -> Path:
    path = write_profile(tmp_path / "profile.toml")
    text = path.read_text("utf-8").replace('language = "en"', f'language = "{language}"')
    if line.startswith("country"):
        text = "\n".join(x for x in text.splitlines() if not x.startswith("country = "))
    path.write_text(f"{line}\n{text}" if line else text, encoding="utf-8")
    return path


def config_with(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "key", "words"),
    [
        ('role = "astronaut"', "role", 'like role = "gp"'),
        ('country = "DE"', "country", '"NL", "US" or "UK"'),
    ],
)
def test_profile_errors_are_in_the_users_words(
    tmp_path: Path, line: str, key: str, words: str
) -> None:
    path = profile_with(tmp_path, line)
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    message = str(info.value)
    assert message.startswith(f"{path}: {key}: ") and words in message
    assert not any(w in message for w in PYDANTIC_WORDS)
    assert "\n" not in message


def test_a_bad_language_is_explained_with_an_example(tmp_path: Path) -> None:
    path = profile_with(tmp_path, "", language="de")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert str(info.value) == f'{path}: language: expected nl or en, like language = "nl"'


def test_a_dutch_profile_gets_its_errors_in_dutch(tmp_path: Path) -> None:
    path = profile_with(tmp_path, 'country = "DE"', language="nl")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert str(info.value) == f'{path}: country: verwacht een van "NL", "US" of "UK", zoals ' \
        'country = "NL"'


@pytest.mark.parametrize(
    ("value", "role"),
    [("huisarts", Role.GP), ("Huisarts", Role.GP), ("GGZ", Role.MENTAL_HEALTH),
     ("ziekenhuis", Role.HOSPITAL), ("mental health", Role.MENTAL_HEALTH), ("gp", Role.GP)],
)
def test_dutch_role_names_are_aliases(tmp_path: Path, value: str, role: Role) -> None:
    profile = load_profile(profile_with(tmp_path, f'role = "{value}"'))
    assert profile.role is role


def test_gb_is_the_uk(tmp_path: Path) -> None:
    path = profile_with(tmp_path, 'country = "GB"')
    try:
        profile = load_profile(path)
    except ProfileError as exc:  # the sample's Dutch address may not fit the UK: not the point
        assert "country" not in exc.key
    else:
        assert profile.country is Country.UK


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ('[providers.searxng]\nbase_url = "searx.example.org"\n', "providers.searxng.base_url",
         'https:// is missing'),
        ("[http]\nrespect_robots = \"yes\"\n", "http.respect_robots", "true or false"),
        ("[scan]\nsend_private_values = \"no\"\n", "scan.send_private_values", "true or false"),
        ('[providers.hibp]\nenabled = "on"\n', "providers.hibp.enabled", "true or false"),
        ('[providers.searxng]\nsite_queries = "yes"\n', "providers.searxng.site_queries",
         "true or false"),
        ('[report]\nlanguage = "de"\n', "report.language", 'like language = "nl"'),
        ("[scan]\nconcurrency = 0\n", "scan.concurrency", "1 or more"),
    ],
)
def test_config_errors_name_the_key_and_the_fix(
    tmp_path: Path, text: str, key: str, words: str
) -> None:
    path = config_with(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        Registry.discover(include_entry_points=False).configure(load_config(path))
    message = str(info.value)
    assert message.startswith(f"{path}: {key}: "), message
    assert words in message
    assert not any(w in message for w in PYDANTIC_WORDS)


def test_a_base_url_without_scheme_is_refused_at_load_by_the_cli(tmp_path: Path) -> None:
    path = config_with(tmp_path, '[providers.searxng]\nbase_url = "searx.example.org"\n')
    result = runner.invoke(app, ["providers", "--config", str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "https://" in result.output


def test_an_unknown_provider_in_the_environment_is_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EXPOSURE_SCAN_PROVIDERS", "searxng,foo")
    result = runner.invoke(app, ["providers"])
    assert result.exit_code == 2
    assert "EXPOSURE_SCAN_PROVIDERS: foo: unknown provider; known: " in result.output
    assert "searxng" in result.output.split("known:")[1]


def test_an_unknown_provider_option_is_exit_2_listing_the_known(tmp_path: Path) -> None:
    path = write_profile(tmp_path / "profile.toml")
    result = runner.invoke(
        app, ["scan", "--profile", str(path), "--provider", "nope", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "--provider: nope: unknown provider; known: " in result.output
    assert "rdap" in result.output


def test_sources_left_out_by_provider_are_not_selected_not_switched_off() -> None:
    from exposure_scan.config import Config
    from exposure_scan.registry import Readiness

    configured = Registry.discover(include_entry_points=False).configure(
        Config(), only=["rdap"]
    )
    others = {c.cls.name: c.readiness for c in configured if c.cls.name != "rdap"}
    assert set(others.values()) == {Readiness.NOT_SELECTED}


def test_out_dash_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["demo", "--out", "-", "-q"])
    assert result.exit_code == 2 and "--out: -: expects a folder" in result.output
    assert not (tmp_path / "-").exists()


def test_out_in_proc_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--out", "/proc/x", "-q"])
    assert result.exit_code == 2


def test_a_dutch_profile_gets_dutch_config_and_flag_errors(tmp_path: Path) -> None:
    config = config_with(tmp_path, '[http]\nrespect_robots = "yes"\n')
    with pytest.raises(ConfigError) as info:
        load_config(config, "nl")
    assert str(info.value) == (
        f"{config}: http.respect_robots: verwacht true of false zonder aanhalingstekens, zoals "
        "respect_robots = true"
    )
    path = profile_with(tmp_path, 'role = "astronaut"', language="nl")
    with pytest.raises(ProfileError) as role:
        load_profile(path)
    assert "role: verwacht een van gp" in str(role.value)


def test_a_url_option_of_a_provider_is_checked_at_load(tmp_path: Path) -> None:
    path = config_with(tmp_path, '[providers.wayback]\navailability_url = "archive.org/x"\n')
    with pytest.raises(ConfigError) as info:
        Registry.discover(include_entry_points=False).configure(load_config(path))
    assert str(info.value).startswith(f"{path}: providers.wayback.availability_url: expected a "
                                      "web address starting with https://")


def test_a_scan_reports_sources_left_out_as_not_selected(profile: object) -> None:
    import asyncio

    import httpx

    from exposure_scan.config import Config
    from exposure_scan.models import RunStatus
    from exposure_scan.reports.i18n import gettext
    from exposure_scan.scan import ScanState, scan
    from tests.conftest import fake_public_resolver

    config = Config.model_validate({"http": {"retries": 0}})
    registry = Registry.discover(include_entry_points=False)
    state = ScanState(profile=profile, config=config,  # type: ignore[arg-type]
                      providers=registry.configure(config, only=["rdap"], env={}))
    result = asyncio.run(scan(state, transport=httpx.MockTransport(lambda r: httpx.Response(404)),
                              resolver=fake_public_resolver))
    others = [r for r in result.runs if r.provider not in ("rdap", "inspector")]
    assert others and all(r.status is RunStatus.SKIPPED for r in others)
    # another country's source says so first; the rest were not selected
    assert {r.reason for r in others} - {"covers UK only", "covers US only"} == {
        "not selected for this run"
    }
    assert gettext("nl", "not selected for this run") == "niet gekozen voor deze scan"
