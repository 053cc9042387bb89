"""Reading the user's TOML files: every failure becomes one line naming file, key and fix."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from exposure_scan.errors import InputError

M = TypeVar("M", bound=BaseModel)


def load_toml(path: Path, error: type[InputError]) -> dict[str, Any]:
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error(name, "", "file not found (create it with `exposure-scan init`)") from None
    except IsADirectoryError:
        raise error(name, "", "is a folder, expected a TOML file") from None
    except PermissionError:
        raise error(name, "", "cannot be read (check its permissions)") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(name, "", f"is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(name, "", f"is not valid TOML ({exc}); fix the syntax there") from None


def key_path(loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into `addresses[0].postcode`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith("function-") or part in {"str", "int"}:
            continue
        else:
            out += ("." if out else "") + part
    return out


FRIENDLY = {
    "int_parsing": "expected a whole number, like 4",
    "int_type": "expected a whole number, like 4",
    "float_parsing": "expected a number, like 1.5",
    "float_type": "expected a number, like 1.5",
    "bool_parsing": "expected true or false",
    "bool_type": "expected true or false",
    "string_type": 'expected text in quotes, like "..."',
    "list_type": 'expected a list in brackets, like ["a", "b"]',
    "dict_type": "expected a table",
    "model_type": "expected a table",
}


def describe(err: dict[str, Any]) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown key (a typo?); see the template for the keys that exist"
    if kind == "missing":
        return "required, but missing; add it"
    if kind in FRIENDLY:
        return FRIENDLY[kind]
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    return msg


def validate(model: type[M], data: dict[str, Any], path: Path, error: type[InputError]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        # A typo shows as an unknown key plus a missing one: the unknown key is the cause.
        first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
        key, problem = key_path(tuple(first["loc"])), describe(dict(first))
        # Model-level validators name their own sub-key: "postcode: ..." or "phones[0].number: ..."
        sub = SUBKEY.match(problem)
        if sub:
            key = f"{key}.{sub[1]}" if key and not sub[1].startswith(key) else sub[1]
            problem = sub[2]
        raise error(str(path), key, problem) from None


SUBKEY = re.compile(r"^([a-z_][a-z_0-9]*(?:\[\d+\])?(?:\.[a-z_0-9]+)*): (.+)$", re.S)
