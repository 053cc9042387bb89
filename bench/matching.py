"""Benchmark the profile matcher on a labelled JSONL file (format: bench/MATCHING.md).

    python bench/matching.py DATA.jsonl [--predictions OUT.jsonl] [--errors]

Prints per-field precision, recall and F1, then throughput (structured and text cases per
second, matching only, on one core), and ends with the line ``macro_f1=0.XXXX``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from exposure_scan.matching import Matcher
from exposure_scan.profile import Address, Country, Email, PersonName, Phone, Profile

FIELDS = ("name", "address", "phone", "email")
Case = dict[str, Any]
Prediction = dict[str, Any]


def build_profile(case: Case) -> Profile:
    """The case's profile, validated; if validation rejects it, constructed field by field."""
    data = {**case["profile"], "country": case["country"]}
    try:
        return Profile.model_validate(data)
    except ValidationError:
        return construct_profile(data)


def _country(value: object, default: Country) -> Country:
    if not isinstance(value, str):
        return default
    code = value.strip().upper()
    code = "UK" if code in {"GB", "GBR", "UNITED KINGDOM"} else code
    return Country(code) if code in Country.__members__ else default


def construct_profile(data: dict[str, Any]) -> Profile:
    """model_construct fallback: nested values are still validated where they can be."""
    country = _country(data.get("country"), Country.NL)
    addresses = [
        Address.model_construct(**{**a, "country": _country(a.get("country"), country)})
        for a in data.get("addresses", [])
    ]
    return Profile.model_construct(
        names=[PersonName.model_validate(n) for n in data.get("names", [])],
        addresses=addresses,
        phones=[Phone.model_validate(p) for p in data.get("phones", [])],
        emails=[Email.model_validate(e) for e in data.get("emails", [])],
        country=country,
    )


def predict(matcher: Matcher, candidate: dict[str, str]) -> Prediction:
    found = []
    if "name" in candidate:
        name = matcher.match_name(candidate["name"])
        found.extend([name] if name else [])
    if "address" in candidate:
        found.extend(matcher.match_address(candidate["address"]))
    if "phone" in candidate:
        found.extend(matcher.match_phone(candidate["phone"]))
    if "email" in candidate:
        found.extend(matcher.match_email(candidate["email"]))
    if "text" in candidate:
        found.extend(matcher.match_text(candidate["text"]))
    out: Prediction = {"name": False, "address": [], "phone": [], "email": []}
    for m in found:
        if m.field.value == "name":
            out["name"] = True
        elif m.label not in out[m.field.value]:
            out[m.field.value].append(m.label)
    return out


def score(cases: list[Case], preds: list[Prediction]) -> dict[str, tuple[int, int, int]]:
    counts = {f: [0, 0, 0] for f in FIELDS}
    for case, pred in zip(cases, preds, strict=True):
        for field, expected in case["expect"].items():
            if field == "name":
                exp, got = ({"name"} if expected else set()), ({"name"} if pred["name"] else set())
            else:
                exp, got = set(expected), set(pred[field])
            c = counts[field]
            c[0] += len(exp & got)
            c[1] += len(got - exp)
            c[2] += len(exp - got)
    return {f: (c[0], c[1], c[2]) for f, c in counts.items()}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def throughput(run: Callable[[], object], n: int, min_seconds: float = 1.0) -> float:
    if n == 0:
        return 0.0
    rounds, start = 0, time.perf_counter()
    while True:
        run()
        rounds += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return n * rounds / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--predictions", type=Path)
    parser.add_argument("--errors", action="store_true", help="print the cases got wrong")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    cases = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line]
    matchers: dict[str, Matcher] = {}
    pairs: list[tuple[Matcher, dict[str, str]]] = []
    for case in cases:
        key = json.dumps([case["profile"], case["country"]], sort_keys=True)
        if key not in matchers:
            matchers[key] = Matcher(build_profile(case))
        pairs.append((matchers[key], case["candidate"]))
    preds = [predict(m, c) for m, c in pairs]

    counts = score(cases, preds)
    print(f"{'field':8} {'precision':>9} {'recall':>7} {'f1':>7} {'tp':>6} {'fp':>5} {'fn':>5}")
    f1s = []
    for field in FIELDS:
        tp, fp, fn = counts[field]
        p, r, f = prf(tp, fp, fn)
        f1s.append(f)
        print(f"{field:8} {p:9.4f} {r:7.4f} {f:7.4f} {tp:6d} {fp:5d} {fn:5d}")

    structured = [(m, c) for m, c in pairs if "text" not in c]
    texts = [(m, c) for m, c in pairs if "text" in c]
    s_rate = throughput(lambda: [predict(m, c) for m, c in structured], len(structured))
    t_rate = throughput(lambda: [predict(m, c) for m, c in texts], len(texts))
    print(
        f"throughput: {s_rate:,.0f} structured cases/s ({len(structured)} cases), "
        f"{t_rate:,.0f} text cases/s ({len(texts)} cases), one core, matching only"
    )

    if args.errors:
        for case, pred in zip(cases, preds, strict=True):
            wrong = {
                f: (e, pred[f])
                for f, e in case["expect"].items()
                if (bool(e) != pred[f] if f == "name" else set(e) != set(pred[f]))
            }
            if wrong:
                print(
                    case["id"],
                    case["family"],
                    json.dumps(case["candidate"], ensure_ascii=False),
                    wrong,
                    file=sys.stderr,
                )
    if args.predictions:
        with args.predictions.open("w", encoding="utf-8") as out:
            for case, pred in zip(cases, preds, strict=True):
                out.write(json.dumps({"id": case["id"], **pred}, ensure_ascii=False) + "\n")
    print(f"macro_f1={sum(f1s) / len(f1s):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
