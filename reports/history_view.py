"""The view of what changed since the last scan (ScanResult.changes): plain values for the
report partials `_changes.*.j2`, and the escalation steps that lead the action plan. Pure."""

from __future__ import annotations

from typing import Any

from exposure_scan.models import (
    ChangedFinding,
    ChangeKind,
    MarkStatus,
    PlanItem,
    PlanPhase,
    RemovalStep,
    ScanResult,
    TrendPoint,
)
from exposure_scan.removal import site_host

from .i18n import FIELD_NAMES, gettext, profile_label

SECTIONS = (ChangeKind.NEW, ChangeKind.BACK, ChangeKind.GONE, ChangeKind.NOT_RECHECKED,
            ChangeKind.STILL)
CHART_W, CHART_H, PAD = 480, 140, 24
ESCALATION = {
    "NL": RemovalStep(
        action="The removal deadline has passed and the page is still there: file a complaint "
        "with the Autoriteit Persoonsgegevens, or report it to the platform.",
        url="https://www.autoriteitpersoonsgegevens.nl/nl/voordat-u-een-klacht-indient",
        method="complaint",
        source="https://www.autoriteitpersoonsgegevens.nl/nl/voordat-u-een-klacht-indient",
    ),
    "UK": RemovalStep(
        action="The removal deadline has passed and the page is still there: complain to the "
        "Information Commissioner's Office (ICO), or report it to the platform.",
        url="https://ico.org.uk/make-a-complaint/",
        method="complaint",
        source="https://ico.org.uk/make-a-complaint/",
    ),
    "US": RemovalStep(
        action="The removal deadline has passed and the page is still there: report it to the "
        "platform, and ask again in writing, citing your earlier request.",
        method="report",
    ),
}


def _fields(item: ChangedFinding, lang: str) -> list[str]:
    out = []
    for key in item.fields:
        field, _, label = key.partition(":")
        text = gettext(lang, FIELD_NAMES.get(field, field))
        out.append(f"{text} ({profile_label(lang, label)})" if label else text)
    return out


def _day(moment: Any) -> str:
    return moment.strftime("%Y-%m-%d") if moment else ""


def _item(item: ChangedFinding, lang: str) -> dict[str, Any]:
    from .context import safe_href  # here: context imports this module

    mark = item.mark
    return {
        "id": item.id,
        "change": item.change.value,
        "severity": item.severity.value,
        "host": site_host(item.url) or item.provider,
        "url": item.url,
        "href": safe_href(item.url),
        "fields": _fields(item, lang),
        "first_seen": _day(item.first_seen),
        "mark": None if mark is None else {
            "status": mark.status.value,
            "on": mark.on.isoformat(),
            "note": mark.note,
            "deadline": mark.deadline.isoformat() if mark.deadline else "",
            "removed_on": mark.removed_on.isoformat() if mark.removed_on else "",
            "overdue": mark.overdue,
        },
    }


def chart(trend: list[TrendPoint]) -> dict[str, Any] | None:
    """Coordinates for the inline SVG: the score as a line, high + critical findings as bars."""
    if len(trend) < 2:
        return None
    n = len(trend)
    step = (CHART_W - 2 * PAD) / (n - 1)
    top = max(max(p.urgent for p in trend), 1)
    inner = CHART_H - 2 * PAD
    points, bars = [], []
    for i, p in enumerate(trend):
        x = PAD + i * step
        points.append(f"{x:.1f},{CHART_H - PAD - p.score / 100 * inner:.1f}")
        height = p.urgent / top * inner
        bars.append({"x": round(x - 4, 1), "y": round(CHART_H - PAD - height, 1),
                     "h": round(height, 1), "n": p.urgent})
    return {
        "w": CHART_W, "h": CHART_H, "pad": PAD, "points": " ".join(points), "bars": bars,
        "first": _day(trend[0].at), "last": _day(trend[-1].at), "base": CHART_H - PAD,
    }


def changes_view(result: ScanResult, lang: str) -> dict[str, Any] | None:
    changes = result.changes
    if changes is None:
        return None
    sections = [
        {"kind": kind.value, "items": [_item(i, lang) for i in changes.of(kind)]}
        for kind in SECTIONS
    ]
    return {
        "first": changes.previous_at is None,
        "previous_at": changes.previous_at.strftime("%Y-%m-%d %H:%M UTC")
        if changes.previous_at else "",
        "counts": {s["kind"]: len(s["items"]) for s in sections},
        "sections": sections,
        "set_aside": [_item(i, lang) for i in changes.set_aside
                      if i.change is not ChangeKind.GONE],
        "removals": [_item(i, lang) for i in changes.marks],
        "trend": [{"at": _day(p.at), "score": p.score, "urgent": p.urgent}
                  for p in changes.trend],
        "chart": chart(changes.trend),
    }


def escalations(result: ScanResult, country: str) -> list[PlanItem]:
    """Plan items for removal requests past their deadline: they lead the action plan."""
    if result.changes is None:
        return []
    step = ESCALATION.get(country, ESCALATION["US"])
    return [
        PlanItem(
            step=step,
            rule="escalation",
            phase=PlanPhase.ACTING,
            per_site=True,
            hosts=[site_host(i.url)],
            urls=[i.url],
            finding_ids=[i.id],
        )
        for i in result.changes.marks
        if i.mark and i.mark.status is MarkStatus.REQUESTED and i.mark.overdue
    ]
