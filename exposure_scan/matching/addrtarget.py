"""The profile's side of address matching: one profile address, normalised once (house
number, fraction or Queens block, unit, street, city and its spellings, state, region)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from exposure_scan.matching.addrtext import canon, norm_postcode, norm_unit, vocab, words
from exposure_scan.profile import Address

_NUMBER = re.compile(r"\s*(\d+)\s*(.*)")
# 12 1/2 Main St: a half lot is its own house number (12 is another house).
_FRACTION = re.compile(r"\s*(\d+)\s*(?:(\d)\s*/\s*(\d)|([½¼¾]))(?![\d/])\s*(.*)")
_VULGAR = {"½": "1/2", "¼": "1/4", "¾": "3/4"}
# 37-12 80th St: a Queens house number, block and house; 3712 is another house.
_HYPHENATED = re.compile(r"\s*(\d{1,3})-(\d{1,3})(?![\d-])\s*(.*)")


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
    # per street word, its spellings of at least 6 letters that a typing error may hit
    # (Stationsweg; Street for St): see housenumber.typo_readings
    spelled: tuple[frozenset[str], ...] = ()

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
        street = tuple(canon(w) for w in words(address.street))
        base, region = _split_region(city, country)
        cities: set[tuple[str, ...]] = set()
        for name in {city, base}:
            for seq in table.city_groups.get(name, frozenset()) | {name}:
                cities |= city_forms(seq)
        return cls(
            label=address.label,
            private=address.is_private,
            country=country,
            street=street,
            number=number.lstrip("0") or number,
            unit=norm_unit(f"{extra} {address.addition}"),
            postcode=norm_postcode(address.postcode),
            city=city,
            cities=frozenset(cities),
            state=state,
            region=region,
            frac=frac,
            spelled=tuple(_spellings(w, table.words) for w in words(address.street)),
        )


TYPO_MIN_LETTERS = 6  # MATCHING.md: a typing error counts only in a word this long


def _spellings(word: str, table: dict[str, str]) -> frozenset[str]:
    """The long spellings of one street word: itself, and the written-out forms of an
    abbreviation in the address vocabulary (St: street, saint; Ave: avenue)."""
    key = canon(word)
    forms = {word} | {v for v, c in table.items() if c == key}
    return frozenset(f for f in forms if f.isalpha() and len(f) >= TYPO_MIN_LETTERS)


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
