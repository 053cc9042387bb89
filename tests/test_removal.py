"""Removal steps from the catalog and the removal facts; the action plan."""

from __future__ import annotations

from exposure_scan.catalog import load_catalog
from exposure_scan.models import Finding, Severity, SourceKind
from exposure_scan.profile import Profile
from exposure_scan.removal import attach_steps, plan_steps, step_book, steps_for
from tests.test_reports import finding, home_match, mobile_match, name_match, practice_match

GOOGLE = "https://support.google.com/websearch/answer/9673730"


def crit(url: str, kind: SourceKind = SourceKind.PEOPLE_SEARCH, fid: str = "c") -> Finding:
    return finding(fid, url, Severity.CRITICAL, 95, [name_match(), home_match()], kind)


def actions(steps: list) -> list[str]:  # type: ignore[type-arg]
    return [s.action for s in steps]


def test_step_book_is_valid_and_sourced() -> None:
    book = step_book()
    assert all(s.source.startswith("https://") for s in book.step)
    texts = [s.action for s in book.step] + [c.action for c in book.catalog.values()]
    assert len(texts) == len(set(texts))  # actions are msgids: one text, one meaning


def test_every_private_finding_gets_sourced_steps(profile: Profile) -> None:
    findings = [crit("https://unknown-broker.example/p"),
                finding("p", "https://x.example/q", Severity.HIGH, 75,
                        [name_match(), mobile_match()], SourceKind.WEB)]
    for f in attach_steps(findings, profile):
        assert f.steps
        assert all(s.source for s in f.steps)
        assert GOOGLE in [s.url for s in f.steps]


def test_catalog_site_gives_its_own_opt_out_first() -> None:
    site = load_catalog().by_host("oozo.nl")
    assert site is not None
    steps = steps_for(crit("https://www.oozo.nl/mensen/123", SourceKind.DIRECTORY), "NL")
    assert "save evidence" in steps[0].action  # critical: evidence before removal
    assert steps[1].method == site.optout_method.value
    assert steps[1].url == site.optout_url and steps[1].source == site.source
    # the catalog step already sends the GDPR letter: no second letter step
    assert sum("GDPR letter" in a for a in actions(steps)) == 1
    assert any("KvK" in a for a in actions(steps))  # fix the source it copies from


def test_us_broker_and_nppes() -> None:
    site = load_catalog().by_host("whitepages.com")
    assert site is not None
    steps = steps_for(crit("https://www.whitepages.com/name/x", fid="w"), "US")
    catalog = next(s for s in steps if s.url == site.optout_url)
    assert catalog.expected_time == site.processing_time
    assert not any("GDPR" in a for a in actions(steps))
    reg = steps_for(crit("https://npiregistry.example/1", SourceKind.REGISTRY), "US")
    assert any("NPPES" in a for a in actions(reg))


def test_uk_home_address_steps() -> None:
    steps = steps_for(crit("https://people.example/x"), "UK")
    text = " ".join(actions(steps))
    assert "Companies House" in text and "open (edited) electoral register" in text
    assert "KvK" not in text


def test_practice_details_need_no_action() -> None:
    f = finding("i", "https://praktijk.example/team", Severity.INFO, 5,
                [name_match(), practice_match()], SourceKind.PRACTICE_SITE)
    steps = steps_for(f, "NL")
    assert len(steps) == 1 and steps[0].action.startswith("No action needed")


def test_forum_post_is_reported_with_help() -> None:
    f = finding("f", "https://forum.example/t/1", Severity.HIGH, 80,
                [name_match(), mobile_match()], SourceKind.FORUM)
    text = " ".join(actions(steps_for(f, "NL")))
    assert "Report the post to the platform" in text and "HelpWanted" in text


def test_action_plan_removes_most_risk_first(profile: Profile) -> None:
    findings = attach_steps([
        crit("https://www.oozo.nl/a", SourceKind.DIRECTORY, fid="a"),
        crit("https://oozo.nl/b", SourceKind.DIRECTORY, fid="b"),
        finding("m", "https://other.example/m", Severity.MEDIUM, 40, [mobile_match()],
                SourceKind.WEB),
        finding("i", "https://praktijk.example", Severity.INFO, 5, [practice_match()],
                SourceKind.PRACTICE_SITE),
    ], profile)
    plan = plan_steps(findings)
    # critical findings: saving evidence comes first, for both of them, and removes no risk
    assert plan[0].step.method == "evidence" and sorted(plan[0].finding_ids) == ["a", "b"]
    assert plan[0].risk == 0
    first = plan[1]
    # one request to the site covers both pages
    assert first.hosts == ["oozo.nl"] and first.per_site
    assert sorted(first.finding_ids) == ["a", "b"]
    removal = [p.risk for p in plan if p.phase == "removal" and p.risk]
    assert removal == sorted(removal, reverse=True)
    # every step of every finding is in the plan, once; information-only steps come last
    assert {(s.action, s.url) for f in findings for s in f.steps} == {
        (p.step.action, p.step.url) for p in plan}
    assert plan[-1].finding_ids == ["i"] or plan[-1].phase == "aftercare"
    assert all(p.step.action for p in plan)
    assert sum(p.step.method == "evidence" for p in plan) == 1
    assert plan_steps([]) == []


def test_action_plan_is_greedy_over_remaining_risk(profile: Profile) -> None:
    findings = attach_steps([crit("https://b1.example/x", fid="x")], profile)
    plan = plan_steps(findings)
    risks = [p.risk for p in plan if p.phase == "removal" and p.risk]
    assert risks == sorted(risks, reverse=True)
    assert sum(risks) <= 95 + 1


def _steps(fid: str, kind: SourceKind, matches: list, country: str = "NL",  # type: ignore[type-arg]
           severity: Severity = Severity.HIGH, url: str = "") -> list:  # type: ignore[type-arg]
    f = finding(fid, url or f"https://{fid}.example/p", severity, 75, matches, kind)
    return steps_for(f, country)


def test_evidence_is_the_first_step_and_the_first_action(profile: Profile) -> None:
    from exposure_scan.reports.context import build
    from tests.test_reports import sample_result

    findings = attach_steps([
        finding("m", "https://other.example/m", Severity.MEDIUM, 40, [mobile_match()]),
        crit("https://unknown-broker.example/p", fid="c"),
    ], profile)
    assert steps_for(findings[1], "NL")[0].method == "evidence"
    plan = plan_steps(findings)
    assert plan[0].step.method == "evidence" and plan[0].finding_ids == ["c"]
    context = build(sample_result().model_copy(update={"findings": findings}))
    assert context["top_actions"][0]["step"]["method"] == "evidence"
    assert context["top_actions"][0]["step"]["action"].startswith("First save evidence")
    # nothing serious: no evidence item
    medium = attach_steps([findings[0]], profile)
    assert all(p.step.method != "evidence" for p in plan_steps(medium))


def test_nl_police_report_for_posts_with_private_data() -> None:
    for kind in (SourceKind.FORUM, SourceKind.SOCIAL, SourceKind.WEB):
        steps = _steps("p", kind, [name_match(), mobile_match()])
        police = [s for s in steps if s.method == "police"]
        assert len(police) == 1, kind
        assert "285d" in police[0].action and "aangifte" in police[0].action
        assert police[0].source.startswith("https://www.politie.nl/")
    # not for a people-search listing, not for practice data, not outside NL
    assert not [s for s in _steps("b", SourceKind.PEOPLE_SEARCH, [name_match(), home_match()])
                if s.method == "police"]
    assert not [s for s in _steps("w", SourceKind.FORUM, [name_match(), practice_match()],
                                  severity=Severity.INFO) if s.method == "police"]
    for country in ("UK", "US"):
        assert not [s for s in _steps("f", SourceKind.FORUM, [name_match(), mobile_match()],
                                      country) if s.method == "police"]


def test_forum_and_social_report_to_the_platform_before_contacting_the_owner(
    profile: Profile,
) -> None:
    for kind in (SourceKind.FORUM, SourceKind.SOCIAL):
        methods = [s.method for s in _steps("f", kind, [name_match(), mobile_match()])]
        assert methods[0] == "evidence"
        assert methods.index("report") < methods.index("contact_site"), (kind, methods)
        findings = attach_steps([finding("f", "https://forum.example/t/1", Severity.HIGH, 80,
                                         [name_match(), mobile_match()], kind)], profile)
        plan = [p.step.method for p in plan_steps(findings)]
        assert plan[:2] == ["evidence", "report"], plan
        assert plan.index("report") < plan.index("contact_site")


OWN = {
    SourceKind.DOMAIN: "registrar",
    SourceKind.AVATAR: "Gravatar",
    SourceKind.CODE_HOSTING: "GitHub",
    SourceKind.BREACH: "two-factor",
}
SITE_ONLY = ("GDPR", "Google", "Bing", "Autoriteit", "ICO", "opt-out", "site owner", "KvK",
             "Companies House", "NPPES", "HelpWanted", "evidence")


def test_own_accounts_domains_and_breaches_get_only_their_own_steps() -> None:
    for kind, word in OWN.items():
        for country in ("NL", "UK", "US"):
            for matches in ([name_match(), home_match()], [name_match(), mobile_match()],
                            [name_match()]):
                steps = _steps("o", kind, matches, country, Severity.CRITICAL)
                assert len(steps) == 1, (kind, country, actions(steps))
                assert word in steps[0].action
                assert steps[0].source.startswith("https://")
                assert not [w for w in SITE_ONLY if w in steps[0].action], steps[0].action


def test_catalogued_host_of_an_own_kind_gets_no_opt_out() -> None:
    steps = _steps("o", SourceKind.AVATAR, [name_match(), home_match()],
                   url="https://www.oozo.nl/p/9")
    assert [s.method for s in steps] == ["account_settings"]


def test_breach_step_is_about_passwords_and_cites_hibp() -> None:
    (step,) = _steps("b", SourceKind.BREACH, [name_match()])
    assert "password" in step.action and "phishing" in step.action
    assert step.source == "https://haveibeenpwned.com/"


def test_removal_step_sources_are_the_right_ones() -> None:
    by_id = {s.id: s for s in step_book().step}
    assert "gegevensbeschermingsautoriteit" not in by_id["contact-site"].source
    assert by_id["contact-site"].source.startswith(
        ("https://gdpr-info.eu/", "https://eur-lex.europa.eu/",
         "https://www.autoriteitpersoonsgegevens.nl/"))
    brp = by_id["brp-secrecy"]
    assert brp.url == "" and "your own municipality" in brp.action
    assert by_id["ico-complaint"].countries == ["UK"]
    assert by_id["ap-complaint"].countries == ["NL"]


def test_uk_gets_the_ico_complaint_and_nl_the_ap() -> None:
    uk = actions(_steps("u", SourceKind.WEB, [name_match(), home_match()], "UK"))
    nl = actions(_steps("n", SourceKind.WEB, [name_match(), home_match()], "NL"))
    us = actions(_steps("s", SourceKind.WEB, [name_match(), home_match()], "US"))
    assert any("ICO" in a for a in uk) and not any("Autoriteit" in a for a in uk)
    assert any("Autoriteit" in a for a in nl) and not any("ICO" in a for a in nl)
    assert not any("ICO" in a or "Autoriteit" in a for a in us)


def test_site_host_names_the_site_and_http_host_of_keeps_the_exact_host() -> None:
    from exposure_scan.http import host_of
    from exposure_scan.removal import site_host

    url = " https://WWW.People.example/p/1 "
    assert site_host(url) == "people.example"  # how a report names the site
    assert host_of(url.strip()) == "www.people.example"  # the host a request went to
    assert site_host("http://[::1") == host_of("http://[::1") == ""
