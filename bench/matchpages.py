"""Matching time per page: one observation of about 26 KB of page text, matched whole.

    python bench/matchpages.py [--pages 40] [--size 26000] [--seed 5] [--inspection]

Builds seeded synthetic pages with bench/pages.py (member tables, hCards, articles; every
person invented), reads them with the page reader, puts one of the profile's addresses,
phones and names on every fourth page, and times ``Matcher.match_observation`` on each, on
one core, in CPU time. Prints the text size, the matches found (with a checksum of them, to
compare runs), the time per page for the whole match and for address finding alone, for
the pages that show the profile's values and for those that do not, and ends with
``ms_per_page=X`` (all pages).

--inspection: instead, the pages and profile of bench/inspection.py (50 pages of 50-150 KB
read whole, none showing the profile's values: Sanne de Wit, Meidoornstraat 23).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for bench.*

from bench.pages import synth_page
from exposure_scan.matching import Matcher
from exposure_scan.models import Observation
from exposure_scan.page import PageFacts, read_page
from exposure_scan.profile import Profile

PROFILE = {
    "country": "NL",
    "names": [{"given": "Femke Johanna", "surname": "ter Horst"}],
    "addresses": [
        {"label": "home", "street": "Vlierstraat", "house_number": "41", "addition": "B",
         "postcode": "3817 ZZ", "city": "Zuiderveen"},
        {"label": "practice", "street": "Kastanjeplein", "house_number": "3",
         "postcode": "3818 AB", "city": "Westerdam"},
    ],
    "phones": [{"label": "mobile", "number": "06-48213907"}],
    "emails": [{"label": "private", "address": "femke.terhorst@example.org"}],
}  # fmt: skip

SHOWN = (
    "\nContact: F.J. ter Horst, Vlierstraat 41-B, 3817 ZZ Zuiderveen. Tel. 06-48213907.\n"
    "Praktijk: Kastanjeplein 3, Westerdam\n"
)


def pages(n: int, size: int, seed: int) -> list[Observation]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        html = synth_page(rng, int(size * 2.2))  # about 45 % of the HTML is visible text
        facts = read_page(html.encode(), "text/html; charset=utf-8")
        text = facts.text[:size]
        if i % 4 == 0:
            cut = len(text) // 2
            text = text[:cut] + SHOWN + text[cut:]
        out.append(_observation(i, facts, text))
    return out


def _observation(i: int, facts: PageFacts, text: str) -> Observation:
    return Observation(
        provider="bench",
        url=f"https://example.org/{i}",
        names=facts.names,
        addresses=facts.addresses,
        phones=facts.phones,
        emails=facts.emails,
        text=text,
    )


def inspection_pages(n: int) -> tuple[list[Observation], dict[str, object]]:
    """bench/inspection.py's pages (seeded as there, 50-150 KB) and its profile."""
    import tomllib

    from bench.inspection import PROFILE as INSPECTION_PROFILE

    rng = random.Random(15)
    out = []
    for i in range(n):
        html = synth_page(rng, rng.randint(50_000, 150_000))
        facts = read_page(html.encode(), "text/html; charset=utf-8")
        out.append(_observation(i, facts, facts.text))
    return out, tomllib.loads(INSPECTION_PROFILE)


def timed(run: object, items: list[Observation], rounds: int) -> float:
    """CPU seconds per item, the best of rounds: CPU time, not wall time, so that other work
    on a shared machine disturbs the figure as little as it can."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for obs in items:
            run(obs)  # type: ignore[operator]
        best = min(best, (time.process_time() - start) / len(items))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--size", type=int, default=26_000, help="characters of text per page")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--inspection", action="store_true",
                        help="bench/inspection.py's pages and profile (values on no page)")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    if args.inspection:
        observations, profile = inspection_pages(50)
    else:
        observations, profile = pages(args.pages, args.size, args.seed), PROFILE
    matcher = Matcher(Profile.model_validate(profile))
    found = [matcher.match_observation(obs) for obs in observations]
    digest = hashlib.sha256(
        repr([sorted((m.field.value, m.label, m.observed) for m in f) for f in found]).encode()
    ).hexdigest()[:12]
    mean = sum(len(o.text) for o in observations) / len(observations)
    print(f"{len(observations)} pages, {mean:,.0f} characters of text each on average")
    print(f"matches: {sum(map(len, found))} (checksum {digest})")

    whole = timed(matcher.match_observation, observations, args.rounds)
    names = matcher.names.anchors
    address = timed(
        lambda obs: matcher.addresses.find_in_text(obs.text, names), observations, args.rounds
    )
    print(f"address finding: {address * 1000:.2f} ms/page ({address / whole:.0%} of matching)")
    splits = [] if args.inspection else [
        ("showing", observations[::4]),
        ("not showing", [o for i, o in enumerate(observations) if i % 4]),
    ]
    for what, part in splits:
        each = timed(matcher.match_observation, part, args.rounds)
        print(f"pages {what} the profile's values: {each * 1000:.2f} ms/page ({len(part)} pages)")
    print(f"ms_per_page={whole * 1000:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
