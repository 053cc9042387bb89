"""All outgoing HTTP goes through one `Fetcher` around one shared `httpx.AsyncClient`.

It refuses non-public addresses (also after redirects and DNS) unless the config allows an
origin for that source, spaces requests per host, retries politely (honouring Retry-After),
bounds every exchange in time and in decoded bytes, applies robots.txt to every hop of a page
fetch, and writes every request into the query ledger (fields sent, never values).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import email.utils
import functools
import ipaddress
import json
import re
import select
import socket
import time
import zlib
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urljoin, urlsplit

import brotli
import httpcore
import httpx
import idna
from protego import Protego

from exposure_scan import __version__
from exposure_scan.config import HttpSettings
from exposure_scan.errors import (
    BadStatus,
    ConnectionFailed,
    CrawlDelayTooLong,
    ParseError,
    ProviderError,
    ProviderResponseError,
    RateLimited,
    RedirectLoop,
    RequestRefused,
    RobotsDisallowed,
    TimedOut,
    TooLarge,
)
from exposure_scan.failure import failure_reason
from exposure_scan.logs import log_request, log_retry
from exposure_scan.models import LedgerEntry

if TYPE_CHECKING:
    import ssl

    from exposure_scan.provider import Provider, QueryField

USER_AGENT = (
    f"exposure-scan/{__version__} (self-scan privacy tool; "
    "+https://github.com/exposure-scan/exposure-scan)"
)
RETRY_STATUSES = frozenset({429, 503})
ACCEPT_ENCODING = "gzip, deflate, br"  # only codings decoded here, each with a bounded step
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309 §2.5: parse at least the first 500 KiB
REDIRECT_CHAIN = "redirect_chain"  # Response.extensions key: every URL requested, first to last
Resolver = Callable[[str, int], Awaitable[list[str]]]
Sleep = Callable[[float], Awaitable[None]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


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
    # As many kept alive as may be open: with fewer, pages read at loopback speed from ten
    # hosts opened a new connection for one request in two.
    limits = httpx.Limits(max_connections=20, max_keepalive_connections=20)
    if transport is None and settings.proxy:
        # The proxy makes the connections and resolves the names (socks5h://, http://);
        # the Fetcher's per-URL check (ProxiedGuard) does no DNS lookup of its own.
        transport = httpx.AsyncHTTPTransport(proxy=settings.proxy, limits=limits, trust_env=False)
    if transport is None:
        transport = GuardedTransport(guard or AddressGuard(settings.allow_hosts), limits=limits)
    return httpx.AsyncClient(
        timeout=httpx.Timeout(settings.timeout),
        follow_redirects=False,
        headers={
            "User-Agent": settings.user_agent or USER_AGENT,
            "Accept-Encoding": ACCEPT_ENCODING,
        },
        limits=limits,
        transport=transport,
        trust_env=False,
    )


# IANA special-purpose address registries (IPv4 and IPv6), as of 2025. Python 3.11's
# `is_global` misses some of them (192.0.0.0/24), so the table is explicit. A few of these
# are marked "globally reachable" by IANA (AS112, AMT anycast); a scan never needs them.
SPECIAL_V4 = tuple(
    ipaddress.IPv4Network(n)
    for n in (
        "0.0.0.0/8",  # this network
        "10.0.0.0/8",  # private
        "100.64.0.0/10",  # shared address space (carrier-grade NAT)
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link-local, cloud metadata
        "172.16.0.0/12",  # private
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # documentation (TEST-NET-1)
        "192.31.196.0/24",  # AS112-v4
        "192.52.193.0/24",  # AMT
        "192.88.99.0/24",  # deprecated 6to4 relay anycast
        "192.168.0.0/16",  # private
        "192.175.48.0/24",  # direct delegation AS112
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # documentation (TEST-NET-2)
        "203.0.113.0/24",  # documentation (TEST-NET-3)
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved
        "255.255.255.255/32",  # limited broadcast
    )
)
SPECIAL_V6 = tuple(
    ipaddress.IPv6Network(n)
    for n in (
        "::/128",  # unspecified
        "::1/128",  # loopback
        "64:ff9b:1::/48",  # local-use IPv4/IPv6 translation
        "100::/64",  # discard-only
        "2001::/23",  # IETF protocol assignments (Teredo, benchmarking, ORCHID, ...)
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation
        "5f00::/16",  # segment routing SIDs
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # deprecated site-local
        "ff00::/8",  # multicast
    )
)
# IPv6 forms that carry an IPv4 address a packet may end up at: judged by that address.
MAPPED = ipaddress.IPv6Network("::ffff:0:0/96")  # IPv4-mapped
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # well-known NAT64 prefix
SIIT = ipaddress.IPv6Network("::ffff:0:0:0/96")  # IPv4-translated (RFC 2765)
IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # deprecated
SIXTOFOUR = ipaddress.IPv6Network("2002::/16")
EMBEDDING = (MAPPED, NAT64, SIIT, IPV4_COMPATIBLE)
GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")


def is_public(ip: IPAddress) -> bool:
    """True only for an address outside every special-purpose range, embedded ones included."""
    if isinstance(ip, ipaddress.IPv4Address):
        if any(ip in net for net in SPECIAL_V4):
            return False
        return ip.is_global  # a second opinion: whatever Python knows about too
    if ip.scope_id:
        return False
    if any(ip in net for net in SPECIAL_V6):
        return False
    if any(ip in net for net in EMBEDDING):
        return is_public(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    if ip in SIXTOFOUR:
        return ip.sixtofour is not None and is_public(ip.sixtofour)
    return ip in GLOBAL_UNICAST and ip.is_global


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


@dataclass(frozen=True)
class Allowance:
    """Non-public targets one source may reach: host names or addresses on any port,
    address ranges, and origins (scheme, host, port) written as URLs."""

    hosts: frozenset[str] = frozenset()
    nets: tuple[IPNetwork, ...] = ()
    origins: frozenset[tuple[str, str, int]] = frozenset()

    @classmethod
    def parse(cls, entries: Iterable[str]) -> Allowance:
        hosts: set[str] = set()
        nets: list[IPNetwork] = []
        origins: set[tuple[str, str, int]] = set()
        for entry in entries:
            entry = entry.strip()
            if "://" in entry:
                scheme, host, port = origin_key(entry)
                origins.update((scheme, form, port) for form in host_forms(host) if form)
            elif "/" in entry:
                nets.append(ipaddress.ip_network(entry, strict=False))
            elif entry:
                hosts.update(host_forms(entry))
        return cls(frozenset(hosts), tuple(nets), frozenset(origins))

    def __or__(self, other: Allowance) -> Allowance:
        return Allowance(
            self.hosts | other.hosts, self.nets + other.nets, self.origins | other.origins
        )

    def names(self, host: str, port: int, scheme: str | None) -> bool:
        """The config names this host (on any port) or this origin."""
        if host in self.hosts:
            return True
        return any(
            h == host and p == port and (scheme is None or s == scheme)
            for s, h, p in self.origins
        )

    def covers(self, ip: IPAddress, port: int, scheme: str | None) -> bool:
        return self.names(str(ip), port, scheme) or any(ip in net for net in self.nets)


def host_forms(entry: str) -> set[str]:
    """An allow_hosts host as written (lower case) and as the guard sees it at connect
    time: an address in its canonical form ("FD00:0::5" -> "fd00::5"), a Unicode name in its
    IDNA form ("bücher.lan" -> "xn--bcher-kva.lan"). Else the entry would match nothing."""
    host = entry.strip().lower().strip("[]").rstrip(".")
    forms = {host}
    try:
        forms.add(str(ipaddress.ip_address(host)))
    except ValueError:
        with contextlib.suppress(UnicodeError):
            forms.add(host.encode("idna").decode("ascii"))
        with contextlib.suppress(idna.IDNAError):  # IDNA 2008, as httpx encodes a host
            forms.add(idna.encode(host).decode("ascii"))
    return forms


_allowance: contextvars.ContextVar[Allowance | None] = contextvars.ContextVar(
    "exposure_scan_allowance", default=None
)


class AddressGuard:
    """Refuses loopback, private, link-local, metadata and other non-public targets, except
    what the config allows for the source that is asking (see `allowance_for`)."""

    def __init__(self, allow: list[str], resolver: Resolver | None = None) -> None:
        self.general = Allowance.parse(allow)  # [http] allow_hosts: every source but pages
        self.resolver = resolver
        self._parsed: dict[tuple[tuple[str, ...], str, bool], Allowance] = {}

    @property
    def allowance(self) -> Allowance:
        return _allowance.get() or self.general

    def allowance_for(self, provider: Any) -> Allowance:
        """What `provider` may reach: its own `allow_hosts` and the origin of its configured
        base_url; other sources also get [http] allow_hosts. The page reader gets only its
        own list: a found URL must not reach an inside service allowed for an API source."""
        from exposure_scan.provider import PAGE_READER_STAGE

        hosts = tuple(getattr(provider, "allow_hosts", ()) or ())
        base = getattr(provider, "base_url", "") or ""
        reader = getattr(provider, "stage", None) == PAGE_READER_STAGE
        key = (hosts, base, reader)  # parsed once per scan, not once per request
        found = self._parsed.get(key)
        if found is None:
            own = Allowance.parse(hosts)
            if base:
                own = own | Allowance.parse([base])
            found = self._parsed[key] = own if reader else self.general | own
        return found

    @contextlib.contextmanager
    def scope(self, allowance: Allowance) -> Iterator[None]:
        """Checks made in this block (and connections opened) use `allowance`."""
        token = _allowance.set(allowance)
        try:
            yield
        finally:
            _allowance.reset(token)

    async def resolve(self, host: str, port: int) -> list[str]:
        # Looked up at call time, so the test suite can stub DNS for everything at once.
        return await (self.resolver or system_resolver)(host, port)

    async def admitted(self, host: str, port: int, scheme: str | None = None) -> list[str]:
        """The addresses of `host` this guard lets us connect to; refuses if any is not."""
        host = host.lower().rstrip(".").strip("[]")
        allowance = self.allowance
        try:
            ips: list[IPAddress] = [ipaddress.ip_address(host)]
        except ValueError:
            try:
                found = await self.resolve(host, port)
                ips = [ipaddress.ip_address(a.split("%")[0]) for a in found]
            except (OSError, ValueError) as exc:
                raise ConnectionFailed(f"could not resolve {host}") from exc
        if not ips:
            raise ConnectionFailed(f"could not resolve {host}")
        if allowance.names(host, port, scheme):
            return [str(ip) for ip in ips]
        for ip in ips:
            if not (allowance.covers(ip, port, scheme) or is_public(ip)):
                raise RequestRefused(
                    f"refused {host}: it points to a non-public address "
                    "(allow it for the source that needs it, see allow_hosts)"
                )
        return [str(ip) for ip in ips]

    async def check(self, url: str) -> None:
        try:
            parts = urlsplit(url)
            hostname = parts.hostname
        except ValueError:
            raise RequestRefused("refused a URL that cannot be read") from None
        scheme = parts.scheme.lower()
        if scheme not in {"http", "https"}:
            raise RequestRefused(f"refused {scheme or 'a'}: URL (only http and https)")
        host = (hostname or "").lower().rstrip(".")
        if not host:
            raise RequestRefused("refused a URL without a host")
        try:
            port = parts.port or _default_port(scheme)
        except ValueError:
            raise RequestRefused(f"refused {host}: the port is not a number in range") from None
        if self.allowance.names(host, port, scheme):
            return
        await self.admitted(host, port, scheme)


LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".intranet")


class ProxiedGuard(AddressGuard):
    """The guard when a proxy makes the connections: a host name is never looked up here
    (a socks5h or HTTP proxy resolves it, so the local resolver learns nothing of the scan).
    Address literals are still checked, and names that can only mean an inside host refused."""

    def __init__(self, inner: AddressGuard) -> None:
        super().__init__([], inner.resolver)
        self.general = inner.general

    async def admitted(self, host: str, port: int, scheme: str | None = None) -> list[str]:
        host = host.lower().rstrip(".").strip("[]")
        try:
            ipaddress.ip_address(host)
        except ValueError:
            inside = "." not in host or host == "localhost" or host.endswith(LOCAL_SUFFIXES)
            if inside and not self.allowance.names(host, port, scheme):
                raise RequestRefused(
                    f"refused {host}: a local name (allow it for the source that needs it, "
                    "see allow_hosts)"
                ) from None
            return [host]
        return await super().admitted(host, port, scheme)


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves and checks at connect time, then connects to the checked address itself,
    so a DNS answer that changes between the check and the connection (rebinding) cannot
    reach an inside address. TLS still verifies the certificate against the host name.
    Connections are opened in the requesting task, so the source's allowance applies."""

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
                stream = await self.inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
            else:
                return _Stream(stream, stream.get_extra_info("socket"))
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


class _Stream(httpcore.AsyncNetworkStream):
    """A connection that knows its socket. The pool asks every connection it holds whether
    the server closed it, at every request and at the end of every response; anyio answers
    through a fresh table of the socket's attributes (a getpeername call) each time, which
    cost more per page than the rest of the request."""

    def __init__(self, inner: httpcore.AsyncNetworkStream, sock: socket.socket | None) -> None:
        self.inner = inner
        self.sock = sock

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self.inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self.inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self.inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        inner = await self.inner.start_tls(ssl_context, server_hostname, timeout)
        return _Stream(inner, self.sock)  # TLS runs over the same socket

    def get_extra_info(self, info: str) -> Any:
        if info == "socket":
            return self.sock
        if info == "is_readable":
            return _readable(self.sock)
        return self.inner.get_extra_info(info)


def _readable(sock: socket.socket | None) -> bool:
    """Whether a read would return at once (for an idle connection: the server closed it).
    A socket that is gone counts as readable, as httpcore has it."""
    fd = sock.fileno() if sock is not None else -1
    if fd < 0:
        return True
    if not hasattr(select, "poll"):  # Windows
        return bool(select.select([fd], [], [], 0)[0])
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(0))


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One TLS context per process, made at the first https connection: reading the CA
    bundle takes about 20 ms, which a scan paid twice before it sent anything."""
    return httpx.create_ssl_context(trust_env=False)


class _Pool(httpcore.AsyncConnectionPool):
    def create_connection(self, origin: httpcore.Origin) -> httpcore.AsyncConnectionInterface:
        if origin.scheme == b"https" and self._ssl_context is None:
            self._ssl_context = _tls_context()
        return super().create_connection(origin)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport, with connections made by `GuardedBackend`."""

    def __init__(self, guard: AddressGuard, *, limits: httpx.Limits) -> None:
        # Not httpx's __init__: it builds a pool (and a TLS context) that this one replaces.
        self._pool = _Pool(
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(guard),
        )


class HostSpacing:
    """Keeps requests to one host at least `gap` seconds apart. Shareable across scans.

    A request claims the host's next turn (a reserved time, so queued requests line up
    instead of all passing at once), sleeps until it, and only then takes a fetch slot: no
    shared slot is held while a host's spacing runs down. `settle`, inside the slot, re-checks
    against the last real send, since a slot may come late and let the next turn catch up.
    """

    def __init__(self) -> None:
        self._turn: dict[str, float] = {}
        self._sent: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def claim(self, host: str, gap: float, sleep: Sleep) -> None:
        now = time.monotonic()
        turn = max(now, self._turn.get(host, now))
        self._turn[host] = turn + gap
        if turn > now:
            await sleep(turn - now)

    async def settle(self, host: str, gap: float, sleep: Sleep) -> None:
        # Rarely waits (the turn was claimed already), so the lock is seldom contended; it
        # records the real send time, which keeps the gap exact even if a sleep woke late.
        async with self._locks.setdefault(host, asyncio.Lock()):
            due = self._sent.get(host, float("-inf")) + gap
            now = time.monotonic()
            if due > now:
                await sleep(due - now)
            self._sent[host] = time.monotonic()


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


class _Decoder(Protocol):
    def decode(self, data: bytes, step: int) -> Iterator[bytes]: ...


class _ZlibDecoder:
    """gzip or deflate, never more than `step` bytes of output per call into zlib."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self.wbits = 16 + zlib.MAX_WBITS if coding == "gzip" else zlib.MAX_WBITS
        self.obj = zlib.decompressobj(self.wbits)
        self.started = False

    def decode(self, data: bytes, step: int) -> Iterator[bytes]:
        while not self.obj.eof:
            try:
                out = self.obj.decompress(data, step)
            except zlib.error:
                if self.coding == "deflate" and not self.started:
                    # Some servers send raw deflate without the zlib wrapper (httpx does this too).
                    self.started = True
                    self.obj = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise
            self.started = True
            data = self.obj.unconsumed_tail
            if out:
                yield out
            if len(out) < step and not data:
                return  # input used up and no output pending


class _BrotliDecoder:
    def __init__(self) -> None:
        self.obj = brotli.Decompressor()

    def decode(self, data: bytes, step: int) -> Iterator[bytes]:
        if self.obj.is_finished():
            return
        out = self.obj.process(data, output_buffer_limit=step)
        if out:
            yield out
        while not self.obj.can_accept_more_data():
            out = self.obj.process(b"", output_buffer_limit=step)
            if not out:
                return
            yield out


DECODE_STEP = 64 * 1024


def content_decoder(header: str, host: str) -> _Decoder | None:
    """The decoder for a Content-Encoding header; refuses stacked or unknown codings."""
    codings = [c.strip().lower() for c in header.split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return None
    if len(codings) > 1:
        # Each layer multiplies the size; one layer is all a real site needs.
        raise TooLarge(f"{host} sent a body compressed {len(codings)} times; not read")
    coding = codings[0]
    if coding in ("gzip", "x-gzip", "deflate"):
        return _ZlibDecoder("deflate" if coding == "deflate" else "gzip")
    if coding == "br":
        return _BrotliDecoder()
    raise ParseError(f"{host} sent a body encoded as {coding[:20]!r}, which is not read")


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


class DeadlinePassed(httpx.ReadTimeout):
    """The exchange did not end within [http] timeout; `answered`: the headers had come."""

    def __init__(self, request: httpx.Request, *, answered: bool) -> None:
        super().__init__("no complete answer in time", request=request)
        self.answered = answered


@dataclass(frozen=True)
class RobotsRules:
    """robots.txt of one origin, as read during this scan."""

    parser: Protego | None = None
    disallow_all: bool = False  # 5xx, timeout, unreachable: RFC 9309 §2.3.1.4
    crawl_delay: float = 0.0

    def allows(self, url: str, agent: str) -> bool:
        if self.disallow_all:
            return False
        return self.parser is None or bool(self.parser.can_fetch(robots_target(url), agent))


@dataclass
class _Limits:
    cap: int
    truncate: bool = False  # read up to the cap and stop (robots.txt), rather than refuse
    chain: list[str] = field(default_factory=list)


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
        self._robots: dict[tuple[str, str, int], RobotsRules] = {}
        self._robots_locks: dict[tuple[str, str, int], asyncio.Lock] = {}
        self._crawl_delay: dict[str, float] = {}  # host -> seconds asked by its robots.txt

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
        robots: bool | None = None,
    ) -> httpx.Response:
        """Send one logical request (with redirects and retries); return the final response.

        Statuses below 500 other than 429 are returned for the provider to judge, and so are
        the ones in `pass_statuses` (a SOAP fault comes as 500); 429 and other 5xx that
        persist after the retries raise. Every failure raises a ProviderError with a typed
        `part_reason`. Each exchange (connect, headers, body) ends within [http] timeout.

        `robots=True` (the default for the page reader, `Provider.stage == PAGE_READER_STAGE`)
        checks robots.txt before every hop, the first one included: a disallowed hop raises
        RobotsDisallowed and is never requested, and a Crawl-delay beyond
        [http] max_crawl_delay raises CrawlDelayTooLong.

        The response's `url` is the last hop, the one that served the content;
        `response.extensions["redirect_chain"]` lists every URL requested, first to last.
        """
        if robots is None:
            from exposure_scan.provider import PAGE_READER_STAGE

            robots = getattr(provider, "stage", None) == PAGE_READER_STAGE
        outgoing = Outgoing(method, url, params, headers, auth, json_body, content)
        limits = _Limits(self.settings.max_response_bytes)
        return await self._request(provider, outgoing, fields, pass_statuses, robots, limits)

    async def _request(
        self,
        provider: Provider,
        outgoing: Outgoing,
        fields: list[QueryField],
        pass_statuses: frozenset[int],
        robots: bool,
        limits: _Limits,
        retries: int | None = None,
    ) -> httpx.Response:
        url = outgoing.url
        rate = self.rates.get(provider.name, provider.default_rate_limit)
        retries = self.settings.retries if retries is None else retries
        attempt = 0
        while True:
            try:
                with self.guard.scope(self.guard.allowance_for(provider)):
                    response = await self._send_following(
                        provider, outgoing, fields, rate, robots, limits
                    )
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                # A body still dripping at the deadline will drip again: not retried.
                dripping = isinstance(exc, DeadlinePassed) and exc.answered
                # No connection at all (name not resolved, refused, no route): a retry would
                # wait out the host's spacing (37 s for Gravatar) to fail the same way.
                unreachable = isinstance(exc, httpx.ConnectError)
                if attempt < retries and not dripping and not unreachable:
                    attempt += 1
                    log_retry(provider.name, host_of(url), attempt, self.settings.retries,
                              failure_reason(exc))
                    await self.sleep(min(2.0**attempt, 30.0))
                    continue
                if isinstance(exc, httpx.TimeoutException):
                    raise TimedOut(
                        f"timed out after {self.settings.timeout:g} s ({host_of(url)})"
                    ) from exc
                raise ConnectionFailed(
                    f"could not connect to {host_of(url)} ({failure_reason(exc)})"
                ) from exc
            except (httpx.HTTPError, httpx.InvalidURL, zlib.error, brotli.error) as exc:
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
                if attempt < retries and wait <= self.settings.max_retry_after:
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
        self,
        provider: Provider,
        outgoing: Outgoing,
        fields: list[QueryField],
        rate: float,
        robots: bool,
        limits: _Limits,
    ) -> httpx.Response:
        first_origin = origin_of(outgoing.url)
        out = outgoing
        chain: list[str] = []
        for _ in range(self.settings.max_redirects + 1):
            await self.guard.check(out.url)
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
            if robots:
                # Before the hop is requested: a disallowed URL is never sent for.
                await self._obey_robots(provider, str(request.url))
            chain.append(str(request.url))
            response, body = await self._exchange(provider, request, out, fields, rate, limits)
            location = response.headers.get("Location")
            if response.is_redirect and location:
                out = out.redirected(urljoin(str(request.url), location), response.status_code)
                continue
            kept = [
                (k, v)
                for k, v in response.headers.multi_items()
                if k.lower() not in {"content-encoding", "content-length"}
            ]
            return httpx.Response(
                response.status_code,
                headers=kept,
                content=body,
                request=request,
                extensions={REDIRECT_CHAIN: tuple(chain)},
            )
        raise RedirectLoop(f"too many redirects from {host_of(outgoing.url)}")

    async def _exchange(
        self,
        provider: Provider,
        request: httpx.Request,
        out: Outgoing,
        fields: list[QueryField],
        rate: float,
        limits: _Limits,
    ) -> tuple[httpx.Response, bytes]:
        """One request and its whole body, within the deadline; the host's turn is claimed
        before a shared slot is taken."""
        host = request.url.host
        gap = max(1.0 / rate if rate > 0 else 0.0, self._crawl_delay.get(host, 0.0))
        await self.spacing.claim(host, gap, self.sleep)
        status: int | None = None
        failure: BaseException | None = None
        async with self._slots:
            await self.spacing.settle(host, gap, self.sleep)
            started = time.monotonic()
            try:
                # One deadline for connect, headers and body: a server dripping one byte a
                # second cannot hold a page (httpx's own timeouts are per read).
                async with asyncio.timeout(self.settings.timeout):
                    response = await self.client.send(request, auth=out.auth, stream=True)
                    status = response.status_code
                    try:
                        body = await self._read_body(response, limits)
                    finally:
                        await response.aclose()
            except TimeoutError as exc:
                failure = exc
                raise DeadlinePassed(request, answered=status is not None) from exc
            except BaseException as exc:
                failure = exc
                raise
            finally:
                entry = LedgerEntry(
                    provider=provider.name,
                    host=host_of(str(request.url)),
                    method=request.method,
                    fields=sorted({f.value for f in fields}),
                    status=status,
                )
                self.ledger.append(entry)
                log_request(entry.model_dump(), status, started, failure)
        return response, body

    async def _read_body(self, response: httpx.Response, limits: _Limits) -> bytes:
        """The decoded body, refused (or cut, for robots.txt) as soon as decoded bytes pass
        the cap. Decoding is done here, a bounded step at a time, never by httpx."""
        limit = limits.cap
        host = host_of(str(response.request.url))
        too_big = TooLarge(f"{host} sent more than {limit} bytes; not read")
        decoder = content_decoder(response.headers.get("Content-Encoding", ""), host)
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit and not limits.truncate:
            raise too_big
        try:
            body: bytes | None = response.content  # already in memory (mock transports)
        except httpx.ResponseNotRead:
            body = None
        if body is not None:
            if len(body) > limit and not limits.truncate:
                raise too_big
            return body[:limit]
        buffer = bytearray()
        raw_size = 0
        async for raw in response.aiter_raw():
            raw_size += len(raw)
            if raw_size > limit and not limits.truncate:
                raise too_big  # compressed beyond the cap: decoded it is larger still
            pieces = decoder.decode(raw, DECODE_STEP) if decoder else (raw,)
            for piece in pieces:
                if len(buffer) + len(piece) > limit:
                    if limits.truncate:
                        buffer += piece[: limit - len(buffer)]
                        return bytes(buffer)
                    raise too_big  # never a cut-short page taken as the whole page
                buffer += piece
        return bytes(buffer)

    async def _obey_robots(self, provider: Provider, url: str) -> None:
        rules = await self._robots_rules(provider, url)
        agent = self.client.headers.get("User-Agent", USER_AGENT)
        if not rules.allows(url, agent):
            raise RobotsDisallowed(f"robots.txt of {host_of(url)} disallows reading it")
        if rules.crawl_delay > self.settings.max_crawl_delay:
            raise CrawlDelayTooLong(
                f"{host_of(url)} asks for {rules.crawl_delay:g} s between requests "
                f"(more than [http] max_crawl_delay = {self.settings.max_crawl_delay:g})"
            )

    async def _robots_rules(self, provider: Provider, url: str) -> RobotsRules:
        if not self.settings.respect_robots:
            return RobotsRules()
        origin = origin_key(url)
        # One fetch per site, even when its pages are read at the same time.
        async with self._robots_locks.setdefault(origin, asyncio.Lock()):
            if origin not in self._robots:
                self._robots[origin] = rules = await self._read_robots(provider, url)
                if rules.crawl_delay:
                    host = origin[1]
                    self._crawl_delay[host] = min(
                        max(rules.crawl_delay, self._crawl_delay.get(host, 0.0)),
                        self.settings.max_crawl_delay,
                    )
        return self._robots[origin]

    async def _read_robots(self, provider: Provider, url: str) -> RobotsRules:
        parts = urlsplit(url)
        target = Outgoing("GET", f"{parts.scheme}://{parts.netloc}/robots.txt")
        try:
            # One retry at most: every page of the site waits for this answer.
            response = await self._request(
                provider,
                target,
                [],
                frozenset(),
                False,
                _Limits(ROBOTS_MAX_BYTES, True),
                retries=min(1, self.settings.retries),
            )
        except ProviderError:
            # 5xx, a timeout, no connection, refused: the site may not be read (RFC 9309).
            return RobotsRules(disallow_all=True)
        if response.status_code >= 400:
            return RobotsRules()  # 4xx: no robots.txt, everything allowed
        if response.status_code != 200:
            return RobotsRules(disallow_all=True)
        text = response.content.decode("utf-8", errors="replace")
        if len(response.content) >= ROBOTS_MAX_BYTES:
            text = text.rsplit("\n", 1)[0]  # a rule cut in half is not a rule
        parser = Protego.parse(text)
        agent = self.client.headers.get("User-Agent", USER_AGENT)
        delay = parser.crawl_delay(agent)
        return RobotsRules(parser=parser, crawl_delay=float(delay or 0.0))

    async def robots_allows(self, provider: Provider, url: str) -> bool:
        """robots.txt for our User-Agent, on the URL as it will be requested. A robots.txt
        that answers 5xx or cannot be fetched disallows; 4xx allows (RFC 9309)."""
        if not self.settings.respect_robots:
            return True
        rules = await self._robots_rules(provider, url)
        agent = self.client.headers.get("User-Agent", USER_AGENT)
        return rules.allows(url, agent)

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


def redirect_chain(response: httpx.Response) -> tuple[str, ...]:
    """Every URL requested for this response, first to last (the last served it)."""
    chain = response.extensions.get(REDIRECT_CHAIN)
    return tuple(chain) if chain else (str(response.request.url),)


_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def robots_target(url: str) -> str:
    """The URL as the server will see it, for matching robots rules: dot segments removed
    and percent-escapes of unreserved characters decoded (`/x/../%70rivate` is `/private`)."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return url
    path = _remove_dot_segments(parsed.raw_path.decode("ascii", "replace").split("?")[0])

    def unescape(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    path = re.sub(r"%([0-9A-Fa-f]{2})", unescape, path)
    query = parsed.query.decode("ascii", "replace")
    return f"{parsed.scheme}://{parsed.netloc.decode('ascii', 'replace')}{path}" + (
        f"?{query}" if query else ""
    )


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 §5.2.4."""
    out: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(out) > 1:
                out.pop()
        elif segment != ".":
            out.append(segment)
    result = "/".join(out)
    if path.endswith(("/.", "/..")):
        result += "/"
    return result if result.startswith("/") else "/" + result


def parse_json(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
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


def origin_key(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) with the scheme's default port filled in."""
    scheme, host, port = origin_of(url)
    return scheme, host.rstrip("."), port or _default_port(scheme)
