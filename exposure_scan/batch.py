"""Batch scans with consent (issue 12): many profiles in one process, one set of host limits.

An employer's security or occupational-health team scans staff who agreed to it. Every scan
shares one `HostSpacing`, so each host's rate limit holds for the whole batch and not per
person; each person keeps their own HTTP client and request ledger, so one person's report
never lists another's requests. A profile without recorded consent is refused, one failing
profile never stops the others, and the state file makes an interrupted batch resumable.

Folder and state keys are keyed hashes of the profile file's path: no name appears on disk.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from exposure_scan.bodies import spooling
from exposure_scan.config import Config
from exposure_scan.errors import ExposureScanError, InputError, ReportError
from exposure_scan.files import make_private_dirs, replace_private
from exposure_scan.http import AddressGuard, GuardedTransport, HostSpacing, Resolver
from exposure_scan.inputfile import read_regular
from exposure_scan.organisation import Organisation, stamp
from exposure_scan.output import report_language, write_outputs
from exposure_scan.profile import Profile, load_profile
from exposure_scan.registry import Registry

STATE_FILE = "batch-state.json"
MAX_STATE_BYTES = 16 << 20


class Status(StrEnum):
    DONE = "done"  # scanned, reports written
    REFUSED = "refused"  # no recorded consent, or the profile is not valid
    FAILED = "failed"  # the scan or the writing failed


class Reason(StrEnum):
    NO_CONSENT = "no_consent"
    INVALID_PROFILE = "invalid_profile"
    TEMPLATE = "unfilled_template"
    SCAN_FAILED = "scan_failed"
    WRITE_FAILED = "write_failed"


REASON_TEXT = {
    Reason.NO_CONSENT: "no recorded consent: add a [consent] table with by, date and scope",
    Reason.INVALID_PROFILE: "the profile is not valid",
    Reason.TEMPLATE: "still the template's example person",
    Reason.SCAN_FAILED: "the scan failed",
    Reason.WRITE_FAILED: "the reports could not be written",
}
# How each status reads on the progress line (msgids, as REASON_TEXT).
STATUS_TEXT = {Status.DONE: "done", Status.REFUSED: "refused", Status.FAILED: "failed"}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Outcome(_Frozen):
    """One profile's result. `folder` is the keyed hash, never the file's name."""

    folder: str
    status: Status
    reason: Reason | None = None
    detail: str = ""  # a key path or an exception type, never a profile value
    findings: int = 0

    def line(self, file_name: str, lang: str = "en") -> str:
        """The progress line, in `lang`; the detail (a key, an exception's type) as is."""
        from exposure_scan.messages import say
        why = f": {say(lang, REASON_TEXT[self.reason])}" if self.reason else ""
        more = f" ({self.detail})" if self.detail else ""
        status = say(lang, STATUS_TEXT[self.status])
        return f"{status} {file_name} -> {self.folder}{why}{more}"


class BatchState(_Frozen):
    """What is recorded in DIR/batch-state.json: per folder, the latest outcome."""

    outcomes: dict[str, Outcome] = Field(default_factory=dict)


class BatchTally(_Frozen):
    total: int
    done: int
    already_done: int  # done in an earlier, interrupted run: not scanned again
    refused: int
    failed: int


def folder_id(path: Path, key: bytes) -> str:
    """A name for the person's folder that holds no personal data and is stable across runs."""
    raw = str(path.resolve()).encode("utf-8")
    return hmac.new(key, raw, hashlib.sha256).hexdigest()[:16]


def load_state(out: Path) -> BatchState:
    path = out / STATE_FILE
    if not path.exists():
        return BatchState()
    raw = read_regular(path, InputError, limit=MAX_STATE_BYTES, expected="a batch state file",
                       missing="run the batch again with a new --out")
    try:
        return BatchState.model_validate(json.loads(raw))
    except (ValueError, ValidationError):
        raise InputError(str(path), "", "is not a batch state file; choose another --out "
                         "(or remove it to start the batch over)") from None


def save_state(out: Path, state: BatchState) -> None:
    replace_private(out / STATE_FILE, state.model_dump_json(indent=1).encode("utf-8"))


def profile_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise InputError(str(folder), "", "is not a folder of profile files (*.toml)")
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


class Progress:
    """Profiles done / total and the ETA, from the pace of this run."""

    def __init__(self, total: int, already: int, echo: Callable[[str], None] | None) -> None:
        self.total, self.count, self.echo = total, already, echo
        self.started, self.here = time.monotonic(), 0

    def tick(self, line: str) -> None:
        self.count += 1
        self.here += 1
        if self.echo is None:
            return
        elapsed = time.monotonic() - self.started
        left = self.total - self.count
        eta = elapsed / self.here * left
        from exposure_scan.messages import say, spoken
        left_words = say(spoken(), "eta %(time)s", {"time": _duration(eta)})
        self.echo(f"[{self.count}/{self.total}] {left_words}  {line}")


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}h{rest // 60:02d}m" if hours else f"{rest // 60}m{rest % 60:02d}s"


class SharedTransport(httpx.AsyncBaseTransport):
    """One connection pool for the whole batch: each scan's client closes its transport when
    it ends, so the batch's is lent out behind this, and closed by the batch."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        return None


def shared_transport(config: Config, resolver: Resolver | None) -> httpx.AsyncBaseTransport:
    """The transport a scan would build for itself (address-checked, or the proxy), made once:
    building one costs ~70 ms of blocking TLS set-up, per person otherwise."""
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=50)
    if config.http.proxy:
        return httpx.AsyncHTTPTransport(proxy=config.http.proxy, limits=limits, trust_env=False)
    return GuardedTransport(AddressGuard(config.http.allow_hosts, resolver), limits=limits)


def check_profile(path: Path) -> tuple[Profile | None, Reason | None, str]:
    try:
        profile = load_profile(path)
    except InputError as exc:
        return None, Reason.INVALID_PROFILE, exc.key
    if profile.is_unfilled_template():
        return None, Reason.TEMPLATE, ""
    if profile.consent is None:
        return None, Reason.NO_CONSENT, ""
    return profile, None, ""


async def run_batch(
    profiles_dir: Path,
    out: Path,
    config: Config,
    registry: Registry,
    *,
    key: bytes,
    organisation: Organisation | None = None,
    formats: list[str] | None = None,
    concurrency: int = 4,
    only: list[str] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    resolver: Resolver | None = None,
    spacing: HostSpacing | None = None,
    echo: Callable[[str], None] | None = None,
    today: date | None = None,
) -> BatchTally:
    """Scan every consented profile in `profiles_dir`; reports go to `out/<folder>/`."""
    from exposure_scan.scan import ScanState, scan

    files = profile_files(profiles_dir)
    make_private_dirs(out)
    state = load_state(out)
    outcomes = dict(state.outcomes)
    ids = {path: folder_id(path, key) for path in files}
    todo = [p for p in files if not _done(outcomes.get(ids[p]))]
    already = len(files) - len(todo)
    spacing = spacing or HostSpacing()  # one per batch: host limits hold across everyone
    slots = asyncio.Semaphore(concurrency)
    progress = Progress(len(files), already, echo)
    formats = formats or list(config.report.formats)
    lock = asyncio.Lock()

    async def one(path: Path) -> None:
        folder = ids[path]
        profile, reason, detail = check_profile(path)
        outcome: Outcome
        if profile is None:
            outcome = Outcome(folder=folder, status=Status.REFUSED, reason=reason, detail=detail)
        else:
            async with slots:
                outcome = await _scan_one(profile, folder)
        async with lock:
            outcomes[folder] = outcome
            try:
                save_state(out, BatchState(outcomes=outcomes))
            except OSError as exc:
                raise ReportError(f"cannot record the progress in {out / STATE_FILE} "
                                  f"({exc.strerror}); the batch stops: free some space, then "
                                  "run it again to resume") from None
        from exposure_scan.messages import spoken
        progress.tick(outcome.line(path.name, spoken()))

    async def _scan_one(profile: Profile, folder: str) -> Outcome:
        # Each person's page texts wait on disk, not in memory, until their reports are written.
        with spooling(bodies=False):
            return await _scan_spooled(profile, folder)

    async def _scan_spooled(profile: Profile, folder: str) -> Outcome:
        try:
            scan_state = ScanState(
                profile=profile,
                config=config,
                providers=registry.configure(config, only=only),
                language=report_language(None, config, profile),
            )
            result = await scan(scan_state, transport=transport, resolver=resolver,
                                spacing=spacing)
        except Exception as exc:  # one person's failure never stops the others
            return Outcome(folder=folder, status=Status.FAILED, reason=Reason.SCAN_FAILED,
                           detail=type(exc).__name__)
        result = stamp(result, profile, organisation, key)
        try:
            await asyncio.to_thread(
                write_outputs, result, profile, out / folder, formats, evidence=None,
                today=today or date.today(),
            )
        except (ExposureScanError, OSError) as exc:
            return Outcome(folder=folder, status=Status.FAILED, reason=Reason.WRITE_FAILED,
                           detail=type(exc).__name__)
        return Outcome(folder=folder, status=Status.DONE, findings=len(result.findings))

    own = transport is None
    inner = shared_transport(config, resolver) if transport is None else transport
    transport = SharedTransport(inner)
    try:
        async with asyncio.TaskGroup() as group:
            for path in todo:
                group.create_task(one(path))
    except* ExposureScanError as group:  # one line at the CLI edge, not a group of them
        raise group.exceptions[0] from None
    finally:
        if own:
            await inner.aclose()

    final = [outcomes[ids[p]] for p in files]
    return BatchTally(
        total=len(files),
        done=sum(o.status is Status.DONE for o in final) - already,
        already_done=already,
        refused=sum(o.status is Status.REFUSED for o in final),
        failed=sum(o.status is Status.FAILED for o in final),
    )


def _done(outcome: Outcome | None) -> bool:
    return outcome is not None and outcome.status is Status.DONE
