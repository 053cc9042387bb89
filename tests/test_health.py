from __future__ import annotations

import asyncio
from typing import ClassVar

import httpx
import respx

from exposure_scan.config import Config
from exposure_scan.health import HealthResult, check_provider, check_providers
from exposure_scan.inspector import PageInspector
from exposure_scan.models import Observation
from exposure_scan.provider import Provider, ProviderContext, Query
from exposure_scan.providers.brave import BraveProvider
from exposure_scan.providers.github import GithubProvider
from exposure_scan.providers.gravatar import GravatarProvider
from exposure_scan.providers.hibp import HibpProvider
from exposure_scan.providers.npi import NpiProvider
from exposure_scan.providers.rdap import RdapProvider
from exposure_scan.providers.wayback import WaybackProvider
from exposure_scan.registry import Registry
from tests.conftest import fixture_json, make_fetcher

MINE: list[type[Provider]] = [NpiProvider, RdapProvider, WaybackProvider, GravatarProvider,
                              GithubProvider, HibpProvider, BraveProvider]
KEYS = {"HIBP_API_KEY": "h", "BRAVE_API_KEY": "b"}
NPI = "https://npiregistry.cms.hhs.gov/api/"
BRAVE = "https://api.search.brave.com/res/v1/web/search"


async def check(classes: list[type[Provider]], env: dict[str, str] | None = None,
                transport: httpx.AsyncBaseTransport | None = None,
                timeout: float = 60.0) -> dict[str, HealthResult]:
    configured = Registry(classes).configure(Config(), env=env or {})
    fetcher, client = make_fetcher(transport)
    async with client:
        results = await check_providers(configured, fetcher, timeout=timeout)
    return {r.provider: r for r in results}


@respx.mock
async def test_a_working_keyless_provider() -> None:
    respx.get(NPI).respond(json=fixture_json("npi", "empty.json"))
    result = (await check([NpiProvider]))["npi"]
    assert (result.reachable, result.authenticated, result.parses) == (True, None, True)
    assert result.detail.startswith("ok: 0 results")


@respx.mock
async def test_a_working_key() -> None:
    respx.get(BRAVE).respond(json=fixture_json("brave", "results.json"))
    result = (await check([BraveProvider], KEYS))["brave"]
    assert (result.reachable, result.authenticated, result.parses) == (True, True, True)


@respx.mock
async def test_a_refused_key() -> None:
    respx.get(BRAVE).respond(401, json=fixture_json("brave", "token-invalid.json"))
    result = (await check([BraveProvider], KEYS))["brave"]
    assert (result.reachable, result.authenticated, result.parses) == (True, False, None)
    assert "BRAVE_API_KEY" in result.detail


@respx.mock
async def test_a_changed_format() -> None:
    respx.get(NPI).respond(json={"data": []})
    result = (await check([NpiProvider]))["npi"]
    assert (result.reachable, result.parses) == (True, False)
    assert "format changed" in result.detail


@respx.mock
async def test_server_errors_and_rate_limits_are_reachable_but_unjudged() -> None:
    respx.get(NPI).respond(503)
    respx.get(BRAVE).respond(429, headers={"Retry-After": "1"})
    results = await check([NpiProvider, BraveProvider], KEYS)
    assert (results["npi"].reachable, results["npi"].parses) == (True, None)
    assert "503" in results["npi"].detail
    assert (results["brave"].reachable, results["brave"].parses) == (True, None)
    assert results["brave"].detail.startswith("rate limited")


async def test_offline_every_provider_is_unreachable_and_nothing_escapes() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no network", request=request)

    results = await check(MINE, KEYS, httpx.MockTransport(refuse))
    assert sorted(results) == sorted(c.name for c in MINE)
    for result in results.values():
        assert result.reachable is False, result
        assert result.parses is None


async def test_offline_with_every_discovered_provider() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no network", request=request)

    classes = list(Registry.discover(include_entry_points=False))
    results = await check(classes, KEYS, httpx.MockTransport(refuse))
    assert "inspector" not in results
    assert all(not r.reachable for r in results.values())


async def test_providers_that_are_not_ready_are_not_asked() -> None:
    results = await check([HibpProvider, BraveProvider, PageInspector], {})
    assert results == {}


class Slow(Provider):
    name: ClassVar[str] = "slow"
    title: ClassVar[str] = "Slow"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        await asyncio.sleep(5)
        return []


class Broken(Provider):
    name: ClassVar[str] = "broken"
    title: ClassVar[str] = "Broken"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        raise RuntimeError("bug")


class Silent(Provider):
    name: ClassVar[str] = "silent"
    title: ClassVar[str] = "Silent"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        return []


async def test_timeouts_bugs_and_no_request_are_reported_not_raised() -> None:
    results = await check([Slow, Broken, Silent], timeout=0.05)
    assert results["slow"].reachable is False and "0.05" in results["slow"].detail
    assert results["broken"].reachable is False and "RuntimeError" in results["broken"].detail
    assert results["silent"].detail.startswith("not checked")


async def test_check_provider_directly() -> None:
    fetcher, client = make_fetcher()
    async with client:
        result = await check_provider(Broken(), fetcher)
    assert result.model_dump() == HealthResult(
        provider="broken", reachable=False, detail="unexpected error: RuntimeError: bug"
    ).model_dump()
    assert result.text("nl") == "onverwachte fout: RuntimeError: bug"
