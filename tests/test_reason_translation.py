"""Match explanations read in the report's language: every match part (models.MatchPart)
has Dutch words, and reports translate from the parts, never from the English reason."""

from __future__ import annotations

import re

from exposure_scan.matching import Matcher
from exposure_scan.matching.reason import describe
from exposure_scan.models import FieldKind, FieldMatch, MatchPart
from exposure_scan.profile import Profile
from exposure_scan.reports.i18n import gettext, reason_text

CANDIDATES = {
    "name": ["Anna Maria van der Berg", "A.M. van der Berg", "Kuiper, A.", "Berg, A.M. van der",
             "Anna Kuiper-van der Berg"],
    "address": ["Fictiefstraat 7B, 9999 ZZ Voorbeeldstad", "Fictiefstraat 7, Voorbeeldstad",
                "9999ZZ 7B", "Praktijkplein 1, 9998 YY Voorbeeldstad"],
    "phone": ["06-98765432", "+31 (0)591 123456"],
    "email": ["annamaria.berg [at] example [dot] org", "A.VanDerBerg@praktijk-voorbeeld.example"],
}


ENGLISH = re.compile(
    r"\b(same|street|number|surname|given|initials?|mailbox|and|city|typing|shown|found)\b"
)
P = MatchPart
COMBINATIONS = [
    (P.SURNAME, P.GIVEN_NAMES, P.INITIALS),
    (P.PARTNER_SURNAME, P.GIVEN_NAME),
    (P.SURNAME, P.INITIAL),
    (P.PARTNER_SURNAME, P.INITIALS),
    (P.STREET, P.HOUSE_NUMBER, P.ADDITION, P.POSTCODE, P.CITY),
    (P.STREET_TYPO, P.HOUSE_NUMBER, P.CITY_ALIAS, P.UNIT_NOT_SHOWN),
    (P.HOUSE_NUMBER, P.UNIT, P.POSTCODE, P.ADDITION_NOT_SHOWN),
    (P.MAILBOX, P.WRITTEN_OUT, P.PLUS_TAG, P.GMAIL_SPELLING),
    (P.PHONE_NUMBER, P.COUNTRY_AND_NUMBER),
    (P.PHONE_NUMBER, P.NUMBER_IN_TEXT),
]


def _match(parts: tuple[MatchPart, ...]) -> FieldMatch:
    return FieldMatch(field=FieldKind.NAME, label="", observed="x", confidence=0.9,
                      reason=describe(parts), parts=parts)


def test_every_match_part_reads_in_dutch() -> None:
    assert {p for parts in COMBINATIONS for p in parts} == set(MatchPart)
    for parts in COMBINATIONS:
        dutch = reason_text("nl", _match(parts))
        assert dutch and not ENGLISH.search(dutch), (parts, dutch)
        assert reason_text("en", _match(parts)) == describe(parts)


def test_a_result_without_parts_keeps_its_english_reason() -> None:
    old = FieldMatch(field=FieldKind.NAME, label="", observed="x", confidence=0.9,
                     reason="given names and surname agree")
    assert reason_text("nl", old) == "given names and surname agree"


def test_matcher_reasons_translate_without_english_left(profile: Profile) -> None:
    matcher = Matcher(profile)
    hits = []
    for raw in CANDIDATES["name"]:
        hit = matcher.match_name(raw)
        assert hit is not None, raw
        hits.append(hit)
    for field in ("address", "phone", "email"):
        for raw in CANDIDATES[field]:
            found = getattr(matcher, f"match_{field}")(raw)
            assert found, raw
            hits += found
    for hit in hits:
        assert hit.parts and hit.reason == describe(hit.parts)
        dutch = reason_text("nl", hit)
        assert not ENGLISH.search(dutch), (hit.reason, dutch)
        assert reason_text("en", hit) == hit.reason


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
