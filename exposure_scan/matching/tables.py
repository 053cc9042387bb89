"""Schemas of the matching word lists (names.toml, address.toml, cities.toml, places.toml),
read through exposure_scan.packaged. Lists stay lists: `normalise.load_data` hands the
validated table on as the plain data it was."""

from __future__ import annotations

from typing import Literal

from exposure_scan.models import Frozen

WordList = list[str]


class NameWords(Frozen):
    """names.toml: words around a person's name."""

    particles: WordList  # van, de, von ...: part of a surname
    titles: WordList  # dr, mevr, huisarts ...: never part of a name
    joiners: WordList  # e.v., geb. ...: between a married and a birth name


class AddressWords(Frozen):
    """address.toml: the vocabulary of streets, numbers and units."""

    street_prefixes: WordList
    street_name_words: WordList
    not_before_street: WordList
    label_words: WordList
    connectors: WordList
    number_words: WordList
    unit_words: WordList
    floor_words: WordList
    po_box: WordList
    short_places: WordList
    words: dict[str, WordList]
    suffixes: dict[str, str]
    additions: dict[str, WordList]
    countries: dict[Literal["NL", "US", "UK"], WordList]
    us_states: dict[str, str]


class CityNames(Frozen):
    """cities.toml: groups of names of one and the same place."""

    groups: list[WordList]


class UkPlaces(Frozen):
    regions: WordList
    counties: WordList
    after_town: WordList


class NlPlaces(Frozen):
    districts: WordList
    provinces: dict[str, WordList]
    after_town: dict[str, WordList]


class UsPlaces(Frozen):
    county_words: WordList


class PlaceNames(Frozen):
    """places.toml: regions written after a town, per country."""

    UK: UkPlaces
    NL: NlPlaces
    US: UsPlaces


# `normalise.load_data(name)`: the file matching/<name>.toml and its schema.
TABLES: dict[str, type[Frozen]] = {
    "names": NameWords,
    "address": AddressWords,
    "cities": CityNames,
    "places": PlaceNames,
}
