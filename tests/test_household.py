"""Household members in scope, with their consent (issue 16). Fictional people only."""

from __future__ import annotations

import asyncio
import datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from exposure_scan.demo import DemoWorld, demo_config, demo_profile
from exposure_scan.errors import ProfileError
from exposure_scan.household import find_household, household_severity
from exposure_scan.models import HouseholdTie, Observation, Relation, ScanResult, Severity
from exposure_scan.pipeline import build_query, find
from exposure_scan.profile import Member, Profile, load_profile
from exposure_scan.registry import Registry
from exposure_scan.scan import ScanState, scan


class Recording(httpx.AsyncBaseTransport):
    """Sends to the demo world on 127.0.0.1 and keeps every request it sent."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self.requests.append(request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def demo_scan(update: dict[str, object] | None = None) -> tuple[ScanResult, Recording]:
    from exposure_scan.inspector import PageInspector
    from exposure_scan.registry import builtin_provider_classes

    classes = [PageInspector, *builtin_provider_classes()]
    with DemoWorld() as world:
        config = demo_config(world.base_url)
        profile = demo_profile(world.base_url)
        if update is not None:
            profile = profile.model_copy(update=update)
        only = [c for c in classes if c.name in world.providers]
        state = ScanState(profile=profile, config=config,
                          providers=Registry(only).configure(config, env={}))
        transport = Recording()
        return asyncio.run(scan(state, transport=transport)), transport


@pytest.fixture(scope="module")
def with_partner() -> tuple[ScanResult, Recording]:
    return demo_scan()


def test_the_demo_partner_has_one_high_finding_tied_to_the_home_address(
    with_partner: tuple[ScanResult, Recording],
) -> None:
    result, _ = with_partner
    assert len(result.household) == 1
    only = result.household[0]
    assert only.relation == "partner" and only.member == 0
    assert only.severity is Severity.HIGH
    assert HouseholdTie.HOME_ADDRESS in only.ties
    assert "/tennis/" in only.observation.url
    assert only.steps  # removal steps, asked for in the member's name


def test_the_clinicians_findings_are_the_same_with_and_without_a_household(
    with_partner: tuple[ScanResult, Recording],
) -> None:
    result, _ = with_partner
    alone, _ = demo_scan({"household": []})
    assert alone.household == []

    def key(r: ScanResult) -> list[tuple[str, str, str, int, list[str]]]:
        # each world listens on its own port: compare pages by path
        return sorted(
            (f.observation.provider, urlsplit(f.observation.url).path, f.severity.value,
             f.score, sorted(f"{m.field.value}:{m.label}" for m in f.matches))
            for f in r.findings
        )

    assert key(result) == key(alone)
    assert result.score == alone.score
    assert [p.rule for p in result.plan] == [p.rule for p in alone.plan]


def test_no_member_value_is_in_any_request_when_send_values_is_off(
    with_partner: tuple[ScanResult, Recording],
) -> None:
    _, recorded = with_partner
    assert recorded.requests  # the scan did ask its sources
    for request in recorded.requests:
        sent = (str(request.url) + request.content.decode("utf-8", "replace")).lower()
        for value in ("kees", "bakker"):
            assert value not in sent, request.url


def test_send_values_puts_the_members_names_in_the_queries() -> None:
    from exposure_scan.providers.searxng import SearxngProvider

    profile = demo_profile()
    query = build_query(profile, SearxngProvider, False, [])
    assert [n.given for n in query.names] == ["Sanne"]
    member = profile.household[0].model_copy(update={"send_values": True})
    query = build_query(profile.model_copy(update={"household": [member]}),
                        SearxngProvider, False, [])
    assert [n.given for n in query.names] == ["Sanne", "Kees"]


PROFILE = """
[[names]]
given = "Sanne"
surname = "de Wit"

[[household]]
relation = "{relation}"
{consent}
[[household.names]]
given = "Lotte"
surname = "Bakker"
"""


def write(tmp_path: Path, relation: str = "child", consent: str = "") -> Path:
    path = tmp_path / "profile.toml"
    path.write_text(PROFILE.format(relation=relation, consent=consent), "utf-8")
    return path


def test_a_member_without_consent_is_refused_in_one_line_without_their_name(
    tmp_path: Path,
) -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile(write(tmp_path))
    message = str(caught.value)
    assert "\n" not in message and "household[0].consent_by" in message
    assert "parent" in message  # a child's consent is the parent's
    assert "Lotte" not in message and "Bakker" not in message


def test_a_consented_child_loads(tmp_path: Path) -> None:
    consent = 'consent_by = "Sanne de Wit (parent)"\nconsent_date = 2026-02-01\n'
    profile = load_profile(write(tmp_path, consent=consent))
    assert profile.household[0].relation is Relation.CHILD
    assert profile.household[0].send_values is False


@pytest.mark.parametrize("relation", ["cousin", ""])
def test_an_unknown_relation_is_one_line_naming_the_choices(tmp_path: Path, relation: str) -> None:
    consent = 'consent_by = "x"\nconsent_date = 2026-02-01\n'
    with pytest.raises(ProfileError, match="partner, child or other"):
        load_profile(write(tmp_path, relation, consent))


def test_a_quoted_send_values_is_refused(tmp_path: Path) -> None:
    consent = 'consent_by = "x"\nconsent_date = 2026-02-01\nsend_values = "yes"\n'
    with pytest.raises(ProfileError, match="send_values"):
        load_profile(write(tmp_path, "partner", consent))


def test_a_household_does_not_change_the_profile_fingerprint() -> None:
    profile = demo_profile()
    alone = profile.model_copy(update={"household": []})
    assert profile.fingerprint(b"k") == alone.fingerprint(b"k")


def _member(relation: Relation, given: str = "Lotte", surname: str = "Bakker") -> Member:
    return Member.model_validate({
        "relation": relation.value, "names": [{"given": given, "surname": surname}],
        "consent_by": "parent", "consent_date": datetime.date(2026, 1, 1),
    })


def _profile(*members: Member) -> Profile:
    base = demo_profile()
    return base.model_copy(update={"household": list(members)})


def _find(profile: Profile, text: str) -> list:  # type: ignore[type-arg]
    from exposure_scan.pipeline import MatchCache

    obs = Observation(provider="inspector", url="https://school.test/nieuwsbrief", text=text)
    return find_household(profile, [(obs, MatchCache(profile).matcher.match_observation(obs))])


def test_a_child_named_with_the_home_address_ranks_highest() -> None:
    profile = _profile(_member(Relation.CHILD))
    found = _find(profile, "Lotte Bakker, Meidoornstraat 23, 3531 AB Utrecht, groep 5.")
    assert [f.severity for f in found] == [Severity.CRITICAL]
    assert household_severity(Relation.CHILD, {HouseholdTie.HOME_ADDRESS}) is Severity.CRITICAL


def test_named_next_to_the_clinician_is_high() -> None:
    profile = _profile(_member(Relation.PARTNER, "Mark", "Jansen"))
    found = _find(profile, "Huisarts Sanne de Wit en haar man Mark Jansen openden het feest.")
    assert [f.severity for f in found] == [Severity.HIGH]
    assert found[0].ties == [HouseholdTie.NAMED_WITH_CLINICIAN]


def test_a_members_name_alone_or_a_namesake_is_no_finding() -> None:
    profile = _profile(_member(Relation.CHILD))
    assert _find(profile, "Lotte Bakker won de zwemwedstrijd in Utrecht.") == []
    # only a surname with one initial: as for the clinician, not enough to be the member
    assert _find(profile, "L. Bakker, Meidoornstraat 23, 3531 AB Utrecht") == []


def test_the_clinicians_findings_ignore_the_household() -> None:
    text = "Kees Bakker en Sanne de Wit, Meidoornstraat 23, 3531 AB Utrecht"
    obs = Observation(provider="inspector", url="https://club.test/leden", text=text)
    with_partner = demo_profile()
    alone = with_partner.model_copy(update={"household": []})
    assert find(with_partner, [obs]) == find(alone, [obs])


def _with_household(result: ScanResult, severity: Severity) -> ScanResult:
    obs = Observation(provider="inspector", url="https://club.test/leden/kees-bakker",
                      text="Kees Bakker, Meidoornstraat 23")
    from exposure_scan.models import FieldKind, FieldMatch, HouseholdFinding

    match = FieldMatch(field=FieldKind.NAME, label="", observed="Kees Bakker", confidence=0.9,
                       reason="full name")
    finding = HouseholdFinding(id="h1", member=0, relation=Relation.PARTNER, observation=obs,
                               matches=[match], ties=[HouseholdTie.HOME_ADDRESS],
                               severity=severity)
    return result.model_copy(update={"household": [finding]})


def test_the_employer_summary_counts_household_findings_by_severity_only(
    with_partner: tuple[ScanResult, Recording],
) -> None:
    from exposure_scan.reports.summary_view import render_summary
    from exposure_scan.summary import summarise_reports

    base, _ = with_partner
    people = [
        base.model_copy(update={"profile": {**base.profile, "n": i}}) for i in range(6)
    ]
    people = [_with_household(p, Severity.HIGH) for p in people[:5]] + [
        _with_household(people[5], Severity.CRITICAL)
    ]
    summary = summarise_reports(people, providers=["searxng", "big_register", "inspector"])
    # five high: shown; one critical: below k, left out
    assert summary.household_by_severity == {"high": 5}
    text = render_summary(summary, "json") + render_summary(summary, "md")
    for value in ("Kees", "Bakker", "club.test", "Meidoornstraat"):
        assert value not in text


def test_the_init_template_shows_the_household_commented_out_with_a_consent_note() -> None:
    import tomllib
    from importlib import resources

    text = resources.files("exposure_scan").joinpath("data/profile-template.toml").read_text()
    assert "household" not in tomllib.loads(text)  # init asks nothing about the family
    assert "# [[household]]" in text and "agreed" in text
    start = text.index("# [[household]]")
    body = "\n".join(line.removeprefix("#").removeprefix(" ") for line in
                     text[start:].splitlines())
    data = tomllib.loads('[[names]]\ngiven = "A"\nsurname = "B"\n' + body)
    assert Profile.model_validate(data).household[0].send_values is False


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_members_letter_is_in_their_own_name_and_says_it_is_their_request(
    with_partner: tuple[ScanResult, Recording], lang: str,
) -> None:
    from exposure_scan.reports import letter

    result, _ = with_partner
    texts = letter.letters(result, demo_profile(), lang, datetime.date(2026, 3, 2))
    mine = {name: text for name, text in texts.items() if "member1" in name}
    assert len(mine) == 1 and "Bakker" not in next(iter(mine))  # no name in the file name
    text = next(iter(mine.values()))
    assert "Kees Bakker" in text and "Sanne" not in text
    assert ("own request" if lang == "en" else "eigen verzoek") in text
    others = [t for name, t in texts.items() if "member" not in name]
    assert others and all("Kees" not in t for t in others)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_report_has_a_household_section(
    with_partner: tuple[ScanResult, Recording], lang: str,
) -> None:
    from exposure_scan.reports.render import render_html, render_json, render_markdown

    result, _ = with_partner
    result = result.model_copy(update={"language": lang})
    title = "Your household" if lang == "en" else "Uw huishouden"
    assert title in render_markdown(result)
    assert title in render_html(result)
    assert '"household"' in render_json(result)
    # the clinician's own part never mentions the member
    alone = result.model_copy(update={"household": []})
    assert title not in render_markdown(alone)


def test_a_dutch_profile_refuses_a_member_without_consent_in_dutch(tmp_path: Path) -> None:
    path = write(tmp_path)
    path.write_text('language = "nl"\n' + path.read_text("utf-8"), "utf-8")
    with pytest.raises(ProfileError, match="geen vastgelegde toestemming") as caught:
        load_profile(path)
    assert "ouder" in str(caught.value) and "\n" not in str(caught.value)


def test_a_consented_child_in_the_demo_is_on_the_club_page_but_not_at_the_address(
    with_partner: tuple[ScanResult, Recording],
) -> None:
    base = demo_profile()
    child = _member(Relation.CHILD, "Lotte", "Bakker")
    result, recorded = demo_scan({"household": [*base.household, child]})
    by_member = {h.member: h for h in result.household}
    assert by_member[0].severity is Severity.HIGH  # the partner, at the home address
    assert by_member[1].ties == [HouseholdTie.SAME_PAGE]  # the child, with the city only
    assert by_member[1].severity is Severity.HIGH
    assert all("lotte" not in str(r.url).lower() for r in recorded.requests)


def test_a_member_far_from_the_address_on_a_long_list_is_only_on_the_same_page() -> None:
    profile = _profile(_member(Relation.PARTNER, "Mark", "Jansen"))
    text = ("Meidoornstraat 23, 3531 AB Utrecht: bewoner sinds 2019.\n" + "Overige leden\n" * 5
            + "Mark Jansen, Utrecht\n")
    [found] = _find(profile, text)
    assert found.ties == [HouseholdTie.SAME_PAGE] and found.severity is Severity.MEDIUM


@pytest.mark.parametrize("name", ["profile-template.toml", "profile-template.nl.toml"])
def test_both_templates_say_a_childs_surname_may_be_left_out_and_still_load(name: str) -> None:
    import tomllib
    from importlib import resources

    text = resources.files("exposure_scan").joinpath(f"data/{name}").read_text()
    assert ("left out for a child" if "nl" not in name else "mag weg bij een kind") in text
    start = text.index("# [[household]]")
    body = "\n".join(line.removeprefix("#").removeprefix(" ") for line in
                     text[start:].splitlines())
    child = body.replace('relation = "partner"', 'relation = "child"')
    child = "\n".join(line for line in child.splitlines() if not line.startswith("surname"))
    data = tomllib.loads('[[names]]\ngiven = "A"\nsurname = "B"\n' + child)
    member = Profile.model_validate(data).household[0]
    assert member.names[0].given == "Maria" and not member.names[0].surname
