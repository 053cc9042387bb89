"""Benchmark start-up: `exposure-scan --help` and `--version` against a bare Python start.

    python bench/startup.py [--runs 20]

Each command runs `--runs` times in a fresh interpreter (after two warm-up runs); the
median and the best wall time are printed. Ends with ``help_s=X`` and its ratio to the
0.15 s target.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

TARGET_S = 0.15


def timed(cmd: list[str], runs: int) -> tuple[float, float]:
    for _ in range(2):
        subprocess.run(cmd, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    cli = [sys.executable, "-m", "exposure_scan"]
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "exposure-scan --version": [*cli, "--version"],
        "exposure-scan --help": [*cli, "--help"],
    }
    medians = {}
    for label, cmd in cases.items():
        median, best = timed(cmd, args.runs)
        medians[label] = median
        print(f"{label:<26} median {median:.3f} s  best {best:.3f} s  ({args.runs} runs)")
    help_s = medians["exposure-scan --help"]
    print(f"help_s={help_s:.3f} (target <= {TARGET_S} s, ratio {help_s / TARGET_S:.2f}; "
          f"bare python {medians['python -c pass']:.3f} s)")


if __name__ == "__main__":
    main()
