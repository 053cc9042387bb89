"""Notifications: a JSON webhook and SMTP mail, each against a loopback server the test
starts. No message may carry a name, address, phone, email or URL of a finding."""

from __future__ import annotations

import json
import socketserver
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from typer.testing import CliRunner

from exposure_scan.audit import Problem, ProblemKind
from exposure_scan.audit_cli import audit_exit_code
from exposure_scan.config import NotifySettings
from exposure_scan.models import ScanResult
from exposure_scan.notify import notice_for, send, text_of
from exposure_scan.outcome import ExitCode
from tests.test_history import _demo

runner = CliRunner()
PRIVATE = ["Sanne", "de Wit", "Meidoornstraat", "3531", "06-12345678", "12345678",
           "sanne.dewit", "example.org", "praktijkdelinde", "Lindelaan", "127.0.0.1:47231",
           "forum", "mensen", "buurtgids", "http://", "https://"]


class _Hook(BaseHTTPRequestHandler):
    received: ClassVar[list[bytes]] = []

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_POST(self) -> None:
        self.received.append(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(204)
        self.end_headers()


class _Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: EHLO, MAIL, RCPT, DATA, QUIT."""

    messages: ClassVar[list[str]] = []

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 loopback ESMTP")
        while True:
            line = self.rfile.readline().decode().strip()
            verb = line[:4].upper()
            if not line or verb == "QUIT":
                self.reply("221 bye")
                return
            if verb in ("EHLO", "HELO"):
                self.reply("250 loopback")
            elif verb == "DATA":
                self.reply("354 go on")
                body = []
                while (data := self.rfile.readline().decode()) not in (".\r\n", ""):
                    body.append(data)
                self.messages.append("".join(body))
                self.reply("250 queued")
            else:
                self.reply("250 ok")


@pytest.fixture
def servers() -> Iterator[tuple[str, int]]:
    hook = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    smtp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Smtp)
    for server in (hook, smtp):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    _Hook.received.clear()
    _Smtp.messages.clear()
    yield f"http://127.0.0.1:{hook.server_address[1]}/hook", smtp.server_address[1]
    for server in (hook, smtp):
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[ScanResult, Path]:
    """A second scan of the demo world (one page gone, one new), and its report folder."""
    tmp_path = tmp_path_factory.mktemp("notify")
    _demo(tmp_path, "first", "r1")
    _demo(tmp_path, "changed", "r2")
    path = next((tmp_path / "r2").glob("*.json"))
    return ScanResult.model_validate_json(path.read_text("utf-8")), tmp_path / "r2"


def test_webhook_and_mail_carry_counts_only(
    tmp_path: Path, servers: tuple[str, int], scanned: tuple[ScanResult, Path]
) -> None:
    url, port = servers
    result = scanned[0]
    assert result.findings and result.changes is not None
    settings = NotifySettings(
        webhook_url=url, when="always", smtp_host="127.0.0.1", smtp_port=port,
        smtp_security="none", mail_from="scan@example.net", mail_to=["gp@example.net"],
    )
    notice = notice_for(result, [tmp_path / "reports" / "exposure-report-x.html"])
    assert send(settings, notice) == []
    assert len(_Hook.received) == 1 and len(_Smtp.messages) == 1
    payload = json.loads(_Hook.received[0])
    assert payload["changes"]["new"] == 1 and payload["changes"]["gone"] == 1
    assert payload["counts"]["critical"] == 1
    mail = _Smtp.messages[0]
    assert "1 new" in mail and "exposure-report-x.html" in mail
    for message in (_Hook.received[0].decode(), mail, text_of(notice)):
        for value in PRIVATE:
            assert value.lower() not in message.lower(), value


def test_a_failed_notification_is_reported_and_keeps_the_report(
    scanned: tuple[ScanResult, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    result, folder = scanned
    settings = NotifySettings(webhook_url="http://127.0.0.1:9/none", when="always", timeout=2)
    failures = send(settings, notice_for(result, []))
    assert failures and failures[0].startswith("webhook not sent")
    clean = result.model_copy(update={"findings": [], "changes": None})
    problems = [Problem(kind=ProblemKind.NOTIFY, text=f) for f in failures]
    assert audit_exit_code(clean, None, None, problems) == ExitCode.NOTIFY_FAILED
    assert "webhook not sent" in capsys.readouterr().err
    assert list(folder.glob("*.json"))


def test_when_new_sends_only_when_something_is_new(scanned: tuple[ScanResult, Path]) -> None:
    from exposure_scan.notify import worth_sending

    result = scanned[0]
    notice = notice_for(result, [])
    assert worth_sending(notice, "new")
    quiet = notice.model_copy(update={"changes": {"new": 0, "back": 0, "gone": 0}})
    assert not worth_sending(quiet, "new") and not worth_sending(quiet, "changes")
    assert worth_sending(quiet, "always")


def test_starttls_refused_by_the_server_is_a_failure_line_not_a_crash(
    servers: tuple[str, int], scanned: tuple[ScanResult, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, port = servers
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "hunter2-secret")
    settings = NotifySettings(
        smtp_host="127.0.0.1", smtp_port=port, smtp_security="starttls", when="always",
        smtp_user_env="TEST_SMTP_USER", smtp_password_env="TEST_SMTP_PASSWORD",
        mail_to=["gp@example.net"], timeout=5,
    )
    failures = send(settings, notice_for(scanned[0], []))
    assert failures == ["e-mail not sent: SMTPNotSupportedError"]
    assert not _Smtp.messages
