"""Address vocabulary and tokenisation: the pure building blocks of address matching."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from exposure_scan.matching.normalise import fold, fold_with_map, load_data

POSTCODE = "\x00pc"  # token text of a recognised postcode; its value is in Tok.value
BOUNDARIES = frozenset({",", ";", ":", "(", ")", "\n", "|", "/"})
HARD_STOPS = frozenset({"\n", "|"})
DIRECTIONALS = frozenset({"n", "s", "e", "w", "ne", "nw", "se", "sw"})
ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7",
         "viii": "8", "ix": "9", "x": "10"}  # fmt: skip

# An Edinburgh flat position ("1F2": first floor, second door) is one token.
_TOKEN = re.compile(r"[0-9]{1,2}f[0-9]{1,2}(?![a-z0-9])|[a-z]+|[0-9]+|[,;:|()\n#/]|\.")
# Folded otherwise than by fold: a vulgar fraction is its own number after the house number
# (12½ is 12 1/2, not 121/2); the middle dot and bullet of listings separate parts (Huisarts
# · Kerkstraat 12) like a semicolon.
_SPECIAL = {"½": " 1/2", "¼": " 1/4", "¾": " 3/4", "·": ";", "•": ";", "⋅": ";"}
# A possessive in a street or place name: Queen's Road, Queens Road and QUEENS RD are one.
_POSSESSIVE = re.compile(r"(?<=[a-z])['’‘`´ʼ]s(?![a-z])")
_APOSTROPHE_CHARS = frozenset("'’‘`´ʼ")
# A Queens (New York) house number: block and house joined by a hyphen, 37-12 80th St.
# A ZIP+4 (five digits first) and a phone number's 555-0100 (four digits last) are not.
_HYPHENATED = re.compile(r"(?<![0-9-])([0-9]{1,3})-([0-9]{1,3})(?![0-9-])")
_POSTCODES = {
    "NL": re.compile(r"(?<![a-z0-9])([1-9][0-9]{3}) ?(?!sa|sd|ss)([a-z]{2})(?![a-z0-9])"),
    "UK": re.compile(r"(?<![a-z0-9])([a-z]{1,2}[0-9][a-z0-9]?) ?([0-9][a-z]{2})(?![a-z0-9])"),
}


@dataclass(frozen=True, slots=True)
class Tok:
    t: str  # folded text, or POSTCODE
    start: int  # span in the raw string
    end: int
    cap: bool = False  # written with a capital
    brk: bool = False  # a sentence ends after it
    value: str = ""  # the normalised postcode
    sep: bool = False  # a dash between spaces (or an en or em dash) stands before it
    glued: bool = False  # a number written right after a number (217-555-5182): no space
    name: bool = False  # a word of the profile's surname, written with a capital

    @property
    def word(self) -> bool:
        return self.t.isalpha()


@cache
def vocab() -> Vocab:
    return Vocab()


class Vocab:
    """The address tables from address.toml and cities.toml, in lookup form."""

    def __init__(self) -> None:
        data = load_data("address")
        self.words: dict[str, str] = {}
        for canonical, variants in data["words"].items():
            self.words[canonical] = canonical
            for variant in variants:
                self.words[variant] = canonical
        self.suffixes: list[tuple[str, str]] = sorted(
            data["suffixes"].items(), key=lambda kv: -len(kv[0])
        )
        self.street_prefixes = frozenset(data["street_prefixes"])
        self.street_name_words = frozenset(data["street_name_words"]) | self.street_prefixes
        self.not_before_street = frozenset(data["not_before_street"])
        self.label_words = frozenset(data["label_words"])
        self.connectors = frozenset(data["connectors"])
        self.number_words = frozenset(data["number_words"])
        self.unit_words = frozenset(data["unit_words"]) | {"#"}
        self.additions: dict[str, str] = {}
        for canonical, variants in data["additions"].items():
            self.additions[canonical] = canonical
            for variant in variants:
                self.additions[variant] = canonical
        self.po_box = frozenset(data["po_box"])
        self.floor_words = frozenset(data["floor_words"])
        self.short_places = frozenset(data["short_places"])
        self.countries = {
            code: frozenset(tuple(words(name)) for name in names)
            for code, names in data["countries"].items()
        }
        self.states = {code: tuple(words(name)) for code, name in data["us_states"].items()}
        self.city_groups: dict[tuple[str, ...], frozenset[tuple[str, ...]]] = {}
        for group in load_data("cities")["groups"]:
            seqs = frozenset(tuple(self.canon(w) for w in words(name)) for name in group)
            for seq in seqs:
                self.city_groups[seq] = self.city_groups.get(seq, frozenset()) | seqs
        self._load_places(load_data("places"))

    def _load_places(self, data: dict[str, Any]) -> None:
        """Regions per country: seq -> the region's name; and those tolerated after the town."""
        seq = self._seq
        self.regions: dict[str, dict[tuple[str, ...], str]] = {}
        self.after_town: dict[str, dict[tuple[str, ...], str]] = {}
        uk = data["UK"]
        regions = {seq(name): name for name in uk["regions"]}
        for county in uk["counties"]:
            for form in (f"co {county}", f"county {county}", f"co of {county}"):
                regions[seq(form)] = county
        self.regions["UK"] = regions
        self.after_town["UK"] = {seq(name): name for name in uk["after_town"]}
        nl = data["NL"]
        after = {seq(form): prov for prov, forms in nl["after_town"].items() for form in forms}
        provinces: dict[tuple[str, ...], str] = {}
        for province, forms in nl["provinces"].items():
            for form in [province, *forms]:
                for prefix in ("", "provincie ", "prov "):
                    if prefix or seq(form) not in after:
                        provinces[seq(prefix + form)] = province
        self.regions["NL"] = provinces
        self.after_town["NL"] = after
        self.districts = frozenset(self.canon(w) for w in nl["districts"])
        self.regions["US"] = {}
        self.after_town["US"] = {}
        self.county_words = frozenset(data["US"]["county_words"])

    def _seq(self, name: str) -> tuple[str, ...]:
        return tuple(self.canon(w) for w in words(name))

    def canon(self, word: str) -> str:
        if word in self.words:
            return self.words[word]
        for long, short in self.suffixes:
            if word.endswith(long):
                word = word[: -len(long)] + short
                break
        return self.words.get(word, word)


def words(text: str) -> list[str]:
    """The alphanumeric words of a string, folded: "'s-Gravenhage" -> ["s", "gravenhage"];
    a possessive is one word: "Queen's Road" -> ["queens", "road"]."""
    folded = _POSSESSIVE.sub("s", fold_with_map(text, _SPECIAL)[0])
    return [t for t in _TOKEN.findall(folded) if t.isalnum()]


@lru_cache(maxsize=8192)
def canon(word: str) -> str:
    """One spelling per street word: Dorpsstr -> dorpsstr, Dorpsstraat -> dorpsstr,
    Avenue -> ave, North -> n, Burg -> burgemeester."""
    return vocab().canon(word)


def tokenize(raw: str, country: str) -> list[Tok]:
    """Address tokens with spans in raw; postcodes of the country become one token."""
    folded, index = fold_with_map(raw, _SPECIAL)
    spans: list[tuple[int, int, str]] = []
    pattern = _POSTCODES.get(country)
    if pattern is not None:
        spans = [(m.start(), m.end(), m.group(1) + m.group(2)) for m in pattern.finditer(folded)]
        if country == "NL" and spans and not raw.islower():
            spans = [sp for sp in spans if not _is_short_word(raw, index, sp)]
    out: list[Tok] = []
    pos = 0
    for start, end, value in [*spans, (len(folded), len(folded), "")]:
        out.extend(_plain_tokens(raw, folded, index, pos, start))
        if value:
            out.append(Tok(POSTCODE, index[start], index[end - 1] + 1, value=value))
        pos = end
    out = _join_possessives(raw, out)
    out = _join_hyphenated(raw, out) if country == "US" else out
    return _mark_dashes(raw, out)


_DASHES = frozenset("-–—‒―")  # the hyphen, en and em dashes of listings
_LONG_DASHES = frozenset("–—‒―")


def _mark_dashes(raw: str, toks: list[Tok]) -> list[Tok]:
    """Jan de Vries - Kerkstraat 12 - Utrecht: a dash between spaces, or an en or em dash,
    separates the parts of a listing line; the token after it is marked (Tok.sep). A hyphen
    inside a word or a number (12-A, 62-1) is not such a separator. A number written right
    after a number, without a space (217-555-5182), is marked glued."""
    dashes = any(ch in _DASHES for ch in raw)
    for n in range(1, len(toks)):
        t, before = toks[n], toks[n - 1]
        gap = raw[before.end : t.start]
        if t.t[:1].isdigit() and before.t[:1].isdigit() and not any(c.isspace() for c in gap):
            toks[n] = t = replace(t, glued=True)
        if not dashes:
            continue
        dash = gap.strip()
        if not dash or any(ch not in _DASHES for ch in dash):
            continue
        if (gap[0].isspace() and gap[-1].isspace()) or any(ch in _LONG_DASHES for ch in dash):
            toks[n] = replace(t, sep=True)
    return toks


def mark_names(toks: list[Tok], surnames: frozenset[str]) -> list[Tok]:
    """Marks the words of the profile's surnames written with a capital (Tok.name): a street
    may follow the person's name on a listing line (J.P. de Vries Kerkstraat 12)."""
    if not surnames:
        return toks
    out = list(toks)
    for n, t in enumerate(toks):
        if not t.cap or not t.t.isalpha():
            continue
        if t.t in surnames:
            out[n] = replace(t, name=True)
        elif n and toks[n - 1].end + 1 == t.start and toks[n - 1].t + t.t in surnames:
            out[n] = replace(t, name=True)  # O'Sullivan, d'Ancona: the word after the apostrophe
    return out


# Short Dutch and English words that follow a number in a sentence ("Plein 1813 in Den
# Helder", "sinds 2015 op"): written in lower case in text that has capitals, they are words,
# not the letters of a postcode.
_SHORT_WORDS = frozenset({
    "in", "en", "op", "de", "te", "of", "is", "om", "at", "on", "to", "an", "al", "na",
    "er", "ik", "je", "we", "ze", "nu", "uw", "as", "by", "or", "if", "it", "so", "up",
})  # fmt: skip


def _is_short_word(raw: str, index: list[int], span: tuple[int, int, str]) -> bool:
    letters = raw[index[span[1] - 2] : index[span[1] - 1] + 1]
    return letters.islower() and letters in _SHORT_WORDS


def _join_possessives(raw: str, toks: list[Tok]) -> list[Tok]:
    """Queen's -> queens: an s written right after a word and an apostrophe joins the word."""
    if not any(ch in _APOSTROPHE_CHARS for ch in raw):
        return toks
    out: list[Tok] = []
    for tok in toks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and tok.t == "s"
            and prev.t.isalpha()
            and tok.start == prev.end + 1
            and raw[prev.end] in _APOSTROPHE_CHARS
        ):
            out[-1] = Tok(prev.t + "s", prev.start, tok.end, prev.cap, tok.brk)
            continue
        out.append(tok)
    return out


def _join_hyphenated(raw: str, toks: list[Tok]) -> list[Tok]:
    """37-12 -> one token "37-12": in the US a hyphenated house number is one number."""
    if "-" not in raw:
        return toks
    out: list[Tok] = []
    for tok in toks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and tok.t.isdigit()
            and prev.t.isdigit()
            and tok.start == prev.end + 1
            and raw[prev.end] == "-"
            and _HYPHENATED.fullmatch(raw[prev.start : tok.end])
            and not (prev.start > 0 and raw[prev.start - 1] in "-0123456789")
            and not (tok.end < len(raw) and raw[tok.end] in "-0123456789")
        ):
            out[-1] = Tok(f"{prev.t}-{tok.t}", prev.start, tok.end, False, tok.brk)
            continue
        out.append(tok)
    return out


def _plain_tokens(raw: str, folded: str, index: list[int], lo: int, hi: int) -> list[Tok]:
    out: list[Tok] = []
    for m in _TOKEN.finditer(folded, lo, hi):
        text = m.group()
        start = index[m.start()]
        if text == ".":
            if out and _ends_sentence(raw, index[m.start()] + 1):
                out[-1] = Tok(out[-1].t, out[-1].start, out[-1].end, out[-1].cap, True)
            continue
        end = index[m.end() - 1] + 1
        out.append(Tok(text, start, end, raw[start].isupper()))
    return out


def _ends_sentence(raw: str, after: int) -> bool:
    rest = raw[after : after + 3]
    if not rest:
        return True
    return rest[0].isspace() and rest.strip()[:1].isupper()


def norm_unit(text: str) -> str:
    """A unit or addition without its designator: "Apt 4B" -> "4b", "III" -> "3",
    "#3" -> "3", "huis" -> "hs"."""
    table = vocab()
    found = _TOKEN.findall(fold(text))
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
    return ROMAN.get(joined, joined)


def norm_postcode(text: str) -> str:
    value = "".join(ch for ch in fold(text) if ch.isalnum())
    return value[:5] if value.isdigit() else value
