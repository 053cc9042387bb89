"""Shared fixtures. No test touches the internet: HTTP goes through respx, a MockTransport,
or a server the test starts on 127.0.0.1; DNS is stubbed so nothing is resolved for real."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from exposure_scan.config import HttpSettings
from exposure_scan.http import AddressGuard, Fetcher, build_client
from exposure_scan.profile import Profile
from exposure_scan.provider import Provider, ProviderContext, Query

FIXTURES = Path(__file__).parent / "fixtures"
PUBLIC_TEST_IP = "151.101.1.1"  # never contacted: respx or a mock transport answers first


async def fake_public_resolver(host: str, port: int) -> list[str]:
    return [PUBLIC_TEST_IP]


async def no_sleep(seconds: float) -> None:
    return None


def fixture_json(*parts: str) -> Any:
    return json.loads(FIXTURES.joinpath(*parts).read_text("utf-8"))


def fixture_text(*parts: str) -> str:
    return FIXTURES.joinpath(*parts).read_text("utf-8")


def make_fetcher(
    transport: httpx.AsyncBaseTransport | None = None, **http: Any
) -> tuple[Fetcher, httpx.AsyncClient]:
    settings = HttpSettings(**{"retries": 2, "timeout": 5.0, **http})
    client = build_client(settings, transport)
    guard = AddressGuard(settings.allow_hosts, fake_public_resolver)
    return Fetcher(client, settings, guard=guard, sleep=no_sleep), client


async def run_search(
    provider: Provider, query: Query, **http: Any
) -> tuple[list[Any], ProviderContext]:
    """Run one provider's search through the real Fetcher (respx intercepts the transport)."""
    fetcher, client = make_fetcher(**http)
    async with client:
        ctx = ProviderContext(provider, fetcher)
        observations = await provider.search(query, ctx)
    return observations, ctx


async def loopback_only_resolver(host: str, port: int) -> list[str]:
    """The suite's DNS: names resolve to loopback or not at all, so nothing leaves the machine."""
    if host == "localhost":
        return ["127.0.0.1"]
    raise OSError(f"tests do not resolve {host}")


@pytest.fixture(autouse=True)
def _no_real_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("exposure_scan.http.system_resolver", loopback_only_resolver)


class OfflineDDGS:
    """Stands in for the ddgs library, which does its own HTTP: no test searches the web."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def text(self, query: str, **kwargs: Any) -> list[dict[str, str]]:
        from ddgs.exceptions import DDGSException

        raise DDGSException("tests do not reach the internet")


@pytest.fixture(autouse=True)
def _no_real_web_search(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("exposure_scan.providers.ddgs.DDGS", OfflineDDGS)


@pytest.fixture(autouse=True, scope="session")
def _isolated_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Module- and session-scoped fixtures run before the per-test isolation below: they too
    must never read or write the real user's data, config or history folders."""
    home = tmp_path_factory.mktemp("session-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(home))
        for key in list(os.environ):
            if key.startswith(("XDG_", "EXPOSURE_SCAN_")) or key.endswith(("_API_KEY", "_TOKEN")):
                patch.delenv(key, raising=False)
        yield


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No real keys, config or provider allow-list leak into a test."""
    for key in list(os.environ):
        if key.startswith(("EXPOSURE_SCAN_", "XDG_")) or key.endswith(("_API_KEY", "_TOKEN")):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


SAMPLE_PROFILE: dict[str, Any] = {
    "country": "NL",
    "role": "gp",
    "names": [
        {"given": "Anna Maria", "surname": "van der Berg"},
        {"given": "Anna Maria", "surname": "Kuiper-van der Berg"},
    ],
    "addresses": [
        {
            "label": "home",
            "street": "Fictiefstraat",
            "house_number": "7",
            "addition": "B",
            "postcode": "9999 ZZ",
            "city": "Voorbeeldstad",
        },
        {
            "label": "practice",
            "street": "Praktijkplein",
            "house_number": "1",
            "postcode": "9998 YY",
            "city": "Voorbeeldstad",
        },
    ],
    "phones": [
        {"label": "mobile", "number": "06-98765432"},
        {"label": "practice", "number": "0591-123456"},
    ],
    "emails": [
        {"label": "private", "address": "annamaria.berg@example.org"},
        {"label": "work", "address": "a.vanderberg@praktijk-voorbeeld.example"},
    ],
    "websites": ["https://praktijk-voorbeeld.example"],
}


@pytest.fixture
def profile() -> Profile:
    return Profile.model_validate(SAMPLE_PROFILE)


@pytest.fixture(autouse=True)
def _fingerprint_key_file(_isolated_env: None, tmp_path_factory: pytest.TempPathFactory,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 12: the installation's fingerprint key lives in a temporary folder in tests."""
    key = tmp_path_factory.mktemp("key") / "fingerprint.key"
    monkeypatch.setenv("EXPOSURE_SCAN_KEY_FILE", str(key))
