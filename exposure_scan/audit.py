"""One scan's use of the history: take the profile's lock, compare with the last scan, store
the scan, send the notifications. The CLI drives it; the comparison itself is pure."""

from __future__ import annotations

import sqlite3
from datetime import date
from enum import StrEnum
from pathlib import Path
from types import TracebackType

from exposure_scan.changes import ScanRecord, compare
from exposure_scan.config import Config
from exposure_scan.history import History, default_path
from exposure_scan.lock import ProfileLock
from exposure_scan.models import Frozen, Mark, ScanResult
from exposure_scan.profile import Profile


class Audit:
    """`with Audit(config, profile, db) as audit:` around a scan. With history off it only
    passes results through, so the scan command has one code path."""

    def __init__(
        self,
        config: Config,
        profile: Profile,
        db: Path | None = None,
        *,
        enabled: bool = True,
        lock: bool = True,
    ) -> None:
        self.config = config
        self.enabled = enabled and (db is not None or config.history.enabled)
        self.path = db or default_path(config.history.path)
        self.profile = profile
        self.history: History | None = None
        self.lock: ProfileLock | None = None
        self.locking = lock
        self.key = ""
        self.scans: list[ScanRecord] = []
        self.marks: dict[str, Mark] = {}

    def __enter__(self) -> Audit:
        if not self.enabled:
            if self.locking:  # no history to tell profiles apart: one such scan at a time
                self.lock = ProfileLock(self.path.with_name(".no-history.lock"))
                self.lock.acquire()
            return self
        self.history = History(self.path)
        try:
            self.key = self.history.profile_key(self.profile)
            self.lock = ProfileLock(self.path.with_name(f".{self.path.name}.{self.key[:12]}.lock"))
            self.lock.acquire()
            self.scans = self.history.scans(self.key)
            self.marks = self.history.marks(self.key)
        except BaseException:
            self.history.__exit__(None, None, None)
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.lock is not None:
            self.lock.release()
        if self.history is not None:
            self.history.__exit__(None, None, None)

    def compare(self, result: ScanResult, today: date | None = None) -> ScanResult:
        if not self.enabled:
            return result
        return compare(self.scans, result, self.marks, today)

    def record(self, result: ScanResult) -> int | None:
        """Store a finished scan; an interrupted one is not stored (it would look like a
        month in which much was not re-checked)."""
        if self.history is None or result.partial:
            return None
        return self.history.record(self.key, result, self.config.history.keep)

    def notify(self, result: ScanResult, reports: list[Path]) -> list[str]:
        settings = self.config.notify
        if not (settings.webhook_url or (settings.smtp_host and settings.mail_to)):
            return []
        from exposure_scan.notify import notice_for, send

        return send(settings, notice_for(result, reports))

    def finish(self, result: ScanResult, reports: list[Path]) -> list[Problem]:
        """After the reports are written: store the scan, then notify. Neither may lose
        what is already written; each failure comes back as one line for stderr."""
        problems = []
        try:
            self.record(result)
        except (sqlite3.Error, OSError) as exc:
            problems.append(
                Problem(kind=ProblemKind.HISTORY, text="the report was written, but the scan "
                        f"history could not be updated ({type(exc).__name__}: {exc})")
            )
        problems += [
            Problem(kind=ProblemKind.NOTIFY, text=line) for line in self.notify(result, reports)
        ]
        return problems


class ProblemKind(StrEnum):
    HISTORY = "history"  # exit 1: the report is there, the history is not updated
    NOTIFY = "notify"  # exit 8 when nothing else went wrong


class Problem(Frozen):
    kind: ProblemKind
    text: str
