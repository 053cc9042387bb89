"""NPPES NPI Registry (US), API version 2.1: https://npiregistry.cms.hhs.gov/api-page

Public, no key. Searches individual providers (NPI-1) by first and last name; then
organisations (NPI-2) whose authorized official has that name (`name_purpose=AO`) and, when
the profile names the practice, organisations by that name: a clinic's NPI-2 record carries
the practice address and phone. Follows `skip`/`limit` paging up to `max_results` (the API
allows limit <= 200 and skip <= 1000).
Every address is reported: LOCATION, MAILING and the `practiceLocations`. For a sole
proprietor the MAILING address is often the home address.

Quirks: an HTTP 200 with an `Errors` array is a failure, not "no match"; `number` comes as an
int or as a string; broad name searches return alphabetical noise, so the matcher re-checks.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field

from exposure_scan.errors import ParseError, ProviderResponseError
from exposure_scan.models import Observation, PartReason, ReasonParams, SourceKind
from exposure_scan.profile import Country, PersonName
from exposure_scan.provider import Provider, ProviderContext, ProviderOptions, Query, QueryField

PAGE_MAX = 200
SKIP_MAX = 1000
VIEW_URL = "https://npiregistry.cms.hhs.gov/provider-view/{number}"


class NpiOptions(ProviderOptions):
    max_results: int = Field(default=200, ge=1, le=SKIP_MAX + PAGE_MAX,
                             description="records read per name (paged by 200)")
    enumeration_type: str = Field(default="NPI-1", pattern="^(NPI-1|NPI-2|)$",
                                  description="NPI-1 individuals, NPI-2 organisations, '' both")
    organisations: bool = Field(default=True, description="also NPI-2 records with the person "
                                "as authorized official, and the practice by name")


def format_address(item: dict[str, Any]) -> str:
    """"address_1 address_2, city, state postal_code"; a 9-digit ZIP as ZIP+4."""
    street = " ".join(str(item.get(k) or "").strip() for k in ("address_1", "address_2"))
    postal = str(item.get("postal_code") or "").strip()
    if len(postal) == 9 and postal.isdigit():
        postal = f"{postal[:5]}-{postal[5:]}"
    tail = " ".join(p for p in (str(item.get("state") or "").strip(), postal) if p)
    parts = [" ".join(street.split()), str(item.get("city") or "").strip(), tail]
    return ", ".join(p for p in parts if p)


def _person(basic: dict[str, Any]) -> str:
    keys = ("name_prefix", "first_name", "middle_name", "last_name", "name_suffix")
    name = " ".join(str(basic.get(k) or "").strip() for k in keys)
    name = " ".join(name.split())
    return name or str(basic.get("organization_name") or basic.get("name") or "").strip()


def _official(basic: dict[str, Any]) -> str:
    """The authorized official of an organisation record (NPI-2), if any."""
    keys = ("first_name", "middle_name", "last_name")
    name = " ".join(str(basic.get(f"authorized_official_{k}") or "").strip() for k in keys)
    return " ".join(name.split())


def parse_record(item: Any, provider: str = "npi") -> Observation:
    """Pure: one NPPES result -> an observation with every name, address and phone."""
    if not isinstance(item, dict) or not isinstance(item.get("basic"), dict):
        raise ParseError("NPPES result without a `basic` object")
    number = str(item.get("number") or "").strip()
    if not number.isdigit():
        raise ParseError("NPPES result without a numeric `number`")
    basic = item["basic"]
    names = [n for n in [_person(basic)] if n]
    official = _official(basic)
    if official and official not in names:
        names.append(official)
    for other in item.get("other_names") or []:
        if isinstance(other, dict) and (alias := _person(other)) and alias not in names:
            names.append(alias)
    addresses: list[str] = []
    phones: list[str] = []
    purposes: list[str] = []
    places = [*(item.get("addresses") or []), *(item.get("practiceLocations") or [])]
    for place in places:
        if not isinstance(place, dict):
            raise ParseError("NPPES address is not an object")
        text = format_address(place)
        if text and text not in addresses:
            addresses.append(text)
            purposes.append(str(place.get("address_purpose") or "PRACTICE LOCATION").lower())
        phone = str(place.get("telephone_number") or "").strip()
        if phone and phone not in phones:
            phones.append(phone)
    official_phone = str(basic.get("authorized_official_telephone_number") or "").strip()
    if official_phone and official_phone not in phones:
        phones.append(official_phone)
    credential = str(basic.get("credential") or "").strip()
    sole = str(basic.get("sole_proprietor") or "").upper() == "YES"
    taxonomies = [str(t.get("desc") or "") for t in item.get("taxonomies") or []
                  if isinstance(t, dict) and t.get("desc")]
    snippet = f"NPI {number}: {', '.join(filter(None, [names[0] if names else '', credential]))}"
    if taxonomies:
        snippet += f" ({'; '.join(taxonomies)})"
    snippet += f". Addresses listed: {', '.join(purposes) or 'none'}."
    if official:
        snippet += f" Authorized official: {official}."
    extra = {"npi": number}
    if sole:
        extra["sole_proprietor"] = "yes"
        snippet += " Sole proprietor: the mailing address is often a home address."
    return Observation(
        provider=provider, url=VIEW_URL.format(number=number),
        title=f"NPI Registry: {names[0] if names else number}", source_kind=SourceKind.REGISTRY,
        names=names, addresses=addresses, phones=phones, snippet=snippet,
        text="\n".join([*names, *addresses, *phones]), extra=extra,
    )


def parse_page(payload: Any, provider: str = "npi") -> tuple[list[Observation], int]:
    """Pure: one NPPES answer -> (records, result_count). An `Errors` array raises."""
    if isinstance(payload, dict) and payload.get("Errors"):
        errors = payload["Errors"]
        first = errors[0] if isinstance(errors, list) and errors else errors
        text = first.get("description") if isinstance(first, dict) else first
        raise ProviderResponseError(f"NPPES refused the search: {text}")
    if not isinstance(payload, dict) or not isinstance(payload.get("results"), list):
        raise ParseError("NPPES answer has no `results` list")
    count = payload.get("result_count", len(payload["results"]))
    if not isinstance(count, int):
        raise ParseError("NPPES `result_count` is not a number")
    return [parse_record(item, provider) for item in payload["results"]], count


class NpiProvider(Provider[NpiOptions]):
    """NPPES NPI Registry: US clinicians' practice and mailing addresses and phones."""

    name: ClassVar[str] = "npi"
    title: ClassVar[str] = "NPPES NPI Registry (US)"
    jurisdiction: ClassVar[str] = "US"
    source_kind = SourceKind.REGISTRY
    sends = frozenset({QueryField.NAME, QueryField.PRACTICE_NAME})
    default_base_url: ClassVar[str] = "https://npiregistry.cms.hhs.gov/api"
    default_rate_limit: ClassVar[float] = 1.0  # none documented; stay polite
    docs_url: ClassVar[str] = "https://npiregistry.cms.hhs.gov/api-page"
    Options = NpiOptions

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        options = self.options
        found: dict[str, Observation] = {}
        searches: list[tuple[dict[str, Any], list[QueryField]]] = []
        for person in query.names:
            who = {"first_name": person.given.split()[0], "last_name": person.surname}
            people = dict(who)
            if options.enumeration_type:
                people["enumeration_type"] = options.enumeration_type
            searches.append((people, [QueryField.NAME]))
            if options.organisations:
                # The person as the authorized official of a clinic or practice.
                searches.append(
                    ({**who, "name_purpose": "AO", "enumeration_type": "NPI-2"}, [QueryField.NAME])
                )
        if options.organisations:
            for practice in query.practice_names:
                searches.append(
                    (
                        {"organization_name": practice, "enumeration_type": "NPI-2"},
                        [QueryField.PRACTICE_NAME],
                    )
                )
        for params, fields in searches:
            for obs in await self._search(params, fields, ctx):
                found.setdefault(obs.extra["npi"], obs)
        return list(found.values())

    async def _search(
        self, criteria: dict[str, Any], fields: list[QueryField], ctx: ProviderContext
    ) -> list[Observation]:
        options = self.options
        out: list[Observation] = []
        skip = 0
        while skip <= SKIP_MAX and len(out) < options.max_results:
            limit = min(PAGE_MAX, options.max_results - len(out))
            params: dict[str, Any] = {"version": "2.1", **criteria, "limit": limit, "skip": skip}
            status, payload = await ctx.get_json(self.url("/"), params=params, fields=fields)
            if status != 200:
                raise ProviderResponseError(f"NPPES answered HTTP {status}")
            records, _ = parse_page(payload, self.name)
            out.extend(records)
            if len(records) < limit:
                return out
            skip += limit
        # The last page was full: there may be more records than were read.
        ctx.note_unchecked(reason=PartReason.LEFT_OUT,
                           params=ReasonParams(item="npi_records", count=len(out)))
        return out

    def test_query(self) -> Query:
        """A fictional US clinician: "Jane Fictitious-Testname"; expected: no records."""
        return Query(country=Country.US,
                     names=[PersonName(given="Jane", surname="Fictitious-Testname")])
