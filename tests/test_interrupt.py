"""Ctrl-C during a scan writes a partial report, marked as partial, and exits 5."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.test_cli import write_profile


class Slow(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(20)

    def log_message(self, format: str, *args: object) -> None:
        return


def test_ctrl_c_writes_a_partial_report(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        profile = write_profile(tmp_path / "profile.toml")
        config = tmp_path / "config.toml"
        config.write_text(
            f'[http]\nallow_hosts = ["127.0.0.1"]\ntimeout = 30\n'
            f'[providers.searxng]\nbase_url = "http://127.0.0.1:{port}"\n',
            encoding="utf-8",
        )
        out = tmp_path / "out"
        env = {**os.environ, "EXPOSURE_SCAN_PROVIDERS": "searxng,inspector"}
        proc = subprocess.Popen(
            [sys.executable, "-m", "exposure_scan", "scan", "-p", str(profile), "-c",
             str(config), "--out", str(out), "--format", "json", "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        )
        time.sleep(3)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=30)
    finally:
        server.shutdown()
        server.server_close()
    assert proc.returncode == 5, stderr.decode()
    [report] = out.glob("*-partial.json")
    data = json.loads(report.read_text("utf-8"))
    assert data["partial"] is True
    run = next(r for r in data["runs"] if r["provider"] == "searxng")
    assert run["status"] == "unchecked" and "interrupted" in run["reason"]
    assert b"Traceback" not in stderr
