"""Shared by the web-search providers: which queries to ask for a person, and which site a
hit is on. Site-restricted queries come from the catalog of people-search and directory
sites for the profile's country."""

from __future__ import annotations

from exposure_scan.catalog import load_catalog, search_domains
from exposure_scan.http import host_of
from exposure_scan.models import Observation, PartReason
from exposure_scan.provider import ProviderContext, Query, QueryField


def name_queries(query: Query, limit: int, sites: list[str] | None = None) -> list[str]:
    """Quoted names (all given names, then the first one), alone and with the practice
    city; then site-restricted ones in the form such sites show: first name and surname."""
    out: list[str] = []
    for name in query.names:
        forms = [f'"{name.given} {name.surname}"']
        first = name.given.split()[0] if name.given.split() else ""
        if first and first != name.given:
            forms.append(f'"{first} {name.surname}"')
        for form in forms:
            out.append(form)
            out.extend(f"{form} {city}" for city in query.cities)
    if query.names:
        first = query.names[0].given.split()[0] if query.names[0].given.split() else ""
        shown = f'"{first or query.names[0].given} {query.names[0].surname}"'
        out.extend(f"{shown} site:{site}" for site in sites or [])
    return list(dict.fromkeys(out))[:limit]


def planned_queries(
    query: Query, limit: int, *, site_queries: bool
) -> tuple[list[tuple[str, list[QueryField]]], int]:
    """Each query with the profile fields it carries (for the query ledger), and how many
    queries the limit left out: those parts of the web were not searched."""
    sites = search_domains(query.country.value) if site_queries else []
    everything = name_queries(query, 10_000, sites)
    planned = []
    for q in everything[:limit]:
        city = [QueryField.CITY for c in query.cities if c in q][:1]
        planned.append((q, [QueryField.NAME, *city]))
    return planned, len(everything) - len(planned)


def note_left_out(ctx: ProviderContext, left_out: int) -> None:
    if left_out:
        ctx.note_unchecked(
            f"{left_out} planned searches not made, e.g. on people-search sites "
            "(raise max_queries)",
            reason=PartReason.LEFT_OUT,
        )


def tag_site(hit: Observation) -> Observation:
    """Name the catalog site a hit is on, so the report can give its opt-out."""
    site = load_catalog().by_host(host_of(hit.url))
    return hit.model_copy(update={"site": site.domain}) if site is not None else hit
