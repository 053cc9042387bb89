"""CIBG BIG-register public webservice (SOAP 1.1, operation ListHcpApprox4). No key needed.

Shows name, BIG number, profession and specialism; the schema also has up to three work
addresses (with e-mail and phone), which the public service may or may not fill.
Endpoint since April 2023: https://api.bigregister.nl/zksrv/soap/4 (WSDL: `?wsdl`).
Reported rules: searches matching more than 50 people are refused (a SOAP Fault, which is
"unchecked", never "clear"); the request sends the surname, its prefix and the first initial.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar
from xml.sax.saxutils import escape

from exposure_scan.errors import ParseError, ProviderResponseError
from exposure_scan.models import Observation, SourceKind
from exposure_scan.profile import Country, PersonName
from exposure_scan.provider import Provider, ProviderContext, Query, QueryField

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

NS = "http://services.cibg.nl/ExternalUser"
SOAP_ACTION = f"{NS}/ListHcpApprox4"
PUBLIC_SEARCH = "https://zoeken.bigregister.nl/"
NO_END_DATE = "0001-01-01"
PARTICLES = frozenset({"van", "de", "der", "den", "het", "ten", "ter", "te", "in", "op", "'t",
                       "d'", "la", "le", "du", "von", "vander", "vande", "'s", "uit"})
PROFESSIONS = {
    "01": "arts", "02": "tandarts", "03": "verloskundige", "04": "fysiotherapeut",
    "16": "psychotherapeut", "17": "apotheker", "18": "apotheekhoudend arts",
    "25": "gezondheidszorgpsycholoog", "30": "verpleegkundige", "31": "orthopedagoog-generalist",
    "81": "physician assistant", "82": "klinisch technoloog", "83": "apothekersassistent",
    "84": "klinisch fysicus", "85": "tandprotheticus", "86": "verzorgende IG",
}
SPECIALISMS = {
    "3": "anesthesiologie", "8": "bedrijfsgeneeskunde", "10": "cardiologie",
    "14": "heelkunde", "15": "huisartsgeneeskunde", "16": "interne geneeskunde",
    "19": "kindergeneeskunde", "26": "neurologie", "35": "psychiatrie", "39": "radiologie",
    "46": "obstetrie en gynaecologie", "47": "ouderengeneeskunde",
    "48": "verzekeringsgeneeskunde", "56": "geneeskunde voor verstandelijk gehandicapten",
    "61": "klinische psychologie", "70": "jeugdgezondheidszorg", "71": "spoedeisende hulp",
}


def split_surname(surname: str) -> tuple[str, str]:
    """"van der Berg" -> ("van der", "Berg"); "Kuiper-van der Berg" stays whole."""
    words = surname.split()
    i = 0
    while i < len(words) - 1 and words[i].lower() in PARTICLES:
        i += 1
    return " ".join(words[:i]), " ".join(words[i:])


def build_request(name: PersonName) -> bytes:
    """Pure: the SOAP envelope for one name (values XML-escaped)."""
    prefix, surname = split_surname(name.surname)
    fields = {"WebSite": "Ribiz", "Name": surname, "Initials": name.given.strip()[:1].upper(),
              "Prefix": prefix}
    body = "".join(f"<ns:{k}>{escape(v)}</ns:{k}>" for k, v in fields.items() if v)
    return (
        '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap='
        f'"http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns="{NS}"><soap:Body>'
        f"<ns:listHcpApproxRequest>{body}</ns:listHcpApproxRequest></soap:Body></soap:Envelope>"
    ).encode()


def _local(el: ET.Element) -> str:
    return el.tag.rsplit("}", 1)[-1]


def _child(el: ET.Element | None, name: str) -> ET.Element | None:
    return next((c for c in el if _local(c) == name), None) if el is not None else None


def _text(el: ET.Element | None, name: str) -> str:
    found = _child(el, name)
    return " ".join((found.text or "").split()) if found is not None else ""


def _address(el: ET.Element | None) -> str:
    if el is None:
        return ""
    street = " ".join(p for p in (_text(el, "StreetName"), _text(el, "HouseNumber"),
                                  _text(el, "HouseNumberAddition")) if p)
    place = " ".join(p for p in (_text(el, "PostalCode"), _text(el, "City")) if p)
    return ", ".join(p for p in (street, place, _text(el, "ForeignAddress")) if p)


def _person(el: ET.Element, provider: str) -> Observation:
    reg = _child(_child(el, "ArticleRegistration"), "ArticleRegistrationExtApp")
    number = _text(reg, "ArticleRegistrationNumber")
    if not number:
        raise ParseError("BIG-register person without ArticleRegistrationNumber")
    code = _text(reg, "ProfessionalGroupCode")
    profession = PROFESSIONS.get(code, f"beroep {code}")
    spec_list = _child(el, "Specialism")
    specs = [_text(s, "TypeOfSpecialismId") for s in (spec_list if spec_list is not None else [])]
    specialisms = [SPECIALISMS.get(s, f"specialisme {s}") for s in specs if s]
    mailing = _text(el, "MailingName")
    formal = " ".join(p for p in (_text(el, "Initial"), _text(el, "Prefix"),
                                  _text(el, "BirthSurname")) if p)
    names = list(dict.fromkeys(n for n in (mailing, formal) if n))
    works = [_child(el, f"WorkAddress{i}") for i in (1, 2, 3)]
    extra = {"big_number": number, "profession": profession}
    if specialisms:
        extra["specialism"] = "; ".join(specialisms)
    if (end := _text(reg, "ArticleRegistrationEndDate")) and not end.startswith(NO_END_DATE):
        extra["registration_end"] = end[:10]
    summary = ", ".join([profession, *specialisms])
    return Observation(
        provider=provider, url=f"{PUBLIC_SEARCH}#{number}", source_kind=SourceKind.REGISTRY,
        title=f"BIG-register: {mailing or formal} ({summary})", names=names,
        addresses=[a for a in map(_address, works) if a],
        phones=[p for p in (_text(w, "TelephoneNumber") for w in works) if p],
        emails=[m for m in (_text(w, "Email") for w in works) if m],
        snippet=f"{mailing or formal}, BIG {number}, {summary}", site="bigregister.nl",
        extra=extra,
    )


def parse_response(xml: str | bytes, provider: str = "big_register") -> list[Observation]:
    """Pure: a ListHcpApprox4 SOAP answer -> one observation per registered person.

    A DTD is refused before parsing (SOAP forbids it), so no entity is ever expanded.
    """
    import xml.etree.ElementTree as ET  # only with an answer: a scan without one never needs it

    raw = xml.encode() if isinstance(xml, str) else xml
    if b"<!DOCTYPE" in raw.upper() or b"<!ENTITY" in raw.upper():
        raise ParseError("BIG-register answer carries a DTD; refused")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise ParseError("BIG-register answer is not XML") from exc
    body = _child(root, "Body") if _local(root) == "Envelope" else None
    if body is None:
        raise ParseError("BIG-register answer is not a SOAP envelope")
    fault = _child(body, "Fault")
    if fault is not None:
        reason = _text(fault, "faultstring") or "no reason given"
        raise ProviderResponseError(f"BIG-register refused the search: {reason}")
    result = _child(body, "ListHcpApprox4Result")
    if result is None:
        raise ParseError("BIG-register answer has no ListHcpApprox4Result")
    people = _child(result, "ListHcpApprox")
    return [_person(p, provider) for p in (people if people is not None else [])
            if _local(p) == "ListHcpApprox4"]


class BigRegisterProvider(Provider):
    name: ClassVar[str] = "big_register"
    title: ClassVar[str] = "BIG-register (CIBG)"
    jurisdiction: ClassVar[str] = "NL"
    source_kind = SourceKind.REGISTRY
    sends = frozenset({QueryField.NAME})
    default_base_url: ClassVar[str] = "https://api.bigregister.nl/zksrv/soap/4"
    default_rate_limit: ClassVar[float] = 0.5  # no published limit: stay polite
    docs_url: ClassVar[str] = "https://www.bigregister.nl/zoeken/zoeken-met-de-api"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        found: dict[str, Observation] = {}
        for name in query.names:
            response = await ctx.request(
                "POST", self.base_url, fields=[QueryField.NAME],
                headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": SOAP_ACTION},
                content=build_request(name),
                pass_statuses=frozenset({500}),  # SOAP 1.1 sends a Fault as HTTP 500
            )
            if response.status_code == 500 and b"Fault" not in response.content:
                raise ProviderResponseError("BIG-register answered HTTP 500")
            if response.status_code in (401, 403):
                raise ProviderResponseError(
                    f"BIG-register refused access (HTTP {response.status_code}); it needs no "
                    "API key, so check [providers.big_register] base_url"
                )
            if response.status_code != 200 and b"Fault" not in response.content:
                raise ProviderResponseError(f"BIG-register answered HTTP {response.status_code}")
            for person in parse_response(response.content, self.name):
                found.setdefault(person.extra["big_number"], person)
        return list(found.values())

    def test_query(self) -> Query:
        """The fictional "Jan Voorbeeld": a checked, normally empty answer."""
        return Query(country=Country.NL, names=[PersonName(given="Jan", surname="Voorbeeld")])
