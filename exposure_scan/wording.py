"""The words for why a source, or a part of it, was not checked (models.RunReason,
models.PartReason), built from the code and its parameters.

One grammar for every language, as in matching/reason.py: each function takes a gettext
catalog, so the English `ProviderRun.reason` stored in a report and a translated report line
are built the same way, and nothing ever has to read a sentence back. Every English text
below is a msgid in reports/locale (tests/test_reason_translation.py checks each one). Keys
are the codes' values: this module does not import models, which renders with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from gettext import NullTranslations

ENGLISH = NullTranslations()


@dataclass(frozen=True)
class Words:
    """A msgid; with `many`, the plural one, chosen by the `count` parameter."""

    one: str
    many: str = ""

    def say(self, catalog: NullTranslations, values: Mapping[str, object]) -> str:
        if self.many:
            count = values.get("count")
            n = count if isinstance(count, int) else 0
            text = catalog.ngettext(self.one, self.many, n)
        else:
            text = catalog.gettext(self.one)
        return text.format_map(_Blank(values))


class _Blank(dict[str, object]):
    """Format values; a parameter an older or hand-made report lacks reads as empty."""

    def __missing__(self, key: str) -> str:
        return ""


# Why a source was not run or not checked (models.RunReason).
RUN_WORDS: dict[str, Words] = {
    "disabled": Words("switched off in the config"),
    "not_selected": Words("not selected for this run"),
    "standby": Words("another web search is configured"),
    "needs_key": Words("needs an API key: set {env_var}"),
    "needs_base_url": Words("needs a base_url: set [providers.{provider}] base_url"),
    "nothing_to_look_up": Words("nothing in the profile for this source to look up"),
    "other_area": Words("covers {area} only"),
    "no_pages": Words("no pages were found to read"),
    "interrupted_before": Words("scan interrupted before this source was asked"),
    "interrupted": Words("scan interrupted while this source was being asked"),
    "timed_out": Words("timed out after {seconds} s"),
    "format_changed": Words("response format changed"),
    "internal_error": Words("internal error in this provider"),
    "source_error": Words("source error"),
    "rate_limited": Words("rate limited"),
    "request_refused": Words("request refused"),
    "missing_key": Words("missing API key"),
    "none_read": Words("none of the pages found could be read"),
    "engines_failed": Words("every search engine of the instance failed"),
    "no_engine_reached": Words(
        "could not connect to any search engine (name not resolved, connection failed or "
        "timed out)"
    ),
    "engines_rate_limited": Words("every search engine rate-limited or failed; try again later"),
    "no_engine_answered": Words(
        "no search engine answered any search with results (blocked, a captcha page, or rate "
        "limited)"
    ),
    "no_server": Words("no server known to look up any of the domains"),
    "failed": Words("failed"),
}
# The same, naming the type of the exception a parser or provider raised (`kind`).
RUN_WORDS_WITH_KIND: dict[str, Words] = {
    "format_changed": Words("response format changed ({kind})"),
    "internal_error": Words("internal error in this provider ({kind})"),
}
# Countries in words, not ISO codes; another area keeps its code.
AREA_WORDS = {
    "NL": Words("covers NL only"),
    "UK": Words("covers UK only"),
    "US": Words("covers US only"),
}

# How each reason for an unchecked page or part reads, in a few words (models.PartReason).
PART_LABELS: dict[str, str] = {
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
    "partly_read": (
        "read only in part (markup nested too deep, or too much text); what was read counts"
    ),
    "not_matched": "could not be compared with your profile",
    "page_budget": "page budget used up",
    "left_out": "not looked up (a limit in the config)",
    "queries_left_out": "planned searches not made (a limit in the config)",
    "not_searched": "not searched (a limit in the config)",
    "private_not_sent": "a private value not searched for ([scan] send_private_values is off)",
    "unanswered": "searches got no results from any search engine",
    "interrupted": "interrupted",
    "engine_failed": "a search engine failed",
    "incomplete": "the source cut its search short: results incomplete",
    "no_server": "no server known to look it up",
    "not_found": "a record the source listed was not found",
    "odd_results": "search results in an unexpected shape, left out",
    "failed": "failed",
}
# Parts whose detail is a bare technical value (a content type): in English too it follows
# the reason's words, as it does in a translated report.
LABELLED_DETAIL = frozenset({"not_html"})
# The full sentence of a part whose parameters our own code set.
PART_WORDS: dict[str, Words] = {
    "page_budget": Words(
        "{count} more page found but not read: the page budget ([scan] max_pages) was used up",
        "{count} more pages found but not read: the page budget ([scan] max_pages) was used up",
    ),
    "queries_left_out": Words(
        "{count} planned search not made, e.g. on people-search sites (raise max_queries)",
        "{count} planned searches not made, e.g. on people-search sites (raise max_queries)",
    ),
    "not_searched": Words("not searched: {form} ({count}x)"),
    "private_not_sent": Words(
        "{field} not searched for directly: [scan] send_private_values is off"
    ),
    "unreadable": Words("could not read the page ({kind})"),
    "incomplete": Words(
        "the source's search by {field} timed out at the source: its results are incomplete"
    ),
    "no_server": Words("{target}: no RDAP server known for .{suffix}"),
    "not_found": Words("{target}: not found at the source, though its search listed it"),
    "odd_results": Words(
        "{count} search result in an unexpected shape left out",
        "{count} search results in an unexpected shape left out",
    ),
    "unanswered": Words(
        "{count} search got no results from any search engine tried: ddgs cannot tell no "
        "results from a blocked or captcha page",
        "{count} searches got no results from any search engine tried: ddgs cannot tell no "
        "results from a blocked or captcha page",
    ),
}
# What a provider left out by a limit in its options (PartReason.LEFT_OUT with `item`).
LEFT_OUT_WORDS: dict[str, Words] = {
    "archive_urls": Words(
        "{count} more URL not looked up in the archive (raise max_urls)",
        "{count} more URLs not looked up in the archive (raise max_urls)",
    ),
    "npi_records": Words(
        "more NPI records for one of the names than the {count} read (raise max_results; "
        "the API reads at most 1200)"
    ),
    "officers": Words(
        "{count} more officer on later result pages not read (raise items_per_page)",
        "{count} more officers on later result pages not read (raise items_per_page)",
    ),
    "appointments": Words(
        "{count} more officer's appointments not read (raise max_officers)",
        "{count} more officers' appointments not read (raise max_officers)",
    ),
    "emails": Words(
        "{count} more email not looked up (raise max_emails)",
        "{count} more emails not looked up (raise max_emails)",
    ),
    "kvk_searches": Words(
        "{count} planned KvK search not made (raise max_queries)",
        "{count} planned KvK searches not made (raise max_queries)",
    ),
    "kvk_results": Words(
        "KvK: {count} more result for one query not read",
        "KvK: {count} more results for one query not read",
    ),
    "github_result_pages": Words(
        "{count} more GitHub user on later result pages not read",
        "{count} more GitHub users on later result pages not read",
    ),
    "github_users": Words(
        "{count} more GitHub user not read (raise max_users)",
        "{count} more GitHub users not read (raise max_users)",
    ),
}
# A part about one engine of a metasearch (`engine` set).
ENGINE_WORDS: dict[str, Words] = {
    "rate_limited": Words("search engine {engine} rate limited"),
    "timed_out": Words("search engine {engine} timed out"),
    "connection_failed": Words("search engine {engine} could not connect"),
    "engine_failed": Words("search engine {engine} failed ({kind})"),
}
# The same, when the engine's failure has no exception type (a metasearch's own report).
ENGINE_WORDS_PLAIN: dict[str, Words] = {
    "engine_failed": Words("search engine {engine} failed"),
}
GIVEN_UP = "not asked again in this scan"
PRIVATE_ADVICE = (
    "set it to true to search for it (the search engine then learns that someone searched "
    "that value, never whose it is)"
)
# The kinds of planned search (providers._search.Form values) and the private values held
# back (provider.QueryField values), as a part names them.
FORM_WORDS = (
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
FIELD_WORDS = {
    "home_address": "your home address",
    "private_phone": "your private phone number",
    "private_email": "your private email address",
}
# The other profile values a search may be made by (provider.QueryField values).
SEARCHED_WORDS = {
    "name": "your name",
    "work_email": "your work email address",
    "username": "your user name",
}


def _values(params: Mapping[str, object], catalog: NullTranslations) -> dict[str, object]:
    values = {k: v for k, v in params.items() if v is not None and v != ""}
    seconds = values.get("seconds")
    if isinstance(seconds, float | int):
        values["seconds"] = f"{seconds:g}"
    form = values.get("form")
    if isinstance(form, str):
        values["form"] = catalog.gettext(form) if form in FORM_WORDS else form
    field = values.get("field")
    if isinstance(field, str) and field in FIELD_WORDS:
        values["field"] = catalog.gettext(FIELD_WORDS[field])
    elif isinstance(field, str) and field in SEARCHED_WORDS:
        values["field"] = catalog.gettext(SEARCHED_WORDS[field])
    return values


def run_text(
    code: str,
    params: Mapping[str, object] | None = None,
    detail: str = "",
    catalog: NullTranslations | None = None,
) -> str:
    """Why a source was not checked, in the catalog's language. `detail` is the source's own
    message (or a failure in fixed words) and follows as it is. No catalog: English."""
    catalog = ENGLISH if catalog is None else catalog
    values = _values(params or {}, catalog)
    if code == "other_area" and values.get("area") in AREA_WORDS:
        words = AREA_WORDS[str(values["area"])]
    elif code in RUN_WORDS_WITH_KIND and values.get("kind"):
        words = RUN_WORDS_WITH_KIND[code]
    else:
        words = RUN_WORDS.get(code, Words(code.replace("_", " ")))
    text = words.say(catalog, values)
    return f"{text}: {detail}" if detail else text


def part_text(
    code: str,
    params: Mapping[str, object] | None = None,
    detail: str = "",
    catalog: NullTranslations | None = None,
) -> str:
    """Why one part was not checked. A sentence when our code gave the parameters; else the
    detail from outside (an HTTP status, a host, a content type) or the reason in words. In a
    translated report the reason comes first and the untranslated detail after it."""
    english = catalog is None
    catalog = ENGLISH if catalog is None else catalog
    values = _values(params or {}, catalog)
    if values.get("engine") and code in ENGINE_WORDS:
        plain = code in ENGINE_WORDS_PLAIN and not values.get("kind")
        text = (ENGINE_WORDS_PLAIN if plain else ENGINE_WORDS)[code].say(catalog, values)
        if values.get("given_up"):
            text = f"{text}; {catalog.gettext(GIVEN_UP)}"
        return _with_detail(text, detail, english)
    if code == "left_out" and values.get("item") in LEFT_OUT_WORDS:
        return LEFT_OUT_WORDS[str(values["item"])].say(catalog, values)
    if code in PART_WORDS and values:
        text = PART_WORDS[code].say(catalog, values)
        if values.get("advice"):
            text = f"{text}; {catalog.gettext(PRIVATE_ADVICE)}"
        return _with_detail(text, detail, english)
    label = catalog.gettext(PART_LABELS.get(code, code.replace("_", " ")))
    if not detail:
        return label
    if english and code in LABELLED_DETAIL:
        return f"{label} ({detail})"
    if english or code == "failed":
        # A page's own detail says it best in English; an older report's sentence (filed
        # under "failed") is shown as it was written.
        return detail
    return f"{label} (details: {detail})"


def _with_detail(text: str, detail: str, english: bool) -> str:
    """Our words, then the technical detail from outside (an engine's own error), as is."""
    if not detail:
        return text
    return f"{text}: {detail}" if english else f"{text} (details: {detail})"
