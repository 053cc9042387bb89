"""Benchmark a whole scan against its politeness bound, on loopback hosts.

    python bench/scan.py

A search source finds the pages; the page inspector reads them from 10 fault-world servers
on 127.0.0.2 to 127.0.0.11 (loopback only), with the real fetcher, robots.txt, reading and
matching. Two cases: 10 hosts x 10 pages at 5 requests/s per host, and the default set-up
(40 pages over 10 hosts at 1 request/s). The politeness bound is the time the busiest host
needs: (pages per host - 1) x the gap between its requests; its arithmetic is printed.

Ends with ``scan_ratio_10x10=X scan_ratio_default=Y`` (target <= 1.2 each).
"""

from __future__ import annotations

import asyncio
import random
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.*

from exposure_scan.config import Config
from exposure_scan.inspector import PageInspector
from exposure_scan.models import Observation
from exposure_scan.profile import Profile
from exposure_scan.provider import Provider, ProviderContext, Query
from exposure_scan.registry import Registry
from exposure_scan.scan import ScanState, scan
from tests.conftest import SAMPLE_PROFILE
from tests.faultworld import FaultWorld, stub_resolver

TARGET = 1.2


def one_case(hosts: int, pages: int, rate: float) -> float:
    with ExitStack() as stack:
        worlds = [stack.enter_context(FaultWorld(host=f"127.0.0.{2 + h}")) for h in range(hosts)]
        per_host = pages // hosts
        urls = [w.url(f"/page/{i}") for w in worlds for i in range(per_host)]
        random.Random(0).shuffle(urls)  # search results come in no particular order

        class Finder(Provider):
            name: ClassVar[str] = "finder"
            title: ClassVar[str] = "Finds the benchmark's pages"

            async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
                return [Observation(provider=self.name, url=u, inspect=True) for u in urls]

        config = Config.model_validate({
            "scan": {"max_pages": pages, "provider_timeout": 300},
            "http": {"retries": 0, "allow_hosts": ["127.0.0.0/8"], "respect_robots": False},
            "providers": {"inspector": {"rate_limit": rate, "allow_hosts": ["127.0.0.0/8"]}},
        })
        state = ScanState(profile=Profile.model_validate(SAMPLE_PROFILE), config=config,
                          providers=Registry([Finder, PageInspector]).configure(config, env={}))
        started = time.monotonic()
        result = asyncio.run(scan(state, resolver=stub_resolver))
        wall = time.monotonic() - started
    inspector = next(r for r in result.runs if r.provider == "inspector")
    gap = 1.0 / rate
    bound = (per_host - 1) * gap
    ratio = wall / bound
    print(f"{hosts} hosts x {per_host} pages at {rate:g}/s per host: {inspector.observations} "
          f"pages read, wall {wall:.2f} s; bound = ({per_host} - 1) x {gap:.2f} s = "
          f"{bound:.2f} s; ratio {ratio:.2f}")
    return ratio


def main() -> None:
    ten = one_case(10, 100, 5.0)
    default = one_case(10, 40, 1.0)
    print(f"scan_ratio_10x10={ten:.2f} scan_ratio_default={default:.2f} (target <= {TARGET})")


if __name__ == "__main__":
    main()
