"""One factory for the matching tests: profile addresses for NL, US and UK, profiles and
matchers built from them, page observations, and what a matcher finds per field. Every
person, street and mailbox here and in the tests that use it is invented.

Addresses are built without validation (``Address.model_construct``) so that a test can
hold a street the profile reader would put right ("Plein 1944"); ``checked=True`` builds
them through the validator instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from exposure_scan.matching import Matcher
from exposure_scan.models import Observation
from exposure_scan.profile import Address, Country, Email, PersonName, Phone, Profile

Name = tuple[str, str]  # (given names, surname)


def address(
    street: str,
    number: str,
    addition: str = "",
    postcode: str = "",
    city: str = "",
    *,
    country: Country = Country.NL,
    state: str = "",
    label: str = "home",
    checked: bool = False,
) -> Address:
    fields = {
        "label": label,
        "street": street,
        "house_number": number,
        "addition": addition,
        "postcode": postcode,
        "city": city,
        "state": state,
        "country": country,
    }
    if checked:
        return Address(**fields)  # type: ignore[arg-type]
    return Address.model_construct(**fields, private=None)


def nl(label: str, street: str, number: str, addition: str, postcode: str, city: str) -> Address:
    return address(street, number, addition, postcode, city, label=label)


def us(
    label: str, street: str, number: str, unit: str, zip_: str, city: str, state: str
) -> Address:
    return address(street, number, unit, zip_, city, country=Country.US, state=state, label=label)


def uk(label: str, street: str, number: str, flat: str, postcode: str, city: str) -> Address:
    return address(street, number, flat, postcode, city, country=Country.UK, label=label)


def profile(
    *addresses: Address,
    names: Sequence[Name] = (("Test", "Persoon"),),
    phones: Mapping[str, str] | None = None,
    emails: Mapping[str, str] | None = None,
    country: Country = Country.NL,
) -> Profile:
    """A profile of invented values; phones and emails map a label to a value."""
    return Profile.model_construct(
        names=[PersonName(given=given, surname=surname) for given, surname in names],
        addresses=list(addresses),
        phones=[Phone(label=label, number=number) for label, number in (phones or {}).items()],
        emails=[Email(label=label, address=value) for label, value in (emails or {}).items()],
        country=country,
    )


def matcher(
    *addresses: Address,
    names: Sequence[Name] = (("Test", "Persoon"),),
    phones: Mapping[str, str] | None = None,
    emails: Mapping[str, str] | None = None,
    country: Country = Country.NL,
) -> Matcher:
    return Matcher(profile(*addresses, names=names, phones=phones, emails=emails, country=country))


def observation(text: str = "", **fields: list[str]) -> Observation:
    """A page (or record) as the inspector hands it over: text and structured values."""
    return Observation(provider="test", url="https://example.org/page", text=text, **fields)  # type: ignore[arg-type]


# -- what a matcher finds, per field ----------------------------------------------------------


def named(m: Matcher, raw: str) -> bool:
    return m.match_name(raw) is not None


def named_in_text(m: Matcher, text: str) -> bool:
    return any(f.field.value == "name" for f in m.match_text(text))


def address_labels(m: Matcher, raw: str) -> list[str]:
    return [f.label for f in m.match_address(raw)]


def address_labels_in_text(m: Matcher, text: str) -> list[str]:
    return [f.label for f in m.match_text(text) if f.field.value == "address"]


def phone_labels(m: Matcher, raw: str) -> list[str]:
    return [f.label for f in m.match_phone(raw)]


def phone_labels_in_text(m: Matcher, text: str) -> list[str]:
    return [f.label for f in m.match_text(text) if f.field.value == "phone"]


def email_labels(m: Matcher, raw: str) -> list[str]:
    return sorted(f.label for f in m.match_email(raw))
