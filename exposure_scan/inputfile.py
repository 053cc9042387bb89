"""Reading the user's TOML files: every failure becomes one line naming file, key and fix."""

from __future__ import annotations

import codecs
import os
import re
import stat
import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

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


def _decode(raw: bytes) -> str:
    """UTF-8, with or without the byte-order mark Windows editors put first (TOML allows
    none, so tomllib would refuse line 1); UTF-16 only when its BOM says so (Notepad's
    "Unicode")."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    text = raw.decode("utf-8-sig")
    if "\x00" in text:  # UTF-16 without its BOM decodes as UTF-8; TOML allows no NUL
        at = raw.index(b"\x00")
        raise UnicodeDecodeError("utf-8", raw, at, at + 1, "NUL byte")
    return text


def load_toml(path: Path, error: type[InputError], missing: str = INIT_HINT) -> dict[str, Any]:
    name = str(path)
    raw = read_regular(path, error, limit=MAX_INPUT_BYTES, expected="a TOML file",
                       missing=missing)
    try:
        text = _decode(raw)
    except UnicodeDecodeError as exc:
        raise error(name, "", "is not UTF-8 text (byte %(byte)s); save it as UTF-8",
                    {"byte": exc.start}) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # the parser's own words are the technical detail; the CLI words the rest
        raise error(name, "", "is not valid TOML (%(detail)s); fix the syntax there",
                    {"detail": str(exc)}) from None
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
    "int_from_float": "expected a whole number, like 4",
    "float_parsing": "expected a number, like 1.5",
    "float_type": "expected a number, like 1.5",
    "bool_parsing": "expected true or false (no quotes)",
    "bool_type": "expected true or false (no quotes)",
    "string_type": 'expected text in quotes, like "..."',
    "list_type": 'expected a list in brackets, like ["a", "b"]',
    "dict_type": "expected a table",
    "model_type": "expected a table",
    "model_attributes_type": "expected a table",
    "extra_forbidden": "unknown key (a typo?); see the template for the keys that exist",
    "missing": "required, but missing; add it",
    "enum": "expected one of {expected}, like {leaf} = {first}",
    "literal_error": "expected one of {expected}, like {leaf} = {first}",
    "string_too_short": "must not be empty",
    "too_short": "needs at least {min_length}",
    "too_long": "may hold at most {max_length}",
    "string_too_long": "is too long (at most {max_length} characters)",
    "greater_than": "must be more than {gt}",
    "greater_than_equal": "must be {ge} or more",
    "less_than": "must be less than {lt}",
    "less_than_equal": "must be {le} or less",
    "string_pattern_mismatch": "has the wrong form; see the template for an example",
}
FALLBACK = "cannot be used here; see the template for an example of this key"

# The same texts in Dutch, for a profile that says language = "nl".
DUTCH = {
    FRIENDLY["int_parsing"]: "verwacht een heel getal, zoals 4",
    FRIENDLY["float_parsing"]: "verwacht een getal, zoals 1.5",
    FRIENDLY["bool_parsing"]: "verwacht true of false (zonder aanhalingstekens)",
    FRIENDLY["string_type"]: 'verwacht tekst tussen aanhalingstekens, zoals "..."',
    FRIENDLY["list_type"]: 'verwacht een lijst tussen haken, zoals ["a", "b"]',
    FRIENDLY["dict_type"]: "verwacht een tabel",
    FRIENDLY["extra_forbidden"]: "onbekende sleutel (een tikfout?); het sjabloon toont de "
    "sleutels die bestaan",
    FRIENDLY["missing"]: "verplicht, maar ontbreekt; vul het in",
    FRIENDLY["enum"]: "verwacht een van {expected}, zoals {leaf} = {first}",
    FRIENDLY["string_too_short"]: "mag niet leeg zijn",
    FRIENDLY["too_short"]: "heeft er minstens {min_length} nodig",
    FRIENDLY["too_long"]: "mag er hoogstens {max_length} bevatten",
    FRIENDLY["string_too_long"]: "is te lang (hoogstens {max_length} tekens)",
    FRIENDLY["greater_than"]: "moet meer zijn dan {gt}",
    FRIENDLY["greater_than_equal"]: "moet {ge} of meer zijn",
    FRIENDLY["less_than"]: "moet minder zijn dan {lt}",
    FRIENDLY["less_than_equal"]: "moet {le} of minder zijn",
    FRIENDLY["string_pattern_mismatch"]: "heeft niet de goede vorm; het sjabloon toont een "
    "voorbeeld",
    FALLBACK: "is hier niet bruikbaar; het sjabloon toont een voorbeeld van deze sleutel",
}


def _options(expected: str, conj: str = "or") -> tuple[str, str]:
    """pydantic's "'NL', 'US' or 'UK'" as TOML values: ('"NL", "US" or "UK"', '"NL"')."""
    values = re.findall(r"'([^']*)'", expected)
    if not values:
        return expected, '"..."'
    quoted = [f'"{v}"' for v in values]
    listed = ", ".join(quoted[:-1]) + f" {conj} " + quoted[-1] if len(quoted) > 1 else quoted[0]
    return listed, quoted[0]


class OwnError(StrEnum):
    """Error types of our validators whose words depend on the value or the language: the
    message is chosen by this type and the error's context, never by reading its text."""

    ROLE = "role_choice"
    WEB_ADDRESS = "web_address"
    QUOTED_FLAG = "quoted_flag"


# (English, Dutch) per type; filled from the error's context.
OWN_TEMPLATES = {
    OwnError.ROLE: (
        'expected one of {roles} (or a Dutch name such as "huisarts", "ggz", "ziekenhuis"), '
        'like role = "gp"',
        'verwacht een van {roles} (of een Nederlandse naam zoals "huisarts", "ggz", '
        '"ziekenhuis"), zoals role = "gp"',
    ),
    OwnError.WEB_ADDRESS: (
        'expected a web address starting with https://{missing}, like {name} = '
        '"https://searx.example.org"',
        'verwacht een webadres dat begint met https://{missing}, zoals {name} = '
        '"https://searx.example.org"',
    ),
    OwnError.QUOTED_FLAG: (
        "expected true or false without quotes, like {name} = true",
        "verwacht true of false zonder aanhalingstekens, zoals {name} = true",
    ),
}
NO_SCHEME = (" (the https:// is missing)", " (https:// ontbreekt)")


def own_error(kind: OwnError, **context: str) -> PydanticCustomError:
    """A validation error of one of our types, its English message filled in.
    `subkey` names the key inside a table when a model-level validator raises it."""
    return PydanticCustomError(kind.value, OWN_TEMPLATES[kind][0], context)


def _own_message(kind: OwnError, ctx: dict[str, Any], lang: str | None) -> str:
    dutch = lang == "nl"
    values = {k: str(v) for k, v in ctx.items()}
    if kind is OwnError.WEB_ADDRESS and values.get("missing"):
        values["missing"] = NO_SCHEME[dutch]
    text = OWN_TEMPLATES[kind][dutch].format(**values)
    return f"{values['subkey']}: {text}" if values.get("subkey") else text


def describe(err: dict[str, Any], lang: str | None = None) -> str:
    """One pydantic error in the user's words: what was wrong and an example of right.
    pydantic's own text never reaches the user; our validators' messages do."""
    kind = err["type"]
    msg = str(err.get("msg", ""))
    if kind in OwnError.__members__.values():
        return _own_message(OwnError(kind), dict(err.get("ctx") or {}), lang)
    if kind == "value_error":
        text = msg.removeprefix("Value error, ")
        return translate(text, lang) if lang == "nl" else text
    key = key_path(tuple(err.get("loc", ()))) or "..."
    leaf = re.sub(r"\[\d+\]$", "", key.rsplit(".", 1)[-1])
    ctx = {k: str(v) for k, v in (err.get("ctx") or {}).items()}
    expected, first = _options(ctx.get("expected", ""), "of" if lang == "nl" else "or")
    template = FRIENDLY.get(kind, FALLBACK)
    if lang == "nl":
        template = DUTCH.get(template, template)
    values = {**ctx, "leaf": leaf, "key": key, "expected": expected, "first": first}
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return FALLBACK


def translate(text: str, lang: str | None) -> str:
    """Our own fixed messages in Dutch, where a translation exists; else unchanged."""
    if lang != "nl":
        return text
    return OWN_DUTCH.get(text, text)


# Messages of our validators that a Dutch user meets most.
OWN_DUTCH = {
    # household members (issue 16)
    'no recorded consent, so this member is left out; add their own {leaf} = "..." and '
    'consent_date = 2026-01-15, or remove the member': 'geen vastgelegde toestemming, dus dit '
    'gezinslid blijft buiten de scan; vul hun eigen {leaf} = "..." en consent_date = '
    '2026-01-15 in, of haal het gezinslid weg',
    'no recorded consent, so this member is left out; add a parent\'s {leaf} = "..." and '
    'consent_date = 2026-01-15, or remove the member': 'geen vastgelegde toestemming, dus dit '
    'gezinslid blijft buiten de scan; vul de {leaf} = "..." en consent_date = 2026-01-15 van '
    'een ouder in, of haal het gezinslid weg',
    "lies in the future; write the day it was given":
        "ligt in de toekomst; vul de dag in waarop die gegeven is",
    'expected partner, child or other, like {leaf} = "partner"':
        'verwacht partner, child of other, zoals {leaf} = "partner"',
    'expected nl or en, like language = "nl"': 'verwacht nl of en, zoals language = "nl"',
    "required, but missing; add it": "verplicht, maar ontbreekt; vul het in",
    "required for a Dutch address (like '1234 AB')":
        "verplicht voor een Nederlands adres (zoals '1234 AB')",
    'not a Dutch postcode (expected like "1234 AB")':
        'geen Nederlandse postcode (verwacht zoals "1234 AB")',
    'not a US ZIP code (expected like "62701")': 'geen Amerikaanse ZIP-code (verwacht zoals '
    '"62701")',
    'not a UK postcode (expected like "SW1A 1AA")': 'geen Britse postcode (verwacht zoals '
    '"SW1A 1AA")',
    'not an email address (expected like "name@example.nl")':
        'geen e-mailadres (verwacht zoals "naam@voorbeeld.nl")',
    'expected nl, en or "" (from the profile), like language = "nl"':
        'verwacht nl, en of "" (uit het profiel), zoals language = "nl"',
}


def translate_own(text: str, lang: str | None, key: str) -> str:
    """Like `translate`, also for our messages that name their key."""
    if lang != "nl":
        return text
    leaf = key.rsplit(".", 1)[-1]
    generic = text.replace(leaf, "{leaf}") if leaf else text
    if generic in OWN_DUTCH:
        return OWN_DUTCH[generic].format(leaf=leaf)
    return translate(text, lang)


def profile_language(data: dict[str, Any]) -> str | None:
    """The language a profile asks for, when it says so plainly; else None."""
    value = data.get("language")
    return value.strip().lower() if isinstance(value, str) and value.strip().lower() in {
        "nl", "en"} else None


def validate(model: type[M], data: dict[str, Any], path: Path, error: type[InputError],
             lang: str | None = None) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        key, problem = first_problem(exc, lang)
        raise error(str(path), key, problem) from None


def first_problem(exc: ValidationError, lang: str | None = None,
                  prefix: str = "") -> tuple[str, str]:
    """The key and the problem, in the user's words, of the error that explains the others."""
    errors = exc.errors(include_url=False, include_input=False)
    # A typo shows as an unknown key plus a missing one: the unknown key is the cause.
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    key, problem = key_path(tuple(first["loc"])), describe(dict(first), lang)
    # Model-level validators name their own sub-key: "postcode: ..." or "phones[0].number: ..."
    sub = SUBKEY.match(problem)
    if sub:
        key = f"{key}.{sub[1]}" if key and not sub[1].startswith(key) else sub[1]
        problem = sub[2]
    problem = translate_own(problem, lang, key)
    return ".".join(p for p in (prefix, key) if p), problem


SUBKEY = re.compile(r"^([a-z_][a-z_0-9]*(?:\[\d+\])?(?:\.[a-z_0-9]+)*): (.+)$", re.S)


def refuse_quoted_flags(model: type[BaseModel], data: object) -> object:
    """A before-validator: true/false fields take TOML booleans only. pydantic would read
    "yes", "off" or "0" as booleans; a quoted value is more likely a mistake than a wish."""
    if not isinstance(data, dict):
        return data
    for name, field in model.model_fields.items():
        value = data.get(name)
        if field.annotation in FLAG_TYPES and value is not None and not isinstance(value, bool):
            raise own_error(OwnError.QUOTED_FLAG, name=name, subkey=name)
    return data


FLAG_TYPES = (bool, bool | None)
