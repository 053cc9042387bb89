"""Tor's port is SOCKS: with proxy = "socks5h://...", every connection goes through the proxy
and the scanned host names are resolved there, never by this machine's resolver."""

from __future__ import annotations

import asyncio
import socket
from typing import Any, ClassVar

import pytest

from exposure_scan.config import Config
from exposure_scan.models import Observation, RunStatus
from exposure_scan.profile import Profile
from exposure_scan.provider import Provider, ProviderContext, Query, QueryField
from exposure_scan.registry import Registry
from exposure_scan.scan import ScanState, scan

SCANNED = ("records.example", "second-source.example")


class TwoHosts(Provider):
    name: ClassVar[str] = "two_hosts"
    title: ClassVar[str] = "Asks two hosts"
    default_base_url: ClassVar[str] = f"http://{SCANNED[0]}"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        await ctx.get_json(f"http://{SCANNED[0]}/api?q=x", fields=[QueryField.NAME])
        await ctx.get_json(f"http://{SCANNED[1]}/v1/find", fields=[QueryField.NAME])
        return []


class Socks5Server:
    """A minimal SOCKS5 server on 127.0.0.1: no auth, CONNECT only; it records the address
    each CONNECT asks for and answers the tunnelled HTTP request itself (nothing goes out)."""

    def __init__(self) -> None:
        self.connects: list[tuple[int, str, int]] = []  # (address type, host, port)
        self.server: asyncio.Server | None = None

    async def start(self) -> int:
        self.server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        return int(self.server.sockets[0].getsockname()[1])

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            version, count = await reader.readexactly(2)
            await reader.readexactly(count)
            assert version == 5
            writer.write(b"\x05\x00")
            _, command, _, atype = await reader.readexactly(4)
            assert command == 1  # CONNECT
            if atype == 3:
                length = (await reader.readexactly(1))[0]
                host = (await reader.readexactly(length)).decode()
            elif atype == 1:
                host = socket.inet_ntoa(await reader.readexactly(4))
            else:
                host = socket.inet_ntop(socket.AF_INET6, await reader.readexactly(16))
            port = int.from_bytes(await reader.readexactly(2), "big")
            self.connects.append((atype, host, port))
            writer.write(b"\x05\x00\x00\x01\x7f\x00\x00\x01\x00\x00")
            while True:  # keep-alive: answer every request on this tunnel
                head = await reader.readuntil(b"\r\n\r\n")
                if not head:
                    break
                body = b'{"results": []}'
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


def test_a_scan_through_socks5h_connects_only_through_the_proxy_and_resolves_nothing(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked_up: list[str] = []
    real_getaddrinfo = socket.getaddrinfo

    def recording_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        looked_up.append(str(host))
        return real_getaddrinfo(host, *args, **kwargs)

    async def recording_resolver(host: str, port: int) -> list[str]:
        looked_up.append(host)
        raise OSError("no DNS in this test")

    monkeypatch.setattr(socket, "getaddrinfo", recording_getaddrinfo)
    monkeypatch.setattr("exposure_scan.http.system_resolver", recording_resolver)
    proxy = Socks5Server()

    async def main() -> Any:
        port = await proxy.start()
        config = Config.model_validate(
            {"http": {"retries": 0, "proxy": f"socks5h://127.0.0.1:{port}"},
             "scan": {"provider_timeout": 10}}
        )
        state = ScanState(
            profile=profile, config=config, providers=Registry([TwoHosts]).configure(config, env={})
        )
        try:
            return await scan(state)
        finally:
            assert proxy.server is not None
            proxy.server.close()

    result = asyncio.run(main())
    run = next(r for r in result.runs if r.provider == "two_hosts")
    assert run.status is RunStatus.CHECKED, run
    # Both hosts reached, each by name (address type 3): the proxy did the resolving.
    assert {(a, h) for a, h, _ in proxy.connects} == {(3, SCANNED[0]), (3, SCANNED[1])}
    assert not any(name in looked_up for name in SCANNED), looked_up


def test_socks_proxy_urls_are_accepted_and_others_refused() -> None:
    from exposure_scan.config import HttpSettings

    assert HttpSettings(proxy="socks5h://127.0.0.1:9050").proxy.startswith("socks5h")
    assert HttpSettings(proxy="socks5://127.0.0.1:9050").proxy.startswith("socks5")
    with pytest.raises(ValueError, match=r"socks5h://127\.0\.0\.1:9050"):
        HttpSettings(proxy="socks4://127.0.0.1:9050")


def test_through_a_proxy_a_local_name_is_still_refused() -> None:
    from exposure_scan.errors import RequestRefused
    from exposure_scan.http import AddressGuard, ProxiedGuard

    guard = ProxiedGuard(AddressGuard([]))
    for url in ("http://localhost/", "http://router.lan/", "http://10.0.0.1/", "http://intranet/"):
        with pytest.raises(RequestRefused):
            asyncio.run(guard.check(url))
    asyncio.run(guard.check("https://records.example/x"))  # no lookup, no refusal
