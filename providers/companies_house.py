"""UK Companies House Public Data API: officer search, then each officer's appointments.

A director's correspondence (service) address is public and is often the home address; the
month and year of birth are public too. Both are exposure. Docs:
https://developer-specs.company-information.service.gov.uk/companies-house-public-data-api/reference
The key is the HTTP Basic user name with an empty password; the limit is 600 requests per
5 minutes per key (https://developer.company-information.service.gov.uk/developer-guidelines).
"""

from __future__ import annotations

from typing import Any, ClassVar

import httpx
from pydantic import Field

from exposure_scan.errors import MissingCredentials, ParseError, ProviderResponseError
from exposure_scan.models import Observation, PartReason, ReasonParams, SourceKind
from exposure_scan.profile import Country, PersonName
from exposure_scan.provider import (
    Provider,
    ProviderContext,
    ProviderOptions,
    Query,
    QueryField,
)

PUBLIC_SITE = "https://find-and-update.company-information.service.gov.uk"
ADDRESS_KEYS = ("care_of", "po_box", "premises", "address_line_1", "address_line_2",
                "locality", "region", "postal_code", "country")


class CompaniesHouseOptions(ProviderOptions):
    items_per_page: int = Field(default=20, ge=1, le=100)
    max_officers: int = Field(default=5, ge=0, le=50, description="appointment lists to read")


def format_address(address: Any) -> str:
    """Pure: a Companies House address object -> one line ("" when absent)."""
    if address is None:
        return ""
    if not isinstance(address, dict):
        raise ParseError("Companies House address is not an object")
    return ", ".join(str(address[k]).strip() for k in ADDRESS_KEYS if address.get(k))


def birth_month(dob: Any) -> str:
    """Pure: {"month": 12, "year": 1970} -> "1970-12" ("" when absent)."""
    if not isinstance(dob, dict) or not isinstance(dob.get("year"), int):
        return ""
    month = dob.get("month")
    return f"{dob['year']}-{month:02d}" if isinstance(month, int) else str(dob["year"])


def parse_officer_search(payload: Any, provider: str = "companies_house") -> list[Observation]:
    """Pure: a /search/officers answer -> one observation per officer.

    The officer's appointments path is kept in `extra["appointments_path"]`.
    """
    if not isinstance(payload, dict):
        raise ParseError("Companies House answer is not an object")
    items = payload.get("items")
    if items is None and payload.get("total_results") == 0:
        return []
    if not isinstance(items, list):
        raise ParseError("Companies House officer search has no `items` list")
    out = []
    for item in items:
        links = item.get("links") if isinstance(item, dict) else None
        if not isinstance(links, dict) or not isinstance(links.get("self"), str):
            raise ParseError("Companies House officer without `links.self`")
        title = str(item.get("title") or "")
        address = str(item.get("address_snippet") or "") or format_address(item.get("address"))
        extra = {"appointments_path": links["self"]}
        if dob := birth_month(item.get("date_of_birth")):
            extra["date_of_birth"] = dob
        out.append(Observation(
            provider=provider, url=PUBLIC_SITE + links["self"], title=f"Officer: {title}",
            source_kind=SourceKind.REGISTRY, names=[title] if title else [],
            addresses=[address] if address else [], snippet=str(item.get("description") or ""),
            site="company-information.service.gov.uk", extra=extra,
        ))
    return out


def parse_appointments(
    payload: Any, url: str, provider: str = "companies_house"
) -> Observation:
    """Pure: an /officers/{id}/appointments answer -> one observation for the officer."""
    if not isinstance(payload, dict) or not isinstance(payload.get("items"), list):
        raise ParseError("Companies House appointment list has no `items` list")
    name = str(payload.get("name") or "")
    names, addresses, lines = [name] if name else [], [], []
    for item in payload["items"]:
        if not isinstance(item, dict):
            raise ParseError("Companies House appointment is not an object")
        if item.get("name") and item["name"] not in names:
            names.append(str(item["name"]))
        address = format_address(item.get("address"))
        if address and address not in addresses:
            addresses.append(address)
        company = item.get("appointed_to")
        company = company if isinstance(company, dict) else {}
        facts = [str(item.get(k)) for k in ("officer_role", "occupation", "nationality",
                                             "country_of_residence") if item.get(k)]
        lines.append(f"{company.get('company_name', '?')} ({', '.join(facts)})")
    extra = {"appointments": str(len(payload["items"]))}
    if dob := birth_month(payload.get("date_of_birth")):
        extra["date_of_birth"] = dob
    text = "; ".join(lines)
    return Observation(
        provider=provider, url=url, title=f"Officer: {name}", source_kind=SourceKind.REGISTRY,
        names=names, addresses=addresses, text=text, snippet=text[:300],
        site="company-information.service.gov.uk", extra=extra,
    )


class CompaniesHouseProvider(Provider[CompaniesHouseOptions]):
    name: ClassVar[str] = "companies_house"
    title: ClassVar[str] = "Companies House officers (UK)"
    jurisdiction: ClassVar[str] = "UK"
    source_kind = SourceKind.REGISTRY
    sends = frozenset({QueryField.NAME})
    key_env_var: ClassVar[str | None] = "COMPANIES_HOUSE_API_KEY"
    key_required: ClassVar[bool] = True
    default_base_url: ClassVar[str] = "https://api.company-information.service.gov.uk"
    default_rate_limit: ClassVar[float] = 2.0  # 600 requests per 5 minutes
    docs_url: ClassVar[str] = "https://developer.company-information.service.gov.uk/"
    manual_check: ClassVar[str] = (
        "Type your full name into the free officer search on "
        "https://find-and-update.company-information.service.gov.uk/search/officers"
    )
    Options = CompaniesHouseOptions

    async def _get(
        self, ctx: ProviderContext, path: str, params: dict[str, str]
    ) -> tuple[int, Any]:
        status, payload = await ctx.get_json(
            self.url(path), fields=[QueryField.NAME], params=params,
            auth=httpx.BasicAuth(self.api_key or "", ""),
        )
        if status in (401, 403):
            raise MissingCredentials(
                f"Companies House rejected the API key (HTTP {status}); set {self.key_env_var} "
                "to a live REST API key from developer.company-information.service.gov.uk"
            )
        return status, payload

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        options = self.options
        officers: dict[str, Observation] = {}
        for name in query.names:
            params = {"q": name.full, "items_per_page": str(options.items_per_page)}
            status, payload = await self._get(ctx, "search/officers", params)
            if status != 200:
                raise ProviderResponseError(f"Companies House answered HTTP {status}")
            hits = parse_officer_search(payload, self.name)
            for hit in hits:
                officers.setdefault(hit.extra["appointments_path"], hit)
            total = payload.get("total_results") if isinstance(payload, dict) else None
            if isinstance(total, int) and total > len(hits):
                ctx.note_unchecked(reason=PartReason.LEFT_OUT,
                                   params=ReasonParams(item="officers", count=total - len(hits)))
        surnames = [n.surname.casefold() for n in query.names]
        matching = [path for path, hit in officers.items()
                    if any(s in hit.title.casefold() for s in surnames)]
        wanted = matching[: options.max_officers]
        if len(matching) > len(wanted):
            left = ReasonParams(item="appointments", count=len(matching) - len(wanted))
            ctx.note_unchecked(reason=PartReason.LEFT_OUT, params=left)
        for path in wanted:
            status, payload = await self._get(ctx, path, {"items_per_page": "50"})
            if status == 404:
                ctx.note_unchecked(reason=PartReason.NOT_FOUND, params=ReasonParams(target=path))
                continue
            if status != 200:
                raise ProviderResponseError(f"Companies House answered HTTP {status}")
            officers[path] = parse_appointments(payload, officers[path].url, self.name)
        return list(officers.values())

    def test_query(self) -> Query:
        """A fictional officer name: the search answers (possibly empty) without real data."""
        return Query(country=Country.UK, names=[PersonName(given="Jane", surname="Example")])
