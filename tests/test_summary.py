"""Employer summary: right counts, and not one private value, URL or host in the output."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from exposure_scan.errors import InputError
from exposure_scan.models import (
    FieldKind,
    FieldMatch,
    Finding,
    LedgerEntry,
    Observation,
    ProviderRun,
    RemovalStep,
    RunStatus,
    ScanResult,
    Severity,
    SourceKind,
    finding_id,
)
from exposure_scan.profile import Profile
from exposure_scan.reports.summary_view import render_summary
from exposure_scan.summary import (
    K_ANONYMITY,
    EmployerSummary,
    load_results,
    summarise_reports,
)

T0 = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)

PEOPLE: list[dict[str, Any]] = [
    {
        "country": "NL", "role": "gp",
        "names": [{"given": "Anna Maria", "surname": "van der Berg"}],
        "addresses": [{"label": "home", "street": "Fictiefstraat", "house_number": "7",
                       "addition": "B", "postcode": "9999 ZZ", "city": "Voorbeeldstad"}],
        "phones": [{"label": "mobile", "number": "06-98765432"}],
        "emails": [{"label": "private", "address": "annamaria.berg@example.org"}],
        "usernames": ["amberg77"],
        "websites": ["https://praktijk-voorbeeld.example"],
    },
    {
        "country": "US", "role": "hospital",
        "names": [{"given": "Jonathan", "surname": "Quillfeather"}],
        "addresses": [{"label": "home", "street": "Maplewood Lane", "house_number": "1428",
                       "postcode": "62701", "city": "Springfield", "state": "IL",
                       "country": "US"}],
        "phones": [{"label": "mobile", "number": "+1 217 555 0143"}],
        "emails": [{"label": "personal", "address": "jq.doc@mailbox.example"}],
    },
    {
        "country": "UK", "role": "justice",
        "names": [{"given": "Philippa", "surname": "Ravenscroft-Oduya"}],
        "addresses": [{"label": "home", "street": "Thornbury Close", "house_number": "22",
                       "postcode": "SW1A 1AA", "city": "Lesser Wickham", "country": "UK"}],
        "phones": [{"label": "mobile", "number": "07700 900461"}],
        "emails": [{"label": "private", "address": "pippa.ro@home-mail.example"}],
    },
    {
        "country": "NL", "role": "justice",
        "names": [{"given": "Sjoerd", "surname": "Wijnbergen-Tjalsma"}],
        "addresses": [{"label": "home", "street": "Krommelaan", "house_number": "311",
                       "postcode": "8888 XQ", "city": "Noordwaddendorp"}],
        "phones": [{"label": "home", "number": "0512-778899"}],
        "emails": [{"label": "private", "address": "sjoerd.wt@privé.example"}],
    },
    {
        "country": "NL", "role": "mental_health",
        "names": [{"given": "Fenna", "surname": "Oosterwold"}],
        "addresses": [{"label": "home", "street": "Zandpad", "house_number": "3",
                       "postcode": "7777 KL", "city": "Heidebroek"}],
        "phones": [{"label": "mobile", "number": "06-11223344"}],
        "emails": [{"label": "private", "address": "fenna.oosterwold@example.net"}],
    },
]


def _host(i: int, person: Profile) -> str:
    return f"people-finder-{person.names[0].surname.lower().replace(' ', '')}-{i}.example"


def make_result(data: dict[str, Any], index: int) -> ScanResult:
    """A fictional scan whose findings quote the person's own values everywhere they can."""
    p = Profile.model_validate(data)
    name = p.names[0].full
    home = p.addresses[0]
    address = f"{home.street} {home.house_number}{home.addition}, {home.postcode} {home.city}"
    phone, email = p.phones[0].number, p.emails[0].address
    host = _host(index, p)
    url = f"https://{host}/person/{name.replace(' ', '-')}?phone={phone}"
    matches = [
        FieldMatch(field=FieldKind.NAME, label="", observed=name, confidence=0.97,
                   reason=f"'{name}' matched given and surname"),
        FieldMatch(field=FieldKind.ADDRESS, label="home", observed=address, confidence=0.9,
                   reason=f"street {home.street} and postcode {home.postcode}", private=True),
        FieldMatch(field=FieldKind.PHONE, label="mobile", observed=phone, confidence=1.0,
                   reason=f"number {phone}", private=True),
        FieldMatch(field=FieldKind.EMAIL, label="private", observed=email, confidence=1.0,
                   reason=f"address {email}", private=True),
    ]
    obs = Observation(
        provider="searxng", url=url, title=f"{name} - {home.city} | {host}",
        source_kind=SourceKind.PEOPLE_SEARCH, names=[name], addresses=[address],
        phones=[phone], emails=[email], text=f"{name} lives at {address}, call {phone}",
        snippet=f"{name}, {address}", seen_at=T0, site=host,
        extra={"profile": f"https://{host}/p/{index}"}, body_sha256="ab" * 32,
    )
    critical = Finding(
        id=finding_id(url, "searxng", matches), observation=obs, matches=matches,
        severity=Severity.CRITICAL, score=95,
        # The last two rule "ids" are hostile: free text must never be copied into a summary.
        rules=["name-with-home-address", "name-with-private-phone", "source-people-search",
               "work-to-home-link", f"custom-{email}", name],
        explanation=f"{name} at {address}", work_to_home=True,
        steps=[
            RemovalStep(action=f"Ask {host} to remove {name}", url=f"https://{host}/optout",
                        method="web_form", needs_id=True, source=f"https://{host}/privacy"),
            RemovalStep(action="email them", url=f"mailto:privacy@{host}",
                        method=f"mail privacy@{host}"),
        ],
    )
    work_obs = Observation(provider="big-registry", url=f"https://registry.example/{index}",
                           title=f"Register entry {name}", source_kind=SourceKind.REGISTRY,
                           names=[name], seen_at=T0)
    name_only = [matches[0]]
    info = Finding(id=finding_id(work_obs.url, "big-registry", name_only), observation=work_obs,
                   matches=name_only, severity=Severity.INFO, score=3,
                   rules=["listing-under-name"],
                   steps=[RemovalStep(action="nothing to do", method="none")])
    findings = [critical, info] if index % 2 == 0 else [info]
    runs = [
        ProviderRun(provider="searxng", status=RunStatus.CHECKED, observations=3),
        ProviderRun(provider="big-registry", status=RunStatus.CHECKED),
        ProviderRun(provider="wayback", status=RunStatus.UNCHECKED if index < 3 else
                    RunStatus.CHECKED, reason=f"timeout talking to {host}"),
        # A hostile provider name that is really a host: counted as "other".
        ProviderRun(provider=host, status=RunStatus.UNCHECKED if index == 1 else
                    RunStatus.SKIPPED, reason=f"{host} refused {email}",
                    unchecked_parts=[host]),
    ]
    return ScanResult(
        tool_version="0.1.0", started_at=T0, finished_at=T0, partial=index == 4,
        # Someone handing in an unredacted profile must not leak it either.
        profile={**p.redacted(), "full": p.model_dump(mode="json")},
        runs=runs, findings=findings,
        ledger=[LedgerEntry(provider="searxng", host=host, fields=["name"], at=T0)],
        score=95 if findings else 0, level="critical", confidence=f"reduced ({host})",
    )


@pytest.fixture
def results() -> list[ScanResult]:
    return [make_result(data, i) for i, data in enumerate(PEOPLE)]


def private_strings(results: list[ScanResult]) -> set[str]:
    """Every profile value, URL and host the inputs hold."""
    out: set[str] = set()
    for data in PEOPLE:
        p = Profile.model_validate(data)
        for n in p.names:
            out |= {n.given, n.surname, n.full, *n.given.split(), *n.surname.split("-")}
        for a in p.addresses:
            out |= {a.street, a.postcode, a.postcode.replace(" ", ""), a.city,
                    f"{a.street} {a.house_number}"}
        for ph in p.phones:
            out |= {ph.number, re.sub(r"\D", "", ph.number)}
        for e in p.emails:
            local, domain = e.address.split("@")
            out |= {e.address, local, domain}
        out |= set(p.usernames) | set(p.websites)
    for r in results:
        for f in r.findings:
            o = f.observation
            out |= {f.id, o.url, o.title, o.snippet, o.text, o.site, o.body_sha256}
            out |= {s.url for s in f.steps} | {s.action for s in f.steps}
            out |= {m.observed for m in f.matches} | {m.reason for m in f.matches}
        out |= {entry.host for entry in r.ledger}
        out |= {run.reason for run in r.runs}
    # Too short to be meaningful ("van", "der", "IL") and the few words that are also ours.
    return {s for s in out if len(s) >= 4 and s.lower() not in {"anna", "maria"}}


def test_counts(results: list[ScanResult]) -> None:
    s = summarise_reports(results, k=1)  # the raw counts; k-anonymity is tested on its own
    assert s.people == 5
    assert not s.small_group
    assert s.findings == 3 * 2 + 2 * 1
    assert s.findings_by_severity == {"critical": 3, "info": 5}
    assert s.people_by_worst_severity == {"critical": 3, "info": 2}
    assert s.findings_by_source_kind == {"registry": 5, "people_search": 3}
    assert s.people_by_country == {"NL": 3, "US": 1, "UK": 1}
    assert s.open_rules == {
        "listing-under-name": 5,
        "name-with-home-address": 3,
        "name-with-private-phone": 3,
        "other": 3,
        "source-people-search": 3,
        "work-to-home-link": 3,
    }
    assert s.open_removal_methods == {"none": 5, "other": 3, "web_form": 3}
    assert s.coverage.scans_with_unchecked_sources == 3
    assert s.coverage.partial_scans == 1
    assert s.coverage.unchecked_by_provider == {"wayback": 3, "other": 1}


def test_no_private_value_url_or_host_in_any_format(results: list[ScanResult]) -> None:
    secrets = private_strings(results)
    assert len(secrets) > 60  # the check below is not vacuous
    summary = summarise_reports(results)
    for fmt in ("md", "json"):
        out = render_summary(summary, fmt)  # type: ignore[arg-type]
        low = out.lower()
        leaked = sorted(s for s in secrets if s.lower() in low)
        assert not leaked, f"{fmt} summary leaks {leaked}"
        assert "http" not in low and "://" not in out and "@" not in out
        assert not re.search(r"[a-z0-9-]+\.(example|org|net|com|nl)\b", low), fmt
    # The model itself carries nothing else either.
    dumped = summary.model_dump_json()
    assert not [s for s in secrets if s.lower() in dumped.lower()]


def test_json_round_trips_and_is_strict(results: list[ScanResult]) -> None:
    out = json.loads(render_summary(summarise_reports(results), "json"))
    assert out["people"] == 5 and out["note"] == ""
    out.pop("note")
    assert EmployerSummary.model_validate(out) == summarise_reports(results)
    with pytest.raises(ValueError):
        EmployerSummary.model_validate({**out, "names": ["x"]})


def test_markdown_lists_every_section(results: list[ScanResult]) -> None:
    md = render_summary(summarise_reports(results, k=1), "md")
    assert md.startswith("# Exposure summary")
    for heading in ("by severity", "kind of source", "country", "Open risks",
                    "removal steps", "could not be checked"):
        assert heading in md
    assert "| Critical | 3 |" in md and "| Netherlands | 3 |" in md
    assert "Small group" not in md


@pytest.mark.parametrize("n", [0, 1, K_ANONYMITY - 1])
def test_small_group_is_flagged(results: list[ScanResult], n: int) -> None:
    s = summarise_reports(results[:n])
    assert s.small_group and s.people == n
    assert "Small group" in render_summary(s, "md")
    note = json.loads(render_summary(s, "json"))["note"]
    assert f"Fewer than {K_ANONYMITY} people" in note


def test_unknown_format(results: list[ScanResult]) -> None:
    with pytest.raises(InputError, match="use md, json or html"):
        render_summary(summarise_reports(results), "pdf")  # type: ignore[arg-type]


def test_unknown_country_is_not_copied(results: list[ScanResult]) -> None:
    odd = results[0].model_copy(update={"profile": {"country": "Voorbeeldstad"}})
    assert summarise_reports([odd], k=1).people_by_country == {"unknown": 1}


# --- loading ----------------------------------------------------------------------------


def test_load_results_round_trip(tmp_path: Path, results: list[ScanResult]) -> None:
    paths = []
    for i, r in enumerate(results):
        path = tmp_path / f"report-{i}.json"
        path.write_text(r.model_dump_json(indent=2), "utf-8")
        paths.append(path)
    assert load_results(paths) == results


def _error(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        load_results([path])
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path))
    return info.value


def test_load_missing_file(tmp_path: Path) -> None:
    err = _error(tmp_path / "nope.json")
    assert "file not found" in err.problem and "--format json" in err.problem


def test_load_folder_and_bad_json(tmp_path: Path) -> None:
    assert "folder" in _error(tmp_path).problem
    bad = tmp_path / "bad.json"
    bad.write_text('{"tool_version": ', "utf-8")
    assert "not valid JSON (line 1" in _error(bad).problem
    bad.write_bytes(b"\xff\xfe{}")
    assert "UTF-8" in _error(bad).problem
    bad.write_text("[1, 2]", "utf-8")
    assert "JSON object" in _error(bad).problem


def test_load_invalid_report_names_key_without_value(
    tmp_path: Path, results: list[ScanResult]
) -> None:
    data = json.loads(results[0].model_dump_json())
    data["findings"][0]["severity"] = "annamaria.berg@example.org"
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), "utf-8")
    err = _error(path)
    assert err.key == "findings[0].severity"
    assert "annamaria" not in str(err)

    del data["tool_version"]
    path.write_text(json.dumps(data), "utf-8")
    assert _error(path).key == "tool_version"


def test_load_rejects_other_schema_version(tmp_path: Path, results: list[ScanResult]) -> None:
    data = json.loads(results[0].model_dump_json())
    data["schema_version"] = "2.0"
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), "utf-8")
    err = _error(path)
    assert err.key == "schema_version" and "re-run the scan" in err.problem


def test_first_bad_file_stops_everything(tmp_path: Path, results: list[ScanResult]) -> None:
    good = tmp_path / "good.json"
    good.write_text(results[0].model_dump_json(), "utf-8")
    with pytest.raises(InputError) as info:
        load_results([good, tmp_path / "missing.json"])
    assert info.value.file.endswith("missing.json")


# --- each report once; only known provider names --------------------------------------------


def test_the_same_report_five_times_is_one_person(results: list[ScanResult]) -> None:
    s = summarise_reports([results[0]] * 5, k=1)
    assert s.people == 1 and s.repeated_reports == 4
    assert s.findings == len(results[0].findings)
    assert sum(s.people_by_worst_severity.values()) == 1
    assert "Reports left out (repeats, or older reports of the same person): 4" in \
        render_summary(s, "md")
    assert summarise_reports([results[0]] * 5).small_group


def test_a_copied_report_file_is_counted_once(tmp_path: Path, results: list[ScanResult]) -> None:
    paths = []
    for i in range(3):  # the same report, saved under three names and formatted differently
        path = tmp_path / f"copy-{i}.json"
        path.write_text(results[1].model_dump_json(indent=i or None), "utf-8")
        paths.append(path)
    other = tmp_path / "other.json"
    other.write_text(results[2].model_dump_json(), "utf-8")
    s = summarise_reports(load_results([*paths, other]))
    assert s.people == 2 and s.repeated_reports == 2


def test_a_slug_shaped_name_from_a_crafted_report_is_not_copied(
    results: list[ScanResult],
) -> None:
    crafted = results[0].model_copy(update={"runs": [
        ProviderRun(provider=name, status=RunStatus.UNCHECKED)
        for name in ("annamaria-berg", "fictiefstraat-7b", "searxng", "hibp")
    ]})
    s = summarise_reports([crafted], k=1)
    assert s.coverage.unchecked_by_provider == {"other": 1, "hibp": 1, "searxng": 1}
    out = render_summary(s, "md") + render_summary(s, "json")
    assert "annamaria" not in out and "fictiefstraat" not in out


def test_known_providers_can_be_given(results: list[ScanResult]) -> None:
    run = ProviderRun(provider="acme_people", status=RunStatus.UNCHECKED)
    crafted = results[0].model_copy(update={"runs": [run]})
    assert summarise_reports([crafted], k=1).coverage.unchecked_by_provider == {"other": 1}
    assert summarise_reports([crafted], providers={"acme_people"}, k=1).coverage. \
        unchecked_by_provider == {"acme_people": 1}
