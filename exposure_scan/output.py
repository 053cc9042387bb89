"""Writing reports: each format rendered and written into a private temporary folder before the
next is rendered (only one rendering is held in memory), then all moved into place together
under names no other file has; a failure leaves nothing behind."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from exposure_scan.choices import FORMATS as FORMATS
from exposure_scan.config import Config
from exposure_scan.errors import InputError, ReportError
from exposure_scan.files import (
    DIR_MODE,
    make_private_dir,
    make_private_dirs,
    move_dir_in_exclusively,
    move_in_exclusively,
    remove_created_dirs,
    replace_private,
    stems,
    write_new,
)
from exposure_scan.models import ScanResult
from exposure_scan.profile import Profile

if TYPE_CHECKING:
    from exposure_scan.evidence import StagedEvidence

SUFFIX = {"html": "html", "json": "json", "md": "md", "pdf": "pdf"}


def render(result: ScanResult, fmt: str) -> bytes:
    # The renderers are imported when first needed: a scan that fails early never loads jinja2.
    from exposure_scan.reports import render as render_report

    if fmt not in FORMATS:
        raise ReportError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt == "pdf":
        from exposure_scan.reports import render_print
        from exposure_scan.reports.pdf import render_pdf

        html: str = render_print(result)  # the paper copy: nothing folded, no jumps
        return bytes(render_pdf(html))
    text: str = render_report(result, fmt)
    return text.encode("utf-8")


def unused_name(folder: Path, base: str) -> str:
    """`base`, or `base-2`, `base-3`...: the first stem no file in `folder` has yet. Only a
    hint: `files.move_in_exclusively` is what makes sure nothing is overwritten."""
    return next(s for s in stems(base) if not (folder.is_dir() and any(folder.glob(f"{s}.*"))))


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write a file the user named (replacing it), whole or not at all, owner-only."""
    del mode  # every file exposure-scan writes holds personal data: always 0600
    replace_private(path, data)


def report_base(result: ScanResult) -> str:
    stamp = result.started_at.strftime("%Y%m%d-%H%M%S")
    return f"exposure-report-{stamp}" + ("-partial" if result.partial else "")


Rendering = bytes | Callable[[], bytes]


def render_all(result: ScanResult, formats: list[str]) -> dict[str, Rendering]:
    """Suffix (".html") -> how to render the report, for every format: each is rendered only
    when `Outputs` writes it, so one rendering at a time is held in memory."""
    return {f".{SUFFIX[f]}": partial(render, result, f) for f in dict.fromkeys(formats)}


def render_letters(result: ScanResult, profile: Profile, today: date) -> dict[str, bytes]:
    from exposure_scan.reports import letters

    texts: dict[str, str] = letters(result, profile, result.language, today)
    return {Path(name).name: text.encode("utf-8") for name, text in texts.items()}


def write_reports(result: ScanResult, out_dir: Path, formats: list[str]) -> list[Path]:
    """Render and write every format, one after the other; returns the paths written."""
    return Outputs(out_dir, report_base(result)).write(render_all(result, formats))


class Outputs:
    """One scan's files, written all together or not at all.

    Everything is first written into a temporary folder (0700) inside the output folder, then
    moved into place under names no other file has (`O_EXCL`: a second scan writing into the
    same folder takes the next name). If anything fails -- a full disk, a folder that went
    away -- what was already written is removed again and one ReportError says so.
    """

    def __init__(self, out_dir: Path, stem: str) -> None:
        self.out_dir = out_dir
        self.stem = stem  # exposure-report-<time>; the letters folder is letters-<time>
        self.created: list[Path] = []
        self.placed: list[Path] = []
        self.stage: Path | None = None
        self.evidence: StagedEvidence | None = None

    def write(
        self,
        reports: Mapping[str, Rendering],
        letters: dict[str, bytes] | None = None,
        evidence: tuple[ScanResult, Path] | None = None,
    ) -> list[Path]:
        """`reports`: suffix -> bytes, or a function rendering them; `letters`: file name ->
        bytes; `evidence`: the result and the bundle folder. Returns the paths written:
        reports, letters folder, bundle."""
        try:
            paths = self._write(reports, letters or {}, evidence)
        except OSError as exc:
            self._roll_back()
            raise ReportError(
                f"could not write the reports into {self.out_dir} "
                f"({exc.strerror or type(exc).__name__}); nothing was kept: what was written "
                "is removed again. Free some space or choose another --out, then scan again"
            ) from None
        except BaseException:
            self._roll_back()
            raise
        self._clean_stage()
        return paths

    def _write(
        self,
        reports: Mapping[str, Rendering],
        letters: dict[str, bytes],
        evidence: tuple[ScanResult, Path] | None,
    ) -> list[Path]:
        self.created = make_private_dirs(self.out_dir)
        self.stage = Path(tempfile.mkdtemp(prefix=".exposure-scan-", suffix=".partial",
                                           dir=self.out_dir))
        os.chmod(self.stage, DIR_MODE)  # mkdtemp's 0700 is still subject to the umask
        staged = {suffix: self.stage / f"report{suffix}" for suffix in reports}
        for suffix, rendering in reports.items():
            # Rendered here, written, and let go before the next format is rendered.
            write_new(staged[suffix], rendering() if callable(rendering) else rendering)
        letters_dir = self.stage / "letters"
        if letters:
            make_private_dir(letters_dir)
            for name, data in letters.items():
                write_new(letters_dir / name, data)
        if evidence is not None:
            from exposure_scan.evidence import stage_evidence  # slow import: only when needed

            self.evidence = stage_evidence(*evidence)
        # Everything is on disk: now give it its names.
        paths: list[Path] = []
        if staged:
            self.placed += move_in_exclusively(staged, self.out_dir, self.stem)
            paths += self.placed
        if letters:
            base = self.stem.replace("exposure-report-", "letters-", 1).removesuffix("-partial")
            self.placed.append(move_dir_in_exclusively(letters_dir, self.out_dir, base))
            paths.append(self.placed[-1])
        if self.evidence is not None:
            from exposure_scan.evidence import commit_evidence

            paths.append(commit_evidence(self.evidence))
        return paths

    def _clean_stage(self) -> None:
        if self.stage is not None:
            shutil.rmtree(self.stage, ignore_errors=True)
            self.stage = None

    def _roll_back(self) -> None:
        for path in self.placed:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        self.placed = []
        if self.evidence is not None:
            self.evidence.withdraw()
        self._clean_stage()
        remove_created_dirs(self.created)


def write_outputs(
    result: ScanResult,
    profile: Profile,
    out_dir: Path,
    formats: list[str],
    *,
    evidence: Path | None,
    today: date,
) -> list[Path]:
    """Everything a scan leaves the user -- reports, GDPR letters, the evidence bundle --
    each rendered and staged in turn, then put in place all together or not at all
    (ReportError: exit 1)."""
    reports = render_all(result, formats)
    letters = render_letters(result, profile, today)
    return Outputs(out_dir, report_base(result)).write(
        reports, letters, (result, evidence) if evidence is not None else None
    )


def preflight(out_dir: Path, formats: list[str], evidence: Path | None) -> None:
    """Refuse, before a long scan, what would fail after it (exit 2, nothing written)."""
    if "pdf" in formats:
        from exposure_scan.reports.pdf import find_chromium

        if find_chromium() is None:
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
    check_folder("--out", out_dir)
    if evidence is not None:
        check_folder("--evidence", evidence, replaced=True)


def check_folder(option: str, folder: Path, *, replaced: bool = False) -> None:
    """The folder exists and can be written, or can be created: no part of the path is a file
    and the nearest existing folder can be written. `replaced`: the folder itself is put in
    place by a rename (the evidence bundle), so its parent must be writable."""
    given = Path(folder).absolute()
    here = given.parent if replaced else given
    while not os.path.lexists(here) and here != here.parent:
        here = here.parent
    if not here.is_dir():
        where = "is a file" if here == given else f"is inside a file ({here})"
        raise InputError(option, str(folder), f"{where}; choose a folder")
    if not writable(here):
        where = "" if here == given else f" ({here})"
        raise InputError(
            option, str(folder), f"cannot be written{where}; choose another folder or fix its "
            "permissions"
        )


def writable(folder: Path) -> bool:
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    if os.name == "posix" and os.geteuid() == 0:
        # root may write anywhere; a folder nobody may write into is read-only on purpose
        return bool(folder.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return True


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
