"""Threats: the lexicon, "next to the person's data", and the plan they put first."""

from __future__ import annotations

import pytest

from exposure_scan.models import Finding, Severity, SourceKind
from exposure_scan.profile import Country, Profile
from exposure_scan.removal import attach_steps, build_plan
from exposure_scan.threat import intimidation, threatens
from tests.test_reports import finding, home_match, mobile_match, name_match, practice_match

THREATS = [
    "Ik weet waar ze woont: Fictiefstraat 7B.",
    "We komen een keer bij haar langs.",
    "We gaan haar eens opzoeken hoor",
    "Straks staan we op de stoep.",
    "We know where she lives.",
    "Someone should pay her a visit.",
    "She'll regret this.",
    "Watch your back, doctor.",
]
HARMLESS = [
    "Ik weet niet waar de praktijk zit.",
    "Kom langs op het spreekuur, maandag tot vrijdag.",
    "Great GP, she knows where to refer you.",
    "We know where the pharmacy is.",
    "Dr. Berg visited her patients at home.",
]


@pytest.mark.parametrize("text", THREATS)
def test_lexicon_finds_intimidation(text: str) -> None:
    assert intimidation(text), text


@pytest.mark.parametrize("text", HARMLESS)
def test_lexicon_leaves_ordinary_words(text: str) -> None:
    assert not intimidation(text), text


def post(text: str, kind: SourceKind = SourceKind.FORUM, matches: list | None = None,  # type: ignore[type-arg]
         severity: Severity = Severity.HIGH) -> Finding:
    f = finding("t", "https://forum.example/t/9", severity, 80,
                matches or [name_match(), mobile_match()], kind)
    obs = f.observation.model_copy(update={"text": text})
    return f.model_copy(update={"observation": obs})


def test_threat_needs_the_words_next_to_the_persons_data() -> None:
    near = "Anna Maria van der Berg weigert alles. Ik weet waar ze woont. Bel 06-98765432."
    assert threatens(post(near))
    far = "Ik weet waar ze woont, zei de buurman over iemand anders. " + "bla " * 200 + \
        "Anna Maria van der Berg, 06-98765432"
    assert not threatens(post(far))
    assert not threatens(post("Anna Maria van der Berg is een fijne huisarts, 06-98765432"))


def test_a_post_with_the_home_address_is_a_threat_and_an_own_account_never() -> None:
    assert threatens(post("", matches=[name_match(), home_match()]))
    assert not threatens(post("", SourceKind.PEOPLE_SEARCH, [name_match(), home_match()]))
    assert not threatens(post("we know where she lives", SourceKind.AVATAR))
    assert not threatens(post("", matches=[name_match(), practice_match()]))


@pytest.mark.parametrize(("country", "police"), [("NL", "aangifte"), ("UK", "101"),
                                                  ("US", "911")])
def test_threatening_post_puts_evidence_platform_police_employer_first(
    profile: Profile, country: str, police: str
) -> None:
    text = ("Dokter Anna Maria van der Berg wilde niet doorverwijzen. Ik weet waar ze woont, "
            "bel haar maar op 06-98765432.")
    threat = post(text, severity=Severity.MEDIUM)
    broker = finding("b", "https://broker.example/anna", Severity.CRITICAL, 97,
                     [name_match(), home_match()], SourceKind.PEOPLE_SEARCH)
    who = profile.model_copy(update={"country": Country(country)})
    plan = build_plan(attach_steps([broker, threat], who), who)
    methods = [p.step.method for p in plan]
    assert methods[:4] == ["evidence", "report", "police", "employer"], methods
    assert police in plan[2].step.action
    assert all(p.phase == "acting" for p in plan[:4])
    assert "t" in plan[0].finding_ids and "b" in plan[0].finding_ids  # one evidence step
    assert plan[1].finding_ids == ["t"] and plan[1].threat
    # the removal requests come after the incident response, the most risk first
    assert methods.index("web_form") > 3 or "web_form" not in methods


def test_no_threat_no_police_outside_nl_and_no_employer(profile: Profile) -> None:
    plain = post("Anna Maria van der Berg, 06-98765432, fijne dokter")
    for country in ("UK", "US"):
        who = profile.model_copy(update={"country": Country(country)})
        methods = [p.step.method for p in build_plan(attach_steps([plain], who), who)]
        assert "police" not in methods and "employer" not in methods


def test_plan_is_in_the_scan_result_json(profile: Profile) -> None:
    from exposure_scan.models import ScanResult
    from tests.test_reports import T0, T1

    findings = attach_steps([post("Ik weet waar ze woont. Anna Maria van der Berg")], profile)
    result = ScanResult(tool_version="0", started_at=T0, finished_at=T1, findings=findings,
                        plan=build_plan(findings, profile))
    data = result.model_dump(mode="json")
    assert data["plan"][0]["rule"] == "save-evidence" and data["plan"][0]["phase"] == "acting"
    assert ScanResult.model_validate_json(result.model_dump_json()) == result


def test_a_threat_scored_low_still_leads_the_plan_and_the_first_actions(profile: Profile) -> None:
    from exposure_scan.models import ScanResult
    from exposure_scan.reports.context import build
    from tests.test_reports import T0, T1

    low = post("Anna Maria van der Berg? We know where she lives.", SourceKind.WEB,
               [name_match()], Severity.INFO)
    findings = attach_steps([low], profile)
    plan = build_plan(findings, profile)
    assert [p.step.method for p in plan[:3]] == ["evidence", "report", "police"]
    result = ScanResult(tool_version="0", started_at=T0, finished_at=T1, language="nl",
                        profile={"country": "NL"}, findings=findings, plan=plan)
    context = build(result)
    assert [a["step"]["method"] for a in context["top_actions"]] == [
        "evidence", "report", "police"]
    assert context["exposed"][0]["threat"]
