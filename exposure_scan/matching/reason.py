"""The words for a match's parts (models.MatchPart).

One grammar for every language: `describe` takes a gettext function, so the English
reason stored on a FieldMatch and a translated report line are built the same way. Each
phrase below is a msgid in reports/locale.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from exposure_scan.models import MatchPart as P

Gettext = Callable[[str], str]

GIVEN = (P.GIVEN_NAME, P.GIVEN_NAMES)
# The parts of an address, in the order they are named.
_ADDRESS_WORDS = {
    P.STREET: "street",
    P.STREET_TYPO: "street (one typing error)",
    P.HOUSE_NUMBER: "house number",
    P.UNIT: "unit",
    P.ADDITION: "addition",
    P.POSTCODE: "postcode",
    P.CITY: "city",
    P.CITY_ALIAS: "city (a known alias)",
}
_NOT_SHOWN = {P.ADDITION_NOT_SHOWN: "addition not shown", P.UNIT_NOT_SHOWN: "unit not shown"}
_EMAIL_NOTES = {
    P.WRITTEN_OUT: "written out or obfuscated",
    P.PLUS_TAG: "+tag ignored",
    P.GMAIL_SPELLING: "Gmail spelling",
}
_PHONE_NOTES = {
    P.COUNTRY_AND_NUMBER: "country code and number agree",
    P.NUMBER_IN_TEXT: "found in the page text",
}


def _english(message: str) -> str:
    return message


def describe(parts: Iterable[P], gettext: Gettext = _english) -> str:
    """The parts in plain words: "same surname and given names" or "same street, house
    number and postcode; addition not shown"."""
    _ = gettext
    have = tuple(parts)
    if P.SURNAME in have or P.PARTNER_SURNAME in have:
        return _name(have, _)
    if P.MAILBOX in have:
        return _with_notes(_("same mailbox"), have, _EMAIL_NOTES, _)
    if P.PHONE_NUMBER in have:
        return _with_notes(_("same phone number"), have, _PHONE_NOTES, _)
    words = [_(word) for part, word in _ADDRESS_WORDS.items() if part in have]
    text = f"{_('same')} {join(words, _)}" if words else ""
    notes = [_(word) for part, word in _NOT_SHOWN.items() if part in have]
    return "; ".join([text, *notes]) if text else "; ".join(notes)


def strong_initials(parts: Iterable[P]) -> bool:
    """Several initials and no given name written out."""
    have = tuple(parts)
    return P.INITIALS in have and not any(g in have for g in GIVEN)


def join(words: list[str], gettext: Gettext = _english) -> str:
    """["street", "house number", "postcode"] -> "street, house number and postcode"."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {gettext('and')} {words[-1]}"


def _name(have: tuple[P, ...], _: Gettext) -> str:
    surname = _(
        "one half of the partner-name combination" if P.PARTNER_SURNAME in have else "same surname"
    )
    given = [_("given names" if P.GIVEN_NAMES in have else "given name")]
    if any(g in have for g in GIVEN):
        given += [_("initials")] if P.INITIALS in have else []
        if P.PARTNER_SURNAME in have:
            return f"{surname}, {_('same')} {join(given, _)}"
        return f"{_('same')} {join([_('surname'), *given], _)}"
    return f"{surname}, {_('matching initials' if P.INITIALS in have else 'matching initial')}"


def _with_notes(head: str, have: tuple[P, ...], notes: dict[P, str], _: Gettext) -> str:
    said = [_(word) for part, word in notes.items() if part in have]
    return f"{head} ({', '.join(said)})" if said else head
