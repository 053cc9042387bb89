"""Invisible characters from pages: kept out of everything a report shows.

Bidirectional overrides and isolates can make `…/\u202eexe.txt` display as `…/txt.exe`;
zero-width characters and soft hyphens hide a word break or split a number so it is not
found. Page strings lose them where they enter; a URL keeps them percent-encoded, so it still
names the same page and every character shows.
"""

from __future__ import annotations

import re
from urllib.parse import quote

# C0 (except tab, newline, carriage return), DEL and C1, soft hyphen, zero-width and bidi
# marks, word joiner and invisible operators, bidi isolates, lone surrogates (JSON-LD can
# hold them; no report could be written with one), byte-order mark, line separators.
_HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028\u2029"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ud800-\udfff\ufeff\ufff9-\ufffb\ufffe\uffff]"
)
_AS_SPACE = {"\x0b": " ", "\x0c": " ", "\u2028": "\n", "\u2029": "\n"}


def _replace(match: re.Match[str]) -> str:
    return _AS_SPACE.get(match.group(), "")


def strip_controls(text: str) -> str:
    """Text without invisible controls; line and page separators become breaks."""
    # Every hidden character is unprintable, and most strings are printable: one fast scan.
    if not text or text.isprintable():
        return text
    return _HIDDEN.sub(_replace, text)


def visible_url(url: str) -> str:
    """The same URL with every control, bidi or invisible character percent-encoded."""
    if not url or url.isprintable() or not _HIDDEN.search(url):
        return url
    return _HIDDEN.sub(lambda m: quote(m.group(), safe=""), url)
