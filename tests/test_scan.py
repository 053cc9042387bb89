"""The orchestrator: unchecked is never clear, failures never stop the scan, and private
values reach a provider only with consent."""

from __future__ import annotations

import asyncio
from typing import ClassVar

import httpx
import pytest

from exposure_scan.config import Config
from exposure_scan.errors import ParseError
from exposure_scan.models import FieldMatch, Observation, RunStatus, SourceKind
from exposure_scan.profile import Profile
from exposure_scan.provider import Provider, ProviderContext, Query, QueryField
from exposure_scan.registry import Registry
from exposure_scan.scan import ScanState, build_query, scan
from tests.conftest import fake_public_resolver


class Recording(Provider):
    name: ClassVar[str] = "recording"
    title: ClassVar[str] = "Records its query"
    sends = frozenset(
        {QueryField.NAME, QueryField.PRIVATE_PHONE, QueryField.HOME_ADDRESS,
         QueryField.WORK_EMAIL, QueryField.PRIVATE_EMAIL}
    )
    default_base_url: ClassVar[str] = "https://recording.test"
    seen: ClassVar[list[Query]] = []

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        Recording.seen.append(query)
        await ctx.get_json(self.url("q"), fields=[QueryField.NAME])
        return []


class Broken(Provider):
    name: ClassVar[str] = "broken"
    title: ClassVar[str] = "Answers in a new shape"
    default_base_url: ClassVar[str] = "https://broken.test"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        _, payload = await ctx.get_json(self.url("q"), fields=[QueryField.NAME])
        return [Observation(provider=self.name, names=[payload["results"][0]["name"]])]


class Slow(Provider):
    name: ClassVar[str] = "slow"
    title: ClassVar[str] = "Never answers"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        await asyncio.sleep(30)
        return []


class Parser(Provider):
    name: ClassVar[str] = "parser"
    title: ClassVar[str] = "Raises ParseError"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        raise ParseError("field `results` missing")


class UsOnly(Provider):
    name: ClassVar[str] = "usonly"
    title: ClassVar[str] = "US only"
    jurisdiction: ClassVar[str] = "US"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        raise AssertionError("must not be asked for a Dutch profile")


class Leaky(Provider):
    name: ClassVar[str] = "leaky"
    title: ClassVar[str] = "Finds the home address"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        return [
            Observation(
                provider=self.name,
                url="https://forum.test/t/1",
                source_kind=SourceKind.FORUM,
                text="Anna Maria van der Berg woont op Fictiefstraat 7B, 9999 ZZ Voorbeeldstad.",
            )
        ]


def run(profile: Profile, classes: list[type[Provider]], handler, **scan_settings) -> object:  # type: ignore[no-untyped-def]
    config = Config.model_validate(
        {"scan": {"provider_timeout": 0.5, **scan_settings}, "http": {"retries": 0}}
    )
    state = ScanState(
        profile=profile, config=config, providers=Registry(classes).configure(config, env={})
    )
    return asyncio.run(
        scan(state, transport=httpx.MockTransport(handler), resolver=fake_public_resolver)
    )


def test_every_source_failing_is_all_unchecked_with_reasons(profile: Profile) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("offline")

    result = run(profile, [Recording, Broken, Slow, Parser], refuse)
    by_name = {r.provider: r for r in result.runs}
    assert all(r.status is RunStatus.UNCHECKED for r in by_name.values())
    assert "could not connect" in by_name["recording"].reason
    assert "timed out" in by_name["slow"].reason
    assert "response format changed" in by_name["parser"].reason
    assert result.findings == [] and result.confidence.startswith("none")


def test_unexpected_shape_is_unchecked_not_clear(profile: Profile) -> None:
    result = run(profile, [Broken], lambda r: httpx.Response(200, json={"data": []}))
    [only] = result.runs
    assert only.status is RunStatus.UNCHECKED
    assert only.reason == "response format changed (KeyError)"


def test_private_values_are_withheld_without_consent(profile: Profile) -> None:
    query = build_query(profile, Recording, allow_private=False, urls=[])
    assert query.names and query.emails == ["a.vanderberg@praktijk-voorbeeld.example"]
    assert query.phones == [] and query.addresses == []
    allowed = build_query(profile, Recording, allow_private=True, urls=[])
    assert allowed.phones == ["06-98765432"]
    assert [a.label for a in allowed.addresses] == ["home"]


def test_ledger_lists_every_request_without_values(profile: Profile) -> None:
    Recording.seen.clear()
    result = run(profile, [Recording], lambda r: httpx.Response(200, json={}))
    [entry] = result.ledger
    assert (entry.provider, entry.host, entry.fields) == ("recording", "recording.test", ["name"])
    assert "98765432" not in result.model_dump_json()


def test_out_of_jurisdiction_provider_is_skipped(profile: Profile) -> None:
    result = run(profile, [UsOnly], lambda r: httpx.Response(200))
    [only] = result.runs
    assert only.status is RunStatus.SKIPPED and "US only" in only.reason


def test_a_forum_post_with_the_home_address_is_critical(profile: Profile) -> None:
    result = run(profile, [Leaky], lambda r: httpx.Response(200))
    assert result.findings, "the home address in the post must be found"
    top = result.findings[0]
    assert top.severity.value == "critical"
    assert "name-with-home-address" in top.rules


def test_interrupted_scan_is_partial_and_says_which_sources_were_not_asked(
    profile: Profile,
) -> None:
    config = Config()
    state = ScanState(
        profile=profile, config=config, providers=Registry([Recording]).configure(config, env={})
    )
    result = state.finish(partial=True)
    assert result.partial
    assert result.runs[0].status is RunStatus.INTERRUPTED
    assert "interrupted" in result.runs[0].reason
    assert result.coverage.interrupted == result.coverage.unchecked == 1


def test_disabled_provider_is_reported_disabled(profile: Profile) -> None:
    config = Config.model_validate({"providers": {"recording": {"enabled": False}}})
    state = ScanState(
        profile=profile, config=config, providers=Registry([Recording]).configure(config, env={})
    )
    assert state.finish().runs[0].status is RunStatus.DISABLED


def test_the_ledger_tells_a_private_email_from_a_work_email(profile: Profile) -> None:
    query = build_query(profile, Recording, allow_private=True, urls=[])
    private = "annamaria.berg@example.org"
    assert private in query.private_emails
    assert query.email_field(private) is QueryField.PRIVATE_EMAIL
    assert query.email_field("a.vanderberg@praktijk-voorbeeld.example") is QueryField.WORK_EMAIL


def test_an_archived_copy_stays_an_archive_and_catalog_sites_get_their_kind() -> None:
    from exposure_scan.scan import classify

    archive_url = "https://web.archive.org/web/2020/https://forum.test/t/1"
    observations = [
        Observation(provider="wayback", url=archive_url, source_kind=SourceKind.ARCHIVE,
                    inspect=True),
        Observation(provider="inspector", url=archive_url, source_kind=SourceKind.FORUM),
        Observation(provider="inspector", url="https://www.detelefoongids.nl/x/1"),
    ]
    kinds = [o.source_kind for o in classify(observations)]
    assert kinds[1] is SourceKind.ARCHIVE
    assert kinds[2] is SourceKind.DIRECTORY


class Crashing(Provider):
    name: ClassVar[str] = "crashing"
    title: ClassVar[str] = "Has a bug"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        raise RuntimeError(f"bug while handling {query.names[0].surname}")


def test_a_provider_bug_is_unchecked_without_leaking_what_it_was_sent(profile: Profile) -> None:
    result = run(profile, [Crashing, Leaky], lambda r: httpx.Response(200))
    runs = {r.provider: r for r in result.runs}
    assert runs["crashing"].status is RunStatus.UNCHECKED
    assert runs["crashing"].reason == "internal error in this provider (RuntimeError)"
    assert runs["leaky"].status is RunStatus.CHECKED and result.findings


HOME_POST = "Anna Maria van der Berg, Fictiefstraat 7B, 9999 ZZ Voorbeeldstad"


class BadUrl(Provider):
    name: ClassVar[str] = "badurl"
    title: ClassVar[str] = "Returns a URL that does not parse"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        return [Observation(provider=self.name, url="https://[broken.test/x", text=HOME_POST)]


def test_a_url_that_does_not_parse_does_not_crash_the_scan(profile: Profile) -> None:
    result = run(profile, [BadUrl], lambda r: httpx.Response(200))
    assert result.findings and result.findings[0].severity.value == "critical"


class SlowAfterOne(Provider):
    name: ClassVar[str] = "slowafterone"
    title: ClassVar[str] = "Finds one thing, then hangs"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        ctx.keep(Observation(provider=self.name, url="https://forum.test/t/2", text=HOME_POST))
        await asyncio.sleep(30)
        return list(ctx.kept)


def test_results_kept_before_a_timeout_still_count(profile: Profile) -> None:
    result = run(profile, [SlowAfterOne], lambda r: httpx.Response(200))
    [only] = result.runs
    assert only.status is RunStatus.UNCHECKED and "timed out" in only.reason
    assert only.observations == 1 and result.findings


class PartlyChecked(Provider):
    name: ClassVar[str] = "partly"
    title: ClassVar[str] = "One engine failed"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        ctx.note_unchecked("engine x: timeout")
        return []


def test_a_partly_checked_source_is_never_complete(profile: Profile) -> None:
    from exposure_scan.outcome import ExitCode, exit_code_for

    result = run(profile, [PartlyChecked], lambda r: httpx.Response(200))
    assert result.confidence.startswith("reduced") and "partly" in result.confidence
    assert result.level != "none"
    assert exit_code_for(result) is ExitCode.INCOMPLETE


def test_no_pages_to_read_is_skipped_not_interrupted(profile: Profile) -> None:
    from exposure_scan.inspector import PageInspector

    result = run(profile, [PartlyChecked, PageInspector], lambda r: httpx.Response(200))
    inspector = next(r for r in result.runs if r.provider == "inspector")
    assert inspector.status is RunStatus.SKIPPED and "no pages" in inspector.reason


class ManyHits(Provider):
    name: ClassVar[str] = "manyhits"
    title: ClassVar[str] = "Finds many pages"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        return [Observation(provider=self.name, url=f"https://site{i}.test/p", inspect=True)
                for i in range(5)]


def test_pages_beyond_the_budget_are_noted_not_dropped_silently(profile: Profile) -> None:
    from exposure_scan.inspector import PageInspector

    result = run(profile, [ManyHits, PageInspector],
                 lambda r: httpx.Response(200, html="<p>nothing here</p>"), max_pages=3,
                 provider_timeout=10)
    inspector = next(r for r in result.runs if r.provider == "inspector")
    assert inspector.observations == 3
    assert any("2 more pages" in p for p in map(str, inspector.unchecked_parts))


@pytest.mark.parametrize("budget", [0, 5])
def test_a_used_up_page_budget_is_never_complete(profile: Profile, budget: int) -> None:
    """Budget 0: nothing read at all. Budget 5: stage 1 uses it all, stage 2 finds more."""
    from exposure_scan.inspector import PageInspector
    from exposure_scan.outcome import ExitCode, exit_code_for

    result = run(profile, [ManyHits, PageInspector, ArchiveHits],
                 lambda r: httpx.Response(200, html="<p>nothing</p>"), max_pages=budget,
                 provider_timeout=10)
    inspector = next(r for r in result.runs if r.provider == "inspector")
    assert any("page budget" in p for p in map(str, inspector.unchecked_parts)), inspector
    assert exit_code_for(result) is ExitCode.INCOMPLETE


class ArchiveHits(Provider):
    name: ClassVar[str] = "archivehits"
    title: ClassVar[str] = "Stage 2: finds more pages"
    stage: ClassVar[int] = 2
    sends = frozenset({QueryField.NAME})

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        return [Observation(provider=self.name, url=f"https://archive{i}.test/p", inspect=True)
                for i in range(2)]


class TwoPosts(Provider):
    name: ClassVar[str] = "twoposts"
    title: ClassVar[str] = "Finds two posts, one the matcher cannot read"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        return [
            Observation(provider=self.name, url="https://forum.test/t/ok", text=HOME_POST),
            Observation(provider=self.name, url="https://forum.test/t/bad", title="Bad post",
                        text="Sanne A\U0002c568 de Wit"),
        ]


def test_a_post_the_matcher_fails_on_is_unchecked_and_the_report_is_written(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exposure_scan.matching import Matcher
    from exposure_scan.models import PartReason
    from exposure_scan.outcome import ExitCode, exit_code_for

    real = Matcher.match_observation

    def fragile(self: Matcher, obs: Observation) -> list[FieldMatch]:
        if obs.url.endswith("/bad"):
            raise IndexError("list index out of range")
        return real(self, obs)

    monkeypatch.setattr(Matcher, "match_observation", fragile)
    # a stage-2 source makes the scan pick URLs from the matches between the stages too
    result = run(profile, [TwoPosts, ArchiveHits], lambda r: httpx.Response(200))
    assert result.findings and result.findings[0].observation.url.endswith("/ok")
    run_ = next(r for r in result.runs if r.provider == "twoposts")
    [part] = run_.unchecked_parts
    assert (part.reason, part.url, part.title) == (
        PartReason.NOT_MATCHED, "https://forum.test/t/bad", "Bad post")
    assert exit_code_for(result) is ExitCode.INCOMPLETE


def test_each_observation_is_matched_once_off_the_event_loop(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    from collections import Counter

    from exposure_scan.inspector import PageInspector
    from exposure_scan.matching import Matcher

    real = Matcher.match_observation
    calls: Counter[int] = Counter()
    threads: set[str] = set()

    def counting(self: Matcher, obs: Observation) -> list[FieldMatch]:
        calls[id(obs)] += 1
        threads.add(threading.current_thread().name)
        return real(self, obs)

    monkeypatch.setattr(Matcher, "match_observation", counting)
    page = f"<p>{HOME_POST}</p>"
    result = run(profile, [TwoPosts, ManyHits, ArchiveHits, PageInspector],
                 lambda r: httpx.Response(200, html=page), provider_timeout=10)
    assert result.findings
    assert calls and set(calls.values()) == {1}
    assert threading.main_thread().name not in threads


def test_find_stays_a_pure_function(profile: Profile) -> None:
    from exposure_scan.pipeline import find

    obs = Observation(provider="x", url="https://forum.test/t/1", text=HOME_POST)
    assert find(profile, [obs])[0].severity.value == "critical"


def demo_scan(classes: list[type[Provider]], *, searxng: str | None) -> object:
    """The embedded demo world, with no keys set; `searxng`: the search path, or None."""
    from exposure_scan.demo import DemoWorld, demo_config, demo_profile

    with DemoWorld() as world:
        config = demo_config(world.base_url)
        tables = dict(config.providers)
        if searxng is None:
            tables.pop("searxng")
        else:
            tables["searxng"] = {**tables["searxng"], "base_url": world.base_url + searxng}
        config = config.model_copy(update={"providers": tables})
        state = ScanState(profile=demo_profile(world.base_url), config=config,
                          providers=Registry(classes).configure(config, env={}))
        return asyncio.run(scan(state))


def builtin(*names: str) -> list[type[Provider]]:
    from exposure_scan.inspector import PageInspector
    from exposure_scan.registry import builtin_provider_classes

    found = {c.name: c for c in [PageInspector, *builtin_provider_classes()]}
    return [found[n] for n in names]


KEYED_AND_FOREIGN = ("kvk", "hibp", "brave", "companies_house", "npi")


def test_a_dutch_profile_with_no_keys_exits_0_when_every_dutch_source_was_checked() -> None:
    from exposure_scan.outcome import ExitCode, exit_code_for
    from exposure_scan.reports import render

    result = demo_scan(builtin("searxng", "big_register", "inspector", *KEYED_AND_FOREIGN),
                       searxng="/searxng")
    status = {r.provider: r.status for r in result.runs}
    assert status["kvk"] is status["hibp"] is status["brave"] is RunStatus.NOT_CONFIGURED
    # another country's source is skipped, with or without a key
    assert status["companies_house"] is status["npi"] is RunStatus.SKIPPED
    assert status["searxng"] is status["big_register"] is RunStatus.CHECKED
    assert result.coverage.not_configured == 3 and result.coverage.unchecked == 0
    assert exit_code_for(result) is ExitCode.OK
    assert result.level == "critical" and result.confidence == "complete"
    md = render(result, "md")
    assert "could NOT be checked" not in md
    html = render(result, "html")
    assert "needs an API key: set KVK_API_KEY" in html and "https://www.kvk.nl/zoeken/" in html
    kvk_row = next(line for line in md.splitlines() if line.startswith("| KvK"))
    assert "not configured" in kvk_row and "Or check it by hand" in kvk_row


@pytest.mark.parametrize("searxng", [None, "/no-such-search"], ids=["not-set-up", "failed"])
def test_without_a_web_search_the_first_screen_says_so(searxng: str | None) -> None:
    from exposure_scan.models import WebSearch
    from exposure_scan.outcome import summary_line
    from exposure_scan.reports import render

    result = demo_scan(builtin("searxng", "big_register", "inspector", *KEYED_AND_FOREIGN),
                       searxng=searxng)
    assert not result.coverage.web_searched
    assert result.coverage.web is (WebSearch.FAILED if searxng else WebSearch.NOT_SET_UP)
    assert result.level == "unknown"
    line = summary_line(result)
    assert "(unknown)" in line and "the web was not searched" in line
    # The line follows the report's language (regression: it was English for --lang nl).
    nl_line = summary_line(result.model_copy(update={"language": "nl"}))
    assert "(onbekend)" in nl_line and "het web is niet doorzocht" in nl_line
    assert not {"Risk", "coverage", "unknown", "findings"} & set(nl_line.replace(";", " ").split())
    for fmt in ("md", "html"):
        en = render(result, fmt)
        first = en[: en.index("Findings</h2>" if fmt == "html" else "## Findings")]
        assert "The web was not searched:" in first
        assert "No urgent action" not in en and "unknown" in first
        nl = render(result.model_copy(update={"language": "nl"}), fmt)
        assert "Het web is niet doorzocht:" in nl and "Geen dringende actie" not in nl


def test_coverage_survives_the_json_round_trip_and_old_reports_get_one(profile: Profile) -> None:
    from exposure_scan.models import ScanResult

    result = run(profile, [Leaky, Slow], lambda r: httpx.Response(200))
    again = ScanResult.model_validate_json(result.model_dump_json())
    assert again.coverage == result.coverage and result.coverage.unchecked == 1
    old = result.model_dump(mode="json")
    del old["coverage"]
    assert ScanResult.model_validate(old).coverage == result.coverage


class ThreadKeeper(Provider):
    name: ClassVar[str] = "threadkeeper"
    title: ClassVar[str] = "Keeps its result from a worker thread"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        obs = Observation(provider=self.name, url="https://forum.test/t/3", text=HOME_POST)
        await asyncio.to_thread(ctx.keep, obs)
        return [obs]


def test_a_result_kept_from_a_worker_thread_is_matched(profile: Profile) -> None:
    result = run(profile, [ThreadKeeper], lambda r: httpx.Response(200))
    assert result.findings and result.findings[0].severity.value == "critical"
