"""Removal steps from the catalog and the removal facts; the action plan."""

from __future__ import annotations

from exposure_scan.catalog import load_catalog
from exposure_scan.models import Finding, Severity, SourceKind
from exposure_scan.profile import Profile
from exposure_scan.removal import action_plan, attach_steps, step_book, steps_for
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
    plan = action_plan(findings)
    assert 1 <= len(plan) <= 6
    first = plan[0]
    # one request to the site covers both pages
    assert first.host == "oozo.nl" and sorted(first.finding_ids) == ["a", "b"]
    assert [p.risk for p in plan] == sorted((p.risk for p in plan), reverse=True)
    assert all("i" not in p.finding_ids for p in plan)  # info never in the plan
    assert all(p.step.action for p in plan)
    assert not any("save evidence" in p.step.action for p in plan)
    assert action_plan([]) == []


def test_action_plan_is_greedy_over_remaining_risk(profile: Profile) -> None:
    findings = attach_steps([crit("https://b1.example/x", fid="x")], profile)
    plan = action_plan(findings)
    risks = [p.risk for p in plan]
    assert risks == sorted(risks, reverse=True)
    assert sum(risks) <= 95 + 1
