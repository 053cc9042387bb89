"""PDF through the user's own Chromium: headless `--print-to-pdf` of the self-contained HTML.

No PDF library and no network: the HTML is written to a private temp folder, loaded over
file://, and printed by a throw-away Chromium profile. Chromium is told to make no
connections of its own (no updates, sync, metrics, QUIC), every host name resolves to
nothing and any http(s) request goes to a dead proxy on loopback, and a Content Security
Policy injected into the page forbids scripts and any external resource. A report that
somehow contained a remote image or a script would still not reach the internet.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from exposure_scan.errors import ReportError
from exposure_scan.files import BINARY

BINARIES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# Belt and braces on top of FLAGS: nothing resolves, nothing connects but loopback.
ISOLATION = (
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=http://127.0.0.1:9",
    "--no-default-browser-check",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-breakpad",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--hide-scrollbars",
)
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "base-uri 'none'; form-action 'none'"
)
HEAD_META = f'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{CSP}">'
DEFAULT_TIMEOUT = 60.0
FALLBACK = "install Chromium (Debian: apt-get install chromium) or use --format html and print " \
    "from your browser"


def find_chromium() -> str | None:
    """The first Chromium-family browser on PATH, or None."""
    for name in BINARIES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass(frozen=True)
class ChromiumRun:
    returncode: int
    stdout: bytes
    stderr: str

    def last_error(self) -> str:
        """The last stderr line that is not the usual D-Bus / launcher noise."""
        noise = ("dbus", "unexpected operator", "Fontconfig", "bytes written to file")
        lines = [ln.strip() for ln in self.stderr.splitlines() if ln.strip()]
        useful = [ln for ln in lines if not any(n in ln for n in noise)]
        return (useful or lines or [""])[-1][:300]


def run_chromium(
    args: list[str], workdir: Path, *, timeout: float = DEFAULT_TIMEOUT,
    binary: str | None = None,
) -> ChromiumRun:
    """Run headless Chromium with FLAGS + ISOLATION + a fresh profile inside `workdir`.

    Chromium starts helper processes; on timeout the whole process group is killed.
    Raises ReportError when there is no Chromium, it cannot start, or it times out."""
    exe = binary or find_chromium()
    if exe is None:
        raise ReportError(f"Chromium is not installed, so no PDF can be made; {FALLBACK}")
    home = workdir / "home"
    profile = workdir / "profile"
    home.mkdir(parents=True, exist_ok=True)
    profile.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    command = [exe, *FLAGS, *ISOLATION, f"--user-data-dir={profile}", *args]
    out_path, err_path = workdir / "chromium.out", workdir / "chromium.err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        try:
            proc = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env,
                cwd=workdir, start_new_session=True,
            )
        except OSError as exc:
            raise ReportError(f"Chromium ({exe}) could not start ({exc.strerror}); {FALLBACK}") \
                from None
        try:
            returncode = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise ReportError(
                f"Chromium ({exe}) did not finish within {timeout:g} seconds; {FALLBACK}"
            ) from None
        except BaseException:
            _kill_group(proc)
            raise
        _kill_group(proc)  # helpers that outlive the browser process
    return ChromiumRun(returncode, out_path.read_bytes(),
                       err_path.read_text("utf-8", errors="replace"))


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_HTML = re.compile(r"<html\b[^>]*>", re.I)
_DOCTYPE = re.compile(r"^\s*<!doctype[^>]*>", re.I)


def harden(html: str) -> str:
    """Put a UTF-8 charset and a no-scripts, no-network CSP first in the document's head."""
    for pattern in (_HEAD, _HTML, _DOCTYPE):
        m = pattern.search(html)
        if m:
            return html[: m.end()] + HEAD_META + html[m.end() :]
    return HEAD_META + html


def write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | BINARY, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def render_pdf(
    html: str, *, timeout: float = DEFAULT_TIMEOUT, binary: str | None = None
) -> bytes:
    """Print a self-contained HTML report to PDF bytes with headless Chromium.

    Raises ReportError (Chromium missing, failing or too slow) with what to do instead."""
    with tempfile.TemporaryDirectory(prefix="exposure-scan-pdf-") as tmp:
        work = Path(tmp)
        page, pdf = work / "report.html", work / "report.pdf"
        write_private(page, harden(html).encode("utf-8"))
        run = run_chromium(
            ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
            work, timeout=timeout, binary=binary,
        )
        data = pdf.read_bytes() if pdf.is_file() else b""
        if run.returncode != 0 or not data.startswith(b"%PDF-"):
            detail = f"exit code {run.returncode}"
            if run.last_error():
                detail += f": {run.last_error()}"
            raise ReportError(f"Chromium could not print the report to PDF ({detail}); {FALLBACK}")
        return data
