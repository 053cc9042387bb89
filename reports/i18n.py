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

from exposure_scan.matching.reason import describe
from exposure_scan.models import FieldMatch, UncheckedPart

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


def reason_text(lang: str, match: FieldMatch) -> str:
    """Which parts of a match agreed, in the report's language. A result written before
    matches carried their parts keeps its English reason."""
    if not match.parts:
        return match.reason
    return describe(match.parts, lambda message: gettext(lang, message))


# Why a source was not checked, as the scan words it: (pattern, msgid with placeholders).
RUN_REASONS = (
    (r"switched off in the config", "switched off in the config"),
    (r"not selected for this run", "not selected for this run"),
    (r"needs an API key: set (?P<var>\S+)", "needs an API key: set {var}"),
    (
        r"needs a base_url: set \[providers\.(?P<name>\w+)\] base_url",
        "needs a base_url: set [providers.{name}] base_url",
    ),
    (
        r"nothing in the profile for this source to look up",
        "nothing in the profile for this source to look up",
    ),
    (r"covers NL only", "covers NL only"),  # countries in words, not ISO codes
    (r"covers UK only", "covers UK only"),
    (r"covers US only", "covers US only"),
    (r"covers (?P<area>\w+) only", "covers {area} only"),
    (
        r"scan interrupted before this source was asked",
        "scan interrupted before this source was asked",
    ),
    (
        r"scan interrupted while this source was being asked",
        "scan interrupted while this source was being asked",
    ),
    (r"timed out after (?P<seconds>[\d.]+) s", "timed out after {seconds} s"),
    (r"response format changed \((?P<kind>\w+)\)", "response format changed ({kind})"),
    (
        r"internal error in this provider \((?P<kind>\w+)\)",
        "internal error in this provider ({kind})",
    ),
    (r"source error: (?P<kind>\w+)", "source error: {kind}"),
    (r"no pages were found to read", "no pages were found to read"),
    (
        r"(?P<n>\d+) more pages found but not read: the page budget \(\[scan\] max_pages\) "
        r"was used up",
        "{n} more pages found but not read: the page budget ([scan] max_pages) was used up",
    ),
    (
        r"(?P<n>\d+) planned searches not made, e\.g\. on people-search sites "
        r"\(raise max_queries\)",
        "{n} planned searches not made, e.g. on people-search sites (raise max_queries)",
    ),
    # The web-search providers (providers/_search.py, providers/ddgs.py).
    (r"another web search is configured", "another web search is configured"),
    *(
        (rf"not searched: {re.escape(form)} \((?P<n>\d+)x\)", f"not searched: {form} ({{n}}x)")
        for form in (
            "name",
            "name with the practice city",
            "surname with initials",
            "call name",
            "first name, middle initial and surname",
            "all given names",
            "surname with the practice city",
            "practice name",
            "reverse search of a phone number",
            "reverse search of an address",
            "reverse search of an email address",
            "name on a people-search or directory site",
        )
    ),
    *(
        (
            rf"{re.escape(what)} not searched for directly: \[scan\] send_private_values is off",
            f"{what} not searched for directly: [scan] send_private_values is off",
        )
        for what in ("your home address", "your private phone number", "your private email address")
    ),
    (
        r"set it to true to search for it \(the search engine then learns that someone searched "
        r"that value, never whose it is\)",
        "set it to true to search for it (the search engine then learns that someone searched "
        "that value, never whose it is)",
    ),
    (
        r"(?P<n>\d+) searches got no results from any search engine tried: ddgs cannot tell no "
        r"results from a blocked or captcha page",
        "{n} searches got no results from any search engine tried: ddgs cannot tell no results "
        "from a blocked or captcha page",
    ),
    (r"search engine (?P<engine>[\w-]+) rate limited", "search engine {engine} rate limited"),
    (r"search engine (?P<engine>[\w-]+) timed out", "search engine {engine} timed out"),
    (
        r"search engine (?P<engine>[\w-]+) could not connect",
        "search engine {engine} could not connect",
    ),
    (
        r"search engine (?P<engine>[\w-]+) failed \((?P<kind>\w+)\)",
        "search engine {engine} failed ({kind})",
    ),
    (r"not asked again in this scan", "not asked again in this scan"),
)
ERROR_KINDS = (
    "failed",
    "missing API key",
    "request refused",
    "source error",
    "rate limited",
    "response format changed",
)
_KIND = re.compile(rf"(?P<what>{'|'.join(map(re.escape, ERROR_KINDS))}): (?P<detail>.+)", re.S)


def translate_run_reason(lang: str, reason: str) -> str:
    """A source's status reason in the report's language; a source's own message after
    the kind of error stays as the source said it."""
    if normalise(lang) == DEFAULT_LANGUAGE or not reason:
        return reason
    return "; ".join(_run_part(lang, part) for part in reason.split("; "))


# How each typed reason for an unchecked page or part reads (exposure_scan.models.PartReason).
PART_REASONS = {
    "timed_out": "timed out",
    "http_status": "error answer from the site",
    "too_large": "too large to read",
    "redirect_loop": "too many redirects",
    "refused_address": "refused: points to a non-public address",
    "robots": "robots.txt disallows reading it",
    "crawl_delay": "the site asks for more time between requests than allowed",
    "connection_failed": "connection failed",
    "rate_limited": "rate limited",
    "not_html": "not a readable page",
    "unreadable": "could not be read",
    "over_budget": "took too long to read",
    "not_matched": "could not be compared with your profile",
    "page_budget": "page budget used up",
    "left_out": "not looked up (a limit in the config)",
    "interrupted": "interrupted",
    "engine_failed": "a search engine failed",
    "failed": "failed",
}


def part_text(lang: str, part: UncheckedPart) -> str:
    """One unchecked page or part, for people: the URL, then why, in the report's language."""
    if part.detail:
        why = translate_run_reason(lang, part.detail)
        untranslated = why == part.detail and normalise(lang) != DEFAULT_LANGUAGE
        if untranslated and part.reason.value != "failed":
            # A page's own detail (host, status, type) has no translation: the reader's words
            # say what happened, the technical detail follows for whoever debugs it.
            kind = gettext(lang, PART_REASONS.get(part.reason.value, part.reason.value))
            why = f"{kind} (details: {part.detail})"
    else:
        why = gettext(lang, PART_REASONS.get(part.reason.value, part.reason.value))
    title = f" ({part.title})" if part.title else ""
    return f"{part.url}{title}: {why}" if part.url else why


def _run_part(lang: str, part: str) -> str:
    for pattern, msgid in RUN_REASONS:
        found = re.fullmatch(pattern, part)
        if found:
            return gettext(lang, msgid).format(**found.groupdict())
    kind = _KIND.fullmatch(part)
    if kind:
        return f"{gettext(lang, kind['what'])}: {kind['detail']}"
    return part


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
