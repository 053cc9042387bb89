"""A lock per profile, so two scans of the same person never overlap (cron and a manual run).

The operating system drops the lock when the process ends, however it ends: no stale locks.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from exposure_scan.errors import ExposureScanError
from exposure_scan.files import BINARY


class ScanBusy(ExposureScanError):
    """Another scan of the same profile is running."""

    exit_code = 7  # outcome.ExitCode.BUSY


class ProfileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | BINARY, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise ScanBusy(
                "another scan of this profile is running; wait for it to finish"
            ) from None
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            _unlock(self.fd)
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> ProfileLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
