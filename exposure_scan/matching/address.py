"""Does an observed address point a stranger to one of the profile's buildings?

Same house number and street (abbreviations allowed on either side), and the same place:
city (or a known alias) or postcode, with nothing contradicting them. A Dutch postcode with
the house number alone identifies the address. A missing unit still matches; a different
unit, number, street, directional, city or postcode does not, and a PO box never does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from exposure_scan.matching.addrtext import (
    BOUNDARIES,
    DIRECTIONALS,
    HARD_STOPS,
    POSTCODE,
    Tok,
    canon,
    norm_postcode,
    norm_unit,
    tokenize,
    vocab,
    words,
)
from exposure_scan.matching.normalise import join_words
from exposure_scan.models import FieldKind, FieldMatch
from exposure_scan.profile import Address

_NUMBER = re.compile(r"\s*(\d+)\s*(.*)")
# 12 1/2 Main St: a half lot is its own house number (12 is another house).
_FRACTION = re.compile(r"\s*(\d+)\s*(?:(\d)\s*/\s*(\d)|([½¼¾]))(?![\d/])\s*(.*)")
_VULGAR = {"½": "1/2", "¼": "1/4", "¾": "3/4"}
# 37-12 80th St: a Queens house number, block and house; 3712 is another house.
_HYPHENATED = re.compile(r"\s*(\d{1,3})-(\d{1,3})(?![\d-])\s*(.*)")
_ARTICLES = frozenset({"de", "het", "den", "der", "t", "the"})
# "v.d." in a street name is van de, van der or van den (Burg. v.d. Zandenlaan).
_VD = frozenset({"de", "der", "den"})
# Flats named by their floor: Ground Floor Flat, First Floor Flat, Basement Flat.
_FLOOR_NAMES = frozenset({
    "ground", "basement", "lower", "upper", "top", "garden", "first", "second", "third",
    "fourth", "fifth", "attic", "gf", "ff", "sf", "tf",
})  # fmt: skip
_EDINBURGH = re.compile(r"\d{1,2}f\d{1,2}")


@dataclass(frozen=True, slots=True)
class Target:
    """One profile address, normalised once."""

    label: str
    private: bool
    country: str  # NL, US or UK
    street: tuple[str, ...]
    number: str
    unit: str
    postcode: str
    city: tuple[str, ...]
    cities: frozenset[tuple[str, ...]]
    state: tuple[tuple[str, ...], ...]
    region: str = ""  # the region the profile's city names: Bergen (NH) -> noord-holland
    frac: str = ""  # a fractional house number's fraction: 12 1/2 -> "1/2"

    @classmethod
    def of(cls, address: Address) -> Target:
        table = vocab()
        country = address.country.value
        frac = ""
        m = _NUMBER.match(address.house_number)
        number, extra = (m.group(1), m.group(2)) if m else (address.house_number.strip(), "")
        fm = _FRACTION.fullmatch(address.house_number)
        hm = _HYPHENATED.fullmatch(address.house_number)
        if fm and country != "NL":
            number, extra = fm.group(1), fm.group(5)
            frac = f"{fm.group(2)}/{fm.group(3)}" if fm.group(2) else _VULGAR[fm.group(4)]
        elif hm and country == "US":
            number = f"{hm.group(1).lstrip('0') or '0'}-{hm.group(2)}"
            extra = hm.group(3)
        city = tuple(canon(w) for w in words(address.city))
        state: tuple[tuple[str, ...], ...] = ()
        code = address.state.strip().lower()
        if code:
            name = table.states.get(code)
            state = ((code,), name) if name else (tuple(words(code)),)
            for abbr, full in table.states.items():
                if full == tuple(words(code)):
                    state = ((abbr,), full)
        base, region = _split_region(city, country)
        cities: set[tuple[str, ...]] = set()
        for name in {city, base}:
            for seq in table.city_groups.get(name, frozenset()) | {name}:
                cities |= city_forms(seq)
        return cls(
            label=address.label,
            private=address.is_private,
            country=country,
            street=tuple(canon(w) for w in words(address.street)),
            number=number.lstrip("0") or number,
            unit=norm_unit(f"{extra} {address.addition}"),
            postcode=norm_postcode(address.postcode),
            city=city,
            cities=frozenset(cities),
            state=state,
            region=region,
            frac=frac,
        )


def _split_region(city: tuple[str, ...], country: str) -> tuple[tuple[str, ...], str]:
    """A Dutch profile city with its province written after it in the short form of place
    lists ("Bergen (NH)", "Hengelo O", "Velp Gld"): the bare town and the province.
    Long names are part of the town ("Midden-Groningen"), and elsewhere nothing is split."""
    if country != "NL":
        return city, ""
    table = vocab()
    for k in (2, 1):
        tail = city[-k:]
        if len(city) > k and all(len(w) <= 4 for w in tail):
            name = table.regions[country].get(tail) or table.after_town[country].get(tail)
            if name:
                return city[:-k], name
    return city, ""


_CITY_WORDS: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {
    # Dutch joining words: aan den / aan de / a/d / a.d. / ad; op / o/; bij / b.
    ("aan", "den"): (("aan", "de"), ("a", "d"), ("ad",)),
    ("aan", "de"): (("aan", "den"), ("a", "d"), ("ad",)),
    ("a", "d"): (("aan", "den"), ("aan", "de"), ("ad",)),
    ("op",): (("o",),),
    ("bij",): (("b",),),
    # British: Stratford-upon-Avon / Stratford-on-Avon
    ("upon",): (("on",),),
    ("on",): (("upon",),),
    # American: Pt. for Port (Point is already Pt. through canon); "=" compares as written
    ("port",): (("=pt",),),
}


def city_forms(seq: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """Every spelling of a city that the spelling rules allow: aan den / a/d, op / o/,
    bij / b., upon / on, Port / Pt., with or without a leading 's- ('s-Gravenhage), and
    Bishop's / Bishops. St./Saint/Sint, Ft./Fort and Mt./Mount are one word through canon."""
    out: set[tuple[str, ...]] = {seq}
    if len(seq) > 1 and seq[0] == "s":
        out.add(seq[1:])
    todo = list(out)
    for form in todo:
        for i in range(len(form)):
            for k in (2, 1):
                part = form[i : i + k]
                if len(part) == k and part in _CITY_WORDS:
                    for alt in _CITY_WORDS[part]:
                        new = form[:i] + alt + form[i + k :]
                        if new not in out and len(out) < 24:
                            out.add(new)
                            todo.append(new)
            word = form[i]
            if len(word) >= 4 and word.endswith("s") and i + 1 < len(form) and len(out) < 24:
                out.add((*form[:i], word[:-1], "s", *form[i + 1 :]))  # Bishops / Bishop's
            if word == "s" and 0 < i and len(out) < 24:
                out.add((*form[: i - 1], form[i - 1] + "s", *form[i + 1 :]))
    return frozenset(out)


@dataclass(slots=True)
class Found:
    """What one reading of the observed tokens established."""

    first: int  # token span of the street, number and unit
    last: int
    used: set[int] = field(default_factory=set)
    street: bool = True
    unit: str | None = None  # the observed unit, None when not shown
    postcode: bool = False
    city: bool = False
    alias: bool = False
    end: int = 0  # last token of the place


class AddressMatcher:
    def __init__(self, addresses: Sequence[Address]) -> None:
        self.targets = tuple(Target.of(a) for a in addresses)

    def match(self, raw: str) -> list[FieldMatch]:
        out: list[FieldMatch] = []
        cache: dict[str, list[Tok]] = {}
        for target in self.targets:
            toks = cache.get(target.country)
            if toks is None:
                toks = cache[target.country] = tokenize(raw, target.country)
            found = match_tokens(toks, target, text=False)
            if found is not None:
                out.append(_field_match(target, found, raw.strip()))
        return out

    def find_in_text(self, text: str) -> list[FieldMatch]:
        lines = text.splitlines()
        out: dict[str, FieldMatch] = {}
        for block, observed in _field_blocks(lines):
            composed: dict[str, list[Tok]] = {}
            for target in self.targets:
                if target.label in out:
                    continue
                if target.country not in composed:
                    raw = _compose(block, target.country)
                    composed[target.country] = tokenize(raw, target.country)
                found = match_tokens(composed[target.country], target, text=False)
                if found is not None:
                    out[target.label] = _field_match(target, found, observed)
        for n, line in enumerate(lines):
            if not any(ch.isdigit() for ch in line):
                continue
            cache: dict[str, list[Tok]] = {}
            for target in self.targets:
                if target.label in out:
                    continue
                toks = cache.get(target.country)
                if toks is None:
                    toks = cache[target.country] = tokenize(line, target.country)
                nxt = lines[n + 1] if n + 1 < len(lines) else ""
                found = match_tokens(toks, target, text=True, next_line=nxt)
                if found is not None:
                    observed = line[toks[found.first].start : toks[found.end].end]
                    out[target.label] = _field_match(target, found, observed)
        return list(out.values())


# -- addresses written as labelled fields, one a line ---------------------------------------

_FIELD_LINE = re.compile(r"^\s*[-*•]?\s*([^\W\d_][^:|\t]{0,30}?)\s*(?::|\||\t)\s*(\S.*?)\s*$")
_FIELD_LABELS = {
    "street": (
        "straat", "straatnaam", "street", "street address", "streetname", "street name",
        "adres", "address", "address line 1", "adresregel 1", "address 1",
    ),
    "number": ("huisnummer", "huisnr", "nummer", "nr", "no", "house number", "number"),
    "addition": (
        "toevoeging", "huisnummertoevoeging", "huisletter", "addition", "apt", "apartment",
        "unit", "suite", "flat", "address line 2", "adresregel 2", "address 2",
    ),
    "postcode": ("postcode", "zip", "zip code", "zipcode", "postal code", "post code"),
    "city": (
        "plaats", "woonplaats", "city", "town", "stad", "gemeente", "locality", "post town",
        "vestigingsplaats", "city/town", "town/city", "plaatsnaam",
    ),
    "state": ("state", "provincie", "province", "county", "region", "staat"),
    "country": ("land", "country"),
}  # fmt: skip
_FIELD_OF = {label: kind for kind, labels in _FIELD_LABELS.items() for label in labels}
_UNIT_LABELS = frozenset({"apt", "apartment", "unit", "suite", "flat"})


def _field_blocks(lines: list[str]) -> list[tuple[dict[str, str], str]]:
    """Runs of "Label: value" lines (or "Label | value" table rows) that together spell an
    address: Straat / Huisnummer / Postcode / Plaats, Street / City / ZIP code."""
    blocks: list[tuple[dict[str, str], str]] = []
    block: dict[str, str] = {}
    shown: list[str] = []

    def close() -> None:
        if "street" in block and ("city" in block or "postcode" in block):
            blocks.append((dict(block), "\n".join(shown)))
        block.clear()
        shown.clear()

    for line in lines:
        m = _FIELD_LINE.match(line) if (":" in line or "|" in line or "\t" in line) else None
        label = " ".join(m.group(1).lower().replace(".", " ").split()) if m else ""
        kind = _FIELD_OF.get(label)
        if m is None or kind is None:
            close()
            continue
        if kind in block:
            close()
        value = m.group(2).strip(" |")
        block[kind] = f"{label} {value}" if label in _UNIT_LABELS else value
        shown.append(line.strip())
    close()
    return blocks


def _compose(block: dict[str, str], country: str) -> str:
    """One address line from the fields, in the country's order."""
    get = block.get
    if country == "NL":
        head = " ".join(v for v in (get("street"), get("number"), get("addition")) if v)
        place = " ".join(v for v in (get("postcode"), get("city")) if v)
        place = ", ".join(v for v in (place, get("state")) if v)
    else:
        head = " ".join(v for v in (get("number"), get("street"), get("addition")) if v)
        place = ", ".join(v for v in (get("city"), get("state")) if v)
        place = " ".join(v for v in (place, get("postcode")) if v)
    return ", ".join(v for v in (head, place, get("country")) if v)


def _field_match(target: Target, found: Found, observed: str) -> FieldMatch:
    parts = ["street"] if found.street else []
    parts.append("house number")
    if target.unit and found.unit:
        parts.append("unit" if target.country != "NL" else "addition")
    if found.postcode:
        parts.append("postcode")
    if found.city:
        parts.append("city (a known alias)" if found.alias else "city")
    reason = f"same {join_words(parts)}"
    if target.unit and not found.unit:
        reason += "; addition not shown" if target.country == "NL" else "; unit not shown"
    confidence = 0.95 if found.postcode and found.street else 0.9
    return FieldMatch(
        field=FieldKind.ADDRESS,
        label=target.label,
        observed=observed,
        confidence=confidence,
        reason=reason,
        private=target.private,
    )


# -- the reading of one token list against one profile address ---------------------------


def match_tokens(
    toks: list[Tok], target: Target, *, text: bool, next_line: str = ""
) -> Found | None:
    if not toks or _is_po_box(toks):
        return None
    candidates: list[Found | None] = [f for f in _street_readings(toks, target, text) if f]
    if not candidates and target.country == "NL" and target.postcode:
        candidates = [_postcode_reading(toks, target)]
    for found in candidates:
        if found is None or not _unit_agrees(toks, target, found):
            continue
        if _place_agrees(toks, target, found, text, next_line):
            return found
    return None


def _is_po_box(toks: list[Tok]) -> bool:
    table = vocab()
    for i, tok in enumerate(toks):
        if tok.t in ("postbus", "pobox", "antwoordnummer", "postfach"):
            return True
        if tok.t == "box" and i > 0 and toks[i - 1].t in ("po", "o", "pob"):
            return True
        if tok.t in table.po_box and tok.t == "pob":
            return True
    return False


def _street_readings(toks: list[Tok], target: Target, text: bool) -> list[Found | None]:
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
        if toks[p].t.lstrip("0") != target.number or not _prefix_ok(toks, i, text):
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
        p >= 3 and toks[p].t == ")" and toks[p - 2].t == "(" and _EDINBURGH.fullmatch(toks[p - 1].t)
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
    if not target.frac and p >= 2 and toks[p - 1].t == "/" and toks[p - 2].t.isalnum():
        unit, start = toks[p - 2].t, p - 2
    if not _prefix_ok(toks, start, text):
        return None
    found = Found(first=start, last=j - 1, used=set(range(start, j)))
    if unit is not None:
        found.unit = norm_unit(unit)
    return found


def _is_number(t: str) -> bool:
    return t.isdigit() or (t[:1].isdigit() and "-" in t)


def _prefix_ok(toks: list[Tok], idx: int, text: bool) -> bool:
    """Nothing in front of the street makes it another street ("Nieuwe Kerkstraat")."""
    if idx == 0:
        return True
    table = vocab()
    prev = toks[idx - 1]
    if prev.t in BOUNDARIES or prev.t == POSTCODE or prev.t in table.connectors:
        return True
    if prev.t in _ARTICLES and not prev.cap and idx >= 2 and toks[idx - 2].t in table.connectors:
        return True  # woont aan de Kerkstraat 12, in de Kerkstraat
    if prev.t in table.street_prefixes or canon(prev.t) in DIRECTIONALS:
        return False
    if idx >= 2 and toks[idx - 2].t in table.unit_words:
        return True  # Flat 5 1 Station Road
    if idx >= 4 and toks[idx - 2].t == "/" and toks[idx - 4].t in table.unit_words:
        return True  # Flat 3/2 10 Victoria Road
    return text and prev.word and not prev.cap


def _postcode_reading(toks: list[Tok], target: Target) -> Found | None:
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


def _unit_agrees(toks: list[Tok], target: Target, found: Found) -> bool:
    """A missing unit still matches; a different one, or one the profile lacks, does not."""
    table = vocab()
    seen = [found.unit] if found.unit else []
    for i, tok in enumerate(toks):
        if i in found.used:
            continue
        if _EDINBURGH.fullmatch(tok.t) or tok.t in _FLOOR_NAMES:
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
    if _EDINBURGH.fullmatch(tok.t):
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


def _place_agrees(
    toks: list[Tok], target: Target, found: Found, text: bool, next_line: str
) -> bool:
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
    while q > s and (
        toks[q - 1].t in _ARTICLES or toks[q - 1].t in ("aan", "op", "in", "at", "on")
    ):
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
            if text and tok.t in HARD_STOPS:
                break
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
