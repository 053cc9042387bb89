"""The view of the household's findings (ScanResult.household, issue 16): plain values for
the report partials `_household.*.j2`. Texts in both languages here, so the shared message
catalog is not touched. Pure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from exposure_scan.models import (
    ChangedFinding,
    ChangeKind,
    FieldKind,
    HouseholdTie,
    Mark,
    MarkStatus,
    RemovalStep,
    ScanResult,
)
from exposure_scan.passage import passages
from exposure_scan.removal import site_host

RELATIONS = {
    "en": {"partner": "your partner", "child": "your child", "other": "a member of your household"},
    "nl": {"partner": "uw partner", "child": "uw kind", "other": "een lid van uw huishouden"},
}
TIES = {
    "en": {
        HouseholdTie.HOME_ADDRESS: "shown with your home address",
        HouseholdTie.NAMED_WITH_CLINICIAN: "named next to you",
        HouseholdTie.SAME_PAGE: "on a page that also shows your home address or your name",
        HouseholdTie.OWN_DETAILS: "their own phone number or email address",
    },
    "nl": {
        HouseholdTie.HOME_ADDRESS: "genoemd met uw huisadres",
        HouseholdTie.NAMED_WITH_CLINICIAN: "genoemd naast u",
        HouseholdTie.SAME_PAGE: "op een pagina die ook uw huisadres of uw naam toont",
        HouseholdTie.OWN_DETAILS: "het eigen telefoonnummer of e-mailadres",
    },
}
FIELDS = {
    "en": {FieldKind.NAME: "name", FieldKind.PHONE: "phone number", FieldKind.EMAIL: "email"},
    "nl": {FieldKind.NAME: "naam", FieldKind.PHONE: "telefoonnummer", FieldKind.EMAIL: "e-mail"},
}

# What changed since the last scan, and the member's marks (`exposure-scan mark`).
CHANGES = {
    "en": {
        ChangeKind.NEW: "new since the last scan",
        ChangeKind.STILL: "still there",
        ChangeKind.BACK: "back again",
        ChangeKind.GONE: "gone since the last scan",
        ChangeKind.NOT_RECHECKED: "not re-checked (its source could not be checked this time)",
    },
    "nl": {
        ChangeKind.NEW: "nieuw sinds de vorige scan",
        ChangeKind.STILL: "nog steeds aanwezig",
        ChangeKind.BACK: "weer terug",
        ChangeKind.GONE: "verdwenen sinds de vorige scan",
        ChangeKind.NOT_RECHECKED: "niet opnieuw gecontroleerd (de bron kon nu niet worden "
        "gecontroleerd)",
    },
}
MARKS = {
    "en": {
        "requested": "removal requested on {on}; deadline {deadline}",
        "removed": "removed (confirmed on {removed})",
        "overdue": "deadline passed on {deadline}: escalate",
        MarkStatus.NOT_ME: "marked: not this member",
        MarkStatus.IGNORED: "marked: ignored",
    },
    "nl": {
        "requested": "verwijdering gevraagd op {on}; termijn {deadline}",
        "removed": "verwijderd (bevestigd op {removed})",
        "overdue": "termijn verstreken op {deadline}: escaleer",
        MarkStatus.NOT_ME: "gemarkeerd: niet dit gezinslid",
        MarkStatus.IGNORED: "gemarkeerd: genegeerd",
    },
}


def _mark_text(mark: Mark | None, lang: str) -> str:
    if mark is None:
        return ""
    texts = MARKS[lang]
    if mark.status is MarkStatus.REQUESTED:
        key = "removed" if mark.removed_on else "overdue" if mark.overdue else "requested"
        return texts[key].format(on=mark.on, deadline=mark.deadline, removed=mark.removed_on)
    return texts[mark.status]


def _changed(item: ChangedFinding, lang: str) -> dict[str, Any]:
    from .context import safe_href  # context imports this module

    return {
        "id": item.id,
        "member": (item.member or 0) + 1,
        "relation": RELATIONS[lang].get(item.relation.value, "") if item.relation else "",
        "severity": item.severity.value,
        "url": item.url,
        "href": safe_href(item.url),
        "host": site_host(item.url) or item.provider,
        "change": CHANGES[lang][item.change],
        "mark": _mark_text(item.mark, lang),
    }


def household_changes(result: ScanResult, lang: str) -> dict[str, Any] | None:
    """With a scan history: what is no longer listed in the section (gone, not re-checked,
    or marked not this member / ignored), and whether this is the first scan."""
    changes = result.changes
    if changes is None or not changes.household:
        return None
    shown = {h.id for h in result.household}
    return {
        "first": changes.previous_at is None,
        "counts": {k.value: sum(1 for i in changes.household if i.change is k)
                   for k in ChangeKind},
        "others": [_changed(i, lang) for i in changes.household if i.id not in shown],
    }


def household_view(
    result: ScanResult, lang: str, step: Callable[[RemovalStep], dict[str, Any]]
) -> dict[str, Any]:
    """`household`: one item per page about a member, most serious first."""
    from .context import safe_href  # context imports this module

    lang = lang if lang in RELATIONS else "en"
    changes = result.changes
    # the first scan in the history: everything is new, which says nothing
    changed = {i.id: i for i in changes.household} if changes and changes.previous_at else {}
    marks = {i.id: i for i in changes.household if i.mark} if changes else {}
    items = []
    for h in result.household:
        item = changed.get(h.id)
        obs = h.observation
        text = obs.text or obs.snippet
        found = passages(text, [m.observed for m in h.matches])[:2]
        items.append(
            {
                "id": h.id,
                "member": h.member + 1,
                "relation": RELATIONS[lang].get(h.relation.value, h.relation.value),
                "severity": h.severity.value,
                "title": obs.title,
                "url": obs.url,
                "href": safe_href(obs.url),
                "host": site_host(obs.url),
                "ties": [TIES[lang][t] for t in h.ties],
                "fields": sorted({FIELDS[lang].get(m.field, m.field.value) for m in h.matches}),
                "passages": [
                    [{"text": s.text, "marked": s.marked} for s in p.segments] for p in found
                ],
                "steps": [step(s) for s in h.steps],
                "change": CHANGES[lang][item.change] if item else "",
                "mark": _mark_text(marks[h.id].mark, lang) if h.id in marks else "",
            }
        )
    return {"household": items, "household_changes": household_changes(result, lang)}
