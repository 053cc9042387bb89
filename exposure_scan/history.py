"""The scan history: a local SQLite file that lets a scan say what changed since the last one.

It keeps, per scan: the time, the tool version, a keyed hash of the profile (never the
profile), each source's status, the score and level, and each finding's fingerprint (source,
URL, kinds and labels of the matched fields); a household member's finding also by the
member's place in the profile and relation. No page bodies, no profile values, no names. A scan is
written in one transaction at the end, so a crash or Ctrl-C leaves the previous history as
it was. Marks (`exposure-scan mark`) live here too.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import platformdirs

from exposure_scan.changes import FindingRecord, ScanRecord, one_month_after, record_of
from exposure_scan.errors import ExposureScanError, InputError
from exposure_scan.files import BINARY
from exposure_scan.models import (
    ChangedFinding,
    ChangeKind,
    Mark,
    MarkStatus,
    Relation,
    RunStatus,
    ScanResult,
    Severity,
)
from exposure_scan.paths import APP
from exposure_scan.profile import Profile

DEFAULT_KEEP = 60  # scans per profile: five years of monthly scans
FILE_NAME = "history.sqlite3"

# One script per schema version; PRAGMA user_version says how many have run.
MIGRATIONS = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE scans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        profile TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        score INTEGER NOT NULL,
        level TEXT NOT NULL,
        confidence TEXT NOT NULL
    );
    CREATE INDEX scans_profile ON scans (profile, started_at);
    CREATE TABLE sources (
        scan INTEGER NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        provider TEXT NOT NULL,
        status TEXT NOT NULL,
        PRIMARY KEY (scan, provider)
    );
    CREATE TABLE findings (
        scan INTEGER NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        provider TEXT NOT NULL,
        url TEXT NOT NULL,
        fields TEXT NOT NULL,
        severity TEXT NOT NULL,
        carried INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (scan, id)
    );
    CREATE INDEX findings_id ON findings (id);
    CREATE TABLE marks (
        profile TEXT NOT NULL,
        finding TEXT NOT NULL,
        status TEXT NOT NULL,
        on_date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        removed_on TEXT,
        PRIMARY KEY (profile, finding)
    );
    """,
    # 2: household members' findings (issue 16), by index and relation: never a name
    """
    ALTER TABLE findings ADD COLUMN member INTEGER;
    ALTER TABLE findings ADD COLUMN relation TEXT;
    """,
)


class HistoryError(ExposureScanError):
    """The history file cannot be opened, is damaged, or is newer than this version."""


def default_path(configured: str = "") -> Path:
    if configured:
        return Path(configured).expanduser()
    return platformdirs.user_data_path(APP) / FILE_NAME


def _create_private(path: Path) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | BINARY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


class History:
    """`with History(path) as history:`; every method is one short transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            _create_private(path)
            self.db = sqlite3.connect(path, isolation_level=None, timeout=10)
            self.db.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL keeps every transaction atomic through a crash; it only
            # skips an fsync per commit.
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except (OSError, sqlite3.Error) as exc:
            raise HistoryError(f"cannot open the scan history {path}: {exc}") from None

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise HistoryError(
                f"{self.path} was written by a newer exposure-scan; upgrade to read it"
            )
        if version == len(MIGRATIONS):
            return
        with self._transaction() as db:  # all steps or none
            for number in range(version, len(MIGRATIONS)):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
            db.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
            db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?)",
                (secrets.token_hex(16),),
            )

    def profile_key(self, profile: Profile) -> str:
        """A keyed hash of who the profile is about (names and country): stable across
        scans, meaningless outside this file."""
        salt = self.db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()[0]
        who = json.dumps(
            [sorted(" ".join(f"{n.given} {n.surname}".split()).lower() for n in profile.names),
             profile.country.value]
        )
        return hmac.new(salt.encode(), who.encode(), hashlib.sha256).hexdigest()[:32]

    def profiles(self) -> list[str]:
        """The profile keys this file holds scans of."""
        return [r[0] for r in self.db.execute("SELECT DISTINCT profile FROM scans ORDER BY 1")]

    def scans(self, profile: str) -> list[ScanRecord]:
        """Every stored scan of the profile, oldest first."""
        rows = self.db.execute(
            "SELECT id, started_at, tool_version, score, level, confidence FROM scans "
            "WHERE profile = ? ORDER BY started_at, id",
            (profile,),
        ).fetchall()
        out = []
        for number, started, version, score, level, conf in rows:
            statuses = {
                p: RunStatus(s)
                for p, s in self.db.execute(
                    "SELECT provider, status FROM sources WHERE scan = ?", (number,)
                )
            }
            findings = [
                FindingRecord(
                    id=i, provider=p, url=u, fields=json.loads(f), severity=Severity(s),
                    carried=bool(c), member=m, relation=Relation(r) if r else None,
                )
                for i, p, u, f, s, c, m, r in self.db.execute(
                    "SELECT id, provider, url, fields, severity, carried, member, relation "
                    "FROM findings WHERE scan = ? ORDER BY id",
                    (number,),
                )
            ]
            out.append(
                ScanRecord(
                    number=number, started_at=datetime.fromisoformat(started),
                    tool_version=version, score=score, level=level, confidence=conf,
                    statuses=statuses, findings=findings,
                )
            )
        return out

    def marks(self, profile: str) -> dict[str, Mark]:
        out = {}
        for finding, status, on, note, removed in self.db.execute(
            "SELECT finding, status, on_date, note, removed_on FROM marks WHERE profile = ?",
            (profile,),
        ):
            kind = MarkStatus(status)
            day = date.fromisoformat(on)
            out[finding] = Mark(
                status=kind, on=day, note=note,
                deadline=one_month_after(day) if kind is MarkStatus.REQUESTED else None,
                removed_on=date.fromisoformat(removed) if removed else None,
            )
        return out

    def record(self, profile: str, result: ScanResult, keep: int = DEFAULT_KEEP) -> int:
        """Store the scan, confirm requested removals it found gone, and keep the newest
        `keep` scans of the profile. One transaction: all of it or nothing."""
        present = (ChangeKind.NEW, ChangeKind.STILL, ChangeKind.BACK)
        records = [record_of(f) for f in result.findings]
        records += [record_of(h) for h in result.household]
        marked = []
        if result.changes is not None:
            changes = result.changes
            stored = {r.id for r in records}
            # Set-aside findings are still there: remember them. Not re-checked is not
            # gone: carried on, so the next scan does not call them "back again".
            for item in [*changes.set_aside, *changes.household]:
                if item.change in present and item.id not in stored:
                    records.append(_record(item))
            for item in [*changes.findings, *changes.set_aside, *changes.household]:
                if item.change is ChangeKind.NOT_RECHECKED:
                    records.append(_record(item).model_copy(update={"carried": True}))
            marked = [
                i for i in [*changes.marks, *changes.household]
                if i.mark is not None and i.change is not ChangeKind.NOT_RECHECKED
            ]
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO scans (profile, started_at, finished_at, tool_version, score, "
                "level, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (profile, result.started_at.isoformat(), result.finished_at.isoformat(),
                 result.tool_version, result.score, result.level, result.confidence),
            )
            number = int(cursor.lastrowid or 0)
            db.executemany(
                "INSERT OR REPLACE INTO sources (scan, provider, status) VALUES (?, ?, ?)",
                [(number, r.provider, r.status.value) for r in result.runs],
            )
            for item in marked:
                assert item.mark is not None
                removed = item.mark.removed_on
                db.execute(  # confirmed now, kept from before, or cleared: back again
                    "UPDATE marks SET removed_on = ? WHERE profile = ? AND finding = ?",
                    (removed.isoformat() if removed else None, profile, item.id),
                )
            db.executemany(
                "INSERT OR REPLACE INTO findings (scan, id, provider, url, fields, severity, "
                "carried, member, relation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (number, r.id, r.provider, r.url, json.dumps(r.fields), r.severity.value,
                     int(r.carried), r.member, r.relation.value if r.relation else None)
                    for r in records
                ],
            )
            self._prune(db, profile, keep)
        return number

    def _prune(self, db: sqlite3.Connection, profile: str, keep: int) -> int:
        cursor = db.execute(
            "DELETE FROM scans WHERE profile = ? AND id NOT IN (SELECT id FROM scans "
            "WHERE profile = ? ORDER BY started_at DESC, id DESC LIMIT ?)",
            (profile, profile, max(keep, 1)),
        )
        return cursor.rowcount

    def prune(self, profile: str, keep: int) -> int:
        with self._transaction() as db:
            return self._prune(db, profile, keep)

    def known_ids(self, profile: str) -> set[str]:
        ids = {
            row[0]
            for row in self.db.execute(
                "SELECT DISTINCT f.id FROM findings f JOIN scans s ON s.id = f.scan "
                "WHERE s.profile = ?",
                (profile,),
            )
        }
        ids.update(self.marks(profile))
        return ids

    def resolve(self, profile: str, prefix: str) -> str:
        """A finding ID from a unique prefix of it, like git's."""
        wanted = prefix.strip().lower()
        if len(wanted) < 4 or any(c not in "0123456789abcdef" for c in wanted):
            raise InputError("FINDING", prefix, "give at least 4 characters of a finding ID")
        found = sorted(i for i in self.known_ids(profile) if i.startswith(wanted))
        if not found:
            raise InputError("FINDING", prefix, "no finding in the history has this ID")
        if len(found) > 1:
            raise InputError(
                "FINDING", prefix, "ambiguous: %(n)s findings start with it; give more",
                {"n": len(found)},
            )
        return found[0]

    def set_mark(
        self, profile: str, finding: str, status: MarkStatus, on: date, note: str = ""
    ) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO marks (profile, finding, status, on_date, note, "
                "removed_on) VALUES (?, ?, ?, ?, ?, NULL)",
                (profile, finding, status.value, on.isoformat(), note),
            )


def _record(item: ChangedFinding) -> FindingRecord:
    return FindingRecord(
        id=item.id, provider=item.provider, url=item.url, fields=item.fields,
        severity=item.severity, member=item.member, relation=item.relation,
    )
