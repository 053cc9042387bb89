"""The private profile: who the clinician is. It never leaves this machine.

Only the fields a provider declares are sent out, and private ones (home address, private
phone, private email) only when the config allows it.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import os
import re
import stat
import unicodedata
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import phonenumbers
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    field_validator,
    model_validator,
)

from exposure_scan import packaged
from exposure_scan.addressform import normalise_address
from exposure_scan.errors import ProfileError
from exposure_scan.inputfile import (
    OwnError,
    load_toml,
    own_error,
    profile_language,
    refuse_quoted_flags,
    validate,
)
from exposure_scan.messages import Notice
from exposure_scan.models import Relation


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _strict_flags(cls, data: object) -> object:
        return refuse_quoted_flags(cls, data)


class Country(StrEnum):
    NL = "NL"
    US = "US"
    UK = "UK"

    @property
    def region(self) -> str:
        """The ISO 3166 code that phonenumbers and registries use."""
        return "GB" if self is Country.UK else self.value


def parse_country(value: object) -> object:
    """Accept `nl`, `GB` and the like; the profile speaks NL, US and UK."""
    if not isinstance(value, str):
        return value
    value = value.strip().upper()
    return "UK" if value in {"GB", "GBR", "UNITED KINGDOM"} else value



# Labels of professional details, meant to be public. Every other label ("home", "mobile",
# "thuis", "privé", a typo) is private: a value is never sent out by mistake.
PUBLIC_LABELS = frozenset(
    {
        "practice",
        "work",
        "office",
        "clinic",
        "business",
        "professional",
        "public",
        "praktijk",
        "werk",
        "kantoor",
        "kliniek",
        "zakelijk",
    }
)

NL_POSTCODE = re.compile(r"^\s*([1-9]\d{3})\s?([A-Za-z]{2})\s*$")
US_ZIP = re.compile(r"^\s*(\d{5})(?:-(\d{4}))?\s*$")
UK_POSTCODE = re.compile(r"^\s*([A-Za-z]{1,2}\d[A-Za-z\d]?)\s*(\d[A-Za-z]{2})\s*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def is_private_label(label: str) -> bool:
    return label.strip().lower() not in PUBLIC_LABELS


class PersonName(Frozen):
    """One way the person is named. List a partner-name combination as a second entry."""

    given: str = Field(min_length=1, description="all given names, e.g. 'Jan Pieter'")
    surname: str = Field(min_length=1, description="with particle, e.g. 'de Vries'")
    call_name: str = Field(default="", description="the name used day to day, e.g. 'Jan'")
    full: str = ""

    @field_validator("given", "surname", "full")
    @classmethod
    def _check_letters(cls, value: str) -> str:
        # a blank or control-character name would be searched for as such; the value itself
        # is not repeated (it may be a control sequence)
        if any(unicodedata.category(ch) == "Cc" for ch in value):
            raise ValueError("holds a control character; write the name in plain letters")
        if value and not any(ch.isalpha() for ch in value):
            raise ValueError("holds no letters; write the name as it is spelled")
        return value.strip()

    @model_validator(mode="after")
    def _fill_full(self) -> PersonName:
        if not self.full:
            object.__setattr__(self, "full", f"{self.given} {self.surname}".strip())
        return self


class Address(Frozen):
    label: str = Field(min_length=1)
    name: str = Field(default="", description="the practice's name, e.g. 'Huisartsenpraktijk'")
    street: str = Field(min_length=1)
    house_number: str = Field(min_length=1)
    addition: str = ""
    postcode: str = ""
    city: str = Field(min_length=1)
    state: str = ""
    country: Country = Country.NL
    private: bool | None = None
    # fields put right on reading (a house number in the street): one note per fix
    _notes: tuple[str, ...] = PrivateAttr(default=())

    @model_validator(mode="wrap")
    @classmethod
    def _normalise(cls, data: Any, handler: ModelWrapValidatorHandler[Address]) -> Address:
        notes: list[str] = []
        if isinstance(data, dict):
            data, notes = normalise_address(data)
        address = handler(data)
        address._notes = tuple(notes)
        return address

    @field_validator("country", mode="before")
    @classmethod
    def _country(cls, value: object) -> object:
        return parse_country(value)

    @property
    def is_private(self) -> bool:
        return self.private if self.private is not None else is_private_label(self.label)

    @property
    def notes(self) -> tuple[str, ...]:
        """What was put right on reading: "street: held the house number; ..." """
        return self._notes

    @model_validator(mode="after")
    def _check_postcode(self) -> Address:
        # The value itself is never repeated: error output may end up in a cron log.
        code = self.postcode
        if not code:
            if self.country is Country.NL:
                raise ValueError("postcode: required for a Dutch address (like '1234 AB')")
            return self
        if self.country is Country.NL and not NL_POSTCODE.match(code):
            raise ValueError('postcode: not a Dutch postcode (expected like "1234 AB")')
        if self.country is Country.US and not US_ZIP.match(code):
            raise ValueError('postcode: not a US ZIP code (expected like "62701")')
        if self.country is Country.UK and not UK_POSTCODE.match(code):
            raise ValueError('postcode: not a UK postcode (expected like "SW1A 1AA")')
        return self


class Phone(Frozen):
    label: str = Field(min_length=1)
    number: str = Field(min_length=1)
    private: bool | None = None

    @property
    def is_private(self) -> bool:
        return self.private if self.private is not None else is_private_label(self.label)


class Email(Frozen):
    label: str = Field(min_length=1)
    address: str = Field(min_length=3)
    private: bool | None = None

    @field_validator("address")
    @classmethod
    def _check_email(cls, value: str) -> str:
        if not EMAIL.match(value.strip()):
            raise ValueError('not an email address (expected like "name@example.nl")')
        return value.strip()

    @property
    def is_private(self) -> bool:
        return self.private if self.private is not None else is_private_label(self.label)


class Role(StrEnum):
    GP = "gp"
    HOSPITAL = "hospital"
    JUSTICE = "justice"  # prison or police-custody doctor: a higher-risk setting
    MENTAL_HEALTH = "mental_health"
    CARE = "care"
    OTHER = "other"


# Dutch (and plain English) names of the roles; labels in the profile may be Dutch.
ROLE_ALIASES = {
    "huisarts": Role.GP,
    "general_practitioner": Role.GP,
    "family_doctor": Role.GP,
    "ziekenhuis": Role.HOSPITAL,
    "ziekenhuisarts": Role.HOSPITAL,
    "specialist": Role.HOSPITAL,
    "medisch_specialist": Role.HOSPITAL,
    "arts_in_het_ziekenhuis": Role.HOSPITAL,
    "justitie": Role.JUSTICE,
    "forensisch_arts": Role.JUSTICE,
    "forensische_geneeskunde": Role.JUSTICE,
    "gevangenisarts": Role.JUSTICE,
    "politiearts": Role.JUSTICE,
    "ggz": Role.MENTAL_HEALTH,
    "psychiater": Role.MENTAL_HEALTH,
    "psycholoog": Role.MENTAL_HEALTH,
    "geestelijke_gezondheidszorg": Role.MENTAL_HEALTH,
    "mental_health_care": Role.MENTAL_HEALTH,
    "psychiatry": Role.MENTAL_HEALTH,
    "zorg": Role.CARE,
    "verpleeghuis": Role.CARE,
    "verpleging": Role.CARE,
    "ouderenzorg": Role.CARE,
    "wijkverpleging": Role.CARE,
    "nursing": Role.CARE,
    "anders": Role.OTHER,
    "overig": Role.OTHER,
    "overige": Role.OTHER,
}


def parse_role(value: object) -> object:
    """`Huisarts`, `mental health` and `GP` all name a Role."""
    if not isinstance(value, str):
        return value
    key = re.sub(r"[\s\-]+", "_", value.strip().lower())
    if key in {r.value for r in Role}:
        return key
    if key in ROLE_ALIASES:
        return ROLE_ALIASES[key].value
    raise own_error(OwnError.ROLE, roles=", ".join(r.value for r in Role))


class Consent(Frozen):
    """Recorded consent for a scan run by someone else (an employer's batch, issue 12)."""

    by: str = Field(min_length=1, description="who gave it: the person, or a reference to it")
    date: datetime.date
    scope: str = Field(min_length=1, description="what was agreed, e.g. 'yearly exposure scan'")


class MemberName(PersonName):
    """A household member's name: a child may be listed by first name only (issue 16); such
    a name is found only where a page ties it to the person (exposure_scan.kinship)."""

    surname: str = Field(default="", description="may be left out: first name only")


RELATION_ALIASES = {
    "husband": "partner", "wife": "partner", "spouse": "partner", "man": "partner",
    "vrouw": "partner", "echtgenoot": "partner", "echtgenote": "partner",
    "son": "child", "daughter": "child", "kind": "child", "zoon": "child", "dochter": "child",
    "anders": "other", "overig": "other",
}


class Member(Frozen):
    """A household member (issue 16): in scope only with their own recorded consent, or for
    a child the parent's. Their values are only compared with what the clinician's own
    queries find, unless `send_values` records that they agreed to be searched for."""

    relation: Relation
    names: list[MemberName] = Field(min_length=1)
    phones: list[Phone] = Field(default_factory=list)
    emails: list[Email] = Field(default_factory=list)
    consent_by: str = ""
    consent_date: datetime.date | None = None
    send_values: bool = False

    @field_validator("relation", mode="before")
    @classmethod
    def _relation(cls, value: object) -> object:
        if isinstance(value, str):
            key = value.strip().lower()
            key = RELATION_ALIASES.get(key, key)
            if key in {r.value for r in Relation}:
                return key
        raise ValueError('expected partner, child or other, like relation = "partner"')

    @field_validator("consent_by")
    @classmethod
    def _consent_by(cls, value: str) -> str:
        return value.strip()

    @model_validator(mode="after")
    def _consented(self) -> Member:
        # The refusal never repeats the member's name: it may end up in a cron log.
        who = "a parent's" if self.relation is Relation.CHILD else "their own"
        if not self.consent_by or self.consent_date is None:
            raise ValueError(
                f"consent_by: no recorded consent, so this member is left out; add {who} "
                'consent_by = "..." and consent_date = 2026-01-15, or remove the member'
            )
        if self.consent_date > datetime.date.today():
            raise ValueError("consent_date: lies in the future; write the day it was given")
        return self

    def as_profile(self, country: Country) -> Profile:
        """The member shaped as a profile, so that the same matcher rules apply to them.
        A name without a surname is left out: a first name alone is no name to match."""
        full = [PersonName.model_validate(n.model_dump()) for n in self.names if n.surname]
        # constructed: a member known by first name only has no full name, and their
        # phones and emails were checked with the whole profile
        return Profile.model_construct(
            names=full, phones=self.phones, emails=self.emails, country=country
        )


class Profile(Frozen):
    """What the person entered about themself."""

    names: list[PersonName] = Field(min_length=1)
    addresses: list[Address] = Field(default_factory=list)
    phones: list[Phone] = Field(default_factory=list)
    emails: list[Email] = Field(default_factory=list)
    usernames: list[str] = Field(default_factory=list)
    websites: list[str] = Field(default_factory=list)
    country: Country = Country.NL
    role: Role | None = None
    language: str | None = None
    consent: Consent | None = None
    household: list[Member] = Field(default_factory=list)

    @field_validator("country", mode="before")
    @classmethod
    def _country(cls, value: object) -> object:
        return parse_country(value)

    @field_validator("role", mode="before")
    @classmethod
    def _role(cls, value: object) -> object:
        return parse_role(value)

    @field_validator("language", mode="before")
    @classmethod
    def _language(cls, value: object) -> object:
        if isinstance(value, str) and value.strip().lower() in {"nl", "en"}:
            return value.strip().lower()
        raise ValueError('expected nl or en, like language = "nl"')

    @model_validator(mode="after")
    def _check_phones(self) -> Profile:
        lists = [("", self.phones)] + [(f"household[{m}].", h.phones) for m, h in
                                       enumerate(self.household)]
        for prefix, phones in lists:
            for i, phone in enumerate(phones):
                try:
                    parsed = phonenumbers.parse(phone.number, self.country.region)
                except phonenumbers.NumberParseException:
                    parsed = None
                if parsed is None or not phonenumbers.is_possible_number(parsed):
                    # The value itself is not repeated: error output may end up in a cron log.
                    raise ValueError(
                        f"{prefix}phones[{i}].number: not a phone number for "
                        f"{self.country.value} (write it with the country code, like "
                        "+31 6 12345678)"
                    )
        return self

    def notices(self, where: str = "") -> list[Notice]:
        """Things that are valid but probably wrong, never the values themselves, as notices
        the CLI words in the user's language; `where` (the file) goes before each key."""
        at = f"{where}: " if where else ""
        out = []
        for i, address in enumerate(self.addresses):
            for note in address.notes:  # "city: held the postcode as well; ..."
                key, _, text = note.partition(": ")
                out.append(Notice(text, where=f"{at}addresses[{i}].{key}"))
        for i, phone in enumerate(self.phones):
            parsed = phonenumbers.parse(phone.number, self.country.region)
            if not phonenumbers.is_valid_number(parsed):
                out.append(Notice(
                    "looks incomplete or unusual for %(country)s; check it (a mistyped number "
                    "is never found)", {"country": self.country.value},
                    where=f"{at}phones[{i}].number"))
        return out

    def is_unfilled_template(self) -> bool:
        """Still the example person of `exposure-scan init`: scanning it would look up a
        stranger who happens to have that name."""
        example = template_profile()
        streets = {(a.street, a.house_number) for a in example.addresses}
        phones = {p.number for p in example.phones}
        emails = {e.address for e in example.emails}
        # A real person may share the example's name; not also its address, phone or email.
        return (
            any((a.street, a.house_number) in streets for a in self.addresses)
            or any(p.number in phones for p in self.phones)
            or any(e.address in emails for e in self.emails)
        )

    @property
    def primary_name(self) -> PersonName:
        return self.names[0]

    def fingerprint(self, key: bytes) -> str:
        """A pseudonym for the person: a keyed hash of who they are (their first name entry
        and country), not of the whole profile, so a new phone number, a move or an added
        email keeps it and an employer's summary still counts the person once. The key stays
        on the user's computer (organisation.fingerprint_key): without it, a guessed name
        cannot be checked against the pseudonym."""
        name = self.primary_name
        parts = ("person", name.given, name.surname, self.country.value)
        basis = "\0".join(" ".join(unicodedata.normalize("NFKC", p).casefold().split())
                           for p in parts)
        return hmac.new(key, basis.encode("utf-8"), hashlib.sha256).hexdigest()

    def redacted(self) -> dict[str, Any]:
        """What a report may say about the profile without revealing it."""
        return {
            "country": self.country.value,
            "role": self.role.value if self.role else None,
            "names": len(self.names),
            "addresses": [a.label for a in self.addresses],
            "phones": [p.label for p in self.phones],
            "emails": [e.label for e in self.emails],
        } | ({"household": [m.relation.value for m in self.household]} if self.household else {})


@cache
def template_profile() -> Profile:
    """The example person of `exposure-scan init` (data/profile-template.toml)."""
    return packaged.load(Profile, "data/profile-template.toml")


def load_profile(path: Path) -> Profile:
    """Read and validate a profile file; raise ProfileError with one actionable line."""
    data = load_toml(path, ProfileError)
    return validate(Profile, data, path, ProfileError, profile_language(data))


def scan_notices(profile: Profile, path: Path) -> list[Notice]:
    """Refuse the unfilled template; notices of what is valid but probably wrong, for the CLI
    to word in the user's language."""
    if profile.is_unfilled_template():
        raise ProfileError(
            str(path),
            "names",
            "still holds the template's example person; fill in your own details first",
        )
    out = profile.notices(str(path))
    if is_readable_by_others(path):
        out.append(Notice("is readable by others; run: chmod 600 %(path)s",
                          {"path": str(path)}, where=str(path)))
    return out


def is_readable_by_others(path: Path) -> bool:
    if os.name != "posix":
        return False
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return bool(mode & (stat.S_IRGRP | stat.S_IROTH))
