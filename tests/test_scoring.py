"""Risk model: severity from what is exposed together and where; rules listed; confidence."""

from __future__ import annotations

from exposure_scan.matching.reason import describe
from exposure_scan.models import (
    FieldKind,
    FieldMatch,
    MatchPart,
    Observation,
    ProviderRun,
    RunStatus,
    Severity,
    SourceKind,
)
from exposure_scan.profile import Profile, Role
from exposure_scan.scoring import rule_texts, rules, score_findings, summarise
from tests.test_reports import home_match, mobile_match, name_match, practice_match


def obs(url: str, kind: SourceKind = SourceKind.WEB) -> Observation:
    return Observation(provider="test", url=url, source_kind=kind)


def private_email() -> FieldMatch:
    return FieldMatch(field=FieldKind.EMAIL, label="private", observed="x@example.org",
                      confidence=1.0, reason="same address", private=True)


REGISTRY = (obs("https://register.example/123", SourceKind.REGISTRY),
            [name_match(), practice_match()])


def one(profile: Profile, o: Observation, matches: list[FieldMatch], *extra):  # type: ignore[no-untyped-def]
    found = score_findings(profile, [(o, matches), *extra])
    return next(f for f in found if f.observation.url == o.url)


def test_rule_ids_are_unique_and_explained() -> None:
    table = rules()
    ids = [r.id for r in [*table.rule, *table.source, *table.role]]
    ids.append(table.work_to_home.rule)
    assert len(ids) == len(set(ids))
    assert all(rule_texts()[i] for i in ids)


def test_name_and_home_address_is_critical(profile: Profile) -> None:
    f = one(profile, obs("https://a.example/p"), [name_match(), home_match()])
    assert f.severity is Severity.CRITICAL
    assert "name-with-home-address" in f.rules
    assert "where you live" in f.explanation


def test_name_and_private_phone_is_high(profile: Profile) -> None:
    f = one(profile, obs("https://a.example/p"), [name_match(), mobile_match()])
    assert f.severity is Severity.HIGH
    assert f.rules[0] == "name-with-private-phone"


def test_private_email_is_medium_and_unnamed_email_low(profile: Profile) -> None:
    assert one(profile, obs("https://a.example/1"), [name_match(), private_email()]).severity \
        is Severity.MEDIUM
    assert one(profile, obs("https://a.example/2"), [private_email()]).severity is Severity.LOW


def test_practice_only_is_informational(profile: Profile) -> None:
    f = one(profile, obs("https://praktijk.example", SourceKind.PRACTICE_SITE),
            [name_match(), practice_match()])
    assert f.severity is Severity.INFO and f.rules == ["practice-details"]
    assert not f.work_to_home


def test_a_namesake_on_an_ordinary_page_is_no_finding(profile: Profile) -> None:
    assert score_findings(profile, [(obs("https://news.example/x", SourceKind.NEWS),
                                     [name_match()])]) == []


def test_work_to_home_link_needs_the_professional_identity(profile: Profile) -> None:
    page = (obs("https://people.example/p", SourceKind.PEOPLE_SEARCH),
            [name_match(), mobile_match()])
    alone = one(profile, *page)
    linked = one(profile, *page, REGISTRY)
    assert not alone.work_to_home and "work-to-home-link" not in alone.rules
    assert linked.work_to_home and "work-to-home-link" in linked.rules
    assert linked.score > alone.score
    assert "from your work to your home" in linked.explanation


def test_professional_page_showing_home_is_a_link_by_itself(profile: Profile) -> None:
    f = one(profile, obs("https://register.example/9", SourceKind.REGISTRY),
            [name_match(), practice_match(), home_match()])
    assert f.work_to_home and f.severity is Severity.CRITICAL
    unnamed = one(profile, obs("https://praktijk.example/c", SourceKind.PRACTICE_SITE),
                  [practice_match(), mobile_match()])
    assert unnamed.work_to_home and unnamed.severity is Severity.HIGH  # raised from medium


def test_source_kind_weighs_in(profile: Profile) -> None:
    matches = [name_match(), mobile_match()]
    web = one(profile, obs("https://w.example/1"), matches)
    broker = one(profile, obs("https://b.example/1", SourceKind.PEOPLE_SEARCH), matches)
    archive = one(profile, obs("https://web.archive.example/1", SourceKind.ARCHIVE), matches)
    assert broker.score > web.score and "source-people-search" in broker.rules
    assert archive.score > web.score and "source-archive" in archive.rules
    assert "source-people-search" not in web.rules


def test_justice_role_raises_the_weight(profile: Profile) -> None:
    matches = [name_match(), mobile_match()]
    gp = one(profile, obs("https://w.example/1"), matches)
    justice = one(profile.model_copy(update={"role": Role.JUSTICE}), obs("https://w.example/1"),
                  matches)
    assert justice.score > gp.score and "role-justice" in justice.rules
    # ... but not on practice-only data
    info = one(profile.model_copy(update={"role": Role.JUSTICE}),
               obs("https://p.example", SourceKind.PRACTICE_SITE), [practice_match()])
    assert "role-justice" not in info.rules


def test_scores_stay_in_range_and_sorted(profile: Profile) -> None:
    justice = profile.model_copy(update={"role": Role.JUSTICE})
    found = score_findings(justice, [
        (obs("https://p.example", SourceKind.PRACTICE_SITE), [practice_match()]),
        (obs("https://b.example", SourceKind.PEOPLE_SEARCH), [name_match(), home_match()]),
        REGISTRY,
    ])
    assert all(0 <= f.score <= 100 for f in found)
    assert found[0].severity is Severity.CRITICAL and found[0].score == 100


CHECKED = ProviderRun(provider="a", status=RunStatus.CHECKED, web_search=True)
UNCHECKED = ProviderRun(provider="b", status=RunStatus.UNCHECKED, reason="timed out")
SKIPPED = ProviderRun(provider="c", status=RunStatus.SKIPPED)


def test_summary_levels_and_practice_pages_do_not_add_up(profile: Profile) -> None:
    infos = score_findings(profile, [
        (obs(f"https://p{i}.example", SourceKind.PRACTICE_SITE), [practice_match()])
        for i in range(30)
    ])
    assert summarise(infos, [CHECKED]) == (0, "none", "complete")
    crit = score_findings(profile, [(obs("https://b.example"), [name_match(), home_match()])])
    score, level, _ = summarise(crit, [CHECKED])
    assert score >= 80 and level == "critical"


def test_unchecked_sources_lower_confidence_and_never_mean_clear() -> None:
    score, level, confidence = summarise([], [CHECKED, UNCHECKED, SKIPPED])
    assert (score, level) == (0, "unknown")
    assert confidence == "reduced: 1 of 2 sources unchecked"
    assert summarise([], [UNCHECKED])[1:] == ("unknown", "none: every source was unchecked")
    assert summarise([], [])[1:] == ("unknown", "none: no source was checked")


def test_without_a_web_search_nothing_found_and_low_levels_are_unknown(profile: Profile) -> None:
    register = ProviderRun(provider="register", status=RunStatus.CHECKED)
    assert summarise([], [register])[:2] == (0, "unknown")
    failed_search = ProviderRun(provider="web", status=RunStatus.UNCHECKED, web_search=True)
    assert summarise([], [register, failed_search])[1] == "unknown"
    # a critical finding is known to be critical: nothing can be worse
    crit = score_findings(profile, [(obs("https://b.example"), [name_match(), home_match()])])
    assert summarise(crit, [register])[1] == "critical"


def test_level_never_exceeds_the_worst_finding(profile: Profile) -> None:
    highs = score_findings(profile, [
        (obs(f"https://b{i}.example", SourceKind.PEOPLE_SEARCH), [name_match(), mobile_match()])
        for i in range(3)
    ])
    score, level, _ = summarise(highs, [CHECKED])
    assert score >= 80 and level == "high"


def initial_match(initials: MatchPart = MatchPart.INITIAL) -> FieldMatch:
    parts = (MatchPart.SURNAME, initials)
    return FieldMatch(field=FieldKind.NAME, label="", observed="A. van der Berg",
                      confidence=0.75, reason=describe(parts), parts=parts)


def test_named_rules_replace_their_unnamed_versions(profile: Profile) -> None:
    cases = [
        ([name_match(), home_match()], "name-with-home-address", "home-address-unnamed"),
        ([name_match(), mobile_match()], "name-with-private-phone", "private-phone-unnamed"),
        ([name_match(), private_email()], "name-with-private-email", "private-email-unnamed"),
    ]
    for i, (matches, named, unnamed) in enumerate(cases):
        f = one(profile, obs(f"https://a.example/{i}", SourceKind.PEOPLE_SEARCH), matches)
        assert named in f.rules and unnamed not in f.rules, f.rules
        assert "listing-under-name" not in f.rules  # "no private details" would contradict
        unnamed_f = one(profile, obs(f"https://u.example/{i}"), matches[1:])
        assert unnamed in unnamed_f.rules and named not in unnamed_f.rules


def test_each_finding_lists_exactly_the_rules_that_apply(profile: Profile) -> None:
    texts = rule_texts()
    f = one(profile, obs("https://b.example/x", SourceKind.PEOPLE_SEARCH),
            [name_match(), home_match(), mobile_match()], REGISTRY)
    base = [r for r in f.rules if r in {x.id for x in rules().rule}]
    assert base == ["name-with-home-address", "name-with-private-phone"]
    assert f.explanation == " ".join(texts[r] for r in f.rules)
    listing = one(profile, obs("https://d.example/x", SourceKind.DIRECTORY), [name_match()])
    assert listing.rules == ["listing-under-name"]


def test_work_to_home_needs_a_clear_name_match_on_the_professional_page(
    profile: Profile,
) -> None:
    page = (obs("https://people.example/p", SourceKind.PEOPLE_SEARCH),
            [name_match(), mobile_match()])
    register = obs("https://big.example/1", SourceKind.REGISTRY)
    # a BIG entry matching only the surname and a first initial is not the identity...
    weak = one(profile, *page, (register, [initial_match()]))
    assert not weak.work_to_home and "work-to-home-link" not in weak.rules
    # ...unless it also shows the person's own practice: a namesake's entry would not
    listed = one(profile, *page, (register, [initial_match(), practice_match()]))
    assert listed.work_to_home
    # several initials or a given name written out are
    initials = one(profile, *page, (register, [
        initial_match(MatchPart.INITIALS), practice_match()]))
    assert initials.work_to_home
    full = one(profile, *page, (register, [name_match(), practice_match()]))
    assert full.work_to_home


def test_the_professional_page_does_not_link_to_itself(profile: Profile) -> None:
    url = "https://praktijk.example/team"
    # one page, seen by search (web) and by the practice-site reader: the web copy must not
    # borrow a work-to-home link from its own practice-page copy
    web = (obs(url, SourceKind.WEB), [name_match(), mobile_match()])
    practice = (obs(url + "/", SourceKind.PRACTICE_SITE), [name_match()])
    found = score_findings(profile, [web, practice])
    web_finding = next(f for f in found if f.observation.source_kind is SourceKind.WEB)
    assert not web_finding.work_to_home
    other = (obs("https://register.example/9", SourceKind.REGISTRY), [name_match()])
    found = score_findings(profile, [web, practice, other])
    assert next(f for f in found if f.observation.source_kind is SourceKind.WEB).work_to_home


def test_namesake_register_entries_are_no_findings(profile: Profile) -> None:
    """Decision: a register or people-search entry that shows only a name, matched on the
    surname and a single initial, is dropped (usually a namesake on a large register)."""
    for kind in (SourceKind.REGISTRY, SourceKind.PEOPLE_SEARCH):
        assert score_findings(profile, [(obs("https://r.example/1", kind),
                                         [initial_match()])]) == []
        # several initials or a full name: kept, as an information item to check
        kept = score_findings(profile, [(obs("https://r.example/2", kind), [
            initial_match(MatchPart.INITIALS)])])
        assert [f.severity for f in kept] == [Severity.INFO]
    # a weak name with private data is still a finding: the private data is the person's
    home = score_findings(profile, [(obs("https://r.example/3", SourceKind.PEOPLE_SEARCH),
                                     [initial_match(), home_match()])])
    assert home and home[0].severity is Severity.CRITICAL
    # a weak name with the practice's details stays a (practice) finding
    practice = score_findings(profile, [(obs("https://r.example/4", SourceKind.REGISTRY),
                                         [initial_match(), practice_match()])])
    assert len(practice) == 1 and practice[0].severity is Severity.INFO
    assert "practice-details" in practice[0].rules


def test_an_initial_and_the_own_practice_make_a_professional_identity() -> None:
    from exposure_scan.models import FieldKind, FieldMatch, Observation, SourceKind
    from exposure_scan.scoring import professional_pages

    entry = Observation(provider="big_register", url="https://register.test/#1",
                        source_kind=SourceKind.REGISTRY)
    initial = FieldMatch(field=FieldKind.NAME, label="", observed="S. de Wit",
                         confidence=0.75, reason="same surname, matching initial")
    practice = FieldMatch(field=FieldKind.ADDRESS, label="practice", observed="Lindelaan 2",
                          confidence=0.95, reason="same street, house number and city")
    assert professional_pages([(entry, [initial, practice])]) == {"https://register.test/#1"}
    assert professional_pages([(entry, [initial])]) == set()  # could be a namesake


def test_coverage_counts_only_the_sources_configured_to_run() -> None:
    from exposure_scan.models import Coverage, CoverageState, WebSearch

    def run(name: str, status: RunStatus, **more: object) -> ProviderRun:
        return ProviderRun(provider=name, status=status, **more)  # type: ignore[arg-type]

    keyless = [run("web", RunStatus.CHECKED, web_search=True), run("big", RunStatus.CHECKED)]
    not_set = [run("kvk", RunStatus.NOT_CONFIGURED), run("ch", RunStatus.SKIPPED),
               run("off", RunStatus.DISABLED)]
    cov = Coverage.of(keyless + not_set)
    assert (cov.state, cov.asked, cov.unchecked, cov.not_configured, cov.web) == (
        CoverageState.COMPLETE, 2, 0, 1, WebSearch.SEARCHED)
    stopped = Coverage.of([*keyless[1:], run("web", RunStatus.INTERRUPTED, web_search=True)])
    assert (stopped.state, stopped.unchecked, stopped.interrupted, stopped.web) == (
        CoverageState.REDUCED, 1, 1, WebSearch.FAILED)
    partly = Coverage.of([run("web", RunStatus.CHECKED, web_search=True,
                              unchecked_parts=["engine x: timeout"])])
    assert (partly.state, partly.partly, partly.web_searched) == (CoverageState.REDUCED, 1, True)
    assert Coverage.of(not_set).state is CoverageState.NONE
    assert Coverage.of(not_set).web is WebSearch.NOT_SET_UP
