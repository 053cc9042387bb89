"""Gravatar public profiles (REST API v3): https://docs.gravatar.com/rest-api

The profile is looked up by the SHA-256 of the trimmed, lower-cased email. The hash is what is
sent, but anyone holding the address can compute it: it is still the email, so this provider
declares WORK_EMAIL and PRIVATE_EMAIL, and the core passes a private one only with consent.
A profile found means the email is linked to a public name, location and links.
404 = no profile. GRAVATAR_API_KEY (optional, Bearer) raises the limit from 100 to 1000 an
hour and makes the API return more fields (links, contact_info, first/last name).
"""

from __future__ import annotations

import hashlib
from typing import Any, ClassVar

from pydantic import Field

from exposure_scan.errors import MissingCredentials, ParseError, ProviderResponseError
from exposure_scan.models import Observation, PartReason, ReasonParams, SourceKind
from exposure_scan.profile import Country
from exposure_scan.provider import Provider, ProviderContext, ProviderOptions, Query, QueryField

CONTACT_PHONES = ("home_phone", "work_phone", "cell_phone")


class GravatarOptions(ProviderOptions):
    max_emails: int = Field(default=3, ge=1, le=20, description="emails looked up per scan")


def email_hash(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def parse_profile(payload: Any, email: str, provider: str = "gravatar") -> Observation:
    """Pure: a v3 profile -> an observation; the looked-up email is what links it."""
    if not isinstance(payload, dict) or not isinstance(payload.get("hash"), str):
        raise ParseError("Gravatar answer is not a profile (no `hash`)")
    if not isinstance(payload.get("profile_url", ""), str):
        raise ParseError("Gravatar `profile_url` is not a string")
    full = " ".join(_text(payload.get(k)) for k in ("first_name", "last_name")).strip()
    names = list(dict.fromkeys(n for n in (_text(payload.get("display_name")), full) if n))
    location = _text(payload.get("location"))
    links: list[str] = []
    for key in ("links", "verified_accounts"):
        items = payload.get(key) if payload.get(key) is not None else []
        if not isinstance(items, list):
            raise ParseError(f"Gravatar `{key}` is not a list")
        links += [_text(i.get("url")) for i in items if isinstance(i, dict) and i.get("url")]
    contact = payload.get("contact_info", {})
    contact = {} if contact is None else contact
    if not isinstance(contact, dict):
        raise ParseError("Gravatar `contact_info` is not an object")
    phones = [_text(contact[k]) for k in CONTACT_PHONES if _text(contact.get(k))]
    emails = list(dict.fromkeys([email, *([_text(contact["email"])]
                                          if _text(contact.get("email")) else [])]))
    about = [_text(payload.get(k)) for k in ("job_title", "company", "description")]
    facts = [*names, location, *filter(None, about)]
    snippet = "Gravatar profile linked to this email: " + "; ".join(f for f in facts if f)
    extra = {"hash": payload["hash"], **({"links": " ".join(links)} if links else {})}
    return Observation(
        provider=provider, url=payload.get("profile_url") or "https://gravatar.com/",
        title=f"Gravatar profile: {names[0] if names else payload['hash'][:12]}",
        source_kind=SourceKind.AVATAR, names=names, addresses=[location] if location else [],
        phones=phones, emails=emails, snippet=snippet, extra=extra,
        text="\n".join([*facts, *phones, *links]),
    )


class GravatarProvider(Provider[GravatarOptions]):
    name: ClassVar[str] = "gravatar"
    title: ClassVar[str] = "Gravatar public profile"
    source_kind = SourceKind.AVATAR
    sends = frozenset({QueryField.WORK_EMAIL, QueryField.PRIVATE_EMAIL})  # as SHA-256
    key_env_var: ClassVar[str | None] = "GRAVATAR_API_KEY"
    default_base_url: ClassVar[str] = "https://api.gravatar.com/v3"
    default_rate_limit: ClassVar[float] = 0.027  # 100/hour without a key (1000/hour with one)
    docs_url: ClassVar[str] = "https://docs.gravatar.com/rest-api"
    Options = GravatarOptions

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        options = self.options
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        out = []
        emails = list(dict.fromkeys(query.emails))
        if len(emails) > options.max_emails:
            left = ReasonParams(item="emails", count=len(emails) - options.max_emails)
            ctx.note_unchecked(reason=PartReason.LEFT_OUT, params=left)
        for email in emails[:options.max_emails]:
            url = self.url(f"profiles/{email_hash(email)}")
            fields = [query.email_field(email)]
            status, payload = await ctx.get_json(url, headers=headers, fields=fields)
            if status == 404:
                continue
            if status in (401, 403) and self.api_key:
                raise MissingCredentials(
                    f"Gravatar refused GRAVATAR_API_KEY (HTTP {status}); check or unset it")
            if status != 200:
                raise ProviderResponseError(f"Gravatar answered HTTP {status}")
            out.append(parse_profile(payload, email, self.name))
        return out

    def test_query(self) -> Query:
        """A reserved-domain address with no profile: `emails = ["test@example.org"]`."""
        return Query(country=Country.NL, emails=["test@example.org"])
