"""Benchmark batch scans (issue 12): N fictional profiles against the embedded demo world.

    python bench/batch.py [--profiles 100] [--rate 100] [--concurrency 8]

Every provider talks to the one demo host at `--rate` requests per second, and the batch shares
one HostSpacing, so that host allows at most `rate` requests per second for the whole batch.
The bound those limits imply is therefore (requests the server answered) / rate; the benchmark
prints the wall time, the bound, and the line ``ratio=X.XX`` (wall / bound; target <= 1.3).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import threading
import time
from pathlib import Path

from exposure_scan.batch import run_batch
from exposure_scan.demo import DemoWorld, _Handler, demo_config, write_demo_profiles
from exposure_scan.registry import Registry


class Counter:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests = 0

    def hit(self) -> None:
        with self.lock:
            self.requests += 1


def counted(counter: Counter) -> None:
    """Count every request the demo server answers (robots.txt included): the real load."""
    get, post = _Handler.do_GET, _Handler.do_POST

    def do_get(self: _Handler) -> None:
        counter.hit()
        get(self)

    def do_post(self: _Handler) -> None:
        counter.hit()
        post(self)

    _Handler.do_GET = do_get  # type: ignore[method-assign]
    _Handler.do_POST = do_post  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--profiles", type=int, default=100)
    parser.add_argument("--rate", type=float, default=100.0, help="requests/s to the demo host")
    parser.add_argument("--concurrency", type=int, default=40, help="people scanned at once")
    args = parser.parse_args()
    counter = Counter()
    counted(counter)
    with tempfile.TemporaryDirectory() as tmp, DemoWorld() as world:
        profiles = write_demo_profiles(Path(tmp) / "staff", world.base_url, args.profiles)
        config = demo_config(world.base_url)
        providers = {n: {**t, "rate_limit": args.rate} for n, t in config.providers.items()}
        config = config.model_copy(update={"providers": providers})
        started = time.monotonic()
        tally = asyncio.run(run_batch(
            Path(tmp) / "staff", Path(tmp) / "out", config,
            Registry.discover(include_entry_points=False), key=b"bench" * 8,
            only=DemoWorld.providers, formats=["json"], concurrency=args.concurrency,
        ))
        wall = time.monotonic() - started
    bound = counter.requests / args.rate
    print(f"profiles={len(profiles)} scanned={tally.done} failed={tally.failed} "
          f"requests={counter.requests} rate={args.rate:g}/s concurrency={args.concurrency}")
    print(f"wall={wall:.2f}s bound={bound:.2f}s (requests / rate on the one shared host)")
    print(f"ratio={wall / bound:.2f}")


if __name__ == "__main__":
    main()
