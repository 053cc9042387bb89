"""The pure page reader: layout as a browser shows it, charsets, hidden controls, hostile
nesting, and facts linear in the page."""

from __future__ import annotations

import time
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exposure_scan import page
from exposure_scan.controls import strip_controls, visible_url
from exposure_scan.errors import OverBudget
from exposure_scan.models import Observation
from exposure_scan.page import decode_html, read_page, read_text


def lines(html: str) -> list[str]:
    return read_page(html).text.splitlines()


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Meidoorn<b>straat</b> 23</p>", "Meidoornstraat 23"),
        ("<p>06-123<span></span>45678</p>", "06-12345678"),
        ("<p>Bel <a href='#'>06</a>-<em>1234</em><small>5678</small></p>", "Bel 06-12345678"),
        ("<p>Meidoornstraat\n   23,\n3531 AB</p>", "Meidoornstraat 23, 3531 AB"),
        ("<p>Meidoorn<!-- x -->straat</p>", "Meidoornstraat"),
    ],
)
def test_inline_markup_does_not_break_words(html: str, expected: str) -> None:
    assert lines(html) == [expected]


def test_blocks_rows_and_cells_are_laid_out_as_a_browser_shows_them() -> None:
    html = (
        "<div>Fictief Persoon</div><div>Lijsterbeslaan 4</div>a<br>b<hr>c"
        "<table><tr><td>Lijsterbeslaan</td><td>4</td><td>9999 ZZ</td></tr>"
        "<tr><th>Tel</th><td>06-11112222</td></tr></table>"
        "<ul><li>een</li><li>twee</li></ul><pre>regel 1\nregel 2</pre>"
    )
    assert lines(html) == [
        "Fictief Persoon", "Lijsterbeslaan 4", "a", "b", "c",
        "Lijsterbeslaan 4 9999 ZZ", "Tel 06-11112222", "een", "twee", "regel 1", "regel 2",
    ]


def test_markup_split_values_in_hcards_and_microdata_are_whole() -> None:
    html = (
        '<div class="vcard"><span class="fn">Fic<b>tief</b> Persoon</span>'
        '<span class="tel">06-123<span></span>45678</span>'
        '<div class="adr"><span>Meidoorn<b>straat</b> 7</span> <span>Dorp</span></div></div>'
        '<div itemscope itemtype="https://schema.org/Person">'
        '<meta itemprop="name" content="Meta Persoon"></div>'
    )
    facts = read_page(html)
    assert facts.names == ["Meta Persoon", "Fictief Persoon"]
    assert facts.phones == ["06-12345678"]
    assert facts.addresses == ["Meidoornstraat 7, Dorp"]


def test_properties_belong_to_their_own_scope() -> None:
    html = (
        '<div class="vcard"><div class="vcard"><span class="fn">Binnen Kaart</span></div>'
        '<span class="fn">Buiten Kaart</span></div>'
        '<div itemscope itemtype="https://schema.org/Person">'
        '<div itemprop="worksFor" itemscope itemtype="https://schema.org/Organization">'
        '<span itemprop="name">Fictief Bedrijf</span></div>'
        '<span itemprop="name">Echte Naam</span></div>'
    )
    names = read_page(html).names
    assert "Binnen Kaart" in names and "Buiten Kaart" in names and "Echte Naam" in names
    assert "Fictief Bedrijf" not in names


def test_utf16_with_bom_header_charset_and_meta_charset() -> None:
    page = "<html><body><p>Café Sévérine, Lijsterbeslaan 4</p></body></html>"
    assert "Café Sévérine" in read_page(b"\xff\xfe" + page.encode("utf-16-le")).text
    assert "Café Sévérine" in read_page(b"\xfe\xff" + page.encode("utf-16-be")).text
    latin = page.encode("cp1252")
    assert "Café" in read_page(latin, "text/html; charset=ISO-8859-1").text
    meta = b'<html><head><meta charset="windows-1252"></head>' + latin
    assert "Café" in read_page(meta).text
    equiv = b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">' + latin
    assert "Café" in read_page(equiv).text
    # The header wins over the meta tag; a BOM wins over both.
    utf8 = b'<meta charset="windows-1252">' + page.encode()
    assert "Café" in read_page(utf8, "text/html; charset=utf-8").text
    assert decode_html(b"\xef\xbb\xbfCaf\xc3\xa9", "text/html; charset=cp1252") == "Café"
    assert decode_html(b"Caf\xff", "") == "Caf\ufffd"  # invalid UTF-8: replaced, not fatal
    assert decode_html(b"x", "text/html; charset=no-such-codec") == "x"


HIDDEN = "\u202e\u2066\u200b\u200d\ufeff\x00\x1b\x85\u00ad"


def test_hidden_controls_never_leave_the_reader() -> None:
    html = (
        f"<title>Fictief{HIDDEN} Persoon</title><p>06-123\u200b45678 \u202eexe.txt</p>"
        f'<div class="vcard"><span class="fn">Jan\u2067 Fictief</span></div>'
        '<script type="application/ld+json">{"@type": "Person", "name": "Ann\\u202e Fictief",'
        ' "telephone": "06\\u200b-11112222"}</script>'
    )
    facts = read_page(html)
    everything = [facts.title, facts.text, *facts.names, *facts.phones]
    for value in everything:
        assert not any(ch in value for ch in HIDDEN), repr(value)
    assert facts.title == "Fictief Persoon"
    assert "06-12345678" in facts.text
    assert "Ann Fictief" in facts.names and "06-11112222" in facts.phones
    assert strip_controls("a\u2028b") == "a\nb"


def test_character_references_cannot_bring_controls_back() -> None:
    html = (
        "<title>t&#x202E;x</title><div>Meidoorn&#x200B;straat&#1; 23&#xD800;</div>"
        '<div class="vcard"><span class="fn">Jan&#x2066; Fictief</span></div><td>&#0;x</td>'
        '<script type="application/ld+json">{"@type": "Person", "name": "\\ud800Ann"}</script>'
    )
    facts = read_page(html)
    assert facts.title == "tx"
    assert facts.text.splitlines()[1].startswith("Meidoornstraat 23")  # &#xD800; shows as U+FFFD
    assert "Jan Fictief" in facts.names and "Ann" in facts.names
    Observation(provider="inspector", names=facts.names, text=facts.text).model_dump_json()


def test_an_observation_shows_every_hidden_character_of_a_url() -> None:
    url = "https://example.org/files/\u202eexe.txt"
    obs = Observation(provider="inspector", url=url, found_via=url, title="a\u202eb",
                      names=["x\u200by"], snippet="s\u2066t")
    assert obs.url == "https://example.org/files/%E2%80%AEexe.txt"
    assert obs.found_via == obs.url and not obs.url.endswith("txt.exe")
    assert (obs.title, obs.names, obs.snippet) == ("ab", ["xy"], "st")
    assert visible_url("https://example.org/a b") == "https://example.org/a b"


def test_nested_hcards_and_deep_nesting_are_read_in_well_under_a_second() -> None:
    vcards = '<div class="vcard"><span class="fn">Fictief Persoon</span>' * 3000
    vcards += "</div>" * 3000
    deep = "<div>" * 100_000 + "diep" + "</div>" * 100_000
    spans = "<p>" + "<span>" * 50_000 + "x" + "</span>" * 50_000 + "</p>"
    for html in (vcards, deep, spans):
        start = time.perf_counter()
        read_page(html)  # lxml stops nesting at its depth limit; nothing raises
        assert time.perf_counter() - start < 1.0
    assert read_page(vcards).names == ["Fictief Persoon"]


def test_many_scopes_are_bounded_and_a_deadline_is_kept() -> None:
    many = '<div class="vcard"><span class="fn">Persoon</span><span class="tel">06</span></div>'
    html = many * 2000
    with pytest.raises(OverBudget):
        read_page(html, deadline=time.monotonic() - 1)
    start = time.perf_counter()
    read_page(html, deadline=time.monotonic() + 30)
    assert time.perf_counter() - start < 2.0
    # Many holders deep down: libxml2's parent step would be quadratic here.
    deep = "<div>" * 250 + '<span itemprop="telephone">06</span>' * 10_000 + "</div>" * 250
    start = time.perf_counter()
    assert read_page(deep).phones == ["06"]
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize("html", ["", "   ", "<!-- only a comment -->", "\x00\x00", "<"])
def test_empty_and_broken_pages_read_as_nothing(html: str) -> None:
    facts = read_page(html)
    assert facts.names == [] and facts.kind.value == "web"


def test_plain_text_is_shown_not_obeyed() -> None:
    facts = read_text(b"Fictief <b>Persoon</b>\n\nLijsterbeslaan 4\r\n")
    assert facts.text == "Fictief <b>Persoon</b>\nLijsterbeslaan 4"


# -- the libxslt pass and the Python reader give the same facts --------------------------------

FRAGMENTS = [
    "<div>", "</div>", "<p>", "</p>", "<br>", "<td>", "</td>", "<tr>", "<table>", "</table>",
    "<pre>", "</pre>", "<span>", "</span>", "<b>", "</b>", "<li>", "<title>", "</title>",
    "<script>x<y</script>", '<script type="application/ld+json">{"@type": "Person", '
    '"name": "Ann Fictief"}</script>', "<style>p{}</style>", "<noscript><p>nee</p></noscript>",
    "<template><p>nee</p></template>", "<!-- c -->", '<a href="tel:06-11112222">bel</a>',
    '<a href=" MAILTO:a@b.example?x=1">mail</a>', '<a href="/rel">rel</a>',
    '<meta name="Description" content="Fictief">', '<div class="vcard">',
    '<span class="fn">Fictief Persoon</span>', '<span itemprop="telephone">06</span>',
    '<div itemscope itemtype="https://schema.org/Person">', "&#1;", "&#12;", "&#x0b;",
    "&#x202e;", "&#x2028;", "&#xe000;", "&shy;", "&nbsp;", "&amp;", "\n", "\t", "  ", "\u00a0",
    "\u2003", "\u200b", "\u2028", "\x0c", "\x1f", "\ue000", "Lijsterbeslaan 4", "9999 ZZ", "x",
]


def _facts(html: str) -> dict[str, object]:
    return vars(read_page(html))


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
@settings(max_examples=300, deadline=None)
def test_libxslt_and_python_readers_agree(parts: list[str]) -> None:
    html = "".join(parts)
    fast = _facts(html)
    with patch.object(page, "_shown", lambda root: None):
        assert _facts(html) == fast


def test_references_the_tree_will_not_take_back_read_as_before() -> None:
    """Form feed and vertical tab by reference: dropped where the layout marks a block (the
    tree refuses them back), a space elsewhere."""
    html = "<div>a&#12;b</div><span>c&#x0b;d</span><p>e&#1;f</p>"
    assert read_page(html).text.splitlines() == ["ab", "c d", "ef"]
    with patch.object(page, "_shown", lambda root: None):
        assert read_page(html).text.splitlines() == ["ab", "c d", "ef"]


def test_attribute_names_in_capitals_and_classes_by_reference_are_holders_too() -> None:
    html = (
        '<div class="vcard"><span class="fn">Fictief Persoon</span></div>'
        '<span ITEMPROP="telephone">06-12345678</span>'
    )
    assert read_page(html).phones == ["06-12345678"]
    html = (
        '<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ann Fictief'
        '</span></div><div class="&#x68;-c&#97;rd"><span class="p-name">Fictief Persoon</span>'
    )
    assert read_page(html).names == ["Ann Fictief", "Fictief Persoon"]


def test_a_body_in_utf8_reads_as_its_text() -> None:
    html = '<p>Café Sévérine</p><a href="tel:06-11112222">bel</a>\u202e<p>x&#x200b;y</p>'
    text = read_page(html)
    assert read_page(html.encode()) == text
    assert read_page(html.encode(), "text/html; charset=utf-8") == text
    broken = html.encode() + b"\xff\xc3("
    assert read_page(broken) == read_page(broken.decode("utf-8", "replace"))


def test_a_page_past_its_deadline_after_parsing_is_over_budget() -> None:
    with pytest.raises(OverBudget):
        read_page("<p>" + "tekst " * 1000 + "</p>", deadline=time.monotonic() - 1)


@given(st.text(alphabet=st.sampled_from("ab <>=\x00\x0b\x0c\x1f\x7f\x85\xad\u2028\u202e"
                                         "\ud800\ufeff\uffff\u00e9\u2014\ue000")))
@settings(max_examples=300, deadline=None)
def test_the_byte_checks_see_what_the_regexes_would_change(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    assert page._has_controls(data) == (strip_controls(text) != text)


def test_a_crowded_tag_is_found_before_the_regex_runs() -> None:
    crowded = "<p " + " ".join(f"a{i}=x" for i in range(1200)) + ">tekst</p>"
    assert page._may_crowd(crowded.encode())
    assert page._thin_crowded_tags(crowded) == "<p>tekst</p>"
    many = "".join(f'<a href="/{i}">x</a>' for i in range(1200))  # many = but short tags
    assert not page._may_crowd(many.encode())
    assert page._thin_crowded_tags(many) == many


LAID_OUT = st.text(alphabet=st.sampled_from(" ab\t\n\r\x0b\x0c\x1c\x85\xa0\xad\u2003\u2028\u200b"
                                             "\u202e\ud800\ue000\ue000\U0001f600é"), max_size=60)


@given(LAID_OUT)
@settings(max_examples=300, deadline=None)
def test_lines_and_strip_controls_give_what_their_plain_definitions_give(raw: str) -> None:
    from exposure_scan.controls import _HIDDEN, _replace

    plain = _HIDDEN.sub(_replace, raw)
    assert strip_controls(raw) == plain
    lines = (" ".join(line.split()) for line in plain.split("\ue000"))
    assert page._lines(raw) == "\n".join(line for line in lines if line)


def test_content_after_the_end_of_the_page_is_read_as_a_browser_shows_it() -> None:
    # libxml2 puts what follows </html> in a second top-level element; a browser shows it.
    facts = read_page(
        b"<html><body><p>Over ons</p></body></html>"
        b'<p>Meidoornstraat 23</p>en verder<div class="vcard"><span class="fn">Sanne de Wit'
        b'</span><a href="tel:0612345678">bel</a></div>'
    )
    assert facts.text.splitlines()[:3] == ["Over ons", "Meidoornstraat 23", "en verder"]
    assert facts.names == ["Sanne de Wit"]
    assert facts.phones == ["0612345678"]
    assert read_page(b"<p>a</p></html>alleen tekst").text == "a\nalleen tekst"


def test_a_page_nested_deeper_than_the_parser_follows_is_read_only_in_part() -> None:
    # libxml2 stops at 256 nested elements (unclosed tags on old forum pages nest that deep,
    # and a hostile page can hide a line below them): such a page says so.
    shown = read_page(b"<html><body>" + b"<div>" * 200 + b"Meidoornstraat 23" + b"</div>" * 200)
    assert shown.text == "Meidoornstraat 23" and not shown.partly_read
    deep = read_page(b"<p>Over ons</p>" + b"<div>" * 300 + b"Meidoornstraat 23")
    assert deep.partly_read
    cut = read_page(b"<p>Over ons</p>" + b"<font>x " * 3000 + b"Meidoornstraat 23")
    assert cut.partly_read and cut.text.startswith("Over ons")
    long = read_page(b"<p>" + b"woord " * 200_000 + b"</p>")
    assert long.partly_read and len(long.text) == page.MAX_TEXT
    assert not read_page(b"<p>kort</p>").partly_read
    assert read_text(b"regel\n" * 100_000).partly_read
    assert not read_text(b"regel\n").partly_read


async def test_a_page_read_only_in_part_keeps_its_findings_and_is_listed() -> None:
    import respx

    from exposure_scan.inspector import PageInspector
    from exposure_scan.models import PartReason
    from exposure_scan.profile import Country
    from exposure_scan.provider import Query
    from tests.conftest import run_search

    html = "<p>Fictief Persoon, 06-11112222</p>" + "<font>x " * 3000 + "verborgen"
    with respx.mock() as router:
        router.get(url__regex=r".*/robots.txt").respond(404)
        router.get("https://a.test/p").respond(200, html=html)
        observations, ctx = await run_search(
            PageInspector(), Query(country=Country.NL, urls=["https://a.test/p"]))
    assert "Fictief Persoon" in observations[0].text
    (part,) = ctx.unchecked_parts
    assert (part.url, part.reason) == ("https://a.test/p", PartReason.PARTLY_READ)


def test_a_page_whose_only_holders_are_in_capitals_or_by_reference_is_read() -> None:
    """The gate before the holder searches is the searches' own: no lower-case mark needed
    elsewhere on the page."""
    assert read_page('<p>x</p><span ITEMPROP="telephone">06-12345678</span>').phones == [
        "06-12345678"
    ]
    html = (
        '<div ITEMSCOPE ITEMTYPE="https://schema.org/Person">'
        '<span ITEMPROP="name">Ann Fictief</span></div>'
    )
    assert read_page(html).names == ["Ann Fictief"]
    for cls in ('"&#x68;-c&#97;rd"', "'x &#104;-card'", "&#104;-card"):
        html = f'<div CLASS={cls}><span class="p-name">Fictief Persoon</span></div>'
        assert read_page(html).names == ["Fictief Persoon"], cls


def test_only_a_reference_to_a_letter_of_the_class_words_starts_a_class_search() -> None:
    searches = page._holder_searches(b"<p title='&#39;'>Caf&#233;</p><div class=x>y</div>")
    assert searches == []
    for ref in (b"&#118;", b"&#x76;", b"&#X0076;", b"&#45;", b"&#x2D;"):
        assert len(page._holder_searches(b'<div class="a ' + ref + b'">')) == 1, ref
    assert page._holder_searches(b"&#1180; &#x763; &#8217;") == []
    # looked for in linear time, however the page is built
    started = time.monotonic()
    assert page._holder_searches(b"<p>&#39;</p><div " + b"class=" * 200_000 + b">") == []
    assert time.monotonic() - started < 0.5


def test_a_tag_crowded_with_attributes_without_values_is_thinned_before_parsing() -> None:
    """libxml2 compares each attribute with all before it: 40,000 of them, valueless (no "="
    to count), took 5 s in one call no deadline stops."""
    crowded = "<div " + " ".join(f"a{i}" for i in range(40_000)) + ">Fictief Persoon</div>"
    assert page._may_crowd(crowded.encode())
    assert page._thin_crowded_tags(crowded) == "<div>Fictief Persoon</div>"
    started = time.monotonic()
    assert read_page(crowded).text == "Fictief Persoon"
    assert time.monotonic() - started < 1
    # a long quoted value is one attribute, however many words it holds
    long_value = '<a href="tel:06-11112222" title="' + "woord " * 2000 + '">bel</a>'
    assert page._thin_crowded_tags(long_value) == long_value
    assert read_page(long_value).phones == ["06-11112222"]


def test_many_top_level_elements_after_the_end_are_gathered_in_linear_time() -> None:
    """`</html>z<body>w` 50,000 times: each piece is one more top-level element; counting
    the body's children again for each took 47 s."""
    html = b"<html><body><p>a</p></body></html>" + b"</html>z<body>w" * 50_000
    started = time.monotonic()
    text = read_page(html).text
    assert time.monotonic() - started < 3
    lines = text.splitlines()
    assert lines[:5] == ["a", "z", "w", "z", "w"] and len(lines) > 50_000


def test_deep_pages_do_not_crash_a_reader_thread_with_a_small_stack() -> None:
    # macOS gives a thread 512 KB of stack; the libxslt pass recurses once per level. In a
    # child process, so that a crash fails this test instead of ending the test run.
    import subprocess
    import sys

    code = (
        "import threading\n"
        "from exposure_scan.page import read_page\n"
        "threading.stack_size(512 * 1024)\n"
        "def run():\n"
        "    for depth in (255, 300, 1000, 5000, 100000):\n"
        "        html = b'<html><body>' + b'<div>' * depth + b'x' + b'</div>' * depth\n"
        "        read_page(html)\n"
        "        read_page(b'<html><body><pre>' + b'<b>' * depth + b'a' )\n"
        "    print('ok')\n"
        "t = threading.Thread(target=run)\n"
        "t.start()\n"
        "t.join()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stderr[-500:]
