"""Files written byte for byte on every platform: Windows opens a descriptor in text mode
unless O_BINARY is given, and then writes every \\n as \\r\\n (a PDF or zip broken, a
spooled page text no longer its hash). Here a stand-in bit plays O_BINARY."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exposure_scan import bodies, files

STAND_IN = 1 << 29  # no flag Linux or macOS uses


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """The flags of every os.open, with the stand-in O_BINARY bit taken off before opening."""
    seen: list[tuple[str, int]] = []
    real_open = os.open

    def open_(path: object, flags: int, mode: int = 0o777, **kwargs: object) -> int:
        seen.append((str(path), flags))
        return real_open(path, flags & ~STAND_IN, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "BINARY", STAND_IN)
    monkeypatch.setattr(bodies, "BINARY", STAND_IN)
    monkeypatch.setattr(os, "open", open_)
    return seen


def test_reports_and_evidence_are_written_in_binary_mode(
    tmp_path: Path, opened: list[tuple[str, int]]
) -> None:
    files.write_new(tmp_path / "report.pdf", b"%PDF-1.7\n\x00\n")
    assert (tmp_path / "report.pdf").read_bytes() == b"%PDF-1.7\n\x00\n"
    assert opened and all(flags & STAND_IN for _, flags in opened)


def test_the_spool_stores_and_parks_in_binary_mode(opened: list[tuple[str, int]]) -> None:
    with bodies.spooling() as spool:
        assert spool is not None
        digest = spool.keep_text("regel een\nregel twee\n")
        body = spool.keep(b"<p>a</p>\n<p>b</p>\n")
        parked = bodies.park(b"line\nline\n")
        assert parked is not None
        assert spool.text(digest) == "regel een\nregel twee\n"
        assert spool.get(body) == b"<p>a</p>\n<p>b</p>\n"
        assert parked.take() == b"line\nline\n"
    writes = [flags for path, flags in opened if flags & os.O_WRONLY]
    assert len(writes) == 3 and all(flags & STAND_IN for flags in writes)


def test_every_file_the_package_opens_is_opened_in_binary_mode() -> None:
    # Read with the CRT in text mode, a Ctrl-Z byte ends a profile on Windows; written so, a
    # log gets \r\r\n. Only a folder (opened to fsync it) needs no mode.
    import re

    root = Path(__file__).resolve().parent.parent
    opens = re.compile(r"os\.open\((?P<args>[^)]*)\)")
    missing = []
    for folder in ("exposure_scan", "providers", "reports"):
        for path in (root / folder).rglob("*.py"):
            text = path.read_text("utf-8")
            for m in opens.finditer(text):
                line = text[: m.start()].count("\n") + 1
                context = text[max(0, m.start() - 400) : m.end()]
                if "BINARY" not in context and "O_RDONLY)" not in m.group():
                    missing.append(f"{path.relative_to(root)}:{line}")
    assert missing == []
