"""How a run ends: documented exit codes (cron acts on them) and the one-line summary."""

from __future__ import annotations

from exposure_scan.choices import EXIT_CODES_HELP as EXIT_CODES_HELP
from exposure_scan.choices import ExitCode as ExitCode
from exposure_scan.models import ChangeKind, Finding, ScanResult, Severity, WebSearch

FRESH = (ChangeKind.NEW, ChangeKind.BACK)


def over_threshold(
    result: ScanResult, fail_on: Severity | None, fail_on_all: Severity | None = None
) -> list[Finding]:
    """The findings that trip the cron alarm. With a history, --fail-on counts only findings
    new or back again since the last scan; --fail-on-all counts every finding."""
    hits: dict[str, Finding] = {}
    if fail_on_all is not None:
        hits.update((f.id, f) for f in result.findings if f.severity.rank <= fail_on_all.rank)
    if fail_on is not None:
        fresh = None
        if result.changes is not None:
            fresh = {c.id for c in result.changes.findings if c.change in FRESH}
        hits.update(
            (f.id, f)
            for f in result.findings
            if f.severity.rank <= fail_on.rank and (fresh is None or f.id in fresh)
        )
    return list(hits.values())


def exit_code_for(
    result: ScanResult, fail_on: Severity | None = None, fail_on_all: Severity | None = None
) -> ExitCode:
    cov = result.coverage
    if result.partial:
        return ExitCode.INTERRUPTED
    if cov.asked == 0 or cov.unchecked == cov.asked:
        return ExitCode.NOTHING_CHECKED
    if over_threshold(result, fail_on, fail_on_all):
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
    if (result.language or "").strip().lower()[:2] == "nl":
        return _summary_line_nl(result)
    counts = {s: sum(1 for f in result.findings if f.severity is s) for s in Severity}
    shown = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n) or "no findings"
    line = f"Risk {result.score}/100 ({result.level}); {shown}; coverage: {result.confidence}"
    if result.partial:
        line = f"PARTIAL (stopped before the end): {line}"
    web = WEB_NOT_SEARCHED.get(result.coverage.web)
    return f"{line}; {web}." if web else f"{line}."


_LEVEL_MSGIDS = {"none": "nothing found in the sources checked"}


def _summary_line_nl(result: ScanResult) -> str:
    """The summary line in Dutch, from the report's own msgids (same words as the report)."""
    from exposure_scan.reports.i18n import SEVERITY_LABELS, gettext  # Babel: only when needed

    def _(message: str, **values: object) -> str:
        text: str = gettext("nl", message)
        return text % values if values else text

    counts = {s: sum(1 for f in result.findings if f.severity is s) for s in Severity}
    shown = ", ".join(
        f"{n} {_(SEVERITY_LABELS[s.value]).lower()}" for s, n in counts.items() if n
    ) or _("no findings")
    level = result.level or "unknown"
    cov = result.coverage
    if cov.asked == 0 or cov.unchecked == cov.asked:
        confidence = _("none: no source could be checked")
    elif cov.unchecked:
        confidence = _("reduced: %(unchecked)s of %(asked)s sources not checked",
                       unchecked=cov.unchecked, asked=cov.asked)
        if cov.partly:
            confidence += "; " + _("%(partly)s of %(asked)s sources only partly checked",
                                   partly=cov.partly, asked=cov.asked)
    elif cov.partly:
        confidence = _("reduced: %(partly)s of %(asked)s sources only partly checked",
                       partly=cov.partly, asked=cov.asked)
    else:
        confidence = _("complete: every source asked was checked")
    line = (f"{_('Risk score')} {result.score}/100 ({_(_LEVEL_MSGIDS.get(level, level))}); "
            f"{shown}; {_('Confidence').lower()}: {confidence}")
    if result.partial:
        line = f"{_('PARTIAL (stopped before the end)')}: {line}"
    web = WEB_NOT_SEARCHED.get(result.coverage.web)
    return f"{line}; {_(web)}." if web else f"{line}."


def incomplete(result: ScanResult) -> bool:
    cov = result.coverage
    return bool(cov.unchecked or cov.partly)


def outcome_notes(
    result: ScanResult, fail_on: Severity | None, fail_on_all: Severity | None = None
) -> list[str]:
    """What stderr says when more than one exit code would apply (the code shows one)."""
    from exposure_scan.messages import say, say_n  # in the report's language

    lang = result.language or "en"
    hits = over_threshold(result, fail_on, fail_on_all)
    notes = []
    if hits and not result.partial:
        if fail_on and result.changes is not None:
            notes.append(say_n(lang, "%(n)s new or back again finding at or above the --fail-on "
                               "level (exit 6)", "%(n)s new or back again findings at or above "
                               "the --fail-on level (exit 6)", len(hits)))
        else:
            notes.append(say_n(lang, "%(n)s finding at or above the --fail-on level (exit 6)",
                               "%(n)s findings at or above the --fail-on level (exit 6)",
                               len(hits)))
        if incomplete(result):
            notes.append(say(lang, "and the scan is incomplete: some sources were not checked "
                             "(exit 3)"))
    return notes
