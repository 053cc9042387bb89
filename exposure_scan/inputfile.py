"""Reading the user's TOML files: every failure becomes one line naming file, key and fix."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from exposure_scan.errors import InputError

M = TypeVar("M", bound=BaseModel)


MAX_INPUT_BYTES = 1 << 20  # a profile or config is a few KB; more is a mistake or an attack
MAX_DEPTH = 24  # tables and lists inside each other; the real files need four or five
INIT_HINT = "create it with `exposure-scan init`"


def read_regular(path: Path, error: type[InputError], *, limit: int, expected: str,
                 missing: str) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, else `error` (file, fix).

    Checked with stat before it is opened, and opened non-blocking: a pipe, a device such as
    /dev/zero, or a socket is refused instead of hanging the run or filling the memory.
    """
    name = str(path)
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise error(name, "", f"file not found; {missing}") from None
    except PermissionError:
        raise error(name, "", "cannot be read (check its permissions)") from None
    except OSError as exc:
        raise error(name, "", f"cannot be read ({exc.strerror}); {missing}") from None
    check_regular(info, name, error, limit=limit, expected=expected)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise error(name, "", "cannot be read (check its permissions)") from None
    except OSError as exc:
        raise error(name, "", f"cannot be read ({exc.strerror}); {missing}") from None
    try:
        check_regular(os.fstat(fd), name, error, limit=limit, expected=expected)  # swapped?
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 16, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise error(name, "", f"cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)
    if size > limit:
        raise error(name, "", too_big(limit, expected))
    return b"".join(chunks)


def check_regular(info: os.stat_result, name: str, error: type[InputError], *, limit: int,
                  expected: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise error(name, "", f"is a folder, expected {expected}")
    if not stat.S_ISREG(info.st_mode):
        raise error(name, "", f"is not a regular file (a device, pipe or socket); expected "
                    f"{expected}")
    if info.st_size > limit:
        raise error(name, "", too_big(limit, expected))


def too_big(limit: int, expected: str) -> str:
    size = f"{limit >> 20} MiB" if limit >= 1 << 20 else f"{limit >> 10} KiB"
    return f"is larger than {size}; expected {expected}"


def too_deep(data: object, limit: int = MAX_DEPTH) -> str | None:
    """The key path where `data` nests deeper than `limit`, or None. Not recursive."""
    stack: list[tuple[object, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > limit:
            return where
        if isinstance(value, dict):
            stack += [(v, f"{where}.{k}" if where else str(k), depth + 1)
                      for k, v in value.items()]
        elif isinstance(value, list):
            stack += [(v, f"{where}[{i}]", depth + 1) for i, v in enumerate(value)]
    return None


def shorten(key: str, keep: int = 60) -> str:
    return key if len(key) <= keep else key[:keep] + "..."


def load_toml(path: Path, error: type[InputError]) -> dict[str, Any]:
    name = str(path)
    raw = read_regular(path, error, limit=MAX_INPUT_BYTES, expected="a TOML file",
                       missing=INIT_HINT)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(name, "", f"is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(name, "", f"is not valid TOML ({exc}); fix the syntax there") from None
    except RecursionError:
        raise error(name, "", f"nests tables or lists more than {MAX_DEPTH} deep; "
                    "flatten it (see the template for the shape)") from None
    deep = too_deep(data)
    if deep is not None:
        raise error(name, shorten(deep), f"nests tables or lists more than {MAX_DEPTH} deep; "
                    "flatten it (see the template for the shape)")
    return data


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
