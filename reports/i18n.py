"""Translations for reports: gettext catalogs read with Babel.

The source of truth is `locale/<lang>/LC_MESSAGES/messages.po`. It is compiled in memory
when first used, so there is no build step and no stale `.mo` file. English is the source
language and needs no catalog.
"""

from __future__ import annotations

import io
from functools import cache
from importlib import resources

from babel.support import NullTranslations, Translations

from exposure_scan import wording
from exposure_scan.matching.reason import describe
from exposure_scan.models import FieldMatch, ProviderRun, UncheckedPart
from exposure_scan.wording import run_text

LANGUAGES = ("en", "nl")
DEFAULT_LANGUAGE = "en"


def normalise(lang: str | None) -> str:
    lang = (lang or DEFAULT_LANGUAGE).strip().lower()[:2]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


@cache
def translations(lang: str) -> NullTranslations:
    """The catalog for `lang` ("nl", "en"); unknown languages fall back to English."""
    lang = normalise(lang)
    po = resources.files("exposure_scan.reports").joinpath(f"locale/{lang}/LC_MESSAGES/messages.po")
    if lang == DEFAULT_LANGUAGE or not po.is_file():
        return NullTranslations()
    # the catalog readers only when there is a catalog to read: not for an English report
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    buf = io.BytesIO()
    with po.open("rb") as fh:
        write_mo(buf, read_po(fh, locale=lang))  # fuzzy entries are left out, as msgfmt does
    buf.seek(0)
    return Translations(fp=buf)


def gettext(lang: str, message: str) -> str:
    if not message:
        return message
    return translations(lang).gettext(message)


def reason_text(lang: str, match: FieldMatch) -> str:
    """Which parts of a match agreed, in the report's language. A result written before
    matches carried their parts keeps its English reason."""
    if not match.parts:
        return match.reason
    return describe(match.parts, lambda message: gettext(lang, message))


def run_reason_text(lang: str, run: ProviderRun) -> str:
    """Why a source was not checked, in the report's language, from its reason code. A
    source's own message (`detail`) follows as it said it; a result written before runs
    carried codes keeps its English sentence."""
    if run.reason_code is None:
        return run.reason
    params = run.params.values() if run.params else None
    return run_text(run.reason_code.value, params, run.detail, _catalog(lang))


def part_text(lang: str, part: UncheckedPart) -> str:
    """One unchecked page or part, for people: the URL, then why, in the report's language."""
    params = part.params.values() if part.params else None
    why = wording.part_text(part.reason.value, params, part.detail, _catalog(lang))
    title = f" ({part.title})" if part.title else ""
    return f"{part.url}{title}: {why}" if part.url else why


def _catalog(lang: str) -> NullTranslations | None:
    """None for English, the source language: the words are the msgids themselves."""
    return None if normalise(lang) == DEFAULT_LANGUAGE else translations(lang)


# The profile fields a request carried (exposure_scan.provider.QueryField), for people.
FIELD_LABELS = {
    "name": "name",
    "city": "practice city",
    "work_email": "work email",
    "private_email": "private email",
    "website": "own website",
    "username": "user name",
    "work_phone": "work phone",
    "private_phone": "private phone",
    "practice_address": "practice address",
    "home_address": "home address",
    "practice_name": "practice name",
    "found_url": "address of a page found",
}


def field_label(lang: str, field: str) -> str:
    return gettext(lang, FIELD_LABELS.get(field, field))


# Profile labels the report shows next to a match ("address (home)"). The usual ones are
# translated; a user's own label ("holiday home", "thuis") is shown as they wrote it.
PROFILE_LABELS = ("home", "practice", "mobile", "private", "work")


def profile_label(lang: str, label: str) -> str:
    key = label.strip().lower()
    return gettext(lang, key) if key in PROFILE_LABELS else label


# The same display labels as templates/_labels.j2 (same msgids), for plain-text files.
SEVERITY_LABELS = {
    "critical": "Critical", "high": "High", "medium": "Medium", "low": "Low",
    "info": "Information",
}
FIELD_NAMES = {"name": "name", "address": "address", "phone": "phone number",
               "email": "email address"}
KIND_LABELS = {
    "registry": "professional or trade register", "search": "search engine result",
    "people_search": "people-search site", "directory": "directory",
    "practice_site": "practice website", "review_site": "review site",
    "social": "social network", "forum": "forum", "news": "news",
    "archive": "web archive", "domain": "domain registration",
    "code_hosting": "code hosting", "avatar": "profile picture service",
    "breach": "data breach", "web": "web page",
}
