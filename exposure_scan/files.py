"""Private files and folders: owner-only whatever the umask, and never an existing file replaced
by accident.

Everything exposure-scan writes holds personal data, and even a letter's file name tells which
sites hold it: folders are 0700 and files 0600, set explicitly after creation because the umask
can only take bits away. New files are created with `O_EXCL`, so two scans writing into one
folder never overwrite each other: the second one takes the next free name.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
# Windows opens a descriptor in text mode unless told otherwise: every \n written through it
# would become \r\n (a PDF or zip broken, a spooled text no longer its hash). 0 elsewhere.
BINARY: int = getattr(os, "O_BINARY", 0)
# os.link is refused by some file systems (FAT, some network shares): claim the name, then rename.
NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK}
)


def make_private_dirs(path: Path) -> list[Path]:
    """Create `path` and its missing parents, each 0700. Returns the folders created, outermost
    first, so that a failure later can take them away again. Existing folders are left as they
    are: a user's own folder is not ours to chmod."""
    missing: list[Path] = []
    here = Path(path)
    while not here.exists() and here != here.parent:
        missing.append(here)
        here = here.parent
    created: list[Path] = []
    for folder in reversed(missing):
        try:
            os.mkdir(folder, DIR_MODE)
        except FileExistsError:
            if folder.is_dir():
                continue  # another scan made it a moment ago
            raise
        os.chmod(folder, DIR_MODE)
        created.append(folder)
    return created


def remove_created_dirs(created: list[Path]) -> None:
    """Undo `make_private_dirs` as far as the folders are still empty."""
    for folder in reversed(created):
        try:
            folder.rmdir()
        except OSError:
            return


def make_private_dir(path: Path) -> None:
    """One new folder, 0700; FileExistsError if the name is taken."""
    os.mkdir(path, DIR_MODE)
    os.chmod(path, DIR_MODE)


def write_new(path: Path, data: bytes) -> None:
    """Create `path` (FileExistsError if it exists, a symlink included), 0600, holding all of
    `data` on disk. A failure removes the file: nothing half-written is left."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | BINARY
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        if hasattr(os, "fchmod"):  # not on Windows before 3.13
            os.fchmod(fd, FILE_MODE)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)


def replace_private(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all, replacing a file of that name (the user chose it)."""
    make_private_dirs(path.parent)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    write_new(tmp, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _claim(src: Path, dst: Path) -> None:
    """Give the staged file `src` the name `dst`, which must not exist (FileExistsError)."""
    try:
        os.link(src, dst)  # fails if dst exists: the name is taken atomically, already complete
    except OSError as exc:
        if exc.errno not in NO_HARD_LINKS:
            raise
        os.close(os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, FILE_MODE))
        try:
            os.replace(src, dst)
        except BaseException:
            dst.unlink(missing_ok=True)
            raise
        return
    src.unlink()


def stems(base: str) -> itertools.chain[str]:
    """`base`, `base-2`, `base-3`, ..."""
    return itertools.chain([base], (f"{base}-{n}" for n in itertools.count(2)))


def move_in_exclusively(staged: Mapping[str, Path], folder: Path, base: str) -> list[Path]:
    """Move every staged file to `folder/<stem><suffix>` (suffix -> staged file), under the first
    stem (`base`, `base-2`, ...) that is free for all of them. An existing file is never replaced,
    also when another scan writes into the same folder at the same moment."""
    for stem in stems(base):
        if any(folder.glob(f"{stem}.*")):
            continue  # the stem belongs to another report
        placed: list[Path] = []
        try:
            for suffix, src in staged.items():
                dst = folder / f"{stem}{suffix}"
                _claim(src, dst)
                placed.append(dst)
        except FileExistsError:
            _undo_claims(placed, staged)
            continue
        except BaseException:
            _undo_claims(placed, staged)
            raise
        return placed
    raise AssertionError("unreachable")  # pragma: no cover


def _undo_claims(placed: list[Path], staged: Mapping[str, Path]) -> None:
    for dst, src in zip(placed, staged.values(), strict=False):
        if src.exists():
            dst.unlink(missing_ok=True)
        else:
            os.replace(dst, src)


def move_dir_in_exclusively(src: Path, folder: Path, base: str) -> Path:
    """Move the staged folder `src` to `folder/<stem>`, the first free stem; never into or over
    a folder that exists."""
    for stem in stems(base):
        target = folder / stem
        try:
            make_private_dir(target)  # claims the name; only an empty folder of ours is replaced
        except FileExistsError:
            continue
        try:
            os.replace(src, target)
        except BaseException:
            with contextlib.suppress(OSError):
                target.rmdir()
            raise
        return target
    raise AssertionError("unreachable")  # pragma: no cover
