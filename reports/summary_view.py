"""The employer summary (exposure_scan.summary.EmployerSummary) as Markdown, HTML or JSON, in
English or Dutch: the same gettext catalogue as the reports. Every label is a closed-list
value's translation; nothing from a report is shown but counts and those values."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Literal

from exposure_scan.errors import InputError
from exposure_scan.summary import OTHER, UNKNOWN, EmployerSummary

from .i18n import KIND_LABELS, LANGUAGES, SEVERITY_LABELS, gettext

SummaryFormat = Literal["md", "json", "html"]

TITLE = "Exposure summary for a group"
SMALL_HEAD = "Small group."
SMALL = ("Fewer than %(k)s people are summarised here (%(n)s). Counts this small can point at "
         "individual colleagues, so no numbers per group are shown: wait until more people have "
         "taken part.")
PEOPLE = "People (one each, however many of their reports were passed)"
REPEATED = "Reports left out (repeats, or older reports of the same person)"
FINDINGS = "Findings in total"
WITH_UNCHECKED = "Scans with unchecked sources"
PARTIAL = "Interrupted (partial) scans"
SUPPRESSED = "Numbers below %(k)s are never shown; %(n)s table cells were left out."
HIDDEN = "below %(k)s, not shown"
COUNTS_ONLY = ("This summary holds counts only: no names, addresses, phone numbers, email "
               "addresses, web addresses or page content of anyone.")
COUNT = "Count"
NO_NUMBERS = "No numbers."

# table -> (title, column head)
TABLES: dict[str, tuple[str, str]] = {
    "people_by_worst_severity": ("People by most severe finding", "Severity"),
    "findings_by_severity": ("Findings by severity", "Severity"),
    "findings_by_source_kind": ("Findings by kind of source", "Source kind"),
    "people_by_country": ("People by country", "Country"),
    "open_rules": ("Open risks (people affected per rule)", "Risk"),
    "open_removal_methods": ("Open removal steps (findings per method)", "Method"),
    "unchecked_by_provider": ("Sources that could not be checked (scans per source)", "Source"),
    "household_by_severity": ("Household members' findings, by severity (only where the "
                              "member consented)", "Severity"),
}
CHARTS = ("people_by_worst_severity", "findings_by_source_kind")

# The closed-list values a table may hold, for readers: rule ids, methods, countries.
RULE_LABELS = {
    "name-with-home-address": "name with home address",
    "home-address-unnamed": "home address without the name",
    "name-with-private-phone": "name with private phone number",
    "private-phone-unnamed": "private phone number without the name",
    "name-with-private-email": "name with private email address",
    "private-email-unnamed": "private email address without the name",
    "practice-details": "practice details only",
    "listing-under-name": "listing under the name, no private details",
    "source-people-search": "on a people-search site",
    "source-archive": "in a web archive",
    "source-forum": "on a forum",
    "source-social": "on a social network",
    "source-directory": "in a directory",
    "source-breach": "in a data breach",
    "role-justice": "works in a justice institution",
    "role-mental-health": "works in mental health care",
    "work-to-home-link": "link from work to home",
}
METHOD_LABELS = {
    "web_form": "web form", "email": "email", "account_settings": "account settings",
    "letter": "letter", "gdpr_request": "GDPR request", "contact_site": "contact the site",
    "none": "no removal route",
}
COUNTRY_LABELS = {"NL": "Netherlands", "UK": "United Kingdom",
                  "US": "United States"}
COMMON_LABELS = {OTHER: "other", UNKNOWN: "unknown", "none": "no findings"}
LABELS: dict[str, dict[str, str]] = {
    "people_by_worst_severity": SEVERITY_LABELS,
    "findings_by_severity": SEVERITY_LABELS,
    "household_by_severity": SEVERITY_LABELS,
    "findings_by_source_kind": KIND_LABELS,
    "people_by_country": COUNTRY_LABELS,
    "open_rules": RULE_LABELS,
    "open_removal_methods": METHOD_LABELS,
    "unchecked_by_provider": {},  # provider names are names
}


class Words:
    """The summary's texts in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, message: str, **values: object) -> str:
        text = gettext(self.lang, message)
        return text % values if values else text

    def label(self, table: str, key: str) -> str:
        message = LABELS[table].get(key) or COMMON_LABELS.get(key)
        return self(message) if message else key


def summary_note(summary: EmployerSummary, lang: str) -> str:
    """What a reader must know first: a group below k shows no numbers per group."""
    if not summary.small_group:
        return ""
    return Words(lang)(SMALL, k=summary.k_anonymity, n=summary.people)


def render_summary(summary: EmployerSummary, fmt: SummaryFormat, lang: str = "en") -> str:
    if lang not in LANGUAGES:
        raise InputError("--lang", str(lang), "choose nl or en")
    renderers: dict[str, Callable[[EmployerSummary, Words], str]] = {
        "json": _json, "md": _markdown, "html": _html,
    }
    try:
        renderer = renderers[fmt]
    except KeyError:
        raise InputError("--format", str(fmt), "unknown summary format; use md, json or html") \
            from None
    return renderer(summary, Words(lang))


def _json(s: EmployerSummary, t: Words) -> str:
    data = s.model_dump(mode="json")
    data["note"] = summary_note(s, t.lang)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _counts(s: EmployerSummary, table: str) -> dict[str, int]:
    if table == "unchecked_by_provider":
        return s.coverage.unchecked_by_provider
    counts: dict[str, int] = getattr(s, table)
    return counts


def _number(value: int | None, t: Words, k: int) -> str:
    return t(HIDDEN, k=k) if value is None else str(value)


def _facts(s: EmployerSummary, t: Words) -> list[str]:
    k = s.k_anonymity
    return [
        f"{t(PEOPLE)}: {s.people}",
        *([f"{t(REPEATED)}: {s.repeated_reports}"] if s.repeated_reports else []),
        f"{t(FINDINGS)}: {_number(s.findings, t, k)}",
        f"{t(WITH_UNCHECKED)}: {_number(s.coverage.scans_with_unchecked_sources, t, k)}",
        f"{t(PARTIAL)}: {_number(s.coverage.partial_scans, t, k)}",
    ]


def _markdown(s: EmployerSummary, t: Words) -> str:
    lines = [f"# {t(TITLE)}", ""]
    if s.small_group:
        lines += [f"> **{t(SMALL_HEAD)}** {summary_note(s, t.lang)}", ""]
    lines += [f"- {fact}" for fact in _facts(s, t)]
    lines += ["", t(COUNTS_ONLY), ""]
    if s.suppressed_cells:
        lines += [t(SUPPRESSED, k=s.k_anonymity, n=s.suppressed_cells), ""]
    for table, (title, head) in TABLES.items():
        counts = _counts(s, table)
        lines += [f"## {t(title)}", ""]
        if not counts:
            lines += [t(NO_NUMBERS), ""]
            continue
        lines += [f"| {t(head)} | {t(COUNT)} |", "| --- | ---: |"]
        lines += [f"| {t.label(table, key)} | {value} |" for key, value in counts.items()]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def bar_chart(counts: dict[str, int], title: str) -> str:
    """Horizontal bars as inline SVG: no script, no external resource."""
    if not counts:
        return ""
    bar, gap, label_w, width = 18, 6, 190, 320
    top = max(counts.values())
    height = len(counts) * (bar + gap)
    rows = []
    for i, (key, value) in enumerate(counts.items()):
        y = i * (bar + gap)
        w = max(1, round(width * value / top))
        rows.append(
            f'<text x="{label_w - 6}" y="{y + bar - 5}" text-anchor="end">{html.escape(key)}'
            f'</text><rect x="{label_w}" y="{y}" width="{w}" height="{bar}" fill="#4a6fa5"/>'
            f'<text x="{label_w + w + 4}" y="{y + bar - 5}">{value}</text>'
        )
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_w + width + 50}" '
            f'height="{height}" font-size="12" font-family="sans-serif">'
            f"<title>{html.escape(title)}</title>{''.join(rows)}</svg>")


def _html(s: EmployerSummary, t: Words) -> str:
    e = html.escape
    parts = [f"<h1>{e(t(TITLE))}</h1>"]
    if s.small_group:
        parts.append(f"<p><strong>{e(t(SMALL_HEAD))}</strong> {e(summary_note(s, t.lang))}</p>")
    parts.append("<ul>" + "".join(f"<li>{e(f)}</li>" for f in _facts(s, t)) + "</ul>")
    parts.append(f"<p>{e(t(COUNTS_ONLY))}</p>")
    if s.suppressed_cells:
        parts.append(f"<p>{e(t(SUPPRESSED, k=s.k_anonymity, n=s.suppressed_cells))}</p>")
    for table, (title, head) in TABLES.items():
        counts = {t.label(table, key): n for key, n in _counts(s, table).items()}
        parts.append(f"<h2>{e(t(title))}</h2>")
        if not counts:
            parts.append(f"<p>{e(t(NO_NUMBERS))}</p>")
            continue
        if table in CHARTS:
            parts.append(bar_chart(counts, t(title)))
        rows = "".join(f"<tr><td>{e(key)}</td><td>{value}</td></tr>"
                       for key, value in counts.items())
        parts.append(f"<table><tr><th>{e(t(head))}</th><th>{e(t(COUNT))}</th></tr>{rows}"
                     "</table>")
    style = ("body{font-family:sans-serif;max-width:50rem;margin:1rem auto}"
             "table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 8px}")
    return (f'<!DOCTYPE html><html lang="{t.lang}"><head><meta charset="utf-8">'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            'style-src \'unsafe-inline\'">'
            f"<title>{e(t(TITLE))}</title><style>{style}</style></head><body>"
            + "\n".join(parts) + "</body></html>\n")


def msgids() -> list[str]:
    """Every text this view translates: the catalogue must hold each one (tested)."""
    fixed = [TITLE, SMALL_HEAD, SMALL, PEOPLE, REPEATED, FINDINGS, WITH_UNCHECKED, PARTIAL,
             SUPPRESSED, HIDDEN, COUNTS_ONLY, COUNT, NO_NUMBERS]
    tables = [text for pair in TABLES.values() for text in pair]
    labels = [text for table in LABELS.values() for text in table.values()]
    return list(dict.fromkeys([*fixed, *tables, *labels, *COMMON_LABELS.values()]))
