"""How a run ends: documented exit codes (cron acts on them) and the one-line summary."""

from __future__ import annotations

from enum import IntEnum

from exposure_scan.models import ScanResult, Severity, WebSearch


class ExitCode(IntEnum):
    OK = 0  # report written, every source configured for this profile checked
    ERROR = 1  # internal error, or a report could not be written
    BAD_INPUT = 2  # profile, config or options; nothing written
    INCOMPLETE = 3  # report written, a source configured to run did not finish, or partly
    NOTHING_CHECKED = 4  # report written, no source could be checked
    INTERRUPTED = 5  # Ctrl-C or SIGTERM (cron `timeout`, systemd stop): partial report written
    FINDING = 6  # report written, a finding at or above --fail-on


EXIT_CODES_HELP = (
    "Exit codes: 0 report written, every source configured for this profile checked (a source "
    "that needs a key you have not set is listed as not configured, not counted); 1 internal "
    "or write error; 2 bad input (profile, config or options), nothing written; 3 report "
    "written, a configured source did not finish or was only partly checked; 4 report "
    "written, no source could be checked; 5 interrupted (Ctrl-C or SIGTERM), partial report "
    "written; 6 report written and a finding at or above --fail-on."
)


def exit_code_for(result: ScanResult, fail_on: Severity | None = None) -> ExitCode:
    cov = result.coverage
    if result.partial:
        return ExitCode.INTERRUPTED
    if cov.asked == 0 or cov.unchecked == cov.asked:
        return ExitCode.NOTHING_CHECKED
    if fail_on and any(f.severity.rank <= fail_on.rank for f in result.findings):
        return ExitCode.FINDING
    if cov.unchecked or cov.partly:
        return ExitCode.INCOMPLETE
    return ExitCode.OK


WEB_NOT_SEARCHED = {
    WebSearch.NOT_SET_UP: "the web was not searched: no web search is set up or switched on "
    "(see `exposure-scan providers`)",
    WebSearch.FAILED: "the web was not searched: the web search did not finish "
    "(see Coverage in the report)",
}


def summary_line(result: ScanResult) -> str:
    counts = {s: sum(1 for f in result.findings if f.severity is s) for s in Severity}
    shown = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n) or "no findings"
    line = f"Risk {result.score}/100 ({result.level}); {shown}; coverage: {result.confidence}"
    if result.partial:
        line = f"PARTIAL (stopped before the end): {line}"
    web = WEB_NOT_SEARCHED.get(result.coverage.web)
    return f"{line}; {web}." if web else f"{line}."
