"""The command line. The only place that prints, exits, or starts the event loop."""

from __future__ import annotations

import gc
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from typer.core import TyperGroup

# Only what building the command line needs is imported here; each command imports the rest
# itself, so that `--help` and `--version` start in a tenth of a second.
from exposure_scan.audit_cli import DbOpt, NoHistoryOpt, register_audit_commands
from exposure_scan.choices import EXIT_CODES_HELP, FORMATS, Severity

if TYPE_CHECKING:
    from exposure_scan.audit import Audit
    from exposure_scan.config import Config
    from exposure_scan.health import HealthResult
    from exposure_scan.models import ScanResult
    from exposure_scan.organisation import Organisation
    from exposure_scan.outcome import ExitCode
    from exposure_scan.profile import Profile
    from exposure_scan.registry import Configured, Registry


def tell(msgid: str, *, err: bool = False, **values: object) -> None:
    """Print one message in the user's language (exposure_scan.messages)."""
    from exposure_scan.messages import say, spoken
    typer.echo(say(spoken(), msgid, values), err=err)


def load_profile_speaking(path: Path, lang: str | None) -> Profile:
    """The profile. When it cannot be used, the error is worded in the language the file
    asks for (its `language`), unless --lang says otherwise."""
    from exposure_scan.errors import ProfileError
    from exposure_scan.messages import declared_language, speak
    from exposure_scan.profile import load_profile
    try:
        return load_profile(path)
    except ProfileError:
        asked = None if lang is not None else declared_language(path)
        if asked:
            speak(asked)
        raise


class GuardedGroup(TyperGroup):
    """Catches the exception tree once: one line on stderr, a documented exit code."""

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        from exposure_scan.errors import ExposureScanError, InputError
        from exposure_scan.logs import LOG
        from exposure_scan.messages import SPOKEN, error_text, spoken
        from exposure_scan.outcome import ExitCode
        token = SPOKEN.set(None)
        try:
            return super().invoke(ctx)
        except ExposureScanError as exc:
            LOG.error("error: %s", exc)  # the log stays English: it is read by whoever debugs
            typer.echo(error_text(exc, spoken()), err=True)
            code = ExitCode.BAD_INPUT if isinstance(exc, InputError) else ExitCode.ERROR
            code = getattr(exc, "exit_code", code)  # e.g. ScanBusy: 7
            raise typer.Exit(code) from None
        finally:
            SPOKEN.reset(token)


app = typer.Typer(
    name="exposure-scan",
    cls=GuardedGroup,
    help="Find what a stranger can learn about you online, and how to remove it.\n\n"
    + EXIT_CODES_HELP,
    pretty_exceptions_show_locals=False,  # locals hold the private profile
    no_args_is_help=True,
    rich_markup_mode=None,  # plain click help: flags shown as flags, not `--quiet <bool>`
)
providers_app = typer.Typer(help="List the sources, or check that they work.")
app.add_typer(providers_app, name="providers")
config_app = typer.Typer(help="The shareable config file (how to scan; no personal data).")
app.add_typer(config_app, name="config")


def _print_version(value: bool) -> None:
    from exposure_scan import __version__
    if value:
        typer.echo(f"exposure-scan {__version__}")
        raise typer.Exit()


VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="Log every request and source on stderr.")
]
LogFileOpt = Annotated[
    Path | None,
    typer.Option(
        "--log-file",
        metavar="FILE",
        help="Append the log (one line per request and source; no personal data) to FILE, 0600.",
    ),
]


@app.callback()
def _main(
    verbose: VerboseOpt = False,
    log_file: LogFileOpt = None,
    _version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Find what a stranger can learn about you online, and how to remove it."""
    from exposure_scan.logs import configure_logging
    configure_logging(verbose=verbose, log_file=log_file)

ProfileOpt = Annotated[
    Path | None,
    typer.Option(
        "--profile",
        "-p",
        metavar="FILE",
        help="Your private profile (default: EXPOSURE_SCAN_PROFILE or the "
        "user config folder's profile.toml; create one with `exposure-scan init`).",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        metavar="FILE",
        help="Config file (default: EXPOSURE_SCAN_CONFIG or the user config "
        "folder's config.toml; all defaults if there is none). See config.example.toml.",
    ),
]
FormatOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"Report format, repeatable: {', '.join(FORMATS)} (default: html, json).",
    ),
]
OutOpt = Annotated[
    Path | None, typer.Option("--out", "-o", metavar="FOLDER", help="Folder for the reports.")
]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress, only the report paths.")
]
LangOpt = Annotated[
    str | None, typer.Option("--lang", metavar="nl|en", help="Report language: nl or en.")
]
EvidenceOpt = Annotated[
    Path | None,
    typer.Option(
        "--evidence",
        metavar="FOLDER",
        help="Also write an evidence bundle (page text, URL, time, SHA-256) here."
    ),
]


def run_and_report(
    profile: Profile,
    config: Config,
    registry: Registry,
    *,
    only: list[str] | None,
    formats: list[str],
    out: Path,
    lang: str,
    quiet: bool,
    evidence: Path | None,
    fail_on: Severity | None = None,
    audit: Audit | None = None,
    fail_on_all: Severity | None = None,
) -> int:
    import asyncio

    from exposure_scan.bodies import spooling
    from exposure_scan.errors import InputError
    from exposure_scan.organisation import organisation_for
    from exposure_scan.output import preflight
    from exposure_scan.progress import Progress
    from exposure_scan.scan import ScanState, run_scan

    if str(out) == "-":  # not stdout: a report is several files
        raise InputError("--out", "-", "expects a folder, not a stream; like --out reports")
    preflight(out, formats, evidence)
    organisation = organisation_for(config.source, config.organisation)  # issue 12
    providers = registry.configure(config, only=only)
    progress = Progress(enabled=not quiet and sys.stderr.isatty(), lang=lang)
    held: list[ScanResult] = []

    async def scan_into_held(state: ScanState) -> None:
        # The result is handed over here, not returned through asyncio.run(): Python 3.11
        # keeps further references to a coroutine's result (about 100 MB at 1,000 pages).
        held.append(await run_scan(state, observer=progress))

    # Page texts (and, for an evidence bundle, raw bodies) wait on disk, not in memory; the
    # spool goes when the block ends, however it ends.
    with spooling(bodies=evidence is not None):
        start_up_done()
        state = ScanState(profile=profile, config=config, providers=providers, language=lang)
        try:
            # Ctrl-C and SIGTERM end the scan inside the loop with a partial result.
            asyncio.run(scan_into_held(state))
        except KeyboardInterrupt:  # where the loop cannot catch Ctrl-C itself (Windows)
            state.stopped_by = state.stopped_by or "SIGINT"
            held[:] = [state.finish(partial=True)]
        finally:
            progress.close()
        result, stopped_by = held.pop(), state.stopped_by
        del state  # every page read, matched or not: only the findings' pages are written
        return write_and_tell(result, stopped_by, profile, config, formats, out, evidence,
                              quiet=quiet, audit=audit, organisation=organisation,
                              fail_on=fail_on, fail_on_all=fail_on_all)


def write_and_tell(
    result: ScanResult,
    stopped_by: str,
    profile: Profile,
    config: Config,
    formats: list[str],
    out: Path,
    evidence: Path | None,
    *,
    quiet: bool,
    audit: Audit | None,
    organisation: Organisation | None,
    fail_on: Severity | None,
    fail_on_all: Severity | None,
) -> int:
    """After the scan: compare with the history, write the files, say where they are."""
    from exposure_scan.audit import Audit
    from exposure_scan.audit_cli import audit_exit_code
    from exposure_scan.organisation import fingerprint_key, stamp
    from exposure_scan.outcome import summary_line
    from exposure_scan.output import write_outputs
    if result.partial:
        tell("Stopped (SIGTERM): writing a partial report." if stopped_by == "SIGTERM"
             else "Interrupted: writing a partial report.", err=True)
    audit = audit or Audit(config, profile, enabled=False, lock=False)
    result = audit.compare(result)
    result = stamp(result, profile, organisation, fingerprint_key())  # issue 12
    paths = write_outputs(result, profile, out, formats, evidence=evidence, today=date.today())
    problems = audit.finish(result, paths)  # store in the history, then notify
    log_runs(result)
    if not quiet:
        typer.echo(summary_line(result), err=True)
    for path in paths:
        typer.echo(str(path))
    return audit_exit_code(result, fail_on, fail_on_all, problems)


def log_runs(result: ScanResult) -> None:
    """One line per source: what a cron mail needs to tell why a run was incomplete."""
    from exposure_scan.logs import LOG
    from exposure_scan.outcome import summary_line
    for run in result.runs:
        parts = f" unchecked_parts={len(run.unchecked_parts)}" if run.unchecked_parts else ""
        reason = f" reason={run.reason}" if run.reason else ""
        LOG.info("source provider=%s status=%s results=%d time=%.1fs%s%s", run.provider,
                 run.status.value, run.observations, run.duration_s, parts, reason)
        reasons = Counter(part.reason.value for part in run.unchecked_parts)
        if reasons:  # counts by reason: a part's URL may hold a name
            LOG.info("unchecked provider=%s %s", run.provider,
                     " ".join(f"{k}={n}" for k, n in sorted(reasons.items())))
    LOG.info("scan done: %s", summary_line(result))


@app.command()
def scan(
    profile_path: ProfileOpt = None,
    config_path: ConfigOpt = None,
    fmt: FormatOpt = None,
    out: OutOpt = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
    evidence: EvidenceOpt = None,
    provider: Annotated[
        list[str] | None,
        typer.Option(
            "--provider",
            metavar="NAME",
            help="Only these providers (repeatable); default: all enabled.",
        ),
    ] = None,
    fail_on: Annotated[
        Severity | None,
        typer.Option(
            help="Exit 6 when a finding is at least this severe (for cron); with a history, "
            "only findings new or back again since the last scan count."
        ),
    ] = None,
    fail_on_all: Annotated[
        Severity | None,
        typer.Option(help="Exit 6 when any finding, old or new, is at least this severe."),
    ] = None,
    db: DbOpt = None,
    no_history: NoHistoryOpt = False,
    verbose: VerboseOpt = False,
    log_file: LogFileOpt = None,
) -> None:
    """Scan the public sources for your profile and write the reports."""
    from exposure_scan.audit import Audit
    from exposure_scan.config import load_config
    from exposure_scan.logs import configure_logging
    from exposure_scan.messages import checked_language, speak, spoken
    from exposure_scan.output import report_language, resolve_formats
    from exposure_scan.paths import default_config, default_output_dir, default_profile
    from exposure_scan.profile import scan_notices
    from exposure_scan.registry import Registry
    configure_logging(verbose=verbose, log_file=log_file)
    speak(checked_language(lang) or spoken())
    profile_file = profile_path or default_profile()
    profile = load_profile_speaking(profile_file, lang)
    # the config may name another report language; until it is read, the profile's decides
    voice = speak(checked_language(lang) or profile.language or spoken())
    for notice in scan_notices(profile, profile_file):
        tell("warning: %(warning)s", err=True, warning=notice.text(voice))
    config = load_config(config_path or default_config(), voice)
    language = speak(report_language(lang, config, profile))
    formats = resolve_formats(fmt, config)
    out_dir = out or default_output_dir(config.report.output_dir)
    with Audit(config, profile, db, enabled=not no_history) as audit:
        code = run_and_report(
            profile,
            config,
            Registry.discover(),
            only=provider,
            formats=formats,
            out=out_dir,
            lang=language,
            quiet=quiet,
            evidence=evidence,
            fail_on=fail_on,
            audit=audit,
            fail_on_all=fail_on_all,
        )
    raise typer.Exit(code)


@app.command()
def demo(
    out: OutOpt = None,
    fmt: FormatOpt = None,
    quiet: QuietOpt = False,
    lang: LangOpt = None,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Keep the demo's scan history here (default: none)."),
    ] = None,
    world_name: Annotated[
        str,
        typer.Option("--world", help="first, changed or search-down: run again to see changes."),
    ] = "first",
    verbose: VerboseOpt = False,
    log_file: LogFileOpt = None,
) -> None:
    """Scan a fictional clinician in an embedded fictional world on 127.0.0.1. No internet."""
    from exposure_scan.audit import Audit
    from exposure_scan.errors import InputError
    from exposure_scan.logs import configure_logging
    from exposure_scan.messages import checked_language, speak, spoken
    from exposure_scan.output import report_language, resolve_formats
    from exposure_scan.registry import Registry
    configure_logging(verbose=verbose, log_file=log_file)
    from exposure_scan.demo import STABLE_PORT, WORLDS, DemoWorld, demo_config, demo_profile

    speak(checked_language(lang) or spoken())
    if world_name not in WORLDS:
        raise InputError("--world", world_name, "choose %(worlds)s",
                         {"worlds": ", ".join(WORLDS)})
    with DemoWorld(world_name, port=STABLE_PORT if db else 0) as world:
        profile = demo_profile(world.base_url)
        config = demo_config(world.base_url)
        language = speak(report_language(lang, config, profile))
        formats = resolve_formats(fmt, config)
        with Audit(config, profile, db, enabled=db is not None, lock=db is not None) as audit:
            code = run_and_report(
                profile,
                config,
                Registry.discover(include_entry_points=False),
                only=world.providers,
                formats=formats,
                out=out or Path("demo-report"),
                lang=language,
                quiet=quiet,
                evidence=None,
                audit=audit,
            )
    raise typer.Exit(code)


@app.command()
def init(
    path: Annotated[
        Path | None, typer.Argument(metavar="FILE", help="Where to write the profile.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    org: Annotated[
        Path | None,
        typer.Option("--org", metavar="FILE", help="Your organisation's org.toml: also write a "
                     "config that uses its set-up (next to the profile)."),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", metavar="nl|en", help="Language of the template's comments and "
                     "its report language (default: the organisation's, else your system's, "
                     "else nl)."),
    ] = None,
) -> None:
    """Write a commented profile template (mode 0600) to fill in."""
    from exposure_scan.errors import InputError
    from exposure_scan.messages import checked_language, speak, spoken, system_language
    from exposure_scan.paths import default_profile
    speak(checked_language(lang) or spoken())
    organisation = init_org_config(org, (path or default_profile()).parent, force=force,
                                   lang=checked_language(lang)) if org is not None else None
    # The template is a Dutch GP's: Dutch unless --lang, the organisation or the system
    # says English.
    language = speak(checked_language(lang) or (organisation.language if organisation else None)
                     or system_language() or "nl")
    from exposure_scan.files import make_private_dirs, write_new
    from exposure_scan.output import write_atomic

    target = path or default_profile()
    if org is not None and target.exists() and not force:
        tell("Kept your profile %(path)s; scan with: exposure-scan scan --profile %(path)s",
             path=str(target))
        return
    exists = InputError(str(target), "", "exists; edit it, or use --force to overwrite it")
    if target.exists() and not force:
        raise exists
    template = profile_template(language)
    try:
        if force:
            write_atomic(target, template)
        else:
            make_private_dirs(target.parent)
            write_new(target, template)  # O_EXCL: never over a file made meanwhile
    except FileExistsError:
        raise exists from None
    except OSError as exc:
        raise InputError(str(target), "", "cannot be written (%(reason)s); choose another path",
                         {"reason": exc.strerror}) from None
    tell("Wrote %(path)s. Fill it in, then run: exposure-scan scan --profile %(path)s",
         path=str(target))


def profile_template(lang: str) -> bytes:
    """The commented profile template in `lang`: the same example person in every language."""
    from exposure_scan import packaged
    name = "profile-template.nl.toml" if lang == "nl" else "profile-template.toml"
    return packaged.read_bytes(f"data/{name}")


JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]


def fix_for(item: Configured, config_file: str, lang: str = "en") -> str:
    """How to make a provider ready, in one line; empty when it is."""
    from exposure_scan.messages import say
    from exposure_scan.registry import Readiness
    cls = item.cls
    values = {"env_var": cls.key_env_var, "table": f"[providers.{cls.name}]",
              "file": config_file}
    if item.readiness is Readiness.NEEDS_KEY:
        return say(lang, "set the environment variable %(env_var)s to your key", values)
    if item.readiness is Readiness.NEEDS_BASE_URL:
        return say(lang, 'set base_url = "https://..." under %(table)s in %(file)s', values)
    if item.readiness is Readiness.DISABLED:
        return say(lang, "set enabled = true under %(table)s in %(file)s", values)
    return ""


def sent_field(lang: str, field: str) -> str:
    """A field a provider sends: its key in English (as in the JSON), else in words."""
    from exposure_scan.messages import known
    if known(lang) != "nl":
        return field
    from exposure_scan.reports.i18n import field_label
    return str(field_label(lang, field))


# How each provider status reads in the list (registry.Readiness values).
READINESS_WORDS = {
    "ready": "ready", "needs key": "needs key", "needs base_url": "needs base_url",
    "disabled": "disabled", "standby": "standby", "not selected": "not selected",
}


def init_org_config(
    org_file: Path, folder: Path, *, force: bool, lang: str | None = None
) -> Organisation:
    """Issue 12: copy the organisation file next to the profile and write a config naming it."""
    from exposure_scan.errors import InputError
    from exposure_scan.files import make_private_dirs, write_new
    from exposure_scan.messages import speak, spoken
    from exposure_scan.organisation import ORG_FILE, config_text, load_organisation
    from exposure_scan.output import write_atomic

    organisation = load_organisation(org_file)
    org_bytes = org_file.read_bytes()
    config_file = folder / "config.toml"
    for target, data in ((folder / ORG_FILE, org_bytes),
                         (config_file, config_text(organisation, Path(ORG_FILE)).encode())):
        if target.resolve() == org_file.resolve():
            continue  # it is already in place
        try:
            if force:
                write_atomic(target, data)
            else:
                make_private_dirs(folder)
                write_new(target, data)
        except FileExistsError:
            raise InputError(str(target), "", "exists; edit it, or use --force to overwrite it") \
                from None
        except OSError as exc:
            raise InputError(str(target), "", "cannot be written (%(reason)s)",
                             {"reason": exc.strerror}) from None
    speak(lang or organisation.language or spoken())  # --lang wins over the organisation's
    tell("Wrote %(path)s for %(name)s; scan with --config %(path)s if it is not in your user "
         "config folder.", path=str(config_file), name=organisation.name)
    return organisation


@app.command()
def kit(
    org_file: Annotated[Path, typer.Argument(help="The organisation file (org.toml).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the kit.")],
    no_pdf: Annotated[bool, typer.Option("--no-pdf", help="Skip the PDF.")] = False,
    lang: LangOpt = None,
) -> None:
    """Write what HR hands out: the org file, a Dutch/English instruction, the consent text."""
    from exposure_scan.kit import write_kit
    from exposure_scan.messages import checked_language, speak, spoken
    from exposure_scan.organisation import load_organisation

    speak(checked_language(lang) or spoken())
    organisation = load_organisation(org_file)
    speak(checked_language(lang) or organisation.language)
    written = write_kit(organisation, org_file.read_bytes(), out, pdf=not no_pdf)
    # stdout: the files, one a line (for scripts); what they are for, on stderr
    for path in written:
        typer.echo(str(path))
    tell("Kit for %(name)s written: hand out these files; the instruction and the consent "
         "text are in Dutch and English.", err=True, name=organisation.name)


@app.command()
def batch(
    profiles_dir: Annotated[Path, typer.Argument(help="Folder of profile files (*.toml).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for everyone's reports.")],
    config_path: ConfigOpt = None,
    fmt: FormatOpt = None,
    concurrency: Annotated[
        int, typer.Option(min=1, max=64, help="People scanned at the same time.")
    ] = 16,
    quiet: QuietOpt = False,
) -> None:
    """Scan many consented profiles with shared rate limits; resumable (issue 12)."""
    import asyncio

    from exposure_scan.batch import run_batch
    from exposure_scan.config import load_config
    from exposure_scan.messages import speak, spoken
    from exposure_scan.organisation import fingerprint_key, organisation_for
    from exposure_scan.output import preflight, resolve_formats
    from exposure_scan.paths import default_config
    from exposure_scan.registry import Registry

    config = load_config(config_path or default_config())
    speak(config.report.language or spoken())  # the organisation's language, when it says
    formats = resolve_formats(fmt, config)
    preflight(out, formats, None)
    start_up_done()
    try:
        tally = asyncio.run(
            run_batch(
                profiles_dir, out, config, Registry.discover(),
                key=fingerprint_key(),
                organisation=organisation_for(config.source, config.organisation),
                formats=formats, concurrency=concurrency,
                echo=None if quiet else lambda line: typer.echo(line, err=True),
            )
        )
    except KeyboardInterrupt:
        tell("Interrupted: the profiles done so far are recorded; run the same command again "
             "to go on.", err=True)
        raise typer.Exit(130) from None
    tell("%(total)s profiles: %(done)s scanned now, %(already)s done before, %(refused)s "
         "refused, %(failed)s failed. Reports in %(out)s", total=tally.total, done=tally.done,
         already=tally.already_done, refused=tally.refused, failed=tally.failed, out=str(out))
    raise typer.Exit(1 if tally.failed else 0)


@providers_app.callback(invoke_without_command=True)
def providers_list(
    ctx: typer.Context, config_path: ConfigOpt = None, as_json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """List every provider: status (ready / needs key / disabled) and what it sends."""
    from exposure_scan.config import load_config
    from exposure_scan.messages import checked_language, say, speak, spoken
    from exposure_scan.paths import config_target, default_config
    from exposure_scan.registry import Readiness, Registry
    if ctx.invoked_subcommand:
        return
    speak(checked_language(lang) or spoken())
    path = config_path or default_config()
    config = load_config(path)
    voice = speak(checked_language(lang) or config.report.language or spoken())
    shown = str(path) if path else say(
        voice, "none (all defaults; `exposure-scan config init` writes %(path)s)",
        {"path": str(config_target())})
    config_file = str(path or config_target())
    rows: list[dict[str, Any]] = [
        {
            "provider": item.cls.name,
            "status": item.readiness.value,
            "covers": item.cls.jurisdiction,
            "sends": sorted(f.value for f in item.cls.sends),
            "sends_private": sorted(f.value for f in item.cls.sends if f.is_private),
            "key_env_var": item.cls.key_env_var,
            "fix": fix_for(item, config_file),
        }
        for item in Registry.discover().configure(config)
    ]
    if as_json:
        typer.echo(json.dumps({"config": str(path) if path else None, "providers": rows},
                              indent=2))
        return
    typer.echo(f"config: {shown}")
    typer.echo(
        f"{say(voice, 'provider'):<16} {say(voice, 'status'):<15} {say(voice, 'covers'):<7} "
        + say(voice, "sends (* private: only with send_private_values = true)")
    )
    for row in rows:
        private = set(row["sends_private"])
        sends = ", ".join(sent_field(voice, f) + ("*" if f in private else "")
                          for f in row["sends"])
        key = ("  " + say(voice, "key: %(env_var)s", {"env_var": row["key_env_var"]})
               if row["key_env_var"] else "")
        status = say(voice, READINESS_WORDS.get(row["status"], row["status"]))
        covers = row["covers"]
        if covers == "global" and voice != "en":  # the English list shows the JSON's word
            covers = say(voice, "everywhere")
        typer.echo(f"{row['provider']:<16} {status:<15} {covers:<7} {sends}{key}")
    fixes = [item for item in Registry.discover().configure(config)
             if item.readiness is not Readiness.DISABLED and fix_for(item, config_file)]
    for item in fixes:
        typer.echo(f"  {item.cls.name}: {fix_for(item, config_file, voice)}")


@providers_app.command("check")
def providers_check(
    config_path: ConfigOpt = None,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
    log_file: LogFileOpt = None,
    lang: LangOpt = None,
) -> None:
    """Ask every enabled provider one documented test query: reachable, authenticated, parses.

    Exit codes: 0 every ready source works; 3 a source does not work (unreachable, key
    refused, or its answer no longer parses); 4 no source could be reached, or none is ready.
    """
    import asyncio

    from exposure_scan.config import load_config
    from exposure_scan.logs import LOG, configure_logging
    from exposure_scan.messages import checked_language, say, speak, spoken
    from exposure_scan.paths import config_target, default_config
    from exposure_scan.registry import Readiness, Registry
    configure_logging(verbose=verbose, log_file=log_file)
    from exposure_scan.health import run_checks

    speak(checked_language(lang) or spoken())
    config = load_config(config_path or default_config())
    voice = speak(checked_language(lang) or config.report.language or spoken())
    configured = Registry.discover().configure(config)
    results = asyncio.run(run_checks(configured, config))
    not_ready = [c for c in configured if c.readiness in (Readiness.NEEDS_KEY,
                                                          Readiness.NEEDS_BASE_URL)]
    code, verdict = check_verdict(results)
    for r in results:
        LOG.info("check provider=%s reachable=%s authenticated=%s parses=%s detail=%s",
                 r.provider, r.reachable, r.authenticated, r.parses, r.detail)
    if as_json:
        typer.echo(json.dumps({
            "exit_code": int(code),
            "verdict": verdict,
            "results": [r.model_dump() for r in results],
            "not_configured": [
                {"provider": c.cls.name, "status": c.readiness.value,
                 "fix": fix_for(c, str(config.source or config_target()))}
                for c in not_ready
            ],
        }, indent=2))
        raise typer.Exit(code)

    def mark(value: bool | None) -> str:
        return "-" if value is None else say(voice, "yes" if value else "NO")

    for r in results:
        typer.echo(
            f"{r.provider:<16} {say(voice, 'reachable:')} {mark(r.reachable):<4} "
            f"{say(voice, 'authenticated:')} {mark(r.authenticated):<4} "
            f"{say(voice, 'parses:')} {mark(r.parses):<4} {r.text(voice)}"
        )
    for c in not_ready:
        typer.echo(f"{c.cls.name:<16} "
                   + say(voice, "not checked: not configured (see `exposure-scan providers`)"))
    typer.echo(check_verdict(results, voice)[1], err=True)
    raise typer.Exit(code)


def check_verdict(results: list[HealthResult], lang: str = "en") -> tuple[ExitCode, str]:
    """`providers check` exit codes: 0 all work, 3 some source does not work, 4 none reachable."""
    from exposure_scan.messages import say, say_n
    from exposure_scan.outcome import ExitCode
    works = [r.reachable and r.parses is True and r.authenticated is not False for r in results]
    reachable = sum(r.reachable for r in results)
    if not results:
        return ExitCode.NOTHING_CHECKED, say(
            lang, "no source is ready: see `exposure-scan providers`")
    if not reachable:
        return ExitCode.NOTHING_CHECKED, say(
            lang, "no source could be reached: are you offline?")
    failing = len(works) - sum(works)
    if failing:
        return ExitCode.INCOMPLETE, say_n(
            lang, "%(n)s of %(total)s source does not work; see above",
            "%(n)s of %(total)s sources do not work; see above", failing,
            {"total": len(works)})
    return ExitCode.OK, say_n(lang, "all %(n)s source works", "all %(n)s sources work",
                              len(works))


@config_app.command("init")
def config_init(
    path: Annotated[Path | None, typer.Argument(metavar="FILE", help="Where to write it "
                                                "(default: the user config folder, next to the "
                                                "profile).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write the commented example config (mode 0644: it holds no personal data)."""
    from exposure_scan.config import write_config
    from exposure_scan.paths import config_target

    target = path or config_target()
    write_config(target, force=force)
    if path is None:
        tell("Wrote %(path)s. Edit it; a scan reads it from there.", path=str(target))
    else:
        tell("Wrote %(path)s. Edit it; a scan reads it from there with --config %(path)s.",
             path=str(target))


@app.command()
def summary(
    reports: Annotated[list[Path], typer.Argument(help="JSON reports of several people.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="md|json|html", help="md, json or html")
    ] = "md",
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE",
                                             help="Write here, not stdout.")] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", metavar="nl|en", help="Language of the summary: nl or en "
                     "(default: the one most reports were written in)."),
    ] = None,
) -> None:
    """Aggregate many reports for an employer: counts only, no personal data."""
    from exposure_scan.errors import InputError, ReportError
    from exposure_scan.messages import checked_language, speak, spoken
    from exposure_scan.output import write_atomic
    from exposure_scan.reports.summary_view import render_summary
    from exposure_scan.summary import load_results, reports_language, summarise_reports

    speak(checked_language(lang) or spoken())
    if fmt not in ("md", "json", "html"):
        raise InputError("--format", fmt, "choose md, json or html")
    chosen: Literal["md", "json", "html"] = (
        "html" if fmt == "html" else "json" if fmt == "json" else "md"
    )
    results = load_results(reports)
    # --lang, else the language the reports were written in (their profiles' language)
    language = speak(checked_language(lang) or reports_language(results))
    text = render_summary(summarise_reports(results), chosen, language)
    if out:
        try:
            write_atomic(out, text.encode("utf-8"))  # 0600, like every file written
        except OSError as exc:
            raise ReportError(f"cannot write {out} ({exc.strerror}); nothing was written") \
                from None
        typer.echo(str(out))
    else:
        typer.echo(text)


@app.command()
def version() -> None:
    """Print the version."""
    from exposure_scan import __version__
    typer.echo(__version__)


register_audit_commands(app)


# Start-up (imports, pydantic schemas, providers) makes some 70,000 objects that live until the
# exit. The collector walked them dozens of times while they were made (about 0.04 s a run)
# and once more at the exit (0.06 s), never finding them garbage. So the console entry point
# collects rarely until a scan starts, then freezes what exists: later collections, the exit's
# included, skip it. Only the entry point does this (not `app` called in-process, as in tests);
# every command that runs long (scan, demo, batch) calls start_up_done() before it does.
START_UP_GC_THRESHOLD = 100_000
_gc_threshold: list[tuple[int, int, int]] = []  # the usual thresholds, while starting up


def start_up_done() -> None:
    """The scan starts: the usual collection thresholds again, start-up's objects frozen."""
    if _gc_threshold:
        gc.freeze()
        gc.set_threshold(*_gc_threshold.pop())


def main() -> None:
    """Console entry point."""
    # httpx imports its own command line (click, rich, pygments: 0.05 s) when those are
    # installed, and exposure-scan never runs it: a None entry makes httpx use its stub.
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    usual = gc.get_threshold()
    _gc_threshold.append(usual)
    gc.set_threshold(START_UP_GC_THRESHOLD, usual[1], usual[2])
    try:
        app()
    finally:
        gc.freeze()  # the run is over and everything is closed: no last walk over it all
