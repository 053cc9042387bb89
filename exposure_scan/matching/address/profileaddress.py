"""The profile's side of address matching: one profile address, normalised once (house
number, fraction or Queens block, unit, street, city and its spellings, state, region)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from exposure_scan.matching.address.tokens import words
from exposure_scan.matching.address.vocabulary import (
    Seq,
    canon,
    norm_postcode,
    norm_unit,
    vocabulary,
)
from exposure_scan.profile import Address

_NUMBER = re.compile(r"\s*(\d+)\s*(.*)")
# 12 1/2 Main St: a half lot is its own house number (12 is another house).
_FRACTION = re.compile(r"\s*(\d+)\s*(?:(\d)\s*/\s*(\d)|([½¼¾]))(?![\d/])\s*(.*)")
_VULGAR = {"½": "1/2", "¼": "1/4", "¾": "3/4"}
# 37-12 80th St: a Queens house number, block and house; 3712 is another house.
_HYPHENATED = re.compile(r"\s*(\d{1,3})-(\d{1,3})(?![\d-])\s*(.*)")


@dataclass(frozen=True, slots=True)
class ProfileAddress:
    """One profile address, normalised once."""

    label: str
    private: bool
    country: str  # NL, US or UK
    street: Seq
    number: str
    unit: str
    postcode: str
    city: Seq
    cities: frozenset[Seq]  # every name and spelling of the city
    state: tuple[Seq, ...]  # the state's code and name
    region: str = ""  # the region the profile's city names: Bergen (NH) -> noord-holland
    fraction: str = ""  # a fractional house number's fraction: 12 1/2 -> "1/2"
    # per street word, its spellings of at least 6 letters that a typing error may hit
    # (Stationsweg; Street for St): see street.typo_readings
    long_spellings: tuple[frozenset[str], ...] = ()

    @classmethod
    def of(cls, address: Address) -> ProfileAddress:
        table = vocabulary()
        country = address.country.value
        fraction = ""
        m = _NUMBER.match(address.house_number)
        number, extra = (m.group(1), m.group(2)) if m else (address.house_number.strip(), "")
        fm = _FRACTION.fullmatch(address.house_number)
        hm = _HYPHENATED.fullmatch(address.house_number)
        if fm and country != "NL":
            number, extra = fm.group(1), fm.group(5)
            fraction = f"{fm.group(2)}/{fm.group(3)}" if fm.group(2) else _VULGAR[fm.group(4)]
        elif hm and country == "US":
            number = f"{hm.group(1).lstrip('0') or '0'}-{hm.group(2)}"
            extra = hm.group(3)
        city = tuple(canon(w) for w in words(address.city))
        state: tuple[Seq, ...] = ()
        code = address.state.strip().lower()
        if code:
            name = table.states.get(code)
            state = ((code,), name) if name else (tuple(words(code)),)
            for abbr, full in table.states.items():
                if full == tuple(words(code)):
                    state = ((abbr,), full)
        street = tuple(canon(w) for w in words(address.street))
        base, region = _split_region(city, country)
        cities: set[Seq] = set()
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
            fraction=fraction,
            long_spellings=tuple(_spellings(w, table.words) for w in words(address.street)),
        )


TYPO_MIN_LETTERS = 6  # MATCHING.md: a typing error counts only in a word this long


def _spellings(word: str, table: dict[str, str]) -> frozenset[str]:
    """The long spellings of one street word: itself, and the written-out forms of an
    abbreviation in the address vocabulary (St: street, saint; Ave: avenue)."""
    key = canon(word)
    forms = {word} | {v for v, c in table.items() if c == key}
    return frozenset(f for f in forms if f.isalpha() and len(f) >= TYPO_MIN_LETTERS)


def _split_region(city: Seq, country: str) -> tuple[Seq, str]:
    """A Dutch profile city with its province written after it in the short form of place
    lists ("Bergen (NH)", "Hengelo O", "Velp Gld"): the bare town and the province.
    Long names are part of the town ("Midden-Groningen"), and elsewhere nothing is split."""
    if country != "NL":
        return city, ""
    table = vocabulary()
    for k in (2, 1):
        tail = city[-k:]
        if len(city) > k and all(len(w) <= 4 for w in tail):
            name = table.regions[country].get(tail) or table.after_town[country].get(tail)
            if name:
                return city[:-k], name
    return city, ""


def city_forms(seq: Seq) -> frozenset[Seq]:
    """Every spelling of a city that the spelling rules allow (words.toml, city_spellings:
    aan den / a/d, op / o/, bij / b., upon / on, Port / Pt.), with or without a leading 's-
    ('s-Gravenhage), and Bishop's / Bishops. St./Saint/Sint, Ft./Fort and Mt./Mount are one
    word through canon."""
    spellings = vocabulary().city_spellings
    out: set[Seq] = {seq}
    if len(seq) > 1 and seq[0] == "s":
        out.add(seq[1:])
    todo = list(out)
    for form in todo:
        for i in range(len(form)):
            for k in (2, 1):
                part = form[i : i + k]
                if len(part) == k and part in spellings:
                    for alt in spellings[part]:
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
