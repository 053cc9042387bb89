"""How a run ends: documented exit codes (cron acts on them) and the one-line summary."""

from __future__ import annotations

from enum import IntEnum

from exposure_scan.models import PartReason, RunStatus, ScanResult, Severity


class ExitCode(IntEnum):
    OK = 0  # report written, every enabled source checked
    ERROR = 1  # internal error, or a report could not be written
    BAD_INPUT = 2  # profile, config or options; nothing written
    INCOMPLETE = 3  # report written, some sources unchecked or only partly checked
    NOTHING_CHECKED = 4  # report written, no source could be checked
    INTERRUPTED = 5  # Ctrl-C: a partial report was written
    FINDING = 6  # report written, a finding at or above --fail-on


EXIT_CODES_HELP = (
    "Exit codes: 0 report written, every source checked; 1 internal or write error; "
    "2 bad input (profile, config or options), nothing written; 3 report written, some "
    "sources unchecked; 4 report written, no source could be checked; 5 interrupted, partial "
    "report written; 6 report written and a finding at or above --fail-on."
)


def exit_code_for(result: ScanResult, fail_on: Severity | None = None) -> ExitCode:
    if result.partial:
        return ExitCode.INTERRUPTED
    asked = [r for r in result.runs if r.status in (RunStatus.CHECKED, RunStatus.UNCHECKED)]
    if not asked or all(r.status is RunStatus.UNCHECKED for r in asked):
        return ExitCode.NOTHING_CHECKED
    if fail_on and any(f.severity.rank <= fail_on.rank for f in result.findings):
        return ExitCode.FINDING
    # A search the config or the consent setting left out is the user's choice, not a source
    # that did not finish: it is listed in the coverage section, not counted here.
    failed_parts = any(
        p.reason is not PartReason.LEFT_OUT for r in asked for p in r.unchecked_parts
    )
    if failed_parts or any(r.status is RunStatus.UNCHECKED for r in asked):
        return ExitCode.INCOMPLETE
    return ExitCode.OK


def summary_line(result: ScanResult) -> str:
    counts = {s: sum(1 for f in result.findings if f.severity is s) for s in Severity}
    shown = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n) or "no findings"
    return f"Risk {result.score}/100 ({result.level}); {shown}; coverage: {result.confidence}."
