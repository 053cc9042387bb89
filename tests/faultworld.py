"""The fault world: a loopback HTTP server whose every path answers with one fault.

Reusable by tests (the `fault_world` fixture) and by `bench/`. It listens on 127.0.0.1 only;
"private" and "metadata" targets are stood in for by a second loopback server (the sink, on
a port no allow-list names) and by names that `stub_resolver` maps to inside addresses, which
the guard refuses before connecting. No packet leaves loopback.

    with FaultWorld() as world:
        world.url("/gzip-bomb")   # http://127.0.0.1:<port>/gzip-bomb
        world.log                 # paths requested, in order
        world.sink_log            # paths the sink received (should stay empty)
"""

from __future__ import annotations

import functools
import json
import socket
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import brotli
import pytest  # for the fixture; bench/ runs with the test extra installed

MiB = 1 << 20
HOST = "127.0.0.1"
INSIDE = {  # names the stub resolver sends inside; the guard must refuse them unconnected
    "metadata.fault.test": "169.254.169.254",
    "router.fault.test": "192.168.1.1",
    "ietf.fault.test": "192.0.0.8",
    "ula.fault.test": "fd00::1",
}
PAYLOAD = (
    "<html><head><title>Payload</title><script>alert(1)</script></head><body>"
    '<iframe src="javascript:alert(2)"></iframe><img src=x onerror="alert(3)">'
    "<p>Sanne de Wit</p></body></html>"
)

# Paths a page reader may meet; /search lists them (a SearXNG stand-in at base_url).
PAGE_FAULTS = (
    "/ok", "/hang", "/drip", "/429", "/500", "/503", "/reset", "/wrong-type", "/huge",
    "/huge-declared", "/gzip-bomb", "/gzip-gzip-bomb", "/br-bomb", "/br-gzip-bomb", "/loop",
    "/to-sink", "/to-metadata", "/to-private-literal", "/invalid-utf8", "/utf16",
    "/deep-nesting", "/payload", "/private/page", "/redirect?to=/private/hop", "/gzip-page",
    "/unknown-coding",
)


async def stub_resolver(host: str, port: int) -> list[str]:
    """DNS for the fault world: loopback names, inside stand-ins, nothing real."""
    if host in ("localhost", "fault.test"):
        return [HOST]
    if host in INSIDE:
        return [INSIDE[host]]
    raise OSError(f"the fault world does not resolve {host}")


def gzip_bomb(decoded: int = 1024 * MiB) -> bytes:
    """A gzip body of `decoded` zero bytes (1 GiB is about 1 MB on the wire), built in
    well under a second: after a full flush each MiB of zeros compresses to the same block."""
    return _gzip_bomb(max(1, decoded // MiB))


@functools.cache
def _gzip_bomb(blocks: int) -> bytes:
    zeros = bytes(MiB)
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflater.compress(zeros) + deflater.flush(zlib.Z_FULL_FLUSH)
    repeat = deflater.compress(zeros) + deflater.flush(zlib.Z_FULL_FLUSH)
    final = deflater.flush()
    crc = 0
    for _ in range(blocks):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (blocks * MiB) & 0xFFFFFFFF)
    return header + first + repeat * (blocks - 1) + final + trailer


def brotli_bomb(decoded: int = 1024 * MiB) -> bytes:
    return _brotli_bomb(max(1, decoded // MiB))


@functools.cache
def _brotli_bomb(blocks: int) -> bytes:
    compressor = brotli.Compressor(quality=1)  # fast to build; still ~5000:1
    zeros = bytes(MiB)
    out = [compressor.process(zeros) for _ in range(blocks)]
    return b"".join(out) + compressor.finish()


def gzip_of(data: bytes) -> bytes:
    deflater = zlib.compressobj(9, zlib.DEFLATED, 31)
    return deflater.compress(data) + deflater.flush()


@dataclass
class Robots:
    """What /robots.txt answers: a body and status, or a hang, or a huge body."""

    text: str = "User-agent: *\nDisallow: /private/\n"
    status: int = 200
    hang: bool = False
    pad_to: int = 0  # grow the body to this size with comment lines, rules first and last


@dataclass
class Hit:
    path: str
    at: float
    headers: dict[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    world: ClassVar[FaultWorld]

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        world = self.world
        world.log.append(Hit(self.path, time.monotonic(), dict(self.headers.items())))
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        custom = world.routes.get(parts.path)
        name = parts.path.strip("/").replace("-", "_").replace(".", "_")
        route = getattr(self, "route_" + name, None)
        if parts.path.startswith(("/private/", "/page/")):
            route = self.route_page
        try:
            if custom is not None:
                custom(self, query)
            elif route is not None:
                route(query)
            else:
                self.send_body(404, b"not here", "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up: that is the point of most faults

    # helpers -------------------------------------------------------------------------
    def send_body(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send_body(status, b"", headers={"Location": location})

    def stream(self, chunks: Iterator[bytes], headers: dict[str, str]) -> None:
        """A body without Content-Length, ended by closing the connection."""
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        for chunk in chunks:
            if self.world.stopping.is_set():
                return
            self.wfile.write(chunk)
            self.wfile.flush()

    # routes --------------------------------------------------------------------------
    def route_ok(self, q: dict[str, str]) -> None:
        self.send_body(200, b"<html><title>OK</title><p>Sanne de Wit</p></html>")

    def route_page(self, q: dict[str, str]) -> None:
        self.send_body(200, f"<html><title>{self.path}</title><p>page</p></html>".encode())

    def route_json(self, q: dict[str, str]) -> None:
        self.send_body(200, b'{"results": []}', "application/json")

    def route_truncated_json(self, q: dict[str, str]) -> None:
        self.send_body(200, b'{"results": [{"url": "http://a.test/", "tit', "application/json")

    def route_malformed_json(self, q: dict[str, str]) -> None:
        self.send_body(200, b"{results: ]", "application/json")

    def route_deep_json(self, q: dict[str, str]) -> None:
        depth = int(q.get("depth", "100000"))
        self.send_body(200, b"[" * depth + b"]" * depth, "application/json")

    def route_wrong_type(self, q: dict[str, str]) -> None:
        self.send_body(200, b"<html><p>a page that says it is a picture</p></html>", "image/png")

    def route_hang(self, q: dict[str, str]) -> None:
        self.world.stopping.wait(float(q.get("for", "60")))

    def route_drip(self, q: dict[str, str]) -> None:
        interval = float(q.get("every", "1"))

        def drip() -> Iterator[bytes]:
            yield b"<html>"
            for _ in range(int(q.get("bytes", "600"))):
                if self.world.stopping.wait(interval):
                    return
                yield b"x"

        self.stream(drip(), {"Content-Type": "text/html"})

    def route_429(self, q: dict[str, str]) -> None:
        self.send_body(429, b"slow down", "text/plain", {"Retry-After": q.get("after", "1")})

    def route_500(self, q: dict[str, str]) -> None:
        self.send_body(500, b"oops", "text/plain")

    def route_503(self, q: dict[str, str]) -> None:
        self.send_body(503, b"later", "text/plain", {"Retry-After": q.get("after", "1")})

    def route_reset(self, q: dict[str, str]) -> None:
        # SO_LINGER 0: close() sends a TCP reset instead of a clean end.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def route_huge(self, q: dict[str, str]) -> None:
        size = int(q.get("mb", "50")) * MiB
        chunk = b"x" * (64 * 1024)
        self.stream(
            (chunk for _ in range(size // len(chunk))), {"Content-Type": "text/html"}
        )

    def route_huge_declared(self, q: dict[str, str]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(50 * MiB))
        self.end_headers()
        self.close_connection = True  # nothing more is sent: the header alone must refuse it

    def _bomb(self, body: bytes, coding: str) -> None:
        self.stream(
            (body[i : i + 64 * 1024] for i in range(0, len(body), 64 * 1024)),
            {"Content-Type": "text/html", "Content-Encoding": coding},
        )

    def route_gzip_bomb(self, q: dict[str, str]) -> None:
        self._bomb(gzip_bomb(int(q.get("mb", "1024")) * MiB), "gzip")

    def route_gzip_gzip_bomb(self, q: dict[str, str]) -> None:
        self._bomb(gzip_of(gzip_bomb(int(q.get("mb", "1024")) * MiB)), "gzip, gzip")

    def route_br_bomb(self, q: dict[str, str]) -> None:
        self._bomb(brotli_bomb(int(q.get("mb", "1024")) * MiB), "br")

    def route_br_gzip_bomb(self, q: dict[str, str]) -> None:
        self._bomb(gzip_of(brotli_bomb(int(q.get("mb", "1024")) * MiB)), "br, gzip")

    def route_gzip_page(self, q: dict[str, str]) -> None:
        body = gzip_of(b"<html><title>Small</title><p>" + b"Sanne " * 1000 + b"</p></html>")
        self.send_body(200, body, headers={"Content-Encoding": "gzip"})

    def route_unknown_coding(self, q: dict[str, str]) -> None:
        self.send_body(200, b"\x00\x01", headers={"Content-Encoding": "compress"})

    def route_loop(self, q: dict[str, str]) -> None:
        self.redirect("/loop-back")

    def route_loop_back(self, q: dict[str, str]) -> None:
        self.redirect("/loop")

    def route_redirect(self, q: dict[str, str]) -> None:
        self.redirect(q.get("to", "/ok"), int(q.get("status", "302")))

    def route_to_sink(self, q: dict[str, str]) -> None:
        self.redirect(self.world.sink_url + "/secret")

    def route_to_metadata(self, q: dict[str, str]) -> None:
        self.redirect(f"http://metadata.fault.test:{self.world.port}/latest/meta-data/")

    def route_to_private_literal(self, q: dict[str, str]) -> None:
        self.redirect("http://10.0.0.5/admin")

    def route_invalid_utf8(self, q: dict[str, str]) -> None:
        self.send_body(200, b"<html><p>Sanne \xff\xfe de \xc3\x28 Wit</p></html>")

    def route_utf16(self, q: dict[str, str]) -> None:
        body = "\ufeff<html><p>Sanne de Wit, Meidoornstraat 23</p></html>".encode("utf-16-le")
        self.send_body(200, body, "text/html")

    def route_deep_nesting(self, q: dict[str, str]) -> None:
        depth = int(q.get("depth", "3000"))
        body = '<div class="vcard"><span class="fn">Sanne de Wit</span>' * depth + "</div>" * depth
        self.send_body(200, f"<html><body>{body}</body></html>".encode())

    def route_payload(self, q: dict[str, str]) -> None:
        self.send_body(200, PAYLOAD.encode())

    def route_search(self, q: dict[str, str]) -> None:
        """A SearXNG-shaped answer listing every fault page, for scan-level tests."""
        results = [
            {"url": self.world.url(p), "title": f"Sanne de Wit {p}", "content": "Sanne de Wit"}
            for p in self.world.search_results
        ]
        self.send_body(200, json.dumps({"results": results}).encode(), "application/json")

    def route_robots_txt(self, q: dict[str, str]) -> None:
        robots = self.world.robots
        if robots.hang:
            self.world.stopping.wait(60)
            return
        body = robots.text
        if robots.pad_to:
            filler = "# " + "-" * 70 + "\n"
            body += filler * (robots.pad_to // len(filler)) + "Disallow: /tail-rule/\n"
        self.send_body(robots.status, body.encode(), "text/plain")


class _SinkHandler(BaseHTTPRequestHandler):
    """Stands in for a private or metadata address: it must never be asked anything."""

    protocol_version = "HTTP/1.1"
    log: ClassVar[list[str]]

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        self.log.append(self.path)
        body = b"secret"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class FaultWorld:
    """A loopback server with one fault per path, and a sink no request may reach."""

    def __init__(self, *, robots: Robots | None = None, host: str = HOST) -> None:
        self.robots = robots or Robots()
        self.log: list[Hit] = []
        self.sink_log: list[str] = []
        self.routes: dict[str, Any] = {}  # path -> function(handler, query): extra faults
        self.search_results: list[str] = list(PAGE_FAULTS)  # what /search lists
        self.stopping = threading.Event()
        handler = type("FaultHandler", (_Handler,), {"world": self})
        sink = type("SinkHandler", (_SinkHandler,), {"log": self.sink_log})
        if not host.startswith("127."):
            raise ValueError("the fault world listens on loopback only")
        self.server = ThreadingHTTPServer((host, 0), handler)
        self.sink = ThreadingHTTPServer((host, 0), sink)
        for server in (self.server, self.sink):
            server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.host = host
        self.base_url = f"http://{host}:{self.port}"
        self.sink_url = f"http://{host}:{self.sink.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + path

    @property
    def paths(self) -> list[str]:
        return [hit.path for hit in self.log]

    def __enter__(self) -> FaultWorld:
        for server in (self.server, self.sink):
            threading.Thread(target=server.serve_forever, daemon=True).start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stopping.set()  # ends hangs and drips
        for server in (self.server, self.sink):
            server.shutdown()
            server.server_close()


@pytest.fixture
def fault_world() -> Iterator[FaultWorld]:
    with FaultWorld() as world:
        yield world

