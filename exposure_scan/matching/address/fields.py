"""Addresses written as labelled fields, one a line: "Straat: Kerkstraat", "Postcode:
1234 AB", "City | Springfield" (the labels are in words.toml, field_labels); composed into
one address line in the country's order."""

from __future__ import annotations

import re

from exposure_scan.matching.address.vocabulary import vocabulary

_FIELD_LINE = re.compile(r"^\s*[-*•]?\s*([^\W\d_][^:|\t]{0,30}?)\s*(?::|\||\t)\s*(\S.*?)\s*$")


def field_blocks(lines: list[str]) -> list[tuple[dict[str, str], str]]:
    """Runs of "Label: value" lines (or "Label | value" table rows) that together spell an
    address: Straat / Huisnummer / Postcode / Plaats, Street / City / ZIP code."""
    table = vocabulary()
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
        kind = table.field_of_label.get(label)
        if m is None or kind is None:
            close()
            continue
        if kind in block:
            close()
        value = m.group(2).strip(" |")
        block[kind] = f"{label} {value}" if label in table.unit_labels else value
        shown.append(line.strip())
    close()
    return blocks


def compose(block: dict[str, str], country: str) -> str:
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
