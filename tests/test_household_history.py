"""Household members' findings over time (issue 16 with issue 10): stored in the history by
place and relation only, compared on their own (new, still there, gone, not re-checked,
back again), and markable with `exposure-scan mark`. Fictional people only."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from typer.testing import CliRunner

from exposure_scan.changes import compare
from exposure_scan.cli import app
from exposure_scan.history import MIGRATIONS, History
from exposure_scan.models import (
    ChangeKind,
    FieldKind,
    FieldMatch,
    HouseholdFinding,
    HouseholdTie,
    MarkStatus,
    Observation,
    Relation,
    ScanResult,
    Severity,
)
from exposure_scan.profile import load_profile
from tests.test_history import T0, _demo, _demo_profile_file, found, profile, result

runner = CliRunner()
MEMBER_NAME = FieldMatch(field=FieldKind.NAME, label="", observed="Joris Hoekstra",
                         confidence=0.95, reason="full name")


def member_finding(url: str, member: int = 0, relation: Relation = Relation.PARTNER,
                   provider: str = "inspector") -> HouseholdFinding:
    obs = Observation(provider=provider, url=url, text="Joris Hoekstra, Fictiefstraat 7B")
    return HouseholdFinding(
        id=hashlib.sha256(f"{url}|{member}".encode()).hexdigest()[:16], member=member,
        relation=relation,
        observation=obs, matches=[MEMBER_NAME], ties=[HouseholdTie.HOME_ADDRESS],
        severity=Severity.HIGH,
    )


def with_household(base: ScanResult, *members: HouseholdFinding) -> ScanResult:
    return base.model_copy(update={"household": list(members)})


def household_kinds(scan: ScanResult) -> dict[str, set[str]]:
    assert scan.changes is not None
    return {
        k.value: {i.url for i in scan.changes.household if i.change is k} for k in ChangeKind
    }


def test_household_findings_are_stored_compared_and_kept_out_of_the_persons_counts(
    tmp_path: Path,
) -> None:
    club = member_finding("https://club.example/leden")
    school = member_finding("https://school.example/groep5", 1, Relation.CHILD)
    own = found("https://people.example/anna")
    db = tmp_path / "h.sqlite3"
    with History(db) as history:
        key = history.profile_key(profile())
        first = compare(history.scans(key), with_household(result([own]), club))
        history.record(key, first)
        second = compare(
            history.scans(key),
            with_household(result([own], T0 + timedelta(days=30)), school),
        )
        history.record(key, second)
        stored = history.scans(key)
    assert household_kinds(second) == {
        "new": {"https://school.example/groep5"}, "gone": {"https://club.example/leden"},
        "still": set(), "back": set(), "not_rechecked": set(),
    }
    assert second.changes is not None
    # the person's own comparison, score and trend do not see the household
    assert [i.change for i in second.changes.findings] == [ChangeKind.STILL]
    assert all(i.member is None for i in second.changes.findings)
    assert [p.urgent for p in second.changes.trend] == [1, 1]
    assert second.score == first.score
    [new] = [i for i in second.changes.household if i.change is ChangeKind.NEW]
    assert new.member == 1 and new.relation is Relation.CHILD
    assert [len(s.found) for s in stored] == [1, 1]
    assert [[r.relation for r in s.household] for s in stored] == [
        [Relation.PARTNER], [Relation.CHILD]
    ]
    assert stored[-1].counts()["high"] == 1  # `history` counts the person's findings only


def test_a_household_page_whose_source_was_not_checked_is_not_gone_and_not_back_later(
    tmp_path: Path,
) -> None:
    club = member_finding("https://club.example/leden")
    with History(tmp_path / "h.sqlite3") as history:
        key = history.profile_key(profile())
        history.record(key, compare([], with_household(result([]), club)))
        down = result([], T0 + timedelta(days=30), unchecked=("searxng", "inspector"))
        second = compare(history.scans(key), down)
        history.record(key, second)
        third = compare(history.scans(key),
                        with_household(result([], T0 + timedelta(days=60)), club))
    assert household_kinds(second)["not_rechecked"] == {"https://club.example/leden"}
    assert household_kinds(third)["still"] == {"https://club.example/leden"}


def test_a_household_finding_can_be_marked_not_me_or_requested(tmp_path: Path) -> None:
    club = member_finding("https://club.example/leden")
    school = member_finding("https://school.example/groep5", 1, Relation.CHILD)
    with History(tmp_path / "h.sqlite3") as history:
        key = history.profile_key(profile())
        history.record(key, compare([], with_household(result([]), club, school)))
        assert history.resolve(key, club.id[:6]) == club.id
        history.set_mark(key, club.id, MarkStatus.NOT_ME, date(2026, 1, 6))
        history.set_mark(key, school.id, MarkStatus.REQUESTED, date(2026, 1, 6))
        later = T0 + timedelta(days=45)
        second = compare(history.scans(key), with_household(result([], later), club, school),
                         history.marks(key))
        history.record(key, second)
        gone_day = T0 + timedelta(days=60)
        third = compare(history.scans(key), with_household(result([], gone_day), club),
                        history.marks(key))
        history.record(key, third)
        marks = history.marks(key)
    assert second.changes is not None and third.changes is not None
    # not me: out of the household section, still remembered (not "gone")
    assert [h.id for h in second.household] == [school.id]
    by_id = {i.id: i for i in second.changes.household}
    assert by_id[club.id].mark is not None and by_id[club.id].change is ChangeKind.STILL
    # requested and still there after the deadline: overdue, not in the person's own plan
    assert by_id[school.id].mark is not None and by_id[school.id].mark.overdue
    assert second.changes.marks == [] and second.plan == []
    # requested and then gone: confirmed removed, and stored so
    assert {i.id: i.change for i in third.changes.household}[school.id] is ChangeKind.GONE
    assert marks[school.id].removed_on == gone_day.date()
    assert [h.id for h in third.household] == []


def test_a_version_1_history_is_migrated_and_its_rows_are_the_persons_own(
    tmp_path: Path,
) -> None:
    path = tmp_path / "h.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    db.execute("INSERT INTO meta VALUES ('salt', 'abc')")
    db.execute("INSERT INTO scans VALUES (1, 'p', ?, ?, 'old', 70, 'high', 'complete')",
               (T0.isoformat(), T0.isoformat()))
    db.execute("INSERT INTO findings VALUES (1, 'aaaa000011112222', 'searxng', "
               "'https://people.example/a', '[]', 'high', 0)")
    db.commit()
    db.close()
    with History(path) as history:
        [scan] = history.scans("p")
    assert [(f.id, f.member) for f in scan.found] == [("aaaa000011112222", None)]


def test_the_demo_partner_is_compared_marked_and_never_named_in_the_history(
    tmp_path: Path,
) -> None:
    code, first = _demo(tmp_path, "first", "r1")
    assert code == 0 and len(first["household"]) == 1
    partner = first["household"][0]["id"]
    code, second = _demo(tmp_path, "first", "r2")
    [item] = second["changes"]["household"]
    assert item["id"] == partner and item["change"] == "still" and item["relation"] == "partner"
    assert "Still there" in second["_md"] and "Still there" in second["_html"]
    assert "Senioren **Kees Bakker**, Meidoornstraat" in second["_md"]  # spaces kept

    prof = _demo_profile_file(tmp_path)
    db = tmp_path / "h.sqlite3"
    marked = runner.invoke(app, ["mark", partner[:8], "not-me", "--db", str(db), "-p", str(prof)])
    assert marked.exit_code == 0, marked.output
    code, third = _demo(tmp_path, "first", "r3")
    assert third["household"] == []
    [item] = third["changes"]["household"]
    assert item["mark"]["status"] == "not_me"
    assert "No longer listed here" in third["_md"] and "not this member" in third["_md"]

    listed = runner.invoke(app, ["history", "--db", str(db), "-p", str(prof)])
    assert listed.exit_code == 0 and "household 1H" in listed.output
    diffed = runner.invoke(app, ["diff", "--db", str(db), "-p", str(prof), "1", "2"])
    assert diffed.exit_code == 0 and "Your household" in diffed.output
    with History(db) as history:
        key = history.profile_key(load_profile(prof))
        assert history.scans(key)[-1].household[0].member == 0
    # the member's name is nowhere in the history file (nor in its write-ahead log)
    member = load_profile(prof).household[0].names[0]
    for file in tmp_path.glob("h.sqlite3*"):
        data = file.read_bytes()
        for value in (member.given, member.surname):
            assert value.encode() not in data, file.name
    for output in (listed.output, diffed.output, marked.output):
        assert member.given not in output and member.surname not in output
