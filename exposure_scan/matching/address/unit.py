"""Does the unit shown agree with the profile's? Units after a designator (Apt 4, Flat
3/2), Edinburgh's 1F2 and flats named by their floor (Ground Floor Flat).

A unit word is read as a unit only as units are written: followed by a unit number or
letter (Apt 4B, Flat 3/2, Suite 200, # 12), not by a word ("App gerust", the given name
Floor). In running text it must also stand in unit position, next to the street and house
number it belongs to (Apt 4, 12 Main St; Apt 4 at 12 Main St; Kerkstraat 12, app. 3) or
right after its place (unit_after): elsewhere on the line it is another address's unit, or
an ordinary word."""

from __future__ import annotations

from dataclasses import dataclass

from exposure_scan.matching.address.profileaddress import ProfileAddress
from exposure_scan.matching.address.street import EDINBURGH, StreetReading
from exposure_scan.matching.address.tokens import Token
from exposure_scan.matching.address.vocabulary import norm_unit, vocabulary

# What may stand between a unit and the street it belongs to: 12 Main St, Apt 4; (Apt 4);
# the separators of a listing line (Apt 4B | 12 Main St; Kerkstraat 12 · app. 3).
_BETWEEN = frozenset({",", "(", ")", "|", ";", "/"})

UNIT_BEFORE = 6  # tokens: "Ground Floor Flat, 12" and "Flat 2, Kingsley Court, 17" fit
UNIT_AFTER = 4  # tokens: "St, Apt 3B" and "Road Flat 2" fit


@dataclass(frozen=True, slots=True)
class UnitReading:
    """The unit shown (None when not shown), and the tokens read so far, the unit's too."""

    unit: str | None
    used: frozenset[int]


@dataclass(frozen=True, slots=True)
class _Unit:
    start: int  # token span of the designator and the unit's number
    end: int  # one past the last token
    unit: str  # the unit without its designator (norm_unit)


def read_unit(
    toks: list[Token], target: ProfileAddress, street: StreetReading, *, text: bool
) -> UnitReading | None:
    """The unit shown, if it agrees: a missing unit still matches; a different one, or one
    the profile lacks, does not (None). In a record (text False) every unit counts; in
    running text only those next to the street and number."""
    used = set(street.used)
    seen = [street.unit] if street.unit else []
    if text:
        # Only near the street: a unit further away belongs to another address, and reading
        # the whole line for each street reading was quadratic in a long one-line page.
        near = _units(toks, target, used, _near(toks, street))
        units = _next_to(toks, near, street.first, street.last)
    else:
        units = _units(toks, target, used, range(len(toks)))
    for found in units:
        used.update(range(found.start, found.end))
        seen.append(found.unit)
    if any(unit != target.unit for unit in seen):
        return None
    return UnitReading(unit=seen[0] if seen else None, used=frozenset(used))


def unit_after(
    toks: list[Token], target: ProfileAddress, last: int, used: frozenset[int]
) -> str | None:
    """The unit written right after the place that ends at last (Kerkstraat 12, Utrecht,
    app. 3), or None."""
    if toks[last].ends_sentence:
        return None  # Kerkstraat 12, Utrecht. Floor 3 ...: another sentence
    p = last + 1
    if p < len(toks) and toks[p].text in _BETWEEN:
        p += 1
    if p >= len(toks) or p in used:
        return None
    found = _unit_at(toks, p, target, set(used))
    return found.unit if found is not None else None


def _units(
    toks: list[Token], target: ProfileAddress, used: set[int], where: range
) -> list[_Unit]:
    """Every unit starting among the tokens `where` not yet read, in order."""
    out: list[_Unit] = []
    i = where.start
    while i < where.stop:
        found = None if i in used else _unit_at(toks, i, target, used)
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.end
    return out


def _next_to(toks: list[Token], units: list[_Unit], first: int, last: int) -> list[_Unit]:
    """The units in unit position: each next to the street and number (tokens first..last)
    or to a unit already taken, with at most a separator or a joining word between."""
    taken: list[_Unit] = []
    rest = list(units)
    left, right = first, last
    while rest:
        for found in rest:
            if _joined(toks, right, found.start):
                right = found.end - 1
            elif _joined(toks, found.end - 1, left):
                left = found.start
            else:
                continue
            taken.append(found)
            rest.remove(found)
            break
        else:
            break
    return taken


def _joined(toks: list[Token], a: int, b: int) -> bool:
    """Token b follows token a directly, or with one separator or joining word between
    (Apt 4 at 12 Main St); not across the end of a sentence."""
    if any(toks[q].ends_sentence for q in range(a, b)):
        return False
    if b == a + 1:
        return True
    if b != a + 2:
        return False
    between = toks[a + 1].text
    return between in _BETWEEN or between in vocabulary().unit_joiners


def _unit_at(toks: list[Token], i: int, target: ProfileAddress, used: set[int]) -> _Unit | None:
    """The unit that starts at token i, if one does."""
    table = vocabulary()
    tok = toks[i]
    if EDINBURGH.fullmatch(tok.text) or tok.text in table.floor_names:
        return _named_unit(toks, i)
    if tok.text not in table.unit_words:
        return None
    p = i + 1
    if tok.text != "#" and p < len(toks) and toks[p].text == "#":
        p += 1  # Apt #4
    if p >= len(toks) or p in used or not _unit_number(toks[p].text):
        return None  # App gerust, Floor de Vries: a word, not a unit's number
    if (
        target.country == "US"
        and tok.text in table.states
        and len(toks[p].text) == 5
        and toks[p].text.isdigit()
    ):
        return None  # Miami, FL 33101: the state and its ZIP code, not floor 33101
    ident = [toks[p].text]
    p += 1
    if (
        p + 1 < len(toks)
        and toks[p].text == "/"
        and ident[0].isdigit()
        and toks[p + 1].text.isdigit()
        and p + 1 not in used
    ):
        ident.append(f"/{toks[p + 1].text}")  # Flat 3/2: third floor, second flat
        p += 2
    elif (
        p < len(toks)
        and p not in used
        and len(toks[p].text) == 1
        and toks[p].text.isalnum()
        and toks[p].text not in table.unit_words
    ):
        ident.append(toks[p].text)  # Apt 4 B
        p += 1
    return _Unit(i, p, norm_unit(" ".join(ident).replace(" /", "/")))


def _unit_number(text: str) -> bool:
    """As a unit's number or letter is written: 4, B, 4B (read as 4 and B), III, 3F1."""
    if text.isdigit() or EDINBURGH.fullmatch(text):
        return True
    return text.isalpha() and (len(text) == 1 or text in vocabulary().roman_numerals)


def _near(toks: list[Token], street: StreetReading) -> range:
    """Where this address's unit can stand: a few tokens before the street (Flat 2, 17 X
    Road) or after it (1420 Elm St, Apt 3B), within its line. A unit further away belongs
    to another address ("... HG1 2AB. We moved to Suite 4"), and scanning the whole line
    for each street reading was quadratic in a long one-line page."""
    lo = max(0, street.first - UNIT_BEFORE)
    hi = min(len(toks), street.last + 1 + UNIT_AFTER)
    for k in range(street.first - 1, lo - 1, -1):
        if toks[k].text == "\n":  # a listing's "|" may stand between (App. 3 | Kerkstraat 12)
            lo = k + 1
            break
    for k in range(street.last + 1, hi):
        if toks[k].text == "\n":
            hi = k
            break
    return range(lo, hi)


def _named_unit(toks: list[Token], i: int) -> _Unit | None:
    """A unit without a designator: Edinburgh's 1F2 (first floor, second door), a flat named
    by its floor (Ground Floor Flat, Basement Flat)."""
    table = vocabulary()
    tok = toks[i]
    j = i + 1
    if not EDINBURGH.fullmatch(tok.text):
        if j < len(toks) and toks[j].text in table.floor_designators:
            j += 1
        if (
            j < len(toks)
            and toks[j].text in table.unit_words
            and toks[j].text not in table.floor_designators
        ):
            j += 1
        if j == i + 1:
            return None  # First Avenue: a floor word must follow
    return _Unit(i, j, norm_unit(tok.text))
