"""Benchmark report rendering: time per format for a report of 500 findings.

    python bench/reports.py [--findings 500] [--repeat 3]

500 fictional findings over 250 sites (people-search listings, forum posts, practice
pages), each with a page text of a few KB that shows the matched values; the action plan is
built as a scan builds it. Each format is rendered `--repeat` times and the best time kept;
the PDF goes through the local Chromium (skipped when there is none). No network.

Ends with ``pdf_s=X`` and its ratio to the 5 s target.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.*

from exposure_scan.models import (
    FieldKind,
    FieldMatch,
    Finding,
    Observation,
    ScanResult,
    Severity,
    SourceKind,
)
from exposure_scan.output import render
from exposure_scan.profile import Profile
from exposure_scan.removal import build_plan, steps_for
from exposure_scan.reports.pdf import find_chromium
from tests.conftest import SAMPLE_PROFILE

TARGET_PDF_S = 5.0
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
WORDS = "de het een praktijk huisarts afspraak bericht vereniging nieuws leden week".split()
KINDS = [(SourceKind.PEOPLE_SEARCH, Severity.CRITICAL, 95), (SourceKind.FORUM, Severity.HIGH, 70),
         (SourceKind.PRACTICE_SITE, Severity.INFO, 5), (SourceKind.WEB, Severity.MEDIUM, 40)]


def sample(n: int, rng: random.Random) -> ScanResult:
    profile = Profile.model_validate(SAMPLE_PROFILE)
    name = FieldMatch(field=FieldKind.NAME, label="", observed="Anna Maria van der Berg",
                      confidence=0.97, reason="given names and surname agree")
    home = FieldMatch(field=FieldKind.ADDRESS, label="home", observed="Fictiefstraat 7B",
                      confidence=0.95, reason="street and number agree", private=True)
    mobile = FieldMatch(field=FieldKind.PHONE, label="mobile", observed="06-98765432",
                        confidence=1.0, reason="same number", private=True)
    findings = []
    for i in range(n):
        kind, severity, score = KINDS[i % len(KINDS)]
        matches = [name, home] if i % 2 else [name, mobile]
        filler = " ".join(rng.choice(WORDS) for _ in range(600))
        text = (f"{filler} Anna Maria van der Berg, Fictiefstraat 7B, 9999 ZZ Voorbeeldstad, "
                f"06-98765432. {filler}")
        obs = Observation(provider="inspector", url=f"https://site{i // 2}.example/p/{i}",
                          title=f"Pagina {i}", source_kind=kind, text=text,
                          snippet=text[:200], seen_at=T0, body_sha256=f"{i:064x}")
        finding = Finding(id=f"{i:016x}", observation=obs, matches=matches,
                          severity=severity, score=score)
        findings.append(finding.model_copy(update={"steps": steps_for(finding, "NL")}))
    return ScanResult(tool_version="bench", started_at=T0, finished_at=T0, language="en",
                      profile={"country": "NL", "role": "gp"}, findings=findings,
                      plan=build_plan(findings, profile), score=99, level="critical")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    result = sample(args.findings, random.Random(15))
    formats = ["json", "md", "html"] + (["pdf"] if find_chromium() else [])
    best: dict[str, float] = {}
    for fmt in formats:
        times, size = [], 0
        for _ in range(args.repeat if fmt != "pdf" else max(1, args.repeat - 1)):
            started = time.perf_counter()
            size = len(render(result, fmt))
            times.append(time.perf_counter() - started)
        best[fmt] = min(times)
        print(f"{fmt:>4}: {best[fmt]:6.2f} s  {size / 1e6:6.2f} MB  ({args.findings} findings, "
              f"{len(result.plan)} plan steps)")
    if "pdf" in best:
        print(f"pdf_s={best['pdf']:.2f} (target <= {TARGET_PDF_S:.0f} s, ratio "
              f"{best['pdf'] / TARGET_PDF_S:.2f})")
    else:
        print("pdf_s=n/a (no Chromium on PATH)")


if __name__ == "__main__":
    main()
