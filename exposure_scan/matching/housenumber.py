"""Reading the street and its house number from observed tokens: the Dutch order
(Kerkstraat 12-A, nummer 12 van de Kerkstraat), the English order (6056 N Elm Rd, 5/1
Station Rd, 12 1/2 Main St, 37-12 80th St), a Dutch postcode with the house number, and
what stands in front of the street."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from exposure_scan.matching.addrtarget import Target
from exposure_scan.matching.addrtext import (
    BOUNDARIES,
    DIRECTIONALS,
    POSTCODE,
    Tok,
    canon,
    norm_unit,
    vocab,
)

# Articles before a street name: woont aan de Kerkstraat 12.
ARTICLES = frozenset({"de", "het", "den", "der", "t", "the"})
# "v.d." in a street name is van de, van der or van den (Burg. v.d. Zandenlaan).
_VD = frozenset({"de", "der", "den"})
# Words before a person's age in listings: Age 52 4410 Birch Ave.
_AGE_WORDS = frozenset({"age", "aged", "leeftijd", "lft"})
# Words before a phone number's extension: (608) 555-0174 ext. 14 3088 Hickory Lane.
_EXTENSION = frozenset({"ext", "extension", "x", "toestel", "tst"})
# An Edinburgh flat position: 1F2, first floor, second door.
EDINBURGH = re.compile(r"\d{1,2}f\d{1,2}")


@dataclass(slots=True)
class Found:
    """What one reading of the observed tokens established: the street and house number
    here, the unit in addrunit, the place in addrplace."""

    first: int  # token span of the street, number and unit
    last: int
    used: set[int] = field(default_factory=set)
    street: bool = True
    unit: str | None = None  # the observed unit, None when not shown
    postcode: bool = False
    city: bool = False
    alias: bool = False
    end: int = 0  # last token of the place
    typo: bool = False  # one street word shown with one typing error


def typo_readings(toks: list[Tok], target: Target, text: bool) -> list[Found | None]:
    """The street with one typing error (a letter left out, doubled, replaced, or swapped
    with its neighbour) in one word of at least 6 letters: Sttationsweg, Main Sreet. Such a
    reading counts only with the whole postcode (the caller checks); it is tried only when
    the exact street was not found."""
    k = len(target.street)
    out: list[Found | None] = []
    if not k or not any(target.spelled):
        return out
    street = target.street
    for i in range(len(toks) - k + 1):
        typo = -1
        for m in range(k):
            seen = toks[i + m].t
            if canon(seen) == street[0] if m == 0 else _street_word(seen, street[m], street[m - 1]):
                continue
            if typo >= 0 or not seen.isalpha() or not _one_typo(seen, target.spelled[m]):
                typo = -2
                break
            typo = m
        if typo < 0:
            continue
        order = _dutch_order if target.country == "NL" else _english_order
        found = order(toks, target, i, i + k, text)
        if found is not None:
            found.typo = True
        out.append(found)
    return out


def _one_typo(seen: str, spellings: frozenset[str]) -> bool:
    """One edit (optimal string alignment: a transposition is one) from a spelling."""
    return any(
        abs(len(seen) - len(b)) <= 1 and OSA.distance(seen, b, score_cutoff=1) == 1
        for b in spellings
    )


def street_readings(toks: list[Tok], target: Target, text: bool) -> list[Found | None]:
    k = len(target.street)
    out: list[Found | None] = []
    if not k:
        return out
    first = target.street[0]
    street = target.street
    for i in range(len(toks) - k + 1):
        if not toks[i].t.isalnum() or canon(toks[i].t) != first:
            continue
        if any(not _street_word(toks[i + m].t, street[m], street[m - 1]) for m in range(1, k)):
            continue
        if target.country == "NL":
            out.append(_dutch_order(toks, target, i, i + k, text))
        else:
            out.append(_english_order(toks, target, i, i + k, text))
    return out


def _street_word(seen: str, want: str, before: str) -> bool:
    """One word of the street as shown; "d" after van is de, der or den (v.d.), either side."""
    got = canon(seen)
    if got == want:
        return True
    return before == "van" and ((got == "d" and want in _VD) or (want == "d" and got in _VD))


def _dutch_order(toks: list[Tok], target: Target, i: int, j: int, text: bool) -> Found | None:
    """Kerkstraat 12-A, or in running text: nummer 12 van de Kerkstraat."""
    table = vocab()
    p = j
    if p + 1 < len(toks) and toks[p].t == "," and toks[p + 1].t.isdigit():
        p += 1  # Kerkstraat, 12
    while p < len(toks) and toks[p].t in table.number_words:
        p += 1
    if p < len(toks) and toks[p].t.isdigit():
        if toks[p].t.lstrip("0") != target.number or not _prefix_ok(toks, i, text, dutch=True):
            return None
        found = Found(first=i, last=p, used=set(range(i, p + 1)))
        _dutch_addition(toks, found, p + 1)
        return found
    return _number_before(toks, target, i, j, text)


def _number_before(toks: list[Tok], target: Target, i: int, j: int, text: bool) -> Found | None:
    """nummer 12 van de Kerkstraat / 12 aan de Kerkstraat."""
    p = i - 1
    while p >= 0 and toks[p].t in ("de", "het", "der", "den", "t"):
        p -= 1
    if p < 1 or toks[p].t not in ("van", "aan", "op", "in", "on", "of"):
        return None
    # the number, then up to two addition tokens: nummer 12 / 12A / 12-2 / 12-1hg van de
    for q in range(p - 1, max(p - 4, -1), -1):
        if not toks[q].t.isdigit():
            continue
        if q > 0 and toks[q - 1].t.isdigit():
            continue  # 12-2: this digit is the addition of the number before it
        if toks[q].t.lstrip("0") != target.number:
            return None
        probe = Found(first=q, last=q)
        if q + 1 < p:
            _dutch_addition(toks[:p], probe, q + 1)
            if probe.last != p - 1:
                return None  # something other than an addition before "van"
        start = q - 1 if q > 0 and toks[q - 1].t in vocab().number_words else q
        if not _prefix_ok(toks, start, text):
            return None
        found = Found(first=start, last=j - 1, used=set(range(start, j)))
        found.unit = probe.unit
        return found
    return None


def _dutch_addition(toks: list[Tok], found: Found, p: int) -> None:
    """Up to two short tokens after the number: 12A, 12-a, 12 bis, 123-III, 62-1, 28 hs."""
    table = vocab()
    taken: list[str] = []
    while p < len(toks) and len(taken) < 2:
        if p > 0 and toks[p - 1].brk:
            break  # "Kerkstraat 12. Bel ..." the sentence ended with the number
        t = toks[p].t
        if not t.isalnum() or t in table.connectors or t in table.short_places:
            break
        if t in table.unit_words or t in table.number_words:
            break
        if not (len(t) <= 3 or t in table.additions or t in table.floor_words):
            break
        if t in ("s", "t") and p + 1 < len(toks) and len(toks[p + 1].t) > 2:
            break  # Kerkstraat 12 's-Gravenhage, 12 't Harde: the article of a place name
        if t.isdigit() and len(t) > 3:
            break
        if t not in table.floor_words:
            taken.append(t)
        found.used.add(p)
        found.last = p
        if toks[p].brk:
            break
        p += 1
    if taken:
        found.unit = norm_unit(" ".join(taken))


def _english_order(toks: list[Tok], target: Target, i: int, j: int, text: bool) -> Found | None:
    """6056 N Elm Rd; 1A Station Road; 5/1 Station Rd (flat 5 at number 1); 12 1/2 Main
    St; 37-12 80th St."""
    p = i - 1
    unit = None
    if target.frac:
        a, b = target.frac.split("/")
        if p < 3 or toks[p].t != b or toks[p - 1].t != "/" or toks[p - 2].t != a:
            return None
        p -= 3
    elif (
        p >= 3 and toks[p].t == ")" and toks[p - 2].t == "(" and EDINBURGH.fullmatch(toks[p - 1].t)
    ):
        unit, p = toks[p - 1].t, p - 3  # 15 (1F2) Marchmont Road
    elif (
        p >= 1
        and toks[p].t.isalpha()
        and len(toks[p].t) == 1
        and canon(toks[p].t) not in DIRECTIONALS
        and toks[p - 1].t.isdigit()
    ):
        unit, p = toks[p].t, p - 1
    if p < 0 or not _is_number(toks[p].t) or toks[p].t.lstrip("0") != target.number:
        return None
    if j < len(toks) and canon(toks[j].t) in DIRECTIONALS and toks[j].word:
        return None  # a post-directional: Elm Road North is another street
    start = p
    if (
        not target.frac
        and p >= 2
        and toks[p - 1].t == "/"
        and toks[p - 2].t.isalnum()
        and _flat_slash(toks, p - 2)
    ):
        unit, start = toks[p - 2].t, p - 2
    if not _prefix_ok(toks, start, text):
        return None
    found = Found(first=start, last=j - 1, used=set(range(start, j)))
    if unit is not None:
        found.unit = norm_unit(unit)
    return found


def _flat_slash(toks: list[Tok], q: int) -> bool:
    """5/1 Station Rd (flat 5 at number 1), or spaced 5 / 1 at the start of a part; not the
    spaced / of a listing (Jane Roe / 4410 Birch Ave, Age 32 / 4410 Birch Ave)."""
    if toks[q].end == toks[q + 1].start:
        return True
    return toks[q].t.isdigit() and (q == 0 or toks[q - 1].t in BOUNDARIES)


def _is_number(t: str) -> bool:
    return t.isdigit() or (t[:1].isdigit() and "-" in t)


def _prefix_ok(toks: list[Tok], idx: int, text: bool, *, dutch: bool = False) -> bool:
    """Nothing in front of the street makes it another street ("Nieuwe Kerkstraat").

    In running text the street (or its house number, in the English order) may follow a
    lower-case word (woont aan de Kerkstraat 12). A word with a capital in front may be part
    of the street's name (Kromme Nieuwegracht, Frans Halsstraat) or make the number another
    one's (Plot 14 Kiln Lane, Box 5182 Tamarack Ave), so it is read apart only when the line
    shows it is: a separator stands between (| · • , ; : a spaced / or dash, the line start),
    or it ends the profile's surname (J.P. de Vries Kerkstraat 12), or it is a label (Tel,
    Adres, Woonplaats). A number in front is read apart when it ends a phone number (06-12345678
    Kerkstraat 12, 07700 900123 10 Mill Lane) or an age (Leeftijd: 44. Kerkstraat 12, Age 52
    4410 Birch Ave); other numbers (a plot, a flat: 120 14 Kiln Lane) are not. A unit word in
    front (Unit 12 Mill Lane) makes the number the unit's."""
    if idx == 0:
        return True
    table = vocab()
    prev = toks[idx - 1]
    if prev.t in BOUNDARIES or prev.t == POSTCODE or prev.t in table.connectors:
        return True
    if prev.t in ARTICLES and not prev.cap and idx >= 2 and toks[idx - 2].t in table.connectors:
        return True  # woont aan de Kerkstraat 12, in de Kerkstraat
    if text and toks[idx].sep:
        return True  # Jan de Vries - Kerkstraat 12
    if prev.t in table.street_prefixes or canon(prev.t) in DIRECTIONALS:
        return False
    if idx >= 2 and toks[idx - 2].t in table.unit_words:
        return True  # Flat 5 1 Station Road
    if idx >= 4 and toks[idx - 2].t == "/" and toks[idx - 4].t in table.unit_words:
        return True  # Flat 3/2 10 Victoria Road
    if not text or prev.t in table.unit_words:
        return False  # Unit 12 Mill Lane: 12 is the unit's number, not the house's
    if prev.word:
        return _word_apart(prev, toks[idx - 2] if idx >= 2 else None, dutch)
    if prev.t.isdigit():
        return not toks[idx].glued and (_phone_before(toks, idx) or _age_before(toks, idx))
    return False


def _word_apart(prev: Tok, particle: Tok | None, dutch: bool) -> bool:
    """Is the word in front of the street (or of its number) no part of it? A surname word
    that could also begin a street's name (Groot, Keizer) only after its particle."""
    table = vocab()
    key = canon(prev.t)
    risky = prev.t in table.not_before_street or key in table.not_before_street
    street_word = prev.t in table.street_name_words or key in table.street_name_words
    if prev.name and not (dutch and street_word):
        if not risky or (particle is not None and particle.word and not particle.cap):
            return True  # J.P. de Vries Kerkstraat 12, P. de Groot Brinkstraat 12
    if risky:
        return False  # Kromme Nieuwegracht, Plot 14 Kiln Lane, Box 5182 Tamarack Ave
    if street_word:
        return False  # Burg. Kerkstraat, Eerste Kerkstraat
    if prev.t in table.label_words or key in table.label_words:
        return True  # Tel Kerkstraat 12, Woonplaats Kerkstraat 12
    return not prev.cap  # any other capitalised word may be the street's own


def _phone_before(toks: list[Tok], idx: int) -> bool:
    """The digits in front end a phone number: 06-12345678, 06/12345678, (217) 555-0148,
    07700 900123; not a whole phone number and one more short group (07700 900123 120 14
    Kiln Lane: 120 may be a plot or a flat)."""
    digits = 0
    q = idx - 1
    while q >= 0 and (toks[q].t.isdigit() or toks[q].t in ("(", ")", "/")):
        digits += len(toks[q].t) if toks[q].t.isdigit() else 0
        if q > 0 and toks[q].start - toks[q - 1].end > 3:
            break
        q -= 1
    if idx >= 3 and toks[idx - 2].t in _EXTENSION and toks[idx - 3].t.isdigit():
        return True  # (608) 555-0174 ext. 14 3088 West Hickory Lane
    last = len(toks[idx - 1].t)
    return 9 <= digits <= 15 and not (last <= 3 and digits - last >= 10)


def _age_before(toks: list[Tok], idx: int) -> bool:
    """Leeftijd: 44. Kerkstraat 12; Age 52 4410 Birch Ave; Leeftijd: 44 Kerkstraat 12."""
    if toks[idx - 1].brk and toks[idx - 1].t.isdigit() and len(toks[idx - 1].t) <= 3:
        return True  # a sentence (or a listing part) ends with the number
    q = idx - 2
    if q >= 1 and toks[q].t == ":":
        q -= 1
    return q >= 0 and toks[q].t in _AGE_WORDS


def postcode_reading(toks: list[Tok], target: Target) -> Found | None:
    """A Dutch postcode with the house number: 1234AB 12A."""
    for i, tok in enumerate(toks[:-1]):
        if tok.t == POSTCODE and tok.value == target.postcode:
            k = i + 1
            while k < len(toks) - 1 and (
                toks[k].t in (",", ":") or toks[k].t in vocab().number_words
            ):
                k += 1  # 1234 AB, 12 / 1234 AB, huisnummer 12
            nxt = toks[k]
            if nxt.t.isdigit() and nxt.t.lstrip("0") == target.number:
                found = Found(first=i, last=k, used=set(range(i, k + 1)), street=False)
                found.postcode = True
                _dutch_addition(toks, found, k + 1)
                return found
    return None
