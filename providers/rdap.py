"""RDAP domain registration data (RFC 9083); servers from the IANA bootstrap (RFC 9224).

Looks up the profile's own websites and the domains of its non-webmail email addresses: only
the *domain* of an email is sent, never the address (declared as WORK_EMAIL as it comes from
one). Registrant/admin/tech jCards are read (fn, org, adr, tel, email). A redacted contact
("REDACTED FOR PRIVACY", an RFC 9537 `redacted` member, a remark) gives an observation that
says so, with no values: a good result, not a failure."""

from __future__ import annotations

import re
from typing import Any, ClassVar
from urllib.parse import urlsplit

from pydantic import Field

from exposure_scan.errors import NoServer, ParseError, ProviderResponseError
from exposure_scan.models import Observation, PartReason, ReasonParams, SourceKind
from exposure_scan.profile import Country
from exposure_scan.provider import Provider, ProviderContext, ProviderOptions, Query, QueryField

CONTACT_ROLES = ("registrant", "administrative", "technical")
# Phrases registries put in place of a value; "privacy" alone would also hit a business called
# "Privacy Huisartsen BV" or privacy@example.nl.
REDACTION = re.compile(
    r"\bredacted\b|data protected|not disclosed|\bwithheld\b|for privacy\b|"
    r"privacy (?:service|protect|guard)|\bgdpr\b|\bredacted for\b|contact privacy|"
    r"privacyguardian|perfect privacy|domains by proxy|whoisguard|withheld for privacy",
    re.IGNORECASE,
)
WEBMAIL = frozenset("""gmail.com googlemail.com outlook.com hotmail.com hotmail.nl hotmail.co.uk
    live.com live.nl live.co.uk msn.com yahoo.com yahoo.co.uk ymail.com icloud.com me.com mac.com
    proton.me protonmail.com protonmail.ch pm.me aol.com gmx.com gmx.net gmx.de web.de zoho.com
    mail.com fastmail.com tutanota.com tuta.io btinternet.com ziggo.nl kpnmail.nl planet.nl
    hetnet.nl home.nl xs4all.nl casema.nl upcmail.nl telfort.nl""".split())
FALLBACK_SERVERS = {"nl": "https://rdap.sidn.nl/"}  # in case the bootstrap lacks it


class RdapOptions(ProviderOptions):
    servers: dict[str, str] = Field(default_factory=dict, description="TLD -> RDAP base URL")
    skip_email_domains: list[str] = Field(default_factory=list, description="more webmail")


def domain_of(value: str) -> str:
    """The host of a URL, or the part after @ of an email address; no leading www."""
    value = value.strip()
    host = value.rsplit("@", 1)[1] if "@" in value and "//" not in value else (
        urlsplit(value if "//" in value else f"//{value}").hostname or "")
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def parse_bootstrap(payload: Any) -> dict[str, str]:
    """Pure: IANA dns.json -> {tld or suffix: base URL}, preferring https."""
    if not isinstance(payload, dict) or not isinstance(payload.get("services"), list):
        raise ParseError("IANA RDAP bootstrap has no `services` list")
    out: dict[str, str] = {}
    for entry in payload["services"]:
        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], list)):
            raise ParseError("IANA RDAP bootstrap service is not [[tlds], [urls]]")
        urls = sorted(map(str, entry[1]), key=lambda u: not u.startswith("https:"))
        out.update({str(suffix).lower(): urls[0] for suffix in entry[0] if urls})
    return out


def server_for(domain: str, servers: dict[str, str]) -> str:
    """Longest matching suffix (RFC 9224), with a trailing slash; '' when none."""
    labels = domain.split(".")
    suffixes = (".".join(labels[i:]) for i in range(len(labels)))
    base = next((servers[s] for s in suffixes if s in servers), "")
    return base if not base or base.endswith("/") else base + "/"


def _adr(params: Any, value: Any) -> str:
    """jCard adr [pobox, ext, street, city, region, postcode, country] -> one line."""
    if isinstance(params, dict) and params.get("label"):
        return str(params["label"])
    items = value if isinstance(value, list) else ["", "", value]
    p = [" ".join(map(str, v)) if isinstance(v, list) else str(v or "") for v in items] + [""] * 7
    lines = [f"{p[2]} {p[1]}", f"{p[5]} {p[3]} {p[4]}", p[6]]
    return ", ".join(" ".join(x.split()) for x in lines if x.strip())


def parse_vcard(vcard: Any) -> dict[str, list[str]]:
    """Pure: a jCard -> {"names","orgs","addresses","phones","emails","redacted"}."""
    if not (isinstance(vcard, list) and len(vcard) == 2 and isinstance(vcard[1], list)):
        raise ParseError("RDAP vcardArray is not ['vcard', [...]]")
    buckets = {"fn": "names", "org": "orgs", "adr": "addresses", "tel": "phones", "email": "emails"}
    out: dict[str, list[str]] = {k: [] for k in [*buckets.values(), "redacted"]}
    for prop in vcard[1]:
        if not (isinstance(prop, list) and len(prop) >= 4):
            raise ParseError("RDAP jCard property is not [name, params, type, value]")
        name, value = str(prop[0]).lower(), prop[3]
        if name not in buckets:
            continue
        text = _adr(prop[1], value) if name == "adr" else " ".join(
            map(str, value) if isinstance(value, list) else [str(value)])
        text = " ".join(text.split()).removeprefix("tel:")
        if text and REDACTION.search(text):
            out["redacted"].append(f"{name}: {text}")
        elif text and text not in out[buckets[name]]:
            out[buckets[name]].append(text)
    return out


def _roles(entity: dict[str, Any]) -> list[str]:
    roles = entity.get("roles") or []
    return [roles] if isinstance(roles, str) else [str(r) for r in roles]


def _contacts(entities: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for entity in entities if isinstance(entities, list) else []:
        if not isinstance(entity, dict):
            raise ParseError("RDAP entity is not an object")
        if set(_roles(entity)) & set(CONTACT_ROLES):
            found.append(entity)
        found.extend(_contacts(entity.get("entities")))
    return found


def _redaction_notes(payload: dict[str, Any]) -> list[str]:
    """RFC 9537 `redacted` names and remarks that mention redaction."""
    notes = [str(i["name"].get("type") or i["name"].get("description") or "a field")
             for i in payload.get("redacted") or []
             if isinstance(i, dict) and isinstance(i.get("name"), dict)]
    for remark in (r for r in payload.get("remarks") or [] if isinstance(r, dict)):
        text = " ".join(map(str, [remark.get("title") or "", *(remark.get("description") or [])]))
        if "redact" in text.lower():
            notes.append(" ".join(text.split()))
    return notes


def parse_domain(payload: Any, domain: str, url: str, provider: str = "rdap") -> list[Observation]:
    """Pure: an RDAP domain object -> one observation per contact (or one saying redacted)."""
    if not isinstance(payload, dict) or payload.get("objectClassName") != "domain":
        raise ParseError("RDAP answer is not a domain object")
    notes = _redaction_notes(payload)
    contacts = _contacts(payload.get("entities"))
    if not contacts and notes:  # no contact published at all, and the server says why
        contacts = [{"roles": ["registrant"]}]
    out = []
    for entity in contacts:
        roles = ",".join(r for r in _roles(entity) if r in CONTACT_ROLES)
        card = parse_vcard(entity.get("vcardArray", ["vcard", []]))
        who = f"{roles.replace(',', '/')} contact of {domain}"
        values = card["names"] + card["addresses"] + card["phones"] + card["emails"]
        extra = {"domain": domain, "roles": roles}
        snippet = f"The {who} shows: " + "; ".join(card["orgs"] + values)
        if not values:
            extra["redacted"] = "yes"
            why = "; ".join(card["redacted"] + notes) or "no details published"
            who, snippet = f"{who} is redacted", f"The {who} is redacted ({why})."
        elif card["redacted"]:
            extra["redacted"] = "partly"
            snippet += f" (redacted: {', '.join(card['redacted'])})"
        out.append(Observation(
            provider=provider, url=url, source_kind=SourceKind.DOMAIN, title=f"RDAP: {who}",
            names=card["names"], addresses=card["addresses"], phones=card["phones"], extra=extra,
            emails=card["emails"], snippet=snippet, text="\n".join(card["orgs"] + values)))
    return out


class RdapProvider(Provider[RdapOptions]):
    name: ClassVar[str] = "rdap"
    title: ClassVar[str] = "RDAP domain registration data"
    source_kind = SourceKind.DOMAIN
    sends = frozenset({QueryField.WEBSITE, QueryField.WORK_EMAIL})  # email: its domain only
    default_base_url: ClassVar[str] = "https://data.iana.org/rdap"
    default_rate_limit: ClassVar[float] = 1.0
    docs_url: ClassVar[str] = "https://www.rfc-editor.org/rfc/rfc9083"
    Options = RdapOptions

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        options = self.options
        skip = WEBMAIL | {d.lower() for d in options.skip_email_domains}
        targets: dict[str, set[QueryField]] = {}
        for value, field in [*((w, QueryField.WEBSITE) for w in query.websites),
                             *((e, QueryField.WORK_EMAIL) for e in query.emails)]:
            domain = domain_of(value)
            if domain and "." in domain and (field is QueryField.WEBSITE or domain not in skip):
                targets.setdefault(domain, set()).add(field)
        if not targets:
            return []
        status, payload = await ctx.get_json(self.url("dns.json"), fields=[])
        if status != 200:
            raise ProviderResponseError(f"IANA RDAP bootstrap answered HTTP {status}")
        servers = {**FALLBACK_SERVERS, **parse_bootstrap(payload), **options.servers}
        out: list[Observation] = []
        for domain, fields in targets.items():
            labels = domain.split(".")  # a subdomain: try its parents too
            for name in [".".join(labels[i:]) for i in range(max(1, len(labels) - 1))]:
                if not (base := server_for(name, servers)):
                    ctx.note_unchecked(reason=PartReason.NO_SERVER,
                                       params=ReasonParams(target=domain, suffix=labels[-1]))
                    break
                url = f"{base}domain/{name}"
                status, payload = await ctx.get_json(
                    url, fields=sorted(fields), headers={"Accept": "application/rdap+json"})
                if status == 404:
                    continue
                if status != 200:
                    raise ProviderResponseError(f"RDAP server for {name} answered HTTP {status}")
                out.extend(parse_domain(payload, name, url, self.name))
                break
        if ctx.unchecked_parts and len(ctx.unchecked_parts) == len(targets):
            raise NoServer
        return out

    def test_query(self) -> Query:
        """The reserved example domain: `websites = ["https://example.org"]`."""
        return Query(country=Country.NL, websites=["https://example.org"])
