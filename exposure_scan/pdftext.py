"""The PDF reader: pure, a PDF's bytes in, its text out (council minutes, member lists, ...).

pypdf extracts the text page by page; the clock is looked at between pages. An encrypted PDF
that opens without a password is read, as a browser would show it; one that needs a password,
or holds only scanned images, is a `ParseError` (unreadable).
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from exposure_scan.controls import strip_controls
from exposure_scan.errors import OverBudget, ParseError
from exposure_scan.page import MAX_TEXT, PageFacts

MAX_PDF_PAGES = 300
MAX_STREAM = 2_000_000  # decoded bytes of one stream: a text page needs far less; parsing
# 4.7 MB of operators took 180 MB and 1.5 s in one uninterruptible call

@contextmanager
def _no_limits_change() -> Iterator[None]:
    yield


def _limits() -> AbstractContextManager[object]:
    """Decompression bombs inside a PDF stop at `MAX_STREAM` rather than pypdf's 75 MB."""
    try:  # pypdf >= 7: limits per call (a context variable, so per worker thread)
        from pypdf import apply_configuration
    except ImportError:  # pragma: no cover - older pypdf keeps its own 75 MB limits
        return _no_limits_change()
    return apply_configuration(
        zlib_maximum_output_length=MAX_STREAM,
        lzw_maximum_output_length=MAX_STREAM,
        run_length_maximum_output_length=MAX_STREAM,
        array_based_stream_maximum_output_length=MAX_STREAM,
        maximum_declared_stream_length=MAX_STREAM,
    )

# pypdf reports every malformed object it repairs; a hostile PDF would flood the log.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in strip_controls(text).splitlines())
    return "\n".join(line for line in lines if line)


def _clock(deadline: float | None) -> Callable[..., None] | None:
    """Looked at before each operator, also inside form XObjects: a 1 KB page that draws
    one form 20,000 times kept a reader thread (and the scan's exit) busy for minutes."""
    if deadline is None:
        return None

    def check(*_: object) -> None:
        if time.monotonic() > deadline:
            raise OverBudget("reading it took longer than the page budget")

    return check


def read_pdf(body: bytes, *, deadline: float | None = None) -> PageFacts:
    """What a PDF shows as text; its title from the document information when it has one."""
    with _limits():
        return _read(body, deadline)


def _read(body: bytes, deadline: float | None) -> PageFacts:
    # pypdf is imported with the first PDF, not with the page reader (most scans read none):
    # a twentieth of a second less at every start.
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ParseError("the PDF is encrypted")
        pages: list[str] = []
        size = 0
        partly = False
        for number, page in enumerate(reader.pages):
            if number >= MAX_PDF_PAGES or size > MAX_TEXT:
                partly = True  # pages left unread
                break
            if deadline is not None and time.monotonic() > deadline:
                raise OverBudget("reading it took longer than the page budget")
            text = page.extract_text(visitor_operand_before=_clock(deadline)) or ""
            pages.append(text)
            size += len(text)
        info = reader.metadata
        title = str(info.title or "") if info is not None else ""
    except (ParseError, OverBudget):
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError,
            NotImplementedError, OSError, IndexError, ZeroDivisionError) as exc:
        # pypdf raises plain Python errors on damaged files as often as its own.
        raise ParseError(f"the PDF could not be read ({type(exc).__name__})") from None
    whole = _lines("\n".join(pages))
    text = whole[:MAX_TEXT]
    if not text:
        raise ParseError("the PDF holds no text (scanned images only?)")
    return PageFacts(title=" ".join(strip_controls(title).split())[:300], text=text,
                     partly_read=partly or len(whole) > MAX_TEXT)
