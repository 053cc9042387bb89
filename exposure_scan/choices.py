"""What the command line offers and answers, importable without pydantic so that
`exposure-scan --help` starts fast: report formats, severities, exit codes."""

from __future__ import annotations

from enum import IntEnum, StrEnum

FORMATS = ("html", "json", "md", "pdf")


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class ExitCode(IntEnum):
    OK = 0  # report written, every source configured for this profile checked
    ERROR = 1  # internal error, or a report could not be written
    BAD_INPUT = 2  # profile, config or options; nothing written
    INCOMPLETE = 3  # report written, a source configured to run did not finish, or partly
    NOTHING_CHECKED = 4  # report written, no source could be checked
    INTERRUPTED = 5  # Ctrl-C or SIGTERM (cron `timeout`, systemd stop): partial report written
    FINDING = 6  # report written, a finding at or above --fail-on
    BUSY = 7  # another scan of the same profile is running; nothing written
    NOTIFY_FAILED = 8  # report and history written, a notification could not be sent


EXIT_CODES_HELP = (
    "Exit codes: 0 report written, every source configured for this profile checked (a source "
    "that needs a key you have not set is listed as not configured, not counted); 1 internal "
    "or write error; 2 bad input (profile, config or options), nothing written; 3 report "
    "written, a configured source did not finish or was only partly checked; 4 report "
    "written, no source could be checked; 5 interrupted (Ctrl-C or SIGTERM), partial report "
    "written; 6 report written and a finding at or above --fail-on (with a history: new or "
    "back again since the last scan; --fail-on-all: any); 7 another scan of the same profile "
    "is running, nothing written; 8 report written but a notification failed."
)
