"""Employer summary: many people's scan results aggregated into counts.

An employer (a practice, a hospital, a prison health service) may learn how exposed its staff
are as a group, never who is exposed or where. The summary is therefore built from counts
only. The only strings it takes from a report are values it can check against a closed list:
enum values (severity, source kind, country), rule ids from our own rule file, removal
methods from our own catalog, and the names of the providers this installation has. Anything
else is counted as "other". Each report is counted once, however often it is passed.

Small groups re-identify people ("the one justice doctor in Groningen"): below
`K_ANONYMITY` people the output says so plainly.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Literal

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

    scans_with_unchecked_sources: int = 0
    partial_scans: int = 0  # interrupted: some sources were not asked at all
    unchecked_by_provider: dict[str, int] = Field(default_factory=dict)  # scans, per provider


class EmployerSummary(Summary):
    """Counts over a group of people. Contains nothing that identifies one of them."""

    schema_version: str = SCHEMA_VERSION
    people: int  # one report per person
    repeated_reports: int = 0  # the same report passed again: left out, counted once
    k_anonymity: int = K_ANONYMITY
    small_group: bool  # fewer than k people: the counts may point at individuals
    findings: int = 0
    findings_by_severity: dict[str, int] = Field(default_factory=dict)
    people_by_worst_severity: dict[str, int] = Field(default_factory=dict)  # incl. "none"
    findings_by_source_kind: dict[str, int] = Field(default_factory=dict)
    people_by_country: dict[str, int] = Field(default_factory=dict)
    open_rules: dict[str, int] = Field(default_factory=dict)  # rule id -> people affected
    open_removal_methods: dict[str, int] = Field(default_factory=dict)  # method -> findings
    coverage: Coverage = Field(default_factory=Coverage)

    @property
    def note(self) -> str:
        if not self.small_group:
            return ""
        return (
            f"Fewer than {self.k_anonymity} people are summarised here ({self.people}). "
            "Counts this small can point at individual colleagues: do not share this summary "
            "beyond the people themselves, or wait until more people have taken part."
        )


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


def unique(results: Iterable[ScanResult]) -> tuple[list[ScanResult], int]:
    """Each report once, in the order given, and how many repeats were left out."""
    seen: set[str] = set()
    kept: list[ScanResult] = []
    repeats = 0
    for result in results:
        key = fingerprint(result)
        if key in seen:
            repeats += 1
        else:
            seen.add(key)
            kept.append(result)
    return kept, repeats


def _ordered(counter: Counter[str], order: Iterable[str] = ()) -> dict[str, int]:
    """Known keys in their natural order first, then the rest alphabetically; no zeros."""
    first = [k for k in order if counter.get(k)]
    rest = sorted(k for k in counter if k not in first and counter[k])
    return {k: counter[k] for k in [*first, *rest]}


def summarise_reports(
    results: list[ScanResult], *, providers: Collection[str] | None = None
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

    return EmployerSummary(
        people=len(results),
        repeated_reports=repeats,
        small_group=len(results) < K_ANONYMITY,
        findings=findings,
        findings_by_severity=_ordered(by_severity, severities),
        people_by_worst_severity=_ordered(worst, [*severities, "none"]),
        findings_by_source_kind=_ordered(by_kind, kinds),
        people_by_country=_ordered(by_country, countries),
        open_rules=dict(sorted(open_rules.items(), key=lambda kv: (-kv[1], kv[0]))),
        open_removal_methods=dict(sorted(open_methods.items(), key=lambda kv: (-kv[1], kv[0]))),
        coverage=Coverage(
            scans_with_unchecked_sources=with_unchecked,
            partial_scans=partial,
            unchecked_by_provider=dict(
                sorted(unchecked_by_provider.items(), key=lambda kv: (-kv[1], kv[0]))
            ),
        ),
    )


# --- rendering ---------------------------------------------------------------------------


def render_summary(summary: EmployerSummary, fmt: Literal["md", "json"]) -> str:
    if fmt == "json":
        data = summary.model_dump(mode="json")
        data["note"] = summary.note
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "md":
        return _markdown(summary)
    raise InputError("--format", str(fmt), "unknown summary format; use md or json")


def _table(title: str, head: str, counts: dict[str, int], empty: str) -> list[str]:
    lines = [f"## {title}", ""]
    if not counts:
        return [*lines, empty, ""]
    lines += [f"| {head} | Count |", "| --- | ---: |"]
    lines += [f"| {key} | {value} |" for key, value in counts.items()]
    return [*lines, ""]


def _markdown(s: EmployerSummary) -> str:
    lines = ["# Exposure summary for a group", ""]
    if s.small_group:
        lines += [f"> **Small group.** {s.note}", ""]
    lines += [
        f"- People (one report each): {s.people}",
        *([f"- Reports passed more than once, counted once: {s.repeated_reports}"]
          if s.repeated_reports else []),
        f"- Findings in total: {s.findings}",
        f"- Scans with unchecked sources: {s.coverage.scans_with_unchecked_sources}",
        f"- Interrupted (partial) scans: {s.coverage.partial_scans}",
        "",
        "This summary holds counts only: no names, addresses, phone numbers, email "
        "addresses, web addresses or page content of anyone.",
        "",
    ]
    lines += _table("People by most severe finding", "Severity", s.people_by_worst_severity,
                    "No people.")
    lines += _table("Findings by severity", "Severity", s.findings_by_severity, "No findings.")
    lines += _table("Findings by kind of source", "Source kind", s.findings_by_source_kind,
                    "No findings.")
    lines += _table("People by country", "Country", s.people_by_country, "No people.")
    lines += _table("Open risks (people affected per rule)", "Rule", s.open_rules,
                    "No open risks.")
    lines += _table("Open removal steps (findings per method)", "Method",
                    s.open_removal_methods, "No removal steps listed.")
    lines += _table("Sources that could not be checked (scans per source)", "Source",
                    s.coverage.unchecked_by_provider, "Every source was checked in every scan.")
    return "\n".join(lines).rstrip("\n") + "\n"


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
