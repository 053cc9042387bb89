"""Shared by the web-search providers: which queries to ask for a person."""

from __future__ import annotations

from exposure_scan.provider import Query


def name_queries(query: Query, limit: int, sites: list[str] | None = None) -> list[str]:
    """Quoted full names, alone and with the practice city; then site-restricted ones."""
    out: list[str] = []
    for name in query.names:
        full = f'"{name.given} {name.surname}"'
        out.append(full)
        out.extend(f"{full} {city}" for city in query.cities)
    primary = f'"{query.names[0].given} {query.names[0].surname}"' if query.names else ""
    for site in sites or []:
        out.append(f"{primary} site:{site}")
    seen: list[str] = []
    for q in out:
        if q not in seen:
            seen.append(q)
    return seen[:limit]
