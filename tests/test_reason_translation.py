"""Match explanations read in the report's language: every phrase the matcher uses has a
Dutch translation."""

from __future__ import annotations

import re

from exposure_scan.matching import Matcher
from exposure_scan.profile import Profile
from exposure_scan.reports.i18n import REASON_PHRASES, gettext, translate_reason

CANDIDATES = {
    "name": ["Anna Maria van der Berg", "A.M. van der Berg", "Kuiper, A.", "Berg, A.M. van der",
             "Anna Kuiper-van der Berg"],
    "address": ["Fictiefstraat 7B, 9999 ZZ Voorbeeldstad", "Fictiefstraat 7, Voorbeeldstad",
                "9999ZZ 7B", "Praktijkplein 1, 9998 YY Voorbeeldstad"],
    "phone": ["06-98765432", "+31 (0)591 123456"],
    "email": ["annamaria.berg [at] example [dot] org", "A.VanDerBerg@praktijk-voorbeeld.example"],
}


def test_every_reason_phrase_has_a_dutch_translation() -> None:
    missing = [p for p in REASON_PHRASES if gettext("nl", p) == p and p != "postcode"]
    assert missing == []


def test_matcher_reasons_translate_without_english_left(profile: Profile) -> None:
    matcher = Matcher(profile)
    reasons = []
    for raw in CANDIDATES["name"]:
        hit = matcher.match_name(raw)
        assert hit is not None, raw
        reasons.append(hit.reason)
    for field in ("address", "phone", "email"):
        for raw in CANDIDATES[field]:
            hits = getattr(matcher, f"match_{field}")(raw)
            assert hits, raw
            reasons += [h.reason for h in hits]
    english = re.compile(r"\b(same|street|number|surname|given|initials?|mailbox|and|city)\b")
    for reason in reasons:
        dutch = translate_reason("nl", reason)
        assert not english.search(dutch), (reason, dutch)
    assert translate_reason("en", reasons[0]) == reasons[0]


def test_source_status_reasons_read_in_dutch() -> None:
    from exposure_scan.reports.i18n import translate_run_reason

    cases = {
        "switched off in the config": "uitgeschakeld in de configuratie",
        "needs an API key: set KVK_API_KEY": "heeft een API-sleutel nodig: zet KVK_API_KEY",
        "covers US only": "alleen voor de Verenigde Staten",  # not the ISO code
        "covers UK only": "alleen voor het Verenigd Koninkrijk",
        "timed out after 120 s": "geen antwoord binnen 120 s",
        "rate limited: rate limited by api.test (HTTP 429)":
            "te veel verzoeken (rate limit): rate limited by api.test (HTTP 429)",
        "response format changed (KeyError); switched off in the config":
            "antwoord in een onbekende vorm (KeyError); uitgeschakeld in de configuratie",
    }
    for english, dutch in cases.items():
        assert translate_run_reason("nl", english) == dutch
        assert translate_run_reason("en", english) == english


def test_every_status_reason_has_a_dutch_translation() -> None:
    from exposure_scan.reports.i18n import ERROR_KINDS, RUN_REASONS

    msgids = [m for _, m in RUN_REASONS] + list(ERROR_KINDS)
    assert [m for m in msgids if gettext("nl", m) == m] == []


def test_every_part_reason_reads_in_dutch() -> None:
    from exposure_scan.models import PartReason, UncheckedPart
    from exposure_scan.reports.i18n import PART_REASONS, part_text

    assert set(PART_REASONS) == {r.value for r in PartReason}
    assert [m for m in PART_REASONS.values() if gettext("nl", m) == m] == []
    part = UncheckedPart(reason=PartReason.NOT_MATCHED, url="https://forum.test/t/1",
                         title="Post")
    assert part_text("nl", part) == (
        "https://forum.test/t/1 (Post): kon niet met uw profiel worden vergeleken")


def test_a_page_detail_without_translation_reads_as_its_kind_in_dutch() -> None:
    # Regression: the inspector's own details ("robots.txt disallows reading it", "timed out
    # after 20 s (host)") were shown untranslated in every Dutch report's coverage table.
    from exposure_scan.models import PartReason, UncheckedPart
    from exposure_scan.reports.i18n import part_text

    part = UncheckedPart(reason=PartReason.ROBOTS, url="https://forum.test/t/1",
                         detail="robots.txt disallows reading it")
    assert part_text("nl", part).startswith("https://forum.test/t/1: robots.txt staat lezen niet")
    timed = UncheckedPart(reason=PartReason.TIMED_OUT, url="https://a.test/",
                          detail="timed out after 20 s (a.test)")
    assert part_text("nl", timed).startswith("https://a.test/: geen antwoord op tijd")
    assert part_text("en", timed) == "https://a.test/: timed out after 20 s (a.test)"
