"""Benchmark peak memory: a whole scan of 100 and of 1,000 pages, reports written, each in a
fresh subprocess; then a scan that meets every bomb of the fault world.

    python bench/memory.py [--pages 100 1000] [--skip-bombs]

A search source finds N pages (50-150 KB of synthetic HTML, one in ten naming the fictional
profile with an address); the page inspector reads them all, with page texts spooled to
disk as the CLI spools them; the JSON, Markdown and HTML reports are written as the CLI
writes them. Pages are served by an in-process mock transport
(no packet leaves the process); the bomb scan uses the fault world on 127.0.0.1. The peak is
the child's maximum resident set size (getrusage), which includes the interpreter (~40 MB).

Ends with ``peak_rss_mb_1000=X json_mb_1000=Y`` and their ratios to the targets
(150 MB and 5 MB).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.* and bench.*

TARGET_RSS_MB = 150
TARGET_JSON_MB = 5
TARGET_BOMB_MB = 300


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child(pages: int) -> dict[str, Any]:
    """One scan of `pages` pages, in this process; returns its figures."""
    import httpx

    from bench.pages import synth_page
    from exposure_scan.bodies import spooling
    from exposure_scan.config import Config
    from exposure_scan.inspector import PageInspector
    from exposure_scan.models import Observation
    from exposure_scan.output import write_outputs
    from exposure_scan.profile import Profile
    from exposure_scan.provider import Provider, ProviderContext, Query
    from exposure_scan.registry import Registry
    from exposure_scan.scan import ScanState, scan
    from tests.conftest import SAMPLE_PROFILE, fake_public_resolver

    rng = random.Random(15)
    bodies = [synth_page(rng, rng.randint(50_000, 150_000)) for _ in range(50)]
    mention = ('<p>Huisarts Anna Maria van der Berg, Fictiefstraat 7B, 9999 ZZ Voorbeeldstad, '
               'tel. 06-98765432.</p>')

    class Finder(Provider):
        name: ClassVar[str] = "finder"
        title: ClassVar[str] = "Finds the benchmark's pages"

        async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
            return [Observation(provider=self.name, url=f"https://site{i}.test/p/{i}",
                                inspect=True) for i in range(pages)]

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        i = int(request.url.path.rsplit("/", 1)[-1])
        page = bodies[i % len(bodies)]
        if i % 10 == 0:
            page = page.replace("</body>", mention + "</body>")
        return httpx.Response(200, html=page)

    config = Config.model_validate({
        "scan": {"max_pages": pages, "provider_timeout": 600},
        "http": {"retries": 0},
    })
    profile = Profile.model_validate(SAMPLE_PROFILE)
    held: list[Any] = []

    async def run(state: ScanState) -> None:
        held.append(await scan(state, transport=httpx.MockTransport(handler),
                               resolver=fake_public_resolver))

    started = time.monotonic()
    with spooling(bodies=False), tempfile.TemporaryDirectory() as out:  # as the CLI does
        state = ScanState(profile=profile, config=config,
                          providers=Registry([Finder, PageInspector]).configure(config, env={}))
        asyncio.run(run(state))
        result = held.pop()
        del state
        scanned = time.monotonic() - started
        paths = write_outputs(result, profile, Path(out), ["json", "md", "html"],
                              evidence=None, today=date.today())
        sizes = {p.suffix: p.stat().st_size for p in paths}
    inspector = next(r for r in result.runs if r.provider == "inspector")
    reasons = Counter(p.reason.value for p in inspector.unchecked_parts)
    return {"pages": pages, "unread": dict(reasons), "read": inspector.observations,
            "findings": len(result.findings),
            "scan_s": round(scanned, 1), "peak_rss_mb": round(peak_rss_mb(), 1),
            "json_mb": round(sizes.get(".json", 0) / 1e6, 2),
            "html_mb": round(sizes.get(".html", 0) / 1e6, 2)}


def bomb_child() -> dict[str, Any]:
    """A scan whose inspector meets every bomb path of the fault world on 127.0.0.1."""
    from exposure_scan.config import Config
    from exposure_scan.inspector import PageInspector
    from exposure_scan.models import Observation
    from exposure_scan.profile import Profile
    from exposure_scan.provider import Provider, ProviderContext, Query
    from exposure_scan.registry import Registry
    from exposure_scan.scan import ScanState, scan
    from tests.conftest import SAMPLE_PROFILE
    from tests.faultworld import PAGE_FAULTS, FaultWorld, stub_resolver

    with FaultWorld() as world:
        urls = [world.url(p) for p in PAGE_FAULTS]

        class Bombs(Provider):
            name: ClassVar[str] = "bombs"
            title: ClassVar[str] = "Finds the fault world's bombs"

            async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
                return [Observation(provider=self.name, url=u, inspect=True) for u in urls]

        config = Config.model_validate({
            "scan": {"max_pages": len(urls), "provider_timeout": 120},
            "http": {"retries": 0, "timeout": 5, "allow_hosts": ["127.0.0.0/8"],
                     "respect_robots": False},
            "providers": {"inspector": {"allow_hosts": ["127.0.0.0/8"]}},
        })
        profile = Profile.model_validate(SAMPLE_PROFILE)
        state = ScanState(profile=profile, config=config,
                          providers=Registry([Bombs, PageInspector]).configure(config, env={}))
        result = asyncio.run(scan(state, resolver=stub_resolver))
    inspector = next(r for r in result.runs if r.provider == "inspector")
    return {"bombs": len(urls), "unchecked": len(inspector.unchecked_parts),
            "peak_rss_mb": round(peak_rss_mb(), 1)}


def in_subprocess(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        sys.exit(f"child {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--skip-bombs", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--bomb-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child)))
        return
    if args.bomb_child:
        print(json.dumps(bomb_child()))
        return
    figures = {}
    for pages in args.pages:
        got = in_subprocess("--child", str(pages))
        figures[pages] = got
        print(f"{pages:>5} pages: read {got['read']}, {got['findings']} findings, scan "
              f"{got['scan_s']} s, peak RSS {got['peak_rss_mb']} MB, JSON report "
              f"{got['json_mb']} MB, HTML {got['html_mb']} MB; not read: {got['unread']}")
    if not args.skip_bombs:
        got = in_subprocess("--bomb-child")
        print(f"bombs: {got['bombs']} bomb pages, {got['unchecked']} left unchecked, peak RSS "
              f"{got['peak_rss_mb']} MB (target <= {TARGET_BOMB_MB} MB, ratio "
              f"{got['peak_rss_mb'] / TARGET_BOMB_MB:.2f})")
    last = figures[max(figures)]
    n = max(figures)
    print(f"peak_rss_mb_{n}={last['peak_rss_mb']} (target <= {TARGET_RSS_MB}, ratio "
          f"{last['peak_rss_mb'] / TARGET_RSS_MB:.2f}) json_mb_{n}={last['json_mb']} "
          f"(target <= {TARGET_JSON_MB}, ratio {last['json_mb'] / TARGET_JSON_MB:.2f})")


if __name__ == "__main__":
    main()
