"""Issue 11's letters: addressed to the organisation the page names (JSON-LD `publisher`),
else "De beheerder van <site>"; dates written out in the profile's language and time zone; a
"Voordat u dit verstuurt" note on what a hostile owner learns and what comes first."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import httpx
import respx

from exposure_scan.inspector import PageInspector
from exposure_scan.models import Severity, SourceKind
from exposure_scan.page import read_page
from exposure_scan.profile import Country
from exposure_scan.provider import Query
from exposure_scan.reports.letter import letters
from tests.conftest import run_search
from tests.test_language import english_words
from tests.test_letters import profile
from tests.test_reports import finding, home_match, name_match, sample_result

TODAY = date(2026, 1, 31)
PUBLISHED = """<html><head><title>Draadje</title>
<script type="application/ld+json">{"@context": "https://schema.org",
 "@type": "DiscussionForumPosting", "headline": "Draadje",
 "publisher": {"@type": "Organization", "name": "Forum  Voorbeeld\\u202e B.V."}}</script>
</head><body><p>Een bericht.</p></body></html>"""


def test_the_page_names_its_publisher() -> None:
    assert read_page(PUBLISHED).publisher == "Forum Voorbeeld B.V."
    assert read_page("<html><body><p>Geen uitgever.</p></body></html>").publisher == ""


async def test_the_inspector_keeps_the_publisher_for_the_letter() -> None:
    query = Query(country=Country.NL, urls=["https://forum.test/t/1"])
    with respx.mock() as router:
        router.get(url__regex=r".*/robots.txt").mock(return_value=httpx.Response(404))
        router.get("https://forum.test/t/1").respond(200, html=PUBLISHED)
        observations, _ = await run_search(PageInspector(), query)
    assert observations[0].extra == {"publisher": "Forum Voorbeeld B.V."}
    f = finding("t", "https://forum.test/t/1", Severity.HIGH, 80, [name_match(), home_match()],
                SourceKind.FORUM)
    f = f.model_copy(update={"observation": f.observation.model_copy(
        update={"extra": observations[0].extra})})
    result = sample_result("nl").model_copy(update={"findings": [f]})
    text = next(iter(letters(result, profile(), "nl", TODAY).values()))
    assert "Aan: Forum Voorbeeld B.V. (forum.test)\n" in text


def test_without_a_named_organisation_the_letter_goes_to_the_sites_operator() -> None:
    out = letters(sample_result("nl"), profile(), "nl", TODAY)
    for text in out.values():
        assert re.search(r"^Aan: De beheerder van \S+$", text, re.M), text


def test_pages_are_dated_in_the_profiles_time_zone_and_language() -> None:
    late = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # 2 March, 00:30 in Amsterdam
    f = finding("t", "https://forum.example/t/9", Severity.HIGH, 80, [name_match(), home_match()],
                SourceKind.FORUM)
    f = f.model_copy(update={"observation": f.observation.model_copy(update={"seen_at": late})})
    result = sample_result("nl").model_copy(update={"findings": [f]})
    nl = next(iter(letters(result, profile(), "nl", TODAY).values()))
    assert "(gezien op 2 maart 2026)" in nl and "Datum: 31 januari 2026" in nl
    en = next(iter(letters(result, profile(), "en", TODAY).values()))
    assert "(seen on 2 March 2026)" in en and "Date: 31 January 2026" in en


def test_the_caution_note_says_what_the_owner_learns_and_what_comes_first() -> None:
    for text in letters(sample_result("nl"), profile(), "nl", TODAY).values():
        block = text[:text.index("=====\n\n")]
        assert block.startswith("===== Voordat u dit verstuurt")
        assert "welke gegevens u op de pagina hebt gezien" in block and "vijandig" in block
        assert "meld het bij het platform en doe aangifte" in block
    for text in letters(sample_result("en"), profile(), "en", TODAY).values():
        block = text[:text.index("=====\n\n")]
        assert "Before you send this" in block and "report it to the platform" in block


def test_a_dutch_letter_has_no_english_in_its_running_text() -> None:
    for text in letters(sample_result("nl"), profile(), "nl", TODAY).values():
        prose = re.sub(r"https?://\S+|\[[^\]]*\]", " ", text)
        assert english_words(prose) == [], english_words(prose)
