"""The Dutch report reads as Dutch: no common English word in its running text, real
plurals (no "bevinding(en)"), dates written out in Dutch in the profile country's time zone."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from exposure_scan.models import (
    PartReason,
    ProviderRun,
    ReasonParams,
    RunReason,
    RunStatus,
    ScanResult,
    UncheckedPart,
)
from exposure_scan.profile import Profile
from exposure_scan.reports import render
from exposure_scan.reports.context import when
from tests.test_report_plan import busy_result
from tests.test_reports import T0, sample_result

# Common English words that are not also Dutch words ("in", "is", "was", "of", "site", "score"
# and "forum" are both).
ENGLISH = frozenset("""
the and to your you are with for not this that from were which what when found checked
request requests finding findings step steps page pages details remove report owner ask if it
its on by can yes only or here there source sources timed failed error needs switched off
email phone address name private home mobile work evidence police employer threat shows
unknown none complete reduced partly should would could been has have will
""".split())


def running_text(markup: str) -> str:
    """What a reader reads as the report's own words: not the page-derived quotes, values,
    addresses or code."""
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["code", "style", "title", "mark", "blockquote"]):
        tag.decompose()
    for tag in soup.find_all("a", class_="url"):
        tag.decompose()
    for table in soup.find_all("table"):  # what matched: the observed values stay as seen
        for row in table.find_all("tr"):
            cells = row.find_all("td")
            if len(cells) == 4 and "/100" in cells[2].get_text():
                cells[1].decompose()
    return soup.get_text(" ")


def english_words(text: str) -> list[str]:
    return sorted({w for w in re.findall(r"[A-Za-z]+", text) if w in ENGLISH})


def dutch_results(profile: Profile) -> list[ScanResult]:
    runs = [
        ProviderRun(provider="searxng", title="SearXNG", status=RunStatus.CHECKED,
                    observations=4, unchecked_parts=[
                        UncheckedPart(reason=PartReason.TIMED_OUT, url="https://x.example/a"),
                        UncheckedPart(reason=PartReason.ROBOTS)]),
        ProviderRun(provider="big", title="BIG-register", status=RunStatus.UNCHECKED,
                    reason_code=RunReason.TIMED_OUT, params=ReasonParams(seconds=30)),
        ProviderRun(provider="kvk", title="KvK", status=RunStatus.SKIPPED,
                    reason_code=RunReason.NOTHING_TO_LOOK_UP),
    ]
    busy = busy_result(profile, "nl").model_copy(update={"runs": runs,
                                                         "ledger": sample_result().ledger})
    return [busy, sample_result("nl").model_copy(update={"runs": runs}),
            sample_result("nl", partial=True).model_copy(update={"runs": runs})]


def test_dutch_report_has_no_english_in_its_running_text(profile: Profile) -> None:
    for result in dutch_results(profile):
        text = running_text(render(result, "html"))
        assert "Waar uw gegevens te zien zijn" in text
        assert english_words(text) == [], english_words(text)


def test_the_check_would_see_english() -> None:
    text = running_text(render(sample_result("en"), "html"))
    assert {"the", "your", "found"} <= set(english_words(text))


def test_dutch_plurals_and_no_bracket_plurals(profile: Profile) -> None:
    for result in dutch_results(profile):
        for fmt in ("html", "md"):
            out = render(result, fmt)
            assert "(en)" not in out and "(s)" not in out
    one = sample_result("nl").model_copy(
        update={"findings": sample_result("nl").findings[:1]})
    md = render(one, "md")
    assert "1 bevinding —" in md and "1 bevindingen" not in md
    assert "3 bevindingen" in render(sample_result("nl"), "md")


@pytest.mark.parametrize(("lang", "country", "expected"), [
    ("nl", "NL", "2 maart 2026, 10:30"),
    ("en", "UK", "2 March 2026, 09:30"),
    ("en", "US", "2 March 2026, 09:30 UTC"),
])
def test_dates_are_written_out_in_the_language_and_zone(
    lang: str, country: str, expected: str
) -> None:
    assert when(T0, lang, country) == expected


# --- the details providers and the page reader note, in a Dutch report (issue 11) -----------

DETAILS = re.compile(r"\(details: [^)]*\)")  # technical detail from outside, kept as it came


async def _provider_parts() -> list[ProviderRun]:
    """What real providers note when a search is cut short, a domain has no RDAP server or a
    metasearch engine fails, and what the page reader notes for pages it cannot read."""
    import respx

    from exposure_scan.profile import Country, PersonName
    from exposure_scan.provider import Query
    from tests.conftest import fixture_json, run_search
    from tests.test_providers import test_github, test_rdap, test_searxng

    runs = []
    with respx.mock() as router:
        router.get(test_github.SEARCH).respond(
            json={**fixture_json("github", "search-empty.json"), "incomplete_results": True})
        _, github = await run_search(test_github.provider(), test_github.QUERY)
        router.get(test_rdap.BOOT).respond(json=fixture_json("rdap", "bootstrap.json"))
        router.get(url__startswith="https://rdap.").respond(
            json=fixture_json("rdap", "domain-nl.json"))
        _, rdap = await run_search(
            test_rdap.provider(), Query(country=Country.NL,
                                        websites=["https://example.nl", "https://example.zz"]))
        router.get(f"{test_searxng.BASE}/search").respond(
            json=fixture_json("searxng", "results.json"))
        _, searxng = await run_search(test_searxng.provider(), Query(
            country=Country.NL, names=[PersonName(given="Anna", surname="van der Berg")]))
    for name, ctx in (("github", github), ("rdap", rdap), ("searxng", searxng)):
        assert ctx.unchecked_parts, name
        runs.append(ProviderRun(provider=name, title=name, status=RunStatus.CHECKED,
                                unchecked_parts=ctx.unchecked_parts))
    reader = [
        UncheckedPart(reason=PartReason.UNREADABLE, url="https://a.example/x",
                      params=ReasonParams(kind="UnicodeDecodeError")),
        UncheckedPart(reason=PartReason.NOT_HTML, url="https://a.example/y",
                      detail="application/octet-stream"),
        UncheckedPart(reason=PartReason.NOT_FOUND,
                      params=ReasonParams(target="/officers/ABC123/appointments")),
    ]
    runs += [
        ProviderRun(provider="inspector", title="Pagina's", status=RunStatus.UNCHECKED,
                    reason_code=RunReason.NONE_READ, unchecked_parts=reader),
        ProviderRun(provider="rdap2", title="RDAP", status=RunStatus.UNCHECKED,
                    reason_code=RunReason.NO_SERVER),
    ]
    return runs


async def test_provider_details_in_a_dutch_report_are_dutch() -> None:
    runs = await _provider_parts()
    result = sample_result("nl").model_copy(update={"runs": runs})
    html = running_text(render(result, "html"))
    for text in (html, render(result, "md")):
        assert "geen RDAP-server bekend voor .zz" in text
        assert "duurde bij de bron te lang" in text and "zoekmachine google mislukte" in text
        assert "de pagina kon niet worden gelezen (UnicodeDecodeError)" in text
        plain = re.sub(r"<?https?://\S+", " ", DETAILS.sub(" ", text))
        assert english_words(plain) == [], english_words(plain)
    english = render(sample_result("en").model_copy(update={"runs": runs}), "md")
    assert "example.zz: no RDAP server known for .zz" in english
    assert "search engine google failed: timeout" in english
    assert "not a readable page (application/octet-stream)" in english
