"""One plan, not copies: every step once per report; the first screen names pages."""

from __future__ import annotations

import html

import pytest
from markupsafe import escape

from exposure_scan.models import Finding, ScanResult, Severity, SourceKind
from exposure_scan.profile import Profile
from exposure_scan.removal import attach_steps, build_plan, step_book
from exposure_scan.reports import render
from exposure_scan.reports.i18n import gettext
from tests.test_reports import (
    T0,
    T1,
    finding,
    home_match,
    mobile_match,
    name_match,
    practice_match,
)


def _with_text(f: Finding, text: str) -> Finding:
    return f.model_copy(update={"observation": f.observation.model_copy(update={"text": text})})


def busy_result(profile: Profile, language: str) -> ScanResult:
    findings = attach_steps([
        _with_text(finding("t", "https://forum.example/t/1", Severity.HIGH, 85,
                           [name_match(), home_match(), mobile_match()], SourceKind.FORUM,
                           title="Klachten over huisartsen"),
                   "Anna Maria van der Berg weigert. Ik weet waar ze woont: Fictiefstraat 7B, "
                   "9999 ZZ Voorbeeldstad. Bel 06-98765432."),
        finding("a", "https://www.oozo.nl/a", Severity.CRITICAL, 95,
                [name_match(), home_match()], SourceKind.DIRECTORY),
        finding("b", "https://oozo.nl/b", Severity.CRITICAL, 93,
                [name_match(), home_match()], SourceKind.DIRECTORY),
        finding("w", "https://blog.example/post", Severity.HIGH, 70,
                [name_match(), mobile_match()], SourceKind.WEB, title="Een blog"),
        finding("p", "https://people.example/x", Severity.CRITICAL, 97,
                [name_match(), home_match()], SourceKind.PEOPLE_SEARCH),
        finding("i", "https://praktijk.example/team", Severity.INFO, 5,
                [name_match(), practice_match()], SourceKind.PRACTICE_SITE),
    ], profile)
    return ScanResult(tool_version="0.1.0", started_at=T0, finished_at=T1, language=language,
                      profile={"country": "NL"}, findings=findings,
                      plan=build_plan(findings, profile), score=99, level="critical",
                      confidence="complete")


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_no_step_text_appears_twice(profile: Profile, lang: str, fmt: str) -> None:
    result = busy_result(profile, lang)
    out = render(result, fmt)
    book = step_book()
    texts = {gettext(lang, r.action) for r in book.step}
    texts |= {gettext(lang, c.action) for c in book.catalog.values()}
    shown = 0
    for text in texts:
        needle = str(escape(text)) if fmt == "html" else text
        count = out.count(needle)
        # the plan has it once; "Do these first" names the first three by title only
        assert count <= 1, (text, count)
        shown += count > 0
    assert shown >= 8
    # rule ids are not shown to readers, but kept in the JSON
    assert "[name-with-home-address]" not in out and "save-evidence" not in out
    assert '"rule": "save-evidence"' in render(result, "json")


def test_delisting_lists_every_page_and_site_steps_go_per_site(profile: Profile) -> None:
    plan = busy_result(profile, "en").plan
    google = [p for p in plan if "Google" in p.step.action]
    assert len(google) == 1 and not google[0].per_site
    assert len(google[0].urls) >= 4
    oozo = [p for p in plan if p.hosts == ["oozo.nl"] and p.per_site]
    assert oozo and all(sorted(p.finding_ids) == ["a", "b"] for p in oozo)
    for once in ("Autoriteit Persoonsgegevens", "HelpWanted", "BRP secrecy"):
        assert sum(once in p.step.action for p in plan) == 1, once


def test_first_screen_names_each_exposed_page_highest_risk_first(profile: Profile) -> None:
    md = render(busy_result(profile, "nl"), "md")
    block = md[md.index("## Waar uw gegevens te zien zijn"):md.index("## Samenvatting")]
    assert block.index("people.example") < block.index("blog.example")
    assert "uw huisadres" in block and "uw mobiele nummer" in block
    assert "praktijk.example" not in block.split("### ")[0]  # practice data: not exposed
    first = block[block.index("### "):]
    assert first.count("\n1. ") + first.count("\n2. ") + first.count("\n3. ") == 3
    assert "forum.example" in first  # each first action names its page
    threat = busy_result(profile, "en")
    assert [p.step.method for p in threat.plan[:3]] == ["evidence", "report", "police"]


def test_one_step_for_two_sites_with_the_same_form_is_written_once_with_each_sites_link(
    profile: Profile,
) -> None:
    """Two people-search sites whose opt-out is a web form: the step's words once, each site
    with its own form (the plan keeps one item per form, the reader sees one step)."""
    us = Profile.model_validate({**profile.model_dump(mode="json", exclude_none=True),
                                 "country": "US"})
    findings = attach_steps([
        finding("s", "https://www.spokeo.com/a", Severity.CRITICAL, 95,
                [name_match(), home_match()]),
        finding("w", "https://www.whitepages.com/b", Severity.CRITICAL, 94,
                [name_match(), home_match()]),
    ], us)
    result = ScanResult(tool_version="0.1.0", started_at=T0, finished_at=T1, language="en",
                        profile={"country": "US"}, findings=findings,
                        plan=build_plan(findings, us), score=99, level="critical")
    forms = [p for p in result.plan if p.rule == "catalog-web_form"]
    assert len(forms) == 2 and forms[0].step.action == forms[1].step.action
    out = render(result, "html")
    assert out.count(str(escape(forms[0].step.action))) == 1
    for item in forms:
        assert f'href="{item.step.url}"' in out
    md = render(result, "md")
    assert md.count(forms[0].step.action) == 1
    assert all(f"<{item.step.url}>" in md for item in forms)


def test_report_to_the_platform_says_where_to_find_the_report_page(profile: Profile) -> None:
    for lang, words in (("en", "“report” button or menu"), ("nl", "‘melden’")):
        out = render(busy_result(profile, lang), "html")
        assert out.count(html.escape(words)) == 1, lang
        step = out[out.index('id="step-2"'):out.index('id="step-3"')]
        assert "forum.example" in step and html.escape(words) in step


def test_the_paper_copy_writes_every_step_out_and_jumps_nowhere(profile: Profile) -> None:
    from exposure_scan.reports import render_print

    for lang in ("en", "nl"):
        result = busy_result(profile, lang)
        paper = render_print(result)
        assert 'href="#' not in paper and "<details" not in paper and "<summary" not in paper
        for item in result.plan:
            assert paper.count(str(escape(gettext(lang, item.step.action)))) == 1
        assert "SHA-256" in paper  # the evidence record on each card
        screen = render(result, "html")
        assert 'href="#step-1"' in screen and "<details" in screen
