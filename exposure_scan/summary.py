"""Employer summary: many people's scan results aggregated into counts.

An employer (a practice, a hospital, a prison health service) may learn how exposed its staff
are as a group, never who is exposed or where. The summary is therefore built from counts
only. The only strings it takes from a report are values it can check against a closed list:
enum values (severity, source kind, country), rule ids from our own rule file, removal
methods from our own catalog, and the names of the providers this installation has. Anything
else is counted as "other". Each report is counted once, however often it is passed.

Small groups re-identify people ("the one justice doctor in Groningen"): below
`K_ANONYMITY` people the output says so plainly. The summary's Markdown, HTML and JSON, in the
reader's language, are rendered by exposure_scan.reports.summary_view.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections import Counter
from collections.abc import Collection, Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from exposure_scan.catalog import OptOutMethod
from exposure_scan.errors import InputError
from exposure_scan.inputfile import describe, key_path, read_regular, shorten, too_deep
from exposure_scan.models import SCHEMA_VERSION, RunStatus, ScanResult, Severity, SourceKind
from exposure_scan.profile import Country
from exposure_scan.scoring import rule_texts

K_ANONYMITY = 5
OTHER = "other"
UNKNOWN = "unknown"
# Provider names are copied only if the registry knows them (and they look like the slugs they
# are): a crafted report's slug-shaped name (`anna-de-vries`) is counted as "other".
PROVIDER_SLUG = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


class Summary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Coverage(Summary):
    """How complete the underlying scans were."""

    scans_with_unchecked_sources: int | None = 0  # None: left out, below k
    partial_scans: int | None = 0  # interrupted: some sources were not asked at all
    unchecked_by_provider: dict[str, int] = Field(default_factory=dict)  # scans, per provider


class EmployerSummary(Summary):
    """Counts over a group of people. Contains nothing that identifies one of them."""

    schema_version: str = SCHEMA_VERSION
    people: int  # one report per person
    repeated_reports: int = 0  # the same report passed again: left out, counted once
    k_anonymity: int = K_ANONYMITY
    small_group: bool  # fewer than k people: the counts may point at individuals
    findings: int | None = 0  # None: left out, the group is smaller than k
    suppressed_cells: int = 0  # cells left out because they counted fewer than k
    findings_by_severity: dict[str, int] = Field(default_factory=dict)
    people_by_worst_severity: dict[str, int] = Field(default_factory=dict)  # incl. "none"
    findings_by_source_kind: dict[str, int] = Field(default_factory=dict)
    people_by_country: dict[str, int] = Field(default_factory=dict)
    open_rules: dict[str, int] = Field(default_factory=dict)  # rule id -> people affected
    open_removal_methods: dict[str, int] = Field(default_factory=dict)  # method -> findings
    # household members' findings (issue 16): severities only, a closed list, never who
    household_by_severity: dict[str, int] = Field(default_factory=dict)
    coverage: Coverage = Field(default_factory=Coverage)


def _known_rules() -> frozenset[str]:
    """Every rule id our own rule file defines (risk rules, source and role rules, the link)."""
    return frozenset(rule_texts())


def _closed(value: object, allowed: Iterable[str], fallback: str = OTHER) -> str:
    """`value` if it is in the closed list, else the fallback: nothing free-form gets through."""
    text = getattr(value, "value", value)
    return text if isinstance(text, str) and text in set(allowed) else fallback


def _provider(name: str, known: Collection[str]) -> str:
    return name if name in known and PROVIDER_SLUG.match(name) else OTHER


def known_providers() -> frozenset[str]:
    """Every provider name this installation knows: built-ins and installed plugins."""
    from exposure_scan.registry import Registry

    registry = Registry.discover()
    return frozenset(registry.names()) | frozenset(registry.also_known)


def fingerprint(result: ScanResult) -> str:
    """The same report, however often it is passed or copied, gives the same fingerprint."""
    return hashlib.sha256(result.model_dump_json().encode("utf-8")).hexdigest()


PROFILE_FINGERPRINT = re.compile(r"^[0-9a-f]{64}$")


def person_key(result: ScanResult, salt: bytes) -> str:
    """One key per person: a salted hash of the profile fingerprint the report carries (two
    scans of one person count once), else of the report itself. The salt lives only in memory
    for this summary, so the keys cannot be compared with anything outside it."""
    found = result.profile.get("fingerprint")
    basis = found if isinstance(found, str) and PROFILE_FINGERPRINT.match(found) else \
        "report:" + fingerprint(result)
    return hashlib.sha256(salt + basis.encode("ascii")).hexdigest()


def unique(results: Iterable[ScanResult]) -> tuple[list[ScanResult], int]:
    """Each person once (their latest report), in the order first seen, and how many reports
    were left out: repeats of a report, or older reports of the same person."""
    salt = secrets.token_bytes(16)
    kept: dict[str, ScanResult] = {}
    repeats = 0
    for result in results:
        key = person_key(result, salt)
        if key in kept:
            repeats += 1
            if result.finished_at > kept[key].finished_at:
                kept[key] = result
        else:
            kept[key] = result
    return list(kept.values()), repeats


def suppress(counts: dict[str, int], k: int, *, partition: bool = False) -> tuple[dict[str, int],
                                                                                 int]:
    """Cells below `k` left out (k-anonymity), and how many were. In a table whose cells add up
    to a total shown elsewhere (`partition`), one left-out cell could be worked out by
    subtraction: then the smallest shown cell goes too."""
    kept = {key: n for key, n in counts.items() if n >= k}
    gone = len(counts) - len(kept)
    if partition and gone == 1 and kept:
        smallest = min(kept, key=lambda key: (kept[key], key))
        del kept[smallest]
        gone += 1
    return kept, gone


def _ordered(counter: Counter[str], order: Iterable[str] = ()) -> dict[str, int]:
    """Known keys in their natural order first, then the rest alphabetically; no zeros."""
    first = [k for k in order if counter.get(k)]
    rest = sorted(k for k in counter if k not in first and counter[k])
    return {k: counter[k] for k in [*first, *rest]}


def summarise_reports(
    results: list[ScanResult], *, providers: Collection[str] | None = None,
    k: int = K_ANONYMITY,
) -> EmployerSummary:
    """Aggregate one scan result per person into counts; a report passed twice counts once.
    `providers`: the provider names that may appear (default: the registry's); any other
    name is counted as "other". Pure when `providers` is given."""
    known = known_providers() if providers is None else frozenset(providers)
    results, repeats = unique(results)
    severities = [s.value for s in Severity]
    kinds = [k.value for k in SourceKind]
    countries = [c.value for c in Country]
    methods = [m.value for m in OptOutMethod]
    known_rules = _known_rules()

    by_severity: Counter[str] = Counter()
    worst: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    by_country: Counter[str] = Counter()
    open_rules: Counter[str] = Counter()
    open_methods: Counter[str] = Counter()
    unchecked_by_provider: Counter[str] = Counter()
    household: Counter[str] = Counter()
    with_unchecked = partial = findings = 0

    for result in results:
        by_country[_closed(result.profile.get("country"), countries, UNKNOWN)] += 1
        findings += len(result.findings)
        person_rules: set[str] = set()
        for finding in result.findings:
            by_severity[finding.severity.value] += 1
            by_kind[_closed(finding.observation.source_kind, kinds)] += 1
            person_rules.update(_closed(r, known_rules) for r in finding.rules)
            for method in {_closed(s.method, methods) for s in finding.steps if s.method}:
                open_methods[method] += 1
        open_rules.update(person_rules)
        household.update(_closed(h.severity.value, severities) for h in result.household)
        if result.findings:
            worst[min((f.severity for f in result.findings), key=lambda s: s.rank).value] += 1
        else:
            worst["none"] += 1
        unchecked = {
            _provider(r.provider, known) for r in result.runs if r.status is RunStatus.UNCHECKED
        }
        unchecked_by_provider.update(unchecked)
        with_unchecked += bool(unchecked)
        partial += result.partial

    raw = EmployerSummary(
        people=len(results),
        repeated_reports=repeats,
        k_anonymity=k,
        small_group=len(results) < k,
        findings=findings,
        findings_by_severity=_ordered(by_severity, severities),
        people_by_worst_severity=_ordered(worst, [*severities, "none"]),
        findings_by_source_kind=_ordered(by_kind, kinds),
        people_by_country=_ordered(by_country, countries),
        open_rules=dict(sorted(open_rules.items(), key=lambda kv: (-kv[1], kv[0]))),
        open_removal_methods=dict(sorted(open_methods.items(), key=lambda kv: (-kv[1], kv[0]))),
        household_by_severity=_ordered(household, severities),
        coverage=Coverage(
            scans_with_unchecked_sources=with_unchecked,
            partial_scans=partial,
            unchecked_by_provider=dict(
                sorted(unchecked_by_provider.items(), key=lambda kv: (-kv[1], kv[0]))
            ),
        ),
    )
    return anonymised(raw, k)


def anonymised(s: EmployerSummary, k: int) -> EmployerSummary:
    """No number that could point at fewer than `k` people: a group smaller than `k` gets no
    per-cell numbers at all; otherwise every cell below `k` is left out."""
    if s.people < k:
        return EmployerSummary(people=s.people, repeated_reports=s.repeated_reports,
                               k_anonymity=k, small_group=True, findings=None,
                               coverage=Coverage(scans_with_unchecked_sources=None,
                                                 partial_scans=None))
    gone = 0
    tables: dict[str, dict[str, int]] = {}
    for name, partition in PARTITIONS.items():
        tables[name], n = suppress(getattr(s, name), k, partition=partition)
        gone += n
    unchecked, n = suppress(s.coverage.unchecked_by_provider, k)
    gone += n

    def single(value: int | None) -> int | None:
        return value if value is None or value == 0 or value >= k else None

    return s.model_copy(update={
        **tables,
        "suppressed_cells": gone,
        "coverage": Coverage(
            scans_with_unchecked_sources=single(s.coverage.scans_with_unchecked_sources),
            partial_scans=single(s.coverage.partial_scans),
            unchecked_by_provider=unchecked,
        ),
    })


# table -> whether its cells add up to a total the summary shows (people or findings)
PARTITIONS = {
    "findings_by_severity": True,
    "people_by_worst_severity": True,
    "findings_by_source_kind": True,
    "people_by_country": True,
    "open_rules": False,
    "open_removal_methods": False,
    "household_by_severity": False,
}


def reports_language(results: Iterable[ScanResult]) -> str:
    """The language the reports were written in (their profiles' language), when they agree
    or most do: the summary's language when --lang does not say. English on a tie."""
    counts = Counter((r.language or "").strip().lower()[:2] for r in results)
    nl, en = counts.get("nl", 0), counts.get("en", 0)
    return "nl" if nl > en else "en"


# --- loading -----------------------------------------------------------------------------

JSON_HINT = "pass the JSON report written by `exposure-scan scan --format json`"
MAX_REPORT_BYTES = 64 << 20  # a report holds the text of the pages found: far less than this
MAX_REPORT_DEPTH = 32


def load_result(path: Path) -> ScanResult:
    """Read one JSON scan report; raise InputError naming the file, the key and the fix."""
    name = str(path)
    raw = read_regular(path, InputError, limit=MAX_REPORT_BYTES, expected="a JSON report",
                       missing=JSON_HINT)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(name, "", f"is not UTF-8 text (byte {exc.start}); {JSON_HINT}") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            name, "", f"is not valid JSON (line {exc.lineno}, column {exc.colno}); {JSON_HINT}"
        ) from None
    except RecursionError:
        raise InputError(name, "", f"nests too deeply to be a scan report; {JSON_HINT}") from None
    deep = too_deep(data, MAX_REPORT_DEPTH)
    if deep is not None:
        raise InputError(name, shorten(deep), f"nests too deeply to be a scan report; {JSON_HINT}")
    if not isinstance(data, dict):
        raise InputError(name, "", f"is not a scan report (expected a JSON object); {JSON_HINT}")
    version = data.get("schema_version")
    if isinstance(version, str) and version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise InputError(
            name, "schema_version",
            f"report format {version} is not supported (expected {SCHEMA_VERSION}); "
            "re-run the scan with this version of exposure-scan",
        )
    try:
        return ScanResult.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        raise InputError(
            name, key_path(tuple(first["loc"])),
            f"{describe(dict(first))}; {JSON_HINT}",
        ) from None


def load_results(paths: Iterable[Path]) -> list[ScanResult]:
    """Read every report; the first bad file raises InputError and nothing is summarised."""
    return [load_result(Path(p)) for p in paths]
