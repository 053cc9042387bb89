"""Passages: the words around a matched value, cut on word boundaries, marked and escaped."""

from __future__ import annotations

import re

from exposure_scan.passage import WIDTH, passages, spans
from exposure_scan.reports import render
from tests.test_reports import HOSTILE, sample_result

MENU = "Home Over ons Contact Privacy Cookies accepteren " * 10
PAGE = (MENU + "Dokter Sanne de Wit weigert mijn verwijzing. Ik weet waar ze woont: "
        "Meidoornstraat 23, 3531 AB Utrecht. Bel haar op 06-12345678. " + "Reactie " * 60)


def test_passage_is_around_the_value_not_the_page_start() -> None:
    (p,) = passages(PAGE, ["Meidoornstraat 23, 3531 AB Utrecht", "06-12345678"])
    text = "".join(s.text for s in p.segments)
    assert "Meidoornstraat" in text and "Cookies accepteren Home" not in text
    assert len(text) <= WIDTH + 40
    assert p.cut_before and p.cut_after
    marked = [s.text for s in p.segments if s.marked]
    assert marked == ["Meidoornstraat 23, 3531 AB Utrecht", "06-12345678"]
    # cut on word boundaries: the passage starts and ends with whole words of the page
    words = PAGE.split()
    assert text.split()[0] in words and text.split()[-1] in words


def test_value_found_loosely_and_far_values_get_their_own_passage() -> None:
    text = "Tel. 06 - 12345678 " + "x " * 300 + "MEIDOORNSTRAAT 23 Utrecht"
    found = passages(text, ["06-12345678", "Meidoornstraat 23"])
    assert len(found) == 2
    assert spans("abc", ["zz"]) == [] and passages("no value here", ["06-12345678"]) == []


def test_passage_is_marked_and_escaped_in_both_formats() -> None:
    result = sample_result()
    f = result.findings[0]
    text = "Welkom. " + HOSTILE + " Anna Maria van der Berg woont op Fictiefstraat 7B, " \
        "9999 ZZ Voorbeeldstad. [x](javascript:alert(1))"
    obs = f.observation.model_copy(update={"text": text})
    result = result.model_copy(update={"findings": [f.model_copy(update={"observation": obs})]})
    html = render(result, "html")
    assert "<mark>Fictiefstraat 7B, 9999 ZZ Voorbeeldstad</mark>" in html
    assert "<script" not in html.lower() and "&lt;script&gt;" in html
    md = render(result, "md")
    assert "**Fictiefstraat 7B, 9999 ZZ Voorbeeldstad**" in md
    assert "<script" not in md.lower()
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # no live link


def test_values_only_in_structured_data_show_the_fields_not_the_page_start() -> None:
    result = sample_result()
    f = result.findings[0]
    obs = f.observation.model_copy(update={"text": "Menu Home Cookies accepteren Inloggen",
                                           "snippet": "Menu Home Cookies accepteren"})
    result = result.model_copy(update={"findings": [f.model_copy(update={"observation": obs})]})
    md = render(result, "md")
    assert "structured data" in md and "> Menu Home" not in md


def test_markdown_passage_keeps_the_spaces_around_a_bold_value() -> None:
    # Regression: each piece was stripped, so "woont op **Fictiefstraat 7B…**, 9999" read
    # "woont op**Fictiefstraat…**" and the words ran into the value.
    result = sample_result()
    f = result.findings[0]
    text = "Anna Maria van der Berg woont op Fictiefstraat 7B, 9999 ZZ Voorbeeldstad sinds 2019."
    obs = f.observation.model_copy(update={"text": text})
    result = result.model_copy(update={"findings": [f.model_copy(update={"observation": obs})]})
    md = render(result, "md")
    assert "woont op **Fictiefstraat 7B, 9999 ZZ Voorbeeldstad** sinds 2019" in md
