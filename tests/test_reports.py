"""Reports: JSON round-trip, every section in both languages, hostile scraped content inert.

The sample scan results here are fictional; test_letters.py and test_removal.py reuse them.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from exposure_scan.errors import ReportError
from exposure_scan.matching.reason import describe
from exposure_scan.models import (
    FieldKind,
    FieldMatch,
    Finding,
    LedgerEntry,
    Observation,
    ProviderRun,
    ReasonParams,
    RemovalStep,
    RunReason,
    RunStatus,
    ScanResult,
    Severity,
    SourceKind,
)
from exposure_scan.models import (
    MatchPart as P,
)
from exposure_scan.reports import RENDERERS, render

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
T1 = datetime(2026, 3, 2, 9, 41, tzinfo=UTC)
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'
JS_URL = "javascript:alert(3)"


def agreed(*parts: P) -> dict[str, Any]:
    """A match's parts and their English reason, as the matcher writes them."""
    return {"parts": parts, "reason": describe(parts)}


def name_match(observed: str = "Anna Maria van der Berg") -> FieldMatch:
    return FieldMatch(field=FieldKind.NAME, label="", observed=observed, confidence=0.97,
                      **agreed(P.SURNAME, P.GIVEN_NAME))


def home_match(observed: str = "Fictiefstraat 7B, 9999 ZZ Voorbeeldstad") -> FieldMatch:
    return FieldMatch(field=FieldKind.ADDRESS, label="home", observed=observed, confidence=0.95,
                      **agreed(P.HOUSE_NUMBER, P.POSTCODE), private=True)


def mobile_match() -> FieldMatch:
    return FieldMatch(field=FieldKind.PHONE, label="mobile", observed="06-98765432",
                      confidence=1.0, **agreed(P.PHONE_NUMBER),
                      private=True)


def practice_match() -> FieldMatch:
    return FieldMatch(field=FieldKind.ADDRESS, label="practice", observed="Praktijkplein 1",
                      confidence=0.9, **agreed(P.STREET, P.HOUSE_NUMBER))


def finding(
    fid: str,
    url: str,
    severity: Severity,
    score: int,
    matches: list[FieldMatch],
    kind: SourceKind = SourceKind.PEOPLE_SEARCH,
    *,
    title: str = "Anna Maria van der Berg in Voorbeeldstad",
    snippet: str = "Anna Maria van der Berg, Fictiefstraat 7B, Voorbeeldstad",
    rules: list[str] | None = None,
    work_to_home: bool = False,
    steps: list[RemovalStep] | None = None,
) -> Finding:
    obs = Observation(provider="searxng", url=url, title=title, source_kind=kind,
                      snippet=snippet, seen_at=T0, body_sha256="ab" * 32)
    return Finding(id=fid, observation=obs, matches=matches, severity=severity, score=score,
                   rules=rules or [], work_to_home=work_to_home, steps=steps or [])


def sample_result(
    language: str = "en", *, partial: bool = False, hostile: bool = False
) -> ScanResult:
    title = HOSTILE if hostile else "Anna Maria van der Berg in Voorbeeldstad"
    snippet = (HOSTILE + " [click](javascript:alert(4)) | `") if hostile else "Fictiefstraat 7B"
    url = JS_URL if hostile else "https://people.example/anna-maria-van-der-berg"
    optout = RemovalStep(
        action="Use the site's opt-out form to have your listing removed.",
        url=JS_URL if hostile else "https://people.example/optout",
        method="web_form", needs_id=False, expected_time="24 h",
        source="https://example.org/source",
    )
    findings = [
        finding("f1", url, Severity.CRITICAL, 98,
                [name_match(HOSTILE if hostile else "Anna Maria van der Berg"), home_match()],
                title=title, snippet=snippet, work_to_home=True, steps=[optout],
                rules=["name-with-home-address", "source-people-search", "work-to-home-link"]),
        finding("f2", "https://forum.example/t/123?q=<b>x</b>", Severity.HIGH, 75,
                [name_match(), mobile_match()], SourceKind.FORUM,
                title=title, snippet=snippet, rules=["name-with-private-phone"]),
        finding("f3", "https://praktijk-voorbeeld.example/team", Severity.INFO, 5,
                [name_match(), practice_match()], SourceKind.PRACTICE_SITE,
                rules=["practice-details"]),
    ]
    runs = [
        ProviderRun(provider="searxng", title="SearXNG", status=RunStatus.CHECKED,
                    observations=12, unchecked_parts=["engine: qwant"], web_search=True),
        ProviderRun(provider="big", title="BIG-register" + (HOSTILE if hostile else ""),
                    status=RunStatus.UNCHECKED, reason_code=RunReason.TIMED_OUT,
                    params=ReasonParams(seconds=30)),
        ProviderRun(provider="hibp", title="Have I Been Pwned", status=RunStatus.UNCHECKED,
                    reason_code=RunReason.NEEDS_KEY, params=ReasonParams(env_var="HIBP_API_KEY")),
        ProviderRun(provider="kvk", title="KvK", status=RunStatus.SKIPPED,
                    reason_code=RunReason.NOTHING_TO_LOOK_UP),
        ProviderRun(provider="wayback", title="Wayback", status=RunStatus.DISABLED,
                    reason_code=RunReason.DISABLED),
    ]
    ledger = [
        LedgerEntry(provider="searxng", host="search.example", fields=["name"], status=200, at=T0),
        LedgerEntry(provider="searxng", host="search.example", fields=["name"], status=200, at=T0),
        LedgerEntry(provider="inspector", host="people.example", fields=[], status=200, at=T0),
    ]
    return ScanResult(tool_version="0.1.0", started_at=T0, finished_at=T1, partial=partial,
                      language=language, profile={"country": "NL", "role": "gp"}, runs=runs,
                      findings=findings, ledger=ledger, score=99, level="critical",
                      confidence="reduced: 2 of 3 sources unchecked")


NL_READY = True
needs_nl = pytest.mark.skipif(not NL_READY, reason="Dutch catalog not written yet")
LANGS = ["en", pytest.param("nl", marks=needs_nl)]

SECTIONS = ["summary", "findings", "plan", "coverage", "ledger", "if-it-happens", "evidence"]
MD_HEADINGS = {
    "en": ["## Summary", "## Findings", "## Action plan", "## Coverage", "## Query ledger",
           "## If it happens", "## Evidence appendix"],
    "nl": ["## Samenvatting", "## Bevindingen", "## Actieplan", "## Dekking", "## Logboek",
           "## Als het gebeurt", "## Bijlage: bewijs"],
}


def test_registry_has_three_formats() -> None:
    assert set(RENDERERS) == {"json", "md", "html"}
    with pytest.raises(ReportError):
        render(sample_result(), "pdf")


def test_json_round_trips() -> None:
    result = sample_result(hostile=True)
    text = render(result, "json")
    assert ScanResult.model_validate_json(text) == result


@pytest.mark.parametrize("lang", LANGS)
def test_html_has_every_section(lang: str) -> None:
    html = render(sample_result(lang), "html")
    for section in SECTIONS:
        assert f'<section id="{section}">' in html
    assert f'<html lang="{lang}">' in html
    assert "285d" in html and "HelpWanted" in html
    assert "@media print" in html


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_has_every_section(lang: str) -> None:
    md = render(sample_result(lang), "md")
    for heading in MD_HEADINGS[lang]:
        assert heading in md, heading
    assert "285d" in md and "HelpWanted" in md


@needs_nl
def test_dutch_report_is_translated() -> None:
    md = render(sample_result("nl"), "md")
    assert "Samenvatting" in md and "Summary" not in md
    # reasons from risk-rules.toml are translated too
    assert "Uw naam samen met uw huisadres" in md


def test_html_is_self_contained() -> None:
    html = render(sample_result(), "html")
    assert "<script" not in html.lower()
    assert not re.search(r"""<link\b|src=["']?https?:|@import|url\(""", html, re.I)
    assert "Content-Security-Policy" in html


def test_hostile_markup_is_inert_in_html() -> None:
    html = render(sample_result(hostile=True), "html")
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'onerror="' not in html  # only the escaped form onerror=&#34;
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("https://", "http://", "#")) for h in hrefs)
    assert "javascript:" not in " ".join(hrefs)
    assert "<code>javascript:alert(3)</code>" in html  # shown as text


def test_hostile_markup_is_inert_in_markdown() -> None:
    md = render(sample_result(hostile=True), "md")
    assert "<script" not in md.lower() and "<img" not in md.lower()
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # no live markdown link
    assert "<javascript:" not in md  # no autolink
    assert "`javascript:alert(3)`" in md  # inert code text


def test_partial_scan_says_so_loudly() -> None:
    for fmt in ("md", "html"):
        assert "PARTIAL SCAN" in render(sample_result(partial=True), fmt)
        if NL_READY:
            assert "GEDEELTELIJKE SCAN" in render(sample_result("nl", partial=True), fmt)


def test_unchecked_sources_are_flagged() -> None:
    md = render(sample_result(), "md")
    assert "2 of 3 sources could NOT be checked" in md
    assert md.count("**NOT checked**") == 2
    assert "engine: qwant" in md  # unchecked parts of a checked source


def test_ledger_groups_identical_entries() -> None:
    md = render(sample_result(), "md")
    assert "| searxng | search.example | name | 2 | 200 |" in md


def test_finding_details_are_shown() -> None:
    md = render(sample_result(), "md")
    assert "same house number and postcode" in md  # FieldMatch.parts, in words
    assert "[name-with-home-address]" not in md  # rule ids are for machines (JSON) only
    assert "Your name together with your home address" in md  # the rule, in words
    assert "Use the site's opt-out form" in md  # removal step
    assert "2 March 2026, 10:30" in md  # time seen, in the profile country's time zone
    assert "ab" * 32 in md  # body hash in the appendix


def test_no_private_profile_values_beyond_what_was_seen() -> None:
    result = sample_result()
    # The redacted profile holds labels only; the report must not invent values.
    for fmt in ("md", "html"):
        out = render(result, fmt)
        assert "annamaria.berg@example.org" not in out


def test_empty_complete_scan_is_not_called_clear() -> None:
    result = ScanResult(tool_version="0.1.0", started_at=T0, finished_at=T1, language="en",
                        runs=[ProviderRun(provider="big", status=RunStatus.UNCHECKED,
                                          reason="timed out")],
                        score=0, level="unknown", confidence="none: every source was unchecked")
    md = render(result, "md")
    assert "unknown: not every source could be checked" in md
    assert "1 of 1 sources could NOT be checked" in md


def _all_msgids() -> set[str]:
    import tomllib
    from importlib import resources

    from babel.messages.extract import extract_from_dir

    templates = resources.files("exposure_scan.reports").joinpath("templates")
    ids: set[str] = set()
    for _file, _line, msg, _comments, _ctx in extract_from_dir(
        str(templates), method_map=[("**.j2", "jinja2")],
        options_map={"**.j2": {"extensions": "jinja2.ext.i18n"}},
    ):
        ids.add(msg[0] if isinstance(msg, tuple) else msg)
    data = resources.files("exposure_scan").joinpath("data")
    rules = tomllib.loads(data.joinpath("risk-rules.toml").read_text("utf-8"))
    ids |= {r["why"] for r in rules["rule"] + rules["source"] + rules["role"]}
    ids.add(rules["work_to_home"]["why"])
    steps = tomllib.loads(data.joinpath("removal-steps.toml").read_text("utf-8"))
    ids |= {c["action"] for c in steps["catalog"].values()}
    ids |= {s["action"] for s in steps["step"]}
    ids |= {s["title"] for s in [*steps["step"], *steps["catalog"].values()]}
    ids |= {s["expected_time"] for s in steps["step"] if s.get("expected_time")}
    return ids


def test_every_message_has_a_dutch_translation() -> None:
    from exposure_scan.reports.i18n import translations

    nl = translations("nl")
    ids = _all_msgids()
    assert len(ids) > 100
    missing = sorted(m for m in ids if nl.gettext(m) == m and m not in {"forum", "score",
                                                                          "Status", "Site:"})
    assert not missing, missing


def _if_it_happens(text: str, fmt: str) -> str:
    if fmt == "html":
        start = text.index('<section id="if-it-happens">')
        return text[start:text.index("</section>", start)]
    start = text.index("## If it happens") if "## If it happens" in text \
        else text.index("## Als het gebeurt")
    return text[start:text.index("\n## ", start + 3)]


DUTCH_ONLY = ("285d", "0900-8844", "HelpWanted", "Autoriteit Persoonsgegevens", "aangifte")


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", LANGS)
def test_if_it_happens_follows_the_profile_country(fmt: str, lang: str) -> None:
    def section(country: str) -> str:
        result = sample_result(lang).model_copy(update={"profile": {"country": country}})
        return _if_it_happens(render(result, fmt), fmt)

    nl, uk, us = section("NL"), section("UK"), section("US")
    assert all(word in nl for word in DUTCH_ONLY)
    for other in (uk, us):
        assert not [word for word in DUTCH_ONLY if word in other], other
    assert "999" in uk and "101" in uk and "ICO" in uk and "ico.org.uk" in uk
    assert "911" in us and "address confidentiality program" in us
    assert "999" not in us and "ICO" not in us and "911" not in uk
    # every country: keep evidence, report to the platform, tell the employer
    for text in (uk, us):
        assert ("Keep evidence" in text) or ("Bewaar bewijs" in text)
        assert ("platform" in text) and (("employer" in text) or ("werkgever" in text))


def test_report_without_a_country_gets_the_profile_default() -> None:
    result = sample_result().model_copy(update={"profile": {}})
    assert "285d" in _if_it_happens(render(result, "md"), "md")


def _partly_result(language: str = "en") -> ScanResult:
    runs = [
        ProviderRun(provider="searxng", title="SearXNG", status=RunStatus.CHECKED,
                    unchecked_parts=["engine: qwant"]),
        ProviderRun(provider="big", title="BIG-register", status=RunStatus.CHECKED),
    ]
    return ScanResult(tool_version="0.1.0", started_at=T0, finished_at=T1, language=language,
                      runs=runs, confidence="reduced: 1 of 2 sources only partly checked")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_only_partly_checked_sources_get_a_partly_banner(fmt: str) -> None:
    out = render(_partly_result(), fmt)
    assert "1 of 2 sources could only partly be checked" in out
    assert "could NOT be checked" not in out
    assert "0 of 2" not in out  # never "0 of N sources not checked"
    assert "reduced: 1 of 2 sources only partly checked" in out
    if NL_READY:
        nl = render(_partly_result("nl"), fmt)
        assert "1 van 2 bronnen konden slechts gedeeltelijk" in nl and "0 van 2" not in nl


def test_unchecked_sources_keep_the_not_checked_banner() -> None:
    md = render(sample_result(), "md")
    assert "could only partly be checked" not in md
    assert "reduced: 2 of 3 sources not checked; 1 of 3 sources only partly checked" in md


PROPER_NAMES = {"BIG-register (CIBG)", "Brave Search API", "KvK Handelsregister (Zoeken v2)"}


def test_every_source_title_has_a_dutch_translation() -> None:
    from exposure_scan.inspector import PageInspector
    from exposure_scan.registry import builtin_provider_classes
    from exposure_scan.reports.i18n import translations

    nl = translations("nl")
    titles = {c.title for c in builtin_provider_classes()} | {PageInspector.title}
    assert [t for t in titles if nl.gettext(t) == t and t not in PROPER_NAMES] == []


def test_dutch_report_translates_source_titles_and_profile_labels() -> None:
    result = sample_result("nl").model_copy(update={"runs": [
        ProviderRun(provider="inspector", title="Page inspector (reads the pages found)",
                    status=RunStatus.CHECKED),
    ]})
    own = FieldMatch(field=FieldKind.ADDRESS, label="holiday home", observed="Duinweg 1",
                     confidence=0.9, reason="street", private=True)
    result = result.model_copy(update={"findings": [
        *result.findings,
        finding("f4", "https://x.example/1", Severity.HIGH, 70, [own]),
    ]})
    for fmt in ("md", "html"):
        out = render(result, fmt)
        assert "Paginalezer (leest de gevonden pagina’s)" in out  # no apostrophe to escape
        assert "Page inspector" not in out
        assert "adres (thuis)" in out and "(home)" not in out
        assert "telefoonnummer (mobiel)" in out
        assert "(holiday home)" in out  # the user's own label stays as written
    en = render(result.model_copy(update={"language": "en"}), "md")
    assert "Page inspector (reads the pages found)" in en and "address (home)" in en


def test_apostrophes_read_normally_in_markdown() -> None:
    from exposure_scan.reports.render import md_text

    assert md_text("O'Brien, 's-Gravenhage") == "O'Brien, 's-Gravenhage"
    assert "<" not in md_text("<b>x</b>")


def test_every_manual_check_hint_has_a_dutch_translation() -> None:
    from exposure_scan.registry import builtin_provider_classes
    from exposure_scan.reports.i18n import translations

    nl = translations("nl")
    hints = {c.manual_check for c in builtin_provider_classes() if c.manual_check}
    assert {"kvk", "hibp", "companies_house", "brave"} <= {
        c.name for c in builtin_provider_classes() if c.manual_check}
    assert [h for h in hints if nl.gettext(h) == h] == []


def _stopped_result(language: str = "en") -> ScanResult:
    from exposure_scan.providers.kvk import KvkProvider

    runs = [
        ProviderRun(provider="searxng", title="SearXNG web search", status=RunStatus.CHECKED,
                    web_search=True),
        ProviderRun(provider="kvk", title=KvkProvider.title, status=RunStatus.NOT_CONFIGURED,
                    reason_code=RunReason.NEEDS_KEY, params=ReasonParams(env_var="KVK_API_KEY"),
                    manual_check=KvkProvider.manual_check),
        ProviderRun(provider="inspector", title="Page inspector (reads the pages found)",
                    status=RunStatus.INTERRUPTED, observations=1,
                    reason_code=RunReason.INTERRUPTED),
    ]
    return ScanResult(tool_version="0.1.0", started_at=T0, finished_at=T1, language=language,
                      partial=True, runs=runs, level="unknown")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_interrupted_and_not_configured_sources_are_shown_for_what_they_are(fmt: str) -> None:
    en = render(_stopped_result(), fmt)
    assert "not configured" in en and "Or check it by hand:" in en and "INTERRUPTED" in en
    assert "One source needs a key or address you have not set" in en
    assert "(s)" not in en  # a real plural, not "source(s)"
    # the interrupted one, worded as stopped, not as failed; the key one not counted at all
    assert "1 of 2 sources was interrupted: the scan stopped before it finished" in en
    assert "could NOT be checked" not in en and "1 of 2 sources stopped before it finished" in en
    assert "The web was not searched" not in en
    # Stopped early: the first screen never says "no urgent action" (regression).
    assert "No urgent action" not in en and "the scan was stopped before the end" in en
    nl = render(_stopped_result("nl"), fmt)
    for dutch in ("niet ingesteld", "AFGEBROKEN", "Of controleer het zelf:",
                  "https://www.kvk.nl/zoeken/", "scan afgebroken terwijl deze bron werd gevraagd",
                  "heeft een API-sleutel nodig", "Eén bron heeft een sleutel"):
        assert dutch in nl, dutch
    assert "(nen)" not in nl and "Geen dringende actie" not in nl
    assert "1 van 2 bronnen is afgebroken: de scan stopte voordat die klaar was" in nl
    assert "de scan is voor het einde gestopt" in nl
