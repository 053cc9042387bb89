"""The query plan every web-search provider asks: what a doxer types, within what may be sent."""

from __future__ import annotations

import httpx
import pytest
import respx

from exposure_scan.models import PartReason, ReasonParams, UncheckedPart
from exposure_scan.profile import Country, PersonName, Profile
from exposure_scan.provider import QueryField
from exposure_scan.providers._search import (
    Form,
    initials,
    phone_forms,
    plan,
    planned_queries,
    split_surname,
)
from exposure_scan.providers.searxng import SearxngOptions, SearxngProvider
from exposure_scan.scan import build_query
from tests.conftest import run_search

BASE = "https://searx.test"
PRIVATE = {QueryField.HOME_ADDRESS, QueryField.PRIVATE_PHONE, QueryField.PRIVATE_EMAIL}


def nl_profile() -> Profile:
    """A fictional Dutch GP with a call name, a practice and a home."""
    return Profile.model_validate(
        {
            "country": "NL",
            "names": [
                {"given": "Johannes Petrus", "surname": "de Vries", "call_name": "Jan"},
                {"given": "Johannes Petrus", "surname": "Jansen-de Vries"},
            ],
            "addresses": [
                {"label": "practice", "name": "Huisartsenpraktijk Voorbeeld",
                 "street": "Voorbeeldlaan", "house_number": "12", "postcode": "9999 AA",
                 "city": "Voorbeeldstad"},
                {"label": "home", "street": "Fictiefstraat", "house_number": "7",
                 "addition": "B", "postcode": "9999 ZZ", "city": "Voorbeeldstad"},
            ],
            "phones": [
                {"label": "practice", "number": "+31 30 123 4567"},
                {"label": "mobile", "number": "06 12345678"},
            ],
            "emails": [
                {"label": "work", "address": "praktijk@example.nl"},
                {"label": "private", "address": "jan@example.org"},
            ],
        }
    )


def test_name_helpers() -> None:
    assert split_surname("de Vries") == ("de", "Vries")
    assert split_surname("van der Berg") == ("van der", "Berg")
    assert split_surname("Jansen-de Vries") == ("", "Jansen-de Vries")
    assert initials("Johannes Petrus") == "J.P."
    assert initials("Anne-Marie") == "A.M."


def test_phone_forms_as_pages_print_them() -> None:
    assert phone_forms("06 12345678", Country.NL) == ["06-12345678", "06 12345678",
                                                      "+31 6 12345678"]
    assert phone_forms("+31301234567", Country.NL)[:2] == ["030-1234567", "030 1234567"]
    assert phone_forms("(217) 555-0123", Country.US) == ["(217) 555-0123", "217-555-0123",
                                                         "+1 217-555-0123"]


def test_dutch_name_forms_city_and_initials_without_consent() -> None:
    profile = nl_profile()
    query = build_query(profile, SearxngProvider, False, [])
    planned = plan(query, site_queries=True)
    texts = [p.text for p in planned]
    assert texts[:4] == ['"Jan de Vries"', '"Jan de Vries" Voorbeeldstad', '"J.P. de Vries"',
                         '"Vries, J.P. de"']
    for form in ('"Johannes de Vries"', '"J.P. Jansen-de Vries"', '"Jansen-de Vries, J.P."',
                 '"de Vries" Voorbeeldstad', '"Johannes Petrus de Vries"'):
        assert form in texts
    # Reverse searches of the professional values, in the forms pages print them.
    for form in ('"030-1234567"', '"030 1234567"', '"+31 30 123 4567"',
                 '"Voorbeeldlaan 12" Voorbeeldstad', '"9999 AA" 12', '"praktijk@example.nl"',
                 '"Huisartsenpraktijk Voorbeeld"'):
        assert form in texts
    # Nothing private is planned, and no query carries a private field.
    joined = " ".join(texts)
    assert "12345678" not in joined and "Fictiefstraat" not in joined
    assert "9999 ZZ" not in joined and "jan@example.org" not in joined
    assert not any(set(p.fields) & PRIVATE for p in planned)
    assert query.withheld == [QueryField.HOME_ADDRESS, QueryField.PRIVATE_EMAIL,
                              QueryField.PRIVATE_PHONE]
    fields = {p.text: p.fields for p in planned}
    assert fields['"de Vries" Voorbeeldstad'] == [QueryField.NAME, QueryField.CITY]
    assert fields['"J.P. de Vries"'] == [QueryField.NAME]
    assert fields['"030-1234567"'] == [QueryField.WORK_PHONE]
    assert fields['"9999 AA" 12'] == [QueryField.PRACTICE_ADDRESS]


def test_private_values_are_searched_only_with_consent() -> None:
    query = build_query(nl_profile(), SearxngProvider, True, [])
    planned = plan(query, site_queries=False)
    fields = {p.text: p.fields for p in planned}
    for form in ('"06-12345678"', '"06 12345678"', '"+31 6 12345678"'):
        assert fields[form] == [QueryField.PRIVATE_PHONE]
    assert fields['"Fictiefstraat 7B" Voorbeeldstad'] == [QueryField.HOME_ADDRESS]
    assert fields['"9999 ZZ" 7B'] == [QueryField.HOME_ADDRESS]
    assert fields['"jan@example.org"'] == [QueryField.PRIVATE_EMAIL]
    assert query.withheld == []
    # A private value is the likeliest to find a doxing post: asked before the long tail.
    texts = [p.text for p in planned]
    assert texts.index('"06-12345678"') < texts.index('"Johannes Petrus de Vries"')


def test_us_forms_middle_initial_and_city_with_state() -> None:
    profile = Profile.model_validate(
        {
            "country": "US",
            "names": [{"given": "Jane Ann", "surname": "Doe"}],
            "addresses": [{"label": "practice", "street": "Main St", "house_number": "100",
                           "postcode": "62701", "city": "Springfield", "state": "IL",
                           "country": "US"}],
        }
    )
    planned = plan(build_query(profile, SearxngProvider, False, []), site_queries=False)
    texts = [p.text for p in planned]
    assert texts[:2] == ['"Jane Doe"', '"Jane Doe" Springfield IL']
    assert '"Jane A Doe"' in texts and '"100 Main St" Springfield' in texts
    assert not any(p.form is Form.INITIALS for p in planned)


def test_the_limit_notes_every_form_left_out() -> None:
    query = build_query(nl_profile(), SearxngProvider, False, [])
    asked, left = planned_queries(query, 5, site_queries=True)
    assert len(asked) == 5 and left
    assert len(asked) + len(left) == len(plan(query, site_queries=True))


@respx.mock
async def test_searxng_ledger_and_coverage_notes_without_private_values() -> None:
    route = respx.get(f"{BASE}/search").mock(
        return_value=httpx.Response(200, json={"results": [], "unresponsive_engines": []}))
    query = build_query(nl_profile(), SearxngProvider, False, [])
    searx = SearxngProvider(base_url=BASE, options=SearxngOptions(max_queries=10))
    _, ctx = await run_search(searx, query)
    assert route.call_count == 10
    sent = [set(e.fields) for e in ctx.ledger]
    assert all(not s & {f.value for f in PRIVATE} for s in sent)
    assert {"name", "city"} in sent
    notes = [p for p in ctx.unchecked_parts if p.reason.by_choice]
    assert {p.reason for p in notes} == {
        PartReason.QUERIES_LEFT_OUT, PartReason.NOT_SEARCHED, PartReason.PRIVATE_NOT_SENT}
    assert all(p.detail == "" for p in notes)  # our own words are codes, not sentences
    details = " | ".join(p.text for p in notes)
    assert "planned searches not made" in details
    assert "not searched: name on a people-search or directory site" in details
    for words in ("your home address not searched for directly",
                  "your private phone number not searched for directly",
                  "send_private_values"):
        assert words in details
    assert "Fictiefstraat" not in details and "12345678" not in details
    # The advice is given once, not once per value (regression: three copies side by side).
    assert details.count("set it to true to search for it") == 1


@pytest.mark.parametrize("consent", [False, True])
def test_search_providers_declare_every_reverse_field(consent: bool) -> None:
    from exposure_scan.providers.brave import BraveProvider
    from exposure_scan.providers.ddgs import DdgsProvider

    for cls in (SearxngProvider, BraveProvider, DdgsProvider):
        query = build_query(nl_profile(), cls, consent, [])
        assert bool(query.private_phones) is consent
        assert query.practice_names == ["Huisartsenpraktijk Voorbeeld"]
        assert query.names[0] == PersonName(given="Johannes Petrus", surname="de Vries",
                                            call_name="Jan")


def test_what_the_search_notes_say_reads_in_dutch() -> None:
    from exposure_scan.reports.i18n import field_label, gettext, part_text

    R = PartReason
    parts = [UncheckedPart(reason=R.NOT_SEARCHED, params=ReasonParams(form=form.value, count=3))
             for form in Form]
    parts += [
        UncheckedPart(reason=R.PRIVATE_NOT_SENT, params=ReasonParams(field=field, advice=True))
        for field in ("home_address", "private_phone", "private_email")
    ]
    parts += [
        UncheckedPart(reason=R.RATE_LIMITED,
                      params=ReasonParams(engine="duckduckgo", given_up=True)),
        UncheckedPart(reason=R.ENGINE_FAILED,
                      params=ReasonParams(engine="mojeek", kind="RuntimeError")),
        UncheckedPart(reason=R.TIMED_OUT, params=ReasonParams(engine="yahoo")),
        UncheckedPart(reason=R.CONNECTION_FAILED,
                      params=ReasonParams(engine="brave", given_up=True)),
        UncheckedPart(reason=R.UNANSWERED, params=ReasonParams(count=4)),
        UncheckedPart(reason=R.QUERIES_LEFT_OUT, params=ReasonParams(count=1)),
    ]
    for part in parts:
        dutch = part_text("nl", part)
        assert dutch != part.text and "search" not in dutch, part
        assert part_text("en", part) == part.text
    assert parts[0].text == "not searched: name (3x)"
    assert parts[-1].text.startswith("1 planned search not made")
    assert part_text("nl", parts[1]) == "niet gezocht: naam met de plaats van de praktijk (3x)"
    assert field_label("nl", "practice_name") == "praktijknaam"
    from exposure_scan.providers.ddgs import DdgsProvider

    assert gettext("nl", DdgsProvider.title) != DdgsProvider.title
