"""Templates compiled ahead of time and shipped in the package (reports/compiled/): a run
executes their Python code instead of compiling the Jinja source, which took about 0.2 s of
every scan (the HTML report alone 0.17 s).

A compiled template is used only when it was made from the same source, by the same Jinja
release series and with the same environment settings (its KEY); any other template is
compiled from its source as before, so an edited template is never rendered stale, only
slower. The Dutch message catalog ships compiled here too (reports/i18n.py). After editing
a template or the .po, write them again: `make templates`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from collections.abc import Callable, MutableMapping
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2 import BaseLoader, Environment, Template
from jinja2.utils import internalcode

PACKAGE = "exposure_scan.reports.compiled"
FOLDER = Path(__file__).resolve().parent / "compiled"
HEADER = (
    "# Generated from reports/templates/{name} by `make templates` (reports/loader.py):\n"
    "# do not edit.\n"
    "# ruff: noqa\n"
    "# mypy: ignore-errors\n"
    "KEY = {key!r}\n"
)


def module_name(template: str) -> str:
    """`report.html.j2` -> `report_html_j2`."""
    return re.sub(r"\W", "_", template)


def compile_key(environment: Environment, name: str, source: str) -> str:
    """What the compiled code depends on: the source, Jinja's release series and every
    environment setting the compiler reads (the language does not: gettext is looked up when
    the template renders)."""
    autoescape = environment.autoescape
    settings = (
        ".".join(jinja2.__version__.split(".")[:2]),
        autoescape(name) if callable(autoescape) else autoescape,
        sorted(environment.extensions),
        getattr(environment, "newstyle_gettext", None),
        environment.trim_blocks, environment.lstrip_blocks, environment.keep_trailing_newline,
        environment.newline_sequence, environment.optimized, environment.is_async,
        environment.finalize is not None,
        environment.block_start_string, environment.block_end_string,
        environment.variable_start_string, environment.variable_end_string,
        environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix,
    )
    return hashlib.sha256(f"{settings!r}\0{source}".encode()).hexdigest()


def shipped_code(name: str) -> CodeType | None:
    """The compiled template's module code (from its .pyc when Python has one), or None."""
    try:
        spec = importlib.util.find_spec(f"{PACKAGE}.{module_name(name)}")
    except ModuleNotFoundError:  # the package itself is missing: an odd install
        return None
    if spec is None or spec.loader is None or not hasattr(spec.loader, "get_code"):
        return None
    code: CodeType | None = spec.loader.get_code(spec.name)
    return code


class PrecompiledLoader(BaseLoader):
    """`source` finds the templates; their code comes from reports/compiled/ when it is current."""

    def __init__(self, source: BaseLoader) -> None:
        self.source = source

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        return self.source.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return self.source.list_templates()

    @internalcode
    def load(
        self,
        environment: Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> Template:
        source, filename, uptodate = self.source.get_source(environment, name)
        code = shipped_code(name)
        # The module's KEY is one of its constants: checked before any of its code runs (code
        # from another Jinja release might not even import).
        if code is not None and compile_key(environment, name, source) in code.co_consts:
            # A fresh namespace for every environment, as Jinja's own compile path gives:
            # a template's module globals hold its environment (and so its language).
            namespace: dict[str, Any] = {"environment": environment,
                                         "__file__": filename or "<template>"}
            exec(code, namespace)
            template: Template = environment.template_class._from_namespace(
                environment, namespace, globals if globals is not None else {}
            )
            template._uptodate = uptodate
            return template
        return environment.template_class.from_code(
            environment, environment.compile(source, name, filename),
            globals if globals is not None else {}, uptodate
        )


def generated(environment: Environment, name: str) -> str:
    """The module written for one template."""
    source, filename, _ = environment.loader.get_source(environment, name)  # type: ignore[union-attr]
    code = environment.compile(source, name, filename, raw=True)
    return HEADER.format(name=name, key=compile_key(environment, name, source)) + code


def environments() -> list[tuple[Environment, list[str]]]:
    """Each template with the environment that renders it: letters have their own."""
    from .letter import _environment
    from .render import environment

    letters, reports = _environment(), environment("en")  # the code is the same for "nl"
    names = reports.list_templates(extensions=["j2"])
    return [(letters, [n for n in names if n.startswith("letter.")]),
            (reports, [n for n in names if not n.startswith("letter.")])]


def write_all(folder: Path = FOLDER) -> list[Path]:
    """Write every template's module into `folder`; stale ones are removed."""
    folder.mkdir(exist_ok=True)
    init = folder / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated: the report templates, compiled (reports/loader.py)."""\n',
                        encoding="utf-8")
    written = [init]
    for environment, names in environments():
        for name in names:
            path = folder / f"{module_name(name)}.py"
            text = generated(environment, name)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")  # unchanged: its .pyc stays valid
            written.append(path)
    written.append(write_catalog(folder / "messages_nl.py", "nl"))
    for old in set(folder.glob("*.py")) - set(written):
        old.unlink()
    return written


def write_catalog(path: Path, lang: str) -> Path:
    """The message catalog compiled (.mo) with the SHA-256 of the .po it was made from
    (reports/i18n.py uses it only while the .po is unchanged)."""
    from .i18n import compile_po

    po = (FOLDER.parent / "locale" / lang / "LC_MESSAGES" / "messages.po").read_bytes()
    text = (HEADER.format(name=f"locale/{lang}/LC_MESSAGES/messages.po",
                          key=hashlib.sha256(po).hexdigest())
            .replace("reports/templates/locale", "reports/locale")
            + f"MO = {compile_po(po, lang)!r}\n")
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
