"""Reports: a finished ScanResult rendered as JSON, Markdown or one self-contained HTML file,
in English or Dutch (`result.language`), plus GDPR request letters (`letter.letters`)."""

from __future__ import annotations

from collections.abc import Callable

# Imported from the repository root as `reports`, every module would load a second time as a
# different object: refuse that second way (the package is exposure_scan.reports).
if __name__ != "exposure_scan.reports":
    raise ImportError(f"import exposure_scan.reports, not {__name__}")

from exposure_scan.errors import ReportError
from exposure_scan.models import ScanResult

from .letter import letters
from .render import render_html, render_json, render_markdown, render_print

RENDERERS: dict[str, Callable[[ScanResult], str]] = {
    "json": render_json,
    "md": render_markdown,
    "html": render_html,
}


def render(result: ScanResult, fmt: str) -> str:
    """Render `result` in `fmt` ("json", "md" or "html")."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ReportError(
            f'unknown report format "{fmt}": use one of {", ".join(sorted(RENDERERS))}'
        ) from None
    return renderer(result)


__all__ = ["RENDERERS", "letters", "render", "render_print"]
