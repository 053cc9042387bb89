"""The HTML report on a phone and a desktop, and the PDF on paper, in a real Chromium.

A measuring script is added to a copy of the report (the report itself has none and its CSP
forbids them) and the copy is loaded in an iframe of the width under test, so the widths are
exact (a headless window cannot be narrower than 500 px). The frame posts what it measured to
the host page, whose DOM Chromium dumps. Everything is file:// with the isolation of pdf.py.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from exposure_scan.models import ScanResult
from exposure_scan.profile import Profile
from exposure_scan.reports import render, render_print
from exposure_scan.reports.i18n import gettext
from exposure_scan.reports.pdf import find_chromium, render_pdf, run_chromium
from tests.test_report_plan import busy_result
from tests.test_reports import sample_result

pytestmark = pytest.mark.browser

SCREEN = 800  # a desktop screen's height at 1280 px wide
MEASURE = """<script>
addEventListener('load', () => {
  const d = document.documentElement, width = d.clientWidth;
  const right = el => el.getBoundingClientRect().right;
  const coverage = document.getElementById('coverage');
  parent.postMessage(JSON.stringify({
    scroll: d.scrollWidth, client: width,
    coverage: coverage.getBoundingClientRect().top + scrollY,
    loose: [...document.querySelectorAll('table')]
      .filter(t => !t.closest('.table-wrap') && right(t) > width + 1).length,
    boxes: [...document.querySelectorAll('.table-wrap')]
      .filter(b => right(b) > width + 1 || getComputedStyle(b).overflowX !== 'auto').length,
  }), '*');
});
</script>"""
HOST = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{page}" style="border:0;width:{width}px;height:800px"></iframe>
<script>addEventListener('message', e => document.body.setAttribute('data-measure', e.data));
</script></body></html>"""


@pytest.fixture(scope="module")
def chromium() -> str:
    exe = find_chromium()
    if exe is None:
        pytest.skip("chromium not installed: `apt-get install chromium` to run layout tests")
    return exe


def measure(exe: str, report: str, width: int, work: Path) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    markup = re.sub(r"<meta[^>]+Content-Security-Policy[^>]*>", "", report)
    (work / "report.html").write_text(markup.replace("</body>", MEASURE + "</body>"), "utf-8")
    host = work / "host.html"
    host.write_text(HOST.format(page="report.html", width=width), "utf-8")
    run = run_chromium(["--window-size=1400,900", "--virtual-time-budget=3000", "--dump-dom",
                        host.as_uri()], work / "chromium", timeout=90, binary=exe)
    found = re.search(r'data-measure="([^"]*)"', run.stdout.decode("utf-8", "replace"))
    assert found, run.last_error()
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    from tests.conftest import SAMPLE_PROFILE

    profile = Profile.model_validate(SAMPLE_PROFILE)
    result = busy_result(profile, "nl")
    runs = sample_result().runs  # long reasons in the coverage table
    return result.model_copy(update={"runs": runs, "ledger": sample_result().ledger})


@pytest.mark.parametrize("width", [390, 1280])
def test_every_table_fits_or_scrolls_in_its_own_box(
    chromium: str, busy: ScanResult, tmp_path: Path, width: int
) -> None:
    m = measure(chromium, render(busy, "html"), width, tmp_path)
    assert m["client"] == width
    assert m["scroll"] <= width, m  # no page-level horizontal scroll
    assert m["loose"] == 0 and m["boxes"] == 0, m


def test_first_screens_before_coverage(chromium: str, tmp_path: Path) -> None:
    """The sample report (three findings, one informational) is read before Coverage in
    fewer than three desktop screens."""
    m = measure(chromium, render(sample_result("nl"), "html"), 1280, tmp_path)
    assert m["coverage"] < 3 * SCREEN, m


@pytest.fixture(scope="module")
def demo_html(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The real demo report (the embedded fictional world on loopback), in both languages."""
    from typer.testing import CliRunner

    from exposure_scan.cli import app

    reports = {}
    for lang in ("nl", "en"):
        out = tmp_path_factory.mktemp(f"demo-{lang}")
        run = CliRunner().invoke(app, ["demo", "--out", str(out), "--quiet", "--format", "html",
                                       "--lang", lang])
        assert run.exit_code == 0, run.output
        reports[lang] = next(out.glob("*.html")).read_text("utf-8")
    return reports


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_demo_report_is_read_before_coverage_in_three_screens(
    chromium: str, demo_html: dict[str, str], tmp_path: Path, lang: str
) -> None:
    """Issue 11's target on the real demo (three private findings, a threat, two
    informational ones, a household member): what is where and what to do, in at most three
    desktop screens above Coverage, with every table fitting or scrolling in its own box."""
    report = demo_html[lang]
    assert f'<html lang="{lang}">' in report
    m = measure(chromium, report, 1280, tmp_path)
    assert m["coverage"] <= 3 * SCREEN, m
    assert m["scroll"] <= 1280 and m["loose"] == 0 and m["boxes"] == 0, m


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_demo_report_on_a_phone_has_no_page_level_horizontal_scroll(
    chromium: str, demo_html: dict[str, str], tmp_path: Path, lang: str
) -> None:
    m = measure(chromium, demo_html[lang], 390, tmp_path)
    assert m["client"] == 390
    assert m["scroll"] <= 390, m
    assert m["loose"] == 0 and m["boxes"] == 0, m


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize(("country", "size", "words"), [
    ("NL", (595, 842), "pagina 1 van"), ("US", (612, 792), "page 1 of"),
])
def test_pdf_paper_size_page_numbers_and_links_once(
    chromium: str, busy: ScanResult, tmp_path: Path, country: str, size: tuple[int, int],
    words: str,
) -> None:
    lang = "nl" if country == "NL" else "en"
    result = busy.model_copy(update={"profile": {"country": country}, "language": lang})
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_pdf(render_print(result), binary=chromium))  # as --format pdf
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    got = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info.stdout)
    assert got and (round(float(got[1])), round(float(got[2]))) == size, info.stdout
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout)[1])  # type: ignore[index]
    assert words in text and f"{pages}" in text
    title = "Rapport: wat staat er online over u" if lang == "nl" else "Online exposure report"
    assert text.count(title) >= pages  # the running title on every page
    # a link is printed once: never again in brackets after its text
    assert "(https://" not in text and "(#" not in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_html_report_printed_from_a_browser_writes_out_what_is_folded(
    chromium: str, busy: ScanResult, tmp_path: Path
) -> None:
    """On screen most plan steps are one line that opens on a click; printed (Ctrl+P), every
    step's words are on paper."""
    screen = render(busy, "html")
    assert "<details>" in screen
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_pdf(screen, binary=chromium))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    for item in busy.plan:
        words = " ".join(gettext("nl", item.step.action).split())[:60]
        assert words in text, words
