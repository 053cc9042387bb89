"""Translations for reports: gettext catalogs read with Babel.

The source of truth is `locale/<lang>/LC_MESSAGES/messages.po`. It is compiled in memory
when first used, so there is no build step and no stale `.mo` file. English is the source
language and needs no catalog.
"""

from __future__ import annotations

import io
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
