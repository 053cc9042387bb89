from __future__ import annotations

import pytest

from exposure_scan.models import PartReason, SourceKind
from exposure_scan.page import read_page
from exposure_scan.profile import Profile

PAGE = """<!doctype html><html><head><title>Praktijk Voorbeeld</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
 {"@type": ["Physician", "Organization"], "name": "Huisartsenpraktijk Voorbeeld",
  "telephone": "+31 20 123 4567", "email": "info@example.nl",
  "address": {"@type": "PostalAddress", "streetAddress": "Voorbeeldstraat 1",
              "addressLocality": "Voorbeeldstad", "postalCode": "1234 AB",
              "addressCountry": "NL"}}]}
</script>
<script type="application/ld+json">{ broken json </script>
</head><body>
<div itemscope itemtype="http://schema.org/Person"><span itemprop="name">J. Voorbeeld</span>
 <span itemprop="telephone">020 765 4321</span></div>
<div class="vcard"><span class="fn">Jan Voorbeeld</span>
 <div class="adr"><span class="street-address">Laan 3</span>
  <span class="locality">Dorp</span></div>
 <a class="email" href="mailto:jan@example.nl">mail</a></div>
<a href="tel:+31612345678">bel</a> <a href="mailto:jan%40example.org?subject=hoi">mail</a>
<script>var secret = "not text";</script><p>Zichtbare tekst.</p>
</body></html>"""


def test_reads_jsonld_graph_microdata_hcard_and_links() -> None:
    facts = read_page(PAGE)
    assert facts.kind is SourceKind.PRACTICE_SITE
    assert "Huisartsenpraktijk Voorbeeld" in facts.names
    assert "J. Voorbeeld" in facts.names and "Jan Voorbeeld" in facts.names
    assert "Voorbeeldstraat 1, 1234 AB, Voorbeeldstad, NL" in facts.addresses
    assert {"+31 20 123 4567", "020 765 4321", "+31612345678"} <= set(facts.phones)
    assert {"info@example.nl", "jan@example.nl", "jan@example.org"} <= set(facts.emails)


def test_visible_text_excludes_scripts() -> None:
    facts = read_page(PAGE)
    assert "Zichtbare tekst." in facts.text
    assert "secret" not in facts.text


def test_forum_and_people_search_pages_are_recognised() -> None:
    forum = '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
    people = '<script type="application/ld+json">{"@type": "ProfilePage"}</script>'
    assert read_page(forum).kind is SourceKind.FORUM
    assert read_page(people).kind is SourceKind.PEOPLE_SEARCH
    assert read_page("<p>plain</p>").kind is SourceKind.WEB


async def test_inspector_reads_pages_and_says_which_it_could_not() -> None:
    import httpx
    import respx

    from exposure_scan.inspector import PageInspector
    from exposure_scan.profile import Country
    from exposure_scan.provider import Query
    from tests.conftest import run_search

    query = Query(country=Country.NL, urls=[
        "https://a.test/page", "https://b.test/cv.pdf", "https://c.test/gone",
        "https://d.test/private/x",
    ])
    with respx.mock() as router:
        router.get(url__regex=r".*/robots.txt").mock(side_effect=lambda r: httpx.Response(
            200, text="User-agent: *\nDisallow: /private/\n"))
        router.get("https://a.test/page").respond(200, html=PAGE)
        router.get("https://b.test/cv.pdf").respond(
            200, content=b"%PDF-1.4", headers={"Content-Type": "application/pdf"})
        router.get("https://c.test/gone").respond(404)
        observations, ctx = await run_search(PageInspector(), query)
    assert [o.url for o in observations] == ["https://a.test/page"]
    assert len(observations[0].body_sha256) == 64
    notes = " | ".join(map(str, ctx.unchecked_parts))
    assert "the PDF could not be read" in notes
    pdf_note = next(p for p in ctx.unchecked_parts if p.url.endswith("cv.pdf"))
    assert pdf_note.reason is PartReason.UNREADABLE
    assert "HTTP 404" in notes
    assert "robots.txt disallows" in notes


async def test_one_hostile_page_does_not_cost_the_others() -> None:
    import httpx
    import respx

    from exposure_scan.inspector import PageInspector
    from exposure_scan.profile import Country
    from exposure_scan.provider import Query
    from tests.conftest import run_search

    nested = '<script type="application/ld+json">' + "[" * 100_000 + "</script><p>deep</p>"
    query = Query(country=Country.NL, urls=[
        "https://a.test/page", "https://b.test/deep", "https://c.test:99999/x",
        "https://d.test/gz",
    ])
    with respx.mock() as router:
        router.get(url__regex=r".*/robots.txt").respond(404)
        router.get("https://a.test/page").respond(200, html=PAGE)
        router.get("https://b.test/deep").respond(200, html=nested)
        router.get("https://d.test/gz").mock(side_effect=lambda r: httpx.Response(
            200, headers={"Content-Encoding": "gzip", "Content-Type": "text/html"},
            content=b"not gzip"))
        observations, ctx = await run_search(PageInspector(), query)
    urls = sorted(o.url for o in observations)
    assert urls == ["https://a.test/page", "https://b.test/deep"]
    assert "deep" in next(o for o in observations if o.url.endswith("deep")).text
    notes = " | ".join(map(str, ctx.unchecked_parts))
    assert "c.test" in notes and "d.test" in notes


# -- PDFs, budgets, redirects, titles ---------------------------------------------------------


def minimal_pdf(lines: list[str], stream: bytes | None = None, extra: bytes = b"") -> bytes:
    """A one-page PDF with these lines in Helvetica; no lines: a page with no text at all."""
    text = "".join(f"({line}) Tj 0 -16 Td " for line in lines)
    if stream is None:
        stream = f"BT /F1 12 Tf 72 720 Td {text}ET".encode() if lines else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d %s>>\nstream\n" % (len(stream), extra) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def encrypted(pdf: bytes) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="geheim", owner_password="geheim", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


async def test_pdfs_are_read_and_unreadable_ones_are_unchecked_by_url() -> None:
    import respx

    from exposure_scan.inspector import PageInspector
    from exposure_scan.profile import Country
    from exposure_scan.provider import Query
    from tests.conftest import run_search

    member_list = minimal_pdf(["Ledenlijst Vereniging Fictief", "Fictief Persoon",
                               "Lijsterbeslaan 4, 9999 ZZ Nergenshuizen", "06-11112222"])
    urls = ["https://a.test/leden.pdf", "https://b.test/dicht.pdf", "https://c.test/scan.pdf",
            "https://d.test/download"]
    with respx.mock() as router:
        router.get(url__regex=r".*/robots.txt").respond(404)
        pdf = {"Content-Type": "application/pdf"}
        router.get(urls[0]).respond(200, content=member_list, headers=pdf)
        router.get(urls[1]).respond(200, content=encrypted(member_list), headers=pdf)
        router.get(urls[2]).respond(200, content=minimal_pdf([]), headers=pdf)
        router.get(urls[3]).respond(
            200, content=member_list, headers={"Content-Type": "application/octet-stream"})
        observations, ctx = await run_search(PageInspector(), Query(country=Country.NL, urls=urls))
    by_url = {o.url: o for o in observations}
    assert sorted(by_url) == [urls[0], urls[3]]
    text = by_url[urls[0]].text
    assert "Fictief Persoon" in text and "Lijsterbeslaan 4, 9999 ZZ Nergenshuizen" in text
    assert "06-11112222" in by_url[urls[0]].snippet
    parts = {p.url: p for p in ctx.unchecked_parts}
    assert parts[urls[1]].reason is PartReason.UNREADABLE and "encrypted" in parts[urls[1]].detail
    assert parts[urls[2]].reason is PartReason.UNREADABLE and "no text" in parts[urls[2]].detail


def test_a_pdf_is_matched_like_a_page(profile: Profile) -> None:
    from exposure_scan.matching import Matcher
    from exposure_scan.models import Observation
    from exposure_scan.pdftext import read_pdf

    facts = read_pdf(minimal_pdf(
        ["Notulen", "Anna Maria van der Berg, Fictiefstraat 7B, 9999 ZZ Voorbeeldstad"]))
    obs = Observation(provider="inspector", url="https://a.test/n.pdf", text=facts.text)
    matched = {m.field.value for m in Matcher(profile).match_observation(obs)}
    assert {"name", "address"} <= matched


def test_a_compressed_stream_bomb_in_a_pdf_is_unreadable_and_quick() -> None:
    import time
    import zlib

    from exposure_scan.errors import ParseError
    from exposure_scan.pdftext import read_pdf

    bomb = zlib.compress(b"BT /F1 12 Tf 72 720 Td " + b"(x) Tj " * 4_000_000 + b"ET", 9)
    start = time.perf_counter()
    with pytest.raises(ParseError):
        read_pdf(minimal_pdf([], stream=bomb, extra=b"/Filter /FlateDecode "))
    assert time.perf_counter() - start < 3.0


async def test_a_page_over_its_budget_is_unchecked_and_the_loop_stays_free(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import asyncio
    import time

    import respx

    import exposure_scan.inspector as inspector
    from exposure_scan.inspector import InspectorOptions, PageInspector
    from exposure_scan.profile import Country
    from exposure_scan.provider import Query
    from tests.conftest import run_search

    real = inspector.read_body

    def slow(kind: str, body: bytes, content_type: str, budget: float) -> object:
        if b"slow" in body:
            time.sleep(1.5)  # one uninterruptible call inside the parser
        return real(kind, body, content_type, budget)

    monkeypatch.setattr(inspector, "read_body", slow)
    monkeypatch.setattr(inspector, "GRACE_S", 0.05)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.02)
            ticks += 1

    query = Query(country=Country.NL, urls=["https://a.test/slow", "https://b.test/ok"],
                  titles={"https://a.test/slow": "Trage pagina"})
    provider = PageInspector(options=InspectorOptions(page_parse_seconds=0.2))
    with respx.mock() as router:
        router.get(url__regex=r".*/robots.txt").respond(404)
        router.get("https://a.test/slow").respond(200, html="<p>slow</p>")
        router.get("https://b.test/ok").respond(200, html=PAGE)
        tick = asyncio.create_task(ticker())
        start = time.perf_counter()
        observations, ctx = await run_search(provider, query)
        elapsed = time.perf_counter() - start
        tick.cancel()
    assert elapsed < 1.3 and ticks >= 3  # not waited out (1.5 s); the loop kept running
    assert [o.url for o in observations] == ["https://b.test/ok"]
    (part,) = ctx.unchecked_parts
    assert part.reason is PartReason.OVER_BUDGET
    assert (part.url, part.title) == ("https://a.test/slow", "Trage pagina")


async def test_a_page_being_read_does_not_hold_up_cancellation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import asyncio
    import time

    import respx

    import exposure_scan.inspector as inspector
    from exposure_scan.inspector import PageInspector
    from exposure_scan.profile import Country
    from exposure_scan.provider import Query
    from tests.conftest import run_search

    started = asyncio.Event()
    loop = asyncio.get_running_loop()

    def slow(kind: str, body: bytes, content_type: str, budget: float) -> object:
        loop.call_soon_threadsafe(started.set)
        time.sleep(1.0)
        return None

    monkeypatch.setattr(inspector, "read_body", slow)
    with respx.mock() as router:
        router.get(url__regex=r".*/robots.txt").respond(404)
        router.get("https://a.test/p").respond(200, html="<p>x</p>")
        task = asyncio.create_task(run_search(
            PageInspector(), Query(country=Country.NL, urls=["https://a.test/p"])))
        await asyncio.wait_for(started.wait(), 5)
        start = time.perf_counter()
        task.cancel()  # what Ctrl-C does to the scan's tasks
        with pytest.raises(asyncio.CancelledError):
            await task
        assert time.perf_counter() - start < 0.3


async def test_content_is_filed_under_the_url_that_served_it() -> None:
    import respx

    from exposure_scan.inspector import PageInspector
    from exposure_scan.profile import Country
    from exposure_scan.provider import Query
    from tests.conftest import run_search

    found = "https://short.test/x"
    with respx.mock() as router:
        router.get(url__regex=r".*/robots.txt").respond(404)
        router.get(found).respond(301, headers={"Location": "https://people.test/p/1"})
        router.get("https://people.test/p/1").respond(200, html=PAGE)
        router.get("https://same.test/a").respond(200, html=PAGE)
        router.get("https://xn--bcher-kva.test/caf%C3%A9").respond(200, html=PAGE)
        query = Query(country=Country.NL,
                      urls=[found, "https://same.test/a", "https://bücher.test/café"])
        observations, _ = await run_search(PageInspector(), query)
    by_url = {o.url: o for o in observations}
    assert by_url["https://people.test/p/1"].found_via == found
    assert by_url["https://same.test/a"].found_via == ""
    # Not redirected: kept as found, so it still pairs with its search hit.
    assert by_url["https://bücher.test/café"].found_via == ""


async def test_failed_pages_carry_the_search_results_title() -> None:
    import respx

    from exposure_scan.inspector import PageInspector
    from exposure_scan.profile import Country
    from exposure_scan.provider import Query
    from tests.conftest import run_search

    url = "https://a.test/weg"
    with respx.mock() as router:
        router.get(url__regex=r".*/robots.txt").respond(404)
        router.get(url).respond(404)
        router.get("https://b.test/plain").respond(
            200, text="Fictief Persoon <b>06-11112222</b>", headers={"Content-Type": "text/plain"})
        query = Query(country=Country.NL, urls=[url, "https://b.test/plain"],
                      titles={url: "Ledenlijst — Vereniging"})
        observations, ctx = await run_search(PageInspector(), query)
    (part,) = ctx.unchecked_parts
    assert (part.url, part.title, part.reason) == (url, "Ledenlijst — Vereniging",
                                                   PartReason.HTTP_STATUS)
    assert observations[0].text == "Fictief Persoon <b>06-11112222</b>"


async def test_hostile_nesting_is_read_or_over_budget_in_well_under_a_second() -> None:
    import time

    import respx

    from exposure_scan.inspector import PageInspector
    from exposure_scan.profile import Country
    from exposure_scan.provider import Query
    from tests.conftest import run_search

    vcards = '<div class="vcard"><span class="fn">Fictief Persoon</span>' * 3000 + "</div>" * 3000
    deep = "<div>" * 100_000 + "Fictief" + "</div>" * 100_000
    items = '<div itemscope itemtype="https://schema.org/Person">' * 3000 + "</div>" * 3000
    pages = {"https://a.test/v": vcards, "https://b.test/d": deep, "https://c.test/i": items}
    with respx.mock() as router:
        router.get(url__regex=r".*/robots.txt").respond(404)
        for url, html in pages.items():
            router.get(url).respond(200, html=html)
        start = time.perf_counter()
        observations, ctx = await run_search(
            PageInspector(), Query(country=Country.NL, urls=list(pages)))
        elapsed = time.perf_counter() - start
    assert elapsed < 2.0  # three pages, fetch included; each alone reads in milliseconds
    over = [p for p in ctx.unchecked_parts if p.reason is PartReason.OVER_BUDGET]
    partly = {p.url for p in ctx.unchecked_parts if p.reason is PartReason.PARTLY_READ}
    assert len(observations) + len(over) == 3
    assert len(over) + len(partly) == len(ctx.unchecked_parts)
    # nested deeper than the parser follows: what it read counts, the page is not "clear"
    assert "https://b.test/d" in partly or "https://b.test/d" in {p.url for p in over}
