"""Compiled templates kept between runs, in the user's own cache folder.

Compiling the report and letter templates took about 0.2 s of every run. Jinja's
FileSystemBytecodeCache keeps each template's code and reuses it only for the same source
(a checksum) compiled by the same Jinja and Python; the file names also carry the
environment's settings. An edited template is compiled anew, never rendered stale. The
folder is the user's alone (0700, files 0600). A damaged file, a full disk or a folder that
cannot be made only mean that a template is compiled again: a report is never lost to it.
"""

from __future__ import annotations

import hashlib
import os
import stat
from functools import cache
from pathlib import Path

import platformdirs
from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from exposure_scan.paths import APP


class _SafeCache(FileSystemBytecodeCache):
    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged or foreign file (pickle/marshal errors): compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # read-only or full disk: the next run compiles again
            pass


def keep_compiled(environment: Environment, kind: str) -> Environment:
    """Give `environment` (one `kind` of templates) a cache of their compiled code."""
    folder = _folder()
    if folder is not None:
        pattern = f"{kind}-{_settings(environment)}-%s.cache"
        environment.bytecode_cache = _SafeCache(str(folder), pattern)
    return environment


def _settings(environment: Environment) -> str:
    """What the compiled code depends on besides the source (read by Jinja's compiler)."""
    escape = environment.autoescape
    probes = ("x.html", "x.html.j2", "x.md.j2", "x.txt.j2")
    settings = (
        [escape(p) for p in probes] if callable(escape) else escape,
        sorted(environment.extensions),
        getattr(environment, "newstyle_gettext", None),
        environment.trim_blocks, environment.lstrip_blocks, environment.keep_trailing_newline,
        environment.newline_sequence, environment.optimized, environment.is_async,
        environment.finalize is not None,
        environment.block_start_string, environment.block_end_string,
        environment.variable_start_string, environment.variable_end_string,
        environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix,
    )
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:16]


@cache
def _folder() -> Path | None:
    """The cache folder, made 0700; None when it cannot be made or is not the user's own."""
    path = platformdirs.user_cache_path(APP) / "templates"
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.mkdir(mode=0o700, exist_ok=True)
        info = path.lstat()
        if not stat.S_ISDIR(info.st_mode):
            return None
        if hasattr(os, "getuid"):  # POSIX: the folder must be ours and no one else's
            if info.st_uid != os.getuid():
                return None
            if stat.S_IMODE(info.st_mode) & 0o077:
                path.chmod(0o700)
    except OSError:
        return None
    return path
