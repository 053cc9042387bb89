"""Reading the street and its house number from observed tokens: the Dutch order
(Kerkstraat 12-A, nummer 12 van de Kerkstraat), the English order (6056 N Elm Rd, 5/1
Station Rd, 12 1/2 Main St, 37-12 80th St), a Dutch postcode with the house number, and
what stands in front of the street."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz.distance import OSA

from exposure_scan.matching.address.profileaddress import ProfileAddress
from exposure_scan.matching.address.tokens import BOUNDARIES, POSTCODE, Token
from exposure_scan.matching.address.vocabulary import canon, norm_unit, vocabulary

# An Edinburgh flat position: 1F2, first floor, second door.
EDINBURGH = re.compile(r"\d{1,2}f\d{1,2}")


@dataclass(frozen=True, slots=True)
class StreetReading:
    """Where the observed tokens show the profile's street and house number (or, in the
    Netherlands, its postcode and house number)."""

    first: int  # token span of the street, number and unit
    last: int
    used: frozenset[int]  # the tokens read: not to be read again as a unit or a place
    street_shown: bool = True  # False: a Dutch postcode with the house number, no street
    unit: str | None = None  # the unit written with the number, None when not shown
    postcode_shown: bool = False
    typo: bool = False  # one street word shown with one typing error


def typo_readings(
    toks: list[Token], target: ProfileAddress, text: bool
) -> list[StreetReading | None]:
    """The street with one typing error (a letter left out, doubled, replaced, or swapped
    with its neighbour) in one word of at least 6 letters: Sttationsweg, Main Sreet. Such a
    reading counts only with the whole postcode (the caller checks); it is tried only when
    the exact street was not found."""
    k = len(target.street)
    out: list[StreetReading | None] = []
    if not k or not any(target.long_spellings):
        return out
    street = target.street
    for i in range(len(toks) - k + 1):
        typo = -1
        for m in range(k):
            seen = toks[i + m].text
            if canon(seen) == street[0] if m == 0 else _street_word(seen, street[m], street[m - 1]):
                continue
            if typo >= 0 or not seen.isalpha() or not _one_typo(seen, target.long_spellings[m]):
                typo = -2
                break
            typo = m
        if typo < 0:
            continue
        order = _dutch_order if target.country == "NL" else _english_order
        found = order(toks, target, i, i + k, text)
        out.append(replace(found, typo=True) if found is not None else None)
    return out


def _one_typo(seen: str, spellings: frozenset[str]) -> bool:
    """One edit (optimal string alignment: a transposition is one) from a spelling."""
    return any(
        abs(len(seen) - len(b)) <= 1 and OSA.distance(seen, b, score_cutoff=1) == 1
        for b in spellings
    )


def street_readings(
    toks: list[Token], target: ProfileAddress, text: bool
) -> list[StreetReading | None]:
    k = len(target.street)
    out: list[StreetReading | None] = []
    if not k:
        return out
    first = target.street[0]
    street = target.street
    for i in range(len(toks) - k + 1):
        if not toks[i].text.isalnum() or canon(toks[i].text) != first:
            continue
        if any(not _street_word(toks[i + m].text, street[m], street[m - 1]) for m in range(1, k)):
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
    vd = vocabulary().van_d_forms
    return before == "van" and ((got == "d" and want in vd) or (want == "d" and got in vd))


def _dutch_order(
    toks: list[Token], target: ProfileAddress, i: int, j: int, text: bool
) -> StreetReading | None:
    """Kerkstraat 12-A, or in running text: nummer 12 van de Kerkstraat."""
    table = vocabulary()
    p = j
    if p + 1 < len(toks) and toks[p].text == "," and toks[p + 1].text.isdigit():
        p += 1  # Kerkstraat, 12
    while p < len(toks) and toks[p].text in table.number_words:
        p += 1
    if p < len(toks) and toks[p].text.isdigit():
        if toks[p].text.lstrip("0") != target.number or not _prefix_ok(toks, i, text, dutch=True):
            return None
        last, unit = _dutch_addition(toks, p + 1, target)
        return StreetReading(first=i, last=last, used=frozenset(range(i, last + 1)), unit=unit)
    return _number_before(toks, target, i, j, text)


def _number_before(
    toks: list[Token], target: ProfileAddress, i: int, j: int, text: bool
) -> StreetReading | None:
    """nummer 12 van de Kerkstraat / 12 aan de Kerkstraat."""
    table = vocabulary()
    p = i - 1
    while p >= 0 and toks[p].text in table.articles_before_street:
        p -= 1
    if p < 1 or toks[p].text not in table.number_before_street:
        return None
    # the number, then up to two addition tokens: nummer 12 / 12A / 12-2 / 12-1hg van de
    for q in range(p - 1, max(p - 4, -1), -1):
        if not toks[q].text.isdigit():
            continue
        if q > 0 and toks[q - 1].text.isdigit():
            continue  # 12-2: this digit is the addition of the number before it
        if toks[q].text.lstrip("0") != target.number:
            return None
        unit = None
        if q + 1 < p:
            last, unit = _dutch_addition(toks[:p], q + 1, target)
            if last != p - 1:
                return None  # something other than an addition before "van"
        start = q - 1 if q > 0 and toks[q - 1].text in table.number_words else q
        if not _prefix_ok(toks, start, text):
            return None
        return StreetReading(first=start, last=j - 1, used=frozenset(range(start, j)), unit=unit)
    return None


def _dutch_addition(toks: list[Token], p: int, target: ProfileAddress) -> tuple[int, str | None]:
    """Up to two short tokens after the number at p - 1: 12A, 12-a, 12 bis, 123-III, 62-1,
    28 hs. Returns the last token read (p - 1 if none) and the addition (None if none).
    A short word is no addition (Kerkstraat 12 uit Utrecht, 12 De Bilt, 12 Den Haag)."""
    table = vocabulary()
    taken: list[str] = []
    last = p - 1
    while p < len(toks) and len(taken) < 2:
        if p > 0 and toks[p - 1].ends_sentence:
            break  # "Kerkstraat 12. Bel ..." the sentence ended with the number
        t = toks[p].text
        if not t.isalnum() or t in table.connectors or t in table.short_places:
            break
        if t in table.unit_words or t in table.number_words:
            break
        if not (len(t) <= 3 or t in table.additions or t in table.floor_words):
            break
        if t in table.place_name_articles and p + 1 < len(toks) and len(toks[p + 1].text) > 2:
            break  # Kerkstraat 12 's-Gravenhage, 12 't Harde: the article of a place name
        if not _addition_word(toks[p]) or _city_at(toks, p, target):
            break
        if t.isdigit() and len(t) > 3:
            break
        if t not in table.floor_words:
            taken.append(t)
        last = p
        if toks[p].ends_sentence:
            break
        p += 1
    return last, (norm_unit(" ".join(taken)) if taken else None)


def _addition_word(tok: Token) -> bool:
    """As an addition is written: a number, a letter, a Roman numeral, a known addition
    word (hs, bis, zw) or a floor word (1hg), or a short code in capitals (12 AB); not a
    short word of a sentence (ook, uit, de, za)."""
    t = tok.text
    if t.isdigit() or len(t) == 1 or tok.upper:
        return True
    table = vocabulary()
    return t in table.additions or t in table.floor_words or t in table.roman_numerals


def _city_at(toks: list[Token], p: int, target: ProfileAddress) -> bool:
    """The profile's city of more than one word starts at p: Kerkstraat 12 De Bilt."""
    for city in target.cities:
        n = len(city)
        if (
            n > 1
            and p + n <= len(toks)
            and all(canon(toks[p + m].text) == city[m] for m in range(n))
        ):
            return True
    return False


def _english_order(
    toks: list[Token], target: ProfileAddress, i: int, j: int, text: bool
) -> StreetReading | None:
    """6056 N Elm Rd; 1A Station Road; 5/1 Station Rd (flat 5 at number 1); 12 1/2 Main
    St; 37-12 80th St."""
    directionals = vocabulary().directionals
    p = i - 1
    unit = None
    if target.fraction:
        a, b = target.fraction.split("/")
        if p < 3 or toks[p].text != b or toks[p - 1].text != "/" or toks[p - 2].text != a:
            return None
        p -= 3
    elif (
        p >= 3
        and toks[p].text == ")"
        and toks[p - 2].text == "("
        and EDINBURGH.fullmatch(toks[p - 1].text)
    ):
        unit, p = toks[p - 1].text, p - 3  # 15 (1F2) Marchmont Road
    elif (
        p >= 1
        and toks[p].text.isalpha()
        and len(toks[p].text) == 1
        and canon(toks[p].text) not in directionals
        and toks[p - 1].text.isdigit()
    ):
        unit, p = toks[p].text, p - 1
    if p < 0 or not _is_number(toks[p].text) or toks[p].text.lstrip("0") != target.number:
        return None
    if (
        j < len(toks)
        and canon(toks[j].text) in directionals
        and toks[j].is_word
        and not _city_at(toks, j, target)
    ):
        return None  # a post-directional: Elm Road North is another street (not South Bend)
    start = p
    if (
        not target.fraction
        and p >= 2
        and toks[p - 1].text == "/"
        and toks[p - 2].text.isalnum()
        and _flat_slash(toks, p - 2)
    ):
        unit, start = toks[p - 2].text, p - 2
    if not _prefix_ok(toks, start, text):
        return None
    return StreetReading(
        first=start,
        last=j - 1,
        used=frozenset(range(start, j)),
        unit=norm_unit(unit) if unit is not None else None,
    )


def _flat_slash(toks: list[Token], q: int) -> bool:
    """5/1 Station Rd (flat 5 at number 1), or spaced 5 / 1 at the start of a part; not the
    spaced / of a listing (Jane Roe / 4410 Birch Ave, Age 32 / 4410 Birch Ave)."""
    if toks[q].end == toks[q + 1].start:
        return True
    return toks[q].text.isdigit() and (q == 0 or toks[q - 1].text in BOUNDARIES)


def _is_number(t: str) -> bool:
    return t.isdigit() or (t[:1].isdigit() and "-" in t)


def _prefix_ok(toks: list[Token], idx: int, text: bool, *, dutch: bool = False) -> bool:
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
    table = vocabulary()
    prev = toks[idx - 1]
    if prev.text in BOUNDARIES or prev.text == POSTCODE or prev.text in table.connectors:
        return True
    if (
        prev.text in table.articles
        and not prev.capitalised
        and idx >= 2
        and toks[idx - 2].text in table.connectors
    ):
        return True  # woont aan de Kerkstraat 12, in de Kerkstraat
    if text and toks[idx].after_dash:
        return True  # Jan de Vries - Kerkstraat 12
    if prev.text in table.street_prefixes or canon(prev.text) in table.directionals:
        return False
    if idx >= 2 and toks[idx - 2].text in table.unit_words:
        return True  # Flat 5 1 Station Road
    if idx >= 4 and toks[idx - 2].text == "/" and toks[idx - 4].text in table.unit_words:
        return True  # Flat 3/2 10 Victoria Road
    if not text or prev.text in table.unit_words:
        return False  # Unit 12 Mill Lane: 12 is the unit's number, not the house's
    if prev.is_word:
        return _word_apart(prev, toks[idx - 2] if idx >= 2 else None, dutch)
    if prev.text.isdigit():
        return not toks[idx].glued and (_phone_before(toks, idx) or _age_before(toks, idx))
    return False


def _word_apart(prev: Token, particle: Token | None, dutch: bool) -> bool:
    """Is the word in front of the street (or of its number) no part of it? A surname word
    that could also begin a street's name (Groot, Keizer) only after its particle."""
    table = vocabulary()
    key = canon(prev.text)
    risky = prev.text in table.not_before_street or key in table.not_before_street
    street_word = prev.text in table.street_name_words or key in table.street_name_words
    if prev.surname_word and not (dutch and street_word):
        if not risky or (particle is not None and particle.is_word and not particle.capitalised):
            return True  # J.P. de Vries Kerkstraat 12, P. de Groot Brinkstraat 12
    if risky:
        return False  # Kromme Nieuwegracht, Plot 14 Kiln Lane, Box 5182 Tamarack Ave
    if street_word:
        return False  # Burg. Kerkstraat, Eerste Kerkstraat
    if prev.text in table.label_words or key in table.label_words:
        return True  # Tel Kerkstraat 12, Woonplaats Kerkstraat 12
    return not prev.capitalised  # any other capitalised word may be the street's own


def _phone_before(toks: list[Token], idx: int) -> bool:
    """The digits in front end a phone number: 06-12345678, 06/12345678, (217) 555-0148,
    07700 900123; not a whole phone number and one more short group (07700 900123 120 14
    Kiln Lane: 120 may be a plot or a flat)."""
    digits = 0
    q = idx - 1
    while q >= 0 and (toks[q].text.isdigit() or toks[q].text in ("(", ")", "/")):
        digits += len(toks[q].text) if toks[q].text.isdigit() else 0
        if q > 0 and toks[q].start - toks[q - 1].end > 3:
            break
        q -= 1
    if (
        idx >= 3
        and toks[idx - 2].text in vocabulary().extension_words
        and toks[idx - 3].text.isdigit()
    ):
        return True  # (608) 555-0174 ext. 14 3088 West Hickory Lane
    last = len(toks[idx - 1].text)
    return 9 <= digits <= 15 and not (last <= 3 and digits - last >= 10)


def _age_before(toks: list[Token], idx: int) -> bool:
    """Leeftijd: 44. Kerkstraat 12; Age 52 4410 Birch Ave; Leeftijd: 44 Kerkstraat 12."""
    if (
        toks[idx - 1].ends_sentence
        and toks[idx - 1].text.isdigit()
        and len(toks[idx - 1].text) <= 3
    ):
        return True  # a sentence (or a listing part) ends with the number
    q = idx - 2
    if q >= 1 and toks[q].text == ":":
        q -= 1
    return q >= 0 and toks[q].text in vocabulary().age_words


def postcode_reading(toks: list[Token], target: ProfileAddress) -> StreetReading | None:
    """A Dutch postcode with the house number: 1234AB 12A."""
    number_words = vocabulary().number_words
    for i, tok in enumerate(toks[:-1]):
        if tok.text == POSTCODE and tok.postcode == target.postcode:
            k = i + 1
            while k < len(toks) - 1 and (
                toks[k].text in (",", ":") or toks[k].text in number_words
            ):
                k += 1  # 1234 AB, 12 / 1234 AB, huisnummer 12
            nxt = toks[k]
            if nxt.text.isdigit() and nxt.text.lstrip("0") == target.number:
                last, unit = _dutch_addition(toks, k + 1, target)
                return StreetReading(
                    first=i,
                    last=last,
                    used=frozenset(range(i, last + 1)),
                    street_shown=False,
                    unit=unit,
                    postcode_shown=True,
                )
    return None
