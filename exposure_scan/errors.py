"""The exception tree of exposure-scan. It is caught once, at the CLI edge.

    ExposureScanError
    ├── InputError            bad user input: exit code 2, nothing written
    │   ├── ProfileError      the private profile file
    │   ├── ConfigError       the shareable config file
    │   └── OrganisationError the employer's organisation file
    ├── ProviderError         one source failed; the scan records it as unchecked
    │   ├── MissingCredentials
    │   ├── RequestRefused    a URL pointing at a non-public address, or robots.txt
    │   ├── ProviderResponseError   transport failure or unexpected status
    │   ├── ParseError        the response no longer has the documented shape
    │   └── OverBudget        reading one page took longer than its time budget
    └── ReportError           a report could not be rendered or written

Messages never carry private profile values: they name the file, the key and the fix.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping

from exposure_scan.models import PartReason, RunReason

# How the CLI edge words a message in the user's language: (English msgid, values) -> text.
Translate = Callable[[str, Mapping[str, object]], str]


class ExposureScanError(Exception):
    """Base class of every error exposure-scan raises on purpose."""

    def localised(self, translate: Translate) -> str:
        """The message in the user's language (exposure_scan.messages); English where the
        catalogue has no translation."""
        return one_line(translate(str(self), {}))


def one_line(text: str) -> str:
    """The text with line breaks and other control or invisible characters written as escapes:
    a key or file name taken from the user's file must not break the one-line message."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c)[0] in "CZ" and c != " " else c
        for c in text
    )


class InputError(ExposureScanError):
    """Bad input from the user; the message is one line: file, key, fix.

    `problem` is an English msgid; with `values` it holds %(name)s placeholders for them (a
    number, a system error text), filled in after translation. The file and key are never
    translated."""

    def __init__(self, file: str, key: str, problem: str,
                 values: Mapping[str, object] | None = None) -> None:
        self.file = one_line(file)
        self.key = one_line(key)
        self.msgid = problem
        self.values = dict(values or {})
        self.problem = one_line(problem % self.values if self.values else problem)
        super().__init__(self.where + self.problem)

    @property
    def where(self) -> str:
        return f"{self.file}: {self.key}: " if self.key else f"{self.file}: "

    def localised(self, translate: Translate) -> str:
        return self.where + one_line(translate(self.msgid, self.values))


class ProfileError(InputError):
    """The private profile is missing, malformed or invalid."""


class ConfigError(InputError):
    """The config file is missing, malformed or invalid."""


class OrganisationError(InputError):
    """The organisation file (org.toml) is missing, malformed or invalid."""


class ProviderError(ExposureScanError):
    """A provider could not check its source. The scan marks it unchecked with this reason."""

    reason = RunReason.FAILED  # the typed reason of the source's run
    part_reason = PartReason.FAILED  # the typed reason, for one page or part of a source


class MissingCredentials(ProviderError):
    reason = RunReason.MISSING_KEY


class RequestRefused(ProviderError):
    reason = RunReason.REQUEST_REFUSED
    part_reason = PartReason.REFUSED_ADDRESS


class ProviderResponseError(ProviderError):
    reason = RunReason.SOURCE_ERROR


class RateLimited(ProviderResponseError):
    reason = RunReason.RATE_LIMITED
    part_reason = PartReason.RATE_LIMITED


class ParseError(ProviderError):
    reason = RunReason.FORMAT_CHANGED
    part_reason = PartReason.UNREADABLE


class ReportError(ExposureScanError):
    """A report could not be rendered or written."""


class TimedOut(ProviderResponseError):
    part_reason = PartReason.TIMED_OUT


class ConnectionFailed(ProviderResponseError):
    part_reason = PartReason.CONNECTION_FAILED


class TooLarge(ProviderResponseError):
    part_reason = PartReason.TOO_LARGE


class BadStatus(ProviderResponseError):
    part_reason = PartReason.HTTP_STATUS


class OverBudget(ProviderError):
    reason = RunReason.SOURCE_ERROR
    part_reason = PartReason.OVER_BUDGET


class RedirectLoop(ProviderResponseError):
    part_reason = PartReason.REDIRECT_LOOP


def reason_for(exc: ProviderError) -> PartReason:
    """The typed reason a failed page or part is filed under."""
    return exc.part_reason


class NoneRead(ProviderError):
    """The page reader could read none of the pages found. Raised without a message: the
    code says it, in the report's language, and each page's part says why."""

    reason = RunReason.NONE_READ


class NoServer(ProviderResponseError):
    """No server is known to ask about any of the names (RDAP). Raised without a message,
    as NoneRead; each name's part says which ending had no server."""

    reason = RunReason.NO_SERVER


class EnginesFailed(ProviderResponseError):
    """A metasearch instance answered, but every search engine behind it failed."""

    reason = RunReason.ENGINES_FAILED


class NoEngineReached(ProviderResponseError):
    """No search engine could be connected to (offline, or a proxy down)."""

    reason = RunReason.NO_ENGINE_REACHED
    part_reason = PartReason.CONNECTION_FAILED


class EnginesRateLimited(RateLimited):
    """Every search engine tried rate-limited or failed."""

    reason = RunReason.ENGINES_RATE_LIMITED


class NoEngineAnswered(ProviderResponseError):
    """No search engine answered any search with results: blocked, a captcha, or a limit."""

    reason = RunReason.NO_ENGINE_ANSWERED


class RobotsDisallowed(RequestRefused):
    part_reason = PartReason.ROBOTS


class CrawlDelayTooLong(RequestRefused):
    part_reason = PartReason.CRAWL_DELAY
