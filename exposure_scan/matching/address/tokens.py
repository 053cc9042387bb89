"""Observed text as address tokens: folded words, numbers and separators with their spans."""

from __future__ import annotations

import re
from typing import NamedTuple

from exposure_scan.matching.normalise import fold_chars, fold_with_map

POSTCODE = "\x00pc"  # the text of a recognised postcode token; its value is in Token.postcode
BOUNDARIES = frozenset({",", ";", ":", "(", ")", "\n", "|", "/"})
HARD_STOPS = frozenset({"\n", "|"})

# An Edinburgh flat position ("1F2": first floor, second door) is one token.
TOKEN_PATTERN = re.compile(r"[0-9]{1,2}f[0-9]{1,2}(?![a-z0-9])|[a-z]+|[0-9]+|[,;:|()\n#/]|\.")
# Folded otherwise than by fold: a vulgar fraction is its own number after the house number
# (12½ is 12 1/2, not 121/2); the middle dot and bullet of listings separate parts (Huisarts
# · Kerkstraat 12) like a semicolon.
SPECIAL_CHARACTERS = {"½": " 1/2", "¼": " 1/4", "¾": " 3/4", "·": ";", "•": ";", "⋅": ";"}
# A possessive in a street or place name: Queen's Road, Queens Road and QUEENS RD are one.
POSSESSIVE = re.compile(r"(?<=[a-z])['’‘`´ʼ]s(?![a-z])")
_APOSTROPHE_CHARS = frozenset("'’‘`´ʼ")
# A Queens (New York) house number: block and house joined by a hyphen, 37-12 80th St.
# A ZIP+4 (five digits first) and a phone number's 555-0100 (four digits last) are not.
_HYPHENATED = re.compile(r"(?<![0-9-])([0-9]{1,3})-([0-9]{1,3})(?![0-9-])")
_POSTCODES = {
    "NL": re.compile(r"(?<![a-z0-9])([1-9][0-9]{3}) ?(?!sa|sd|ss)([a-z]{2})(?![a-z0-9])"),
    "UK": re.compile(r"(?<![a-z0-9])([a-z]{1,2}[0-9][a-z0-9]?) ?([0-9][a-z]{2})(?![a-z0-9])"),
}
_DASHES = frozenset("-–—‒―")  # the hyphen, en and em dashes of listings
_LONG_DASHES = frozenset("–—‒―")


class Token(NamedTuple):
    """One token of observed text. A tuple: cheap to build, and never changed in place."""

    text: str  # folded text, or POSTCODE
    start: int  # span in the raw string
    end: int
    capitalised: bool = False  # written with a capital
    ends_sentence: bool = False  # a sentence ends after it
    postcode: str = ""  # the normalised postcode of a POSTCODE token
    after_dash: bool = False  # a dash between spaces (or an en or em dash) stands before it
    glued: bool = False  # a number written right after a number (217-555-5182): no space
    surname_word: bool = False  # a word of the profile's surname, written with a capital
    upper: bool = False  # written in capitals only: IN, OR (a state code), not "in", "or"

    @property
    def is_word(self) -> bool:
        return self.text.isalpha()


def fold_address(raw: str) -> tuple[str, list[int]]:
    """The folded text the tokens are read from, and each folded character's source index."""
    return fold_with_map(raw, SPECIAL_CHARACTERS)


def fold_text(raw: str) -> str:
    """fold_address(raw)[0] without the index: the text the tokens are read from."""
    return fold_chars(raw, SPECIAL_CHARACTERS)


def words(text: str) -> list[str]:
    """The alphanumeric words of a string, folded: "'s-Gravenhage" -> ["s", "gravenhage"];
    a possessive is one word: "Queen's Road" -> ["queens", "road"]."""
    folded = POSSESSIVE.sub("s", fold_address(text)[0])
    return [t for t in TOKEN_PATTERN.findall(folded) if t.isalnum()]


def tokenize(raw: str, country: str, short_words: frozenset[str]) -> list[Token]:
    """Address tokens with spans in raw; postcodes of the country become one token.
    short_words: lower-case words after a number that are not a Dutch postcode's letters."""
    folded, index = fold_address(raw)
    spans: list[tuple[int, int, str]] = []
    pattern = _POSTCODES.get(country)
    if pattern is not None:
        spans = [(m.start(), m.end(), m.group(1) + m.group(2)) for m in pattern.finditer(folded)]
        if country == "NL" and spans and not raw.islower():
            spans = [sp for sp in spans if not _is_short_word(raw, index, sp, short_words)]
    out: list[Token] = []
    pos = 0
    for start, end, value in [*spans, (len(folded), len(folded), "")]:
        out.extend(_plain_tokens(raw, folded, index, pos, start))
        if value:
            out.append(Token(POSTCODE, index[start], index[end - 1] + 1, postcode=value))
        pos = end
    out = _join_possessives(raw, out)
    out = _join_hyphenated(raw, out) if country == "US" else out
    return _mark_dashes(raw, out)


def _mark_dashes(raw: str, toks: list[Token]) -> list[Token]:
    """Jan de Vries - Kerkstraat 12 - Utrecht: a dash between spaces, or an en or em dash,
    separates the parts of a listing line; the token after it is marked (after_dash). A
    hyphen inside a word or a number (12-A, 62-1) is not such a separator. A number written
    right after a number, without a space (217-555-5182), is marked glued."""
    dashes = any(ch in _DASHES for ch in raw)
    before = toks[0] if toks else None
    for n in range(1, len(toks)):
        tok = toks[n]
        assert before is not None
        if tok.text[:1].isdigit() and before.text[:1].isdigit():
            gap = raw[before.end : tok.start]
            if not any(c.isspace() for c in gap):
                toks[n] = tok = tok._replace(glued=True)
        if dashes and tok.start > before.end:
            gap = raw[before.end : tok.start]
            dash = gap.strip()
            if dash and all(ch in _DASHES for ch in dash):
                if (gap[0].isspace() and gap[-1].isspace()) or any(
                    ch in _LONG_DASHES for ch in dash
                ):
                    toks[n] = tok._replace(after_dash=True)
        before = tok
    return toks


def mark_names(toks: list[Token], surnames: frozenset[str]) -> list[Token]:
    """Marks the words of the profile's surnames written with a capital (surname_word): a
    street may follow the person's name on a listing line (J.P. de Vries Kerkstraat 12)."""
    if not surnames:
        return toks
    out = list(toks)
    for n, tok in enumerate(toks):
        if not tok.capitalised or not tok.text.isalpha():
            continue
        if tok.text in surnames:
            out[n] = tok._replace(surname_word=True)
        elif n and toks[n - 1].end + 1 == tok.start and toks[n - 1].text + tok.text in surnames:
            # O'Sullivan, d'Ancona: the word after the apostrophe
            out[n] = tok._replace(surname_word=True)
    return out


def _is_short_word(
    raw: str, index: list[int], span: tuple[int, int, str], short_words: frozenset[str]
) -> bool:
    letters = raw[index[span[1] - 2] : index[span[1] - 1] + 1]
    return letters.islower() and letters in short_words


def _join_possessives(raw: str, toks: list[Token]) -> list[Token]:
    """Queen's -> queens: an s written right after a word and an apostrophe joins the word."""
    if not any(ch in _APOSTROPHE_CHARS for ch in raw):
        return toks
    out: list[Token] = []
    for tok in toks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and tok.text == "s"
            and prev.text.isalpha()
            and tok.start == prev.end + 1
            and raw[prev.end] in _APOSTROPHE_CHARS
        ):
            out[-1] = Token(
                prev.text + "s", prev.start, tok.end, prev.capitalised, tok.ends_sentence
            )
            continue
        out.append(tok)
    return out


def _join_hyphenated(raw: str, toks: list[Token]) -> list[Token]:
    """37-12 -> one token "37-12": in the US a hyphenated house number is one number."""
    if "-" not in raw:
        return toks
    out: list[Token] = []
    for tok in toks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and tok.text.isdigit()
            and prev.text.isdigit()
            and tok.start == prev.end + 1
            and raw[prev.end] == "-"
            and _HYPHENATED.fullmatch(raw[prev.start : tok.end])
            and not (prev.start > 0 and raw[prev.start - 1] in "-0123456789")
            and not (tok.end < len(raw) and raw[tok.end] in "-0123456789")
        ):
            out[-1] = Token(
                f"{prev.text}-{tok.text}", prev.start, tok.end, False, tok.ends_sentence
            )
            continue
        out.append(tok)
    return out


def _plain_tokens(raw: str, folded: str, index: list[int], lo: int, hi: int) -> list[Token]:
    out: list[Token] = []
    for m in TOKEN_PATTERN.finditer(folded, lo, hi):
        text = m.group()
        start = index[m.start()]
        if text == ".":
            if out and _ends_sentence(raw, start + 1):
                out[-1] = out[-1]._replace(ends_sentence=True)
            continue
        end = index[m.end() - 1] + 1
        shown = raw[start:end]
        out.append(Token(text, start, end, shown[:1].isupper(), upper=shown.isupper()))
    return out


def _ends_sentence(raw: str, after: int) -> bool:
    rest = raw[after : after + 3]
    if not rest:
        return True
    return rest[0].isspace() and rest.strip()[:1].isupper()
