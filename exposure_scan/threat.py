"""Threats: a page that does more than show the person's data.

A finding is a threat when words of intimidation stand near the person's data on the page
(a small Dutch and English lexicon), or when a forum or social post shows their home address
(doxing). A threat changes the plan: evidence, the platform, the police and the employer
come before any removal request. Pure functions; the lexicon errs on the side of a few
clear phrases, since a false alarm sends a worried reader to the police.
"""

from __future__ import annotations

import re

from exposure_scan.models import FieldKind, Finding, SourceKind
from exposure_scan.passage import spans

NEAR = 300  # characters either side of a matched value that count as "next to" it
POST_KINDS = frozenset({SourceKind.FORUM, SourceKind.SOCIAL})
# Not a post by a stranger: own accounts and practice pages, registrations, leaked data.
NOT_POSTS = frozenset({SourceKind.DOMAIN, SourceKind.AVATAR, SourceKind.CODE_HOSTING,
                       SourceKind.BREACH, SourceKind.REGISTRY, SourceKind.PRACTICE_SITE})

_WHO_NL = r"(?:ze|zij|hij|je|jij|u|jullie|die|dat wijf|die vent)"
_WHO_EN = r"(?:she|he|you|they)"
_OBJ_NL = r"(?:haar|hem|je|jou|u|jullie|die)"
_OBJ_EN = r"(?:her|him|you|them)"
LEXICON = (
    # Dutch
    rf"weet(?:en)? (?:precies |nu |heus )?waar {_WHO_NL} (?:woont|wonen|slaapt)",
    rf"(?:kom|komen|ga|gaan) (?:eens |een keer |even |binnenkort )?bij {_OBJ_NL} langs",
    rf"(?:kom|komen|ga|gaan) {_OBJ_NL} (?:eens |maar |even |wel )?(?:halen|opzoeken|pakken)",
    rf"{_OBJ_NL} (?:eens |maar |even )?(?:opzoeken|opwachten|een bezoekje brengen)",
    r"(?:op de stoep|voor de deur|aan de deur) (?:staan|komen)",
    r"(?:staan|komen|staat) (?:we |ik |er )?(?:straks |snel |binnenkort )?"
    r"(?:op de stoep|voor de deur|aan de deur)",
    rf"{_WHO_NL} (?:zal|gaat|moet) (?:het |ervoor )?(?:boeten|bezuren|voelen)",
    r"(?:kijk|pas) (?:maar )?uit (?:voor jezelf|wat je doet)",
    r"(?:wraak (?:nemen|neemt|neem))|(?:neem|nemen|neemt) (?:\w+ )?wraak",
    rf"(?:maak|maken) {_OBJ_NL} (?:af|kapot)",
    r"(?:krijgt|verdient) (?:wat )?(?:een )?(?:lesje|pak slaag|klappen)",
    rf"(?:we|ik) (?:weten|weet) {_OBJ_NL} (?:wel )?te vinden",
    # English
    rf"(?:we|i) know where {_WHO_EN} (?:live|lives|sleep|sleeps)",
    rf"pay {_OBJ_EN} a (?:little )?visit",
    rf"(?:show|turn) up at {_OBJ_EN}r? (?:door|house|home|place)",
    rf"(?:coming|come) for {_OBJ_EN}",
    rf"(?:teach|taught) {_OBJ_EN} a lesson",
    rf"{_WHO_EN}(?:'ll| will) (?:regret|pay for) (?:it|this|that)",
    r"watch (?:your|her|his) back",
    rf"(?:we|i) (?:will|'ll) find {_OBJ_EN}",
    rf"(?:hurt|kill) {_OBJ_EN}",
    r"deserves? what(?:'s| is) coming",
)
_LEXICON = re.compile(r"(?<!\w)(?:" + "|".join(LEXICON) + r")(?!\w)", re.IGNORECASE)


def intimidation(text: str) -> list[str]:
    """The phrases of intimidation in `text`, as written there."""
    return [m.group() for m in _LEXICON.finditer(" ".join(text.split()))]


def _near_values(finding: Finding) -> list[str]:
    obs = finding.observation
    text = " ".join(obs.text.split())
    places = spans(text, [m.observed for m in finding.matches])
    near = [text[max(0, s - NEAR): e + NEAR] for s, e in places]
    # values found only in structured data: the post's own title and excerpt
    return near or [obs.title, obs.snippet]


def threatens(finding: Finding) -> bool:
    """Words of intimidation next to the person's data, or a post with their home address."""
    if finding.threat is not None:
        return finding.threat
    kind = finding.observation.source_kind
    if kind in NOT_POSTS:
        return False
    home = any(m.private and m.field is FieldKind.ADDRESS for m in finding.matches)
    if kind in POST_KINDS and home:
        return True
    return any(intimidation(part) for part in _near_values(finding))
