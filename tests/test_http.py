"""The fetcher refuses non-public targets, obeys Retry-After, caps sizes and keeps a ledger.

Refusals are tested with a mock transport and a stubbed resolver: no packet is sent to any
address, and the mock transport records that nothing reached it."""

from __future__ import annotations

import itertools

import httpcore
import httpx
import pytest

from exposure_scan.config import HttpSettings
from exposure_scan.errors import ProviderResponseError, RequestRefused
from exposure_scan.http import (
    AddressGuard,
    Fetcher,
    GuardedBackend,
    build_client,
    retry_after_seconds,
)
from exposure_scan.provider import QueryField
from exposure_scan.providers.searxng import SearxngProvider
from tests.conftest import PUBLIC_TEST_IP, no_sleep

PROVIDER = SearxngProvider(base_url="https://search.test")


def resolver_to(*ips: str):  # type: ignore[no-untyped-def]
    async def resolve(host: str, port: int) -> list[str]:
        return list(ips)

    return resolve


def fetcher_with(handler, resolve=None, **settings):  # type: ignore[no-untyped-def]
    resolve = resolve or resolver_to(PUBLIC_TEST_IP)
    http = HttpSettings(**{"retries": 1, **settings})
    client = build_client(http, httpx.MockTransport(handler))
    guard = AddressGuard(http.allow_hosts, resolve)
    return Fetcher(client, http, guard=guard, sleep=no_sleep), client


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost.test/",
        "http://10.0.0.5/",
        "http://172.16.3.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fd00::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "file:///etc/passwd",
        "gopher://example.test/",
    ],
)
async def test_non_public_targets_are_refused_before_any_request(url: str) -> None:
    sent: list[httpx.Request] = []
    fetcher, client = fetcher_with(
        lambda r: sent.append(r) or httpx.Response(200), resolve=resolver_to("127.0.0.1")
    )
    async with client:
        with pytest.raises(RequestRefused):
            await fetcher.request(PROVIDER, "GET", url, fields=[])
    assert sent == []


async def test_a_dns_name_pointing_inside_is_refused() -> None:
    sent: list[httpx.Request] = []
    fetcher, client = fetcher_with(
        lambda r: sent.append(r) or httpx.Response(200),
        resolve=resolver_to(PUBLIC_TEST_IP, "10.1.2.3"),
    )
    async with client:
        with pytest.raises(RequestRefused, match="non-public"):
            await fetcher.request(PROVIDER, "GET", "https://rebind.test/", fields=[])
    assert sent == []


async def test_a_redirect_to_the_metadata_address_is_refused() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/"})

    fetcher, client = fetcher_with(handler)
    async with client:
        with pytest.raises(RequestRefused):
            await fetcher.request(PROVIDER, "GET", "https://public.test/a", fields=[])
    assert seen == ["https://public.test/a"]


async def test_allow_list_admits_exactly_the_named_host() -> None:
    fetcher, client = fetcher_with(
        lambda r: httpx.Response(200, text="ok"),
        resolve=resolver_to("192.168.1.20"),
        allow_hosts=["searx.lan"],
    )
    async with client:
        response = await fetcher.request(PROVIDER, "GET", "http://searx.lan/", fields=[])
        assert response.text == "ok"
        with pytest.raises(RequestRefused):
            await fetcher.request(PROVIDER, "GET", "http://other.lan/", fields=[])


async def test_allow_list_range() -> None:
    guard = AddressGuard(["10.9.0.0/16"], resolver_to("10.9.1.1"))
    await guard.check("http://searx.internal/")
    with pytest.raises(RequestRefused):
        await AddressGuard(["10.9.0.0/16"], resolver_to("10.8.1.1")).check("http://x.internal/")


async def test_retry_after_is_honoured_then_gives_up_when_too_long() -> None:
    calls = 0
    waits: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(503, headers={"Retry-After": "7"})

    fetcher, client = fetcher_with(handler, retries=2)

    async def record(seconds: float) -> None:
        waits.append(seconds)

    fetcher.sleep = record
    async with client:
        with pytest.raises(ProviderResponseError, match="503"):
            await fetcher.request(PROVIDER, "GET", "https://api.test/", fields=[])
    assert calls == 3 and waits.count(7.0) == 2


async def test_response_size_cap() -> None:
    fetcher, client = fetcher_with(
        lambda r: httpx.Response(200, content=b"x" * 5000), max_response_bytes=1024
    )
    async with client:
        with pytest.raises(ProviderResponseError, match="more than 1024 bytes"):
            await fetcher.request(PROVIDER, "GET", "https://big.test/", fields=[])


async def test_ledger_records_fields_never_values() -> None:
    fetcher, client = fetcher_with(lambda r: httpx.Response(200, json={}))
    async with client:
        await fetcher.get_json(
            PROVIDER,
            "https://api.test/search",
            params={"q": "Anna de Boer"},
            fields=[QueryField.NAME],
        )
    [entry] = fetcher.ledger
    assert entry.provider == "searxng" and entry.host == "api.test"
    assert entry.fields == ["name"]
    assert "Anna" not in entry.model_dump_json()


async def test_robots_txt_is_respected() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /private/\n")
        return httpx.Response(200, text="page")

    fetcher, client = fetcher_with(handler)
    async with client:
        assert await fetcher.robots_allows(PROVIDER, "https://site.test/public/a")
        assert not await fetcher.robots_allows(PROVIDER, "https://site.test/private/b")


def test_retry_after_parsing() -> None:
    assert retry_after_seconds("12", 1.0) == 12.0
    assert retry_after_seconds(None, 3.0) == 3.0
    assert retry_after_seconds("garbage", 3.0) == 3.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", 3.0) == 0.0


class RecordingBackend(httpcore.AsyncNetworkBackend):
    """Stands in for the network: records where a connection would go, sends nothing."""

    def __init__(self) -> None:
        self.connected: list[tuple[str, int]] = []

    async def connect_tcp(self, host, port, timeout=None, local_address=None,  # type: ignore[no-untyped-def]
                          socket_options=None):
        self.connected.append((host, port))
        raise httpcore.ConnectError("recording backend: no network in tests")

    async def sleep(self, seconds: float) -> None:
        return None


async def test_connect_time_check_defeats_dns_rebinding() -> None:
    answers = iter([[PUBLIC_TEST_IP], ["10.0.0.7"]])  # checked public, then rebound inside

    async def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    guard = AddressGuard([], rebinding)
    await guard.check("https://rebind.test/")  # the early check sees a public address
    inner = RecordingBackend()
    backend = GuardedBackend(guard, inner)
    with pytest.raises(httpcore.ConnectError, match="non-public"):
        await backend.connect_tcp("rebind.test", 443)
    assert inner.connected == []


async def test_connections_go_to_the_checked_addresses_in_turn() -> None:
    inner = RecordingBackend()
    second = "151.101.65.1"
    backend = GuardedBackend(AddressGuard([], resolver_to(PUBLIC_TEST_IP, second)), inner)
    with pytest.raises(httpcore.ConnectError):
        await backend.connect_tcp("public.test", 443)
    assert inner.connected == [(PUBLIC_TEST_IP, 443), (second, 443)]


async def test_the_default_client_connects_through_the_guard() -> None:
    settings = HttpSettings(retries=0)
    client = build_client(settings, guard=AddressGuard([], resolver_to("169.254.169.254")))
    async with client:
        with pytest.raises(httpx.ConnectError, match="non-public"):
            await client.get("http://metadata.test/latest/")


async def test_keys_are_not_sent_on_to_another_host_after_a_redirect() -> None:
    seen: dict[str, httpx.Headers] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen[request.url.host] = request.headers
        if request.url.host == "api.test":
            return httpx.Response(302, headers={"Location": "https://elsewhere.test/landing"})
        return httpx.Response(200, json={})

    fetcher, client = fetcher_with(handler)
    async with client:
        await fetcher.request(PROVIDER, "GET", "https://api.test/q", fields=[],
                              headers={"X-Subscription-Token": "SECRET"},
                              auth=httpx.BasicAuth("KEY", ""))
    assert seen["api.test"]["X-Subscription-Token"] == "SECRET"
    assert "X-Subscription-Token" not in seen["elsewhere.test"]
    assert "Authorization" not in seen["elsewhere.test"]


async def test_a_body_that_does_not_decode_is_a_source_error() -> None:
    fetcher, client = fetcher_with(lambda r: httpx.Response(
        200, headers={"Content-Encoding": "gzip"}, content=b"not gzip at all"))
    async with client:
        with pytest.raises(ProviderResponseError, match="bad answer"):
            await fetcher.request(PROVIDER, "GET", "https://api.test/", fields=[])


async def test_a_port_out_of_range_is_refused() -> None:
    fetcher, client = fetcher_with(lambda r: httpx.Response(200))
    async with client:
        with pytest.raises(RequestRefused):
            await fetcher.request(PROVIDER, "GET", "https://bad.test:99999/", fields=[])


async def test_the_ledger_lists_requests_that_failed_too() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    fetcher, client = fetcher_with(handler, retries=0)
    async with client:
        with pytest.raises(ProviderResponseError):
            await fetcher.request(PROVIDER, "GET", "https://down.test/", fields=[])
    [entry] = fetcher.ledger
    assert entry.host == "down.test" and entry.status is None


async def test_pass_statuses_hand_a_server_error_body_to_the_provider() -> None:
    fetcher, client = fetcher_with(lambda r: httpx.Response(500, text="<Fault/>"))
    async with client:
        response = await fetcher.request(PROVIDER, "POST", "https://soap.test/", fields=[],
                                         pass_statuses=frozenset({500}))
    assert response.status_code == 500 and response.text == "<Fault/>"


def test_an_oversized_streamed_page_is_an_error_not_an_empty_page() -> None:
    """A real server on 127.0.0.1, streaming without Content-Length."""
    import asyncio
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Big(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(8):
                self.wfile.write(b"x" * 512)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Big)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/page"

    async def fetch() -> None:
        settings = HttpSettings(retries=0, max_response_bytes=1024, allow_hosts=["127.0.0.1"])
        guard = AddressGuard(settings.allow_hosts)
        async with build_client(settings, guard=guard) as client:
            fetcher = Fetcher(client, settings, guard=guard, sleep=no_sleep)
            await fetcher.request(PROVIDER, "GET", url, fields=[])

    try:
        with pytest.raises(ProviderResponseError, match="more than 1024 bytes"):
            asyncio.run(fetch())
    finally:
        server.shutdown()
        server.server_close()


async def test_requests_to_one_host_stay_spaced_even_after_queueing_for_a_slot() -> None:
    import asyncio
    import time

    sent: list[float] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "slow.test":
            await asyncio.sleep(0.3)
        else:
            sent.append(time.monotonic())
        return httpx.Response(200)

    settings = HttpSettings(retries=0)
    client = build_client(settings, httpx.MockTransport(handler))
    guard = AddressGuard([], resolver_to(PUBLIC_TEST_IP))
    fetcher = Fetcher(client, settings, guard=guard, concurrency=1, rates={"searxng": 5.0})
    async with client:
        await asyncio.gather(
            fetcher.request(PROVIDER, "GET", "https://slow.test/", fields=[]),
            *(fetcher.request(PROVIDER, "GET", f"https://b.test/{i}", fields=[]) for i in range(3)),
        )
    gaps = [b - a for a, b in itertools.pairwise(sent)]
    assert len(sent) == 3 and all(g >= 0.19 for g in gaps), gaps


@pytest.mark.parametrize("address", [
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "2002:a9fe:a9fe::",  # 6to4 of 169.254.169.254
    "::a9fe:a9fe",  # IPv4-compatible
    "fec0::1",  # deprecated site-local
    "2001:0:4136:e378:8000:63bf:f5ff:fffe",  # Teredo with an inside client address
])
async def test_ipv6_forms_that_carry_an_inside_address_are_refused(address: str) -> None:
    guard = AddressGuard([], resolver_to(address))
    with pytest.raises(RequestRefused):
        await guard.check("https://wrapped.test/")


async def test_a_public_ipv6_address_is_allowed() -> None:
    await AddressGuard([], resolver_to("2a00:1450:4001:80b::200e")).check("https://v6.test/")


def test_a_configured_proxy_carries_the_requests() -> None:
    client = build_client(HttpSettings(proxy="http://127.0.0.1:8118"))
    transport = client._transport  # the client's own transport, as httpx builds it
    assert isinstance(transport, httpx.AsyncHTTPTransport)
    assert type(transport).__name__ != "GuardedTransport"


async def test_robots_txt_is_fetched_once_per_site_even_for_pages_read_together() -> None:
    import asyncio

    calls: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        await asyncio.sleep(0.01)  # let the other readers run meanwhile
        return httpx.Response(200, text="User-agent: *\nAllow: /\n")

    fetcher, client = fetcher_with(handler)
    async with client:
        answers = await asyncio.gather(*(
            fetcher.robots_allows(PROVIDER, f"https://site.test/p{i}") for i in range(4)))
    assert all(answers) and calls.count("/robots.txt") == 1


@pytest.mark.parametrize("address", ["64:ff9b:1::a00:1", "::ffff:0:7f00:1", "3fff::1"])
async def test_local_nat64_translated_and_documentation_ranges_are_refused(address: str) -> None:
    with pytest.raises(RequestRefused):
        await AddressGuard([], resolver_to(address)).check("https://wrapped.test/")


async def test_a_body_is_never_sent_on_to_another_site() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.host)
        return httpx.Response(307, headers={"Location": "https://elsewhere.test/soap"})

    fetcher, client = fetcher_with(handler)
    async with client:
        with pytest.raises(ProviderResponseError, match="not followed"):
            await fetcher.request(PROVIDER, "POST", "https://soap.test/", fields=[],
                                  content=b"<Name>Voorbeeld</Name>")
    assert seen == ["soap.test"]


IANA_SPECIAL = [
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
    "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24",
    "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15",
    "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32",
    "::/128", "::1/128", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64",
    "2001::/23", "2001:db8::/32", "2002::/16", "3fff::/20", "5f00::/16", "fc00::/7",
    "fe80::/10", "fec0::/10", "ff00::/8",
]


def _inside(network: str) -> list[str]:
    """First, middle and last address of a range; embedding forms carry 10.0.0.1 or 0/8."""
    import ipaddress

    net = ipaddress.ip_network(network)
    if network in ("::ffff:0:0/96", "64:ff9b::/96"):
        return [str(net[0x0A000001]), str(net[0xA9FEA9FE]), str(net[0x7F000001])]
    if network == "2002::/16":
        return ["2002:a00:1::", "2002:a9fe:a9fe::1", "2002:7f00:1::"]
    return [str(net[0]), str(net[net.num_addresses // 2]), str(net[-1])]


@pytest.mark.parametrize("network", IANA_SPECIAL)
async def test_every_iana_special_purpose_range_is_refused(network: str) -> None:
    import ipaddress

    from exposure_scan.http import is_public

    for address in _inside(network):
        assert not is_public(ipaddress.ip_address(address)), address
        with pytest.raises(RequestRefused):
            await AddressGuard([], resolver_to(address)).check("https://special.test/")


@pytest.mark.parametrize("address", [
    "151.101.1.1", "8.8.8.8", "192.0.1.1", "192.1.0.1", "2a00:1450:4001:80b::200e",
    "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "2001:4860:4860::8888",
])
async def test_public_addresses_and_their_wrappings_are_admitted(address: str) -> None:
    await AddressGuard([], resolver_to(address)).check("https://public.test/")


async def test_an_origin_in_allow_hosts_opens_that_port_only() -> None:
    guard = AddressGuard(["http://searx.lan:8080"], resolver_to("192.168.1.5"))
    await guard.check("http://searx.lan:8080/search")
    for url in ("http://searx.lan:8081/admin", "https://searx.lan:8080/", "http://searx.lan/"):
        with pytest.raises(RequestRefused):
            await guard.check(url)


async def test_a_provider_reaches_its_configured_base_url_origin_but_pages_do_not() -> None:
    from exposure_scan.inspector import PageInspector

    guard = AddressGuard(["192.168.1.0/24"], resolver_to("192.168.1.5"))
    searx = SearxngProvider(base_url="http://searx.lan:8080/searxng")
    with guard.scope(guard.allowance_for(searx)):
        await guard.check("http://searx.lan:8080/searxng/search")
        await guard.check("http://other.lan/")  # [http] allow_hosts: for API sources
    inspector = PageInspector()
    with guard.scope(guard.allowance_for(inspector)), pytest.raises(RequestRefused):
        await guard.check("http://searx.lan:8080/searxng/search")
    inspector.allow_hosts = ("http://searx.lan:8080",)
    with guard.scope(guard.allowance_for(inspector)):
        await guard.check("http://searx.lan:8080/page")


def test_provider_allow_hosts_are_read_from_the_config() -> None:
    from exposure_scan.config import Config
    from exposure_scan.registry import Registry

    config = Config.model_validate({"providers": {
        "inspector": {"allow_hosts": ["http://wiki.lan:8080", "10.1.0.0/16"]}}})
    configured = Registry.discover(include_entry_points=False).configure(config, env={})
    [inspector] = [c for c in configured if c.cls.name == "inspector"]
    assert inspector.instance is not None
    assert inspector.instance.allow_hosts == ("http://wiki.lan:8080", "10.1.0.0/16")


@pytest.mark.parametrize("entry", ["ftp://x.lan", "http://", "http://x.lan:99999", "10.0.0.0/99"])
def test_a_bad_allow_hosts_entry_is_a_config_error(entry: str) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        HttpSettings(allow_hosts=[entry])


async def test_host_turns_are_claimed_before_fetch_slots() -> None:
    """Four hosts, five requests each (queued host by host) at 10/s, two slots: the
    politeness bound is 0.4 s. Holding slots while asleep on one host's spacing took 1.0 s."""
    import asyncio
    import time

    arrivals: dict[str, list[float]] = {}

    async def handler(request: httpx.Request) -> httpx.Response:
        arrivals.setdefault(request.url.host, []).append(time.monotonic())
        return httpx.Response(200)

    settings = HttpSettings(retries=0)
    client = build_client(settings, httpx.MockTransport(handler))
    guard = AddressGuard([], resolver_to(PUBLIC_TEST_IP))
    fetcher = Fetcher(client, settings, guard=guard, concurrency=2, rates={"searxng": 10.0})
    async with client:
        await fetcher.request(PROVIDER, "GET", "https://warm.test/", fields=[])
        started = time.monotonic()
        await asyncio.gather(*(
            fetcher.request(PROVIDER, "GET", f"https://h{h}.test/{i}", fields=[])
            for h in range(4) for i in range(5)
        ))
    wall = time.monotonic() - started
    gaps = [b - a for times in arrivals.values() for a, b in itertools.pairwise(times)]
    assert all(g >= 0.095 for g in gaps), gaps
    assert wall < 0.95, wall  # slots held while asleep took 1.0 s; loaded CI machines are slow
