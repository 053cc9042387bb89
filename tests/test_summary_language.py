"""The employer summary reads as Dutch in Dutch: its texts and every table label come from the
report's gettext catalogue; without --lang it takes the language the reports were written in."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from exposure_scan.cli import app
from exposure_scan.models import ScanResult
from exposure_scan.reports.summary_view import msgids, render_summary
from exposure_scan.summary import reports_language, summarise_reports
from tests.test_language import english_words, running_text
from tests.test_summary_anonymous import report

PO = Path(__file__).parent.parent / "reports" / "locale" / "nl" / "LC_MESSAGES" / "messages.po"


@pytest.fixture(scope="module")
def group() -> list[ScanResult]:
    from tests.test_summary_anonymous import person

    return [report(i, person(i)) for i in range(12)]


def test_every_summary_text_is_in_the_catalogue() -> None:
    with PO.open("rb") as fh:
        catalogue = read_po(fh, locale="nl")
    missing = [m for m in msgids() if m not in catalogue or not catalogue[m].string]
    assert missing == []


@pytest.mark.parametrize("k", [1, 5, 50])
def test_dutch_summary_has_no_english_in_its_running_text(group: list[ScanResult],
                                                          k: int) -> None:
    summary = summarise_reports(group, k=k)
    html = render_summary(summary, "html", "nl")
    assert english_words(running_text(html)) == [], english_words(running_text(html))
    md = render_summary(summary, "md", "nl")
    assert english_words(md) == [], english_words(md)
    assert "Samenvatting blootstelling" in md
    if k == 1:  # every table shown: its labels are Dutch, the counts unchanged
        assert "| Nederland |" in md and "| Kritiek |" in md
        assert "naam met huisadres" in md or "huisadres zonder de naam" in md


def test_english_summary_labels_are_words_not_codes(group: list[ScanResult]) -> None:
    md = render_summary(summarise_reports(group, k=1), "md", "en")
    assert "| Netherlands |" in md and "| Critical |" in md
    assert not re.search(r"\| (critical|high|NL|people_search) \|", md)


def test_without_lang_the_summary_follows_the_reports(tmp_path: Path,
                                                      group: list[ScanResult]) -> None:
    paths = []
    for i, result in enumerate(group[:6]):
        path = tmp_path / f"r{i}.json"
        path.write_text(result.model_copy(update={"language": "nl"}).model_dump_json(), "utf-8")
        paths.append(str(path))
    dutch = CliRunner().invoke(app, ["summary", *paths])
    assert dutch.exit_code == 0, dutch.output
    assert dutch.stdout.startswith("# Samenvatting blootstelling")
    english = CliRunner().invoke(app, ["summary", *paths, "--lang", "en"])
    assert english.stdout.startswith("# Exposure summary")
    note = json.loads(CliRunner().invoke(app, ["summary", paths[0], "-f", "json"]).stdout)["note"]
    assert note.startswith("Hier zijn minder dan")


def test_reports_language_is_the_majority_and_english_on_a_tie(group: list[ScanResult]) -> None:
    nl = [r.model_copy(update={"language": "nl"}) for r in group[:3]]
    en = [r.model_copy(update={"language": "en"}) for r in group[3:5]]
    assert reports_language([*nl, *en]) == "nl"
    assert reports_language([*nl[:2], *en]) == "en"
    assert reports_language([]) == "en"
