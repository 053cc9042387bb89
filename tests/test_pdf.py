"""PDF through Chromium: actionable errors without it (fake binaries), a real PDF with it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from exposure_scan.errors import ReportError
from exposure_scan.reports import pdf
from exposure_scan.reports.pdf import FLAGS, HEAD_META, harden, render_pdf

FIX = "install Chromium (Debian: apt-get install chromium) or use --format html"


def fake_browser(tmp_path: Path, body: str) -> str:
    """A stand-in for chromium: a shell script that logs its arguments, then runs `body`."""
    script = tmp_path / "fake-chromium"
    script.write_text(f'#!/bin/sh\necho "$@" > "{tmp_path}/args"\necho $$ > "{tmp_path}/pid"\n'
                      f"{body}\n")
    script.chmod(0o755)
    return str(script)


def test_missing_chromium_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    assert pdf.find_chromium() is None
    with pytest.raises(ReportError, match="not installed") as info:
        render_pdf("<p>x</p>")
    assert FIX in str(info.value)


def test_finds_each_known_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    for wanted in pdf.BINARIES:
        monkeypatch.setattr(pdf.shutil, "which",
                            lambda name, w=wanted: f"/usr/bin/{name}" if name == w else None)
        assert pdf.find_chromium() == f"/usr/bin/{wanted}"


def test_flags_and_private_profile(tmp_path: Path) -> None:
    fake = fake_browser(tmp_path, 'for a in "$@"; do case "$a" in --print-to-pdf=*) '
                        'printf "%%PDF-1.4 fake" > "${a#--print-to-pdf=}";; esac; done')
    assert render_pdf("<html><head></head><body>hi</body></html>", binary=fake) == (
        b"%PDF-1.4 fake")
    args = (tmp_path / "args").read_text().split()
    for flag in FLAGS:
        assert flag in args
    assert "--disable-quic" in args and "--proxy-server=http://127.0.0.1:9" in args
    profile = next(a for a in args if a.startswith("--user-data-dir="))
    assert "exposure-scan-pdf-" in profile
    assert args[-1].startswith("file://") and args[-1].endswith("/report.html")
    # The temp folder with the private HTML is gone afterwards.
    assert not Path(args[-1].removeprefix("file://")).parent.exists()


def test_failure_reports_exit_code_and_reason(tmp_path: Path) -> None:
    fake = fake_browser(tmp_path, 'echo "[1:1:ERROR:dbus/bus.cc] noise" >&2\n'
                        'echo "Trace/breakpoint trap: cannot open display" >&2\nexit 3')
    with pytest.raises(ReportError) as info:
        render_pdf("<p>x</p>", binary=fake)
    message = str(info.value)
    assert "exit code 3: Trace/breakpoint trap: cannot open display" in message
    assert FIX in message and "dbus" not in message and "\n" not in message


def test_no_pdf_written_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="exit code 0"):
        render_pdf("<p>x</p>", binary=fake_browser(tmp_path, "exit 0"))


def test_cannot_start(tmp_path: Path) -> None:
    bad = tmp_path / "not-executable"
    bad.write_text("nothing")
    with pytest.raises(ReportError, match="could not start"):
        render_pdf("<p>x</p>", binary=str(bad))


def test_timeout_kills_the_browser_and_its_helpers(tmp_path: Path) -> None:
    fake = fake_browser(tmp_path, f'sleep 60 &\necho $! > "{tmp_path}/child"\nwait')
    started = time.monotonic()
    with pytest.raises(ReportError, match=r"did not finish within 0\.5 seconds"):
        render_pdf("<p>x</p>", binary=fake, timeout=0.5)
    assert time.monotonic() - started < 10
    for name in ("pid", "child"):
        pid = int((tmp_path / name).read_text())
        for _ in range(50):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            pytest.fail(f"{name} process {pid} still running after the timeout")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<!DOCTYPE html><html><head><title>t</title></head></html>",
         f"<!DOCTYPE html><html><head>{HEAD_META}<title>t</title></head></html>"),
        ('<HTML lang="nl"><body>x</body></HTML>',
         f'<HTML lang="nl">{HEAD_META}<body>x</body></HTML>'),
        ("<!doctype html><p>x</p>", f"<!doctype html>{HEAD_META}<p>x</p>"),
        ("<p>x</p>", f"{HEAD_META}<p>x</p>"),
    ],
)
def test_harden_puts_csp_first(html: str, expected: str) -> None:
    assert harden(html) == expected
    assert "script-src" not in HEAD_META and "default-src 'none'" in HEAD_META


@pytest.mark.browser
def test_real_chromium_prints_a_pdf() -> None:
    if pdf.find_chromium() is None:
        pytest.skip("chromium not installed: `apt-get install chromium` (Debian) to run this")
    data = render_pdf(
        "<!DOCTYPE html><html><head><title>Report</title></head><body><h1>Blootstelling é ✓"
        "</h1><p>" + "Lorem ipsum. " * 400 + "</p><script>document.body.append('x')</script>"
        '<img src="http://192.0.2.1/beacon.png"></body></html>',
        timeout=90,
    )
    assert data.startswith(b"%PDF-")
    assert b"%%EOF" in data[-64:]
    assert len(data) > 2000
