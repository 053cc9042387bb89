"""The command line. The only place that prints, exits, or starts the event loop."""

from __future__ import annotations

import asyncio
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import typer
from typer.core import TyperGroup

from exposure_scan import __version__
from exposure_scan.config import Config, load_config
from exposure_scan.errors import ExposureScanError, InputError, ReportError
from exposure_scan.models import Severity
from exposure_scan.organisation import fingerprint_key, organisation_for, stamp
from exposure_scan.outcome import EXIT_CODES_HELP, ExitCode, exit_code_for, summary_line
from exposure_scan.output import (
    FORMATS,
    preflight,
    report_language,
    resolve_formats,
    write_outputs,
)
from exposure_scan.paths import default_config, default_output_dir, default_profile
from exposure_scan.profile import Profile, load_profile, scan_warnings
from exposure_scan.progress import Progress
from exposure_scan.registry import Readiness, Registry


class GuardedGroup(TyperGroup):
    """Catches the exception tree once: one line on stderr, a documented exit code."""

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except ExposureScanError as exc:
            typer.echo(f"error: {exc}", err=True)
            code = ExitCode.BAD_INPUT if isinstance(exc, InputError) else ExitCode.ERROR
            raise typer.Exit(code) from None


app = typer.Typer(
    name="exposure-scan",
    cls=GuardedGroup,
    help="Find what a stranger can learn about you online, and how to remove it.\n\n"
    + EXIT_CODES_HELP,
    pretty_exceptions_show_locals=False,  # locals hold the private profile
    no_args_is_help=True,
    add_completion=False,
)
providers_app = typer.Typer(help="List the sources, or check that they work.")
app.add_typer(providers_app, name="providers")

ProfileOpt = Annotated[
    Path | None,
    typer.Option(
        "--profile",
        "-p",
        help="Your private profile (default: EXPOSURE_SCAN_PROFILE or the "
        "user config folder's profile.toml; create one with `exposure-scan init`).",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Config file (default: EXPOSURE_SCAN_CONFIG or the user config "
        "folder's config.toml; all defaults if there is none). See config.example.toml.",
    ),
]
FormatOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--format",
        "-f",
        help=f"Report format, repeatable: {', '.join(FORMATS)} (default: html, json).",
    ),
]
OutOpt = Annotated[Path | None, typer.Option("--out", "-o", help="Folder for the reports.")]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress, only the report paths.")
]
LangOpt = Annotated[str | None, typer.Option("--lang", help="Report language: nl or en.")]
EvidenceOpt = Annotated[
    Path | None,
    typer.Option(
        "--evidence", help="Also write an evidence bundle (page text, URL, time, SHA-256) here."
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
) -> int:
    from exposure_scan.scan import ScanState, scan

    preflight(out, formats, evidence)
    organisation = organisation_for(config.source, config.organisation)  # issue 12
    state = ScanState(
        profile=profile,
        config=config,
        providers=registry.configure(config, only=only),
        language=lang,
    )
    progress = Progress(enabled=not quiet and sys.stderr.isatty())
    try:
        result = asyncio.run(scan(state, observer=progress))
    except KeyboardInterrupt:
        result = state.finish(partial=True)
        typer.echo("Interrupted: writing a partial report.", err=True)
    finally:
        progress.close()
    result = stamp(result, profile, organisation, fingerprint_key())  # issue 12
    paths = write_outputs(result, profile, out, formats, evidence=evidence, today=date.today())
    if not quiet:
        typer.echo(summary_line(result), err=True)
    for path in paths:
        typer.echo(str(path))
    return exit_code_for(result, fail_on)


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
        typer.Option("--provider", help="Only these providers (repeatable); default: all enabled."),
    ] = None,
    fail_on: Annotated[
        Severity | None,
        typer.Option(help="Exit 6 when a finding is at least this severe (for cron)."),
    ] = None,
) -> None:
    """Scan the public sources for your profile and write the reports."""
    profile_file = profile_path or default_profile()
    profile = load_profile(profile_file)
    for warning in scan_warnings(profile, profile_file):
        typer.echo(f"warning: {warning}", err=True)
    config = load_config(config_path or default_config())
    formats = resolve_formats(fmt, config)
    language = report_language(lang, config, profile)
    out_dir = out or default_output_dir(config.report.output_dir)
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
    )
    raise typer.Exit(code)


@app.command()
def demo(
    out: OutOpt = None,
    fmt: FormatOpt = None,
    quiet: QuietOpt = False,
    lang: LangOpt = None,
) -> None:
    """Scan a fictional clinician in an embedded fictional world on 127.0.0.1. No internet."""
    from exposure_scan.demo import DemoWorld, demo_config, demo_profile

    with DemoWorld() as world:
        profile = demo_profile(world.base_url)
        config = demo_config(world.base_url)
        formats = resolve_formats(fmt, config)
        code = run_and_report(
            profile,
            config,
            Registry.discover(include_entry_points=False),
            only=world.providers,
            formats=formats,
            out=out or Path("demo-report"),
            lang=report_language(lang, config, profile),
            quiet=quiet,
            evidence=None,
        )
    raise typer.Exit(code)


@app.command()
def init(
    path: Annotated[Path | None, typer.Argument(help="Where to write the profile.")] = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
    org: Annotated[
        Path | None,
        typer.Option("--org", help="Your organisation's org.toml: also write a config that "
                     "uses its set-up (next to the profile)."),
    ] = None,
) -> None:
    """Write a commented profile template (mode 0600) to fill in."""
    if org is not None:
        init_org_config(org, (path or default_profile()).parent, force=force)
    from importlib import resources

    from exposure_scan.files import make_private_dirs, write_new
    from exposure_scan.output import write_atomic

    target = path or default_profile()
    if org is not None and target.exists() and not force:
        typer.echo(f"Kept your profile {target}; scan with: exposure-scan scan --profile {target}")
        return
    exists = InputError(str(target), "", "exists; edit it, or use --force to overwrite it")
    if target.exists() and not force:
        raise exists
    template = resources.files("exposure_scan").joinpath("data/profile-template.toml")
    try:
        if force:
            write_atomic(target, template.read_bytes())
        else:
            make_private_dirs(target.parent)
            write_new(target, template.read_bytes())  # O_EXCL: never over a file made meanwhile
    except FileExistsError:
        raise exists from None
    except OSError as exc:
        raise InputError(str(target), "", f"cannot be written ({exc.strerror}); "
                         "choose another path") from None
    typer.echo(f"Wrote {target}. Fill it in, then run: exposure-scan scan --profile {target}")


def init_org_config(org_file: Path, folder: Path, *, force: bool) -> None:
    """Issue 12: copy the organisation file next to the profile and write a config naming it."""
    from exposure_scan.files import make_private_dirs, write_new
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
            raise InputError(str(target), "", f"cannot be written ({exc.strerror})") from None
    typer.echo(f"Wrote {config_file} for {organisation.name}; scan with --config {config_file} "
               "if it is not in your user config folder.")


@app.command()
def kit(
    org_file: Annotated[Path, typer.Argument(help="The organisation file (org.toml).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the kit.")],
    no_pdf: Annotated[bool, typer.Option("--no-pdf", help="Skip the PDF.")] = False,
) -> None:
    """Write what HR hands out: the org file, a Dutch/English instruction, the consent text."""
    from exposure_scan.kit import write_kit
    from exposure_scan.organisation import load_organisation

    organisation = load_organisation(org_file)
    for path in write_kit(organisation, org_file.read_bytes(), out, pdf=not no_pdf):
        typer.echo(str(path))


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
    from exposure_scan.batch import run_batch

    config = load_config(config_path or default_config())
    formats = resolve_formats(fmt, config)
    preflight(out, formats, None)
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
        typer.echo("Interrupted: the profiles done so far are recorded; run the same command "
                   "again to go on.", err=True)
        raise typer.Exit(130) from None
    typer.echo(
        f"{tally.total} profiles: {tally.done} scanned now, {tally.already_done} done before, "
        f"{tally.refused} refused, {tally.failed} failed. Reports in {out}"
    )
    raise typer.Exit(1 if tally.failed else 0)


@providers_app.callback(invoke_without_command=True)
def providers_list(ctx: typer.Context, config_path: ConfigOpt = None) -> None:
    """List every provider: status (ready / needs key / disabled) and what it sends."""
    if ctx.invoked_subcommand:
        return
    config = load_config(config_path or default_config())
    typer.echo(
        f"{'provider':<16} {'status':<15} {'covers':<7} sends (* private: only with "
        "send_private_values = true)"
    )
    for item in Registry.discover().configure(config):
        cls = item.cls
        sends = ", ".join(sorted(f.value + ("*" if f.is_private else "") for f in cls.sends))
        key = f"  key: {cls.key_env_var}" if cls.key_env_var else ""
        typer.echo(f"{cls.name:<16} {item.readiness.value:<15} {cls.jurisdiction:<7} {sends}{key}")


@providers_app.command("check")
def providers_check(config_path: ConfigOpt = None) -> None:
    """Ask every enabled provider one documented test query: reachable, authenticated, parses."""
    from exposure_scan.health import run_checks

    config = load_config(config_path or default_config())
    configured = Registry.discover().configure(config)
    results = asyncio.run(run_checks(configured, config))
    bad = 0

    def mark(value: bool | None) -> str:
        return "-" if value is None else ("yes" if value else "NO")

    for r in results:
        typer.echo(
            f"{r.provider:<16} reachable: {mark(r.reachable):<4} authenticated: "
            f"{mark(r.authenticated):<4} parses: {mark(r.parses):<4} {r.detail}"
        )
        bad += not (r.reachable and r.parses is True and r.authenticated is not False)
    not_ready = [
        c.cls.name for c in configured if c.readiness not in (Readiness.READY, Readiness.DISABLED)
    ]
    for name in not_ready:
        typer.echo(f"{name:<16} not checked: not configured (see `exposure-scan providers`)")
    raise typer.Exit(1 if bad else 0)


@app.command()
def summary(
    reports: Annotated[list[Path], typer.Argument(help="JSON reports of several people.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, json or html")] = "md",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here, not stdout.")] = None,
    lang: LangOpt = None,
) -> None:
    """Aggregate many reports for an employer: counts only, no personal data."""
    from exposure_scan.output import write_atomic
    from exposure_scan.summary import load_results, render_summary, summarise_reports

    if fmt not in ("md", "json", "html"):
        raise InputError("--format", fmt, "choose md, json or html")
    if lang not in (None, "nl", "en"):
        raise InputError("--lang", str(lang), "choose nl or en")
    chosen: Literal["md", "json", "html"] = (
        "html" if fmt == "html" else "json" if fmt == "json" else "md"
    )
    text = render_summary(summarise_reports(load_results(reports)), chosen, lang or "en")
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
    typer.echo(__version__)


def main() -> None:
    """Console entry point."""
    app()
