"""The HTML report in a real browser: a hostile corpus of scraped strings never executes.

Every payload, if it ran, would write a marker into document.title, an attribute and the body,
or navigate away. The marker is built at runtime ('xss' + '-fired'), so it can only appear in
Chromium's `--dump-dom` output if a payload executed. Controls prove the harness can see an
execution (a deliberately vulnerable page fires) and that the report was really loaded (every
payload is present as inert text).

Chromium runs headless with the isolation flags of reports/pdf.py (no DNS, dead loopback proxy,
no background networking) and loads file:// pages only: nothing leaves the machine.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from exposure_scan.models import (
    FieldKind,
    FieldMatch,
    Finding,
    LedgerEntry,
    Observation,
    ProviderRun,
    RemovalStep,
    RunStatus,
    ScanResult,
    Severity,
    SourceKind,
)
from exposure_scan.reports.pdf import find_chromium, render_pdf, run_chromium

pytestmark = pytest.mark.browser

MARKER = "xss-fired"
# What each payload does if it runs. No double quotes (it sits inside attributes), and the
# marker only exists after concatenation.
ACT = (
    "document.title='xss'+'-fired';"
    "document.documentElement.setAttribute('data-xss','xss'+'-fired');"
    "document.body.append('xss'+'-fired')"
)

PAYLOADS: list[str] = [
    f"<script>{ACT}</script>",
    f'"><script>{ACT}</script>',
    f"'><script>{ACT}</script>",
    f'<img src=x onerror="{ACT}">',
    f"<img src=x onerror={ACT.replace(' ', '')}>",
    f'<svg onload="{ACT}">',
    f"<svg><script>{ACT}</script></svg>",
    f'<iframe srcdoc="&lt;script&gt;parent.{ACT.split(";")[0]}&lt;/script&gt;"></iframe>',
    f"javascript:{ACT}",
    f" JaVa\tScRiPt:{ACT}",
    f"data:text/html,<script>{ACT}</script>",
    "data:text/html;base64,PHNjcmlwdD5wYXJlbnQuZG9jdW1lbnQudGl0bGU9J3hzcycrJy1maXJlZCc8L3NjcmlwdD4=",
    f'<a href="javascript:{ACT}">click</a>',
    f'<div style="width:expression({ACT});background:url(javascript:{ACT})">x</div>',
    f"<style>@import 'javascript:{ACT}';body{{background:url(data:text/html,x)}}</style>",
    f'<body onload="{ACT}">',
    f'<details open ontoggle="{ACT}"><summary>x</summary></details>',
    f'<input autofocus onfocus="{ACT}">',
    f'<meta http-equiv="refresh" content="0;url=javascript:{ACT}">',
    f'</textarea></title></style></script><script>{ACT}</script>',
    f'<math><mtext><table><mglyph><style><img src=x onerror="{ACT}">',
    f'<object data="javascript:{ACT}"></object><embed src="javascript:{ACT}">',
    f'<base href="javascript:{ACT}//">',
    f'<video><source onerror="{ACT}"></video>',
    f'<form><button formaction="javascript:{ACT}">go</button></form>',
    '<img src=x onerror="location.replace(\'about:blank\')">',
    f'x" onmouseover="{ACT}" autofocus onfocus="{ACT}" x="',
    "{{ 7*7 }} {% raw %} ${7*7} <%= 7*7 %>",
]
assert len(PAYLOADS) >= 15

BENIGN = "Benign-Title-Canary-4711"
T0 = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


def hostile_result() -> ScanResult:
    """One finding per payload, with the payload in every string field a stranger controls."""
    findings = []
    for i, p in enumerate(PAYLOADS):
        obs = Observation(
            provider="searxng", url=p, title=p, source_kind=SourceKind.PEOPLE_SEARCH,
            names=[p], addresses=[p], phones=[p], emails=[p], text=p, snippet=p,
            seen_at=T0, site=p, extra={"k": p}, body_sha256=p,
        )
        matches = [
            FieldMatch(field=FieldKind.NAME, label="", observed=p, confidence=0.9, reason=p),
            FieldMatch(field=FieldKind.ADDRESS, label="home", observed=p, confidence=0.9,
                       reason=p, private=True),
        ]
        findings.append(Finding(
            id=p if i % 2 else f"{i:016x}", observation=obs, matches=matches,
            severity=list(Severity)[i % len(Severity)], score=90,
            rules=[p, "name-with-home-address"],
            explanation=p, work_to_home=i % 3 == 0,
            steps=[RemovalStep(action=p, url=p, method=p, expected_time=p, source=p)],
        ))
    findings.append(Finding(
        id="benign", matches=[], severity=Severity.INFO, score=1,
        observation=Observation(provider="searxng", url="https://example.org/ok", title=BENIGN,
                                seen_at=T0),
    ))
    runs = [ProviderRun(provider="searxng", status=RunStatus.CHECKED)] + [
        ProviderRun(provider=f"p{i}", title=p, status=RunStatus.UNCHECKED, reason=p,
                    unchecked_parts=[p]) for i, p in enumerate(PAYLOADS)
    ]
    return ScanResult(
        tool_version="0.1.0", started_at=T0, finished_at=T0, partial=True, language="en",
        profile={"country": "NL", "role": "gp", "names": 1, "addresses": ["home"]},
        runs=runs, findings=findings,
        ledger=[LedgerEntry(provider="searxng", host=p, fields=["name"], at=T0) for p in PAYLOADS],
        score=90, level="critical", confidence="reduced",
    )


# --- harness ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> str:
    exe = find_chromium()
    if exe is None:
        pytest.skip("chromium not installed: `apt-get install chromium` (Debian) to run the "
                    "browser tests; they prove the HTML report runs no injected script")
    return exe


def render_html(result: ScanResult) -> str:
    try:
        from exposure_scan.reports import render
    except ImportError as exc:
        pytest.skip(f"exposure_scan.reports.render is not available yet ({exc})")
    return render(result, "html")


def dump_dom(exe: str, page: Path, work: Path) -> str:
    """Load the page, let timers and error handlers run, and return the resulting DOM."""
    work.mkdir(exist_ok=True)
    run = run_chromium(["--virtual-time-budget=3000", "--dump-dom", page.as_uri()], work,
                       timeout=90, binary=exe)
    assert run.returncode == 0, run.last_error()
    dom = run.stdout.decode("utf-8", errors="replace")
    assert "</html>" in dom, f"no DOM dumped: {run.last_error()}"
    return dom


URL_ATTRS = ("href", "src", "action", "formaction", "data", "xlink:href", "poster", "background")
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|file):", re.I)


def problems(markup: str) -> list[str]:
    """Everything in a DOM that could run script, navigate, or load something."""
    soup = BeautifulSoup(markup, "html.parser")
    found = []
    for tag in soup.find_all(True):
        name = tag.name.lower()
        if name in {"script", "iframe", "frame", "object", "embed", "base", "form", "applet"}:
            found.append(f"<{name}> element")
        if name == "meta" and str(tag.get("http-equiv", "")).lower() == "refresh":
            found.append("<meta refresh>")
        for attr, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attr.lower().startswith("on"):
                found.append(f"<{name} {attr}>")
            if attr.lower() == "srcdoc":
                found.append(f"<{name} srcdoc>")
            compact = re.sub(r"[\x00-\x20]", "", text)
            if attr.lower() in URL_ATTRS and BAD_SCHEME.match(compact):
                if not (name == "img" and compact.lower().startswith("data:image/")):
                    found.append(f"<{name} {attr}={compact[:30]}>")
            if attr.lower() == "style" and re.search(r"expression|javascript|url\(", compact, re.I):
                found.append(f"<{name} style={compact[:30]}>")
    return found


def assert_nothing_fired(dom: str) -> None:
    assert MARKER not in dom, "a payload executed: its marker is in the DOM"
    soup = BeautifulSoup(dom, "html.parser")
    assert soup.title is not None and MARKER not in soup.title.get_text()
    assert soup.html is not None and "data-xss" not in soup.html.attrs


# --- controls: the harness sees an execution, and escaped text never fires ----------------


def test_positive_control_harness_detects_execution(chromium: str, tmp_path: Path) -> None:
    vulnerable = "<!DOCTYPE html><html><head><title>t</title></head><body>" + PAYLOADS[3] + \
        "</body></html>"
    page = tmp_path / "vulnerable.html"
    page.write_text(vulnerable, "utf-8")
    dom = dump_dom(chromium, page, tmp_path / "c")
    with pytest.raises(AssertionError, match="executed"):
        assert_nothing_fired(dom)
    assert problems(vulnerable)


def test_negative_control_escaped_corpus(chromium: str, tmp_path: Path) -> None:
    body = "".join(f"<p>{html.escape(p)}</p><p title=\"{html.escape(p)}\">t</p>" for p in PAYLOADS)
    page = tmp_path / "escaped.html"
    page.write_text(f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>")
    dom = dump_dom(chromium, page, tmp_path / "c")
    assert_nothing_fired(dom)
    assert problems(dom) == []


# --- the real report ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_html() -> str:
    return render_html(hostile_result())


def test_report_has_no_script_or_active_content(report_html: str) -> None:
    assert problems(report_html) == []
    assert "<script" not in report_html.lower()


CSP_META = re.compile(r"<meta[^>]+Content-Security-Policy[^>]*>", re.I)


@pytest.mark.parametrize("csp", ["as rendered", "without its CSP"])
def test_no_payload_executes_in_chromium(
    chromium: str, report_html: str, tmp_path: Path, csp: str
) -> None:
    # Without the CSP, escaping alone must hold: the CSP is a second line, not the only one.
    markup = report_html if csp == "as rendered" else CSP_META.sub("", report_html)
    if csp != "as rendered":
        assert "Content-Security-Policy" not in markup
    page = tmp_path / "report.html"
    page.write_text(markup, "utf-8")
    dom = dump_dom(chromium, page, tmp_path / "c")
    assert_nothing_fired(dom)
    assert problems(dom) == []
    text = BeautifulSoup(dom, "html.parser").get_text()
    # Still our report (no payload navigated away), and every payload shown as inert text.
    assert BENIGN in text
    missing = [p for p in PAYLOADS if p not in text]
    assert not missing, f"payloads not shown as text: {missing}"


def test_screenshot(chromium: str, report_html: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(report_html, "utf-8")
    shot = tmp_path / "report.png"
    run = run_chromium(["--window-size=1280,2000", f"--screenshot={shot}", page.as_uri()],
                       tmp_path / "c", timeout=90, binary=chromium)
    assert run.returncode == 0, run.last_error()
    assert shot.is_file() and shot.stat().st_size > 1000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_prints_to_pdf(chromium: str, report_html: str) -> None:
    data = render_pdf(report_html, timeout=90, binary=chromium)
    assert data.startswith(b"%PDF-") and len(data) > 2000

