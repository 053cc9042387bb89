"""A household member listed by first name only (issue 16): found only where the page ties
the name to the clinician, never on the first name alone. Fictional people only."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure_scan.household import find_household
from exposure_scan.models import HouseholdTie, Observation, Severity
from exposure_scan.pipeline import MatchCache, build_query, find
from exposure_scan.profile import Profile, load_profile

CONSENT = {"consent_by": "Femke Dijkstra (parent)", "consent_date": "2026-02-01"}
PROFILE = {
    "country": "NL",
    "names": [{"given": "Femke", "surname": "Dijkstra"}],
    "addresses": [
        {"label": "home", "street": "Wilgenlaan", "house_number": "14", "postcode": "9722 KL",
         "city": "Groningen"},
        {"label": "practice", "street": "Vismarkt", "house_number": "3", "postcode": "9711 KR",
         "city": "Groningen"},
    ],
    "household": [
        {"relation": "partner", "names": [{"given": "Ruben", "surname": "Postma"}], **CONSENT},
        {"relation": "child", "names": [{"given": "Noor"}], **CONSENT},
        {"relation": "child", "names": [{"given": "Daan"}], **CONSENT},
    ],
}
PARTNER, NOOR, DAAN = 0, 1, 2


@pytest.fixture(scope="module")
def profile() -> Profile:
    return Profile.model_validate(PROFILE)


def members(profile: Profile, text: str) -> dict[int, tuple[Severity, list[HouseholdTie]]]:
    obs = Observation(provider="inspector", url="https://example.org/page", text=text)
    seen = [(obs, MatchCache(profile).matcher.match_observation(obs))]
    return {f.member: (f.severity, f.ties) for f in find_household(profile, seen)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # named as family next to the clinician
        ("Huisarts Femke Dijkstra en haar dochter Noor openden de markt.",
         {NOOR: (Severity.HIGH, [HouseholdTie.NAMED_WITH_CLINICIAN])}),
        ("Dr Femke Dijkstra, her husband Ruben and their children Noor (9) and Daan (6).",
         {PARTNER: (Severity.HIGH, [HouseholdTie.NAMED_WITH_CLINICIAN]),
          NOOR: (Severity.HIGH, [HouseholdTie.NAMED_WITH_CLINICIAN]),
          DAAN: (Severity.HIGH, [HouseholdTie.NAMED_WITH_CLINICIAN])}),
        ("Femke Dijkstra liep mee, net als Daan Dijkstra.",
         {DAAN: (Severity.HIGH, [HouseholdTie.NAMED_WITH_CLINICIAN])}),
        ("FEMKE DIJKSTRA EN DAAN DIJKSTRA",
         {DAAN: (Severity.HIGH, [HouseholdTie.NAMED_WITH_CLINICIAN])}),
        ("Femke Dijkstra en Noor Postma (groep 5) wonnen de quiz.",  # the partner's surname
         {NOOR: (Severity.HIGH, [HouseholdTie.NAMED_WITH_CLINICIAN])}),
        # with the home address, or the home street and the family's surname
        ("Noor (9), Wilgenlaan 14, 9722 KL Groningen",
         {NOOR: (Severity.CRITICAL, [HouseholdTie.HOME_ADDRESS])}),
        ("Wilgenlaan 14, 9722 KL Groningen: Ruben en Daan",
         {PARTNER: (Severity.HIGH, [HouseholdTie.HOME_ADDRESS]),
          DAAN: (Severity.CRITICAL, [HouseholdTie.HOME_ADDRESS])}),
        ("Femke Dijkstra met haar zoon Daan van 8 jaar.",  # "van" and no surname after it
         {DAAN: (Severity.HIGH, [HouseholdTie.NAMED_WITH_CLINICIAN])}),
        ("Daan Dijkstra woont aan de Wilgenlaan en zit in groep 3.",
         {DAAN: (Severity.CRITICAL, [HouseholdTie.HOME_ADDRESS])}),
    ],
)
def test_a_first_name_tied_to_the_clinician_is_found(
    profile: Profile, text: str, expected: dict[int, tuple[Severity, list[HouseholdTie]]]
) -> None:
    assert members(profile, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the same first name on an unrelated page
        "Noor won de tekenwedstrijd in Groningen.",
        "Daan en Noor speelden de hoofdrol in de schoolmusical.",
        "Noor Dijkstra won de zwemwedstrijd.",  # the family's surname, but nothing else
        # the same first name with another surname
        "Femke Dijkstra en haar dochter Noor Bakker openden de markt.",
        "Noor van der Meer, Wilgenlaan 14, 9722 KL Groningen",
        "Dr Femke Dijkstra en collega Daan de Boer.",
        "Dr Femke Dijkstra en haar zoon Daan De Boer.",
        # first names next to the clinician without a word of kinship: colleagues
        "Ons team: Femke Dijkstra (huisarts), Noor (assistente) en Daan (POH).",
        "Femke Dijkstra en haar man Ruben; collega Noor verzorgde de hapjes.",
        # someone else's child, a neighbour, the street without the family
        "Femke Dijkstra. Lotte's dochter Noor woont ook aan de Wilgenlaan.",
        "Wilgenlaan 14, 9722 KL Groningen (bewoners). Buren op nummer 16: Noor",
        "Noor woont ook in de Wilgenlaan.",
        # not the name: inside another word, or in lower case
        "Noordelijk Groningen, Wilgenlaan 14, 9722 KL Groningen; het noorden.",
        "Wilgenlaan 14, 9722 KL Groningen, de noor van de familie",
    ],
)
def test_a_first_name_alone_or_with_another_surname_is_no_finding(
    profile: Profile, text: str
) -> None:
    found = members(profile, text)
    assert NOOR not in found and DAAN not in found, found


def test_the_clinicians_findings_ignore_first_name_members(profile: Profile) -> None:
    text = "Femke Dijkstra en haar dochter Noor, Wilgenlaan 14, 9722 KL Groningen"
    obs = Observation(provider="inspector", url="https://example.org/club", text=text)
    alone = profile.model_copy(update={"household": []})
    assert find(profile, [obs]) == find(alone, [obs])


def test_a_child_by_first_name_only_loads_and_is_never_searched_for(tmp_path: Path) -> None:
    from exposure_scan.providers.searxng import SearxngProvider

    path = tmp_path / "profile.toml"
    path.write_text(
        '[[names]]\ngiven = "Femke"\nsurname = "Dijkstra"\n\n[[household]]\n'
        'relation = "child"\nconsent_by = "Femke Dijkstra (parent)"\n'
        "consent_date = 2026-02-01\nsend_values = true\n\n[[household.names]]\n"
        'given = "Noor"\n',
        "utf-8",
    )
    profile = load_profile(path)
    [name] = profile.household[0].names
    assert name.given == "Noor" and name.surname == "" and name.full == "Noor"
    query = build_query(profile, SearxngProvider, False, [])
    assert [n.given for n in query.names] == ["Femke"]  # a first name alone is no search


def test_a_first_name_match_is_known_by_its_parts_not_its_words() -> None:
    """household.find_household decides on the parts (issue 14: no string comparison on a
    reason decides anything): rewording the reason changes nothing."""
    from exposure_scan.kinship import FirstNames, Mention, is_first_name_only
    from exposure_scan.models import FieldKind, FieldMatch, MatchPart

    first = FirstNames(["Sem"], ["de Wit"], [])
    made = first.match(Mention(0, 3, "Sem", frozenset()))
    assert is_first_name_only(made)
    assert is_first_name_only(made.model_copy(update={"reason": "reworded"}))
    full = FieldMatch(field=FieldKind.NAME, label="", observed="Sem de Wit", confidence=0.9,
                      reason="first name, tied to you on the page",
                      parts=(MatchPart.SURNAME, MatchPart.GIVEN_NAME))
    assert not is_first_name_only(full)


def test_places_are_found_in_the_page_text_itself_not_a_longer_lower_cased_copy() -> None:
    from exposure_scan.kinship import PlaceFinder

    text = "İlker en İbrahim, " * 10 + "Meidoornstraat 23"
    [(start, end, _)] = PlaceFinder(text).of(["meidoornstraat 23"])
    assert text[start:end] == "Meidoornstraat 23"


def test_a_page_repeating_both_values_far_apart_is_bounded_work() -> None:
    """Before, every place of the member's value was compared with every place of the
    clinician's: 20,000 of each, far apart, took minutes."""
    import time

    from exposure_scan.household import _together
    from exposure_scan.models import FieldKind, FieldMatch

    name = FieldMatch(field=FieldKind.NAME, label="", observed="Kees Bakker", confidence=0.9,
                      reason="same surname and given name")
    home = FieldMatch(field=FieldKind.ADDRESS, label="home", observed="Meidoornstraat 23",
                      confidence=0.9, reason="same street and house number")
    text = "Kees Bakker\n" * 20_000 + "Meidoornstraat 23\n" * 20_000
    started = time.perf_counter()
    assert _together(text, [name], [home]) is False
    assert time.perf_counter() - started < 5
    assert _together("Kees Bakker, Meidoornstraat 23", [name], [home]) is True


def test_a_page_a_member_could_not_be_compared_with_is_unchecked_not_clear(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, a failure while matching a member was skipped silently: the page counted as
    checked for the household and nothing was found."""
    from exposure_scan import kinship
    from exposure_scan.pipeline import assess

    def broken(*args: object, **kwargs: object) -> list[kinship.Mention]:
        raise RecursionError("a page the rule cannot read")

    monkeypatch.setattr(kinship.FirstNames, "mentions", broken)
    page = Observation(provider="inspector", url="https://example.org/club",
                       text="Femke Dijkstra, Wilgenlaan 14, Groningen, met haar zoon Daan")
    assessment = assess(profile, [page])
    assert assessment.findings  # the clinician's own matching went on
    assert [o.url for o in assessment.unmatched] == [page.url]
