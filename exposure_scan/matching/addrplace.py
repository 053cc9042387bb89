"""Does the place shown agree with the profile's? City (or a known alias) or postcode, with
no other postcode, state, region or country contradicting them; after the street, on the
next line, or in running text before it."""

from __future__ import annotations

from exposure_scan.matching.addrtarget import Target
from exposure_scan.matching.addrtext import (
    BOUNDARIES,
    HARD_STOPS,
    POSTCODE,
    Tok,
    canon,
    tokenize,
    vocab,
)
from exposure_scan.matching.housenumber import ARTICLES, Found


def place_agrees(toks: list[Tok], target: Target, found: Found, text: bool, next_line: str) -> bool:
    """The place shown is the profile's city or postcode, and nothing contradicts it."""
    if text:
        ok, end = _scan_place(toks, found.last + 1, target, found, text=True)
        found.end = max(end, found.last)
        if ok is False:
            return False
        if not (found.postcode or found.city) and next_line:
            nxt = tokenize(next_line, target.country)
            probe = Found(first=0, last=-1, street=found.street)
            ok, _ = _scan_place(nxt, 0, target, probe, text=True)
            if ok is not False:
                found.postcode, found.city, found.alias = probe.postcode, probe.city, probe.alias
        if not (found.postcode or found.city):
            _place_before(toks, target, found)
        return found.postcode or found.city
    found.end = found.last
    ok, _ = _scan_place(toks, 0, target, found, text=False)
    if ok is False and _preamble(toks, found):
        ok, _ = _scan_place(toks, 0, target, found, text=False)
    return ok is not False and (found.postcode or found.city)


def _preamble(toks: list[Tok], found: Found) -> bool:
    """Words on their own before the street and number, ended by a comma or a line break:
    a house name (Rose Cottage, 12 Mill Lane) or a c/o line. They name no place, so they are
    passed over; a number or a postcode among them is not passed over. Marks them used."""
    start = found.first
    if start < 2 or toks[start - 1].t not in (",", "\n"):
        return False
    lead = range(start - 1)
    if any(p in found.used for p in lead):
        return False
    if not all(toks[p].word or toks[p].t in (",", "/", "\n") for p in lead):
        return False
    found.used.update(range(start))
    return True


def _place_before(toks: list[Tok], target: Target, found: Found) -> None:
    """In running text, the place written before the street: "adres: 1234 AB Utrecht,
    Kerkstraat 12". Every token from the start of the clause must be a place word."""
    s = found.first
    while s > 0 and toks[s - 1].t not in HARD_STOPS and toks[s - 1].t != ":":
        if toks[s - 1].brk:
            break
        s -= 1
    if s == found.first:
        return
    probe = Found(first=0, last=-1, street=found.street)
    ok, _ = _scan_place(toks[s : found.first], 0, target, probe, text=False)
    if ok is False:
        ok, probe = _place_clause_before(toks, s, target, found)
    if ok is not False:
        found.postcode, found.city, found.alias = probe.postcode, probe.city, probe.alias


def _place_clause_before(
    toks: list[Tok], s: int, target: Target, found: Found
) -> tuple[bool | None, Found]:
    """The town in the clause just before the street: "kantoorhoudende te Utrecht, aan de
    Kerkstraat 12". Only joining words may stand between the comma and the street, and the
    clause must end with te / in and the place."""
    probe = Found(first=0, last=-1, street=found.street)
    q = found.first
    while q > s and (toks[q - 1].t in ARTICLES or toks[q - 1].t in ("aan", "op", "in", "at", "on")):
        q -= 1
    if q <= s or toks[q - 1].t != ",":
        return False, probe
    comma = q - 1
    c = comma - 1
    while c > s and toks[c].t not in ("te", "in") and toks[c].t not in BOUNDARIES:
        c -= 1
    if c < s or toks[c].t not in ("te", "in") or c + 1 >= comma:
        return False, probe
    ok, _ = _scan_place(toks[c + 1 : comma], 0, target, probe, text=False)
    return ok, probe


def _scan_place(
    toks: list[Tok], start: int, target: Target, found: Found, *, text: bool
) -> tuple[bool | None, int]:
    """Walk the tokens from start: (False on a contradiction, else None; last token read)."""
    p = start
    last = start - 1
    while p < len(toks):
        if p in found.used:
            p += 1
            continue
        tok = toks[p]
        if tok.t in BOUNDARIES or tok.t == "#":
            if text and tok.t == "\n":
                break  # a | is soft here: Kerkstraat 12 | 1234 AB Utrecht
            p += 1
            continue
        step = _place_token(toks, p, target, found)
        if step < 0:
            return False, last
        if step == 0:
            if text:
                break
            return False, last
        last = p + step - 1
        p += step
        if text and toks[last].brk:
            break
    return None, last


def _place_token(toks: list[Tok], p: int, target: Target, found: Found) -> int:
    """How many tokens at p are place words (0: not a place word; -1: a contradiction)."""
    tok = toks[p]
    if tok.t == POSTCODE:
        if tok.value != target.postcode:
            return -1
        found.postcode = True
        return 1
    if target.country == "US" and tok.t.isdigit() and len(tok.t) == 5:
        if tok.t != target.postcode:
            return -1
        found.postcode = True
        nxt = toks[p + 1] if p + 1 < len(toks) else None
        return 2 if nxt is not None and nxt.t.isdigit() and len(nxt.t) == 4 else 1
    size = _seq_at(toks, p, target.cities)
    if size:
        if target.country == "US" and _is_county_word(toks, p + size):
            return size + 1  # Orange County: a county named like the town, not the town
        if found.city:
            region = _region_token(toks, p, target, found)
            if region > size:
                return region  # Glasgow, Glasgow City: the council area after the town
        found.city = True
        found.alias = found.alias or not _is_own_city(toks, p, size, target)
        return size
    return _region_token(toks, p, target, found)


def _is_county_word(toks: list[Tok], p: int) -> bool:
    return p < len(toks) and toks[p].t in vocab().county_words


def _county_at(toks: list[Tok], p: int) -> int:
    """A US county written after the town: Cook County, St. Louis County, Orleans Parish."""
    for q in range(p, min(p + 4, len(toks))):
        if not toks[q].word:
            return 0
        if q > p and toks[q].t in vocab().county_words:
            return q - p + 1
    return 0


def _region_token(toks: list[Tok], p: int, target: Target, found: Found) -> int:
    """Regions, states and countries: tolerated (their length), or a contradiction (-1)."""
    table = vocab()
    size = _seq_at(toks, p, frozenset(target.state))
    if size:
        return size
    regions = table.regions[target.country]
    size, name = _region_at(toks, p, regions)
    if not size and found.city:
        size, name = _region_at(toks, p, table.after_town[target.country])
    if size:
        return -1 if target.region and name != target.region else size
    if found.city and target.country == "NL" and canon(toks[p].t) in table.districts:
        return 1  # Amsterdam-Zuidoost, Almere Stad: a part of the town
    if target.country == "US":
        size = _county_at(toks, p)
        if size:
            return size
        if toks[p].t in table.states or _seq_at(toks, p, frozenset(table.states.values())):
            return -1  # another state
    size = _seq_at(toks, p, table.countries.get(target.country, frozenset()))
    if size:
        return size
    for code, names in table.countries.items():
        if code != target.country and _seq_at(toks, p, names):
            return -1
    if toks[p].t in table.connectors:
        return 1
    return 0


def _region_at(toks: list[Tok], p: int, regions: dict[tuple[str, ...], str]) -> tuple[int, str]:
    """The longest region written at p: (its length in tokens, its name), or (0, "")."""
    best, name = 0, ""
    for n in (4, 3, 2, 1):
        if p + n > len(toks):
            continue
        seq = tuple(canon(t.t) for t in toks[p : p + n])
        if seq in regions:
            best, name = n, regions[seq]
            break
    return best, name


def _seq_at(toks: list[Tok], p: int, seqs: frozenset[tuple[str, ...]]) -> int:
    """How many tokens from p spell one of seqs (a "/" inside counts: Alphen a/d Rijn)."""
    best = 0
    for seq in seqs:
        n = len(seq)
        q, m = p, 0
        while m < n and q < len(toks):
            t = toks[q].t
            if t == "/" and m > 0:
                q += 1
                continue
            want = seq[m]
            if want.startswith("="):
                if t != want[1:]:
                    break
            elif canon(t) != want and t != want:
                break
            q, m = q + 1, m + 1
        if m == n and q - p > best:
            best = q - p
    return best


def _is_own_city(toks: list[Tok], p: int, size: int, target: Target) -> bool:
    return tuple(canon(toks[p + m].t) for m in range(size)) == target.city
