"""Ctrl-C or SIGTERM during a scan writes a partial report, marked as partial, keeps what
was already found, and exits 5."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx
import pytest

from exposure_scan.config import Config
from exposure_scan.models import Observation, RunStatus
from exposure_scan.outcome import ExitCode, exit_code_for
from exposure_scan.profile import Profile
from exposure_scan.provider import Provider, ProviderContext, Query
from exposure_scan.registry import Registry
from exposure_scan.scan import ScanState, run_scan
from tests.conftest import fake_public_resolver
from tests.test_cli import write_profile

HOME_PAGE = (
    "<html><head><title>Forum</title></head><body><p>Anna Maria van der Berg woont op "
    "Fictiefstraat 7B, 9999 ZZ Voorbeeldstad. Bel 06-98765432.</p></body></html>"
)


class World(BaseHTTPRequestHandler):
    """A search engine whose hits are one quick page with the home address and one page
    that never answers; `requested` records the paths asked for."""

    requested: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        type(self).requested.append(path)
        if path == "/robots.txt":
            self._send(200, "User-agent: *\nAllow: /\n", "text/plain")
        elif path == "/searxng/search":
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            hits = [{"url": f"{base}{p}", "title": p, "content": "", "engine": "x",
                     "engines": ["x"]} for p in ("/read", "/hang")]
            self._send(200, json.dumps({"query": "", "results": hits,
                                        "unresponsive_engines": []}), "application/json")
        elif path == "/read":
            self._send(200, HOME_PAGE, "text/html; charset=utf-8")
        else:
            time.sleep(20)

    def _send(self, status: int, body: str, content_type: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        return


def scan_and_stop(
    tmp_path: Path, signum: int, *, ready: str
) -> tuple[subprocess.Popen[bytes], bytes, Path]:
    handler = type("Handler", (World,), {"requested": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        profile = write_profile(tmp_path / "profile.toml")
        config = tmp_path / "config.toml"
        config.write_text(
            f'[http]\nallow_hosts = ["127.0.0.1"]\ntimeout = 30\nretries = 0\n'
            f'[scan]\nprovider_timeout = 60\n'
            f'[providers.searxng]\nbase_url = "http://127.0.0.1:{port}/searxng"\n'
            f'rate_limit = 50\n[providers.inspector]\nrate_limit = 50\n'
            f'allow_hosts = ["127.0.0.1"]\n',
            encoding="utf-8",
        )
        out = tmp_path / "out"
        spool_home = tmp_path / "tmp"  # the scan's spool of page texts would be left here
        spool_home.mkdir()
        env = {**os.environ, "EXPOSURE_SCAN_PROVIDERS": "searxng,inspector",
               "TMPDIR": str(spool_home)}
        proc = subprocess.Popen(
            [sys.executable, "-m", "exposure_scan", "scan", "-p", str(profile), "-c",
             str(config), "--out", str(out), "--format", "json", "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        )
        deadline = time.monotonic() + 20
        while ready not in handler.requested and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1)  # the page that answered is read and matched meanwhile
        proc.send_signal(signum)
        _, stderr = proc.communicate(timeout=30)
    finally:
        server.shutdown()
        server.server_close()
    return proc, stderr, out


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_page_read_before_the_stop_is_in_the_partial_report(
    tmp_path: Path, signum: int
) -> None:
    proc, stderr, out = scan_and_stop(tmp_path, signum, ready="/hang")
    assert proc.returncode == 5, stderr.decode()
    assert not list((tmp_path / "tmp").iterdir())  # the spool went with the scan
    assert b"Traceback" not in stderr
    assert (b"SIGTERM" in stderr) is (signum == signal.SIGTERM)
    [report] = out.glob("*-partial.json")
    data = json.loads(report.read_text("utf-8"))
    assert data["partial"] is True
    searxng = next(r for r in data["runs"] if r["provider"] == "searxng")
    assert searxng["status"] == "checked"
    inspector = next(r for r in data["runs"] if r["provider"] == "inspector")
    assert inspector["status"] == "interrupted" and inspector["observations"] == 1
    assert any(p["reason"] == "interrupted" for p in inspector["unchecked_parts"])
    top = data["findings"][0]
    assert top["observation"]["url"].endswith("/read") and top["severity"] == "critical"
    labels = {(m["field"], m["label"]) for m in top["matches"]}
    assert {("address", "home"), ("phone", "mobile")} <= labels


class StopsItself(Provider):
    """Keeps one post, then sends the scan SIGTERM and hangs, as a `timeout` would."""

    name: ClassVar[str] = "stopsitself"
    title: ClassVar[str] = "Stops the scan"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        ctx.keep(Observation(provider=self.name, url="https://forum.test/t/9",
                             text="Anna Maria van der Berg, Fictiefstraat 7B, 9999 ZZ "
                                  "Voorbeeldstad"))
        # Never kill the test run: send it only when the scan has a handler in place.
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, signal.SIG_IGN, None)
        signal.raise_signal(signal.SIGTERM)
        await asyncio.sleep(30)
        return []


@pytest.mark.parametrize("loop_api", [True, False], ids=["loop-handler", "signal-module"])
def test_sigterm_in_process_keeps_what_was_found(
    profile: Profile, monkeypatch: pytest.MonkeyPatch, loop_api: bool
) -> None:
    if not loop_api:  # as on Windows: the loop has no signal handlers
        def unsupported(*args: object) -> None:
            raise NotImplementedError

        monkeypatch.setattr(asyncio.unix_events._UnixSelectorEventLoop,
                            "add_signal_handler", unsupported)
    before = signal.getsignal(signal.SIGTERM)
    config = Config.model_validate({"scan": {"provider_timeout": 20}})
    state = ScanState(profile=profile, config=config,
                      providers=Registry([StopsItself]).configure(config, env={}))
    result = asyncio.run(run_scan(state, transport=httpx.MockTransport(
        lambda r: httpx.Response(200)), resolver=fake_public_resolver))
    assert signal.getsignal(signal.SIGTERM) == before
    assert result.partial and state.stopped_by == "SIGTERM"
    [only] = result.runs
    assert only.status is RunStatus.INTERRUPTED and only.observations == 1
    assert result.findings and result.findings[0].severity.value == "critical"
    assert exit_code_for(result) is ExitCode.INTERRUPTED
