"""Does the place shown agree with the profile's? City (or a known alias) or postcode, with
no other postcode, state, region or country contradicting them; after the street, on the
next line, or in running text before it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from exposure_scan.matching.address.profileaddress import ProfileAddress
from exposure_scan.matching.address.street import StreetReading
from exposure_scan.matching.address.tokens import BOUNDARIES, HARD_STOPS, POSTCODE, Token
from exposure_scan.matching.address.vocabulary import Seq, canon, vocabulary

PLACE_BEFORE_MAX = 16  # tokens before the street that can still be its place or town clause


@dataclass(frozen=True, slots=True)
class PlaceReading:
    """The place shown for a street reading: the profile's postcode, city, or both."""

    postcode_shown: bool
    city_shown: bool
    city_alias: bool  # the city under another of its names (Den Haag for 's-Gravenhage)
    end: int  # the last token of the place (in running text; else the street's last)


@dataclass(slots=True)
class _Scan:
    """What one walk over the tokens has read so far (private to this module)."""

    used: set[int]
    postcode: bool = False
    city: bool = False
    alias: bool = False
    town_end: int = -1  # the token after the town's name, once read


def read_place(
    toks: list[Token],
    target: ProfileAddress,
    street: StreetReading,
    used: frozenset[int],
    *,
    text: bool,
    tokenize_line: Callable[[str], list[Token]],
    next_line: str = "",
) -> PlaceReading | None:
    """The place shown is the profile's city or postcode, and nothing contradicts it (else
    None). used: the tokens the street and unit took."""
    found = _Scan(used=set(used), postcode=street.postcode_shown)
    if text:
        ok, end = _scan_place(toks, street.last + 1, target, found, text=True)
        end = max(end, street.last)
        if ok is False:
            return None
        if not (found.postcode or found.city) and next_line:
            probe = _Scan(used=set())
            ok, _ = _scan_place(tokenize_line(next_line), 0, target, probe, text=True)
            if ok is not False:
                found.postcode, found.city, found.alias = probe.postcode, probe.city, probe.alias
        if not (found.postcode or found.city):
            _place_before(toks, target, street, found)
        return _reading(found, end)
    ok, _ = _scan_place(toks, 0, target, found, text=False)
    if ok is False and _preamble(toks, street, found):
        ok, _ = _scan_place(toks, 0, target, found, text=False)
    return _reading(found, street.last) if ok is not False else None


def _reading(found: _Scan, end: int) -> PlaceReading | None:
    if not (found.postcode or found.city):
        return None
    return PlaceReading(
        postcode_shown=found.postcode, city_shown=found.city, city_alias=found.alias, end=end
    )


def _preamble(toks: list[Token], street: StreetReading, found: _Scan) -> bool:
    """Words on their own before the street and number, ended by a comma or a line break:
    a house name (Rose Cottage, 12 Mill Lane) or a c/o line. They name no place, so they are
    passed over; a number or a postcode among them is not passed over. Marks them used."""
    start = street.first
    if start < 2 or toks[start - 1].text not in (",", "\n"):
        return False
    lead = range(start - 1)
    if any(p in found.used for p in lead):
        return False
    if not all(toks[p].is_word or toks[p].text in (",", "/", "\n") for p in lead):
        return False
    found.used.update(range(start))
    return True


def _place_before(
    toks: list[Token], target: ProfileAddress, street: StreetReading, found: _Scan
) -> None:
    """In running text, the place written before the street: "adres: 1234 AB Utrecht,
    Kerkstraat 12". Every token from the start of the clause must be a place word."""
    first = street.first
    s = first
    # A place, or a "te <place>," clause, is a few tokens long: looking further back for
    # each street reading was quadratic in a long one-line page.
    floor = max(0, first - PLACE_BEFORE_MAX)
    while s > floor and toks[s - 1].text not in HARD_STOPS and toks[s - 1].text != ":":
        if toks[s - 1].ends_sentence:
            break
        s -= 1
    if s == first:
        return
    probe = _Scan(used=set())
    ok: bool | None = False
    if s != floor or s == 0 or _clause_starts(toks[s - 1]):
        ok, _ = _scan_place(toks[s:first], 0, target, probe, text=False)
    if ok is False:
        ok, probe = _place_clause_before(toks, s, target, first)
    if ok is not False:
        found.postcode, found.city, found.alias = probe.postcode, probe.city, probe.alias


def _clause_starts(before: Token) -> bool:
    return before.text in HARD_STOPS or before.text == ":" or before.ends_sentence


def _place_clause_before(
    toks: list[Token], s: int, target: ProfileAddress, first: int
) -> tuple[bool | None, _Scan]:
    """The town in the clause just before the street: "kantoorhoudende te Utrecht, aan de
    Kerkstraat 12". Only joining words may stand between the comma and the street, and the
    clause must end with te / in and the place."""
    table = vocabulary()
    probe = _Scan(used=set())
    q = first
    while q > s and (
        toks[q - 1].text in table.articles or toks[q - 1].text in table.before_street_in_clause
    ):
        q -= 1
    if q <= s or toks[q - 1].text != ",":
        return False, probe
    comma = q - 1
    c = comma - 1
    while c > s and toks[c].text not in table.town_clause and toks[c].text not in BOUNDARIES:
        c -= 1
    if c < s or toks[c].text not in table.town_clause or c + 1 >= comma:
        return False, probe
    ok, _ = _scan_place(toks[c + 1 : comma], 0, target, probe, text=False)
    return ok, probe


def _scan_place(
    toks: list[Token], start: int, target: ProfileAddress, found: _Scan, *, text: bool
) -> tuple[bool | None, int]:
    """Walk the tokens from start: (False on a contradiction, else None; last token read)."""
    p = start
    last = start - 1
    while p < len(toks):
        if p in found.used:
            p += 1
            continue
        tok = toks[p]
        if tok.text in BOUNDARIES or tok.text == "#":
            if text and tok.text == "\n":
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
        if text and toks[last].ends_sentence:
            break
    return None, last


def _place_token(toks: list[Token], p: int, target: ProfileAddress, found: _Scan) -> int:
    """How many tokens at p are place words (0: not a place word; -1: a contradiction)."""
    tok = toks[p]
    if tok.text == POSTCODE:
        if tok.postcode != target.postcode:
            return -1
        found.postcode = True
        return 1
    if target.country == "US" and tok.text.isdigit() and len(tok.text) == 5:
        if tok.text != target.postcode:
            return -1
        found.postcode = True
        nxt = toks[p + 1] if p + 1 < len(toks) else None
        return 2 if nxt is not None and nxt.text.isdigit() and len(nxt.text) == 4 else 1
    size = _seq_at(toks, p, target.cities)
    if size:
        if target.country == "US" and _is_county_word(toks, p + size):
            return size + 1  # Orange County: a county named like the town, not the town
        if found.city:
            region = _region_token(toks, p, target, found)
            if region > size:
                return region  # Glasgow, Glasgow City: the council area after the town
        found.city = True
        found.town_end = p + size
        found.alias = found.alias or not _is_own_city(toks, p, size, target)
        return size
    return _region_token(toks, p, target, found)


def _is_county_word(toks: list[Token], p: int) -> bool:
    return p < len(toks) and toks[p].text in vocabulary().county_words


def _county_at(toks: list[Token], p: int) -> int:
    """A US county written after the town: Cook County, St. Louis County, Orleans Parish."""
    for q in range(p, min(p + 4, len(toks))):
        if not toks[q].is_word:
            return 0
        if q > p and toks[q].text in vocabulary().county_words:
            return q - p + 1
    return 0


def _region_token(toks: list[Token], p: int, target: ProfileAddress, found: _Scan) -> int:
    """Regions, states and countries: tolerated (their length), or a contradiction (-1)."""
    table = vocabulary()
    size = _seq_at(toks, p, frozenset(target.state))
    if size:
        return size
    regions = table.regions[target.country]
    size, name = _region_at(toks, p, regions)
    if not size and found.city:
        size, name = _region_at(toks, p, table.after_town[target.country])
    if size:
        return -1 if target.region and name != target.region else size
    if found.city and target.country == "NL" and canon(toks[p].text) in table.districts:
        return 1  # Amsterdam-Zuidoost, Almere Stad: a part of the town
    if target.country == "US":
        size = _county_at(toks, p)
        if size:
            return size
        if _other_state(toks, p, found):
            return -1  # another state
    size = _seq_at(toks, p, table.countries.get(target.country, frozenset()))
    if size:
        return size
    for code, names in table.countries.items():
        if code != target.country and _seq_at(toks, p, names) and _written_as_code(toks, p):
            return -1
    if toks[p].text in table.connectors:
        return 1
    return 0


def _other_state(toks: list[Token], p: int, found: _Scan) -> bool:
    """A US state at p, written as a state is and in state position: right after the town
    (Gary, IN; Portland, Ore; Portland, Me.), before the ZIP code, or at the end of the
    address. Its two-letter code counts in capitals (IN, OR); with only a capital (Me., Pa.)
    right after the town; in lower case only on a line without capitals: "at 12 Oak St in
    Portland" is not in Indiana, "with Ms Smith" not in Mississippi."""
    table = vocabulary()
    tok = toks[p]
    if tok.text in table.states:
        size = 1
    else:
        size = _seq_at(toks, p, frozenset(table.states.values()))
        if not size:
            return False
    ends = _place_ends(toks, p + size)
    after_town = found.city and (
        p == found.town_end or (p == found.town_end + 1 and toks[p - 1].text == ",")
    )
    if size == 1 and len(tok.text) == 2 and not _written_as_code(toks, p):
        return tok.capitalised and after_town and ends
    return after_town or ends or found.postcode or (found.city and len(tok.text) == 2)


def _written_as_code(toks: list[Token], p: int) -> bool:
    """A word of two letters at p is a code (a state, a country) in capitals, or on a line
    written without capitals: "IN", "US", "NL"; not "in", "us", "Ms"."""
    tok = toks[p]
    if len(tok.text) != 2 or tok.upper:
        return True
    return not any(t.capitalised for t in toks)


def _place_ends(toks: list[Token], q: int) -> bool:
    """The place ends at token q: the end, a boundary, a sentence end, or a ZIP code next."""
    if q >= len(toks) or toks[q - 1].ends_sentence or toks[q].text in BOUNDARIES:
        return True
    return len(toks[q].text) == 5 and toks[q].text.isdigit()


def _region_at(toks: list[Token], p: int, regions: dict[Seq, str]) -> tuple[int, str]:
    """The longest region written at p: (its length in tokens, its name), or (0, "")."""
    best, name = 0, ""
    for n in (4, 3, 2, 1):
        if p + n > len(toks):
            continue
        seq = tuple(canon(t.text) for t in toks[p : p + n])
        if seq in regions:
            best, name = n, regions[seq]
            break
    return best, name


def _seq_at(toks: list[Token], p: int, seqs: frozenset[Seq]) -> int:
    """How many tokens from p spell one of seqs (a "/" inside counts: Alphen a/d Rijn)."""
    best = 0
    for seq in seqs:
        n = len(seq)
        q, m = p, 0
        while m < n and q < len(toks):
            t = toks[q].text
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


def _is_own_city(toks: list[Token], p: int, size: int, target: ProfileAddress) -> bool:
    return tuple(canon(toks[p + m].text) for m in range(size)) == target.city
