"""What changed since the last scan: a pure comparison of the history with a new ScanResult.

A finding seen last time counts as gone only when its source was checked this time; a
page found through a search (read by the page reader) only when every source checked last
time was checked again, since a failing search engine hides the page without it being gone.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

from pydantic import Field

from exposure_scan.models import (
    ChangedFinding,
    ChangeKind,
    Changes,
    Finding,
    Frozen,
    Mark,
    MarkStatus,
    RunStatus,
    ScanResult,
    Severity,
    TrendPoint,
)
from exposure_scan.scoring import summarise

URGENT = (Severity.CRITICAL, Severity.HIGH)
# exposure_scan.inspector.PageInspector.name, not imported: the CLI loads this module at start.
PAGE_READER = "inspector"
SET_ASIDE = (MarkStatus.NOT_ME, MarkStatus.IGNORED)


class FindingRecord(Frozen):
    """A finding as the history stores it: its fingerprint, no profile value."""

    id: str
    provider: str
    url: str = ""
    fields: list[str] = Field(default_factory=list)
    severity: Severity
    carried: bool = False  # not re-checked in that scan: kept from the one before


class ScanRecord(Frozen):
    number: int
    started_at: datetime
    tool_version: str = ""
    score: int = 0
    level: str = ""
    confidence: str = ""
    statuses: dict[str, RunStatus] = Field(default_factory=dict)
    findings: list[FindingRecord] = Field(default_factory=list)

    @property
    def found(self) -> list[FindingRecord]:
        return [f for f in self.findings if not f.carried]

    @property
    def urgent(self) -> int:
        return sum(1 for f in self.found if f.severity in URGENT)

    def counts(self) -> dict[str, int]:
        return {s.value: sum(1 for f in self.found if f.severity is s) for s in Severity}


def field_keys(finding: Finding) -> list[str]:
    return sorted({f"{m.field.value}:{m.label}" for m in finding.matches})


def record_of(finding: Finding) -> FindingRecord:
    return FindingRecord(
        id=finding.id,
        provider=finding.observation.provider,
        url=finding.observation.url,
        fields=field_keys(finding),
        severity=finding.severity,
    )


def one_month_after(day: date) -> date:
    """The GDPR's "one month": the same day next month, or that month's last day."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _rechecked(record: FindingRecord, result: ScanResult, previous: ScanRecord) -> bool:
    runs = {r.provider: r for r in result.runs}
    run = runs.get(record.provider)
    if run is None or run.status is not RunStatus.CHECKED or result.partial:
        return False
    if record.url and any(p.url == record.url for p in run.unchecked_parts):
        return False
    if record.provider == PAGE_READER:
        # The page was reached through other sources: all of them must have answered again.
        for name, status in previous.statuses.items():
            if status is RunStatus.CHECKED and name != record.provider:
                now = runs.get(name)
                if now is None or now.status is not RunStatus.CHECKED:
                    return False
    return True


def _with_mark(item: ChangedFinding, mark: Mark | None, today: date) -> ChangedFinding:
    if mark is None:
        return item
    if mark.status is MarkStatus.REQUESTED:
        if item.change is ChangeKind.GONE and mark.removed_on is None:
            mark = mark.model_copy(update={"removed_on": today, "overdue": False})
        elif item.change in (ChangeKind.NEW, ChangeKind.STILL, ChangeKind.BACK):
            # There now, even if once confirmed removed: the clock of the request counts.
            late = mark.deadline is not None and today > mark.deadline
            mark = mark.model_copy(update={"removed_on": None, "overdue": late})
    return item.model_copy(update={"mark": mark})


def compare(
    history: list[ScanRecord],
    result: ScanResult,
    marks: dict[str, Mark] | None = None,
    today: date | None = None,
) -> ScanResult:
    """`result` with its `changes` filled in; findings marked not-me or ignored move to
    `changes.set_aside` and leave the score. `history` is oldest first, without `result`."""
    marks = marks or {}
    today = today or result.started_at.date()
    previous = history[-1] if history else None
    first_seen: dict[str, datetime] = {}
    last_record: dict[str, FindingRecord] = {}
    for scan in history:
        for rec in scan.findings:
            first_seen.setdefault(rec.id, scan.started_at)
            last_record[rec.id] = rec
    before = {r.id for r in previous.findings} if previous else set()
    items: list[ChangedFinding] = []
    for f in result.findings:
        if f.id in before:
            change = ChangeKind.STILL
        elif f.id in first_seen:
            change = ChangeKind.BACK
        else:
            change = ChangeKind.NEW
        rec = record_of(f)
        items.append(
            ChangedFinding(
                id=f.id, change=change, provider=rec.provider, url=rec.url, fields=rec.fields,
                severity=f.severity, first_seen=first_seen.get(f.id, result.started_at),
            )
        )
    now = {f.id for f in result.findings}
    if previous is not None:
        for rec in previous.findings:
            if rec.id in now:
                continue
            gone = _rechecked(rec, result, previous)
            items.append(
                ChangedFinding(
                    id=rec.id,
                    change=ChangeKind.GONE if gone else ChangeKind.NOT_RECHECKED,
                    provider=rec.provider, url=rec.url, fields=rec.fields,
                    severity=rec.severity, first_seen=first_seen.get(rec.id),
                )
            )
    items = [_with_mark(i, marks.get(i.id), today) for i in items]
    aside = [i for i in items if i.mark and i.mark.status in SET_ASIDE]
    kept = [i for i in items if not (i.mark and i.mark.status in SET_ASIDE)]
    shown = {i.id for i in items}
    requested = [i for i in items if i.mark and i.mark.status is MarkStatus.REQUESTED]
    for fid, mark in marks.items():  # requested long ago, not in this or the last scan
        if mark.status is MarkStatus.REQUESTED and fid not in shown and fid in last_record:
            rec = last_record[fid]
            requested.append(
                ChangedFinding(
                    id=fid, change=ChangeKind.GONE, provider=rec.provider, url=rec.url,
                    fields=rec.fields, severity=rec.severity, first_seen=first_seen.get(fid),
                    mark=mark,
                )
            )
    findings = [f for f in result.findings if f.id not in {i.id for i in aside}]
    score, level, confidence = summarise(findings, result.runs)
    trend = [TrendPoint(at=s.started_at, score=s.score, urgent=s.urgent) for s in history]
    trend.append(
        TrendPoint(
            at=result.started_at,
            score=score,
            urgent=sum(1 for f in findings if f.severity in URGENT),
        )
    )
    changes = Changes(
        previous_at=previous.started_at if previous else None,
        findings=kept,
        set_aside=aside,
        marks=requested,
        trend=trend,
    )
    return result.model_copy(
        update={
            "findings": findings, "score": score, "level": level, "confidence": confidence,
            "changes": changes,
        }
    )


def diff(earlier: list[ScanRecord], newer: ScanRecord) -> list[ChangedFinding]:
    """A stored scan compared with the scans before it (oldest first), for `exposure-scan
    diff`: the same rules as `compare`, with the statuses the history keeps."""
    older = earlier[-1] if earlier else None
    before = {r.id: r for r in older.findings} if older else {}
    ever = {r.id for s in earlier for r in s.findings}
    after = {r.id for r in newer.findings}
    items = []
    for r in newer.findings:
        change = ChangeKind.STILL if r.id in before else (
            ChangeKind.BACK if r.id in ever else ChangeKind.NEW
        )
        if r.carried:
            change = ChangeKind.NOT_RECHECKED
        items.append(
            ChangedFinding(
                id=r.id, change=change, provider=r.provider, url=r.url, fields=r.fields,
                severity=r.severity,
            )
        )
    for rec in before.values():
        if rec.id in after:
            continue
        checked = newer.statuses.get(rec.provider) is RunStatus.CHECKED and (
            rec.provider != PAGE_READER
            or all(
                newer.statuses.get(n) is RunStatus.CHECKED
                for n, s in (older.statuses.items() if older else ())
                if s is RunStatus.CHECKED
            )
        )
        items.append(
            ChangedFinding(
                id=rec.id, change=ChangeKind.GONE if checked else ChangeKind.NOT_RECHECKED,
                provider=rec.provider, url=rec.url, fields=rec.fields, severity=rec.severity,
            )
        )
    return items
