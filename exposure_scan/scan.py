"""The scan orchestrator: the only async code besides the providers.

Stage 1 providers ask their sources; the page inspector reads the result pages they found;
stage 2 providers (archives) follow up on those URLs. Each result is matched once, as it
arrives, in a worker thread (the pure pipeline is in `pipeline.py`). A failing source becomes
an UNCHECKED run with its reason and never stops the scan; Ctrl-C or SIGTERM ends it with a
partial report that keeps what was found.
"""

from __future__ import annotations

import asyncio
import functools
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

import httpx

from exposure_scan import __version__, bodies
from exposure_scan.config import Config
from exposure_scan.errors import ProviderError
from exposure_scan.failure import failure_reason
from exposure_scan.http import AddressGuard, Fetcher, HostSpacing, Resolver, build_client
from exposure_scan.models import (
    Coverage,
    Observation,
    PartReason,
    ProviderRun,
    ReasonParams,
    RunReason,
    RunStatus,
    ScanResult,
    UncheckedPart,
    utc_now,
)
from exposure_scan.pipeline import MatchCache, MatchOutcome, assess, build_query, classify, find
from exposure_scan.profile import Profile
from exposure_scan.provider import PAGE_READER_STAGE, Provider, ProviderContext, Query
from exposure_scan.registry import Configured, Readiness
from exposure_scan.removal import build_plan
from exposure_scan.scoring import summarise

__all__ = ["ScanObserver", "ScanState", "build_query", "classify", "find", "run_scan", "scan"]


class ScanObserver(Protocol):
    """Progress seam: the CLI draws a progress bar from it; the core never prints."""

    def on_start(self, total: int) -> None: ...
    def on_provider_done(self, run: ProviderRun) -> None: ...
    # Optional: def on_provider_start(self, provider: str) -> None, when a source is asked.


def _run(
    cls: type[Provider],
    status: RunStatus,
    reason: RunReason | None = None,
    params: ReasonParams | None = None,
    detail: str = "",
    **more: Any,
) -> ProviderRun:
    return ProviderRun(
        provider=cls.name,
        title=cls.title,
        status=status,
        reason_code=reason,
        params=params,
        detail=detail,
        web_search=cls.searches_the_web(),
        **more,
    )


@dataclass
class ScanState:
    """Everything gathered so far, so that Ctrl-C or SIGTERM can still write a report."""

    profile: Profile
    config: Config
    providers: list[Configured]
    language: str = "en"
    started_at: datetime = field(default_factory=utc_now)
    runs: dict[str, ProviderRun] = field(default_factory=dict)
    observations: list[Observation] = field(default_factory=list)
    pages_asked: set[str] = field(default_factory=set)
    fetcher: Fetcher | None = None
    # Providers asking their source right now, with what they kept so far.
    active: dict[str, tuple[ProviderContext, float]] = field(default_factory=dict)
    stopped_by: str = ""  # the signal that ended the scan early ("SIGINT", "SIGTERM")
    spool: bodies.BodySpool | None = field(init=False, repr=False)
    cache: MatchCache = field(init=False, repr=False)
    pending: set[asyncio.Future[MatchOutcome]] = field(default_factory=set, init=False)
    loop: asyncio.AbstractEventLoop | None = field(default=None, init=False, repr=False)
    _matcher_thread: ThreadPoolExecutor | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        # The spool of the CLI's `bodies.spooling` block, if any: taken now, since worker
        # threads do not see the context variable.
        self.spool = bodies.CURRENT.get()
        self.cache = MatchCache(self.profile, self.load)

    def load(self, obs: Observation) -> Observation:
        """A spooled observation with its text read back (for matching and scoring)."""
        text = self.spool.text(obs.text_sha256) if self.spool is not None else None
        return obs.model_copy(update={"text": text}) if text else obs

    def _let_go(self, obs: Observation) -> Observation:
        """The observation as the scan holds it: a page's text on disk, its hash in memory."""
        if self.spool is None or not obs.text:
            return obs
        digest = self.spool.keep_text(obs.text)
        return obs.model_copy(update={"text": "", "text_sha256": digest})

    def prepare(self, obs: Observation) -> Observation:
        """Match a result in the worker thread that made it (a page reader's, right after
        the page was read), from memory, then let go of its text: each page matched once,
        as soon as it is read, with no trip to the event loop or back from the spool.
        Returns the observation to hold (`match_soon` finds it matched)."""
        outcome = self.cache.match(obs)
        try:
            held = self._let_go(obs)
        except BaseException:
            # the page is listed as unchecked; its text must not stay in memory (a full
            # disk would otherwise keep every page's text)
            self.cache.forget(obs)
            raise
        self.cache.hold(obs, held, outcome)
        return held

    def match_soon(self, obs: Observation) -> Observation:
        """Start matching a result as it arrives, off the event loop, so a long page never
        delays the requests of other sources. Returns the observation to hold: with a
        spool, its text is on disk and read back only while it is matched."""
        if self.cache.cached(obs):
            return obs
        obs = self._let_go(obs)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # kept from a provider's worker thread: hand it to the loop
            if self.loop is not None and not self.loop.is_closed():
                self.loop.call_soon_threadsafe(self.match_soon, obs)
            return obs  # else `finish` matches it
        self.loop = loop
        if self._matcher_thread is None:
            # One thread: the matcher is CPU-bound (the GIL gains nothing from more) and
            # then never runs on two threads at once.
            self._matcher_thread = ThreadPoolExecutor(1, thread_name_prefix="matcher")
        future = loop.run_in_executor(self._matcher_thread, self.cache.match, obs)
        self.pending.add(future)
        future.add_done_callback(self.pending.discard)
        return obs

    async def matched(self) -> None:
        """Wait until every result so far is matched."""
        while self.pending:
            await asyncio.gather(*self.pending, return_exceptions=True)

    def _stop_matching(self) -> None:
        if self._matcher_thread is not None:
            # Let the page being matched finish, then match the rest on this thread.
            self._matcher_thread.shutdown(wait=True, cancel_futures=True)
            self._matcher_thread = None

    def finish(self, *, partial: bool = False) -> ScanResult:
        self._stop_matching()
        country = self.profile.country.value
        runs = []
        for item in self.providers:
            name = item.cls.name
            if name in self.active:
                runs.append(self._interrupted(item, *self.active[name]))
            elif name in self.runs:
                runs.append(self.runs[name])
            elif item.readiness is not Readiness.READY or not covers(item.cls, country):
                runs.append(_not_ready_run(item, country))
            else:
                runs.append(
                    _run(
                        item.cls,
                        RunStatus.INTERRUPTED if partial else RunStatus.UNCHECKED,
                        RunReason.INTERRUPTED_BEFORE,
                    )
                )
        observations = list(self.observations)
        for ctx, _ in self.active.values():
            observations.extend(ctx.kept)
        assessment = assess(self.profile, observations, self.cache.match, load=self.load)
        runs = _note_unmatched(runs, assessment.unmatched)
        coverage = Coverage.of(runs)
        score, level, confidence = summarise(assessment.findings, coverage)
        return ScanResult(
            tool_version=__version__,
            started_at=self.started_at,
            finished_at=utc_now(),
            partial=partial,
            language=self.language,
            profile=self.profile.redacted(),
            runs=runs,
            findings=assessment.findings,
            ledger=list(self.fetcher.ledger) if self.fetcher else [],
            score=score,
            level=level,
            confidence=confidence,
            coverage=coverage,
            plan=build_plan(assessment.findings, self.profile),
            household=assessment.household,
        )

    def _interrupted(self, item: Configured, ctx: ProviderContext, started: float) -> ProviderRun:
        """A source stopped mid-way: what it found so far counts, the rest is unknown."""
        note = UncheckedPart(reason=PartReason.INTERRUPTED)
        run = _run(
            item.cls,
            RunStatus.INTERRUPTED,
            RunReason.INTERRUPTED,
            observations=len(ctx.kept),
            duration_s=round(time.monotonic() - started, 2),
            unchecked_parts=[*ctx.unchecked_parts, note],
        )
        previous = self.runs.get(item.cls.name)
        return _merge_runs(previous, run) if previous is not None else run


def covers(cls: type[Provider], country: str) -> bool:
    return cls.jurisdiction in ("global", country)


def _note_unmatched(runs: list[ProviderRun], unmatched: list[Observation]) -> list[ProviderRun]:
    """Each observation the matcher failed on, as an unchecked part of its provider's run."""
    if not unmatched:
        return runs
    parts: dict[str, list[UncheckedPart]] = {}
    for obs in unmatched:
        parts.setdefault(obs.provider, []).append(
            UncheckedPart(reason=PartReason.NOT_MATCHED, url=obs.url, title=obs.title)
        )
    out = []
    for run in runs:
        extra = parts.get(run.provider)
        if extra:
            run = run.model_copy(update={"unchecked_parts": [*run.unchecked_parts, *extra]})
        out.append(run)
    return out


def _not_ready_run(item: Configured, country: str) -> ProviderRun:
    """A source that is not asked: another country's (with or without a key), switched off,
    or waiting for a key or base_url the user has not set, which is not a failure."""
    cls = item.cls
    if not covers(cls, country):
        return _other_area(cls)
    if item.readiness is Readiness.DISABLED:
        return _run(cls, RunStatus.DISABLED, RunReason.DISABLED)
    if item.readiness is Readiness.NOT_SELECTED:
        return _run(cls, RunStatus.SKIPPED, RunReason.NOT_SELECTED)
    if item.readiness is Readiness.STANDBY:
        return _run(cls, RunStatus.SKIPPED, RunReason.STANDBY)
    if item.readiness is Readiness.NEEDS_KEY:
        reason = RunReason.NEEDS_KEY
        params = ReasonParams(env_var=cls.key_env_var or "")
    else:
        reason, params = RunReason.NEEDS_BASE_URL, ReasonParams(provider=cls.name)
    return _run(cls, RunStatus.NOT_CONFIGURED, reason, params, manual_check=cls.manual_check)


def _other_area(cls: type[Provider]) -> ProviderRun:
    return _run(cls, RunStatus.SKIPPED, RunReason.OTHER_AREA, ReasonParams(area=cls.jurisdiction))


async def run_provider(
    provider: Provider,
    query: Query,
    fetcher: Fetcher,
    timeout: float,
    ctx: ProviderContext | None = None,
) -> tuple[ProviderRun, list[Observation]]:
    cls = type(provider)
    if not covers(cls, query.country.value):
        return _other_area(cls), []
    if query.is_empty():
        return _run(cls, RunStatus.SKIPPED, RunReason.NOTHING_TO_LOOK_UP), []
    ctx = ctx or ProviderContext(provider, fetcher)
    started = time.monotonic()
    status, reason, observations = RunStatus.CHECKED, None, []
    params, detail = None, ""
    try:
        async with asyncio.timeout(timeout):
            observations = await provider.search(query, ctx)
    except TimeoutError:
        status, reason = RunStatus.UNCHECKED, RunReason.TIMED_OUT
        params = ReasonParams(seconds=timeout)
    except ProviderError as exc:
        status, reason, detail = RunStatus.UNCHECKED, _code(exc), str(exc)
    except httpx.HTTPError as exc:
        status, reason = RunStatus.UNCHECKED, RunReason.SOURCE_ERROR
        detail = failure_reason(exc)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        # A parser meeting a shape it does not know: never "nothing found".
        status, reason = RunStatus.UNCHECKED, RunReason.FORMAT_CHANGED
        params = ReasonParams(kind=type(exc).__name__)
    except Exception as exc:
        # The type only: an exception message may carry the values the provider was sent.
        status, reason = RunStatus.UNCHECKED, RunReason.INTERNAL_ERROR
        params = ReasonParams(kind=type(exc).__name__)
    if status is RunStatus.UNCHECKED:
        # What the source found before it failed still counts (a 429 on the second query
        # must not drop the doxing post the first one found); the run stays unchecked.
        observations = list(ctx.kept)
    run = _run(
        cls,
        status,
        reason,
        params,
        detail,
        observations=len(observations),
        duration_s=round(time.monotonic() - started, 2),
        unchecked_parts=ctx.unchecked_parts,
    )
    return run, observations


def _code(exc: ProviderError) -> RunReason:
    """The error's reason; a plugin's error class that still names it in words counts as
    a failure (its message goes into `detail`)."""
    reason: object = exc.reason
    return reason if isinstance(reason, RunReason) else RunReason.FAILED


async def scan(
    state: ScanState,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    resolver: Resolver | None = None,
    spacing: HostSpacing | None = None,
    observer: ScanObserver | None = None,
) -> ScanResult:
    config = state.config
    country = state.profile.country.value
    state.loop = asyncio.get_running_loop()
    # Another country's source is not asked, whatever its key (the report says "skipped").
    ready = [
        p
        for p in state.providers
        if p.readiness is Readiness.READY and p.instance and covers(p.cls, country)
    ]
    if observer:
        # Page readers run once after each stage.
        observer.on_start(sum(2 if p.cls.stage == PAGE_READER_STAGE else 1 for p in ready))
    guard = AddressGuard(config.http.allow_hosts, resolver)
    async with build_client(config.http, transport, guard) as client:
        fetcher = Fetcher(
            client,
            config.http,
            guard=guard,
            spacing=spacing,
            rates={p.cls.name: p.rate_limit for p in state.providers},
            concurrency=max(4, config.scan.concurrency * 2),
        )
        state.fetcher = fetcher
        readers = [p.instance for p in ready if p.cls.stage == PAGE_READER_STAGE and p.instance]
        for stage in (1, 2):
            providers = [p.instance for p in ready if p.cls.stage == stage and p.instance]
            urls = await _matched_urls(state) if providers and stage > 1 else []
            await _run_all(state, providers, urls, observer)
            budget = config.scan.max_pages - len(state.pages_asked)
            pages, left = _pages_to_read(state.observations, state.pages_asked, budget)
            state.pages_asked.update(pages)
            note = (
                UncheckedPart(reason=PartReason.PAGE_BUDGET, params=ReasonParams(count=left))
                if left
                else None
            )
            await _run_all(state, readers, pages, observer, merge=True, note=note)
        await state.matched()
    return state.finish()


async def run_scan(
    state: ScanState,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    resolver: Resolver | None = None,
    spacing: HostSpacing | None = None,
    observer: ScanObserver | None = None,
) -> ScanResult:
    """`scan`, ended by Ctrl-C or SIGTERM (a cron `timeout`, a systemd stop) with a partial
    report that keeps what was found. The CLI runs this; tests may run `scan` directly."""
    main = asyncio.current_task()
    assert main is not None

    def stop(name: str) -> None:
        if not state.stopped_by:
            state.stopped_by = name
            main.cancel()

    restore = _catch_stop_signals(asyncio.get_running_loop(), stop)
    try:
        return await scan(
            state, transport=transport, resolver=resolver, spacing=spacing, observer=observer
        )
    except asyncio.CancelledError:
        if not state.stopped_by:
            raise
        main.uncancel()
        return state.finish(partial=True)
    finally:
        restore()


def _catch_stop_signals(
    loop: asyncio.AbstractEventLoop, stop: Callable[[str], None]
) -> Callable[[], None]:
    """Route SIGINT and SIGTERM to `stop`; returns what puts the old handlers back.

    Where the loop has no signal API (Windows) SIGTERM goes through `signal.signal`, and
    Ctrl-C stays a KeyboardInterrupt, which the CLI turns into a partial report too."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None  # signals are delivered to the main thread only
    undo: list[Callable[[], object]] = []
    for name in ("SIGINT", "SIGTERM"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            loop.add_signal_handler(signum, stop, name)
        except (NotImplementedError, RuntimeError, ValueError):
            if name != "SIGTERM":
                continue

            def handler(_signum: int, _frame: object, name: str = name) -> None:
                loop.call_soon_threadsafe(stop, name)

            previous = signal.signal(signum, handler)
            undo.append(functools.partial(signal.signal, signum, previous))
        else:
            undo.append(functools.partial(loop.remove_signal_handler, signum))

    def restore() -> None:
        for step in reversed(undo):
            step()

    return restore


async def _run_all(
    state: ScanState,
    providers: list[Provider],
    urls: list[str],
    observer: ScanObserver | None,
    *,
    merge: bool = False,
    note: UncheckedPart | None = None,
) -> None:
    fetcher = state.fetcher
    assert fetcher is not None
    config = state.config
    slots = asyncio.Semaphore(config.scan.concurrency)

    async def one(provider: Provider) -> None:
        titles = {o.url: o.title for o in state.observations if o.inspect and o.title}
        query = build_query(
            state.profile, type(provider), config.scan.send_private_values, urls, titles
        )
        if merge and not query.urls:
            previous = state.runs.get(provider.name)
            if note:  # pages were found, but the budget was used up: partly checked
                base = previous or _run(type(provider), RunStatus.CHECKED)
                if base.status is RunStatus.SKIPPED:
                    base = base.model_copy(update={"status": RunStatus.CHECKED}).because(None)
                state.runs[provider.name] = base.model_copy(
                    update={"unchecked_parts": [*base.unchecked_parts, note]}
                )
            elif previous is None:
                state.runs[provider.name] = _run(
                    type(provider), RunStatus.SKIPPED, RunReason.NO_PAGES
                )
            return
        ctx = ProviderContext(provider, fetcher, on_keep=state.match_soon, on_made=state.prepare)
        async with slots:
            # Until it returns, a stop signal reports it as interrupted, with ctx.kept.
            state.active[provider.name] = (ctx, time.monotonic())
            if observer and hasattr(observer, "on_provider_start"):  # optional hook
                observer.on_provider_start(provider.name)
            run, observations = await run_provider(
                provider, query, fetcher, config.scan.provider_timeout, ctx
            )
            del state.active[provider.name]
        observations = [state.match_soon(obs) for obs in observations]
        if note:
            run = run.model_copy(update={"unchecked_parts": [*run.unchecked_parts, note]})
        state.observations.extend(observations)
        previous = state.runs.get(run.provider)
        if merge and previous is not None:
            run = _merge_runs(previous, run)
        state.runs[run.provider] = run
        if observer:
            observer.on_provider_done(run)

    async with asyncio.TaskGroup() as group:
        for provider in providers:
            group.create_task(one(provider))


def _merge_runs(first: ProviderRun, second: ProviderRun) -> ProviderRun:
    """Two rounds of the page reader as one run: the worse status, with its reason."""
    status, why = RunStatus.CHECKED, None
    for worse in (RunStatus.INTERRUPTED, RunStatus.UNCHECKED):
        if worse in (first.status, second.status):
            status = worse
            why = first if first.status is worse else second
            break
    merged = first.model_copy(
        update={
            "status": status,
            "observations": first.observations + second.observations,
            "duration_s": round(first.duration_s + second.duration_s, 2),
            "unchecked_parts": first.unchecked_parts + second.unchecked_parts,
        }
    )
    if why is None:
        return merged.because(None)
    return merged.because(why.reason_code, why.params, why.detail)


def _pages_to_read(
    observations: list[Observation], asked: set[str], budget: int
) -> tuple[list[str], int]:
    """The hits not yet given to the page reader, within the budget; and how many are left."""
    pending: list[str] = []
    for obs in observations:
        if obs.inspect and obs.url and obs.url not in asked and obs.url not in pending:
            pending.append(obs.url)
    return pending[: max(budget, 0)], max(len(pending) - max(budget, 0), 0)


async def _matched_urls(state: ScanState) -> list[str]:
    """URLs of pages that showed something of the person: what an archive may still hold.
    Reuses the matches made as the results came in."""
    if not state.observations:
        return []
    await state.matched()
    findings = find(state.profile, state.observations, state.cache.match, state.load)
    return sorted({f.observation.url for f in findings if f.observation.url})
