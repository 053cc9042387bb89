"""The installation's fingerprint key (issue 12): a short or empty key file, left by a crash
between creating the file and writing it, is never used as the key (an empty HMAC key would let
anyone test a guessed name against a report's fingerprint)."""

from __future__ import annotations

import stat
from pathlib import Path

from exposure_scan.organisation import KEY_BYTES, fingerprint_key


def test_a_new_key_is_stored_whole_and_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "fingerprint.key"
    key = fingerprint_key(path)
    assert len(key) == KEY_BYTES
    assert path.read_bytes() == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert fingerprint_key(path) == key
    assert [p.name for p in path.parent.iterdir()] == ["fingerprint.key"]  # no temporary file


def test_an_empty_or_short_key_file_is_replaced_not_used(tmp_path: Path) -> None:
    for stored in (b"", b"short"):
        path = tmp_path / f"{len(stored)}.key"
        path.write_bytes(stored)
        path.chmod(0o600)
        key = fingerprint_key(path)
        assert len(key) == KEY_BYTES and not key.startswith(stored or b"\0" * KEY_BYTES)
        assert path.read_bytes() == key  # stored: the next run uses the same key
        assert fingerprint_key(path) == key
