"""The address word lists (words.toml, cities.toml, places.toml), validated and in lookup
form, and the canonical spellings built from them."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from exposure_scan import packaged
from exposure_scan.matching.address.tokens import TOKEN_PATTERN, words
from exposure_scan.matching.normalise import fold

WordList = tuple[str, ...]
Seq = tuple[str, ...]  # the canonical words of a name: ("bergen", "nh")
Country = Literal["NL", "US", "UK"]
FieldKind = Literal["street", "number", "addition", "postcode", "city", "state", "country"]


class _Schema(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PoBoxWords(_Schema):
    words: WordList  # any of these makes an address a PO box
    box_after: WordList  # "box" after one of these does too: PO Box, P.O. Box


class AddressWords(_Schema):
    """words.toml: the vocabulary of streets, numbers, units and listing lines."""

    street_prefixes: WordList
    street_name_words: WordList
    not_before_street: WordList
    label_words: WordList
    connectors: WordList
    number_words: WordList
    unit_words: WordList
    floor_words: WordList
    short_places: WordList
    place_name_articles: WordList
    directionals: WordList
    articles: WordList
    articles_before_street: WordList
    number_before_street: WordList
    before_street_in_clause: WordList
    town_clause: WordList
    van_d_forms: WordList
    age_words: WordList
    extension_words: WordList
    floor_names: WordList
    floor_designators: WordList
    short_words_after_number: WordList
    unit_labels: WordList
    unit_joiners: WordList
    words: dict[str, WordList]
    suffixes: dict[str, str]
    additions: dict[str, WordList]
    countries: dict[Country, WordList]
    us_states: dict[str, str]
    roman_numerals: dict[str, str]
    po_box: PoBoxWords
    city_spellings: dict[str, WordList]
    field_labels: dict[FieldKind, WordList]


class CityNames(_Schema):
    """cities.toml: groups of names of one and the same place."""

    groups: tuple[WordList, ...]


class UkPlaces(_Schema):
    regions: WordList
    counties: WordList
    county_prefixes: WordList
    after_town: WordList


class NlPlaces(_Schema):
    districts: WordList
    province_prefixes: WordList
    provinces: dict[str, WordList]
    after_town: dict[str, WordList]


class UsPlaces(_Schema):
    county_words: WordList


class PlaceNames(_Schema):
    """places.toml: regions written after a town, per country."""

    UK: UkPlaces
    NL: NlPlaces
    US: UsPlaces


_PACKAGE = "exposure_scan.matching.address"

# Each word list of this package and its schema (read through exposure_scan.packaged).
TABLES: dict[str, type[BaseModel]] = {
    "words.toml": AddressWords,
    "cities.toml": CityNames,
    "places.toml": PlaceNames,
}


def read_toml(name: str) -> object:
    """One TOML file of this package, parsed (validated by the caller's schema)."""
    return packaged.read_toml(name, _PACKAGE)


@cache
def vocabulary() -> Vocabulary:
    return Vocabulary(
        packaged.load(AddressWords, "words.toml", _PACKAGE),
        packaged.load(CityNames, "cities.toml", _PACKAGE),
        packaged.load(PlaceNames, "places.toml", _PACKAGE),
    )


def _variants(table: dict[str, WordList]) -> dict[str, str]:
    """canonical = [variants] as variant -> canonical (the canonical form included)."""
    out: dict[str, str] = {}
    for canonical, variants in table.items():
        out[canonical] = canonical
        for variant in variants:
            out[variant] = canonical
    return out


class Vocabulary:
    """The address tables in lookup form."""

    def __init__(self, data: AddressWords, cities: CityNames, places: PlaceNames) -> None:
        self.data = data
        self.words = _variants(data.words)
        self.suffixes: list[tuple[str, str]] = sorted(
            data.suffixes.items(), key=lambda kv: -len(kv[0])
        )
        self.street_prefixes = frozenset(data.street_prefixes)
        self.street_name_words = frozenset(data.street_name_words) | self.street_prefixes
        self.not_before_street = frozenset(data.not_before_street)
        self.label_words = frozenset(data.label_words)
        self.connectors = frozenset(data.connectors)
        self.number_words = frozenset(data.number_words)
        self.unit_words = frozenset(data.unit_words) | {"#"}
        self.additions = _variants(data.additions)
        self.floor_words = frozenset(data.floor_words)
        self.short_places = frozenset(data.short_places)
        self.place_name_articles = frozenset(data.place_name_articles)
        self.directionals = frozenset(data.directionals)
        self.articles = frozenset(data.articles)
        self.articles_before_street = frozenset(data.articles_before_street)
        self.number_before_street = frozenset(data.number_before_street)
        self.before_street_in_clause = frozenset(data.before_street_in_clause)
        self.town_clause = frozenset(data.town_clause)
        self.van_d_forms = frozenset(data.van_d_forms)
        self.age_words = frozenset(data.age_words)
        self.extension_words = frozenset(data.extension_words)
        self.floor_names = frozenset(data.floor_names)
        self.floor_designators = frozenset(data.floor_designators)
        self.short_words_after_number = frozenset(data.short_words_after_number)
        self.unit_labels = frozenset(data.unit_labels)
        self.unit_joiners = frozenset(data.unit_joiners)
        self.roman_numerals = dict(data.roman_numerals)
        self.po_box_words = frozenset(data.po_box.words)
        self.po_box_before_box = frozenset(data.po_box.box_after)
        self.city_spellings: dict[Seq, tuple[Seq, ...]] = {
            tuple(key.split()): tuple(tuple(alt.split()) for alt in alts)
            for key, alts in data.city_spellings.items()
        }
        self.field_of_label = {
            label: kind for kind, labels in data.field_labels.items() for label in labels
        }
        self.countries: dict[str, frozenset[Seq]] = {
            code: frozenset(tuple(words(name)) for name in names)
            for code, names in data.countries.items()
        }
        self.states = {code: tuple(words(name)) for code, name in data.us_states.items()}
        self.city_groups: dict[Seq, frozenset[Seq]] = {}
        for group in cities.groups:
            seqs = frozenset(tuple(self.canon(w) for w in words(name)) for name in group)
            for seq in seqs:
                self.city_groups[seq] = self.city_groups.get(seq, frozenset()) | seqs
        self._load_places(places)

    def _load_places(self, data: PlaceNames) -> None:
        """Regions per country: seq -> the region's name; and those tolerated after the town."""
        seq = self._seq
        self.regions: dict[str, dict[Seq, str]] = {}
        self.after_town: dict[str, dict[Seq, str]] = {}
        uk = data.UK
        regions = {seq(name): name for name in uk.regions}
        for county in uk.counties:
            for prefix in uk.county_prefixes:
                regions[seq(f"{prefix} {county}")] = county
        self.regions["UK"] = regions
        self.after_town["UK"] = {seq(name): name for name in uk.after_town}
        nl = data.NL
        after = {seq(form): prov for prov, forms in nl.after_town.items() for form in forms}
        provinces: dict[Seq, str] = {}
        for province, forms in nl.provinces.items():
            for form in [province, *forms]:
                for prefix in ("", *(f"{p} " for p in nl.province_prefixes)):
                    if prefix or seq(form) not in after:
                        provinces[seq(prefix + form)] = province
        self.regions["NL"] = provinces
        self.after_town["NL"] = after
        self.districts = frozenset(self.canon(w) for w in nl.districts)
        self.regions["US"] = {}
        self.after_town["US"] = {}
        self.county_words = frozenset(data.US.county_words)

    def _seq(self, name: str) -> Seq:
        return tuple(self.canon(w) for w in words(name))

    def canon(self, word: str) -> str:
        if word in self.words:
            return self.words[word]
        for long, short in self.suffixes:
            if word.endswith(long):
                word = word[: -len(long)] + short
                break
        return self.words.get(word, word)

    def spellings(self, key: str) -> frozenset[str]:
        """Every word that canon makes key (and perhaps a few more): key, its variants in
        [words], and each of those with a long suffix for its short one (dorpsstraat for
        dorpsstr)."""
        direct = {word for word, canonical in self.words.items() if canonical == key}
        # what a word with its suffix shortened must be for canon to give key
        bases = direct | ({key} if key not in self.words else set())
        out = direct | {key}
        for long, short in self.suffixes:
            for base in bases:
                if base.endswith(short):
                    out.add(base[: len(base) - len(short)] + long)
        return frozenset(out)

    def is_po_box(self, texts: list[str]) -> bool:
        """The token texts name a PO box (Postbus 12, P.O. Box 12, POB 12)."""
        for i, text in enumerate(texts):
            if text in self.po_box_words:
                return True
            if text == "box" and i > 0 and texts[i - 1] in self.po_box_before_box:
                return True
        return False


@lru_cache(maxsize=8192)
def canon(word: str) -> str:
    """One spelling per street word: Dorpsstr -> dorpsstr, Dorpsstraat -> dorpsstr,
    Avenue -> ave, North -> n, Burg -> burgemeester."""
    return vocabulary().canon(word)


def norm_unit(text: str) -> str:
    """A unit or addition without its designator: "Apt 4B" -> "4b", "III" -> "3",
    "#3" -> "3", "huis" -> "hs"."""
    table = vocabulary()
    found = TOKEN_PATTERN.findall(fold(text))
    # a slash between two numbers is kept: Glasgow's flat 3/2 is not flat 32
    parts = [
        t
        for i, t in enumerate(found)
        if t.isalnum()
        or (
            t == "/"
            and 0 < i < len(found) - 1
            and found[i - 1].isdigit()
            and found[i + 1].isdigit()
        )
    ]
    drop = table.unit_words | table.number_words | table.floor_words
    parts = [p for p in parts if p not in drop]
    joined = "".join(table.additions.get(p, p) for p in parts)
    return table.roman_numerals.get(joined, joined)


def norm_postcode(text: str) -> str:
    value = "".join(ch for ch in fold(text) if ch.isalnum())
    return value[:5] if value.isdigit() else value
