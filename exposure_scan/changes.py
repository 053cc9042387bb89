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
    HouseholdFinding,
    Mark,
    MarkStatus,
    Relation,
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
    member: int | None = None  # a household member's finding (index), never their name
    relation: Relation | None = None


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
        """The person's own findings of that scan (what its score and level counted)."""
        return [f for f in self.findings if not f.carried and f.member is None]

    @property
    def household(self) -> list[FindingRecord]:
        """Household members' findings of that scan."""
        return [f for f in self.findings if not f.carried and f.member is not None]

    @property
    def urgent(self) -> int:
        return sum(1 for f in self.found if f.severity in URGENT)

    def counts(self) -> dict[str, int]:
        return {s.value: sum(1 for f in self.found if f.severity is s) for s in Severity}


def field_keys(finding: Finding | HouseholdFinding) -> list[str]:
    return sorted({f"{m.field.value}:{m.label}" for m in finding.matches})


def record_of(finding: Finding | HouseholdFinding) -> FindingRecord:
    member = finding if isinstance(finding, HouseholdFinding) else None
    return FindingRecord(
        id=finding.id,
        provider=finding.observation.provider,
        url=finding.observation.url,
        fields=field_keys(finding),
        severity=finding.severity,
        member=member.member if member else None,
        relation=member.relation if member else None,
    )


def _changed(rec: FindingRecord, change: ChangeKind, first_seen: datetime | None) -> ChangedFinding:
    return ChangedFinding(
        id=rec.id, change=change, provider=rec.provider, url=rec.url, fields=rec.fields,
        severity=rec.severity, first_seen=first_seen, member=rec.member, relation=rec.relation,
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


def _compare_records(
    now: list[FindingRecord],
    history: list[ScanRecord],
    result: ScanResult,
    household: bool,
) -> list[ChangedFinding]:
    """New, still there and back again for what was found now; gone or not re-checked for
    what the previous scan found and this one did not. The person's own findings and the
    household's are compared each with their own kind."""
    previous = history[-1] if history else None
    first_seen: dict[str, datetime] = {}
    for scan in history:
        for rec in scan.findings:
            first_seen.setdefault(rec.id, scan.started_at)
    before = {r.id for r in previous.findings} if previous else set()
    items = []
    for rec in now:
        if rec.id in before:
            change = ChangeKind.STILL
        elif rec.id in first_seen:
            change = ChangeKind.BACK
        else:
            change = ChangeKind.NEW
        items.append(_changed(rec, change, first_seen.get(rec.id, result.started_at)))
    ids = {r.id for r in now}
    if previous is not None:
        for rec in previous.findings:
            if rec.id in ids or (rec.member is not None) is not household:
                continue
            gone = _rechecked(rec, result, previous)
            change = ChangeKind.GONE if gone else ChangeKind.NOT_RECHECKED
            items.append(_changed(rec, change, first_seen.get(rec.id)))
    return items


def _requested_long_ago(
    history: list[ScanRecord], marks: dict[str, Mark], shown: set[str], household: bool
) -> list[ChangedFinding]:
    """Requested removals not in this scan or the last one: still listed with their mark."""
    first_seen: dict[str, datetime] = {}
    last_record: dict[str, FindingRecord] = {}
    for scan in history:
        for rec in scan.findings:
            first_seen.setdefault(rec.id, scan.started_at)
            last_record[rec.id] = rec
    out = []
    for fid, mark in marks.items():
        last = last_record.get(fid)
        if (
            mark.status is MarkStatus.REQUESTED and fid not in shown and last is not None
            and (last.member is not None) is household
        ):
            item = _changed(last, ChangeKind.GONE, first_seen.get(fid))
            out.append(item.model_copy(update={"mark": mark}))
    return out


def compare(
    history: list[ScanRecord],
    result: ScanResult,
    marks: dict[str, Mark] | None = None,
    today: date | None = None,
) -> ScanResult:
    """`result` with its `changes` filled in; findings marked not-me or ignored move to
    `changes.set_aside` and leave the score. `history` is oldest first, without `result`.
    Household members' findings are compared in `changes.household`, marks included; one
    marked not-me or ignored leaves `result.household` (and so the report's section)."""
    marks = marks or {}
    today = today or result.started_at.date()
    previous = history[-1] if history else None
    own = _compare_records([record_of(f) for f in result.findings], history, result, False)
    items = [_with_mark(i, marks.get(i.id), today) for i in own]
    aside = [i for i in items if i.mark and i.mark.status in SET_ASIDE]
    kept = [i for i in items if not (i.mark and i.mark.status in SET_ASIDE)]
    requested = [i for i in items if i.mark and i.mark.status is MarkStatus.REQUESTED]
    requested += _requested_long_ago(history, marks, {i.id for i in items}, False)
    findings = [f for f in result.findings if f.id not in {i.id for i in aside}]
    theirs = _compare_records([record_of(h) for h in result.household], history, result, True)
    theirs = [_with_mark(i, marks.get(i.id), today) for i in theirs]
    theirs += _requested_long_ago(history, marks, {i.id for i in theirs}, True)
    set_aside = {i.id for i in theirs if i.mark and i.mark.status in SET_ASIDE}
    household = [h for h in result.household if h.id not in set_aside]
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
        household=theirs,
    )
    return result.model_copy(
        update={
            "findings": findings, "score": score, "level": level, "confidence": confidence,
            "changes": changes, "household": household,
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
        items.append(_changed(r, change, None))
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
        items.append(_changed(rec, ChangeKind.GONE if checked else ChangeKind.NOT_RECHECKED, None))
    return items
