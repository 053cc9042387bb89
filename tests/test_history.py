"""The scan history and the comparison with the last scan: pure diff, the SQLite store, and
three scans of the demo world (a page removed and one added; then the search engine down)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exposure_scan.changes import compare, diff, one_month_after
from exposure_scan.cli import app
from exposure_scan.history import History
from exposure_scan.models import (
    ChangeKind,
    FieldKind,
    FieldMatch,
    Finding,
    Mark,
    MarkStatus,
    Observation,
    ProviderRun,
    RunStatus,
    ScanResult,
    Severity,
    finding_id,
)
from exposure_scan.profile import Profile

runner = CliRunner()
T0 = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
HOME = FieldMatch(field=FieldKind.ADDRESS, label="home", observed="Fictiefstraat 7B",
                  confidence=0.95, reason="same street", private=True)
NAME = FieldMatch(field=FieldKind.NAME, label="", observed="Anna van der Berg",
                  confidence=0.9, reason="same surname")


def found(url: str, provider: str = "searxng", severity: Severity = Severity.HIGH) -> Finding:
    matches = [NAME, HOME]
    obs = Observation(provider=provider, url=url, seen_at=T0)
    return Finding(id=finding_id(url, provider, matches), observation=obs, matches=matches,
                   severity=severity, score=70)


def result(
    findings: list[Finding], at: datetime = T0, unchecked: tuple[str, ...] = ()
) -> ScanResult:
    runs = [
        ProviderRun(provider=p, status=RunStatus.UNCHECKED if p in unchecked else RunStatus.CHECKED)
        for p in ("searxng", "inspector", "big_register")
    ]
    return ScanResult(tool_version="test", started_at=at, finished_at=at, runs=runs,
                      findings=findings, score=70, level="high", confidence="complete")


def profile() -> Profile:
    return Profile.model_validate({"names": [{"given": "Anna", "surname": "van der Berg"}]})


def kinds(scan: ScanResult) -> dict[str, set[str]]:
    assert scan.changes is not None
    return {k.value: {i.url for i in scan.changes.of(k)} for k in ChangeKind}


def test_compare_sorts_findings_into_new_gone_still_back_and_not_rechecked(
    tmp_path: Path,
) -> None:
    a, b, c = (found(f"https://people.example/{n}") for n in "abc")
    page = found("https://forum.example/t/1", provider="inspector")
    with History(tmp_path / "h.sqlite3") as history:
        key = history.profile_key(profile())
        history.record(key, compare([], result([a, b, page])))
        history.record(key, compare(history.scans(key), result([b], T0 + timedelta(days=30))))
        # a is back, b is still there, c is new; the page reader's page is not re-checked
        # because the search engine that led to it failed this time.
        third = compare(
            history.scans(key),
            result([a, b, c], T0 + timedelta(days=60), unchecked=("searxng",)),
        )
    got = kinds(third)
    assert got["back"] == {a.observation.url}
    assert got["still"] == {b.observation.url}
    assert got["new"] == {c.observation.url}
    assert got["gone"] == set()
    assert [len(third.changes.trend)] == [3]  # type: ignore[union-attr]


def test_a_finding_whose_source_was_unchecked_is_not_gone_and_not_back_later(
    tmp_path: Path,
) -> None:
    a = found("https://people.example/a")
    with History(tmp_path / "h.sqlite3") as history:
        key = history.profile_key(profile())
        history.record(key, compare([], result([a])))
        second = compare(history.scans(key), result([], T0 + timedelta(1), ("searxng",)))
        assert kinds(second)["not_rechecked"] == {a.observation.url}
        assert kinds(second)["gone"] == set()
        history.record(key, second)
        third = compare(history.scans(key), result([a], T0 + timedelta(2)))
        assert kinds(third)["still"] == {a.observation.url}  # never gone, so not "back"
        history.record(key, third)
        fourth = compare(history.scans(key), result([], T0 + timedelta(3)))
        assert kinds(fourth)["gone"] == {a.observation.url}


def test_diff_of_stored_scans_matches_the_report(tmp_path: Path) -> None:
    a, b = found("https://people.example/a"), found("https://people.example/b")
    with History(tmp_path / "h.sqlite3") as history:
        key = history.profile_key(profile())
        history.record(key, compare([], result([a])))
        history.record(key, compare(history.scans(key), result([b], T0 + timedelta(1))))
        scans = history.scans(key)
    items = diff(scans[:1], scans[1])
    assert {i.change for i in items} == {ChangeKind.NEW, ChangeKind.GONE}


def test_history_file_is_private_versioned_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "h.sqlite3"
    with History(path) as history:
        history.record(history.profile_key(profile()), result([found("https://x.example/")]))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] >= 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # no profile value, no page text: only fingerprints
    dump = "\n".join(db.iterdump())
    assert "Fictiefstraat" not in dump and "Anna" not in dump and "van der Berg" not in dump


def test_a_scan_that_fails_while_being_stored_leaves_the_history_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "h.sqlite3"
    with History(path) as history:
        key = history.profile_key(profile())
        history.record(key, result([found("https://x.example/1")]))
        before = history.scans(key)

        def boom(*args: object, **kwargs: object) -> int:
            raise KeyboardInterrupt

        monkeypatch.setattr(History, "_prune", boom)
        with pytest.raises(KeyboardInterrupt):
            history.record(key, result([found("https://x.example/2")], T0 + timedelta(1)))
    with History(path) as history:
        assert history.scans(key) == before


def test_prune_keeps_the_newest_scans(tmp_path: Path) -> None:
    with History(tmp_path / "h.sqlite3") as history:
        key = history.profile_key(profile())
        for day in range(5):
            history.record(key, result([], T0 + timedelta(day)), keep=100)
        assert history.prune(key, 2) == 3
        assert [s.started_at for s in history.scans(key)] == [
            T0 + timedelta(3), T0 + timedelta(4)
        ]


def test_marks_set_aside_and_requested_removals_are_confirmed() -> None:
    a, b = found("https://people.example/a"), found("https://people.example/b")
    history = []
    first = compare(history, result([a, b]))
    assert first.changes is not None and first.changes.previous_at is None
    marks = {
        a.id: Mark(status=MarkStatus.REQUESTED, on=date(2026, 1, 5),
                   deadline=one_month_after(date(2026, 1, 5))),
        b.id: Mark(status=MarkStatus.NOT_ME, on=date(2026, 1, 5)),
    }
    from exposure_scan.changes import FindingRecord, ScanRecord

    stored = [ScanRecord(
        number=1, started_at=T0, statuses={"searxng": RunStatus.CHECKED},
        findings=[FindingRecord(id=f.id, provider="searxng", url=f.observation.url,
                                severity=f.severity) for f in (a, b)],
    )]
    later = compare(stored, result([b], T0 + timedelta(days=20)), marks)
    assert later.changes is not None
    assert later.findings == [] and later.score == 0  # not-me leaves the score
    assert [i.id for i in later.changes.set_aside] == [b.id]
    removal = later.changes.marks[0]
    assert removal.mark is not None and removal.mark.removed_on == (T0 + timedelta(20)).date()
    overdue = compare(stored, result([a, b], T0 + timedelta(days=40)), marks)
    assert overdue.changes is not None
    assert overdue.changes.marks[0].mark.overdue  # type: ignore[union-attr]


def test_one_month_after_clamps_to_the_last_day() -> None:
    assert one_month_after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert one_month_after(date(2026, 12, 15)) == date(2027, 1, 15)


def _demo(tmp_path: Path, world: str, out: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    res = runner.invoke(app, [
        "demo", "--db", str(tmp_path / "h.sqlite3"), "--world", world, "--quiet",
        "--out", str(tmp_path / out), "-f", "json", "-f", "md", "-f", "html",
    ])
    folder = tmp_path / out
    data = json.loads(next(folder.glob("*.json")).read_text("utf-8"))
    data["_md"] = next(folder.glob("*.md")).read_text("utf-8")
    data["_html"] = next(folder.glob("*.html")).read_text("utf-8")
    return res.exit_code, data


def _demo_profile_file(tmp_path: Path) -> Path:
    from exposure_scan.demo import _data

    path = tmp_path / "demo-profile.toml"
    path.write_text(_data("profile.toml").replace("{base}", "http://127.0.0.1"), "utf-8")
    return path


def test_three_demo_scans_show_one_new_one_gone_then_not_rechecked(tmp_path: Path) -> None:
    code, first = _demo(tmp_path, "first", "r1")
    assert code == 0 and first["changes"]["previous_at"] is None
    code, second = _demo(tmp_path, "changed", "r2")
    changes = second["changes"]["findings"]
    new = [c for c in changes if c["change"] == "new"]
    gone = [c for c in changes if c["change"] == "gone"]
    assert len(new) == 1 and "buurtgids" in new[0]["url"]
    assert len(gone) == 1 and "forum" in gone[0]["url"]
    assert "New since last scan (1)" in second["_md"]
    assert "Gone since last scan (1)" in second["_md"]
    assert "New since last scan (1)" in second["_html"]
    assert "Gone since last scan (1)" in second["_html"]
    assert "<svg" in second["_html"] and "<script" not in second["_html"]

    prof = _demo_profile_file(tmp_path)
    out = runner.invoke(app, ["diff", "--db", str(tmp_path / "h.sqlite3"), "-p", str(prof)])
    assert out.exit_code == 0, out.output
    assert "New since last scan: 1" in out.output and "Gone since last scan: 1" in out.output

    code, third = _demo(tmp_path, "search-down", "r3")
    assert code == 3
    changes = third["changes"]["findings"]
    assert not [c for c in changes if c["change"] == "gone"]
    # the forum post is gone; four pages (with the household's club list) are not rechecked
    assert len([c for c in changes if c["change"] == "not_rechecked"]) == 4
    assert "Not re-checked (4)" in third["_md"]

    listed = runner.invoke(app, ["history", "--db", str(tmp_path / "h.sqlite3"), "-p", str(prof)])
    assert listed.exit_code == 0 and len(listed.output.strip().splitlines()) == 4
    # The demo's history is readable without a profile file: the one person it holds
    # (regression: `history --db` after `demo --db` asked for a profile that does not exist).
    bare = runner.invoke(app, ["history", "--db", str(tmp_path / "h.sqlite3")])
    assert bare.exit_code == 0 and bare.output == listed.output
    bare_diff = runner.invoke(app, ["diff", "--db", str(tmp_path / "h.sqlite3"), "1", "2"])
    assert bare_diff.exit_code == 0 and "New since last scan: 1" in bare_diff.output


def test_killing_a_scan_at_any_point_leaves_the_history_readable(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "h.sqlite3"
    _demo(tmp_path, "first", "r0")
    prof = _demo_profile_file(tmp_path)
    from exposure_scan.profile import load_profile

    key_profile = load_profile(prof)
    for n, delay in enumerate((0.5, 1.5, 2.5)):
        with History(db) as history:
            before = history.scans(history.profile_key(key_profile))
        proc = subprocess.Popen(
            [sys.executable, "-m", "exposure_scan", "demo", "--db", str(db), "--quiet",
             "--world", "changed", "--out", str(tmp_path / f"k{n}"), "-f", "json"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        with History(db) as history:
            after = history.scans(history.profile_key(key_profile))
        # Either the scan was stored whole, or not at all.
        assert after[: len(before)] == before
        assert len(after) in (len(before), len(before) + 1)
        if len(after) > len(before):
            assert {f.url.rsplit("/", 1)[-1] for f in after[-1].findings} >= {"s-de-wit"}


def test_the_report_shows_the_trend_as_svg_and_a_markdown_table_in_dutch() -> None:
    from exposure_scan.output import render

    a = found("https://people.example/a", severity=Severity.CRITICAL)
    first = compare([], result([a]))
    from exposure_scan.changes import FindingRecord, ScanRecord

    stored = [ScanRecord(number=1, started_at=T0, score=70, findings=[
        FindingRecord(id=a.id, provider="searxng", url=a.observation.url,
                      severity=a.severity)])]
    second = compare(stored, result([a], T0 + timedelta(30))).model_copy(
        update={"language": "nl"}
    )
    html = render(second, "html").decode()
    md = render(second, "md").decode()
    assert "<polyline" in html and "<script" not in html
    assert "default-src 'none'" in html  # the CSP stays as it is
    assert "| Datum | Risicoscore | Hoog en kritiek |" in md
    assert "Nog steeds aanwezig (1)" in md
    assert first.changes is not None and len(first.changes.trend) == 1
    # The previous scan's moment is written like the report's own (language, time zone).
    from exposure_scan.reports.context import when

    assert f"Vergeleken met de scan van {when(T0, 'nl', 'NL')}." in md
    assert "UTC." not in md


def test_a_full_disk_while_storing_keeps_the_report_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(History, "record", full)
    res = runner.invoke(app, ["demo", "--db", str(tmp_path / "h.sqlite3"), "--quiet",
                              "--out", str(tmp_path / "r"), "-f", "json"])
    assert res.exit_code == 1
    assert "scan history could not be updated" in res.output
    assert list((tmp_path / "r").glob("*.json"))


def test_an_old_schema_is_migrated_and_a_newer_one_refused(tmp_path: Path) -> None:
    from exposure_scan.history import MIGRATIONS, HistoryError

    path = tmp_path / "h.sqlite3"
    sqlite3.connect(path).close()  # version 0: an empty file
    with History(path) as history:
        assert history.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.commit()
    db.close()
    with pytest.raises(HistoryError, match="newer exposure-scan"):
        History(path)


def test_the_fingerprint_ignores_how_a_page_was_linked_but_not_what_matched() -> None:
    base = finding_id("https://people.example/anna?id=7", "searxng", [NAME, HOME])
    for same in ("http://www.people.example/anna/?utm_source=mail&id=7",
                 "https://PEOPLE.example:443/anna?id=7&fbclid=x"):
        assert finding_id(same, "searxng", [HOME, NAME]) == base
    assert finding_id("https://people.example/anna?id=8", "searxng", [NAME, HOME]) != base
    assert finding_id("https://people.example/anna?id=7", "searxng", [NAME]) != base
    assert finding_id("https://people.example/anna?id=7", "inspector", [NAME, HOME]) != base
    assert finding_id("https://reg.example/#1", "x", [NAME]) != finding_id(
        "https://reg.example/#2", "x", [NAME]
    )


def test_history_prune_command_keeps_n_and_diff_refuses_unknown_scans(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite3"
    with History(db) as history:
        key = history.profile_key(profile())
        for day in range(4):
            history.record(key, result([found(f"https://x.example/{day}")], T0 + timedelta(day)))
    prof = tmp_path / "p.toml"
    prof.write_text('[[names]]\ngiven = "Anna"\nsurname = "van der Berg"\n', "utf-8")
    base = ["--db", str(db), "-p", str(prof)]
    res = runner.invoke(app, ["history", "--prune", "--keep", "2", *base])
    assert res.exit_code == 0 and "Removed 2 old scans." in res.output
    assert len(res.output.strip().splitlines()) == 4  # message, header, two scans
    assert runner.invoke(app, ["diff", "1", "4", *base]).exit_code == 2
    ok = runner.invoke(app, ["diff", "3", "4", *base])
    assert ok.exit_code == 0 and "New since last scan: 1" in ok.output
    missing = runner.invoke(app, ["history", "--db", str(tmp_path / "none.db"), "-p", str(prof)])
    assert missing.exit_code == 2 and not (tmp_path / "none.db").exists()


def test_the_page_readers_name_is_the_inspectors() -> None:
    from exposure_scan.changes import PAGE_READER
    from exposure_scan.inspector import PageInspector

    assert PAGE_READER == PageInspector.name


def test_a_demo_waits_for_its_stable_port_so_finding_ids_stay_comparable() -> None:
    # Regression: a second demo (or a parallel test run) holding the port made the next demo
    # take a random one, so every finding looked new and `mark` matched nothing.
    import socket
    import threading

    from exposure_scan.demo import STABLE_PORT, DemoWorld

    holder = socket.socket()
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        holder.bind(("127.0.0.1", STABLE_PORT))
    except OSError:
        pytest.skip("the demo port is in use by another run")
    holder.listen()
    threading.Timer(0.5, holder.close).start()
    with DemoWorld("first", port=STABLE_PORT) as world:
        assert world.base_url.endswith(f":{STABLE_PORT}")
