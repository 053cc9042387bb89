"""The example plugin under examples/ is a complete provider: its entry point names a
subclass of exposure_scan.Provider, the registry accepts it, and it runs against respx."""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
import respx

from exposure_scan import Provider, Query, QueryField, SourceKind
from exposure_scan.profile import Country, PersonName
from exposure_scan.registry import ENTRY_POINT_GROUP, Registry, builtin_provider_classes
from tests.conftest import run_search

PLUGIN = Path(__file__).resolve().parent.parent / "examples" / "exposure-scan-example-directory"


@pytest.fixture
def plugin_class() -> Iterator[type[Provider]]:
    """The class its entry point names, loaded from the folder as an installed plugin is."""
    meta = tomllib.loads((PLUGIN / "pyproject.toml").read_text("utf-8"))
    points = meta["project"]["entry-points"][ENTRY_POINT_GROUP]
    (name, value), = points.items()
    sys.path.insert(0, str(PLUGIN))
    try:
        cls = EntryPoint(name=name, value=value, group=ENTRY_POINT_GROUP).load()
        assert cls.name == name  # the entry-point name is the provider's name
        yield cls
    finally:
        sys.path.remove(str(PLUGIN))
        sys.modules.pop(value.split(":")[0], None)


def test_the_example_plugin_is_a_provider(plugin_class: type[Provider]) -> None:
    assert issubclass(plugin_class, Provider)
    registry = Registry([*builtin_provider_classes(), plugin_class])
    assert registry.classes[plugin_class.name] is plugin_class


@respx.mock
async def test_the_example_plugin_searches_through_the_fetcher(
    plugin_class: type[Provider],
) -> None:
    route = respx.get("https://directory.test/api/people").respond(json={"people": [
        {"name": "Jan Jansen", "city": "Voorbeeldstad", "phone": "020 123 4567",
         "url": "https://directory.test/p/1"},
    ]})
    provider = plugin_class(base_url="https://directory.test/api",
                            options=plugin_class.Options(max_results=5))
    query = Query(country=Country.NL, names=[PersonName(given="Jan", surname="Jansen")])
    hits, ctx = await run_search(provider, query)
    assert route.called and route.calls.last.request.url.params["name"] == "Jan Jansen"
    assert [h.names for h in hits] == [["Jan Jansen"]]
    assert hits[0].source_kind is SourceKind.DIRECTORY and hits[0].provider == "example_directory"
    # the request went through the shared fetcher: in the query ledger, fields but no values
    assert [(e.provider, e.host, e.fields) for e in ctx.ledger] == [
        ("example_directory", "directory.test", [QueryField.NAME.value])]


def _install(site: Path) -> None:
    """Install the plugin into `site` as pip would lay it out: the package, and a dist-info
    whose entry_points.txt comes from the plugin's pyproject.toml (no network, no build)."""
    import shutil

    meta = tomllib.loads((PLUGIN / "pyproject.toml").read_text("utf-8"))["project"]
    package = meta["entry-points"][ENTRY_POINT_GROUP]
    for folder in {v.split(":")[0].split(".")[0] for v in package.values()}:
        shutil.copytree(PLUGIN / folder, site / folder)
    info = site / f"{meta['name'].replace('-', '_')}-{meta['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {meta['name']}\nVersion: {meta['version']}\n", "utf-8")
    lines = [f"[{ENTRY_POINT_GROUP}]", *(f"{k} = {v}" for k, v in package.items())]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", "utf-8")


def test_the_installed_example_plugin_is_listed_by_the_cli(tmp_path: Path) -> None:
    """Installed next to exposure-scan, the plugin is found through its entry point and
    `exposure-scan providers` lists it (off by default), run from the repository root."""
    import json
    import os
    import subprocess

    site = tmp_path / "site"
    site.mkdir()
    _install(site)
    empty = tmp_path / "config.toml"
    empty.write_text("", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(site), "EXPOSURE_SCAN_CONFIG": str(empty)}
    env.pop("EXPOSURE_SCAN_PROVIDERS", None)
    done = subprocess.run(
        [sys.executable, "-m", "exposure_scan", "providers", "--json"],
        cwd=PLUGIN.parent.parent, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = {r["provider"]: r for r in json.loads(done.stdout)["providers"]}
    assert rows["example_directory"]["status"] == "disabled"
    assert rows["example_directory"]["sends"] == ["name"]
    assert "brave" in rows and "inspector" in rows


def test_the_example_plugin_docs_name_commands_that_exist() -> None:
    from typer.main import get_command

    from exposure_scan.cli import app

    group = get_command(app)
    text = (PLUGIN / "README.md").read_text("utf-8") + (PLUGIN / "pyproject.toml").read_text(
        "utf-8")
    for line in text.splitlines():
        for command in re.findall(r"`exposure-scan ([a-z ]+?)`", line):
            found = group
            for word in command.split():
                commands = getattr(found, "commands", {})
                assert word in commands, command  # a subcommand, not an argument
                found = commands[word]
