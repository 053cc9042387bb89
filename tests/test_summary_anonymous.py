"""Issue 12: a summary that stays anonymous -- each person once, no cell below k, no values."""

from __future__ import annotations

import json
import re
import stat
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from exposure_scan.cli import app
from exposure_scan.models import ScanResult
from exposure_scan.profile import Profile
from exposure_scan.reports.summary_view import render_summary
from exposure_scan.summary import (
    K_ANONYMITY,
    summarise_reports,
    suppress,
)
from tests.test_summary import make_result

STREETS = ("Klaproosstraat", "Vlierbeslaan", "Zwanenhof", "Duinroosweg", "Hazelaarplein")
GIVEN = ("Marieke", "Tobias", "Femke", "Olivier", "Yara")
SURNAMES = ("Brinkhuis", "Oosterveld", "Kamphorst", "Wijnbergen")
KEY = b"s" * 32


def person(i: int) -> dict[str, Any]:
    """A fictional clinician with values no summary may ever contain."""
    return {
        "country": "NL",
        "role": "gp",
        "names": [{"given": f"{GIVEN[i % 5]}{i}", "surname": f"{SURNAMES[i % 4]}{i}"}],
        "addresses": [{"label": "home", "street": f"{STREETS[i % 5]}{i}", "house_number": "7",
                       "postcode": f"{1000 + i * 7} KX", "city": f"Plaats{i}ville"}],
        "phones": [{"label": "mobile", "number": f"06-{23456000 + i * 13}"}],
        "emails": [{"label": "private", "address": f"geheim{i}.persoon@mailbox{i}.example"}],
        "usernames": [f"gebruiker{i}x"],
        "websites": [f"https://eigen{i}.example"],
    }


def report(i: int, profile_data: dict[str, Any]) -> ScanResult:
    result = make_result(profile_data, i)  # its findings quote the person's own values
    fingerprint = Profile.model_validate(profile_data).fingerprint(KEY)
    return result.model_copy(update={"profile": {**result.profile, "fingerprint": fingerprint}})


def private_values(people: list[dict[str, Any]]) -> set[str]:
    out: set[str] = set()
    for data in people:
        p = Profile.model_validate(data)
        out |= {p.names[0].given, p.names[0].surname, p.names[0].full}
        a = p.addresses[0]
        out |= {a.street, a.postcode, a.city, p.phones[0].number, p.emails[0].address}
        out |= {re.sub(r"\D", "", p.phones[0].number), *p.usernames, *p.websites}
    return out


@pytest.fixture(scope="module")
def twenty() -> tuple[list[ScanResult], list[dict[str, Any]]]:
    people = [person(i) for i in range(20)]
    return [report(i, data) for i, data in enumerate(people)], people


def test_twenty_reports_leak_none_of_more_than_sixty_private_values(
    twenty: tuple[list[ScanResult], list[dict[str, Any]]],
) -> None:
    results, people = twenty
    secrets = private_values(people)
    assert len(secrets) > 60
    fingerprints = {str(r.profile["fingerprint"]) for r in results}
    summary = summarise_reports(results)
    assert summary.people == 20
    for fmt in ("md", "json", "html"):
        for lang in ("en", "nl"):
            out = render_summary(summary, fmt, lang)  # type: ignore[arg-type]
            leaked = sorted(s for s in secrets | fingerprints if s.lower() in out.lower())
            assert not leaked, f"{fmt}/{lang} leaks {leaked}"
            assert "@" not in out and "://" not in out.replace("http://www.w3.org/2000/svg", "")


def test_a_group_of_four_yields_no_per_cell_numbers(
    twenty: tuple[list[ScanResult], list[dict[str, Any]]],
) -> None:
    summary = summarise_reports(twenty[0][:4])
    assert summary.small_group and summary.findings is None
    data = json.loads(render_summary(summary, "json"))
    for key in ("findings_by_severity", "people_by_worst_severity", "findings_by_source_kind",
                "people_by_country", "open_rules", "open_removal_methods"):
        assert data[key] == {}, key
    assert data["coverage"] == {"scans_with_unchecked_sources": None, "partial_scans": None,
                                "unchecked_by_provider": {}}
    for fmt in ("md", "html"):
        out = render_summary(summary, fmt)  # type: ignore[arg-type]
        assert "| ---: |" not in out and "<svg" not in out and "<td>" not in out


def test_two_reports_of_one_person_count_once(
    twenty: tuple[list[ScanResult], list[dict[str, Any]]],
) -> None:
    results = twenty[0][:6]
    later = results[0].model_copy(update={"finished_at": results[0].finished_at
                                          + timedelta(days=30), "findings": []})
    summary = summarise_reports([*results, later], k=1)
    assert summary.people == 6 and summary.repeated_reports == 1
    assert summary.people_by_worst_severity.get("critical") == 2  # the later report counts


def test_cells_below_k_are_left_out_and_cannot_be_worked_out() -> None:
    counts = {"critical": 9, "high": 6, "low": 2}
    assert suppress(counts, K_ANONYMITY) == ({"critical": 9, "high": 6}, 1)
    # In a table that adds up to a shown total, one hidden cell would follow by subtraction.
    assert suppress(counts, K_ANONYMITY, partition=True) == ({"critical": 9}, 2)


def test_html_summary_has_an_svg_bar_chart_and_no_script(
    twenty: tuple[list[ScanResult], list[dict[str, Any]]],
) -> None:
    out = render_summary(summarise_reports(twenty[0]), "html", "nl")
    assert out.count("<svg") >= 1 and "<rect" in out and "<script" not in out.lower()
    assert "Samenvatting blootstelling" in out and "Content-Security-Policy" in out
    assert not re.search(r"<td>[1-4]</td>", out)  # no cell below k


def test_summary_command_writes_html_in_dutch(
    tmp_path: Path, twenty: tuple[list[ScanResult], list[dict[str, Any]]]
) -> None:
    paths = []
    for i, result in enumerate(twenty[0][:6]):
        path = tmp_path / f"r{i}.json"
        path.write_text(result.model_dump_json(), "utf-8")
        paths.append(str(path))
    out = tmp_path / "sum" / "group.html"
    result = CliRunner().invoke(app, ["summary", *paths, "-f", "html", "--lang", "nl",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Mensen" in page
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    bad = CliRunner().invoke(app, ["summary", *paths, "--lang", "de"])
    assert bad.exit_code == 2 and "choose nl or en" in bad.output
