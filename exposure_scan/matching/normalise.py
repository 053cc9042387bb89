"""Pure text normalisation shared by the field matchers.

Everything here is a pure function of its arguments (and of the packaged data files, read
once). Nothing is normalised in place: callers keep the raw string to show as evidence.
"""

from __future__ import annotations

import codecs
import re
from functools import cache, lru_cache
from itertools import count, product
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


def _fold_run(match: re.Match[str]) -> str:
    return "".join(map(_fold_char, match.group()))


def fold(text: str) -> str:
    """Lower case ASCII: case, diacritics and scripts folded (Öztürk -> ozturk, ı -> i)."""
    if text.isascii():
        return text.lower()
    # The ASCII encoder copies the ASCII stretches in C and hands each run of other
    # characters to _fold_runs: a whole page folds without a regex scan over it.
    try:
        return text.encode("ascii", _fold_errors()).lower().decode("ascii")
    except UnicodeEncodeError:  # a folding that is not ASCII (anyascii promises none)
        return _NON_ASCII.sub(_fold_run, text.lower())


def _fold_runs(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a run of non-ASCII characters as fold folds it. The run is
    lowered on its own: only a capital sigma lowers by its neighbours, and both of its
    lower forms fold to s."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    run = error.object[error.start : error.end]
    return (_fold_short_run(run) if len(run) <= 8 else _fold_long_run(run)), error.end


def _fold_long_run(run: str) -> str:
    return "".join([ch if ch < "\x80" else _fold_char(ch) for ch in run.lower()])


# a page repeats its few short runs (· — é): each is folded once
_fold_short_run = lru_cache(maxsize=4096)(_fold_long_run)


@lru_cache(maxsize=1)
def _fold_errors() -> str:
    """The codec error handler's name, registered at the first page folded (not on import)."""
    name = "exposure_scan.fold"
    codecs.register_error(name, _fold_runs)
    return name


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
    done = 0  # the ASCII stretches between other characters are copied whole
    for found in _apart(special).finditer(text):
        i = found.start()
        if i > done:
            out.append(text[done:i].lower())
            index.extend(range(done, i))
        ch = found.group()
        piece = special[ch] if special and ch in special else _fold_char(ch)
        out.append(piece)
        index.extend([i] * len(piece))
        done = i + 1
    if done < len(text):
        out.append(text[done:].lower())
        index.extend(range(done, len(text)))
    return "".join(out), index


def fold_chars(text: str, special: dict[str, str] | None = None) -> str:
    """fold_with_map(text, special)[0], without the index (and without a Python step per
    character: see fold)."""
    if text.isascii():
        return text.lower()
    errors = _fold_chars_errors(tuple(sorted(special.items())) if special else ())
    if errors is not None:
        try:
            return text.encode("ascii", errors).lower().decode("ascii")
        except UnicodeEncodeError:
            pass
    return fold_with_map(text, special)[0]


@lru_cache(maxsize=16)
def _fold_chars_errors(items: tuple[tuple[str, str], ...]) -> str | None:
    """The name of a codec error handler that folds a run of non-ASCII characters as
    fold_with_map does with these special characters; None when the encoder cannot (a
    special ASCII character, or a special folding that lower-casing would change)."""
    special = dict(items)
    if any(ch.isascii() or value != value.lower() for ch, value in special.items()):
        return None

    def fold_long_run(run: str) -> str:
        return "".join([special[ch] if ch in special else _fold_char(ch) for ch in run])

    fold_short_run = lru_cache(maxsize=4096)(fold_long_run)

    def fold_run(error: UnicodeError) -> tuple[str, int]:
        if not isinstance(error, UnicodeEncodeError):
            raise error
        run = error.object[error.start : error.end]
        return (fold_short_run(run) if len(run) <= 8 else fold_long_run(run)), error.end

    name = f"exposure_scan.fold_chars.{next(_HANDLER_NUMBERS)}"
    codecs.register_error(name, fold_run)
    return name


_HANDLER_NUMBERS = count()
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _apart(special: dict[str, str] | None) -> re.Pattern[str]:
    """Finds, one at a time, the characters fold_with_map does not just lower-case."""
    return _non_ascii_or("".join(sorted(special)) if special else "")


@lru_cache(maxsize=16)
def _non_ascii_or(chars: str) -> re.Pattern[str]:
    return re.compile(r"[^\x00-\x7f]" + (f"|[{re.escape(chars)}]" if chars else ""))


def letters(text: str) -> str:
    """Only the letters a-z of an already folded string: "van 't Hof" -> "vanthof"."""
    if text.isascii():  # what fold gives: the bytes' own translate is many times faster
        return text.encode("ascii").translate(None, _NOT_LETTER_BYTES).decode("ascii")
    return _NON_LETTERS.sub("", text)


_NOT_LETTER_BYTES = bytes(b for b in range(128) if not 97 <= b <= 122)


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

