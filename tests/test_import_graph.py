"""The package's import graph, read statically: no cycle among module-level imports, and no
module reaching another by name through importlib (every import is one a reader and mypy
can follow)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Where each package's files are: providers/ and reports/ install as exposure_scan.<folder>.
FOLDERS = {
    "exposure_scan": ROOT / "exposure_scan",
    "exposure_scan.providers": ROOT / "providers",
    "exposure_scan.reports": ROOT / "reports",
}


def modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package, folder in FOLDERS.items():
        for path in folder.rglob("*.py"):
            parts = path.relative_to(folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join((package, *parts))] = path
    return found


def _module_level(body: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported: not inside functions, and not under
    `if TYPE_CHECKING:` (those never run)."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            if "TYPE_CHECKING" not in ast.unparse(node.test):
                yield from _module_level(node.body)
            yield from _module_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody,
                          *(h.body for h in node.handlers)):
                yield from _module_level(block)
        elif isinstance(node, ast.With | ast.ClassDef):
            yield from _module_level(node.body)


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in _module_level(ast.parse(path.read_text("utf-8")).body):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from pkg import mod` imports the module mod; `from mod import name` imports mod
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base
                       for a in node.names]
        out |= {t for t in targets if t in known and t != name}
    return out


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports_of(name, path, known) for name, path in found.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str]:
    """One cycle as a path of module names, or [] when the graph is acyclic."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return []

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_the_graph_reader_sees_the_mapped_packages() -> None:
    edges = graph()
    assert {"exposure_scan.providers.brave", "exposure_scan.reports.render"} <= set(edges)
    assert "exposure_scan.provider" in edges["exposure_scan.providers.brave"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_module_level_imports_have_no_cycle() -> None:
    assert find_cycle(graph()) == []


def test_no_module_imports_another_by_name() -> None:
    """importlib.import_module and __import__ hide an import from readers and from mypy
    (importlib.metadata for entry points and importlib.resources for data are fine)."""
    offenders = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            called = node.func if isinstance(node, ast.Call) else None
            text = ast.unparse(called) if called is not None else ""
            if text.endswith("import_module") or text == "__import__":
                offenders.append(f"{name}:{node.lineno}")
            if isinstance(node, ast.ImportFrom) and node.module == "importlib" and any(
                a.name == "import_module" for a in node.names
            ):
                offenders.append(f"{name}:{node.lineno}")
    assert offenders == []
