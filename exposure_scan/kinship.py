"""A household member named by first name only: "haar zoon Sem", "Sem (8), Meidoornstraat 23",
"Sanne de Wit en Sem de Wit".

A first name on its own says nothing (many pages name a Sem), so it counts only where the
page ties it to the clinician, close by, on the same or the next line:
- next to the clinician's home address (as the clinician's matcher found it), listed with
  it (only names, ages and "en"/"and" in between) or marked as family;
- next to the clinician's name, marked as family: a kinship word before or after it
  ("zoon", "her husband", "haar man") with only names, ages and "en"/"and" in between, or
  the family's surname written after it;
- next to the home street with the family's surname, or with a kinship word on a page
  that names the clinician.
A first name followed by another surname ("Sem Jansen") is someone else, and a name in the
middle of other words ("collega Sem") has no kinship word next to it. Pure and synchronous.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from anyascii import anyascii

from exposure_scan.matching.normalise import fold, letters, load_data
from exposure_scan.models import FieldKind, FieldMatch, HouseholdTie, MatchPart
from exposure_scan.scoring import strong_name

__all__ = ["FIRST_NAME_REASON", "FirstNames", "Mention", "PlaceFinder", "is_first_name_only"]

# Kinship words that say "family" on their own, and those that need a possessive before
# them ("haar man", "her partner": a practice's "partner" or "the man" is no kin).
KIN = frozenset({
    "zoon", "zoons", "zoontje", "dochter", "dochters", "dochtertje", "kind", "kinderen",
    "kindje", "echtgenoot", "echtgenote", "gezin", "familie", "stiefzoon", "stiefdochter",
    "son", "sons", "daughter", "daughters", "child", "children", "kids", "husband", "wife",
    "spouse", "family", "stepson", "stepdaughter",
})
KIN_AFTER_POSSESSIVE = frozenset({
    "man", "vrouw", "partner", "vriend", "vriendin", "jongens", "meiden", "boy", "boys",
    "girl", "girls", "boyfriend", "girlfriend",
})
POSSESSIVES = frozenset({"haar", "zijn", "hun", "mijn", "onze", "ons", "her", "his", "their",
                         "my", "our"})
LINKS = frozenset({"en", "and", "met", "with", "of", "or"})
# Between a kinship word and the name: names, ages, "(8)", commas; never a sentence end.
GAP = re.compile(r"[\s,&:()\d/+-]*")
SAME_NAME_GAP = re.compile(r"[ \t\u00a0]+")  # a surname written after the first name
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*")
OWNER = re.compile(r"['’]s$", re.I)  # "Lotte's": a name's possessive
REACH = 60  # characters searched for a kinship word, either side
NEAR_CHARS = 80  # a first name this close to the clinician's name or home address
NEAR_LINES = 1
# A page naming someone thousands of times is a list, not a family page: the first places
# are enough, and the work per page stays bounded.
MAX_PLACES = 300
FIRST_NAME_REASON = "first name, tied to you on the page"
FIRST_NAME_PARTS = (MatchPart.GIVEN_NAME,)  # no surname: only this rule matches so


def is_first_name_only(match: FieldMatch) -> bool:
    """A match made by this first-name rule (decided on its parts, never its words)."""
    return match.field is FieldKind.NAME and match.parts == FIRST_NAME_PARTS


@dataclass(frozen=True, slots=True)
class Mention:
    """A first name on the page, and what ties it to the clinician."""

    start: int
    end: int
    observed: str
    ties: frozenset[HouseholdTie]


def _pattern(values: Iterable[str], capital: bool = False) -> re.Pattern[str] | None:
    """The values as whole words, in any case (`capital`: starting with a capital, which
    also lets the search skip ahead on that letter); as written and in plain ASCII."""
    forms = {v.strip() for value in values for v in (value, anyascii(value)) if v.strip()}
    if not forms:
        return None
    alternatives = "|".join(
        re.escape(f[0].upper()) + f"(?i:{re.escape(f[1:])})" if capital else
        f"(?i:{re.escape(f)})"
        for f in sorted(forms, key=len, reverse=True)
    )
    return re.compile(rf"(?:{alternatives})(?![^\W\d_]|['’-][^\W\d_])")


def _words(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches that do not continue a word on the left (a look-behind would slow every
    position of the page)."""
    for found in pattern.finditer(text):
        start = found.start()
        if start == 0 or not (text[start - 1].isalpha() or text[start - 1] in "'’-"):
            yield found


def _key(text: str) -> str:
    return letters(fold(text))


class FirstNames:
    """The first-name rule for one member; build once per profile."""

    def __init__(self, first_names: Sequence[str], family: Iterable[str],
                 streets: Iterable[str], clinician: Iterable[str] = ()) -> None:
        self.pattern = _pattern(first_names, capital=True)
        # the household's surnames, whole and in parts ("de Wit-Bakker": dewit, bakker)
        self.family = {_key(p) for s in family for p in [s, *s.split("-")] if _key(p)}
        self.street = _pattern(streets)
        # whose "'s" before a kinship word makes it the clinician's family
        self.people = self.family | {_key(n) for n in clinician if _key(n)}
        self.particles = frozenset(str(w) for w in load_data("names")["particles"])

    def mentions(
        self, text: str, clinician: list[FieldMatch], places: PlaceFinder
    ) -> list[Mention]:
        """Each place the first name stands tied to the clinician."""
        if self.pattern is None or not text:
            return []
        candidates = [f.span() for f in islice(_words(self.pattern, text), MAX_PLACES)]
        if not candidates:  # most pages: no need to look further
            return []
        names = places.of([m.observed for m in clinician if strong_name(m)])
        homes = places.of(
            [m.observed for m in clinician if m.field is FieldKind.ADDRESS and m.private]
        )
        if not names and not homes and not (self.street and any(_words(self.street, text))):
            return []
        streets = places.spans(self.street) if self.street else []
        out = []
        for start, end in candidates:
            if _inside(start, end, names):
                continue
            surname_end = self._surname_end(text, end)
            if surname_end is None:  # another surname: another person
                continue
            family = surname_end > end
            end = surname_end
            kin = family or self._kin_before(text, start) or self._kin_after(text, end)
            ties = set()
            home = [p for p in homes if places.near(start, end, [p])]
            # next to the home address: as one of its residents ("Meidoornstraat 23: Kees
            # en Sem"), or as family; a neighbour's entry between them is someone else
            if any(kin or self._listed_with(text, start, end, p) for p in home):
                ties.add(HouseholdTie.HOME_ADDRESS)
            # the home street alone: only with the family's surname, or a kinship word on a
            # page that names the clinician (a neighbour's son lives in the street too)
            elif (family or (kin and names)) and places.near(start, end, streets):
                ties.add(HouseholdTie.HOME_ADDRESS)
            if kin and places.near(start, end, names):
                ties.add(HouseholdTie.NAMED_WITH_CLINICIAN)
            if ties:
                out.append(Mention(start, end, text[start:end], frozenset(ties)))
        return out

    def _surname_end(self, text: str, end: int) -> int | None:
        """Where the name ends: `end`, or past the family's surname written after it;
        None when another surname follows."""
        at, words = end, []
        while True:
            gap = SAME_NAME_GAP.match(text, at)
            if gap is None:
                break
            word = WORD.match(text, gap.end())
            if word is None:
                break
            words.append(word.group())
            at = word.end()
            particle = _key(word.group()) in self.particles
            if word.group()[0].isupper() and not particle:  # "De Wit": on to "Wit"
                break
            if not particle:
                return end  # "Sem en Lotte", "Sem woont": no surname
        if not words or not words[-1][0].isupper():
            return end
        if words[-1].lower() in KIN or words[-1].lower() in LINKS:
            return end
        surname = _key(" ".join(words))
        parts = {_key(p) for p in words[-1].split("-")}
        if surname in self.family or _key(words[-1]) in self.family or parts & self.family:
            return at
        return None

    def _listed_with(
        self, text: str, start: int, end: int, place: tuple[int, int, int]
    ) -> bool:
        """Only names, ages and "en"/"and" between the name and the address."""
        a, b = (end, place[0]) if place[0] >= end else (place[1], start)
        at = a
        for word in WORD.finditer(text, a, b):
            value = word.group()
            if not GAP.fullmatch(text, at, word.start()):
                return False
            lower = value.lower()
            if not value[0].isupper() and lower not in LINKS and lower not in self.particles:
                return False
            at = word.end()
        return bool(GAP.fullmatch(text, at, b))

    def _kin_before(self, text: str, start: int) -> bool:
        at = start
        low = max(0, start - REACH)
        words = list(WORD.finditer(text, low, start))
        for word in reversed(words):
            if not GAP.fullmatch(text, word.end(), at):
                return False
            value = word.group().lower()
            if value in KIN:
                # "Lotte's zoon Sem": someone else's son, unless Lotte is the clinician
                before = [w for w in words if w.end() <= word.start()]
                owner = before[-1].group() if before else ""
                if before and text[before[-1].end():word.start()].isspace() and (
                    OWNER.search(owner) and _key(OWNER.sub("", owner)) not in self.people
                ):
                    return False
                return True
            if value in KIN_AFTER_POSSESSIVE:
                before = [w for w in words if w.end() <= word.start()]
                return bool(before) and before[-1].group().lower() in POSSESSIVES and bool(
                    GAP.fullmatch(text, before[-1].end(), word.start()))
            if value not in LINKS and not word.group()[0].isupper():
                return False
            at = word.start()
        return False

    def _kin_after(self, text: str, end: int) -> bool:
        """ "Sem (8), her son", "Kees, haar man": a kinship word right after the name."""
        at, possessive = end, False
        for word in WORD.finditer(text, end, min(len(text), end + REACH)):
            if not GAP.fullmatch(text, at, word.start()):
                return False
            value = word.group().lower()
            if value in KIN or (possessive and value in KIN_AFTER_POSSESSIVE):
                return True
            possessive = value in POSSESSIVES
            if not possessive and value not in LINKS and not word.group()[0].isupper():
                return False
            at = word.end()
        return False

    def match(self, mention: Mention) -> FieldMatch:
        return FieldMatch(
            field=FieldKind.NAME, label="", observed=mention.observed, confidence=0.8,
            reason=FIRST_NAME_REASON, parts=FIRST_NAME_PARTS,
        )


def _inside(start: int, end: int, spans: list[tuple[int, int, int]]) -> bool:
    return any(s < end and start < e for s, e, _ in spans)


class PlaceFinder:
    """Places of values in one page's text, with their line numbers."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: list[int] | None = None

    def line(self, at: int) -> int:
        if self._breaks is None:  # only for a page that names a member
            self._breaks = [m.start() for m in re.finditer("\n", self.text)]
        return bisect_right(self._breaks, at)

    def of(self, values: Iterable[str]) -> list[tuple[int, int, int]]:
        """Where each value stands, in any case. Searched in the text itself: a lower-cased
        copy can be longer ("İ" becomes two characters) and its places would drift."""
        out: list[tuple[int, int, int]] = []
        for value in values:
            needle = value.strip()
            if not needle:
                continue
            for found in re.finditer(re.escape(needle), self.text, re.IGNORECASE):
                if len(out) >= MAX_PLACES:
                    break
                out.append((found.start(), found.end(), self.line(found.start())))
        return out

    def spans(self, pattern: re.Pattern[str]) -> list[tuple[int, int, int]]:
        found = islice(_words(pattern, self.text), MAX_PLACES)
        return [(m.start(), m.end(), self.line(m.start())) for m in found]

    def near(self, start: int, end: int, places: list[tuple[int, int, int]]) -> bool:
        line = self.line(start)
        return any(
            abs(line - pl) <= NEAR_LINES and max(ps - end, start - pe, 0) <= NEAR_CHARS
            for ps, pe, pl in places
        )
