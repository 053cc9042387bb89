"""Pure text normalisation shared by the field matchers.

Everything here is a pure function of its arguments (and of the packaged data files, read
once). Nothing is normalised in place: callers keep the raw string to show as evidence.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import product
from typing import Any

from anyascii import anyascii

from exposure_scan import packaged

# Letters that Unicode decomposition does not reduce, or that have a second spelling
# (German and Dutch write ü as ue when the diaeresis is not available).
_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "ä": ("a", "ae"),
    "ö": ("o", "oe"),
    "ü": ("u", "ue"),
    "ø": ("o", "oe"),
    "æ": ("ae", "a"),
    "å": ("a", "aa"),
    "ß": ("ss",),
    "đ": ("dj", "d"),
    "ð": ("d",),
    "þ": ("th",),
    "ı": ("i",),
    "ł": ("l",),
    "œ": ("oe",),
    "ĳ": ("ij",),
}

# The "e-form": how a writer without the diacritic spells it (Müller -> Mueller).
_E_FORM = {ch: alts[-1] if ch in "äöü" else alts[0] for ch, alts in _ALTERNATIVES.items()}

_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_NON_LETTERS = re.compile(r"[^a-z]+")

MAX_VARIANTS = 32


@cache
def load_data(name: str) -> dict[str, Any]:
    """One packaged TOML table (``names``, ``address``, ``cities``), validated, read once."""
    from exposure_scan.matching.tables import TABLES

    return packaged.load(TABLES[name], f"matching/{name}.toml").model_dump()


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return anyascii(ch).lower()


def fold(text: str) -> str:
    """Lower case ASCII: case, diacritics and scripts folded (Öztürk -> ozturk, ı -> i)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text.lower())


def fold_e(text: str) -> str:
    """Like fold, but with the German/Dutch e-spelling (Öztürk -> oeztuerk, đ -> dj)."""
    low = text.lower()
    if low.isascii():
        return low
    return "".join(_E_FORM.get(ch) or _fold_char(ch) for ch in low)


def fold_forms(text: str) -> tuple[str, ...]:
    """The candidate-side spellings of a string: plain folding and the e-form."""
    plain = fold(text)
    eform = fold_e(text)
    return (plain,) if plain == eform else (plain, eform)


def fold_with_map(text: str, special: dict[str, str] | None = None) -> tuple[str, list[int]]:
    """fold(text) and, for each folded character, the index of its source character.
    special: characters folded otherwise than by fold (the address tokenizer's ½ and ·)."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if special and ch in special:
            piece = special[ch]
        else:
            piece = _fold_char(ch) if not ch.isascii() else ch.lower()
        out.append(piece)
        index.extend([i] * len(piece))
    return "".join(out), index


def letters(text: str) -> str:
    """Only the letters a-z of an already folded string: "van 't Hof" -> "vanthof"."""
    return _NON_LETTERS.sub("", text)


def variants(text: str) -> frozenset[str]:
    """All folded spellings of a profile value (Öztürk: ozturk, oezturk, oztuerk, ...)."""
    low = _APOSTROPHES.sub("", text.lower())
    pieces: list[tuple[str, ...]] = []
    for ch in low:
        if ch in _ALTERNATIVES:
            pieces.append(_ALTERNATIVES[ch])
        else:
            pieces.append((_fold_char(ch),))
    out: set[str] = set()
    for combo in product(*pieces):
        out.add("".join(combo))
        if len(out) >= MAX_VARIANTS:
            break
    out.add(fold(low))
    out.add(fold_e(low))
    return frozenset(out)


def strip_apostrophes(text: str) -> str:
    return _APOSTROPHES.sub("", text)

