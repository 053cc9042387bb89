"""The view of the household's findings (ScanResult.household, issue 16): plain values for
the report partials `_household.*.j2`. Texts in both languages here, so the shared message
catalog is not touched. Pure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from exposure_scan.models import FieldKind, HouseholdTie, RemovalStep, ScanResult
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


def household_view(
    result: ScanResult, lang: str, step: Callable[[RemovalStep], dict[str, Any]]
) -> dict[str, Any]:
    """`household`: one item per page about a member, most serious first."""
    from .context import safe_href  # context imports this module

    lang = lang if lang in RELATIONS else "en"
    items = []
    for h in result.household:
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
            }
        )
    return {"household": items}
