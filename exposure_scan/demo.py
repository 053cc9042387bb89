"""An embedded fictional world on 127.0.0.1 for `exposure-scan demo`: no internet needed.

It serves a SearXNG-compatible search engine, a BIG-register, a practice website, a
people-search page, a forum post exposing a home address and mobile number, a namesake
with another address, and a club's member list with the partner at the home address.
The real providers are pointed at it; only its own loopback address is allowed.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from exposure_scan import packaged
from exposure_scan.config import Config
from exposure_scan.profile import Profile

HOST = "127.0.0.1"
PAGES = {
    "/praktijk-de-linde/": (
        "practice.html",
        "Huisartsenpraktijk De Linde — Ons team",
        "Huisartsenpraktijk De Linde, Utrecht: dr. S. de Wit, huisarts.",
    ),
    "/forum/t/4711-die-huisarts": (
        "forum.html",
        "Die huisarts wilde me niet doorverwijzen",
        "Dokter Sanne de Wit van praktijk De Linde weigert ...",
    ),
    "/mensen/sanne-de-wit-utrecht": (
        "people.html",
        "Sanne de Wit (44) — Mensenzoeker",
        "Sanne de Wit, 44, Utrecht. E-mail en telefoon ...",
    ),
    "/nieuws/sanne-de-wit-wint-stadsloop": (
        "namesake.html",
        "Sanne de Wit wint stadsloop",
        "De 29-jarige Sanne de Wit uit Groningen ...",
    ),
    # The household (issue 16): the partner at the home address, a child with the city.
    "/tennis/ledenlijst": (
        "club.html",
        "Tennisvereniging De Meidoorn — Ledenlijst",
        "Ledenlijst 2026: senioren en jeugd, Utrecht ...",
    ),
}

# Pages of later versions of the world (`exposure-scan demo --world changed`): one page added.
LATER_PAGES = {
    "/buurtgids/utrecht/s-de-wit": (
        "directory.html",
        "S. de Wit, Utrecht — Buurtgids",
        "S. de Wit, Meidoornstraat ...",
    ),
}
# The worlds the demo can serve, to show what a second and third scan report.
WORLDS = ("first", "changed", "search-down")
# With a history the world keeps one address, so that its pages keep their finding IDs.
STABLE_PORT = 47231
PORT_WAIT = 20.0  # seconds to wait for STABLE_PORT while another demo holds it


def _data(name: str) -> str:
    return packaged.read_text(f"data/demo/{name}")


class _Handler(BaseHTTPRequestHandler):
    base_url: ClassVar[str] = ""
    pages: ClassVar[dict[str, tuple[str, str, str]]] = PAGES
    search_down: ClassVar[bool] = False

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet: the demo prints only report paths

    def _send(self, status: int, body: str, content_type: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/robots.txt":
            self._send(200, "User-agent: *\nAllow: /\n", "text/plain")
        elif parts.path == "/searxng/search" and self.search_down:
            self._send(503, "unavailable", "text/plain")
        elif parts.path == "/searxng/search":
            query = parse_qs(parts.query).get("q", [""])[0]
            self._send(200, json.dumps(self.search(query)), "application/json")
        elif parts.path in self.pages:
            self._send(200, _data(self.pages[parts.path][0]), "text/html; charset=utf-8")
        else:
            self._send(404, "not found", "text/plain")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        if urlsplit(self.path).path == "/big/zksrv/soap/4":
            self._send(200, _data("big-register.xml"), "text/xml; charset=utf-8")
        else:
            self._send(404, "not found", "text/plain")

    def search(self, query: str) -> dict[str, Any]:
        results = (
            [
                {
                    "url": self.base_url + path,
                    "title": title,
                    "content": snippet,
                    "engine": "demo",
                    "engines": ["demo"],
                    "score": 1.0,
                    "category": "general",
                }
                for path, (_, title, snippet) in self.pages.items()
            ]
            if "Wit" in query
            else []
        )
        return {
            "query": query,
            "number_of_results": len(results),
            "results": results,
            "answers": [],
            "corrections": [],
            "infoboxes": [],
            "suggestions": [],
            "unresponsive_engines": [],
        }


class DemoWorld:
    """`with DemoWorld() as world:` serves the fictional world until the block ends."""

    providers: ClassVar[list[str]] = ["searxng", "big_register", "inspector"]

    def __init__(self, world: str = "first", port: int = 0) -> None:
        """`world`: "first"; "changed" (the forum post removed, a directory page added);
        "search-down" (the changed world with its search engine failing)."""
        if world not in WORLDS:
            raise ValueError(f"unknown demo world {world!r}")
        pages = dict(PAGES)
        if world != "first":
            del pages["/forum/t/4711-die-huisarts"]
            pages.update(LATER_PAGES)
        handler: type[_Handler] = type(
            "DemoHandler", (_Handler,), {"pages": pages, "search_down": world == "search-down"}
        )
        # The preferred port keeps finding IDs stable across demo runs (--db compares them);
        # another demo holds it for seconds only, so wait for it before taking any port.
        deadline = time.monotonic() + (PORT_WAIT if port else 0.0)
        while True:
            try:
                self.server = ThreadingHTTPServer((HOST, port), handler)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    self.server = ThreadingHTTPServer((HOST, 0), handler)
                    break
                time.sleep(0.1)
        self.base_url = f"http://{HOST}:{self.server.server_address[1]}"
        handler.base_url = self.base_url
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> DemoWorld:
        self.thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.server.shutdown()
        self.server.server_close()


def demo_profile(base_url: str = "http://127.0.0.1") -> Profile:
    return packaged.load(Profile, "data/demo/profile.toml", fill={"{base}": base_url})


def demo_config(base_url: str) -> Config:
    return Config.model_validate(
        {
            "scan": {"concurrency": 4, "provider_timeout": 30},
            "http": {"allow_hosts": [HOST], "timeout": 5, "retries": 0},
            "report": {"language": "en"},
            "providers": {
                "searxng": {"base_url": f"{base_url}/searxng", "rate_limit": 50},
                "big_register": {"base_url": f"{base_url}/big/zksrv/soap/4", "rate_limit": 50},
                "inspector": {"rate_limit": 50, "allow_hosts": [HOST]},
            },
        }
    )


GIVEN = ("Anouk", "Bram", "Carmen", "Daan", "Esra", "Floor", "Gijs", "Hanna", "Ivo", "Jolien")


def write_demo_profiles(folder: Path, base_url: str, count: int, *,
                        without_consent: int = 0) -> list[Path]:
    """`count` fictional clinicians for a demo batch (issue 12); the last `without_consent`
    have no recorded consent. Files 0600 in a 0700 folder."""
    from exposure_scan.files import make_private_dirs, write_new

    make_private_dirs(folder)
    template = _data("profile.toml").replace("{base}", base_url)
    paths = []
    for i in range(count):
        given = f"{GIVEN[i % len(GIVEN)]}{'' if i < len(GIVEN) else i // len(GIVEN)}"
        text = template.replace('given = "Sanne"', f'given = "{given}"')
        text = text.replace('"06-12345678"', f'"06-{12345000 + i}"')
        if i < count - without_consent:
            text = ('[consent]\nby = "signed form"\ndate = 2026-01-15\n'
                    'scope = "yearly exposure scan"\n\n') + text
            # a table before the top-level keys would swallow them: move it to the end
            head, rest = text.split("\n\n", 1)
            text = rest + "\n" + head + "\n"
        path = folder / f"person-{i:04d}.toml"
        write_new(path, text.encode("utf-8"))
        paths.append(path)
    return paths
