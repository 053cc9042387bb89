# ruff: noqa: E501, C901
"""Page reading speed: the lxml reader against the BeautifulSoup reader it replaced.

    python bench/pages.py [--pages 100] [--seed 3]

Builds seeded synthetic pages of 50-150 KB (navigation, articles, member tables, hCards,
microdata, JSON-LD, scripts and styles; every person invented), reads each with both
readers, checks that both give the same names, addresses, phones, emails, title and kind,
and prints pages/s and ms/page for each (and how much of the lxml reader's time holds no
GIL), then the ratio. Also times a page of 3,000 nested hCards. The old reader needs
beautifulsoup4 (a test extra); without it only the new one runs.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from typing import Any

from exposure_scan.page import PageFacts, read_page

GIVEN = ["Anouk", "Bram", "Chaimae", "Daan", "Elif", "Femke", "Gijs", "Hamza", "Iris", "Joost"]
SURNAMES = ["de Beuk", "van Lommel", "Kraanvogel", "ter Horst", "Ouddijk", "Zandvliet", "Elzinga"]
STREETS = ["Wilgenlaan", "Kastanjeplein", "Vlierstraat", "Hazelaarweg", "Lijsterbeslaan"]
CITIES = ["Zuiderveen", "Oosterbroek", "Westerdam", "Noordhoven"]
WORDS = (
    "de het een van en in op te dat die voor met zijn aan er niet ook als bij nog wel naar "
    "vergadering bestuur leden afdeling verslag jaar activiteiten gemeente raad besluit"
).split()


def person(rng: random.Random) -> dict[str, str]:
    return {
        "name": f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}",
        "street": f"{rng.choice(STREETS)} {rng.randint(1, 200)}",
        "postcode": f"{rng.randint(1000, 9999)} {rng.choice('ABCDEFGH')}{rng.choice('JKLMNPRS')}",
        "city": rng.choice(CITIES),
        "phone": f"06-{rng.randint(10_000_000, 99_999_999)}",
        "email": f"lid{rng.randint(1, 9999)}@voorbeeld.example",
    }


def paragraph(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    for i in range(0, n, 9):
        words[i] = f'<a href="/p/{rng.randint(1, 999)}">{words[i]}</a>'
    for i in range(4, n, 13):
        words[i] = f"<b>{words[i]}</b>"
    return "<p>" + " ".join(words) + ".</p>"


def synth_page(rng: random.Random, size: int) -> str:
    people = [person(rng) for _ in range(8)]
    head = [
        "<!doctype html><html lang=nl><head><meta charset=utf-8>",
        f"<title>Vereniging {rng.choice(CITIES)} — ledenlijst</title>",
        '<meta name="description" content="Nieuws en leden van de vereniging.">',
        "<style>" + "body{margin:0}.x{color:red}" * 40 + "</style>",
        "<script>" + "var a=1;function f(){return a<2&&a>0}" * 40 + "</script>",
        '<script type="application/ld+json">'
        + json.dumps({"@context": "https://schema.org", "@type": "Person", "name": people[0]["name"],
                      "telephone": people[0]["phone"], "address": {"@type": "PostalAddress",
                      "streetAddress": people[0]["street"], "postalCode": people[0]["postcode"],
                      "addressLocality": people[0]["city"]}})
        + "</script></head><body>",
        "<header><nav><ul>" + "".join(f'<li><a href="/m/{i}">Menu {i}</a></li>' for i in range(30)) + "</ul></nav></header>",
    ]
    body: list[str] = []
    p = people[1]
    body.append(
        f'<div class="vcard"><span class="fn">{p["name"]}</span><div class="adr">'
        f'<span class="street-address">{p["street"]}</span> <span class="postal-code">{p["postcode"]}</span> '
        f'<span class="locality">{p["city"]}</span></div><span class="tel">{p["phone"]}</span>'
        f'<a class="email" href="mailto:{p["email"]}">mail</a></div>'
    )
    p = people[2]
    body.append(
        f'<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">{p["name"]}</span>'
        f'<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">'
        f'<span itemprop="streetAddress">{p["street"]}</span>, <span itemprop="postalCode">{p["postcode"]}</span> '
        f'<span itemprop="addressLocality">{p["city"]}</span></div>'
        f'<span itemprop="telephone">{p["phone"]}</span></div>'
    )
    rows = "".join(
        f'<tr><td>{q["name"]}</td><td>{q["street"]}</td><td>{q["city"]}</td>'
        f'<td><a href="tel:{q["phone"]}">{q["phone"]}</a></td><td><a href="mailto:{q["email"]}">{q["email"]}</a></td></tr>'
        for q in people[3:]
    )
    body.append(f"<table><thead><tr><th>Naam</th><th>Adres</th></tr></thead><tbody>{rows}</tbody></table>")
    while sum(map(len, head)) + sum(map(len, body)) < size:
        body.append(
            f'<article class="post"><h2>{rng.choice(WORDS).title()} {rng.choice(WORDS)}</h2>'
            f'<div class="meta"><span>{rng.choice(people)["name"]}</span> · <time>2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}</time></div>'
            + "".join(paragraph(rng, rng.randint(30, 90)) for _ in range(rng.randint(2, 5)))
            + "</article>"
        )
    foot = "<footer>" + "".join(f'<a href="/f/{i}">Link {i}</a> ' for i in range(40)) + "</footer></body></html>"
    return "".join(head) + "".join(body) + foot


def nested_vcards(n: int = 3000) -> str:
    return "<html><body>" + '<div class="vcard"><span class="fn">Fictief Persoon</span>' * n + "</div>" * n + "</body></html>"


def facts_key(facts: Any) -> tuple[Any, ...]:
    return (facts.title, facts.names, facts.addresses, facts.phones, facts.emails, facts.kind)


def legacy_reader() -> Callable[[str], Any] | None:
    """The BeautifulSoup reader this replaced (as of 4d9bde2), for the comparison."""
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        return None
    from urllib.parse import unquote

    from exposure_scan.page import PERSON_TYPES, _walk_jsonld, page_kind

    def prop(scope: Any, name: str) -> str:
        el = scope.select_one(f"[itemprop={name}]")
        return str(el.get_text(" ", strip=True)) if el else ""

    def read(html: str) -> PageFacts:
        soup = BeautifulSoup(html, "lxml")
        facts = PageFacts()
        kinds: set[str] = set()
        for script in soup.select('script[type="application/ld+json"]'):
            try:
                _walk_jsonld(json.loads(script.string or ""), facts, kinds)
            except (ValueError, RecursionError):
                continue
        for scope in soup.select("[itemscope][itemtype]"):
            itemtype = str(scope.get("itemtype", "")).rsplit("/", 1)[-1]
            kinds.add(itemtype)
            if itemtype == "PostalAddress":
                parts = [prop(scope, p) for p in ("streetAddress", "postalCode", "addressLocality", "addressRegion")]
                facts.add(facts.addresses, ", ".join(p for p in parts if p))
            elif itemtype in PERSON_TYPES:
                facts.add(facts.names, prop(scope, "name"))
        for el in soup.select("[itemprop=telephone]"):
            facts.add(facts.phones, el.get_text(" ", strip=True))
        for el in soup.select("[itemprop=email]"):
            facts.add(facts.emails, el.get_text(" ", strip=True).removeprefix("mailto:"))
        for card in soup.select(".vcard, .h-card"):
            for sel in (".fn", ".p-name"):
                el = card.select_one(sel)
                if el:
                    facts.add(facts.names, el.get_text(" ", strip=True))
            for adr in card.select(".adr, .h-adr, .p-adr"):
                facts.add(facts.addresses, adr.get_text(", ", strip=True))
            for el in card.select(".tel, .p-tel"):
                facts.add(facts.phones, el.get_text(" ", strip=True))
            for el in card.select(".email, .u-email"):
                href = str(el.get("href", ""))
                facts.add(facts.emails, href.removeprefix("mailto:") or el.get_text(strip=True))
        for a in soup.select("a[href]"):
            href = str(a.get("href", "")).strip()
            if href.lower().startswith("tel:"):
                facts.add(facts.phones, unquote(href[4:]))
            elif href.lower().startswith("mailto:"):
                facts.add(facts.emails, unquote(href[7:]).split("?", 1)[0])
        facts.kind = page_kind(kinds)
        if soup.title and soup.title.string:
            facts.title = " ".join(soup.title.string.split())[:300]
        for el in soup(["script", "style", "noscript", "template"]):
            el.decompose()
        facts.text = soup.get_text("\n")
        return facts

    return read


def timed(read: Callable[[str], Any], pages: list[str]) -> tuple[float, float, list[Any]]:
    """Wall and CPU seconds (CPU time is steadier on a shared machine) and the results."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = [read(p) for p in pages]
    return time.perf_counter() - wall, time.process_time() - cpu, out


def line(label: str, wall: float, cpu: float, n: int) -> str:
    return (f"{label:<24}{n / wall:7.1f} pages/s  {1000 * wall / n:7.2f} ms/page wall"
            f"  {1000 * cpu / n:7.2f} ms/page CPU")


def gil_line(pages: list[str]) -> str:
    """The parts of read_page that run with the GIL released: lxml's parse and libxslt's pass
    (the holders' XPath searches, on pages with hCards or microdata, are left out)."""
    from lxml import etree

    from exposure_scan.page import _TOOLS

    data = [p.encode() for p in pages]
    cpu = time.process_time()
    roots = [etree.fromstring(d, _TOOLS.parser) for d in data]
    parse = time.process_time() - cpu
    cpu = time.process_time()
    for root in roots:
        _TOOLS.shown(root)
    xslt = time.process_time() - cpu
    return (f"  of which without the GIL: parse {1000 * parse / len(pages):.2f} + libxslt "
            f"{1000 * xslt / len(pages):.2f} ms/page CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pages = [synth_page(rng, rng.randint(50_000, 150_000)) for _ in range(args.pages)]
    kb = sum(map(len, pages)) / len(pages) / 1000
    print(f"{len(pages)} synthetic pages, {kb:.0f} KB on average")
    new_s, new_cpu, new_facts = timed(read_page, pages)
    old = legacy_reader()
    nested = nested_vcards()
    start = time.perf_counter()
    read_page(nested)
    nested_new = time.perf_counter() - start
    if old is None:
        print("beautifulsoup4 not installed: the old reader is not timed")
    else:
        old_s, old_cpu, old_facts = timed(old, pages)
        same = sum(facts_key(a) == facts_key(b) for a, b in zip(old_facts, new_facts, strict=True))
        print(f"same facts on {same} of {len(pages)} pages")
        print(line("before (BeautifulSoup):", old_s, old_cpu, len(pages)))
        small = nested_vcards(300)  # the full 3,000 takes minutes with the old reader
        start = time.perf_counter()
        old(small)
        print(f"before: 300 nested hCards {time.perf_counter() - start:.2f} s (quadratic: 3,000 is ~100x)")
    print(f"after: 3,000 nested hCards {nested_new * 1000:.1f} ms")
    print(line("after (lxml):", new_s, new_cpu, len(pages)))
    print(gil_line(pages))
    if old is not None:
        print(f"speed-up: {old_s / new_s:.1f}x wall, {old_cpu / new_cpu:.1f}x CPU")


if __name__ == "__main__":
    main()
