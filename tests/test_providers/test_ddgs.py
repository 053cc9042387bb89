"""The ddgs provider: the library's search call is replaced by a stand-in; nothing is sent."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest
from ddgs.exceptions import DDGSException, RatelimitException, TimeoutException

from exposure_scan.config import Config
from exposure_scan.demo import PAGES, DemoWorld, demo_config, demo_profile
from exposure_scan.errors import ConfigError, ProviderResponseError, RateLimited
from exposure_scan.models import PartReason, ReasonParams, RunStatus, Severity, UncheckedPart
from exposure_scan.profile import Address, Country, PersonName
from exposure_scan.provider import ProviderContext, Query, QueryField
from exposure_scan.providers import ddgs as ddgs_module
from exposure_scan.providers.ddgs import DdgsOptions, DdgsProvider, backend_host, parse_results
from exposure_scan.registry import Readiness, Registry
from exposure_scan.scan import ScanState, scan
from tests.conftest import make_fetcher, run_search

QUERY = Query(
    country=Country.NL,
    names=[PersonName(given="Anna Maria", surname="van der Berg")],
    cities=["Voorbeeldstad"],
)
ROW = {"title": "Anna van der Berg", "href": "https://forum.example/t/1", "body": "woont in"}

Behaviour = Callable[[str, str], Any]  # (query, backend) -> rows, or raises


class FakeDDGS:
    """Stands in for ddgs.DDGS; records every call."""

    calls: ClassVar[list[dict[str, Any]]] = []
    behaviour: Behaviour = staticmethod(lambda q, b: [ROW])  # type: ignore[assignment]

    def __init__(self, proxy: str | None = None, timeout: int | None = 5) -> None:
        self.proxy = proxy
        self.timeout = timeout

    def text(self, query: str, **kwargs: Any) -> Any:
        FakeDDGS.calls.append({"query": query, "proxy": self.proxy, **kwargs})
        return type(self).behaviour(query, kwargs["backend"])


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> type[FakeDDGS]:
    FakeDDGS.calls = []
    FakeDDGS.behaviour = staticmethod(lambda q, b: [ROW])  # type: ignore[assignment]
    monkeypatch.setattr(ddgs_module, "DDGS", FakeDDGS)
    return FakeDDGS


def provider(**options: Any) -> DdgsProvider:
    opts = {"max_queries": 4, "site_queries": False, **options}
    return DdgsProvider(options=DdgsOptions(**opts))


def failed(ctx: ProviderContext) -> list[UncheckedPart]:
    return [p for p in ctx.unchecked_parts if not p.reason.by_choice]


def test_parse_results_keeps_pages_and_drops_rows_without_a_link() -> None:
    hits = parse_results([ROW, {"title": "instant answer"}, "junk"])
    assert [h.url for h in hits] == [ROW["href"]] and hits[0].inspect
    with pytest.raises(ProviderResponseError):
        parse_results({"results": []})


def test_backend_hosts_come_from_the_library() -> None:
    assert backend_host("duckduckgo") == "html.duckduckgo.com"
    assert backend_host("mojeek") == "www.mojeek.com"
    assert backend_host("wikipedia") == "ddgs"  # a templated URL: the library does not say


def test_an_unknown_backend_is_a_config_error() -> None:
    config = Config.model_validate({"providers": {"ddgs": {"backends": ["altavista"]}}})
    with pytest.raises(ConfigError, match=r"providers\.ddgs\.backends"):
        Registry([DdgsProvider]).configure(config, env={})


async def test_queries_rotate_over_backends_and_each_is_in_the_ledger(fake: type[FakeDDGS]) -> None:
    hits, ctx = await run_search(provider(backends=["duckduckgo", "mojeek"]), QUERY,
                                 proxy="http://127.0.0.1:8118")
    assert [h.url for h in hits] == [ROW["href"]]
    # Two queries at a time, one on each backend: the order within a pair may vary.
    assert {c["query"]: c["backend"] for c in fake.calls} == {
        '"Anna van der Berg"': "duckduckgo", '"Anna van der Berg" Voorbeeldstad': "mojeek",
        '"A.M. van der Berg"': "duckduckgo", '"Berg, A.M. van der"': "mojeek"}
    assert {c["proxy"] for c in fake.calls} == {"http://127.0.0.1:8118"}
    assert {c["region"] for c in fake.calls} == {"nl-nl"}
    ledger = ctx.ledger
    assert sorted(e.host for e in ledger) == ["html.duckduckgo.com"] * 2 + ["www.mojeek.com"] * 2
    assert {e.provider for e in ledger} == {"ddgs"} and {e.status for e in ledger} == {200}
    assert sorted(e.fields for e in ledger) == [["city", "name"], ["name"], ["name"], ["name"]]


async def test_a_rate_limited_backend_is_dropped_and_the_others_carry_on(
    fake: type[FakeDDGS],
) -> None:
    def behaviour(q: str, backend: str) -> Any:
        if backend == "duckduckgo":
            raise RatelimitException("202 Ratelimit")
        return [ROW]

    fake.behaviour = staticmethod(behaviour)  # type: ignore[assignment]
    hits, ctx = await run_search(provider(backends=["duckduckgo", "mojeek"]), QUERY)
    assert hits
    assert [c["backend"] for c in fake.calls].count("duckduckgo") == 1
    assert [(p.reason, p.params, p.text) for p in failed(ctx)] == [
        (PartReason.RATE_LIMITED, ReasonParams(engine="duckduckgo", given_up=True),
         "search engine duckduckgo rate limited; not asked again in this scan")]
    assert next(e.status for e in ctx.ledger) == 429


async def test_every_backend_rate_limited_is_unchecked_not_nothing_found(
    fake: type[FakeDDGS],
) -> None:
    def behaviour(q: str, backend: str) -> Any:
        raise RatelimitException("Ratelimit")

    fake.behaviour = staticmethod(behaviour)  # type: ignore[assignment]
    with pytest.raises(RateLimited):
        await run_search(provider(backends=["duckduckgo", "mojeek"]), QUERY)
    # One round (each query on at most two backends), then nothing more: not hammered.
    assert len(fake.calls) <= 4 and len({c["query"] for c in fake.calls}) <= 2


async def test_empty_answers_from_every_backend_are_unchecked(fake: type[FakeDDGS]) -> None:
    """A captcha page and "no results" look the same to ddgs: never "nothing found"."""

    def behaviour(q: str, backend: str) -> Any:
        raise DDGSException("No results found.")

    fake.behaviour = staticmethod(behaviour)  # type: ignore[assignment]
    with pytest.raises(ProviderResponseError) as caught:
        await run_search(provider(), QUERY)
    from exposure_scan.models import RunReason
    from exposure_scan.wording import run_text

    assert caught.value.reason is RunReason.NO_ENGINE_ANSWERED
    assert "captcha" in run_text(caught.value.reason)


async def test_queries_no_backend_answered_are_noted(fake: type[FakeDDGS]) -> None:
    def behaviour(q: str, backend: str) -> Any:
        return [ROW] if q == '"Anna van der Berg"' else []

    fake.behaviour = staticmethod(behaviour)  # type: ignore[assignment]
    hits, ctx = await run_search(provider(attempts=2), QUERY)
    assert hits
    assert len(fake.calls) == 1 + 3 * 2  # each unanswered query tried on two backends
    [part] = failed(ctx)
    assert part.reason is PartReason.UNANSWERED and part.params == ReasonParams(count=3)
    assert part.text.startswith("3 searches got no results from any search engine tried")


@pytest.mark.parametrize(
    ("error", "reason", "words"),
    [
        (TimeoutException("timed out"), PartReason.TIMED_OUT, "timed out"),
        (RuntimeError("primp: Anna van der Berg 06-12345678"), PartReason.ENGINE_FAILED,
         "failed (RuntimeError)"),
        (DDGSException("https://x/?q=Anna"), PartReason.ENGINE_FAILED, "failed (DDGSException)"),
        (OSError("Anna: connection refused"), PartReason.CONNECTION_FAILED, "could not connect"),
    ],
)
async def test_library_failures_are_unchecked_with_the_reason_and_no_value(
    fake: type[FakeDDGS], error: Exception, reason: PartReason, words: str
) -> None:
    def behaviour(q: str, backend: str) -> Any:
        raise error

    fake.behaviour = staticmethod(behaviour)  # type: ignore[assignment]
    fetcher, client = make_fetcher()
    ddgs = provider(backends=["yahoo", "mojeek"])
    ctx = ProviderContext(ddgs, fetcher)
    async with client:
        with pytest.raises(ProviderResponseError) as info:
            await ddgs.search(QUERY, ctx)
    assert "Anna" not in str(info.value)
    assert {p.reason for p in failed(ctx)} == {reason}
    assert all(words in p.text and "Anna" not in str(p) for p in failed(ctx))
    assert {e.status for e in ctx.ledger} == {None}


async def test_failures_are_noted_per_backend_without_values(fake: type[FakeDDGS]) -> None:
    def behaviour(q: str, backend: str) -> Any:
        if backend == "yahoo":
            raise RuntimeError(f"primp failed for {q}")
        return [ROW]

    fake.behaviour = staticmethod(behaviour)  # type: ignore[assignment]
    hits, ctx = await run_search(provider(backends=["yahoo", "mojeek"]), QUERY)
    assert hits
    details = [p.text for p in failed(ctx)]
    assert details == ["search engine yahoo failed (RuntimeError)",
                       "search engine yahoo failed (RuntimeError); not asked again in this scan"]
    assert not any("Anna" in d for d in details)


async def test_a_stuck_library_call_is_cut_off(
    fake: type[FakeDDGS], monkeypatch: pytest.MonkeyPatch
) -> None:
    def behaviour(q: str, backend: str) -> Any:
        time.sleep(0.3)
        return [ROW]

    fake.behaviour = staticmethod(behaviour)  # type: ignore[assignment]
    monkeypatch.setattr(ddgs_module, "GRACE", 0.0)
    with pytest.raises(ProviderResponseError):
        await run_search(provider(max_queries=1, attempts=1), QUERY, timeout=0.02)


async def test_private_values_and_professional_reverse_searches(fake: type[FakeDDGS]) -> None:
    home = Address(label="home", street="Fictiefstraat", house_number="7", addition="B",
                   postcode="9999 ZZ", city="Voorbeeldstad")
    query = QUERY.model_copy(update={"phones": ["+31 6 12345678"],
                                     "private_phones": ["+31 6 12345678"],
                                     "addresses": [home]})
    # One backend: one query at a time, so calls and ledger entries pair up in order.
    _, ctx = await run_search(provider(max_queries=80, backends=["mojeek"]), query)
    sent = {c["query"]: e.fields for c, e in zip(fake.calls, ctx.ledger, strict=True)}
    for form in ('"06-12345678"', '"06 12345678"', '"+31 6 12345678"'):
        assert sent[form] == ["private_phone"]
    assert sent['"Fictiefstraat 7B" Voorbeeldstad'] == ["home_address"]
    assert sent['"9999 ZZ" 7B'] == ["home_address"]


def test_registry_ddgs_stands_by_when_another_web_search_is_ready() -> None:
    from exposure_scan.providers.searxng import SearxngProvider

    registry = Registry([DdgsProvider, SearxngProvider])
    alone = {c.cls.name: c.readiness for c in registry.configure(Config(), env={})}
    assert alone == {"ddgs": Readiness.READY, "searxng": Readiness.NEEDS_BASE_URL}
    with_searx = Config.model_validate(
        {"providers": {"searxng": {"base_url": "https://searx.example"}}})
    both = {c.cls.name: c.readiness for c in registry.configure(with_searx, env={})}
    assert both == {"ddgs": Readiness.STANDBY, "searxng": Readiness.READY}
    asked = registry.configure(with_searx, only=["ddgs", "searxng"], env={})
    assert {c.cls.name: c.readiness for c in asked}["ddgs"] is Readiness.READY
    from exposure_scan.providers.brave import BraveProvider

    with_brave = Registry([DdgsProvider, BraveProvider]).configure(
        Config(), env={"BRAVE_API_KEY": "k"})
    assert {c.cls.name: c.readiness for c in with_brave}["ddgs"] is Readiness.STANDBY


def test_a_standby_ddgs_run_is_skipped_with_the_reason() -> None:
    from exposure_scan.providers.searxng import SearxngProvider

    config = Config.model_validate(
        {"providers": {"searxng": {"base_url": "https://searx.example", "enabled": True}}})
    configured = Registry([DdgsProvider, SearxngProvider]).configure(config, env={})
    state = ScanState(profile=demo_profile(), config=config, providers=configured)
    run = {r.provider: r for r in state.finish().runs}["ddgs"]
    assert run.status is RunStatus.SKIPPED and run.reason == "another web search is configured"


def test_the_demo_world_through_a_ddgs_stand_in_finds_the_forum_post(
    fake: type[FakeDDGS], tmp_path: Path
) -> None:
    """No search configured: ddgs is the web search, and finds what the demo's SearXNG finds."""
    with DemoWorld() as world:

        def behaviour(q: str, backend: str) -> Any:
            if "Wit" not in q:
                return []
            return [{"href": world.base_url + path, "title": title, "body": snippet}
                    for path, (_, title, snippet) in PAGES.items()]

        fake.behaviour = staticmethod(behaviour)  # type: ignore[assignment]
        base = demo_config(world.base_url).model_dump()
        base["providers"] = {
            "ddgs": {"rate_limit": 50},
            "inspector": {"rate_limit": 50, "allow_hosts": ["127.0.0.1"]},
            "big_register": {"enabled": False},
        }
        config = Config.model_validate(base)
        registry = Registry.discover(include_entry_points=False)
        configured = registry.configure(config, only=["ddgs", "inspector"], env={})
        state = ScanState(profile=demo_profile(world.base_url), config=config,
                          providers=configured)
        result = asyncio.run(scan(state))
    runs = {r.provider: r for r in result.runs}
    assert runs["ddgs"].status is RunStatus.CHECKED
    assert result.findings and result.findings[0].severity is Severity.CRITICAL
    assert "forum" in result.findings[0].observation.url
    assert QueryField.HOME_ADDRESS.value not in {f for e in result.ledger for f in e.fields}


async def test_offline_is_unreachable_not_rate_limited(fake: type[FakeDDGS]) -> None:
    # Regression: offline, every backend's DNS failure was reported as "rate limited", so
    # `providers check` called ddgs reachable and never said "are you offline?".
    from exposure_scan.health import check_provider

    def behaviour(q: str, backend: str) -> Any:
        raise DDGSException("DNSError: error sending request for url (https://x/?q=Anna)")

    fake.behaviour = staticmethod(behaviour)  # type: ignore[assignment]
    fetcher, client = make_fetcher()
    ddgs = provider(backends=["yahoo", "mojeek"])
    ctx = ProviderContext(ddgs, fetcher)
    async with client:
        with pytest.raises(ProviderResponseError) as info:
            await ddgs.search(QUERY, ctx)
        health = await check_provider(ddgs, fetcher, timeout=10)
    from exposure_scan.models import RunReason

    assert info.value.reason is RunReason.NO_ENGINE_REACHED and "Anna" not in str(info.value)
    assert not health.reachable and "unreachable" in health.detail
