"""`providers check`: ask every ready provider its documented, fictional test query once.

Per provider it reports whether the source answered at all (reachable), whether it accepted
the key (authenticated: None when no key is involved or it cannot be told), and whether the
answer had the documented shape (parses: None when there was no answer to judge). It never
raises: an offline machine gives a list of unreachable providers.
"""

from __future__ import annotations

import asyncio

import httpx
from pydantic import BaseModel, ConfigDict

from exposure_scan.config import Config
from exposure_scan.errors import (
    MissingCredentials,
    ParseError,
    ProviderError,
    ProviderResponseError,
    RateLimited,
    RequestRefused,
)
from exposure_scan.failure import failure_reason
from exposure_scan.http import Fetcher, build_client
from exposure_scan.provider import PAGE_READER_STAGE, Provider, ProviderContext
from exposure_scan.registry import Configured, Readiness
from exposure_scan.wording import run_text


class HealthResult(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    provider: str
    reachable: bool
    authenticated: bool | None = None
    parses: bool | None = None
    detail: str = ""


def _transport_failure(exc: BaseException) -> bool:
    """True when the request never got an HTTP answer (connection, DNS, timeout)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, (httpx.TransportError, OSError)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def classify(exc: Exception, keyed: bool | None) -> tuple[bool, str, bool | None, bool | None]:
    """An exception from a provider -> (reachable, detail, authenticated, parses)."""
    if isinstance(exc, MissingCredentials):
        return True, f"key refused: {exc}", False, None
    if isinstance(exc, RateLimited):
        return True, f"rate limited: {exc}", None, None
    if isinstance(exc, ParseError):
        return True, f"response format changed: {exc}", keyed, False
    if isinstance(exc, RequestRefused):
        return False, f"request refused: {exc}", None, None
    if isinstance(exc, ProviderResponseError) and _transport_failure(exc):
        return False, f"unreachable: {exc}", None, None
    if isinstance(exc, ProviderError):
        return True, run_text(exc.reason, detail=str(exc)), keyed, None
    if isinstance(exc, httpx.HTTPError):
        return False, f"unreachable: {failure_reason(exc)}", None, None
    if isinstance(exc, (ValueError, KeyError, TypeError, AttributeError, IndexError)):
        return True, f"response format changed ({type(exc).__name__})", keyed, False
    return False, f"unexpected error: {type(exc).__name__}: {exc}", None, None


async def check_provider(
    provider: Provider, fetcher: Fetcher, timeout: float = 60.0
) -> HealthResult:
    """Run one provider's test query; classify the outcome. Never raises."""
    name = type(provider).name
    keyed = True if provider.api_key else None
    before = sum(1 for e in fetcher.ledger if e.provider == name)
    ctx = ProviderContext(provider, fetcher)
    try:
        async with asyncio.timeout(timeout):
            observations = await provider.search(provider.test_query(), ctx)
    except TimeoutError:
        return HealthResult(
            provider=name, reachable=False, detail=f"no answer within {timeout:g} s"
        )
    except Exception as exc:  # a broken plug-in must not break the check of the others
        reachable, detail, authenticated, parses = classify(exc, keyed)
        return HealthResult(
            provider=name,
            reachable=reachable,
            authenticated=authenticated,
            parses=parses,
            detail=detail,
        )
    if sum(1 for e in fetcher.ledger if e.provider == name) == before:
        return HealthResult(
            provider=name, reachable=False, detail="not checked: its test query sent no request"
        )
    n = len(observations)
    detail = f"ok: {n} {'result' if n == 1 else 'results'} for the test query"
    if ctx.unchecked_parts:
        detail += f"; not checked: {'; '.join(map(str, ctx.unchecked_parts))}"
    return HealthResult(
        provider=name, reachable=True, authenticated=keyed, parses=True, detail=detail
    )


async def check_providers(
    configured: list[Configured], fetcher: Fetcher, *, timeout: float = 60.0
) -> list[HealthResult]:
    """Every ready provider (not the page inspector) once, concurrently; in the given order."""
    ready = [
        c.instance
        for c in configured
        if c.readiness is Readiness.READY
        and c.instance is not None
        and c.cls.stage != PAGE_READER_STAGE
    ]
    return list(await asyncio.gather(*(check_provider(p, fetcher, timeout) for p in ready)))


async def run_checks(
    configured: list[Configured],
    config: Config,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> list[HealthResult]:
    """`providers check`: one shared client, the same guard and spacing as a scan."""
    async with build_client(config.http, transport) as client:
        fetcher = Fetcher(client, config.http, rates={c.cls.name: c.rate_limit for c in configured})
        return await check_providers(configured, fetcher, timeout=config.scan.provider_timeout)
