"""Does an observed name name this person?

The surname must be the same (after case, diacritics, transliteration, spacing and the form
of its particles) and every given name or initial shown must agree, in order, with the
profile's given names. Titles, credentials and roles are ignored. A double surname matches
by its parts only when the profile's names show it is a partner-name combination.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from exposure_scan.matching.normalise import (
    fold,
    fold_forms,
    letters,
    load_data,
    strip_apostrophes,
    variants,
)
from exposure_scan.matching.pagetext import PageText
from exposure_scan.matching.reason import describe
from exposure_scan.models import FieldKind, FieldMatch, MatchPart
from exposure_scan.profile import PersonName

_BRACKETS = re.compile(r"\(([^()]*)\)")
_CHUNKS = re.compile(r"[^\s,;/|]+")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?\.?")
_ABBREV = re.compile(r"[^\W\d_][a-z]{1,2}\.")  # Th., Chr., Joh.
_HYPHENS = re.compile(r"[-‐‑‒–—]+")
_DE_HEER = re.compile(r"\bde\s+heer\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[!?:;|,]\s*$|[^\W\d_]{2,}\.\s*$")
_WORD_IN_LINE = re.compile(r"[^\s,;:|()\[\]/\"]+")
_LETTER_RUNS = re.compile(r"[a-z]+")
# Occurrences of the surname looked at in one page: a register that names more than this
# many namesakes is rare, and a hostile page repeating the surname must not cost minutes.
MAX_ANCHORS = 250
# Tokens in one name: "dr. J.P. (Jan) van der Vries-Jansen MD huisarts" has ten. A longer
# field is read as running text (the search over every split would grow as n³).
MAX_NAME_TOKENS = 16


def _vocab(key: str) -> frozenset[str]:
    return frozenset(str(word) for word in load_data("names")[key])


@dataclass(frozen=True, slots=True)
class Tok:
    """One word of an observed name."""

    forms: tuple[str, ...]  # letters-only folded spellings
    initial: str = ""  # for an initial: the letters it abbreviates ("j", "th")
    bracket: bool = False  # a call name in brackets: J.P. (Jan) de Vries
    particle: bool = False
    title: bool = False  # dotted initials that also spell a credential: M.A., M.D.


@dataclass(frozen=True, slots=True)
class Reading:
    """One way the profile allows the person to be named."""

    given: tuple[frozenset[str], ...]  # variants of each given name, in order
    surnames: frozenset[str]  # letters-only variants of every accepted surname
    partner: frozenset[str]  # of those, the ones that are one half of a combination


def _given_parts(given: str) -> tuple[frozenset[str], ...]:
    parts = [p for p in _HYPHENS.sub(" ", strip_apostrophes(given)).split() if p.strip(".")]
    return tuple(frozenset(letters(v) for v in variants(p)) for p in parts)


def _surname_keys(surname: str) -> frozenset[str]:
    return frozenset(letters(v) for v in variants(surname))


def build_readings(names: Sequence[PersonName]) -> tuple[Reading, ...]:
    whole = {letters(fold(n.surname)) for n in names}
    readings: list[Reading] = []
    for name in names:
        keys = set(_surname_keys(name.surname))
        partner: set[str] = set()
        parts = [p.strip() for p in _HYPHENS.split(name.surname) if p.strip()]
        if len(parts) == 2 and any(letters(fold(p)) in whole for p in parts):
            first, second = (_surname_keys(p) for p in parts)
            partner |= first | second
            keys |= partner | {b + a for a in first for b in second}
        frozen_keys, frozen_partner = frozenset(keys), frozenset(partner)
        for given in _given_names(name):
            readings.append(Reading(_given_parts(given), frozen_keys, frozen_partner))
    return tuple(readings)


def _given_names(name: PersonName) -> list[str]:
    """The given names, and the ones the full name uses if it differs (a call name)."""
    out = [name.given]
    full = _BRACKETS.sub(" ", name.full)
    at = full.lower().rfind(name.surname.lower())
    if at > 0:
        alt = " ".join(full[:at].split())
        if alt and letters(fold(alt)) != letters(fold(name.given)):
            out.append(alt)
    return out


class NameMatcher:
    """Matches observed names against the profile's names; built once per profile."""

    def __init__(self, names: Sequence[PersonName]) -> None:
        self.readings = build_readings(names)
        own = {w for r in self.readings for g in r.given for w in g}
        own |= {letters(w) for n in names for w in fold(_HYPHENS.sub(" ", n.surname)).split()}
        self.titles = _vocab("titles") - own
        self.call_names = tuple(g for r in self.readings for g in r.given)
        # first letters of every given name: a span with no word starting so names no one
        self.given_letters = frozenset(v[:1] for g in self.call_names for v in g if v)
        self.particles = _vocab("particles")
        self.joiners = _vocab("joiners")
        anchors: set[str] = set()
        for name in names:
            for word in _HYPHENS.sub(" ", strip_apostrophes(name.surname)).split():
                if letters(fold(word)) not in self.particles:
                    anchors |= {letters(v) for v in variants(word)}
        self.anchors = frozenset(a for a in anchors if a)
        # an anchor in letters(fold(line)): its letters in the folded line with only other
        # characters between them; an anchor holding another is found where that one is
        self._anchor_patterns = tuple(
            re.compile("[^a-z\n]*".join(map(re.escape, a)))
            for a in sorted(self.anchors)
            if not any(b != a and b in a for b in self.anchors)
        )
        self.surname_words = frozenset(
            letters(v)
            for n in names
            for w in _HYPHENS.sub(" ", strip_apostrophes(n.surname)).split()
            for v in variants(w)
        )
        # Short words of the profile's surnames that look like an initial: Ó (Ó Briain),
        # St. (St. Clair), d' ... read as a surname word as well as an initial.
        self.short_words = frozenset(
            letters(fold(w))
            for n in names
            for w in _HYPHENS.sub(" ", strip_apostrophes(n.surname)).split()
            if len(letters(fold(w))) <= 3
        )

    # -- observed string -> tokens ---------------------------------------------------------

    def tokens(self, raw: str) -> list[Tok]:
        calls = _BRACKETS.findall(raw)
        body = _DE_HEER.sub(" ", _BRACKETS.sub(" ", raw))
        mixed_case = any(c.islower() for c in body)
        out: list[Tok] = []
        for index, chunk in enumerate(_CHUNKS.findall(body)):
            out.extend(self._chunk(chunk, index, mixed_case))
        for call in calls:
            for chunk in _CHUNKS.findall(call):
                out.extend(Tok(t.forms, t.initial, True) for t in self._chunk(chunk, 1, True))
        return out

    def _chunk(self, chunk: str, index: int, mixed_case: bool) -> list[Tok]:
        bare = letters(fold(chunk))
        if not bare:
            return []
        is_initials = _INITIALS.fullmatch(chunk) is not None
        if bare in self.titles and not (is_initials and index == 0 and chunk[0].isupper()):
            if not is_initials or len(bare) < 2:
                return []
            # M.A., M.D.: a credential, or the initials of the given names; both are tried
            return _initial_toks(chunk, title=True)
        if bare in self.joiners and chunk.islower():
            return []
        short = bare in self.short_words and chunk[0].isalpha()
        if short and (len(bare) == 1 or _ABBREV.fullmatch(chunk)):
            # one of the profile's own surname words (Ó Briain, St. Clair): surname or initial
            dual = Tok((bare,), initial=bare if len(bare) == 1 else "", particle=True)
            return [dual]
        if is_initials or (len(bare) == 1 and chunk[0].isalpha()):
            return _initial_toks(chunk)
        if _ABBREV.fullmatch(chunk):
            return [Tok((), initial=bare)]
        if (
            mixed_case
            and chunk.isupper()
            and len(bare) <= 3
            and bare not in self.particles
            and bare not in self.surname_words
        ):
            return [Tok((), initial=ch) for ch in bare]
        out: list[Tok] = []
        for part in _HYPHENS.split(strip_apostrophes(chunk).strip(".")):
            forms = tuple(f for f in dict.fromkeys(letters(f) for f in fold_forms(part)) if f)
            if forms:
                out.append(Tok(forms, particle=forms[0] in self.particles))
        return out

    # -- matching --------------------------------------------------------------------------

    def match(self, raw: str, *, whole: bool = True) -> FieldMatch | None:
        """raw names the person. whole: raw is a whole field (a longer one is searched as
        text); otherwise a span of running text, where a longer span names no one."""
        every = self.tokens(raw)
        if len(every) > MAX_NAME_TOKENS:
            return self.find_in_text(raw) if whole else None
        plain = [t for t in every if not t.title]
        best = self._best(plain)
        if best is None and len(plain) < len(every):
            best = self._best([Tok(t.forms, t.initial, t.bracket, t.particle) for t in every])
        if best is None:
            return None
        return FieldMatch(
            field=FieldKind.NAME,
            label="",
            observed=raw.strip(),
            confidence=best[0],
            reason=describe(best[1]),
            parts=best[1],
            private=False,
        )

    def _best(self, toks: list[Tok]) -> tuple[float, tuple[MatchPart, ...]] | None:
        if len(toks) < 2:
            return None
        best: tuple[float, tuple[MatchPart, ...]] | None = None
        for reading in self.readings:
            found = _match_reading(toks, reading, self.call_names)
            if found and (best is None or found[0] > best[0]):
                best = found
        return best

    def find_in_text(self, text: str, page: PageText | None = None) -> FieldMatch | None:
        """The first place in running text that names the person; failing that, a name
        broken over two lines ("... is Sanne\nde Wit"): the end of one line joined to the
        start of the next. page: the text's PageText, when the caller has it."""
        page = PageText(text) if page is None else page
        lines = page.lines
        hits = []
        budget = [MAX_ANCHORS]
        seen: dict[str, FieldMatch | None] = {}
        for n in self._anchor_lines(page):
            if budget[0] <= 0:
                break
            line = lines[n]
            folded = letters(fold(line))
            if not any(a in folded for a in self.anchors):
                continue
            hits.append(n)
            found = self._find_in_line(line, budget, seen)
            if found is not None:
                return found
        for n in sorted({k for hit in hits for k in (hit - 1, hit) if 0 <= k < len(lines) - 1}):
            if budget[0] <= 0:
                break
            tail = _WORD_IN_LINE.findall(lines[n])[-3:]
            head = _WORD_IN_LINE.findall(lines[n + 1])[:4]
            if not tail or not head or _SENTENCE_END.search(lines[n]):
                continue
            found = self._find_in_line(" ".join(tail + head), budget, seen)
            if found is not None:
                return found
        return None

    def _anchor_lines(self, page: PageText) -> Iterable[int]:
        """The lines where the surname may stand (a superset of those holding an anchor),
        in order: found in the folded page in a few searches, not line by line."""
        view = page.view()
        if view is None:
            return range(len(page.lines))
        found: set[int] = set()
        for pattern in self._anchor_patterns:
            found |= view.lines_matching(pattern)
        return sorted(found)

    def _find_in_line(
        self, line: str, budget: list[int], seen: dict[str, FieldMatch | None]
    ) -> FieldMatch | None:
        """Spans of up to eight words around each occurrence of the surname. budget counts
        the occurrences still to look at; seen holds spans already matched (a page that
        repeats itself costs once)."""
        words = list(_WORD_IN_LINE.finditer(line))
        folded = [letters(fold(strip_apostrophes(w.group()))) for w in words]
        may_give = [
            any(r[:1] in self.given_letters for r in _LETTER_RUNS.findall(fold(w.group())))
            for w in words
        ]
        for a, word in enumerate(words):
            if not folded[a] or not any(x in folded[a] for x in self.anchors):
                continue
            if not any(c.isupper() for c in word.group()):
                continue
            budget[0] -= 1
            if budget[0] < 0:
                return None
            for size in range(2, 9):
                for lo in range(max(0, a - size + 1), a + 1):
                    hi = lo + size
                    if hi > len(words) or not any(may_give[lo:hi]):
                        continue
                    span = line[words[lo].start() : words[hi - 1].end()]
                    if span not in seen:
                        seen[span] = self.match(span, whole=False)
                    found = seen[span]
                    if found is not None and not (
                        "," in span and self._in_name_list(line, words, lo, hi)
                    ):
                        return found
        return None

    def _in_name_list(self, line: str, words: list[re.Match[str]], lo: int, hi: int) -> bool:
        """Does a comma in the span separate two people ("Tom Kramer, Maria Jansen")
        rather than a surname from its given names? So it does when a capitalised name word
        runs on (past any particles), without punctuation, on either side of the span."""

        def gap(k: int) -> str:  # the text between word k and word k + 1
            return line[words[k].end() : words[k + 1].start()]

        def runs_on(k: int, step: int) -> bool:
            while 0 <= k < len(words):
                if gap(min(k, k - step)).strip():
                    return False
                word = words[k].group()
                bare = letters(fold(word))
                if bare in self.particles:
                    k += step
                    continue
                return (
                    word[:1].isupper()
                    and _HYPHENS.sub("", strip_apostrophes(word)).isalpha()
                    and bare not in self.titles
                    and len(bare) > 1
                )
            return False

        return runs_on(lo - 1, -1) or runs_on(hi, 1)


def _initial_toks(chunk: str, *, title: bool = False) -> list[Tok]:
    """One initial per letter of the chunk. A letter that folds to no a-z letter (a CJK or
    Arabic letter anyascii cannot romanise: "A𬕨") gives none: an empty initial would agree
    with every given name, and a token with neither forms nor initial reads as nothing."""
    out: list[Tok] = []
    for ch in chunk:
        key = letters(fold(ch)) if ch.isalpha() else ""
        if key:
            out.append(Tok((), initial=key, title=title))
    return out


def _span_keys(toks: Sequence[Tok]) -> set[str]:
    if not toks or any(not t.forms or t.bracket for t in toks):
        return set()
    first = "".join(t.forms[0] for t in toks)
    last = "".join(t.forms[-1] for t in toks)
    return {first, last}


def _match_reading(
    toks: list[Tok], reading: Reading, calls: tuple[frozenset[str], ...]
) -> tuple[float, tuple[MatchPart, ...]] | None:
    n = len(toks)
    for i in range(n):
        for j in range(i + 1, n + 1):
            keys = _span_keys(toks[i:j])
            if not keys:
                break
            for rest, key in _surname_readings(toks, i, j, keys, reading):
                verdict = _given_agree(rest, reading.given, calls)
                if verdict is not None:
                    return _explain(verdict, key in reading.partner)
    return None


def _surname_readings(
    toks: list[Tok], i: int, j: int, keys: set[str], reading: Reading
) -> Iterable[tuple[list[Tok], str]]:
    """The ways tokens i..j can be the surname, with the tokens left over."""
    for key in keys:
        if key in reading.surnames:
            yield toks[:i] + toks[j:], key
    # particles written after the name: "Vries de, J." and "Hof, N. van 't". A one-letter
    # word of the surname ('t, d') may also be an initial ("Veld, T. in 't"), so every
    # split of a particle run is tried.
    after = j
    while after < len(toks) and toks[after].particle:
        after += 1
        lead = "".join(t.forms[0] for t in toks[j:after])
        for key in keys:
            if lead + key in reading.surnames:
                yield toks[:i] + toks[after:], lead + key
    end = len(toks)
    start = end
    while start > j + 1 and toks[start - 1].particle:
        start -= 1
        lead = "".join(t.forms[0] for t in toks[start:end])
        for key in keys:
            if lead + key in reading.surnames:
                yield toks[:i] + toks[j:start], lead + key


def _given_agree(
    rest: list[Tok], given: tuple[frozenset[str], ...], calls: tuple[frozenset[str], ...]
) -> tuple[int, int] | None:
    """(full names, initials) that agree with the profile's given names, or None."""
    if not rest or not given:
        return None
    full = initials = 0
    position = 0
    for tok in rest:
        if tok.bracket:
            if not any(_agrees(tok, g) for g in calls):
                return None
        else:
            if position >= len(given) or not _agrees(tok, given[position]):
                return None
            position += 1
        if tok.initial:
            initials += 1
        else:
            full += 1
    return full, initials


def _agrees(tok: Tok, given: frozenset[str]) -> bool:
    if tok.initial:
        return any(g.startswith(tok.initial) for g in given)
    return any(f in given for f in tok.forms)


def _explain(verdict: tuple[int, int], partner: bool) -> tuple[float, tuple[MatchPart, ...]]:
    full, initials = verdict
    surname = MatchPart.PARTNER_SURNAME if partner else MatchPart.SURNAME
    if full:
        given = MatchPart.GIVEN_NAME if full == 1 else MatchPart.GIVEN_NAMES
        extra = (MatchPart.INITIALS,) if initials else ()
        return (0.9 if not partner else 0.85), (surname, given, *extra)
    what = MatchPart.INITIAL if initials == 1 else MatchPart.INITIALS
    return (0.75 if not partner else 0.7), (surname, what)
