"""Benchmark the page inspector, a whole scan and the CLI against a plain httpx + lxml loop.

    python bench/inspection.py [--pages 200]

The same synthetic pages (50-150 KB of HTML) are served by 10 servers on 127.0.0.2 to
127.0.0.11 (loopback only). The loop fetches them with one httpx client, 8 at a time, and
takes each page's text with lxml. The inspector reads them inside a scan (real fetcher,
reading and matching; politeness off: 1,000 requests/s per host, robots.txt not asked),
timed alone (matching stubbed out) and with matching. End to end, `exposure-scan scan` runs
in a subprocess (interpreter start, imports, a SearXNG stand-in on 127.0.0.12 that finds the
pages, fetching, reading, matching, the history in a temporary database, the HTML and JSON
reports); it runs once on a search that finds nothing first (its fixed cost; when
PYTHONDONTWRITEBYTECODE is set, also with the bytecode cached as an installed copy has it), and the
phases of the full run are printed (start-up to the first search query, to the last page
served, to the exit). The loop is timed first and last, and the ratios use the mean of the two.

Ends with ``cli_ratio=X`` (the CLI's pages/s over the loop's; target >= 0.4) and
``inspector_ratio=Y`` (the inspector's; target >= 0.6).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
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
TARGET_CLI = 0.4
HOSTS = 10
SEARCH_HOST = "127.0.0.12"


class Pages(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    bodies: ClassVar[list[bytes]] = []
    last: ClassVar[float] = 0.0  # when the last page went out

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
        Pages.last = time.perf_counter()


class Search(BaseHTTPRequestHandler):
    """A SearXNG stand-in: the first query finds every page, the others nothing."""

    urls: ClassVar[list[str]] = []
    asked: ClassVar[int] = 0
    first: ClassVar[float] = 0.0  # when the first query came in

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        first = Search.asked == 0
        Search.asked += 1
        if first:
            Search.first = time.perf_counter()
        results = [{"url": u, "title": f"Pagina {i}", "content": "", "engine": "bench"}
                   for i, u in enumerate(self.urls)] if first else []
        body = json.dumps({"query": "", "results": results}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(stack: ExitStack, host: str, handler: type[BaseHTTPRequestHandler] = Pages) -> str:
    server = ThreadingHTTPServer((host, 0), handler)
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


PROFILE = """# A fictional clinician (not a real person), as in the demo.
country = "NL"
language = "en"
role = "gp"

[[names]]
given = "Sanne"
surname = "de Wit"

[[addresses]]
label = "home"
street = "Meidoornstraat"
house_number = "23"
postcode = "3531 AB"
city = "Utrecht"

[[phones]]
label = "mobile"
number = "06-12345678"

[[emails]]
label = "private"
address = "sanne.dewit@example.org"
"""


def run_cli(
    stack: ExitStack, urls: list[str], *, bytecode: Path | None = None, phases: bool = True
) -> tuple[float, int]:
    """`exposure-scan scan` in a subprocess, from its start to its exit: (wall, pages read).
    `bytecode`: a folder where Python caches the bytecode it compiles."""
    Search.urls, Search.asked, Search.first, Pages.last = urls, 0, 0.0, 0.0
    search = serve(stack, SEARCH_HOST, Search)
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
    (folder / "profile.toml").write_text(PROFILE, encoding="utf-8")
    (folder / "config.toml").write_text(
        f"""[scan]
max_pages = {max(len(urls), 1)}
provider_timeout = 600
[http]
retries = 0
respect_robots = false
allow_hosts = ["127.0.0.0/8"]
[report]
formats = ["html", "json"]
[providers.searxng]
base_url = "{search}/searxng"
rate_limit = 1000
max_queries = 1
[providers.inspector]
rate_limit = 1000
allow_hosts = ["127.0.0.0/8"]
""", encoding="utf-8")
    env = {**os.environ, "EXPOSURE_SCAN_KEY_FILE": str(folder / "fingerprint.key")}
    if bytecode is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    command = [sys.executable, "-m", "exposure_scan", "scan", "-q",
               "--profile", str(folder / "profile.toml"), "--config", str(folder / "config.toml"),
               "--out", str(folder / "out"), "--db", str(folder / "history.db"),
               "--provider", "searxng", "--provider", "inspector"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    ended = time.perf_counter()
    reports = sorted((folder / "out").glob("*.json"))
    if not reports:
        raise SystemExit(f"the CLI wrote no report (exit {done.returncode}): {done.stderr[-2000:]}")
    result = json.loads(reports[-1].read_text(encoding="utf-8"))
    read = next(r for r in result["runs"] if r["provider"] == "inspector")["observations"]
    if phases and Search.first:  # where the time went: start-up, the scan, after the last page
        last = max(Pages.last, Search.first)
        print(f"{'  phases':<26} start -> first search {Search.first - started:.2f} s, "
              f"-> last page {last - Search.first:.2f} s, -> exit {ended - last:.2f} s")
    return ended - started, read


def cli_rate(stack: ExitStack, urls: list[str]) -> float:
    """The CLI's pages/s, after its fixed cost alone (a scan that finds no page)."""
    fixed, _ = run_cli(stack, [])
    print(f"{'CLI, no page (fixed cost)':<26} {fixed:.2f} s (start, search, history, HTML + JSON, "
          "exit)")
    if sys.flags.dont_write_bytecode:  # so every run compiles the package's source again
        cache = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        run_cli(stack, [], bytecode=cache, phases=False)  # fills the cache
        cached, _ = run_cli(stack, [], bytecode=cache, phases=False)
        print(f"{'  with bytecode cached':<26} {cached:.2f} s (as an installed copy runs; "
              "PYTHONDONTWRITEBYTECODE is set here)")
    wall, read = run_cli(stack, urls)
    what = "CLI end to end"
    print(f"{what:<26} {read} pages in {wall:.2f} s = {read / wall:.1f} pages/s "
          "(start, search, fetch, read, match, history, HTML + JSON)")
    return read / wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(15)
    Pages.bodies = [synth_page(rng, rng.randint(50_000, 150_000)).encode() for _ in range(50)]
    with ExitStack() as stack:
        bases = [serve(stack, f"127.0.0.{2 + h}") for h in range(HOSTS)]
        urls = [f"{bases[i % HOSTS]}/p/{i}" for i in range(args.pages)]
        first = asyncio.run(loop_rate(urls))
        ours = inspector_rate(urls, matching=False)
        whole = inspector_rate(urls, matching=True)
        cli = cli_rate(stack, urls)
        last = asyncio.run(loop_rate(urls))
    baseline = (first + last) / 2
    print(f"loop mean {baseline:.1f} pages/s; scan_with_matching_ratio={whole / baseline:.2f}")
    print(f"cli_ratio={cli / baseline:.2f} (target >= {TARGET_CLI})")
    print(f"inspector_ratio={ours / baseline:.2f} (target >= {TARGET})")


if __name__ == "__main__":
    main()
