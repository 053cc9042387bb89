"""Benchmark the Fetcher on a loopback world: politeness, bombs and the request deadline.

    python bench/fetch.py [--skip-faults]

1. Politeness: 10 hosts (127.0.0.2 to 127.0.0.11, loopback only) x 10 pages at 5 requests/s
   per host, and the default set-up (40 pages over 10 hosts at 1 request/s), through the real
   guarded transport with 8 fetch slots. Prints the wall time against the politeness bound
   ((pages per host - 1) x gap) and their ratio.
2. Bombs: peak traced memory (tracemalloc) while a 1 GiB gzip bomb (about 1 MB on the wire),
   a brotli bomb and stacked codings are refused under the 3 MB cap.
3. Deadline: how long a request with timeout = 2 lasts against a server dripping 1 byte/s.
4. Throughput: pages/s of the Fetcher (politeness off: 1,000 requests/s per host, robots.txt
   not asked) and of a plain httpx client, 8 requests at a time each, on the 50-150 KB pages
   of bench/inspection.py from 10 loopback servers; and the event loop's CPU time per page.

Ends with the line ``politeness_ratio=X.XX``.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
import tracemalloc
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.faultworld

from exposure_scan.config import HttpSettings
from exposure_scan.errors import ProviderError
from exposure_scan.http import AddressGuard, Fetcher, build_client
from tests.faultworld import FaultWorld, brotli_bomb, gzip_bomb, stub_resolver


class BenchSource:
    """Just enough of a Provider for the Fetcher: an API source allowed on loopback."""

    name = "bench"
    default_rate_limit = 1.0
    base_url = ""
    stage = 1
    allow_hosts = ("127.0.0.0/8",)


async def fetch_all(urls: list[str], rate: float, settings: HttpSettings) -> float:
    guard = AddressGuard(["127.0.0.0/8"], stub_resolver)
    async with build_client(settings, guard=guard) as client:
        fetcher = Fetcher(client, settings, guard=guard, rates={"bench": rate}, concurrency=8)
        source: Any = BenchSource()
        started = time.monotonic()
        await asyncio.gather(*(fetcher.request(source, "GET", u, fields=[]) for u in urls))
        return time.monotonic() - started


def politeness(hosts: int, pages: int, rate: float) -> float:
    with ExitStack() as stack:
        worlds = [stack.enter_context(FaultWorld(host=f"127.0.0.{2 + h}")) for h in range(hosts)]
        per_host = pages // hosts
        urls = [w.url(f"/page/{i}") for w in worlds for i in range(per_host)]
        random.Random(0).shuffle(urls)  # search results come in no particular order
        settings = HttpSettings(retries=0, timeout=10)
        wall = asyncio.run(fetch_all(urls, rate, settings))
    gap = 1.0 / rate
    bound = (per_host - 1) * gap
    ratio = wall / bound
    print(
        f"{hosts} hosts x {per_host} pages at {rate:g}/s per host: wall {wall:.2f} s, "
        f"bound ({per_host} - 1) x {gap:.2f} s = {bound:.2f} s, ratio {ratio:.2f}"
    )
    return ratio


async def refuse(url: str, settings: HttpSettings) -> tuple[str, int]:
    """The outcome of one request and the peak memory traced while it ran (the client, its
    TLS context included, is built and warmed up before tracing starts)."""
    guard = AddressGuard(["127.0.0.1"], stub_resolver)
    async with build_client(settings, guard=guard) as client:
        fetcher = Fetcher(client, settings, guard=guard, rates={"bench": 1000.0})
        # One ordinary page first: modules imported on first use are not the body's memory.
        warm_up = url.rsplit("/", 1)[0] + "/ok"
        await fetcher.request(BenchSource(), "GET", warm_up, fields=[])  # type: ignore[arg-type]
        tracemalloc.start()
        try:
            await fetcher.request(BenchSource(), "GET", url, fields=[])  # type: ignore[arg-type]
            outcome = "read"
        except ProviderError as exc:
            outcome = type(exc).__name__
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return outcome, peak


async def plain_rate(urls: list[str]) -> tuple[float, float]:
    slots = asyncio.Semaphore(8)

    async def one(client: httpx.AsyncClient, url: str) -> None:
        async with slots:
            (await client.get(url)).raise_for_status()

    started, cpu = time.perf_counter(), time.thread_time()
    async with httpx.AsyncClient() as client:
        await asyncio.gather(*(one(client, u) for u in urls))
    return len(urls) / (time.perf_counter() - started), (time.thread_time() - cpu) / len(urls)


async def fetcher_rate(urls: list[str]) -> tuple[float, float]:
    settings = HttpSettings(retries=0, respect_robots=False)
    guard = AddressGuard(["127.0.0.0/8"], stub_resolver)
    started, cpu = time.perf_counter(), time.thread_time()
    async with build_client(settings, guard=guard) as client:
        fetcher = Fetcher(client, settings, guard=guard, rates={"bench": 1000.0}, concurrency=8)
        source: Any = BenchSource()
        await asyncio.gather(*(fetcher.request(source, "GET", u, fields=[]) for u in urls))
    return len(urls) / (time.perf_counter() - started), (time.thread_time() - cpu) / len(urls)


def throughput(pages: int = 400, rounds: int = 3) -> None:
    from bench.inspection import HOSTS, Pages, serve
    from bench.pages import synth_page

    rng = random.Random(15)
    Pages.bodies = [synth_page(rng, rng.randint(50_000, 150_000)).encode() for _ in range(50)]
    with ExitStack() as stack:
        bases = [serve(stack, f"127.0.0.{2 + h}") for h in range(HOSTS)]
        urls = [f"{bases[i % HOSTS]}/p/{i}" for i in range(pages)]
        ours, theirs = [], []
        for _ in range(rounds):  # alternated: the machine's load changes from run to run
            theirs.append(asyncio.run(plain_rate(urls)))
            ours.append(asyncio.run(fetcher_rate(urls)))
    for what, runs in (("httpx client", theirs), ("Fetcher", ours)):
        rate, cpu = max(runs)
        print(f"{what:<12} {pages} pages: {rate:.0f} pages/s, loop CPU {cpu * 1000:.2f} ms a page "
              f"(best of {rounds})")
    print(f"fetcher_over_httpx={max(ours)[0] / max(theirs)[0]:.2f}")


def faults() -> None:
    gzip_bomb()
    brotli_bomb()
    cap = 3_000_000
    settings = HttpSettings(retries=0, timeout=20, max_response_bytes=cap)
    with FaultWorld() as world:
        for path in ("/gzip-bomb", "/br-bomb", "/gzip-gzip-bomb", "/br-gzip-bomb", "/huge"):
            started = time.monotonic()
            outcome, peak = asyncio.run(refuse(world.url(path), settings))
            print(
                f"{path:16} {outcome:10} peak {peak / 1e6:5.2f} MB = {peak / cap:.2f} x cap "
                f"({time.monotonic() - started:.2f} s)"
            )
        started = time.monotonic()
        outcome, _ = asyncio.run(
            refuse(world.url("/drip?every=1"), HttpSettings(retries=0, timeout=2))
        )
        print(f"slow drip, 1 byte/s, timeout = 2: {outcome} after "
              f"{time.monotonic() - started:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-faults", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()
    if not args.skip_faults:
        faults()
    if not args.skip_throughput:
        throughput()
    politeness(10, 40, 1.0)
    ratio = politeness(10, 100, 5.0)
    print(f"politeness_ratio={ratio:.2f}")


if __name__ == "__main__":
    main()
