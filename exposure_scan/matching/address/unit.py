"""Does the unit shown agree with the profile's? Units after a designator (Apt 4, Flat
3/2), Edinburgh's 1F2 and flats named by their floor (Ground Floor Flat)."""

from __future__ import annotations

from dataclasses import dataclass

from exposure_scan.matching.address.profileaddress import ProfileAddress
from exposure_scan.matching.address.street import EDINBURGH, StreetReading
from exposure_scan.matching.address.tokens import HARD_STOPS, Token
from exposure_scan.matching.address.vocabulary import norm_unit, vocabulary

UNIT_BEFORE = 6  # tokens: "Ground Floor Flat, 12" and "Flat 2, Kingsley Court, 17" fit
UNIT_AFTER = 4  # tokens: "St, Apt 3B" and "Road Flat 2" fit


@dataclass(frozen=True, slots=True)
class UnitReading:
    """The unit shown (None when not shown), and the tokens read so far, the unit's too."""

    unit: str | None
    used: frozenset[int]


def read_unit(
    toks: list[Token], target: ProfileAddress, street: StreetReading
) -> UnitReading | None:
    """The unit shown, if it agrees: a missing unit still matches; a different one, or one
    the profile lacks, does not (None)."""
    table = vocabulary()
    used = set(street.used)
    seen = [street.unit] if street.unit else []
    for i in _near(toks, street):
        tok = toks[i]
        if i in used:
            continue
        if EDINBURGH.fullmatch(tok.text) or tok.text in table.floor_names:
            named = _named_unit(toks, i, used)
            if named:
                seen.append(named)
            continue
        if tok.text not in table.unit_words:
            continue
        ident: list[str] = []
        p = i + 1
        while p < len(toks) and len(ident) < 2 and toks[p].text.isalnum() and p not in used:
            if (ident and len(toks[p].text) != 1) or toks[p].text in table.unit_words:
                break
            ident.append(toks[p].text)
            p += 1
            if (
                p + 1 < len(toks)
                and toks[p].text == "/"
                and ident[-1].isdigit()
                and toks[p + 1].text.isdigit()
                and p + 1 not in used
            ):
                ident.append(f"/{toks[p + 1].text}")  # Flat 3/2: third floor, second flat
                p += 2
                break
        if not ident:
            continue
        used.update(range(i, p))
        seen.append(norm_unit(" ".join(ident).replace(" /", "/")))
    if any(unit != target.unit for unit in seen):
        return None
    return UnitReading(unit=seen[0] if seen else None, used=frozenset(used))


def _near(toks: list[Token], street: StreetReading) -> range:
    """Where this address's unit can stand: a few tokens before the street (Flat 2, 17 X
    Road) or after it (1420 Elm St, Apt 3B), within its line. A unit further away belongs
    to another address ("... HG1 2AB. We moved to Suite 4"), and scanning the whole line
    for each street reading was quadratic in a long one-line page."""
    lo = max(0, street.first - UNIT_BEFORE)
    hi = min(len(toks), street.last + 1 + UNIT_AFTER)
    for k in range(street.first - 1, lo - 1, -1):
        if toks[k].text in HARD_STOPS:
            lo = k + 1
            break
    for k in range(street.last + 1, hi):
        if toks[k].text in HARD_STOPS:
            hi = k
            break
    return range(lo, hi)


def _named_unit(toks: list[Token], i: int, used: set[int]) -> str:
    """A unit without a designator: Edinburgh's 1F2 (first floor, second door), a flat named
    by its floor (Ground Floor Flat, Basement Flat). Adds its tokens to used; "" if none."""
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
            return ""  # First Avenue: a floor word must follow
    used.update(range(i, j))
    return norm_unit(tok.text)
