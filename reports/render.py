"""Renderers: ScanResult -> str. JSON is canonical; Markdown and HTML go through Jinja2."""

from __future__ import annotations

import html
import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from exposure_scan.models import Finding, ScanResult
from exposure_scan.passage import passages

from .context import build, safe_href
from .i18n import normalise, translations
from .templatecache import keep_compiled

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~!#])")


def md_text(value: Any) -> str:
    """Scraped text made inert for Markdown: one line, HTML escaped, markup characters escaped."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def md_piece(value: Any) -> str:
    """A piece of a quoted passage: like `md_text`, but the space at either end stays, so the
    words around a bold value do not run into it."""
    text = str(value)
    inner = md_text(text)
    if not inner:
        return " " if text[:1].isspace() else ""
    before = " " if text[:1].isspace() else ""
    after = " " if text[-1:].isspace() else ""
    return before + inner + after


def md_url(value: Any) -> str:
    """An http(s) URL as an autolink; anything else as inert code text."""
    url = " ".join(str(value).split()).replace("|", "%7C")
    if safe_href(url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    if not url:
        return ""
    return "`" + url.replace("`", "%60") + "`"


@cache
def environment(lang: str) -> Environment:
    env = Environment(
        loader=PackageLoader("exposure_scan.reports", "templates"),
        autoescape=select_autoescape(["html", "html.j2"]),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n", "jinja2.ext.do"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters["md"] = md_text
    env.filters["mdurl"] = md_url
    env.filters["mdpiece"] = md_piece
    return keep_compiled(env, "report")


def _render(result: ScanResult, template: str, *, for_print: bool = False) -> str:
    context = build(result)
    return environment(normalise(result.language)).get_template(template).render(
        **context, for_print=for_print)


def lean(finding: Finding) -> Finding:
    """The finding as the JSON report keeps it: the passages that matched and the page's
    hash, not its text (the evidence bundle keeps that). A search excerpt stays."""
    obs = finding.observation
    if not obs.text:
        return finding
    quotes = passages(obs.text, [m.observed for m in finding.matches])
    return finding.model_copy(
        update={"observation": obs.model_copy(update={"text": ""}), "passages": quotes}
    )


def render_json(result: ScanResult) -> str:
    # Shallow copies: only the findings that held a page's text are rebuilt.
    return result.model_copy(
        update={"findings": [lean(f) for f in result.findings]}
    ).model_dump_json(indent=2)


def render_markdown(result: ScanResult) -> str:
    return _render(result, "report.md.j2")


def render_html(result: ScanResult) -> str:
    return _render(result, "report.html.j2")


def render_print(result: ScanResult) -> str:
    """The HTML report made for paper (the PDF): every step written out, nothing folded
    away, no links within the report (a page has no place to jump to); links out printed
    once. Fewer elements, so Chromium lays out a long report in seconds."""
    return _render(result, "report.html.j2", for_print=True)
