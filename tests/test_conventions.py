"""Docs as tests: every provider is documented, and the mapped packages are never imported
by their bare folder names."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from exposure_scan.registry import Registry

ROOT = Path(__file__).resolve().parent.parent
BARE_IMPORT = re.compile(r"^\s*(from|import)\s+(providers|reports)\b", re.M)


def provider_names() -> list[str]:
    return Registry.discover(include_entry_points=False).names()


def test_nothing_imports_the_bare_providers_or_reports_folders() -> None:
    offenders = []
    for folder in ("exposure_scan", "providers", "reports", "tests", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            if BARE_IMPORT.search(path.read_text("utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.parametrize("name", provider_names())
def test_every_provider_is_in_the_readme_table(name: str) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert re.search(rf"^\| `{name}` \|", readme, re.M), f"add `{name}` to README's table"


@pytest.mark.parametrize("name", provider_names())
def test_every_provider_has_a_config_example_block(name: str) -> None:
    example = tomllib.loads((ROOT / "config.example.toml").read_text("utf-8"))
    assert name in example["providers"], f"add [providers.{name}] to config.example.toml"


def test_every_provider_option_is_in_its_config_example_block() -> None:
    example = tomllib.loads((ROOT / "config.example.toml").read_text("utf-8"))
    missing = [
        f"[providers.{cls.name}] {option}"
        for cls in Registry.discover(include_entry_points=False)
        for option in cls.Options.model_fields
        if option not in example["providers"].get(cls.name, {})
    ]
    assert missing == [], "document these options in config.example.toml"


def test_the_config_example_is_a_valid_config() -> None:
    from exposure_scan.config import Config

    example = tomllib.loads((ROOT / "config.example.toml").read_text("utf-8"))
    configured = Registry.discover(include_entry_points=False).configure(
        Config.model_validate(example), env={}
    )
    assert configured


def test_readme_says_what_each_web_search_route_costs() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    web_search = [
        cls.name
        for cls in Registry.discover(include_entry_points=False)
        if cls.source_kind.value == "search"
    ]
    for name in web_search:
        assert re.search(rf"^\| `{name}`( \(default\))? \| .+ \| .+ \|$", readme, re.M), name
    assert "monthly audit" in readme


def test_readme_names_the_test_command_ci_runs() -> None:
    assert "make test" in (ROOT / "README.md").read_text("utf-8")
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")


def test_every_provider_declares_its_metadata() -> None:
    for cls in Registry.discover(include_entry_points=False):
        assert cls.name and cls.title and cls.sends, cls
        assert cls.jurisdiction in {"NL", "US", "UK", "global"}, cls.name
        assert cls.default_rate_limit > 0, cls.name
        if cls.key_required:
            assert cls.key_env_var, cls.name


def _context_users() -> list[Path]:
    """Every provider, the page inspector and the example plugin: code a plugin author copies."""
    plugin = ROOT / "examples"
    return [*sorted((ROOT / "providers").glob("*.py")), ROOT / "exposure_scan" / "inspector.py",
            *sorted(plugin.rglob("*.py"))]


def _public_context_names() -> set[str]:
    import inspect

    from exposure_scan.provider import ProviderContext

    init = inspect.getsource(ProviderContext.__init__)
    assigned = set(re.findall(r"self\.([a-z]\w*)\s*(?::[^=]+)?=", init))
    return assigned | {n for n in dir(ProviderContext) if not n.startswith("_")}


def test_providers_use_only_the_public_provider_context() -> None:
    """No provider reaches into the fetcher or a private attribute of its ProviderContext:
    whatever a provider needs is a method of the context (tests read `ctx.ledger`)."""
    import ast

    public = _public_context_names()
    assert "fetcher" not in public and {"request", "http", "ledger"} <= public
    offenders = []
    for path in _context_users():
        tree = ast.parse(path.read_text("utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            args = [*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs]
            names = {a.arg for a in args if a.arg == "ctx" or (
                a.annotation is not None and "ProviderContext" in ast.unparse(a.annotation))}
            for node in ast.walk(func):
                if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                        and node.value.id in names and node.attr not in public):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} ctx.{node.attr}")
    assert offenders == []


def test_every_provider_module_is_in_the_builtin_list() -> None:
    """The built-in list is written out (no discovery by importlib): a new module in
    providers/ must be added to it."""
    from exposure_scan.registry import builtin_provider_classes

    modules = {cls.__module__ for cls in builtin_provider_classes()}
    files = {f"exposure_scan.providers.{p.stem}" for p in (ROOT / "providers").glob("*.py")
             if not p.name.startswith("_")}
    assert files <= modules
    assert "exposure_scan.inspector" in modules  # the page inspector is found like any other
    names = [cls.name for cls in builtin_provider_classes()]
    assert len(names) == len(set(names))
