"""allow_hosts entries the config accepts also match at connect time: an IPv6 address not in
its canonical form and a Unicode host name (compared as the guard sees them: the canonical
address, the IDNA name). Tests never connect: the resolver is stubbed."""

from __future__ import annotations

import asyncio

import pytest

from exposure_scan.config import check_allow_list
from exposure_scan.http import AddressGuard

INSIDE = {"xn--bcher-kva.lan": ["192.168.1.9"], "fd00::5": ["fd00::5"]}


async def _resolver(host: str, port: int) -> list[str]:
    return INSIDE[host]


@pytest.mark.parametrize(
    ("entry", "url", "host", "port"),
    [
        ("FD00:0::5", "http://[fd00::5]/", "fd00::5", 80),
        ("[fd00:0:0::5]", "http://[fd00::5]/", "fd00::5", 80),
        ("bücher.lan", "http://bücher.lan/", "xn--bcher-kva.lan", 80),
        ("http://[FD00:0::5]:8080", "http://[fd00::5]:8080/", "fd00::5", 8080),
        ("http://Bücher.lan:8080", "http://xn--bcher-kva.lan:8080/", "xn--bcher-kva.lan", 8080),
    ],
)
def test_an_accepted_entry_admits_its_host(entry: str, url: str, host: str, port: int) -> None:
    assert check_allow_list([entry]) == [entry]
    guard = AddressGuard([entry], resolver=_resolver)

    async def reach() -> list[str]:
        await guard.check(url)
        return await guard.admitted(host, port, "http")

    assert asyncio.run(reach())
