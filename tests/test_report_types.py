"""No Any crosses from reports/ into the core: every function, class and constant the core
takes from exposure_scan.reports is fully typed. (`make lint` also type-checks the calls,
with mypy over the installed layout: .ci/typecheck.py.)"""

from __future__ import annotations

import ast
import importlib
import inspect
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REPORTS = "exposure_scan.reports"
PLAIN = (str, int, float, bool, type(None))


def _imported_from_reports() -> Iterator[tuple[str, str, set[str]]]:
    """(module, name, attributes the core uses on it) for every `from exposure_scan.reports...
    import name` in the core, at any depth (most are imported where they are needed)."""
    for path in sorted((ROOT / "exposure_scan").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                    and (node.module == REPORTS or node.module.startswith(REPORTS + "."))):
                continue
            for alias in node.names:
                local = alias.asname or alias.name
                used = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)
                        and isinstance(n.value, ast.Name) and n.value.id == local}
                yield node.module, alias.name, used


def _has_any(hint: object) -> bool:
    return hint is Any or any(_has_any(arg) for arg in typing.get_args(hint))


def _untyped(obj: object, module: ModuleType, name: str) -> list[str]:
    """What is Any or unannotated about one object the core uses."""
    if inspect.isclass(obj):
        return [] if obj.__module__.startswith("exposure_scan.") else [f"{name}: foreign class"]
    if callable(obj):
        hints = typing.get_type_hints(obj)
        params = [p for p in inspect.signature(obj).parameters.values()
                  if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
        missing = [p.name for p in params if p.name not in hints]
        if "return" not in hints:
            missing.append("return")
        bad = [f"{name}({m}): not annotated" for m in missing]
        return bad + [f"{name}({k}): Any" for k, v in hints.items() if _has_any(v)]
    annotated = typing.get_type_hints(module).get(name)
    if annotated is not None:
        return [f"{name}: Any"] if _has_any(annotated) else []
    return [] if _plain(obj) else [f"{name}: neither annotated nor plain data"]


def _plain(value: object) -> bool:
    """Data whose type mypy infers exactly (a dict of strings, a tuple of numbers ...)."""
    if isinstance(value, PLAIN):
        return True
    if isinstance(value, dict):
        return all(_plain(k) and _plain(v) for k, v in value.items())
    if isinstance(value, list | tuple | frozenset | set):
        return all(_plain(v) for v in value)
    return False


def test_the_core_imports_something_from_the_reports() -> None:
    assert {name for _, name, _ in _imported_from_reports()} >= {"render", "render_pdf"}


def test_nothing_the_core_takes_from_the_reports_is_any() -> None:
    problems: list[str] = []
    for module_name, name, used in _imported_from_reports():
        module = importlib.import_module(module_name)
        obj = getattr(module, name)
        if inspect.ismodule(obj):  # `from exposure_scan.reports import i18n`: what it uses
            problems += [p for attr in sorted(used)
                         for p in _untyped(getattr(obj, attr), obj, f"{name}.{attr}")]
        else:
            problems += _untyped(obj, module, f"{module_name}.{name}")
    assert problems == []
