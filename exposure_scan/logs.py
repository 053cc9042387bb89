"""Logging for IT staff: one line per request and per source, through the standard `logging`
module. Lines carry provider, host, status, time and retries; never a profile value, a query
string or the path of a URL (a search URL holds the name searched for)."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from exposure_scan.errors import InputError
from exposure_scan.failure import failure_reason
from exposure_scan.files import BINARY

LOG = logging.getLogger("exposure_scan")
LOG.addHandler(logging.NullHandler())  # silent unless -v or --log-file (the library convention)
FORMAT = "%(asctime)s %(levelname)s %(message)s"


def log_request(entry: dict[str, Any], status: int | None, started: float,
                exc: BaseException | None = None) -> None:
    """One line per HTTP request, next to the ledger entry it mirrors."""
    took = time.monotonic() - started
    outcome = str(status) if status is not None else f"failed ({failure_reason(exc)})" \
        if exc is not None else "failed"
    LOG.info("request provider=%s host=%s method=%s status=%s time=%.2fs",
             entry["provider"], entry["host"], entry["method"], outcome, took)


def log_retry(provider: str, host: str, attempt: int, retries: int, why: str) -> None:
    LOG.info("retry provider=%s host=%s attempt=%d/%d after=%s", provider, host, attempt,
             retries, why)


def configure_logging(*, verbose: bool, log_file: Path | None) -> None:
    """-v: info lines on stderr; --log-file: the same lines appended to a 0600 file."""
    handlers: list[logging.Handler] = []
    if verbose:
        handlers.append(logging.StreamHandler(sys.stderr))
    if log_file is not None:
        handlers.append(logging.StreamHandler(open_private_log(log_file)))
    if not handlers:
        return
    for handler in LOG.handlers[:]:
        if getattr(handler, "_exposure_scan", False):
            LOG.removeHandler(handler)
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        handler._exposure_scan = True  # type: ignore[attr-defined]
        LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)


def open_private_log(path: Path) -> Any:
    """Append to `path`, created 0600; a symlink is not followed."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0) | BINARY
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        raise InputError("--log-file", str(path), f"cannot be written ({exc.strerror}); "
                         "choose another file") from None
    if hasattr(os, "fchmod"):
        os.fchmod(fd, 0o600)
    return os.fdopen(fd, "a", encoding="utf-8", buffering=1)
