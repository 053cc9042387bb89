"""The Fetcher meets the fault world: each fault ends in its typed error and reason, memory
and time stay bounded, and nothing is fetched from an address the config does not allow.

Every server here listens on 127.0.0.1; inside addresses are names the stub resolver maps,
refused before any connection."""

from __future__ import annotations

import itertools
import time
import tracemalloc
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from exposure_scan.config import HttpSettings
from exposure_scan.errors import (
    BadStatus,
    ConnectionFailed,
    CrawlDelayTooLong,
    ParseError,
    ProviderError,
    RateLimited,
    RedirectLoop,
    RequestRefused,
    RobotsDisallowed,
    TimedOut,
    TooLarge,
    reason_for,
)
from exposure_scan.http import AddressGuard, Fetcher, build_client, redirect_chain
from exposure_scan.inspector import PageInspector
from exposure_scan.models import PartReason
from exposure_scan.provider import Provider, QueryField
from exposure_scan.providers.searxng import SearxngProvider
from tests.conftest import no_sleep
from tests.faultworld import FaultWorld, Robots, brotli_bomb, gzip_bomb, stub_resolver

CAP = 3_000_000
PAGE = [QueryField.FOUND_URL]
Fetch = Callable[..., Awaitable[Any]]


def reader(world: FaultWorld, *extra: str) -> PageInspector:
    inspector = PageInspector()
    inspector.allow_hosts = (world.base_url, *extra)
    return inspector


class Harness:
    def __init__(self, world: FaultWorld, **http: Any) -> None:
        self.settings = HttpSettings(**{"retries": 0, "timeout": 5.0, **http})
        self.guard = AddressGuard(self.settings.allow_hosts, stub_resolver)
        self.client = build_client(self.settings, guard=self.guard)
        self.sleeps: list[float] = []
        self.fetcher = Fetcher(
            self.client,
            self.settings,
            guard=self.guard,
            rates={"searxng": 1000.0, "inspector": 1000.0},
            sleep=self.record_sleep,
        )
        self.source = SearxngProvider(base_url=world.base_url)  # its own origin: allowed
        self.world = world

    async def record_sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        await no_sleep(seconds)

    async def get(self, path: str, provider: Provider | None = None, **kw: Any) -> Any:
        url = path if path.startswith("http") else self.world.url(path)
        return await self.fetcher.request(
            provider or self.source, "GET", url, fields=PAGE, **kw
        )


@pytest.fixture
async def world() -> AsyncIterator[FaultWorld]:
    with FaultWorld() as fault_world:
        yield fault_world


async def expect(harness: Harness, path: str, error: type[ProviderError], **kw: Any) -> Any:
    with pytest.raises(error) as caught:
        async with harness.client:
            await harness.get(path, **kw)
    return caught.value


# Size and memory -----------------------------------------------------------------------


@pytest.mark.parametrize(("path", "build"), [
    ("/gzip-bomb", gzip_bomb),
    ("/br-bomb", brotli_bomb),
])
async def test_a_compression_bomb_is_refused_with_memory_under_twice_the_cap(
    world: FaultWorld, path: str, build: Callable[[], bytes]
) -> None:
    build()  # the 1 GiB bomb (about 1 MB on the wire for gzip) is built before measuring
    harness = Harness(world, max_response_bytes=CAP)
    async with harness.client:
        await harness.get("/ok")  # modules imported on first use are not the body's memory
        tracemalloc.start()
        try:
            with pytest.raises(TooLarge) as caught:
                await harness.get(path)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert reason_for(caught.value) is PartReason.TOO_LARGE
    assert peak < 2 * CAP, f"peak {peak / 1e6:.1f} MB"


@pytest.mark.parametrize("path", ["/gzip-gzip-bomb", "/br-gzip-bomb"])
async def test_stacked_compression_is_refused_before_decoding(world: FaultWorld, path: str) -> None:
    harness = Harness(world)
    tracemalloc.start()
    try:
        error = await expect(harness, path, TooLarge)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "compressed 2 times" in str(error)
    assert peak < CAP


async def test_a_gzip_page_is_decoded_here_and_not_twice(world: FaultWorld) -> None:
    harness = Harness(world)
    async with harness.client:
        response = await harness.get("/gzip-page")
    assert response.text.count("Sanne ") == 1000
    assert "content-encoding" not in response.headers
    assert "br" in world.log[0].headers["Accept-Encoding"]


async def test_an_unknown_content_coding_is_unreadable(world: FaultWorld) -> None:
    error = await expect(Harness(world), "/unknown-coding", ParseError)
    assert reason_for(error) is PartReason.UNREADABLE


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
async def test_a_50_mb_body_is_too_large(world: FaultWorld, path: str) -> None:
    started = time.monotonic()
    await expect(Harness(world), path, TooLarge)
    assert time.monotonic() - started < 5


# Time ----------------------------------------------------------------------------------


async def test_a_slow_drip_ends_at_the_total_deadline(world: FaultWorld) -> None:
    harness = Harness(world, timeout=2.0)
    started = time.monotonic()
    error = await expect(harness, "/drip?every=1", TimedOut)
    elapsed = time.monotonic() - started
    assert reason_for(error) is PartReason.TIMED_OUT
    assert 1.9 <= elapsed < 3.5, elapsed
    assert harness.fetcher.ledger[-1].status == 200  # headers came; the body did not in time


async def test_a_dripping_body_is_not_retried(world: FaultWorld) -> None:
    harness = Harness(world, timeout=1.0, retries=2)
    await expect(harness, "/drip?every=1", TimedOut)
    assert world.paths == ["/drip?every=1"] and harness.sleeps == []


async def test_the_page_reader_obeys_robots_on_every_hop_by_default(world: FaultWorld) -> None:
    harness = Harness(world)
    error = await expect(harness, "/redirect?to=/private/x", RobotsDisallowed,
                         provider=reader(world))
    assert reason_for(error) is PartReason.ROBOTS and "/private/x" not in world.paths


async def test_a_server_that_never_answers_times_out(world: FaultWorld) -> None:
    started = time.monotonic()
    await expect(Harness(world, timeout=1.0), "/hang", TimedOut)
    assert time.monotonic() - started < 2.0


async def test_one_slow_page_does_not_hold_up_the_others(world: FaultWorld) -> None:
    import asyncio

    harness = Harness(world, timeout=1.0)
    async with harness.client:
        outcomes = await asyncio.gather(
            harness.get("/drip?every=1"),
            *(harness.get(f"/page/{i}") for i in range(5)),
            return_exceptions=True,
        )
    assert isinstance(outcomes[0], TimedOut)
    assert all(getattr(o, "status_code", None) == 200 for o in outcomes[1:])


# Statuses and broken answers -------------------------------------------------------------


async def test_429_obeys_retry_after_then_reports_rate_limited(world: FaultWorld) -> None:
    harness = Harness(world, retries=1)
    error = await expect(harness, "/429?after=7", RateLimited)
    assert harness.sleeps == [7.0] and reason_for(error) is PartReason.RATE_LIMITED


@pytest.mark.parametrize("path", ["/500", "/503"])
async def test_server_errors_are_a_bad_status(world: FaultWorld, path: str) -> None:
    error = await expect(Harness(world), path, BadStatus)
    assert reason_for(error) is PartReason.HTTP_STATUS


async def test_a_reset_connection_fails_the_request(world: FaultWorld) -> None:
    error = await expect(Harness(world), "/reset", ConnectionFailed)
    assert reason_for(error) is PartReason.CONNECTION_FAILED


@pytest.mark.parametrize("path", ["/truncated-json", "/malformed-json", "/deep-json"])
async def test_broken_json_is_a_parse_error(world: FaultWorld, path: str) -> None:
    harness = Harness(world)
    with pytest.raises(ParseError):
        async with harness.client:
            await harness.fetcher.get_json(harness.source, world.url(path), fields=[])


async def test_bodies_come_through_byte_exact_with_their_content_type(world: FaultWorld) -> None:
    harness = Harness(world)
    async with harness.client:
        wrong = await harness.get("/wrong-type")
        latin = await harness.get("/invalid-utf8")
        utf16 = await harness.get("/utf16")
        payload = await harness.get("/payload")
    assert wrong.headers["Content-Type"] == "image/png"
    assert b"\xff\xfe" in latin.content
    assert utf16.content.startswith(b"\xff\xfe<\x00")
    assert b"<script>" in payload.content


# Redirects and addresses ------------------------------------------------------------------


async def test_a_redirect_loop_ends(world: FaultWorld) -> None:
    error = await expect(Harness(world), "/loop", RedirectLoop)
    assert reason_for(error) is PartReason.REDIRECT_LOOP


@pytest.mark.parametrize("path", ["/to-sink", "/to-metadata", "/to-private-literal"])
async def test_a_redirect_to_an_address_nobody_allowed_is_never_followed(
    world: FaultWorld, path: str
) -> None:
    error = await expect(Harness(world, allow_hosts=[]), path, RequestRefused)
    assert reason_for(error) is PartReason.REFUSED_ADDRESS
    assert world.sink_log == [] and world.paths == [path]


async def test_the_final_url_and_the_chain_are_on_the_response(world: FaultWorld) -> None:
    harness = Harness(world)
    async with harness.client:
        response = await harness.get("/redirect?to=/page/final")
    assert str(response.url) == world.url("/page/final")
    assert redirect_chain(response) == (world.url("/redirect?to=/page/final"), str(response.url))


# Per-source, per-origin allowances --------------------------------------------------------


async def test_an_origin_allowed_for_a_source_is_not_open_to_the_page_inspector(
    world: FaultWorld,
) -> None:
    harness = Harness(world, allow_hosts=["127.0.0.1"])  # [http]: every source but pages
    async with harness.client:
        assert (await harness.get("/json")).status_code == 200
        with pytest.raises(RequestRefused):
            await harness.get("/page/1", provider=PageInspector())
    assert world.paths == ["/json"]


async def test_a_source_reaches_its_own_origin_only(world: FaultWorld) -> None:
    harness = Harness(world)  # no allow_hosts: the searxng base_url origin only
    async with harness.client:
        assert (await harness.get("/json")).status_code == 200
        with pytest.raises(RequestRefused):
            await harness.get(world.sink_url + "/admin/secret")
    assert world.sink_log == []


async def test_the_inspector_reads_an_inside_origin_only_when_told(world: FaultWorld) -> None:
    harness = Harness(world)
    async with harness.client:
        response = await harness.get("/page/1", provider=reader(world))
        with pytest.raises(RequestRefused):
            await harness.get(world.sink_url + "/x", provider=reader(world))
    assert response.status_code == 200 and world.sink_log == []


# Robots ----------------------------------------------------------------------------------


async def test_a_redirect_into_a_disallowed_path_is_never_requested(world: FaultWorld) -> None:
    harness = Harness(world)
    error = await expect(harness, "/redirect?to=/private/x", RobotsDisallowed,
                         provider=reader(world), robots=True)
    assert reason_for(error) is PartReason.ROBOTS
    assert world.paths == ["/robots.txt", "/redirect?to=/private/x"]


async def test_a_cross_host_redirect_is_checked_against_the_target_hosts_robots(
    world: FaultWorld,
) -> None:
    other = f"http://localhost:{world.port}"
    harness = Harness(world)
    await expect(harness, f"/redirect?to={other}/private/y", RobotsDisallowed,
                 provider=reader(world, other), robots=True)
    assert world.paths == ["/robots.txt", f"/redirect?to={other}/private/y", "/robots.txt"]


@pytest.mark.parametrize("path", ["/page/../private/z", "/%70rivate/z", "/page/./../private/"])
async def test_robots_rules_match_the_url_as_requested(world: FaultWorld, path: str) -> None:
    await expect(Harness(world), path, RobotsDisallowed, provider=reader(world), robots=True)
    assert world.paths == ["/robots.txt"]


@pytest.mark.parametrize(("robots", "allowed"), [
    (Robots(status=500), False),
    (Robots(status=503), False),
    (Robots(hang=True), False),
    (Robots(status=404), True),
    (Robots(status=403), True),
])
async def test_robots_failures_follow_rfc_9309(robots: Robots, allowed: bool) -> None:
    with FaultWorld(robots=robots) as world:
        harness = Harness(world, timeout=1.0)
        async with harness.client:
            allows = await harness.fetcher.robots_allows(reader(world), world.url("/page/1"))
            assert allows is allowed
            if not allowed:
                with pytest.raises(RobotsDisallowed):
                    await harness.get("/page/1", provider=reader(world), robots=True)
        assert "/page/1" not in world.paths


async def test_a_robots_txt_over_the_cap_is_read_up_to_500_kib() -> None:
    with FaultWorld(robots=Robots(pad_to=600 * 1024)) as world:
        harness = Harness(world, max_response_bytes=100_000)
        async with harness.client:
            allows = harness.fetcher.robots_allows
            assert not await allows(reader(world), world.url("/private/a"))
            assert await allows(reader(world), world.url("/tail-rule/a"))  # past 500 KiB


async def test_a_crawl_delay_beyond_the_maximum_leaves_the_host_unchecked() -> None:
    with FaultWorld(robots=Robots(text="User-agent: *\nCrawl-delay: 60\n")) as world:
        harness = Harness(world, max_crawl_delay=10)
        error = await expect(harness, "/page/1", CrawlDelayTooLong,
                             provider=reader(world), robots=True)
    assert reason_for(error) is PartReason.CRAWL_DELAY and "/page/1" not in world.paths


async def test_a_crawl_delay_within_the_maximum_spaces_the_host() -> None:
    import asyncio

    with FaultWorld(robots=Robots(text="User-agent: *\nCrawl-delay: 0.5\n")) as world:
        harness = Harness(world)
        harness.fetcher.sleep = asyncio.sleep
        async with harness.client:
            for i in range(3):
                await harness.get(f"/page/{i}", provider=reader(world), robots=True)
        pages = [hit.at for hit in world.log if hit.path.startswith("/page/")]
    gaps = [b - a for a, b in itertools.pairwise(pages)]
    assert len(pages) == 3 and all(g >= 0.4 for g in gaps), gaps
