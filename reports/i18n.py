"""Translations for reports: gettext catalogs read with Babel.

The source of truth is `locale/<lang>/LC_MESSAGES/messages.po`. It is compiled in memory
when first used, so there is no build step and no stale `.mo` file. English is the source
language and needs no catalog.
"""

from __future__ import annotations

import io
import re
from functools import cache
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LANGUAGES = ("en", "nl")
DEFAULT_LANGUAGE = "en"


def normalise(lang: str | None) -> str:
    lang = (lang or DEFAULT_LANGUAGE).strip().lower()[:2]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


@cache
def translations(lang: str) -> NullTranslations:
    """The catalog for `lang` ("nl", "en"); unknown languages fall back to English."""
    lang = normalise(lang)
    po = resources.files("exposure_scan.reports").joinpath(
        f"locale/{lang}/LC_MESSAGES/messages.po"
    )
    if lang == DEFAULT_LANGUAGE or not po.is_file():
        return NullTranslations()
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog)  # fuzzy entries are left out, as msgfmt does
    buf.seek(0)
    return Translations(fp=buf)


def gettext(lang: str, message: str) -> str:
    if not message:
        return message
    return translations(lang).gettext(message)


# The matcher explains each match in a closed vocabulary of English phrases (the JSON keeps
# them as written). Each phrase is a msgid, so a reason is translated phrase by phrase.
REASON_PHRASES = (
    "one half of the partner-name combination",
    "country code and number agree",
    "found in the page text",
    "written out or obfuscated",
    "city (a known alias)",
    "addition not shown",
    "unit not shown",
    "matching initials",
    "matching initial",
    "same phone number",
    "same given names",
    "same given name",
    "same surname",
    "same mailbox",
    "Gmail spelling",
    "+tag ignored",
    "house number",
    "and initials",
    "same",
    "street",
    "unit",
    "addition",
    "postcode",
    "city",
    "and",
)
_REASON = re.compile(
    "|".join(rf"(?<![\w+]){re.escape(p)}(?![\w])" for p in REASON_PHRASES)
)


def translate_reason(lang: str, reason: str) -> str:
    """A match explanation in the report's language; unknown words stay as they are."""
    if normalise(lang) == DEFAULT_LANGUAGE:
        return reason
    return _REASON.sub(lambda m: gettext(lang, m.group()), reason)
