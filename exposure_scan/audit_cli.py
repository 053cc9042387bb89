"""Commands for audits over time: `history`, `diff`, `mark` and `schedule`.

Registered on the main app by `exposure_scan.cli`; the scan options `--db` and
`--no-history` and the exit code after a scan with a history are defined here too.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from exposure_scan.audit import Problem
    from exposure_scan.changes import ScanRecord
    from exposure_scan.history import History
    from exposure_scan.models import ChangedFinding, ScanResult, Severity

DbOpt = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="Scan history file (default: [history] path in the config, or the user data "
        "folder's history.sqlite3).",
    ),
]
NoHistoryOpt = Annotated[
    bool, typer.Option("--no-history", help="Do not compare with, or add to, the history.")
]
ProfileOpt = Annotated[
    Path | None, typer.Option("--profile", "-p", help="Your private profile (as for scan).")
]
ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="Config file.")]
LangOpt = Annotated[
    str | None, typer.Option("--lang", metavar="nl|en", help="Language of the output: nl or en.")
]

SECTIONS = (  # ChangeKind values: the models are imported only when a command runs
    ("new", "New since last scan"),
    ("gone", "Gone since last scan"),
    ("back", "Back again"),
    ("not_rechecked", "Not re-checked (source not checked this time)"),
    ("still", "Still there"),
)
# How a mark reads once set (MarkStatus values).
MARK_WORDS = {"requested": "removal requested", "not_me": "not me", "ignored": "ignored"}


def _say(msgid: str, **values: object) -> str:
    """`msgid` in the language the command speaks (exposure_scan.messages)."""
    from exposure_scan.messages import say, spoken
    return say(spoken(), msgid, values)


def _speak(lang: str | None, profile_language: str | None = None) -> None:
    """--lang, else the profile's language, else the system's."""
    from exposure_scan.messages import checked_language, speak, spoken
    speak(checked_language(lang) or profile_language or spoken())


def audit_exit_code(
    result: ScanResult,
    fail_on: Severity | None,
    fail_on_all: Severity | None,
    problems: list[Problem],
) -> int:
    """The documented exit code; stderr says every reason when more than one applies."""
    from exposure_scan.audit import ProblemKind
    from exposure_scan.outcome import ExitCode, exit_code_for, outcome_notes
    for line in [*outcome_notes(result, fail_on, fail_on_all), *(p.text for p in problems)]:
        typer.echo(line, err=True)
    if any(p.kind is ProblemKind.HISTORY for p in problems):
        return ExitCode.ERROR
    code = exit_code_for(result, fail_on, fail_on_all)
    if problems and code is ExitCode.OK:
        return ExitCode.NOTIFY_FAILED
    return code


def _open(profile_path: Path | None, config_path: Path | None, db: Path | None,
          must_exist: bool = True, lang: str | None = None) -> tuple[History, str]:
    from exposure_scan.config import load_config
    from exposure_scan.errors import InputError
    from exposure_scan.history import History, default_path
    from exposure_scan.paths import default_config, default_profile
    from exposure_scan.profile import load_profile
    _speak(lang)
    config = load_config(config_path or default_config())
    path = db or default_path(config.history.path)
    if must_exist and not path.exists():
        raise InputError(str(path), "", "no scan history yet; run a scan first")
    history = History(path)
    if profile_path is None and db is not None and not default_profile().exists():
        # A history of its own (the demo's --db): with no profile here, the one person
        # the file holds scans of is meant.
        keys = history.profiles()
        if len(keys) == 1:
            return history, keys[0]
    profile = load_profile(profile_path or default_profile())
    _speak(lang, profile.language)
    return history, history.profile_key(profile)


def _letter(severity: str) -> str:
    """A severity's first letter in the spoken language (K for "kritiek")."""
    from exposure_scan.reports.i18n import SEVERITY_LABELS
    return _say(SEVERITY_LABELS.get(severity, severity))[:1].upper()


def _counts(scan: ScanRecord) -> str:
    counts = scan.counts()
    return " ".join(f"{n}{_letter(s)}" for s, n in counts.items() if n) or "-"


def _household_counts(scan: ScanRecord) -> str:
    """Household members' findings by severity, after the person's own ("" if none)."""
    from exposure_scan.models import Severity

    found = [f.severity for f in scan.household]
    counts = " ".join(f"{found.count(s)}{_letter(s.value)}" for s in Severity if s in found)
    return "  " + _say("household %(counts)s", counts=counts) if counts else ""


def _coverage(scan: ScanRecord) -> str:
    """The stored coverage in English as written; in another language from the sources'
    stored statuses, never by reading the sentence (which only says "complete" or not)."""
    from exposure_scan.messages import known, spoken
    from exposure_scan.models import RunStatus
    if known(spoken()) != "nl":
        return scan.confidence
    asked = [s for s in scan.statuses.values() if s.asked]
    unchecked = sum(s is not RunStatus.CHECKED for s in asked)
    if scan.confidence == "complete":
        return _say("complete")
    if not asked or unchecked == len(asked):
        return _say("none")
    words = _say("reduced")
    if unchecked:
        from exposure_scan.messages import say_n
        words += ": " + say_n(spoken(), "%(n)s of %(total)s source unchecked",
                              "%(n)s of %(total)s sources unchecked", unchecked,
                              {"total": len(asked)})
    return words


def _field(key: str) -> str:
    """A matched field, "address:home" -> "address (home)", in the spoken language."""
    from exposure_scan.messages import spoken
    from exposure_scan.reports.i18n import FIELD_NAMES, profile_label
    field, _, label = key.partition(":")
    name = _say(FIELD_NAMES.get(field, field))
    return f"{name} ({profile_label(spoken(), label)})" if label else name


def _line(item: ChangedFinding) -> str:
    from exposure_scan.removal import site_host
    from exposure_scan.reports.i18n import SEVERITY_LABELS

    fields = ", ".join(_field(f) for f in item.fields)
    if item.member is not None:  # by place and relation in the profile, never by name
        relation = _say(RELATION_WORDS.get(item.relation.value if item.relation else "",
                                           "member"))
        fields = _say("household member %(n)s (%(relation)s): %(fields)s",
                      n=item.member + 1, relation=relation, fields=fields)
    where = site_host(item.url) or item.provider
    severity = _say(SEVERITY_LABELS.get(item.severity.value, item.severity.value)).lower()
    return f"  {item.id[:10]}  {severity:<8} {where:<28} {fields}  {item.url}"


RELATION_WORDS = {"partner": "partner", "child": "child", "other": "other"}


def history_command(
    profile_path: ProfileOpt = None,
    config_path: ConfigOpt = None,
    db: DbOpt = None,
    prune: Annotated[
        bool, typer.Option("--prune", help="Delete all but the newest scans.")
    ] = False,
    keep: Annotated[
        int | None, typer.Option("--keep", min=1, help="With --prune: scans to keep.")
    ] = None,
    lang: LangOpt = None,
) -> None:
    """List the scans of the profile: date, level, score, findings, coverage."""
    from exposure_scan.config import load_config
    from exposure_scan.messages import say_n, spoken
    from exposure_scan.paths import default_config
    history, key = _open(profile_path, config_path, db, lang=lang)
    with history:
        if prune:
            config = load_config(config_path or default_config())
            removed = history.prune(key, keep or config.history.keep)
            typer.echo(say_n(spoken(), "Removed %(n)s old scan.", "Removed %(n)s old scans.",
                             removed))
        scans = history.scans(key)
    if not scans:
        typer.echo(_say("No scans of this profile in the history yet."))
        return
    typer.echo(f"{_say('scan'):>5}  {_say('date (UTC)'):<16}  {_say('level'):<9} "
               f"{_say('score'):>5}  {_say('findings'):<8}  {_say('coverage')}")
    for s in scans:
        level = _say(s.level) if s.level else ""
        typer.echo(
            f"{s.number:>5}  {s.started_at:%Y-%m-%d %H:%M}  {level:<9} {s.score:>5}  "
            f"{_counts(s):<8}  {_coverage(s)}{_household_counts(s)}"
        )


def diff_command(
    scans: Annotated[
        list[int] | None,
        typer.Argument(help="Two scan numbers (see `history`); default: the last two."),
    ] = None,
    profile_path: ProfileOpt = None,
    config_path: ConfigOpt = None,
    db: DbOpt = None,
    lang: LangOpt = None,
) -> None:
    """Print what changed between two scans (default: the last two)."""
    from exposure_scan.changes import diff
    from exposure_scan.errors import InputError
    from exposure_scan.models import ChangeKind
    history, key = _open(profile_path, config_path, db, lang=lang)
    with history:
        stored = history.scans(key)
    numbers = [s.number for s in stored]
    if scans and len(scans) != 2:
        raise InputError("SCANS", " ".join(map(str, scans)), "give two scan numbers, or none")
    if scans:
        for n in scans:
            if n not in numbers:
                raise InputError("SCANS", str(n), "no such scan of this profile; see `history`")
        a, b = numbers.index(scans[0]), numbers.index(scans[1])
    else:
        if not stored:
            raise InputError("SCANS", "", "no scans of this profile in the history yet")
        a, b = len(stored) - 2, len(stored) - 1
    newer = stored[b]
    earlier = stored[: a + 1] if a >= 0 else []
    items = diff(earlier, newer)
    if a >= 0:
        typer.echo(_say("Scan %(newer)s (%(date)s) compared with scan %(earlier)s:",
                        newer=newer.number, date=f"{newer.started_at:%Y-%m-%d}",
                        earlier=stored[a].number))
    else:
        typer.echo(_say("Scan %(newer)s (%(date)s) compared with nothing:",
                        newer=newer.number, date=f"{newer.started_at:%Y-%m-%d}"))
    own = [i for i in items if i.member is None]
    household = [i for i in items if i.member is not None]
    for group, heading in ((own, ""), (household, "Your household (not in your score):")):
        if heading and not group:
            continue
        if heading:
            typer.echo(_say(heading))
        for value, title in SECTIONS:
            kind = ChangeKind(value)
            found = [i for i in group if i.change is kind]
            typer.echo(f"{_say(title)}: {len(found)}")
            if kind is not ChangeKind.STILL:
                for item in found:
                    typer.echo(_line(item))


def mark_command(
    finding: Annotated[str, typer.Argument(help="A finding ID, or a unique start of one.")],
    status: Annotated[str, typer.Argument(help="requested, not-me or ignored")],
    note: Annotated[str, typer.Option("--note", help="Your own note (kept locally).")] = "",
    on: Annotated[
        str | None,
        typer.Option("--date", help="When the request was sent, YYYY-MM-DD (default: today)."),
    ] = None,
    profile_path: ProfileOpt = None,
    config_path: ConfigOpt = None,
    db: DbOpt = None,
    lang: LangOpt = None,
) -> None:
    """Mark a finding: removal requested (starts the one-month clock), not me, or ignored."""
    from exposure_scan.errors import InputError
    from exposure_scan.models import MarkStatus
    _speak(lang)
    try:
        kind = MarkStatus(status.strip().lower().replace("-", "_"))
    except ValueError:
        raise InputError("STATUS", status, "choose requested, not-me or ignored") from None
    try:
        day = date.fromisoformat(on) if on else date.today()
    except ValueError:
        raise InputError("--date", on or "", "give a date as YYYY-MM-DD") from None
    history, key = _open(profile_path, config_path, db, lang=lang)
    with history:
        full = history.resolve(key, finding)
        history.set_mark(key, full, kind, day, note)
    typer.echo(f"{full}: {_say(MARK_WORDS[kind.value])} ({day.isoformat()})")


def schedule_command(
    every: Annotated[str, typer.Option("--every", help="week or month")] = "month",
    at: Annotated[str, typer.Option("--at", help="Time of day, HH:MM (local).")] = "07:00",
    profile_path: ProfileOpt = None,
    config_path: ConfigOpt = None,
) -> None:
    """Print a crontab line, systemd units, a launchd plist and a schtasks command."""
    from exposure_scan.paths import default_config, default_profile
    from exposure_scan.schedule import Schedule

    # Absolute paths: cron, launchd and the Task Scheduler run without the user's shell.
    command = [sys.executable, "-m", "exposure_scan", "scan", "--quiet", "--fail-on", "high"]
    command += ["--profile", str((profile_path or default_profile()).expanduser().resolve())]
    config_file = config_path or default_config()
    if config_file:
        command += ["--config", str(config_file.expanduser().resolve())]
    typer.echo(Schedule.parse(every, at, command).render())


def register_audit_commands(app: typer.Typer) -> None:
    app.command("history")(history_command)
    app.command("diff")(diff_command)
    app.command("mark")(mark_command)
    app.command("schedule")(schedule_command)
