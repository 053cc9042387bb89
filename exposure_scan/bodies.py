"""Body spool: the raw bodies of the pages read, kept on disk for the evidence bundle.

Only with `--evidence`: the bundle then holds each finding's body exactly as fetched, so
anyone can check it against the SHA-256 the report names. The bodies wait in a private
temporary folder (0700, files 0600, named by their hash, never by anything from a page)
instead of memory, and the folder is removed when the scan's files are written.

The spool in use is a context variable: set by the CLI around the scan, read by the page
inspector as it fetches and by the evidence writer, without threading it through every
provider's context.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from exposure_scan.files import DIR_MODE, FILE_MODE

_HASH = re.compile(r"[0-9a-f]{64}")
CURRENT: ContextVar[BodySpool | None] = ContextVar("exposure_scan_body_spool", default=None)


class BodySpool:
    """Bodies by SHA-256 in a private temporary folder."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="exposure-scan-bodies-"))
        os.chmod(self.folder, DIR_MODE)  # mkdtemp's 0700 is still subject to the umask

    def keep(self, body: bytes) -> str:
        """Store `body` (once per distinct body); returns its SHA-256."""
        digest = hashlib.sha256(body).hexdigest()
        path = self.folder / digest
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(path, flags, FILE_MODE)
        except FileExistsError:
            return digest
        try:
            view = memoryview(body)
            while view:
                view = view[os.write(fd, view) :]
        except BaseException:
            os.close(fd)
            path.unlink(missing_ok=True)
            raise
        os.close(fd)
        return digest

    def get(self, digest: str) -> bytes | None:
        """The body with this SHA-256, if it was kept (and still hashes to it)."""
        if not _HASH.fullmatch(digest):
            return None
        try:
            body = (self.folder / digest).read_bytes()
        except OSError:
            return None
        return body if hashlib.sha256(body).hexdigest() == digest else None

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def keep(body: bytes) -> None:
    """Spool `body` when a spool is in use (a scan with `--evidence`); else nothing."""
    spool = CURRENT.get()
    if spool is not None:
        spool.keep(body)


def kept(digest: str) -> bytes | None:
    spool = CURRENT.get()
    return spool.get(digest) if spool is not None and digest else None


@contextmanager
def spooling(enabled: bool = True) -> Iterator[BodySpool | None]:
    """A spool for the duration of the block (none when not `enabled`), removed after it."""
    if not enabled:
        yield None
        return
    spool = BodySpool()
    token = CURRENT.set(spool)
    try:
        yield spool
    finally:
        CURRENT.reset(token)
        spool.close()
