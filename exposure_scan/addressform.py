"""Address fields entered in the wrong place: a house number in the street, a letter in the
house number, a postcode in the city. Where the meaning is certain the fields are put right
and a note says so; where it is not, a ValueError names the key and the fix.

Every message names keys only, never a value: the profile is private and error output may
end up in a cron log.
"""

from __future__ import annotations

import re
from typing import Any

_NL_POSTCODE = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{3})\s?([A-Za-z]{2})(?![A-Za-z0-9])")
_US_ZIP = re.compile(r"(?<![0-9])(\d{5})(?:-\d{4})?(?![0-9])")
_UK_POSTCODE = re.compile(
    r"(?<![0-9A-Za-z])([A-Za-z]{1,2}\d[A-Za-z\d]?)\s?(\d[A-Za-z]{2})(?![A-Za-z0-9])"
)
_POSTCODES = {"NL": _NL_POSTCODE, "US": _US_ZIP, "UK": _UK_POSTCODE}

# A house number at the end of a Dutch street (Meidoornstraat 23, Meidoornstraat 23-A) or at
# the start of an English one (23 Oak Avenue, 23A Station Road).
_NUMBER_AFTER = re.compile(r"^(?P<street>.*[^\W\d_].*?)[\s,]+(?P<number>\d+)(?P<addition>.*)$")
_NUMBER_BEFORE = re.compile(r"^\s*(?P<number>\d+)(?P<addition>[A-Za-z]?)[\s,]+(?P<street>.*)$")
# A Dutch house number with its letter or suffix: 23A, 23-A, 23 bis, 123-III.
_NL_NUMBER = re.compile(
    r"^\s*(?P<number>\d+)"
    r"(?:\s*[-/]\s*(?P<after>[^\W_]{1,4})|\s*(?P<letter>[^\W\d_][^\W_]{0,3}))\s*$"
)


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value.strip() if isinstance(value, str) else ""


def _country(data: dict[str, Any]) -> str:
    value = _text(data, "country").upper() or "NL"
    return "UK" if value in {"GB", "GBR", "UNITED KINGDOM"} else value


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _same_postcode(a: str, b: str, country: str) -> bool:
    if country == "US":
        return _digits(a)[:5] == _digits(b)[:5]
    return "".join(a.upper().split()) == "".join(b.upper().split())


def normalise_address(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The address fields put right where their meaning is certain, and one note per fix
    ("street: ..."); a ValueError ("street: ...") where the fields contradict each other."""
    out = dict(data)
    notes: list[str] = []
    country = _country(out)
    _city(out, country, notes)
    _street(out, country, notes)
    _house_number(out, country, notes)
    return out, notes


def _city(out: dict[str, Any], country: str, notes: list[str]) -> None:
    """3531 AB Utrecht in the city field: the postcode moves to postcode."""
    city = _text(out, "city")
    pattern = _POSTCODES.get(country)
    m = pattern.search(city) if pattern else None
    if m is None:
        return
    rest = " ".join((city[: m.start()] + " " + city[m.end() :]).replace(",", " ").split())
    postcode = _text(out, "postcode")
    if postcode and not _same_postcode(postcode, m.group(), country):
        raise ValueError(
            "city: holds a postcode other than the one in postcode; put only the town in city"
        )
    if not rest:
        raise ValueError(
            "city: holds a postcode, not a town; put the postcode in postcode and the town in city"
        )
    out["city"] = rest
    if not postcode:
        out["postcode"] = m.group()
        notes.append(
            "city: held the postcode as well; read it as postcode (fix: put the "
            "postcode in postcode and only the town in city)"
        )
    else:
        notes.append(
            "city: held the postcode as well; read only the town (fix: remove "
            "the postcode from city)"
        )


def _street(out: dict[str, Any], country: str, notes: list[str]) -> None:
    """Meidoornstraat 23 in the street field: the number moves to house_number."""
    street = _text(out, "street")
    m = (_NUMBER_AFTER if country == "NL" else _NUMBER_BEFORE).match(street)
    if m is None:
        return
    number = _text(out, "house_number")
    addition = m.group("addition").strip(" -/,")
    if number:
        if _digits(number.split()[0] if number.split() else "") != m.group("number"):
            # Plein 1813 nr. 4, Route 66: a number in a street's name is the name's own
            return
        given = _text(out, "addition")
        if addition and given and given.lower() != addition.lower():
            raise ValueError(
                "street: holds a house number with an addition other than the "
                "one in addition; put only the street name in street"
            )
        out["street"] = m.group("street").strip(" ,")
        if addition and not given and number.isdigit():
            out["addition"] = addition
        notes.append(
            "street: held the house number as well; read only the street name (fix: "
            "remove the number from street)"
        )
        return
    if addition and _text(out, "addition"):
        raise ValueError(
            "street: holds a house number and an addition, and addition is "
            "filled too; put the number in house_number, its letter in addition"
        )
    out["street"] = m.group("street").strip(" ,")
    out["house_number"] = m.group("number")
    if addition:
        out["addition"] = addition
    notes.append(
        "street: held the house number; read it as house_number (fix: put only the "
        "street name in street and the number in house_number)"
    )


def _house_number(out: dict[str, Any], country: str, notes: list[str]) -> None:
    """23A in house_number, or the number and its letter swapped between the two fields."""
    number = _text(out, "house_number")
    addition = _text(out, "addition")
    if not number:
        return
    if not any(ch.isdigit() for ch in number):
        if addition and addition.isdigit():
            out["house_number"], out["addition"] = addition, number
            notes.append(
                "house_number: held the addition and addition the number; read them "
                "swapped (fix: the number in house_number, the letter in addition)"
            )
            return
        raise ValueError(
            "house_number: holds no number; write the number in house_number "
            "and a letter or suffix in addition"
        )
    if country != "NL":
        return  # 1A Station Road, 12 1/2 Main St, 37-12 80th St: the number as written
    m = _NL_NUMBER.match(number)
    if m is None:
        return
    found = m.group("after") or m.group("letter")
    if addition:
        if addition.lower() == found.lower():
            out["house_number"] = m.group("number")
            return
        raise ValueError(
            "house_number: holds a letter or suffix, and addition another; "
            "put the number in house_number and one addition in addition"
        )
    out["house_number"], out["addition"] = m.group("number"), found
    notes.append(
        "house_number: held the addition as well; read it as addition (fix: put the "
        "letter or suffix in addition)"
    )
