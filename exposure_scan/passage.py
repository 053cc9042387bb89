"""Passages: the words around each value a page showed, so a reader sees where it stands.

Pure functions over a page's visible text. A value is found loosely (case, runs of white
space and the punctuation between its parts may differ), and the passage is cut on word
boundaries about `WIDTH` characters around it. Values that are not in the text (structured
data such as JSON-LD) have no passage; the report shows the matched fields instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

WIDTH = 200
_SEPARATOR = r"[\s.,;:/()\-]*"


class Segment(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    marked: bool = False  # a matched value: <mark> in HTML, bold in Markdown


class Passage(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    segments: list[Segment]
    cut_before: bool = False  # the text goes on before / after the passage
    cut_after: bool = False


def _pattern(value: str) -> re.Pattern[str] | None:
    """The value, loosely; it must also not follow a word character (`_found` checks that:
    a look-behind at the start would keep `re` from skipping ahead to the first letter, five
    times slower on a long page)."""
    parts = re.findall(r"\w+", value)
    if not parts or sum(len(p) for p in parts) < 3:
        return None
    return re.compile(_SEPARATOR.join(map(re.escape, parts)) + r"(?!\w)", re.IGNORECASE)


def _found(pattern: re.Pattern[str], text: str) -> Iterable[tuple[int, int]]:
    """What a look-behind `(?<!\\w)` before `pattern` would find, left to right."""
    at = 0
    while (match := pattern.search(text, at)) is not None:
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):  # \w
            at = start + 1
            continue
        yield match.span()
        at = match.end()


def spans(text: str, values: Iterable[str]) -> list[tuple[int, int]]:
    """Where the values stand in `text`: sorted, overlapping spans merged."""
    found: list[tuple[int, int]] = []
    for value in values:
        pattern = _pattern(value)
        if pattern is not None:
            found.extend(_found(pattern, text))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _widen(text: str, start: int, end: int, width: int) -> tuple[int, int]:
    room = max(0, width - (end - start)) // 2
    left, right = max(0, start - room), min(len(text), end + room)
    if left > 0:  # start after a white space, never inside a word
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else start
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else end
    return left, right


def passages(text: str, values: Iterable[str], width: int = WIDTH) -> list[Passage]:
    """One passage per place a value stands (neighbouring places share one)."""
    text = " ".join(text.split())
    found = spans(text, values)
    windows: list[tuple[int, int]] = []
    for start, end in found:
        left, right = _widen(text, start, end, width)
        if windows and left <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(right, windows[-1][1]))
        else:
            windows.append((left, right))
    out = []
    for left, right in windows:
        segments: list[Segment] = []
        at = left
        for start, end in found:
            if start < left or end > right:
                continue
            if start > at:
                segments.append(Segment(text=text[at:start]))
            segments.append(Segment(text=text[start:end], marked=True))
            at = end
        if at < right:
            segments.append(Segment(text=text[at:right]))
        out.append(Passage(segments=segments, cut_before=left > 0, cut_after=right < len(text)))
    return out
