from __future__ import annotations

from exposure_scan.inspector import read_page
from exposure_scan.models import PartReason, SourceKind

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
