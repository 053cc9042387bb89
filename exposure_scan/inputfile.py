"""Reading the user's TOML files: every failure becomes one line naming file, key and fix."""

from __future__ import annotations

import codecs
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from exposure_scan.errors import InputError
from exposure_scan.files import BINARY

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
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | BINARY
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


# pydantic's error types in the user's words: English msgids of the gettext catalogue
# (reports/locale), %(name)s filled in after translation, so the CLI edge can word them in
# the language it speaks (exposure_scan.messages).
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
    "enum": "expected one of %(expected)s, like %(leaf)s = %(first)s",
    "literal_error": "expected one of %(expected)s, like %(leaf)s = %(first)s",
    "string_too_short": "must not be empty",
    "too_short": "needs at least %(min_length)s",
    "too_long": "may hold at most %(max_length)s",
    "string_too_long": "is too long (at most %(max_length)s characters)",
    "greater_than": "must be more than %(gt)s",
    "greater_than_equal": "must be %(ge)s or more",
    "less_than": "must be less than %(lt)s",
    "less_than_equal": "must be %(le)s or less",
    "string_pattern_mismatch": "has the wrong form; see the template for an example",
}
FALLBACK = "cannot be used here; see the template for an example of this key"
# A choice among several TOML values, the last joined by a word of the language.
CHOICE = "expected one of %(options)s or %(last)s, like %(leaf)s = %(first)s"
ONE_CHOICE = "expected %(first)s, like %(leaf)s = %(first)s"


def _options(expected: str) -> tuple[str, dict[str, str]]:
    """pydantic's "'NL', 'US' or 'UK'" as TOML values: the msgid and its values."""
    values = re.findall(r"'([^']*)'", expected)
    if not values:
        return FRIENDLY["enum"], {"expected": expected, "first": '"..."'}
    quoted = [f'"{v}"' for v in values]
    if len(quoted) == 1:
        return ONE_CHOICE, {"first": quoted[0]}
    return CHOICE, {"options": ", ".join(quoted[:-1]), "last": quoted[-1], "first": quoted[0]}


class OwnError(StrEnum):
    """Error types of our validators whose words depend on the value or the language: the
    message is chosen by this type and the error's context, never by reading its text."""

    ROLE = "role_choice"
    WEB_ADDRESS = "web_address"
    QUOTED_FLAG = "quoted_flag"


# The msgid per type, filled from the error's context.
OWN_TEMPLATES = {
    OwnError.ROLE: 'expected one of %(roles)s (or a Dutch name such as "huisarts", "ggz", '
    '"ziekenhuis"), like role = "gp"',
    OwnError.WEB_ADDRESS: 'expected a web address starting with https://, like %(name)s = '
    '"https://searx.example.org"',
    OwnError.QUOTED_FLAG: "expected true or false without quotes, like %(name)s = true",
}
# The web address without its scheme: the same, saying so.
NO_SCHEME_TEMPLATE = ('expected a web address starting with https:// (the https:// is '
                      'missing), like %(name)s = "https://searx.example.org"')
NO_SCHEME = (" (the https:// is missing)", " (https:// ontbreekt)")  # ctx["missing"] is set


def own_error(kind: OwnError, **context: str) -> PydanticCustomError:
    """A validation error of one of our types, its English message filled in.
    `subkey` names the key inside a table when a model-level validator raises it."""
    template = NO_SCHEME_TEMPLATE if context.get("missing") else OWN_TEMPLATES[kind]
    english = template % {k: v for k, v in context.items()}
    return PydanticCustomError(kind.value, english.replace("{", "{{").replace("}", "}}"),
                               context)


class Problem(NamedTuple):
    """A key (or ""), a msgid and its values: one problem, not yet in any language."""

    key: str
    msgid: str
    values: Mapping[str, object]

    def text(self, lang: str | None = None) -> str:
        from exposure_scan.messages import say
        return say(lang or "en", self.msgid, self.values)


def _problem(err: dict[str, Any]) -> Problem:
    """One pydantic error as (sub-key, msgid, values). pydantic's own text never reaches
    the user; our validators' messages do (each is a msgid)."""
    kind = err["type"]
    ctx = {k: str(v) for k, v in (err.get("ctx") or {}).items()}
    if kind in OwnError.__members__.values():
        missing = bool(ctx.get("missing"))
        template = NO_SCHEME_TEMPLATE if missing else OWN_TEMPLATES[OwnError(kind)]
        return Problem(ctx.get("subkey", ""), template,
                       {k: v for k, v in ctx.items() if k not in ("subkey", "missing")})
    if kind == "value_error":
        text = str(err.get("msg", "")).removeprefix("Value error, ")
        sub = SUBKEY.match(text)
        return Problem(sub[1], sub[2], {}) if sub else Problem("", text, {})
    key = key_path(tuple(err.get("loc", ()))) or "..."
    leaf = re.sub(r"\[\d+\]$", "", key.rsplit(".", 1)[-1])
    values: dict[str, object] = {**ctx, "leaf": leaf, "key": key}
    template = FRIENDLY.get(kind, FALLBACK)
    if kind in ("enum", "literal_error"):
        template, choice = _options(ctx.get("expected", ""))
        values.update(choice)
    try:
        template % values
    except (KeyError, ValueError, TypeError):
        return Problem("", FALLBACK, {})
    return Problem("", template, values)


def describe(err: dict[str, Any], lang: str | None = None) -> str:
    """One pydantic error in the user's words: what was wrong and an example of right."""
    sub, msgid, values = _problem(err)
    text = Problem(sub, msgid, values).text(lang)
    return f"{sub}: {text}" if sub else text


def _leaf_msgid(problem: Problem, key: str) -> Problem:
    """Our validators name the key's leaf in their message ('add their own email = "..."');
    the catalogue has the message once, with %(leaf)s, for every key."""
    leaf = key.rsplit(".", 1)[-1]
    if problem.values or not leaf or leaf not in problem.msgid:
        return problem
    generic = problem.msgid.replace("%", "%%").replace(leaf, "%(leaf)s")
    from exposure_scan.reports.i18n import gettext  # the error path only: Babel then
    if gettext("nl", generic) != generic:
        return Problem(problem.key, generic, {"leaf": leaf})
    return problem


def profile_language(data: dict[str, Any]) -> str | None:
    """The language a profile asks for, when it says so plainly; else None."""
    value = data.get("language")
    return value.strip().lower() if isinstance(value, str) and value.strip().lower() in {
        "nl", "en"} else None


def validate(model: type[M], data: dict[str, Any], path: Path, error: type[InputError],
             lang: str | None = None) -> M:
    """The model, else `error` naming the file, the key and the fix. With `lang` the fix is
    worded in it now (the file's own language); else the CLI edge words it."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        key, msgid, values = first_problem_words(exc)
        if lang:
            raise error(str(path), key, Problem(key, msgid, values).text(lang)) from None
        raise error(str(path), key, msgid, values) from None


def first_problem(exc: ValidationError, lang: str | None = None,
                  prefix: str = "") -> tuple[str, str]:
    """The key and the problem, in the user's words, of the error that explains the others."""
    problem = first_problem_words(exc, prefix)
    return problem.key, problem.text(lang)


def first_problem_words(exc: ValidationError, prefix: str = "") -> Problem:
    """The key, msgid and values of the error that explains the others."""
    errors = exc.errors(include_url=False, include_input=False)
    # A typo shows as an unknown key plus a missing one: the unknown key is the cause.
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    key = key_path(tuple(first["loc"]))
    sub, msgid, values = _problem(dict(first))
    # Model-level validators name their own sub-key: "postcode: ..." or "phones[0].number: ..."
    if sub:
        key = f"{key}.{sub}" if key and not sub.startswith(key) else sub
    problem = _leaf_msgid(Problem(key, msgid, values), key)
    return Problem(".".join(p for p in (prefix, key) if p), problem.msgid, problem.values)


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
