from __future__ import annotations

from pathlib import Path

import pytest

from exposure_scan.config import Config, load_config
from exposure_scan.errors import ConfigError
from exposure_scan.registry import Readiness, Registry

ROOT = Path(__file__).resolve().parent.parent


def test_example_config_loads_and_validates_every_provider_table() -> None:
    config = load_config(ROOT / "config.example.toml")
    configured = Registry.discover(include_entry_points=False).configure(config, env={})
    assert {c.cls.name for c in configured} >= set(config.providers)


def test_no_file_means_defaults() -> None:
    config = load_config(None)
    assert config.scan.send_private_values is False
    assert config.http.respect_robots is True


def test_unknown_section_key_is_a_typo(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[scan]\nconcurrenci = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"scan\.concurrenci: unknown key"):
        load_config(path)


def test_unknown_provider_lists_the_known_ones(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[providers.serxng]\nenabled = true\n", encoding="utf-8")
    config = load_config(path)
    with pytest.raises(
        ConfigError, match=r"providers\.serxng: unknown provider \(known: .*searxng"
    ):
        Registry.discover(include_entry_points=False).configure(config, env={})


def test_provider_option_typo(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[providers.searxng]\nbase_url = "https://s.test"\nmax_querys = 3\n')
    config = load_config(path)
    with pytest.raises(ConfigError, match=r"providers\.searxng\.max_querys: unknown key"):
        Registry.discover(include_entry_points=False).configure(config, env={})


def test_keys_come_only_from_the_environment() -> None:
    registry = Registry.discover(include_entry_points=False)
    keyed = [c for c in registry if c.key_required]
    if not keyed:
        pytest.skip("no provider needs a key yet")
    cls = keyed[0]
    without = {c.cls.name: c for c in registry.configure(Config(), env={})}
    assert without[cls.name].readiness is Readiness.NEEDS_KEY
    with_key = {c.cls.name: c for c in registry.configure(Config(), env={cls.key_env_var: "k"})}
    assert with_key[cls.name].readiness is Readiness.READY


def test_searxng_needs_a_base_url() -> None:
    configured = {c.cls.name: c for c in Registry.discover().configure(Config(), env={})}
    assert configured["searxng"].readiness is Readiness.NEEDS_BASE_URL


def test_wrong_types_say_what_is_expected(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[scan]\nconcurrency = "lots"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == (f"{path}: scan.concurrency: expected a whole number, like 4")


def test_an_empty_language_takes_it_from_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[report]\nlanguage = ""\n', encoding="utf-8")
    assert load_config(path).report.language is None


def test_the_provider_allow_list_keeps_other_provider_tables_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPOSURE_SCAN_PROVIDERS", "searxng")
    path = tmp_path / "config.toml"
    path.write_text("[providers.npi]\nenabled = false\n", encoding="utf-8")
    registry = Registry.discover(include_entry_points=False)
    assert registry.names() == ["searxng"]
    registry.configure(load_config(path), env={})  # no "unknown provider"


def test_an_empty_provider_allow_list_means_no_restriction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPOSURE_SCAN_PROVIDERS", "")
    assert "npi" in Registry.discover(include_entry_points=False).names()


@pytest.mark.parametrize("proxy", ["nonsense", "ftp://127.0.0.1:21", "http://u:p@[::1"])
def test_a_bad_proxy_is_one_line_without_the_value(tmp_path: Path, proxy: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'[http]\nproxy = "{proxy}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"http\.proxy: expected a proxy URL") as info:
        load_config(path)
    assert proxy not in str(info.value)


@pytest.mark.parametrize(
    ("entry", "fix"),
    [
        ("not a host::", "is not a host name or address; write one like"),
        ("searx lan", "is not a host name or address"),
        ("-searx.lan", "is not a host name or address"),
        ("", "is not a host name or address"),
        ("wiki.lan:8080", 'has a port: write the origin, like "http://wiki.lan:8080"'),
        ("[fd00::5]:81", 'has a port: write the origin, like "http://[fd00::5]:81"'),
    ],
)
@pytest.mark.parametrize("table", ["http", "providers.inspector"])
def test_a_bad_allow_hosts_entry_is_one_line_naming_the_file_the_key_and_the_fix(
    tmp_path: Path, entry: str, fix: str, table: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'[{table}]\nallow_hosts = ["searx.lan", "{entry}"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Registry.discover(include_entry_points=False).configure(load_config(path), env={})
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message and f"{table}.allow_hosts: " in message and fix in message


@pytest.mark.parametrize(
    "entry",
    ["searx.lan", "SEARX.lan.", "localhost", "my_service", "192.168.1.5", "fd00::5", "[::1]",
     "bücher.lan", "10.0.0.0/8", "fd00::/8", "http://wiki.lan:8080", "https://[fd00::5]"],
)
def test_host_names_addresses_ranges_and_origins_are_accepted(tmp_path: Path, entry: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'[http]\nallow_hosts = ["{entry}"]\n[providers.inspector]\n'
                    f'allow_hosts = ["{entry}"]\n', encoding="utf-8")
    config = load_config(path)
    assert config.http.allow_hosts == [entry]
    Registry.discover(include_entry_points=False).configure(config, env={})
