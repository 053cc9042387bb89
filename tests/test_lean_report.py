"""A lean JSON report: the passages that matched and the page's hash, not the page's text;
reports rendered and written one format at a time; raw bodies kept for the evidence bundle."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from exposure_scan import bodies, output
from exposure_scan.config import ScanSettings
from exposure_scan.models import FieldKind, FieldMatch, Finding, Observation, ScanResult, Severity
from exposure_scan.reports import render
from exposure_scan.reports.evidence import write_evidence
from exposure_scan.summary import load_result
from tests.test_reports import T0, T1

FILLER = "Menu Home About Contact Opening hours " * 400  # a long page around the match
BODY = f"<html><body><p>{FILLER}</p><p>Dr. Jo Fictief, Fictiefstraat 7B</p></body></html>"
TEXT = f"{FILLER}\nDr. Jo Fictief, Fictiefstraat 7B\n{FILLER}"


def result() -> ScanResult:
    obs = Observation(provider="inspector", url="https://people.example/jo", title="Jo",
                      text=TEXT, snippet="Menu Home", seen_at=T0,
                      body_sha256=hashlib.sha256(BODY.encode()).hexdigest())
    home = FieldMatch(field=FieldKind.ADDRESS, label="home", observed="Fictiefstraat 7B",
                      confidence=0.9, reason="street and number", private=True)
    finding = Finding(id="0123456789abcdef", observation=obs, matches=[home],
                      severity=Severity.HIGH, score=70)
    return ScanResult(tool_version="0.1.0", started_at=T0, finished_at=T1, findings=[finding])


def test_the_json_report_keeps_passages_and_the_hash_not_the_text() -> None:
    full = result()
    data = json.loads(render(full, "json"))
    obs = data["findings"][0]["observation"]
    assert obs["text"] == ""
    assert obs["body_sha256"] == full.findings[0].observation.body_sha256
    [passage] = data["findings"][0]["passages"]
    assert [s["text"] for s in passage["segments"] if s["marked"]] == ["Fictiefstraat 7B"]
    assert len(render(full, "json")) < len(TEXT) / 4
    # the result in memory keeps its text: other formats, letters and history still read it
    assert full.findings[0].observation.text == TEXT


def test_a_lean_report_reads_back_and_renders_its_passages(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text(render(result(), "json"))
    loaded = load_result(path)
    assert loaded.findings[0].passages
    assert "<mark>Fictiefstraat 7B</mark>" in render(loaded, "html")


def test_a_report_written_with_the_page_text_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(result().model_dump_json(exclude={"findings": {0: {"passages"}}}))
    loaded = load_result(path)
    assert loaded.findings[0].observation.text == TEXT
    assert "<mark>Fictiefstraat 7B</mark>" in render(loaded, "html")


def test_each_format_is_written_before_the_next_is_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, list[str]]] = []
    real = output.render

    def spy(res: ScanResult, fmt: str) -> bytes:
        staged = sorted(p.name for p in tmp_path.glob(".exposure-scan-*/report.*"))
        seen.append((fmt, staged))
        return real(res, fmt)

    monkeypatch.setattr(output, "render", spy)
    paths = output.write_reports(result(), tmp_path, ["json", "md", "html"])
    assert seen == [("json", []), ("md", ["report.json"]), ("html", ["report.json", "report.md"])]
    assert sorted(p.suffix for p in paths) == [".html", ".json", ".md"]


def test_the_evidence_bundle_holds_the_body_its_hash_is_of(tmp_path: Path) -> None:
    with bodies.spooling() as spool:
        assert spool is not None
        bodies.keep(BODY.encode())
        bodies.keep(BODY.encode())  # the same body twice is kept once
        assert len(list(spool.folder.iterdir())) == 1
        assert oct(spool.folder.stat().st_mode & 0o777) == "0o700"
        bundle = write_evidence(result(), tmp_path / "evidence")
    assert not spool.folder.exists()
    [folder] = [p for p in bundle.iterdir() if p.is_dir()]
    body = (folder / "body.bin").read_bytes()
    assert hashlib.sha256(body).hexdigest() == result().findings[0].observation.body_sha256
    assert (folder / "page.txt").read_text() == TEXT
    assert f"{folder.name}/body.bin" in (bundle / "SHA256SUMS").read_text()


def test_without_a_spool_no_body_is_kept(tmp_path: Path) -> None:
    bodies.keep(BODY.encode())
    bundle = write_evidence(result(), tmp_path / "evidence")
    assert not list(bundle.glob("*/body.bin"))


def test_two_thousand_pages_may_be_inspected() -> None:
    assert ScanSettings(max_pages=2000).max_pages == 2000


def test_a_page_without_the_numbers_digits_skips_the_number_finder() -> None:
    from exposure_scan.matching.phone import PhoneMatcher
    from exposure_scan.profile import Phone

    matcher = PhoneMatcher([Phone(label="mobile", number="06-98765432")], "NL")
    assert not matcher._may_hold("Bel 020-1234567 of 06-11223344 " * 100)
    for shown in ("06-98765432", "+31 6 98 76 54 32", "(06) 9876.5432", "０６-９８７６５４３２"):
        assert matcher.find_in_text(f"Dr. X, tel. {shown}, spreekuur"), shown
