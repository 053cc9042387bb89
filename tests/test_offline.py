"""A scan with no network: every source fails fast as unchecked, none waits out its spacing."""

from __future__ import annotations

import asyncio
import time

import httpx

from exposure_scan.config import Config
from exposure_scan.errors import ConnectionFailed
from exposure_scan.models import PartReason, RunStatus
from exposure_scan.profile import Profile
from exposure_scan.registry import Registry
from exposure_scan.scan import ScanState, scan
from tests.conftest import fake_public_resolver, make_fetcher


def unreachable(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno -3] Temporary failure in name resolution")


def test_an_offline_scan_finishes_in_seconds_with_every_source_unchecked(
    profile: Profile,
) -> None:
    config = Config()  # default retries and rate limits (Gravatar: one request in 37 s)
    assert config.http.retries > 0
    providers = Registry.discover(include_entry_points=False).configure(config, env={})
    state = ScanState(profile=profile, config=config, providers=providers)
    started = time.monotonic()
    result = asyncio.run(
        scan(state, transport=httpx.MockTransport(unreachable), resolver=fake_public_resolver)
    )
    elapsed = time.monotonic() - started
    assert elapsed < 5.0, f"an offline scan took {elapsed:.1f} s"
    asked = {r.provider: r for r in result.runs if r.status.asked}
    assert {"gravatar", "big_register", "rdap"} <= set(asked)
    for name, run in asked.items():
        assert run.status is RunStatus.UNCHECKED, name
        if name != "ddgs":  # the web search library does its own HTTP (stubbed offline here)
            assert "connect" in run.reason, (name, run.reason)


async def test_a_refused_connection_is_not_retried_but_a_429_still_is() -> None:
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.url.host)
        if request.url.host == "down.test":
            raise httpx.ConnectError("[Errno 111] Connection refused")
        if len(sent) == 2:  # the first request to busy.test
            return httpx.Response(429, headers={"Retry-After": "3"})
        return httpx.Response(200, json={})

    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    from tests.test_http import PROVIDER

    fetcher, client = make_fetcher(httpx.MockTransport(handler), retries=2)
    fetcher.sleep = sleep
    async with client:
        try:
            await fetcher.request(PROVIDER, "GET", "https://down.test/", fields=[])
        except ConnectionFailed as exc:
            assert exc.part_reason is PartReason.CONNECTION_FAILED
            assert "connection refused" in str(exc)
        else:
            raise AssertionError("a refused connection must fail")
        response = await fetcher.request(PROVIDER, "GET", "https://busy.test/", fields=[])
    assert response.status_code == 200
    assert sent == ["down.test", "busy.test", "busy.test"]  # down.test asked once
    assert 3.0 in waits  # Retry-After still obeyed
