"""Schema of the name word lists (names.toml; the address lists have theirs in
matching/address/vocabulary.py),
read through exposure_scan.packaged. Lists stay lists: `normalise.load_data` hands the
validated table on as the plain data it was."""

from __future__ import annotations

from exposure_scan.models import Frozen

WordList = list[str]


class NameWords(Frozen):
    """names.toml: words around a person's name."""

    particles: WordList  # van, de, von ...: part of a surname
    titles: WordList  # dr, mevr, huisarts ...: never part of a name
    joiners: WordList  # e.v., geb. ...: between a married and a birth name


# `normalise.load_data(name)`: the file matching/<name>.toml and its schema.
TABLES: dict[str, type[Frozen]] = {
    "names": NameWords,
}
