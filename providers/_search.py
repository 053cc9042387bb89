"""Shared by the web-search providers: which queries to ask for a person, and which site a
hit is on.

The plan types what a doxer types. Names in the forms pages print them: quoted full names,
the call name, surname with initials (`"J.P. de Vries"`, and the register form
`"Vries, J.P. de"`), first name with middle initial (`"Jane A Doe"`, US), a name with the
practice city (and state), the bare surname with the city. Then reverse searches of a known
value: each phone number in the forms pages print it, each address as street + number and as
postcode + number, each email. Site-restricted queries come last, from the catalog of
people-search and directory sites for the profile's country. The `Query` already holds only
what may be sent (private values only with consent); each planned query carries the fields it
sends, for the query ledger.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple

import phonenumbers

from exposure_scan.catalog import load_catalog, search_domains
from exposure_scan.http import host_of
from exposure_scan.models import Observation, PartReason, ReasonParams
from exposure_scan.profile import Address, Country, PersonName
from exposure_scan.provider import ProviderContext, Query, QueryField

# Dutch surname particles, lower case: "de Vries" sorts as "Vries, J.P. de".
PARTICLES = frozenset(
    "van de der den het t 't ten ter te in op aan onder bij uit voor over la le du des".split()
)


class Form(StrEnum):
    """Kinds of planned search, in words for the coverage section."""

    NAME = "name"
    NAME_CITY = "name with the practice city"
    INITIALS = "surname with initials"
    CALL_NAME = "call name"
    MIDDLE_INITIAL = "first name, middle initial and surname"
    ALL_GIVEN = "all given names"
    SURNAME_CITY = "surname with the practice city"
    PRACTICE_NAME = "practice name"
    PHONE = "reverse search of a phone number"
    ADDRESS = "reverse search of an address"
    EMAIL = "reverse search of an email address"
    SITE = "name on a people-search or directory site"


class Planned(NamedTuple):
    text: str
    fields: list[QueryField]
    form: Form


def split_surname(surname: str) -> tuple[str, str]:
    """("de", "Vries") for "de Vries"; ("", "Jansen-de Vries") for a double name."""
    words = surname.split()
    i = 0
    while i < len(words) - 1 and words[i].lower() in PARTICLES:
        i += 1
    return " ".join(words[:i]), " ".join(words[i:])


def initials(given: str) -> str:
    """"J.P." for "Johannes Petrus"; "J.-P." is kept simple as "J.P."."""
    letters = [w[0].upper() for w in re.split(r"[\s\-]+", given) if w and w[0].isalpha()]
    return "".join(f"{c}." for c in letters)


def name_forms(name: PersonName, country: Country) -> list[tuple[str, Form]]:
    """The quoted ways a page may print this name, most common first."""
    given = name.given.split()
    first = name.call_name.strip() or (given[0] if given else name.given)
    out = [(f'"{first} {name.surname}"', Form.NAME)]
    if name.call_name.strip() and given and given[0] != first:
        out.append((f'"{given[0]} {name.surname}"', Form.NAME))
    inits = initials(name.given) if country is not Country.US else ""
    if inits:
        particle, core = split_surname(name.surname)
        out.append((f'"{inits} {name.surname}"', Form.INITIALS))
        listed = f"{core}, {inits} {particle}".strip() if particle else f"{core}, {inits}"
        out.append((f'"{listed}"', Form.INITIALS))
    if len(given) > 1:
        if country is not Country.NL:
            middle = f"{given[0]} {given[1][0].upper()} {name.surname}"
            out.append((f'"{middle}"', Form.MIDDLE_INITIAL))
        out.append((f'"{name.given} {name.surname}"', Form.ALL_GIVEN))
    return out


def phone_forms(number: str, country: Country) -> list[str]:
    """The forms pages print a number in: `06-12345678`, `06 12345678`, `+31 6 12345678`."""
    try:
        parsed = phonenumbers.parse(number, country.region)
    except phonenumbers.NumberParseException:
        return [number]
    fmt = phonenumbers.PhoneNumberFormat
    national = phonenumbers.format_number(parsed, fmt.NATIONAL)
    digits = re.sub(r"\D", "", national)
    area = phonenumbers.length_of_national_destination_code(parsed)
    prefix = len(digits) - len(str(parsed.national_number))  # the trunk prefix "0"
    split = prefix + area
    international = phonenumbers.format_number(parsed, fmt.INTERNATIONAL)
    if country is Country.NL and 0 < area and split < len(digits):
        out = [f"{digits[:split]}-{digits[split:]}", f"{digits[:split]} {digits[split:]}"]
    else:  # (217) 555-0123 and 217-555-0123
        out = [national, "-".join(re.findall(r"\d+", national))]
    out.append(international)
    return list(dict.fromkeys(out))


def address_forms(address: Address) -> list[str]:
    """Street + number (with the city), and postcode + number."""
    number = f"{address.house_number}{address.addition}".strip()
    street = (
        f"{address.street} {number}"
        if address.country is Country.NL
        else f"{number} {address.street}"
    )
    out = [f'"{street}" {address.city}']
    if address.postcode:
        code = address.postcode.strip().upper()
        if address.country is Country.NL:
            code = f"{code[:4]} {code[-2:]}"
        out.append(f'"{code}" {number}')
    return out


def plan(query: Query, *, site_queries: bool) -> list[Planned]:
    """Every query worth asking, ordered by how much each is likely to find."""
    names = query.names
    city = query.cities[0] if query.cities else ""
    practices = [a for a in query.addresses if not a.is_private]
    state = next((a.state for a in practices if a.state and a.city == city), "")
    place = f"{city} {state}".strip()
    fields_name = [QueryField.NAME]
    fields_city = [QueryField.NAME, QueryField.CITY]
    first: list[Planned] = []
    later: list[Planned] = []
    for i, name in enumerate(names):
        forms = name_forms(name, query.country)
        main, rest = forms[0], forms[1:]
        (first if i == 0 else later).append(Planned(main[0], fields_name, main[1]))
        if place:
            (first if i == 0 else later).append(
                Planned(f"{main[0]} {place}", fields_city, Form.NAME_CITY)
            )
        for text, form in rest:
            # Initials are how phone books and registers list people: ask them early.
            early = form is Form.INITIALS and query.country is Country.NL
            target = first if i == 0 and early else later
            target.append(Planned(text, fields_name, form))
        if city:
            later.append(Planned(f'"{name.surname}" {place}', fields_city, Form.SURNAME_CITY))
    reverse: list[Planned] = []
    private: list[Planned] = []
    for number in query.phones:
        field = query.phone_field(number)
        target = private if field.is_private else reverse
        printed = phone_forms(number, query.country)
        target += [Planned(f'"{f}"', [field], Form.PHONE) for f in printed]
    for address in query.addresses:
        field = QueryField.HOME_ADDRESS if address.is_private else QueryField.PRACTICE_ADDRESS
        target = private if field.is_private else reverse
        target += [Planned(f, [field], Form.ADDRESS) for f in address_forms(address)]
    for email in query.emails:
        field = query.email_field(email)
        target = private if field.is_private else reverse
        target.append(Planned(f'"{email}"', [field], Form.EMAIL))
    practice = [Planned(f'"{n}"', [QueryField.PRACTICE_NAME], Form.PRACTICE_NAME)
                for n in query.practice_names]
    sites: list[Planned] = []
    if site_queries and names:
        shown = name_forms(names[0], query.country)[0][0]
        sites = [Planned(f"{shown} site:{s}", fields_name, Form.SITE)
                 for s in search_domains(query.country.value)]
    # A private value that was allowed to be sent is the likeliest to find a doxing post.
    ordered = [*first, *_interleave(private, reverse), *later, *practice, *sites]
    unique: dict[str, Planned] = {}
    for p in ordered:
        unique.setdefault(p.text, p)
    return list(unique.values())


def _interleave(a: list[Planned], b: list[Planned]) -> list[Planned]:
    """The first form of every value before the second form of any."""
    groups: dict[tuple[str, Form], list[Planned]] = {}
    for p in [*a, *b]:
        groups.setdefault((p.fields[0].value, p.form), []).append(p)
    # Values of one field and form keep their order; spread them round-robin.
    out: list[Planned] = []
    queues = [list(g) for g in groups.values()]
    while any(queues):
        for q in queues:
            if q:
                out.append(q.pop(0))
    return out


SENDS = frozenset(
    {
        QueryField.NAME,
        QueryField.CITY,
        QueryField.PRACTICE_NAME,
        QueryField.WORK_PHONE,
        QueryField.PRACTICE_ADDRESS,
        QueryField.WORK_EMAIL,
        # Sent only when [scan] send_private_values allows it; the core filters them.
        QueryField.PRIVATE_PHONE,
        QueryField.HOME_ADDRESS,
        QueryField.PRIVATE_EMAIL,
    }
)


def planned_queries(
    query: Query, limit: int, *, site_queries: bool
) -> tuple[list[Planned], list[Planned]]:
    """The queries to ask within the limit, and the ones the limit left out."""
    everything = plan(query, site_queries=site_queries)
    return everything[:limit], everything[limit:]


def start(ctx: ProviderContext, query: Query, limit: int, *, site_queries: bool) -> list[Planned]:
    """The queries to ask; what is left out or held back is noted as unchecked."""
    planned, left_out = planned_queries(query, limit, site_queries=site_queries)
    note_left_out(ctx, left_out)
    note_withheld(ctx, query)
    return planned


def note_left_out(ctx: ProviderContext, left_out: list[Planned]) -> None:
    """Say which searches were not made, by kind: those parts of the web were not searched."""
    if not left_out:
        return
    ctx.note_unchecked(
        reason=PartReason.QUERIES_LEFT_OUT, params=ReasonParams(count=len(left_out))
    )
    counts: dict[Form, int] = {}
    for p in left_out:
        counts[p.form] = counts.get(p.form, 0) + 1
    for form, n in counts.items():
        ctx.note_unchecked(
            reason=PartReason.NOT_SEARCHED, params=ReasonParams(form=form.value, count=n)
        )


# The private values a web search can look for directly (exposure_scan.wording names them).
WITHHELD = (QueryField.HOME_ADDRESS, QueryField.PRIVATE_PHONE, QueryField.PRIVATE_EMAIL)


def note_withheld(ctx: ProviderContext, query: Query) -> None:
    """Say which private values were not searched for directly, and how to allow it."""
    advice = True  # said once: the report shows these notes side by side
    for field in query.withheld:
        if field in WITHHELD:
            ctx.note_unchecked(
                reason=PartReason.PRIVATE_NOT_SENT,
                params=ReasonParams(field=field.value, advice=advice),
            )
            advice = False


def tag_site(hit: Observation) -> Observation:
    """Name the catalog site a hit is on, so the report can give its opt-out."""
    site = load_catalog().by_host(host_of(hit.url))
    return hit.model_copy(update={"site": site.domain}) if site is not None else hit
