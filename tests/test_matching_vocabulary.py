"""The address word lists: every TOML file validates against its schema, and no list repeats
a word (a repeated word hides an edit that was meant to go elsewhere)."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest
from pydantic import BaseModel, ValidationError

from exposure_scan.matching.address.vocabulary import (
    AddressWords,
    CityNames,
    PlaceNames,
    read_toml,
    vocabulary,
)
from exposure_scan.matching.normalise import fold

SCHEMAS: dict[str, type[BaseModel]] = {
    "words.toml": AddressWords,
    "cities.toml": CityNames,
    "places.toml": PlaceNames,
}


def word_lists(value: object, path: str = "") -> list[tuple[str, list[str]]]:
    """Every list of words in a parsed TOML document, with where it is."""
    if isinstance(value, dict):
        return [item for key, sub in value.items() for item in word_lists(sub, f"{path}.{key}")]
    if isinstance(value, list) and all(isinstance(w, str) for w in value):
        return [(path, value)]
    if isinstance(value, list):
        return [item for n, sub in enumerate(value) for item in word_lists(sub, f"{path}[{n}]")]
    return []


def test_every_toml_file_of_the_package_has_a_schema() -> None:
    package = resources.files("exposure_scan.matching.address")
    shipped = {p.name for p in package.iterdir() if p.name.endswith(".toml")}
    assert shipped == set(SCHEMAS)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_toml_validates_against_its_schema(name: str) -> None:
    SCHEMAS[name].model_validate(read_toml(name))


def test_schema_refuses_an_unknown_list() -> None:
    data = dict(read_toml("words.toml"))  # type: ignore[call-overload]
    data["po_boxes"] = ["postbus"]
    with pytest.raises(ValidationError):
        AddressWords.model_validate(data)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_no_list_repeats_a_word(name: str) -> None:
    repeated = {
        path: sorted(w for w, n in Counter(words).items() if n > 1)
        for path, words in word_lists(read_toml(name))
    }
    assert {path: words for path, words in repeated.items() if words} == {}


@pytest.mark.parametrize("table", ["words", "additions", "provinces"])
def test_a_variant_belongs_to_one_canonical_form(table: str) -> None:
    data = AddressWords.model_validate(read_toml("words.toml"))
    places = PlaceNames.model_validate(read_toml("places.toml"))
    mapping = {
        "words": data.words,
        "additions": data.additions,
        "provinces": places.NL.provinces,
    }[table]
    counts = Counter(w for canonical, variants in mapping.items() for w in (canonical, *variants))
    assert [w for w, n in counts.items() if n > 1] == []


def test_no_city_name_in_two_groups() -> None:
    groups = CityNames.model_validate(read_toml("cities.toml")).groups
    counts = Counter(name for group in groups for name in group)
    assert [name for name, n in counts.items() if n > 1] == []


def test_words_are_written_folded_and_without_dots() -> None:
    written = [w for _, words in word_lists(read_toml("words.toml")) for w in words]
    assert written
    assert [w for w in written if w != fold(w) or "." in w] == []


def test_field_labels_of_a_unit_are_addition_labels() -> None:
    data = AddressWords.model_validate(read_toml("words.toml"))
    assert set(data.unit_labels) <= set(data.field_labels["addition"])


@pytest.mark.parametrize(
    "texts",
    [["postbus", "12"], ["antwoordnummer", "7"], ["po", "box", "5"], ["p", "o", "box", "5"]],
)
def test_po_box_words_are_used(texts: list[str]) -> None:
    assert vocabulary().is_po_box(texts)


@pytest.mark.parametrize("texts", [["box", "hill", "12"], ["po", "12"], ["boxtel", "12"]])
def test_not_a_po_box(texts: list[str]) -> None:
    assert not vocabulary().is_po_box(texts)
