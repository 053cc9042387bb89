"""Removal tracking: `exposure-scan mark` with unique-prefix IDs, confirmed removals, and
the escalation step leading the plan after the deadline."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from typer.testing import CliRunner

from exposure_scan.cli import app
from exposure_scan.history import History
from exposure_scan.models import MarkStatus
from exposure_scan.profile import load_profile as _load
from tests.test_history import _demo, _demo_profile_file, found, profile, result

runner = CliRunner()


def _profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text('[[names]]\ngiven = "Anna"\nsurname = "van der Berg"\n', "utf-8")
    return path


def _store(tmp_path: Path, ids: list[str]) -> Path:
    db = tmp_path / "h.sqlite3"
    with History(db) as history:
        key = history.profile_key(profile())
        findings = [
            found(f"https://people.example/{i}").model_copy(update={"id": i}) for i in ids
        ]
        history.record(key, result(findings))
    return db


def test_mark_takes_a_unique_prefix_and_refuses_unknown_or_ambiguous_ids(
    tmp_path: Path,
) -> None:
    db = _store(tmp_path, ["abcd111122223333", "abcd999922223333", "ffff000011112222"])
    prof = _profile_file(tmp_path)
    base = ["--db", str(db), "-p", str(prof)]
    ok = runner.invoke(app, ["mark", "ffff", "requested", "--date", "2026-01-05", *base])
    assert ok.exit_code == 0, ok.output
    assert "ffff000011112222" in ok.output
    for prefix in ("abcd", "0123", "zz"):
        bad = runner.invoke(app, ["mark", prefix, "ignored", *base])
        assert bad.exit_code == 2
        assert len(bad.output.strip().splitlines()) == 1
    assert "ambiguous" in runner.invoke(app, ["mark", "abcd", "ignored", *base]).output
    unique = runner.invoke(app, ["mark", "abcd1", "not-me", "--note", "a namesake", *base])
    assert unique.exit_code == 0
    with History(db) as history:
        marks = history.marks(history.profile_key(profile()))
    assert marks["abcd111122223333"].status is MarkStatus.NOT_ME
    assert marks["ffff000011112222"].deadline == date(2026, 2, 5)
    wrong = runner.invoke(app, ["mark", "ffff", "done", *base])
    assert wrong.exit_code == 2


def test_requested_then_gone_is_confirmed_removed(tmp_path: Path) -> None:
    _demo(tmp_path, "first", "r1")
    prof = _demo_profile_file(tmp_path)
    with History(tmp_path / "h.sqlite3") as history:
        scans = history.scans(history.profile_key(_load(prof)))
    forum = next(f.id for f in scans[-1].findings if "forum" in f.url)
    res = runner.invoke(app, ["mark", forum[:8], "requested",
                              "--db", str(tmp_path / "h.sqlite3"), "-p", str(prof)])
    assert res.exit_code == 0, res.output
    _, second = _demo(tmp_path, "changed", "r2")
    assert "removed (confirmed on" in second["_md"]
    assert "removed (confirmed on" in second["_html"]
    removal = second["changes"]["marks"][0]
    assert removal["id"] == forum and removal["mark"]["removed_on"]


def test_past_the_deadline_and_still_there_the_escalation_leads_the_plan(
    tmp_path: Path,
) -> None:
    _demo(tmp_path, "first", "r1")
    prof = _demo_profile_file(tmp_path)
    with History(tmp_path / "h.sqlite3") as history:
        scans = history.scans(history.profile_key(_load(prof)))
    people = next(f.id for f in scans[-1].findings if "mensen" in f.url)
    long_ago = (date.today() - timedelta(days=45)).isoformat()
    runner.invoke(app, ["mark", people, "requested", "--date", long_ago,
                        "--db", str(tmp_path / "h.sqlite3"), "-p", str(prof)])
    _, second = _demo(tmp_path, "changed", "r2")
    plan = second["_md"].split("## Action plan", 1)[1]
    first_item = plan.split("\n1. ", 1)[1].splitlines()[0]
    assert "removal deadline has passed" in first_item
    assert "deadline passed on" in second["_md"]
    assert second["changes"]["marks"][0]["mark"]["overdue"] is True


def test_not_me_leaves_the_score_and_fail_on(tmp_path: Path) -> None:
    _, first = _demo(tmp_path, "first", "r1")
    prof = _demo_profile_file(tmp_path)
    for f in first["findings"]:
        runner.invoke(app, ["mark", f["id"], "not-me",
                            "--db", str(tmp_path / "h.sqlite3"), "-p", str(prof)])
    _, second = _demo(tmp_path, "first", "r2")
    assert second["findings"] == [] and second["score"] == 0
    assert len(second["changes"]["set_aside"]) == len(first["findings"])
    assert "<details id=\"set-aside\">" in second["_html"]
    assert json.dumps(second["changes"]["set_aside"])


def test_a_removed_page_that_comes_back_is_no_longer_confirmed(tmp_path: Path) -> None:
    from datetime import timedelta

    from exposure_scan.changes import compare
    from tests.test_history import T0

    a = found("https://people.example/a")
    db = tmp_path / "h.sqlite3"
    with History(db) as history:
        key = history.profile_key(profile())
        history.record(key, compare([], result([a])))
        history.set_mark(key, a.id, MarkStatus.REQUESTED, T0.date())
        gone = compare(history.scans(key), result([], T0 + timedelta(10)), history.marks(key))
        history.record(key, gone)
        assert history.marks(key)[a.id].removed_on == (T0 + timedelta(10)).date()
        back = compare(history.scans(key), result([a], T0 + timedelta(40)), history.marks(key))
        history.record(key, back)
        mark = back.changes.marks[0].mark  # type: ignore[union-attr]
        assert mark is not None and mark.removed_on is None and mark.overdue
        assert history.marks(key)[a.id].removed_on is None
