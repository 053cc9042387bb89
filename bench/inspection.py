"""Benchmark the page inspector against a plain httpx + lxml fetch-and-text loop.

    python bench/inspection.py [--pages 200]

The same synthetic pages (50-150 KB of HTML) are served by 10 servers on 127.0.0.2 to
127.0.0.11 (loopback only). The inspector reads them inside a scan (real fetcher, reading
and matching; politeness off: 1,000 requests/s per host, robots.txt not asked); the loop
fetches them with one httpx client, 8 at a time, and takes each page's text with lxml. The
inspector is timed twice: with matching, and alone (matching stubbed out).

Ends with ``inspector_ratio=X`` (the inspector's pages/s over the loop's; target >= 0.6).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import threading
import time
from contextlib import ExitStack
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.* and bench.*

import httpx
import lxml.html

from bench.pages import synth_page
from exposure_scan.config import Config
from exposure_scan.inspector import PageInspector
from exposure_scan.models import Observation
from exposure_scan.pipeline import MatchCache
from exposure_scan.profile import Profile
from exposure_scan.provider import Provider, ProviderContext, Query
from exposure_scan.registry import Registry
from exposure_scan.scan import ScanState, scan
from tests.conftest import SAMPLE_PROFILE
from tests.faultworld import stub_resolver

TARGET = 0.6
HOSTS = 10


class Pages(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    bodies: ClassVar[list[bytes]] = []

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        tail = self.path.rsplit("/", 1)[-1]
        body = self.bodies[int(tail) % len(self.bodies)] if tail.isdigit() else b""
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(stack: ExitStack, host: str) -> str:
    server = ThreadingHTTPServer((host, 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stack.callback(server.server_close)
    stack.callback(server.shutdown)
    return f"http://{host}:{server.server_address[1]}"


def inspector_rate(urls: list[str], *, matching: bool) -> float:
    class Finder(Provider):
        name: ClassVar[str] = "finder"
        title: ClassVar[str] = "Finds the benchmark's pages"

        async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
            return [Observation(provider=self.name, url=u, inspect=True) for u in urls]

    config = Config.model_validate({
        "scan": {"max_pages": len(urls), "provider_timeout": 600},
        "http": {"retries": 0, "allow_hosts": ["127.0.0.0/8"], "respect_robots": False},
        "providers": {"inspector": {"rate_limit": 1000, "allow_hosts": ["127.0.0.0/8"]}},
    })
    state = ScanState(profile=Profile.model_validate(SAMPLE_PROFILE), config=config,
                      providers=Registry([Finder, PageInspector]).configure(config, env={}))
    real = MatchCache.match
    if not matching:  # the inspector alone: every page matches nothing, at once
        MatchCache.match = lambda self, obs: []  # type: ignore[method-assign]
    try:
        started = time.perf_counter()
        result = asyncio.run(scan(state, resolver=stub_resolver))
        wall = time.perf_counter() - started
    finally:
        MatchCache.match = real  # type: ignore[method-assign]
    read = next(r for r in result.runs if r.provider == "inspector").observations
    what = "scan (fetch, read, match)" if matching else "inspector (fetch, read)"
    print(f"{what:<26} {read} pages in {wall:.2f} s = {read / wall:.1f} pages/s")
    return read / wall


async def loop_rate(urls: list[str]) -> float:
    slots = asyncio.Semaphore(8)
    chars = 0

    async def one(client: httpx.AsyncClient, url: str) -> None:
        nonlocal chars
        async with slots:
            response = await client.get(url)
        chars += len(lxml.html.fromstring(response.content).text_content())

    started = time.perf_counter()
    async with httpx.AsyncClient() as client:
        await asyncio.gather(*(one(client, u) for u in urls))
    wall = time.perf_counter() - started
    print(f"{'httpx + lxml (fetch, text)':<26} {len(urls)} pages in {wall:.2f} s = "
          f"{len(urls) / wall:.1f} pages/s ({chars / len(urls) / 1000:.0f} K characters a page)")
    return len(urls) / wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(15)
    Pages.bodies = [synth_page(rng, rng.randint(50_000, 150_000)).encode() for _ in range(50)]
    with ExitStack() as stack:
        bases = [serve(stack, f"127.0.0.{2 + h}") for h in range(HOSTS)]
        urls = [f"{bases[i % HOSTS]}/p/{i}" for i in range(args.pages)]
        baseline = asyncio.run(loop_rate(urls))
        whole = inspector_rate(urls, matching=True)
        ours = inspector_rate(urls, matching=False)
    print(f"scan_with_matching_ratio={whole / baseline:.2f} (target >= 0.4 end to end)")
    print(f"inspector_ratio={ours / baseline:.2f} (target >= {TARGET})")


if __name__ == "__main__":
    main()
