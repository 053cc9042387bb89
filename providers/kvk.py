"""KvK Handelsregister Zoeken (Dutch trade register): a practice registered at home shows it.

Why Zoeken **v2** and not the newer, free v3: v2 is the documented, supported version
(spec 2.1.0, release of 25 June 2025; v1 was switched off on 29 July 2024), and its request
parameters, response envelope, address shape and the "404 + IPD5200 = no result" convention are
all published (https://developers.kvk.nl/documentation/migration-zoeken-v2,
https://developers.kvk.nl/cms/api/uploads/api_zoeken.yaml). Zoeken requests cost nothing in v2
either (only the API key subscription). For v3 (`/api/v3/zoeken`) we could only confirm that it
exists and is free; its response shape could not be checked, and a provider must not guess a
shape (a guess turns "format changed" into a false "nothing found"). Moving to v3 is a new
parser plus a `base_url`; revisit when v2's end of life is announced.

Note: api.kvk.nl is served under the "Staat der Nederlanden Private Root CA - G1" chain, which
default CA bundles may lack; a TLS failure shows up as "could not connect" (unchecked).
"""

from __future__ import annotations

from typing import Any, ClassVar
from urllib.parse import quote

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

NO_RESULT = "IPD5200"
PUBLIC_SEARCH = "https://www.kvk.nl/zoeken/?source=all&q="


class KvkOptions(ProviderOptions):
    max_queries: int = Field(default=4, ge=1, le=20)
    results_per_page: int = Field(default=100, ge=1, le=100)


def format_address(adres: Any) -> tuple[str, str]:
    """Pure: a v2 `adres` object -> (address type, one-line address); ("", "") when absent."""
    if adres is None:
        return "", ""
    if not isinstance(adres, dict):
        raise ParseError("KvK result has an `adres` that is not an object")
    inland = adres.get("binnenlandsAdres")
    if isinstance(inland, dict):
        number = " ".join(
            str(inland[k]) for k in ("huisnummer", "huisletter") if inland.get(k) not in (None, "")
        )
        street = " ".join(p for p in (str(inland.get("straatnaam") or ""), number) if p)
        if inland.get("postbusnummer"):
            street = f"Postbus {inland['postbusnummer']}"
        place = " ".join(str(inland[k]) for k in ("postcode", "plaats") if inland.get(k))
        return str(inland.get("type") or ""), ", ".join(p for p in (street, place) if p)
    foreign = adres.get("buitenlandsAdres")
    if isinstance(foreign, dict):
        parts = [str(foreign[k]) for k in ("straatHuisnummer", "postcodeWoonplaats", "land")
                 if foreign.get(k)]
        return str(foreign.get("type") or ""), ", ".join(parts)
    return "", ""


def error_codes(payload: Any) -> list[str]:
    """Pure: the IPD codes of a KvK error body (`fout` at the top or under `meldingen`)."""
    if not isinstance(payload, dict):
        return []
    holder = payload.get("meldingen") if isinstance(payload.get("meldingen"), dict) else payload
    fouten = holder.get("fout") if isinstance(holder, dict) else None
    if not isinstance(fouten, list):
        return []
    return [str(f.get("code")) for f in fouten if isinstance(f, dict) and f.get("code")]


def parse_results(payload: Any, provider: str = "kvk") -> tuple[list[Observation], int]:
    """Pure: a Zoeken v2 answer -> (one observation per registration, `totaal`)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("resultaten"), list):
        raise ParseError("KvK answer has no `resultaten` list")
    out = []
    for item in payload["resultaten"]:
        if not isinstance(item, dict) or not item.get("kvkNummer") or "naam" not in item:
            raise ParseError("KvK result without `kvkNummer` or `naam`")
        kvk_number, name = str(item["kvkNummer"]), str(item["naam"] or "")
        kind, address = format_address(item.get("adres"))
        # A visiting address and a postal address both lead to a door when it is the home.
        addresses = [address] if address else []
        extra = {"kvk_number": kvk_number, "type": str(item.get("type") or "")}
        if item.get("vestigingsnummer"):
            extra["vestigingsnummer"] = str(item["vestigingsnummer"])
        if kind:
            extra["address_type"] = kind
        out.append(Observation(
            provider=provider, url=PUBLIC_SEARCH + quote(kvk_number),
            title=f"KvK {kvk_number}: {name}", source_kind=SourceKind.REGISTRY,
            names=[name] if name else [], addresses=addresses,
            snippet=", ".join(p for p in (name, address) if p), site="kvk.nl", extra=extra,
        ))
    total = payload.get("totaal")
    return out, int(total) if isinstance(total, int) else len(out)


def search_params(query: Query) -> list[dict[str, str]]:
    """Full names alone; then each surname with each practice city."""
    out: list[dict[str, str]] = [{"naam": n.full} for n in query.names]
    for name in query.names:
        out.extend({"naam": name.surname, "plaats": city} for city in query.cities)
    unique: list[dict[str, str]] = []
    for params in out:
        if params not in unique:
            unique.append(params)
    return unique


class KvkProvider(Provider[KvkOptions]):
    name: ClassVar[str] = "kvk"
    title: ClassVar[str] = "KvK Handelsregister (Zoeken v2)"
    jurisdiction: ClassVar[str] = "NL"
    source_kind = SourceKind.REGISTRY
    sends = frozenset({QueryField.NAME, QueryField.CITY})
    key_env_var: ClassVar[str | None] = "KVK_API_KEY"
    key_required: ClassVar[bool] = True
    default_base_url: ClassVar[str] = "https://api.kvk.nl/api/v2"
    default_rate_limit: ClassVar[float] = 5.0  # KvK allows 100/s and 300,000/month
    docs_url: ClassVar[str] = "https://developers.kvk.nl/documentation/zoeken-api"
    manual_check: ClassVar[str] = (
        "Type your surname, then your surname and practice city, into the free name search "
        "on https://www.kvk.nl/zoeken/"
    )
    Options = KvkOptions

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        options = self.options
        found: dict[tuple[str, str, str], Observation] = {}
        planned = search_params(query)
        if len(planned) > options.max_queries:
            left = ReasonParams(item="kvk_searches", count=len(planned) - options.max_queries)
            ctx.note_unchecked(reason=PartReason.LEFT_OUT, params=left)
        for params in planned[: options.max_queries]:
            sent = [QueryField.NAME] + ([QueryField.CITY] if "plaats" in params else [])
            status, payload = await ctx.get_json(
                self.url("zoeken"), fields=sent,
                params={**params, "pagina": "1",
                        "resultatenPerPagina": str(options.results_per_page)},
                headers={"apikey": self.api_key or ""},
            )
            if status == 404 and NO_RESULT in error_codes(payload):
                continue  # KvK's way of saying "no registration matches": checked and clear
            if status in (401, 403):
                raise MissingCredentials(
                    f"KvK rejected the API key (HTTP {status}); set {self.key_env_var} "
                    "to a valid key from developers.kvk.nl"
                )
            if status != 200:
                codes = ", ".join(error_codes(payload)) or "no error code"
                raise ProviderResponseError(f"KvK answered HTTP {status} ({codes})")
            hits, total = parse_results(payload, self.name)
            if total > len(hits):
                ctx.note_unchecked(reason=PartReason.LEFT_OUT,
                                   params=ReasonParams(item="kvk_results", count=total - len(hits)))
            for hit in hits:
                key = (hit.extra["kvk_number"], hit.extra.get("vestigingsnummer", ""),
                       hit.extra["type"])
                found.setdefault(key, hit)
        return list(found.values())

    def test_query(self) -> Query:
        """KvK's test environment (base_url https://api.kvk.nl/test/api/v2) holds fictional
        registrations such as "Test BV Donald"."""
        return Query(country=Country.NL, names=[PersonName(given="Test BV", surname="Donald")])
