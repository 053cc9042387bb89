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
