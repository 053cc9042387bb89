"""The scan orchestrator: the only async code besides the providers.

Stage 1 providers ask their sources; the page inspector reads the result pages they found;
stage 2 providers (archives) follow up on those URLs; then matching and scoring, which are
pure. A failing source becomes an UNCHECKED run with its reason and never stops the scan.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

import httpx

from exposure_scan import __version__
from exposure_scan.catalog import load_catalog
from exposure_scan.config import Config
from exposure_scan.errors import ProviderError
from exposure_scan.failure import failure_reason
from exposure_scan.http import (
    AddressGuard,
    Fetcher,
    HostSpacing,
    Resolver,
    build_client,
    host_of,
)
from exposure_scan.inspector import PageInspector
from exposure_scan.matching import Matcher
from exposure_scan.models import (
    Finding,
    Observation,
    PartReason,
    ProviderRun,
    RunStatus,
    ScanResult,
    SourceKind,
    UncheckedPart,
    utc_now,
)
from exposure_scan.profile import Profile
from exposure_scan.provider import PAGE_READER_STAGE, Provider, ProviderContext, Query, QueryField
from exposure_scan.registry import Configured, Readiness
from exposure_scan.removal import attach_steps
from exposure_scan.scoring import score_findings, summarise


class ScanObserver(Protocol):
    """Progress seam: the CLI draws a progress bar from it; the core never prints."""

    def on_start(self, total: int) -> None: ...
    def on_provider_done(self, run: ProviderRun) -> None: ...
    # Optional: def on_provider_start(self, provider: str) -> None, when a source is asked.


def build_query(
    profile: Profile, cls: type[Provider], allow_private: bool, urls: list[str]
) -> Query:
    """Only the values the provider declares, and private ones only with consent."""
    wanted = {f for f in cls.sends if allow_private or not f.is_private}
    practice = [a for a in profile.addresses if not a.is_private]
    homes = [a for a in profile.addresses if a.is_private]
    emails = [
        e.address
        for e in profile.emails
        if (QueryField.PRIVATE_EMAIL if e.is_private else QueryField.WORK_EMAIL) in wanted
    ]
    phones = [
        p.number
        for p in profile.phones
        if (QueryField.PRIVATE_PHONE if p.is_private else QueryField.WORK_PHONE) in wanted
    ]
    addresses = (practice if QueryField.PRACTICE_ADDRESS in wanted else []) + (
        homes if QueryField.HOME_ADDRESS in wanted else []
    )
    return Query(
        country=profile.country,
        names=list(profile.names) if QueryField.NAME in wanted else [],
        cities=sorted({a.city for a in practice}) if QueryField.CITY in wanted else [],
        emails=emails,
        private_emails=[e.address for e in profile.emails if e.is_private and e.address in emails],
        phones=phones,
        websites=list(profile.websites) if QueryField.WEBSITE in wanted else [],
        usernames=list(profile.usernames) if QueryField.USERNAME in wanted else [],
        addresses=addresses,
        urls=urls if QueryField.FOUND_URL in wanted else [],
        private_phones=[p.number for p in profile.phones if p.is_private and p.number in phones],
        practice_names=sorted({a.name for a in practice if a.name})
        if QueryField.PRACTICE_NAME in wanted
        else [],
        withheld=sorted(f for f in cls.sends - wanted if _has(profile, f)),
    )


def _has(profile: Profile, field: QueryField) -> bool:
    """Whether the profile holds a value of this private field."""
    if field is QueryField.HOME_ADDRESS:
        return any(a.is_private for a in profile.addresses)
    if field is QueryField.PRIVATE_PHONE:
        return any(p.is_private for p in profile.phones)
    return field is QueryField.PRIVATE_EMAIL and any(e.is_private for e in profile.emails)


@dataclass
class ScanState:
    """Everything gathered so far, so that Ctrl-C can still write a partial report."""

    profile: Profile
    config: Config
    providers: list[Configured]
    language: str = "en"
    started_at: datetime = field(default_factory=utc_now)
    runs: dict[str, ProviderRun] = field(default_factory=dict)
    observations: list[Observation] = field(default_factory=list)
    pages_asked: set[str] = field(default_factory=set)
    fetcher: Fetcher | None = None

    def finish(self, *, partial: bool = False) -> ScanResult:
        runs = []
        for item in self.providers:
            name = item.cls.name
            if name in self.runs:
                runs.append(self.runs[name])
            elif item.readiness is not Readiness.READY:
                runs.append(_not_ready_run(item))
            else:
                runs.append(
                    ProviderRun(
                        provider=name,
                        title=item.cls.title,
                        status=RunStatus.UNCHECKED,
                        reason="scan interrupted before this source was asked",
                    )
                )
        findings = find(self.profile, self.observations)
        score, level, confidence = summarise(findings, runs)
        return ScanResult(
            tool_version=__version__,
            started_at=self.started_at,
            finished_at=utc_now(),
            partial=partial,
            language=self.language,
            profile=self.profile.redacted(),
            runs=runs,
            findings=findings,
            ledger=list(self.fetcher.ledger) if self.fetcher else [],
            score=score,
            level=level,
            confidence=confidence,
        )


def classify(observations: list[Observation]) -> list[Observation]:
    """Pure: say what kind of site each page is on.

    A page read by the inspector keeps the kind its finder knew (an archive copy stays an
    archive); otherwise the site catalog decides by host, and the page's own markup last.
    """
    catalog = load_catalog()
    known = {
        o.url: o.source_kind
        for o in observations
        if o.inspect and o.source_kind not in (SourceKind.SEARCH, SourceKind.WEB)
    }
    out = []
    for obs in observations:
        site = catalog.by_host(host_of(obs.url)) if obs.url else None
        update: dict[str, object] = {}
        if site is not None and not obs.site:
            update["site"] = site.domain
        if obs.provider == PageInspector.name:
            if obs.url in known:
                update["source_kind"] = known[obs.url]
            elif site is not None:
                update["source_kind"] = site.kind.source_kind
        out.append(obs.model_copy(update=update) if update else obs)
    return out


def find(profile: Profile, observations: Iterable[Observation]) -> list[Finding]:
    """Pure: match every observation against the profile, then score what matched."""
    observations = classify(list(observations))
    read = {o.url for o in observations if o.provider == PageInspector.name}
    matcher = Matcher(profile)
    matched = []
    for obs in observations:
        if obs.inspect and obs.url in read:
            continue
        matches = matcher.match_observation(obs)
        if matches:
            matched.append((obs, matches))
    return attach_steps(score_findings(profile, matched), profile)


def _not_ready_run(item: Configured) -> ProviderRun:
    cls = item.cls
    if item.readiness is Readiness.DISABLED:
        return ProviderRun(
            provider=cls.name,
            title=cls.title,
            status=RunStatus.DISABLED,
            reason="switched off in the config",
        )
    if item.readiness is Readiness.NOT_SELECTED:
        return ProviderRun(
            provider=cls.name,
            title=cls.title,
            status=RunStatus.SKIPPED,
            reason="not selected for this run",
        )
    if item.readiness is Readiness.STANDBY:
        return ProviderRun(
            provider=cls.name,
            title=cls.title,
            status=RunStatus.SKIPPED,
            reason="another web search is configured",
        )
    if item.readiness is Readiness.NEEDS_KEY:
        reason = f"needs an API key: set {cls.key_env_var}"
    else:
        reason = f"needs a base_url: set [providers.{cls.name}] base_url"
    return ProviderRun(
        provider=cls.name, title=cls.title, status=RunStatus.UNCHECKED, reason=reason
    )


async def run_provider(
    provider: Provider, query: Query, fetcher: Fetcher, timeout: float
) -> tuple[ProviderRun, list[Observation]]:
    cls = type(provider)
    if cls.jurisdiction not in ("global", query.country.value):
        return ProviderRun(
            provider=cls.name,
            title=cls.title,
            status=RunStatus.SKIPPED,
            reason=f"covers {cls.jurisdiction} only",
        ), []
    if query.is_empty():
        return ProviderRun(
            provider=cls.name,
            title=cls.title,
            status=RunStatus.SKIPPED,
            reason="nothing in the profile for this source to look up",
        ), []
    ctx = ProviderContext(provider, fetcher)
    started = time.monotonic()
    status, reason, observations = RunStatus.CHECKED, "", []
    try:
        async with asyncio.timeout(timeout):
            observations = await provider.search(query, ctx)
    except TimeoutError:
        observations = list(ctx.kept)  # what was found before time ran out still counts
        status, reason = RunStatus.UNCHECKED, f"timed out after {timeout:g} s"
    except ProviderError as exc:
        status, reason = RunStatus.UNCHECKED, f"{exc.reason}: {exc}"
    except httpx.HTTPError as exc:
        status, reason = RunStatus.UNCHECKED, f"source error: {failure_reason(exc)}"
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        # A parser meeting a shape it does not know: never "nothing found".
        status, reason = RunStatus.UNCHECKED, f"response format changed ({type(exc).__name__})"
    except Exception as exc:
        # The type only: an exception message may carry the values the provider was sent.
        status, reason = (
            RunStatus.UNCHECKED,
            f"internal error in this provider ({type(exc).__name__})",
        )
    run = ProviderRun(
        provider=cls.name,
        title=cls.title,
        status=status,
        reason=reason,
        observations=len(observations),
        duration_s=round(time.monotonic() - started, 2),
        unchecked_parts=ctx.unchecked_parts,
    )
    return run, observations


async def scan(
    state: ScanState,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    resolver: Resolver | None = None,
    spacing: HostSpacing | None = None,
    observer: ScanObserver | None = None,
) -> ScanResult:
    config = state.config
    ready = [p for p in state.providers if p.readiness is Readiness.READY and p.instance]
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
            urls = _matched_urls(state.profile, state.observations)
            await _run_all(state, providers, urls, observer)
            budget = config.scan.max_pages - len(state.pages_asked)
            pages, left = _pages_to_read(state.observations, state.pages_asked, budget)
            state.pages_asked.update(pages)
            note = (
                UncheckedPart(
                    reason=PartReason.PAGE_BUDGET,
                    detail=f"{left} more pages found but not read: the page budget "
                    "([scan] max_pages) was used up",
                )
                if left
                else None
            )
            await _run_all(state, readers, pages, observer, merge=True, note=note)
    return state.finish()


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
        query = build_query(state.profile, type(provider), config.scan.send_private_values, urls)
        if merge and not query.urls:
            previous = state.runs.get(provider.name)
            if note:  # pages were found, but the budget was used up: partly checked
                base = previous or ProviderRun(
                    provider=provider.name, title=provider.title, status=RunStatus.CHECKED
                )
                if base.status is RunStatus.SKIPPED:
                    base = base.model_copy(update={"status": RunStatus.CHECKED, "reason": ""})
                state.runs[provider.name] = base.model_copy(
                    update={"unchecked_parts": [*base.unchecked_parts, note]}
                )
            elif previous is None:
                state.runs[provider.name] = ProviderRun(
                    provider=provider.name,
                    title=provider.title,
                    status=RunStatus.SKIPPED,
                    reason="no pages were found to read",
                )
            return
        async with slots:
            if observer and hasattr(observer, "on_provider_start"):  # optional hook
                observer.on_provider_start(provider.name)
            run, observations = await run_provider(
                provider, query, fetcher, config.scan.provider_timeout
            )
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
    status = RunStatus.CHECKED
    if RunStatus.UNCHECKED in (first.status, second.status):
        status = RunStatus.UNCHECKED
    return first.model_copy(
        update={
            "status": status,
            "reason": "; ".join(r for r in (first.reason, second.reason) if r),
            "observations": first.observations + second.observations,
            "duration_s": round(first.duration_s + second.duration_s, 2),
            "unchecked_parts": first.unchecked_parts + second.unchecked_parts,
        }
    )


def _pages_to_read(
    observations: list[Observation], asked: set[str], budget: int
) -> tuple[list[str], int]:
    """The hits not yet given to the page reader, within the budget; and how many are left."""
    pending: list[str] = []
    for obs in observations:
        if obs.inspect and obs.url and obs.url not in asked and obs.url not in pending:
            pending.append(obs.url)
    return pending[: max(budget, 0)], max(len(pending) - max(budget, 0), 0)


def _matched_urls(profile: Profile, observations: list[Observation]) -> list[str]:
    """URLs of pages that showed something of the person: what an archive may still hold."""
    if not observations:
        return []
    return sorted({f.observation.url for f in find(profile, observations) if f.observation.url})
