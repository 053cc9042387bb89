"""Spool: what the evidence bundle needs, on disk instead of in memory, for one scan.

Each page's visible text is spooled as the page is read (the scan keeps only its SHA-256,
the matched passages, title and URL in memory: 1,000 pages would otherwise hold about
100 MB of text until the scan ends); with `--evidence` the raw body too, so the bundle holds
it exactly as fetched and anyone can check it against the SHA-256 the report names. The
files wait in a private temporary folder (0700, files 0600, named by their hash, never by
anything from a page), removed when the scan's files are written, on error or interrupt.

The spool in use is a context variable: set by the CLI around the scan, read by the scan as
pages arrive, by the page inspector as it fetches and by the evidence writer, without
threading it through every provider's context.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from exposure_scan.files import BINARY, DIR_MODE, FILE_MODE

_HASH = re.compile(r"[0-9a-f]{64}")
TEXT_SUFFIX = ".txt"
CURRENT: ContextVar[BodySpool | None] = ContextVar("exposure_scan_body_spool", default=None)


class BodySpool:
    """Page texts and (with `bodies`) raw bodies by SHA-256 in a private temporary folder."""

    def __init__(self, *, bodies: bool = True) -> None:
        self.bodies = bodies  # raw bodies only for an evidence bundle: texts always
        self.folder = Path(tempfile.mkdtemp(prefix="exposure-scan-spool-"))
        os.chmod(self.folder, DIR_MODE)  # mkdtemp's 0700 is still subject to the umask
        # Page readers store from their own threads: the same text from two of them must not
        # be taken as stored while the first is still writing it.
        self._storing = threading.Lock()
        # A reader thread given up on (over its page budget) may still store after the scan;
        # nothing is written once the folder is being removed, so none is left behind.
        self._closed = False

    def keep(self, body: bytes) -> str:
        """Store `body` (once per distinct body); returns its SHA-256."""
        return self._store(body, "")

    def keep_text(self, text: str) -> str:
        """Store a page's visible text (once per distinct text); returns the SHA-256 of its
        UTF-8 bytes, which is what page.txt in the bundle hashes to."""
        return self._store(text.encode("utf-8"), TEXT_SUFFIX)

    def text(self, digest: str) -> str | None:
        """The text with this SHA-256, if it was kept (and still hashes to it)."""
        data = self._load(digest, TEXT_SUFFIX)
        return data.decode("utf-8") if data is not None else None

    def _store(self, data: bytes, suffix: str) -> str:
        digest = hashlib.sha256(data).hexdigest()
        path = self.folder / (digest + suffix)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | BINARY
        with self._storing:
            if self._closed:
                return digest
            try:
                fd = os.open(path, flags, FILE_MODE)
            except FileExistsError:
                return digest
            try:
                view = memoryview(data)
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
        return self._load(digest, "")

    def _load(self, digest: str, suffix: str) -> bytes | None:
        if not _HASH.fullmatch(digest):
            return None
        try:
            data = (self.folder / (digest + suffix)).read_bytes()
        except OSError:
            return None
        return data if hashlib.sha256(data).hexdigest() == digest else None

    def close(self) -> None:
        with self._storing:  # a store under way ends first
            self._closed = True
        shutil.rmtree(self.folder, ignore_errors=True)


def keep(body: bytes) -> None:
    """Spool `body` when a spool is in use (a scan with `--evidence`); else nothing."""
    spool = CURRENT.get()
    if spool is not None and spool.bodies:
        spool.keep(body)


def kept(digest: str) -> bytes | None:
    spool = CURRENT.get()
    return spool.get(digest) if spool is not None and digest else None


class Parked:
    """A fetched body on disk while it waits for a reader thread: pages that arrive faster
    than they are read (a fast network, many hosts) then wait without their bodies in memory."""

    def __init__(self, spool: BodySpool, body: bytes) -> None:
        self.path = spool.folder / f"waiting-{uuid.uuid4().hex}"  # never a page's name
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, FILE_MODE)
        with os.fdopen(fd, "wb") as out:
            out.write(body)

    def take(self) -> bytes:
        """The body, back in memory; its file is gone."""
        try:
            return self.path.read_bytes()
        finally:
            self.path.unlink(missing_ok=True)


def park(body: bytes) -> Parked | None:
    """`body` on disk until `take` when a spool is in use; else None (it stays in memory)."""
    spool = CURRENT.get()
    return Parked(spool, body) if spool is not None else None


def kept_text(digest: str) -> str | None:
    spool = CURRENT.get()
    return spool.text(digest) if spool is not None and digest else None


@contextmanager
def spooling(enabled: bool = True, *, bodies: bool = True) -> Iterator[BodySpool | None]:
    """A spool for the duration of the block (none when not `enabled`), removed after it,
    however the block ends. `bodies`: spool raw bodies too (for an evidence bundle)."""
    if not enabled:
        yield None
        return
    spool = BodySpool(bodies=bodies)
    token = CURRENT.set(spool)
    try:
        yield spool
    finally:
        CURRENT.reset(token)
        spool.close()
