"""The contract every provider keeps, whatever its source: a failure is never "nothing found".

Server errors after the retries, a 429 that persists and timeouts are tested here for every
provider at once; each provider's own file tests its documented answers, empty results,
4xx handling, a 429 that clears, and its own shape errors.

Each provider is asked its own documented test query while every request gets the same bad
answer (respx catch-all: nothing leaves the machine)."""

from __future__ import annotations

import httpx
import pytest
import respx

from exposure_scan.errors import ParseError, ProviderError, ProviderResponseError, RateLimited
from exposure_scan.inspector import PageInspector
from exposure_scan.provider import Provider
from exposure_scan.registry import builtin_provider_classes
from tests.conftest import run_search

# ddgs does its own HTTP through its library: tests/test_providers/test_ddgs.py covers its
# failure modes with the library's own exceptions.
PROVIDERS = [
    cls for cls in builtin_provider_classes() if cls is not PageInspector and cls.name != "ddgs"
]
# The CDX server's answer for "no captures" is undocumented; an empty body is taken as none.
EMPTY_BODY_MEANS_NONE = {"wayback"}


def make(cls: type[Provider]) -> Provider:
    return cls(base_url=cls.default_base_url or "https://source.test", api_key="test-key")


def ids(cls: type[Provider]) -> str:
    return cls.name


@pytest.mark.parametrize("cls", PROVIDERS, ids=ids)
async def test_server_errors_are_failures(cls: type[Provider]) -> None:
    provider = make(cls)
    with respx.mock() as router, pytest.raises(ProviderResponseError):
        router.route().respond(502)
        await run_search(provider, provider.test_query())


@pytest.mark.parametrize("cls", PROVIDERS, ids=ids)
async def test_persistent_429_is_rate_limited(cls: type[Provider]) -> None:
    provider = make(cls)
    with respx.mock() as router, pytest.raises(RateLimited):
        router.route().respond(429, headers={"Retry-After": "1"})
        await run_search(provider, provider.test_query())


@pytest.mark.parametrize("cls", PROVIDERS, ids=ids)
async def test_timeouts_are_failures(cls: type[Provider]) -> None:
    provider = make(cls)
    with respx.mock() as router, pytest.raises(ProviderResponseError, match="timed out"):
        router.route().mock(side_effect=httpx.ReadTimeout("slow"))
        await run_search(provider, provider.test_query())


@pytest.mark.parametrize("cls", PROVIDERS, ids=ids)
@pytest.mark.parametrize("body", [b'{"surprise": [1, 2, 3]}', b"<html>maintenance</html>", b""])
async def test_an_unexpected_shape_is_never_nothing_found(cls: type[Provider], body: bytes) -> None:
    if body == b"" and cls.name in EMPTY_BODY_MEANS_NONE:
        return
    provider = make(cls)
    try:
        with respx.mock() as router:
            router.route().respond(200, content=body)
            observations, ctx = await run_search(provider, provider.test_query())
    except (ParseError, ProviderError):
        return
    # Not raising is acceptable only when the provider says what it could not check.
    assert observations or ctx.unchecked_parts, "a garbled answer was taken as 'nothing found'"
