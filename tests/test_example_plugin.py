"""The example plugin under examples/ is a complete provider: its entry point names a
subclass of exposure_scan.Provider, the registry accepts it, and it runs against respx."""

from __future__ import annotations

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
