"""Writing reports: all formats rendered first, then each file moved into place atomically,
so a failure never leaves a half-written report."""

from __future__ import annotations

import importlib
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from exposure_scan.config import Config
from exposure_scan.errors import InputError, ReportError
from exposure_scan.models import ScanResult
from exposure_scan.profile import Profile

FORMATS = ("html", "json", "md", "pdf")
SUFFIX = {"html": "html", "json": "json", "md": "md", "pdf": "pdf"}


def reports_module() -> Any:
    # Reached by name: the mapped package is invisible to static tools run from the source tree.
    return importlib.import_module("exposure_scan.reports")


def render(result: ScanResult, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ReportError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    reports = reports_module()
    if fmt == "pdf":
        pdf = importlib.import_module("exposure_scan.reports.pdf")
        return bytes(pdf.render_pdf(reports.render(result, "html")))
    return str(reports.render(result, fmt)).encode("utf-8")


def unused_name(folder: Path, base: str) -> str:
    """`base`, or `base-2`, `base-3`...: two scans in one second never overwrite each other."""
    taken = {p.stem for p in folder.glob(f"{base}*")} if folder.is_dir() else set()
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)  # reports hold personal data: owner only
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_letters(result: ScanResult, profile: Profile, out_dir: Path, today: date) -> Path | None:
    """GDPR request letters, one file per controller with a finding, in a folder of their own."""
    texts: dict[str, str] = reports_module().letters(result, profile, result.language, today)
    if not texts:
        return None
    folder = out_dir / unused_name(out_dir, f"letters-{result.started_at:%Y%m%d-%H%M%S}")
    try:
        for name, text in texts.items():
            write_atomic(folder / Path(name).name, text.encode("utf-8"))
    except OSError as exc:
        raise ReportError(f"cannot write the letters into {folder}: {exc.strerror}") from None
    return folder


def write_reports(result: ScanResult, out_dir: Path, formats: list[str]) -> list[Path]:
    """Render every format, then write them all; returns the paths written."""
    stamp = result.started_at.strftime("%Y%m%d-%H%M%S")
    name = unused_name(out_dir, f"exposure-report-{stamp}" + ("-partial" if result.partial else ""))
    rendered = [
        (out_dir / f"{name}.{SUFFIX[f]}", render(result, f)) for f in dict.fromkeys(formats)
    ]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"cannot create the output folder {out_dir}: {exc.strerror}") from None
    written = []
    for path, data in rendered:
        try:
            write_atomic(path, data)
        except OSError as exc:
            raise ReportError(f"cannot write {path}: {exc.strerror}") from None
        written.append(path)
    return written


def preflight(out_dir: Path, formats: list[str], evidence: Path | None) -> None:
    """Refuse, before a long scan, what would fail after it (exit 2, nothing written)."""
    if "pdf" in formats:
        pdf = importlib.import_module("exposure_scan.reports.pdf")
        if pdf.find_chromium() is None:
            raise InputError(
                "--format",
                "pdf",
                "needs Chromium (Debian: apt-get install "
                "chromium); or use --format html and print from your browser",
            )
    if evidence is not None and evidence.exists():
        if not evidence.is_dir() or any(evidence.iterdir()):
            raise InputError(
                "--evidence",
                str(evidence),
                "exists and is not empty; evidence is never overwritten, choose a new folder",
            )
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("--out", str(out_dir), "is a file; choose a folder")
    if out_dir.exists() and not os.access(out_dir, os.W_OK):
        raise InputError("--out", str(out_dir), "cannot be written; choose another folder")


def write_outputs(
    result: ScanResult,
    profile: Profile,
    out_dir: Path,
    formats: list[str],
    *,
    evidence: Path | None,
    today: date,
) -> list[Path]:
    """Everything a scan leaves the user: reports, GDPR letters, and the evidence bundle."""
    paths = write_reports(result, out_dir, formats)
    letters = write_letters(result, profile, out_dir, today)
    if letters is not None:
        paths.append(letters)
    if evidence is not None:
        from exposure_scan.evidence import write_evidence

        paths.append(write_evidence(result, evidence))
    return paths


def resolve_formats(formats: list[str] | None, config: Config) -> list[str]:
    chosen = [
        f.strip().lower() for item in (formats or config.report.formats) for f in item.split(",")
    ]
    for fmt in chosen:
        if fmt not in FORMATS:
            raise InputError("--format", fmt, f"unknown format; choose from {', '.join(FORMATS)}")
    return chosen


def report_language(lang: str | None, config: Config, profile: Profile) -> str:
    chosen = (
        lang
        or config.report.language
        or profile.language
        or ("nl" if profile.country.value == "NL" else "en")
    ).strip().lower()
    if chosen not in {"nl", "en"}:
        raise InputError("--lang", chosen, "choose nl or en")
    return chosen
