"""The pure page reader: layout as a browser shows it, charsets, hidden controls, hostile
nesting, and facts linear in the page."""

from __future__ import annotations

import time

import pytest

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
