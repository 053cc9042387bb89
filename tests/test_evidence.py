"""Evidence bundle: complete, verifiable, private, and all-or-nothing."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import stat
import subprocess
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from exposure_scan.errors import ReportError
from exposure_scan.models import (
    FieldKind,
    FieldMatch,
    Finding,
    Observation,
    RemovalStep,
    ScanResult,
    Severity,
    SourceKind,
)
from exposure_scan.reports import evidence
from exposure_scan.reports.evidence import iso_utc, write_evidence

T0 = datetime(2026, 1, 5, 9, 30, 15, tzinfo=UTC)
CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 1, 6, 12, 0, tzinfo=UTC)


def body_hash(text: str) -> str:
    return hashlib.sha256(f"<html><body>{text}</body></html>".encode()).hexdigest()


def make_result() -> ScanResult:
    name = FieldMatch(field=FieldKind.NAME, label="", observed="A.M. van der Berg",
                      confidence=0.95, reason="initials and surname")
    home = FieldMatch(field=FieldKind.ADDRESS, label="home", observed="Fictiefstraat 7B",
                      confidence=0.9, reason="street and number", private=True)
    text1 = "A.M. van der Berg\nFictiefstraat 7B, 9999 ZZ Voorbeeldstad\nhuisarts — 🙂"
    text2 = "Anna van der Berg, huisarts, Praktijkplein 1"
    f1 = Finding(
        id="1a2b3c4d5e6f7a8b",
        observation=Observation(
            provider="searxng", url="https://people-finder.example/p/anna-van-der-berg",
            title="Anna van der Berg - Voorbeeldstad", source_kind=SourceKind.PEOPLE_SEARCH,
            text=text1, snippet="A.M. van der Berg, Fictiefstraat 7B", seen_at=T0,
            site="people-finder.example", body_sha256=body_hash(text1),
        ),
        matches=[name, home], severity=Severity.CRITICAL, score=97,
        rules=["name-with-home-address"], explanation="Your name together with your home address.",
        steps=[RemovalStep(action="Use the opt-out form", url="https://people-finder.example/optout",
                           method="web_form")],
    )
    f2 = Finding(
        # A hostile id (the report file may come from elsewhere) must not escape the folder.
        id="../../../etc/passwd",
        observation=Observation(
            provider="big-registry", url="https://registry.example/123", text=text2,
            source_kind=SourceKind.REGISTRY, seen_at=datetime(2026, 1, 5, 11, 0, tzinfo=CET),
        ),
        matches=[name], severity=Severity.INFO, score=3, rules=["listing-under-name"],
    )
    f3 = Finding(  # a search hit that was never fetched: no text, no body hash, naive time
        id="ffff0000ffff0000",
        observation=Observation(provider="searxng", url="https://forum.example/t/1",
                                source_kind=SourceKind.FORUM, seen_at=datetime(2026, 1, 5, 8)),
        matches=[name], severity=Severity.LOW, score=10, rules=["listing-under-name"],
    )
    return ScanResult(tool_version="0.1.0", started_at=T0, finished_at=T0 + timedelta(minutes=2),
                      findings=[f1, f2, f3], confidence="complete")


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    return write_evidence(make_result(), tmp_path / "evidence", now=NOW)


def test_layout(bundle: Path, tmp_path: Path) -> None:
    assert bundle == tmp_path / "evidence"
    assert sorted(p.name for p in bundle.iterdir()) == [
        "001-critical-1a2b3c4d5e6f7a8b",
        "002-info-etcpasswd",
        "003-low-ffff0000ffff0000",
        "README.txt",
        "SHA256SUMS",
        "manifest.json",
    ]
    for folder in (p for p in bundle.iterdir() if p.is_dir()):
        assert sorted(f.name for f in folder.iterdir()) == [
            "details.txt", "finding.json", "page.txt", "url.txt"]
    # Nothing else next to it: no temp folder left behind.
    assert [p.name for p in tmp_path.iterdir()] == ["evidence"]


def test_finding_contents(bundle: Path) -> None:
    result = make_result()
    folder = bundle / "001-critical-1a2b3c4d5e6f7a8b"
    obs = result.findings[0].observation
    assert (folder / "page.txt").read_text("utf-8") == obs.text
    assert (folder / "url.txt").read_text("utf-8") == obs.url + "\n"
    record = json.loads((folder / "finding.json").read_text("utf-8"))
    assert record["url"] == obs.url
    assert record["fetched_at"] == "2026-01-05T09:30:15Z"
    assert record["body_sha256"] == obs.body_sha256
    assert record["found"][1]["shown_as"] == "Fictiefstraat 7B"
    assert record["removal_steps"][0]["method"] == "web_form"
    details = (folder / "details.txt").read_text("utf-8")
    assert obs.url in details and "2026-01-05T09:30:15Z (UTC)" in details
    assert obs.body_sha256 in details and "Fictiefstraat 7B" in details


def test_times_are_utc(bundle: Path) -> None:
    cet = json.loads((bundle / "002-info-etcpasswd" / "finding.json").read_text("utf-8"))
    assert cet["fetched_at"] == "2026-01-05T10:00:00Z"
    naive = json.loads((bundle / "003-low-ffff0000ffff0000" / "finding.json").read_text("utf-8"))
    assert naive["fetched_at"] == "2026-01-05T08:00:00Z"
    assert naive["body_sha256"] is None
    assert "not recorded" in (bundle / "003-low-ffff0000ffff0000" / "details.txt").read_text()
    assert iso_utc(datetime(2026, 7, 1, 14, 0, tzinfo=timezone(timedelta(hours=2)))) == (
        "2026-07-01T12:00:00Z")


def test_manifest_hashes_every_file(bundle: Path) -> None:
    manifest = json.loads((bundle / "manifest.json").read_text("utf-8"))
    assert manifest["created_at"] == "2026-01-06T12:00:00Z"
    assert manifest["scan"]["started_at"] == "2026-01-05T09:30:15Z"
    on_disk = {str(p.relative_to(bundle)) for p in bundle.rglob("*") if p.is_file()}
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == on_disk - {"manifest.json", "SHA256SUMS"}
    for path, entry in listed.items():
        data = (bundle / path).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
    first = manifest["findings"][0]
    assert first["url"] == "https://people-finder.example/p/anna-van-der-berg"
    assert first["fetched_at"] == "2026-01-05T09:30:15Z"
    assert first["body_sha256"] == make_result().findings[0].observation.body_sha256
    assert {f["path"] for f in first["files"]} == {
        f"{first['folder']}/{n}" for n in ("page.txt", "url.txt", "details.txt", "finding.json")}

    sums = (bundle / "SHA256SUMS").read_text().splitlines()
    assert len(sums) == len(on_disk) - 1  # everything but SHA256SUMS itself
    for line in sums:
        digest, path = line.split("  ", 1)
        assert hashlib.sha256((bundle / path).read_bytes()).hexdigest() == digest


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum not installed")
def test_sha256sum_can_verify(bundle: Path) -> None:
    out = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=bundle, capture_output=True,
                         text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr


def test_readme_explains_reports(bundle: Path) -> None:
    readme = (bundle / "README.txt").read_text("utf-8")
    for needle in ("aangifte", "police", "platform", "sha256sum -c SHA256SUMS",
                   "Findings:       3", "2026-01-06T12:00:00Z"):
        assert needle in readme


def test_private_permissions(bundle: Path) -> None:
    assert stat.S_IMODE(bundle.stat().st_mode) == 0o700
    for path in bundle.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path


def test_no_findings(tmp_path: Path) -> None:
    empty = make_result().model_copy(update={"findings": []})
    out = write_evidence(empty, tmp_path / "e")
    assert sorted(p.name for p in out.iterdir()) == ["README.txt", "SHA256SUMS", "manifest.json"]


def test_empty_existing_folder_is_used(tmp_path: Path) -> None:
    (tmp_path / "e").mkdir()
    assert (write_evidence(make_result(), tmp_path / "e") / "manifest.json").is_file()


def test_existing_bundle_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "e"
    target.mkdir()
    (target / "keep.txt").write_text("old evidence")
    with pytest.raises(ReportError, match="already exists"):
        write_evidence(make_result(), target)
    assert [p.name for p in target.iterdir()] == ["keep.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["e"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(ReportError, match="already exists"):
        write_evidence(make_result(), tmp_path / "file")


def test_parents_are_created(tmp_path: Path) -> None:
    assert write_evidence(make_result(), tmp_path / "a" / "b" / "e").is_dir()


@pytest.mark.parametrize("exc", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: BaseException
) -> None:
    calls = 0
    real = evidence._write

    def flaky(path: Path, data: bytes) -> None:
        nonlocal calls
        calls += 1
        if calls == 6:
            raise exc
        real(path, data)

    monkeypatch.setattr(evidence, "_write", flaky)
    with pytest.raises(type(exc)) if isinstance(exc, KeyboardInterrupt) else pytest.raises(
        ReportError, match=r"No space left on device.*nothing was written"
    ):
        write_evidence(make_result(), tmp_path / "e")
    assert list(tmp_path.iterdir()) == []


def test_rename_failure_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(evidence.os, "rename", refuse)
    with pytest.raises(ReportError, match="Permission denied"):
        write_evidence(make_result(), tmp_path / "e")
    assert list(tmp_path.iterdir()) == []


def test_readme_says_to_keep_the_hashes_elsewhere(bundle: Path) -> None:
    readme = " ".join((bundle / "README.txt").read_text("utf-8").split())
    assert "prove nothing" in readme
    assert "keep a copy of SHA256SUMS somewhere else" in readme
    assert "email it to yourself" in readme


def test_dutch_bundle_is_written_in_dutch(tmp_path: Path) -> None:
    result = make_result().model_copy(update={"language": "nl"})
    out = write_evidence(result, tmp_path / "bewijs", now=NOW)
    readme = (out / "README.txt").read_text("utf-8")
    assert "BEWIJSMAP" in readme and "AANGIFTE BIJ DE POLITIE" in readme
    assert "Bevindingen:    3" in readme and "2026-01-06T12:00:00Z" in readme
    assert "sha256sum -c SHA256SUMS" in readme and "naar uzelf te e-mailen" in readme
    assert "EVIDENCE BUNDLE" not in readme and "WHAT IS IN IT" not in readme
    details = (out / "001-critical-1a2b3c4d5e6f7a8b" / "details.txt").read_text("utf-8")
    assert "Webadres:" in details and "Web address" not in details
    assert "adres (thuis): Fictiefstraat 7B" in details
    assert "Uw naam samen met uw huisadres" in details  # the rule's reason, translated
    assert "Kritiek (score 97)" in details and "personenzoeksite" in details
    # the machine-readable record stays as the scan wrote it
    record = json.loads((out / "001-critical-1a2b3c4d5e6f7a8b" / "finding.json").read_text())
    assert record["explanation"] == "Your name together with your home address."


def test_every_evidence_text_has_a_dutch_translation() -> None:
    from exposure_scan.reports.i18n import translations

    nl = translations("nl")
    texts = [*evidence.README_BLOCKS, *evidence.DETAIL_TEXTS, *evidence.DETAIL_LABELS]
    same = {"{severity} (score {score})"}
    assert [t for t in texts if nl.gettext(t) == t and t not in same] == []
    # placeholders survive translation
    for block in evidence.README_BLOCKS:
        assert sorted(re.findall(r"{\w+}", block)) == sorted(
            re.findall(r"{\w+}", nl.gettext(block)))
