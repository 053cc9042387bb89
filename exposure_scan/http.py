"""All outgoing HTTP goes through one `Fetcher` around one shared `httpx.AsyncClient`.

It refuses non-public addresses (also after redirects and DNS), spaces requests per host,
retries politely (honouring Retry-After), caps response sizes, reads robots.txt for page
fetches, and writes every request into the query ledger (fields sent, never values).
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import json
import socket
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from protego import Protego

from exposure_scan import __version__
from exposure_scan.config import HttpSettings
from exposure_scan.errors import (
    BadStatus,
    ConnectionFailed,
    ParseError,
    ProviderResponseError,
    RateLimited,
    RedirectLoop,
    RequestRefused,
    TimedOut,
    TooLarge,
)
from exposure_scan.failure import failure_reason
from exposure_scan.logs import log_request, log_retry
from exposure_scan.models import LedgerEntry

if TYPE_CHECKING:
    from exposure_scan.provider import Provider, QueryField

USER_AGENT = (
    f"exposure-scan/{__version__} (self-scan privacy tool; "
    "+https://github.com/exposure-scan/exposure-scan)"
)
RETRY_STATUSES = frozenset({429, 503})
Resolver = Callable[[str, int], Awaitable[list[str]]]
Sleep = Callable[[float], Awaitable[None]]


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def build_client(
    settings: HttpSettings,
    transport: httpx.AsyncBaseTransport | None = None,
    guard: AddressGuard | None = None,
) -> httpx.AsyncClient:
    """The one client of a scan. Redirects are followed by the Fetcher, hop by hop.

    Without an injected transport, connections go through `GuardedTransport`, which checks
    the address it actually connects to.
    """
    limits = httpx.Limits(max_connections=20, max_keepalive_connections=10)
    if transport is None and settings.proxy:
        # The proxy makes the connections and resolves the names (socks5h://, http://);
        # the Fetcher's per-URL check (ProxiedGuard) does no DNS lookup of its own.
        transport = httpx.AsyncHTTPTransport(proxy=settings.proxy, limits=limits, trust_env=False)
    if transport is None:
        transport = GuardedTransport(guard or AddressGuard(settings.allow_hosts), limits=limits)
    return httpx.AsyncClient(
        timeout=httpx.Timeout(settings.timeout),
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent or USER_AGENT},
        limits=limits,
        transport=transport,
        trust_env=False,
    )


# IPv6 forms that carry an IPv4 address a packet may end up at.
NAT64 = ipaddress.ip_network("64:ff9b::/96")
LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215: local use, never public
SIIT = ipaddress.ip_network("::ffff:0:0:0/96")  # IPv4-translated (RFC 2765)
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
SITE_LOCAL = ipaddress.ip_network("fec0::/10")
NOT_PUBLIC_V6 = (
    SITE_LOCAL,
    LOCAL_NAT64,
    ipaddress.ip_network("3fff::/20"),
    ipaddress.ip_network("5f00::/16"),
)


def addresses_within(
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The address and every IPv4 address embedded in it (mapped, 6to4, Teredo, NAT64)."""
    if isinstance(ip, ipaddress.IPv4Address):
        return [ip]
    if any(ip in net for net in NOT_PUBLIC_V6):
        return [ipaddress.ip_address("::1")]  # site-local, local NAT64, documentation: inside
    out: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = [ip]
    if ip.ipv4_mapped:
        out.append(ip.ipv4_mapped)
    if ip.sixtofour:
        out.append(ip.sixtofour)
    if ip.teredo:
        out.extend(ip.teredo)
    if ip in NAT64 or ip in SIIT or (ip in IPV4_COMPATIBLE and int(ip) > 1):
        out.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return out


class AddressGuard:
    """Refuses loopback, private, link-local, metadata and other non-public targets."""

    def __init__(self, allow: list[str], resolver: Resolver | None = None) -> None:
        self.allow_hosts = {a.lower() for a in allow if "/" not in a}
        self.allow_nets = [ipaddress.ip_network(a, strict=False) for a in allow if "/" in a]
        self.resolver = resolver

    async def resolve(self, host: str, port: int) -> list[str]:
        # Looked up at call time, so the test suite can stub DNS for everything at once.
        return await (self.resolver or system_resolver)(host, port)

    def _allowed_ip(self, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        if str(ip) in self.allow_hosts or any(ip in net for net in self.allow_nets):
            return True
        return all(a.is_global and not a.is_multicast for a in addresses_within(ip))

    async def admitted(self, host: str, port: int) -> list[str]:
        """The addresses of `host` this guard lets us connect to; refuses if any is not."""
        host = host.lower().rstrip(".")
        try:
            ips = [ipaddress.ip_address(host.strip("[]"))]
        except ValueError:
            try:
                ips = [
                    ipaddress.ip_address(a.split("%")[0]) for a in await self.resolve(host, port)
                ]
            except (OSError, ValueError) as exc:
                raise ConnectionFailed(f"could not resolve {host}") from exc
        if not ips:
            raise ConnectionFailed(f"could not resolve {host}")
        if host in self.allow_hosts:
            return [str(ip) for ip in ips]
        for ip in ips:
            if not self._allowed_ip(ip):
                raise RequestRefused(
                    f"refused {host}: it points to a non-public address "
                    "(add it to [http] allow_hosts if you mean it)"
                )
        return [str(ip) for ip in ips]

    async def check(self, url: str) -> None:
        try:
            parts = urlsplit(url)
            hostname = parts.hostname
        except ValueError:
            raise RequestRefused("refused a URL that cannot be read") from None
        if parts.scheme not in {"http", "https"}:
            raise RequestRefused(f"refused {parts.scheme or 'a'}: URL (only http and https)")
        host = (hostname or "").lower().rstrip(".")
        if not host:
            raise RequestRefused("refused a URL without a host")
        if host in self.allow_hosts:
            return
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise RequestRefused(f"refused {host}: the port is not a number in range") from None
        await self.admitted(host, port)


LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".intranet")


class ProxiedGuard(AddressGuard):
    """The guard when a proxy makes the connections: a host name is never looked up here
    (a socks5h or HTTP proxy resolves it, so the local resolver learns nothing of the scan).
    Address literals are still checked, and names that can only mean an inside host refused."""

    def __init__(self, inner: AddressGuard) -> None:
        super().__init__([])
        self.allow_hosts, self.allow_nets = inner.allow_hosts, inner.allow_nets

    async def admitted(self, host: str, port: int) -> list[str]:
        host = host.lower().rstrip(".")
        try:
            ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            inside = "." not in host or host == "localhost" or host.endswith(LOCAL_SUFFIXES)
            if inside and host not in self.allow_hosts:
                raise RequestRefused(
                    f"refused {host}: a local name (add it to [http] allow_hosts if you mean it)"
                ) from None
            return [host]
        return await super().admitted(host, port)


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves and checks at connect time, then connects to the checked address itself,
    so a DNS answer that changes between the check and the connection (rebinding) cannot
    reach an inside address. TLS still verifies the certificate against the host name."""

    def __init__(self, guard: AddressGuard, inner: httpcore.AsyncNetworkBackend | None = None):
        self.guard = guard
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await self.guard.admitted(host, port)
        except (RequestRefused, ProviderResponseError) as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        failure: Exception | None = None
        for address in addresses:  # every one was checked; try them in the resolver's order
            try:
                return await self.inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not used")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport, with connections made by `GuardedBackend`."""

    def __init__(self, guard: AddressGuard, *, limits: httpx.Limits) -> None:
        super().__init__(limits=limits, trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(guard),
        )


class HostSpacing:
    """Keeps requests to one host at least 1/rate seconds apart. Shareable across scans."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._last: dict[str, float] = {}

    async def ready(self, host: str, rate: float, sleep: Sleep) -> None:
        """Wait until the host is due, without claiming the turn: called before taking a
        concurrency slot, so a slot is not held while one host's spacing runs down."""
        gap = 1.0 / rate if rate > 0 else 0.0
        due = self._last.get(host, 0.0) + gap
        now = time.monotonic()
        if due > now:
            await sleep(due - now)

    async def wait(self, host: str, rate: float, sleep: Sleep) -> None:
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            gap = 1.0 / rate if rate > 0 else 0.0
            due = self._last.get(host, 0.0) + gap
            now = time.monotonic()
            if due > now:
                await sleep(due - now)
            self._last[host] = time.monotonic()


def retry_after_seconds(value: str | None, default: float) -> float:
    if not value:
        return default
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


@dataclass(frozen=True)
class Outgoing:
    """One request as the provider asked for it; redirects derive new ones from it."""

    method: str
    url: str
    params: dict[str, Any] | None = None
    headers: dict[str, str] | None = None
    auth: httpx.BasicAuth | None = None
    json_body: Any = None
    content: bytes | None = None

    def without_credentials(self) -> Outgoing:
        return replace(self, headers=None, auth=None)

    def redirected(self, url: str, status: int) -> Outgoing:
        if status in (301, 302, 303):
            method = "GET" if status == 303 or self.method == "POST" else self.method
            return replace(self, url=url, params=None, method=method, json_body=None, content=None)
        return replace(self, url=url, params=None)


class Fetcher:
    def __init__(
        self,
        client: httpx.AsyncClient,
        settings: HttpSettings,
        *,
        guard: AddressGuard | None = None,
        spacing: HostSpacing | None = None,
        rates: dict[str, float] | None = None,
        concurrency: int = 8,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.client = client
        self.settings = settings
        guard = guard or AddressGuard(settings.allow_hosts)
        # Through a proxy, names resolve at the proxy: never looked up here (no DNS leak).
        self.guard = ProxiedGuard(guard) if settings.proxy else guard
        self.spacing = spacing or HostSpacing()
        self.rates = rates or {}
        self.sleep = sleep
        self.ledger: list[LedgerEntry] = []
        self._slots = asyncio.Semaphore(concurrency)
        self._robots: dict[str, Protego | None] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}

    async def request(
        self,
        provider: Provider,
        method: str,
        url: str,
        *,
        fields: list[QueryField],
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        auth: httpx.BasicAuth | None = None,
        json_body: Any = None,
        content: bytes | None = None,
        pass_statuses: frozenset[int] = frozenset(),
    ) -> httpx.Response:
        """Send one logical request (with redirects and retries); return the final response.

        Statuses below 500 other than 429 are returned for the provider to judge, and so are
        the ones in `pass_statuses` (a SOAP fault comes as 500); 429 and other 5xx that
        persist after the retries raise. Every failure raises a ProviderError.
        """
        rate = self.rates.get(provider.name, provider.default_rate_limit)
        outgoing = Outgoing(method, url, params, headers, auth, json_body, content)
        attempt = 0
        while True:
            try:
                response = await self._send_following(provider, outgoing, fields, rate)
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                if attempt < self.settings.retries:
                    attempt += 1
                    log_retry(provider.name, host_of(url), attempt, self.settings.retries,
                              failure_reason(exc))
                    await self.sleep(min(2.0**attempt, 30.0))
                    continue
                if isinstance(exc, httpx.TimeoutException):
                    raise TimedOut(f"timed out ({host_of(url)})") from exc
                raise ConnectionFailed(
                    f"could not connect to {host_of(url)} ({failure_reason(exc)})"
                ) from exc
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                # A body that does not decode, a URL httpx refuses: the source, not "nothing".
                raise ProviderResponseError(
                    f"bad answer from {host_of(url)} ({type(exc).__name__})"
                ) from exc
            status = response.status_code
            if status in pass_statuses:
                return response
            if status in RETRY_STATUSES or status >= 500:
                wait = retry_after_seconds(
                    response.headers.get("Retry-After"), 2.0 ** (attempt + 1)
                )
                if attempt < self.settings.retries and wait <= self.settings.max_retry_after:
                    attempt += 1
                    log_retry(provider.name, host_of(url), attempt, self.settings.retries,
                              f"HTTP {status}")
                    await self.sleep(wait)
                    continue
                if status == 429:
                    raise RateLimited(f"rate limited by {host_of(url)} (HTTP 429)")
                raise BadStatus(f"{host_of(url)} answered HTTP {status}")
            return response

    async def _send_following(
        self, provider: Provider, outgoing: Outgoing, fields: list[QueryField], rate: float
    ) -> httpx.Response:
        first_origin = origin_of(outgoing.url)
        out = outgoing
        for _ in range(self.settings.max_redirects + 1):
            await self.guard.check(out.url)
            host = host_of(out.url)
            if origin_of(out.url) != first_origin:
                # Keys, credentials and a request body (which may carry profile fields) are
                # for the source that was asked, not for wherever it redirects to.
                if out.content is not None or out.json_body is not None:
                    raise ProviderResponseError(
                        f"{host_of(outgoing.url)} redirected a request with a body to "
                        f"{host_of(out.url)}; not followed"
                    )
                out = out.without_credentials()
            request = self.client.build_request(
                out.method,
                out.url,
                params=out.params,
                headers=out.headers,
                json=out.json_body,
                content=out.content,
            )
            entry = {
                "provider": provider.name,
                "host": host,
                "method": out.method,
                "fields": sorted({f.value for f in fields}),
            }
            await self.spacing.ready(host, rate, self.sleep)
            async with self._slots:
                # Claimed inside the slot: the time recorded is when the request really goes.
                await self.spacing.wait(host, rate, self.sleep)
                started = time.monotonic()
                try:
                    response = await self.client.send(request, auth=out.auth, stream=True)
                except BaseException as exc:
                    self.ledger.append(LedgerEntry(**entry, status=None))
                    log_request(entry, None, started, exc)
                    raise
                self.ledger.append(LedgerEntry(**entry, status=response.status_code))
                log_request(entry, response.status_code, started)
                try:
                    body = await self._read_capped(response)
                finally:
                    await response.aclose()
            kept = [
                (k, v)
                for k, v in response.headers.multi_items()
                if k.lower() not in {"content-encoding", "content-length"}
            ]
            final = httpx.Response(
                response.status_code, headers=kept, content=body, request=request
            )
            location = response.headers.get("Location")
            if response.is_redirect and location:
                out = out.redirected(urljoin(str(request.url), location), response.status_code)
                continue
            return final
        raise RedirectLoop(f"too many redirects from {host_of(outgoing.url)}")

    async def _read_capped(self, response: httpx.Response) -> bytes:
        limit = self.settings.max_response_bytes
        host = host_of(str(response.request.url))
        too_big = TooLarge(f"{host} sent more than {limit} bytes; not read")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise too_big
        try:
            body: bytes | None = response.content  # already in memory (mock transports)
        except httpx.ResponseNotRead:
            body = None
        if body is None:
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    raise too_big  # never a cut-short page taken as the whole page
                chunks.append(chunk)
            body = b"".join(chunks)
        if len(body) > limit:
            raise too_big
        return body

    async def get_json(
        self, provider: Provider, url: str, *, fields: list[QueryField], **kwargs: Any
    ) -> tuple[int, Any]:
        """(status, parsed body). An error status may come with a body that is not JSON: None."""
        response = await self.request(provider, "GET", url, fields=fields, **kwargs)
        if response.status_code >= 400:
            try:
                return response.status_code, parse_json(response)
            except ParseError:
                return response.status_code, None
        return response.status_code, parse_json(response)

    async def get_text(
        self, provider: Provider, url: str, *, fields: list[QueryField], **kwargs: Any
    ) -> tuple[int, str]:
        response = await self.request(provider, "GET", url, fields=fields, **kwargs)
        return response.status_code, response.text

    async def robots_allows(self, provider: Provider, url: str) -> bool:
        """robots.txt for our User-Agent; an unreadable robots.txt allows (as crawlers do)."""
        if not self.settings.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        # One fetch per site, even when its pages are read at the same time.
        async with self._robots_locks.setdefault(origin, asyncio.Lock()):
            if origin not in self._robots:
                parser: Protego | None = None
                try:
                    response = await self.request(
                        provider, "GET", origin + "/robots.txt", fields=[]
                    )
                    if response.status_code == 200:
                        parser = Protego.parse(response.text)
                except (ProviderResponseError, RequestRefused):
                    parser = None
                self._robots[origin] = parser
        parser = self._robots[origin]
        agent = self.client.headers.get("User-Agent", USER_AGENT)
        return True if parser is None else bool(parser.can_fetch(url, agent))


def parse_json(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParseError(
            f"{host_of(str(response.request.url))} did not answer with JSON "
            f"(HTTP {response.status_code})"
        ) from exc


def host_of(url: str) -> str:
    """The host of a URL, or "" when it cannot be read (never raises)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def origin_of(url: str) -> tuple[str, str, int | None]:
    try:
        parts = urlsplit(url)
        return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port
    except ValueError:
        return "", "", None
