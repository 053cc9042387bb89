"""One page's text, split into lines and folded once for all the field matchers.

A field matcher reads a page line by line, but most lines of most pages cannot hold any of
the profile's values. The folded lines joined into one string let a matcher find, with one
substring or regex search over the whole page, the few lines where a value may stand, and
read only those. Line k of a folded view is exactly the folding of line k.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from exposure_scan.matching.normalise import fold, fold_chars


class FoldedLines:
    """The page's lines folded and joined by line feeds, with the lines found in it."""

    __slots__ = ("_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def line_at(self, pos: int) -> int:
        if self._starts is None:
            self._starts = list(accumulate((len(x) + 1 for x in self.text.split("\n")), initial=0))
        return bisect_right(self._starts, pos) - 1

    def _next_start(self, line: int) -> int:
        assert self._starts is not None
        return self._starts[line + 1]  # past the last line: len(text) + 1, where find stops

    def lines_with(self, literal: str) -> set[int]:
        """The lines whose folding holds literal (which holds no line feed)."""
        out: set[int] = set()
        at = self.text.find(literal)
        while at >= 0:
            line = self.line_at(at)
            out.add(line)
            at = self.text.find(literal, self._next_start(line))
        return out

    def lines_matching(self, pattern: re.Pattern[str]) -> set[int]:
        """The lines where pattern matches; pattern never matches a line feed."""
        out: set[int] = set()
        found = pattern.search(self.text)
        while found is not None:
            line = self.line_at(found.start())
            out.add(line)
            found = pattern.search(self.text, self._next_start(line))
        return out


class PageText:
    """A page's text, its lines, and its folded views (computed when first asked for)."""

    __slots__ = ("_folds", "joined", "lines", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.splitlines()
        # one line feed between lines: str.splitlines also breaks at \r, \x85, \u2028 ...
        self.joined = "\n".join(self.lines)
        self._folds: dict[tuple[tuple[str, str], ...], tuple[str, FoldedLines | None]] = {}

    def folded(self, special: dict[str, str] | None = None) -> str:
        """fold of the joined lines, or fold_chars with these special characters."""
        return self._fold(special)[0]

    def view(self, special: dict[str, str] | None = None) -> FoldedLines | None:
        """The folded lines; None if folding made a line feed of some character (then a
        line of the folded text would not be the folding of a line)."""
        return self._fold(special)[1]

    def _fold(self, special: dict[str, str] | None) -> tuple[str, FoldedLines | None]:
        key = tuple(sorted(special.items())) if special else ()
        if key not in self._folds:
            # folding goes character by character, so the folded lines are the folded text
            # cut at its line feeds, as long as no other character folds to a line feed
            text = fold(self.joined) if special is None else fold_chars(self.joined, special)
            aligned = text.count("\n") == max(len(self.lines) - 1, 0)
            self._folds[key] = (text, FoldedLines(text) if aligned else None)
        return self._folds[key]
