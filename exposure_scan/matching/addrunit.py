"""Does the unit shown agree with the profile's? Units after a designator (Apt 4, Flat
3/2), Edinburgh's 1F2 and flats named by their floor (Ground Floor Flat)."""

from __future__ import annotations

from exposure_scan.matching.addrtarget import Target
from exposure_scan.matching.addrtext import Tok, norm_unit, vocab
from exposure_scan.matching.housenumber import EDINBURGH, Found

# Flats named by their floor: Ground Floor Flat, First Floor Flat, Basement Flat.
_FLOOR_NAMES = frozenset({
    "ground", "basement", "lower", "upper", "top", "garden", "first", "second", "third",
    "fourth", "fifth", "attic", "gf", "ff", "sf", "tf",
})  # fmt: skip


def unit_agrees(toks: list[Tok], target: Target, found: Found) -> bool:
    """A missing unit still matches; a different one, or one the profile lacks, does not."""
    table = vocab()
    seen = [found.unit] if found.unit else []
    for i, tok in enumerate(toks):
        if i in found.used:
            continue
        if EDINBURGH.fullmatch(tok.t) or tok.t in _FLOOR_NAMES:
            named = _named_unit(toks, i, found)
            if named:
                seen.append(named)
            continue
        if tok.t not in table.unit_words:
            continue
        ident: list[str] = []
        p = i + 1
        while p < len(toks) and len(ident) < 2 and toks[p].t.isalnum() and p not in found.used:
            if (ident and len(toks[p].t) != 1) or toks[p].t in table.unit_words:
                break
            ident.append(toks[p].t)
            p += 1
            if (
                p + 1 < len(toks)
                and toks[p].t == "/"
                and ident[-1].isdigit()
                and toks[p + 1].t.isdigit()
                and p + 1 not in found.used
            ):
                ident.append(f"/{toks[p + 1].t}")  # Flat 3/2: third floor, second flat
                p += 2
                break
        if not ident:
            continue
        found.used.update(range(i, p))
        seen.append(norm_unit(" ".join(ident).replace(" /", "/")))
    if any(unit != target.unit for unit in seen):
        return False
    found.unit = seen[0] if seen else None
    return True


def _named_unit(toks: list[Tok], i: int, found: Found) -> str:
    """A unit without a designator: Edinburgh's 1F2 (first floor, second door), a flat named
    by its floor (Ground Floor Flat, Basement Flat). Marks its tokens used; "" if none."""
    table = vocab()
    tok = toks[i]
    if EDINBURGH.fullmatch(tok.t):
        j = i + 1
    else:
        j = i + 1
        if j < len(toks) and toks[j].t in ("floor", "fl"):
            j += 1
        if j < len(toks) and toks[j].t in table.unit_words and toks[j].t not in ("floor", "fl"):
            j += 1
        if j == i + 1:
            return ""  # First Avenue: a floor word must follow
    found.used.update(range(i, j))
    return norm_unit(tok.t)
