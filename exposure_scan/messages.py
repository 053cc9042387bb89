"""What the command line tells the user on stderr and stdout, in their language.

Texts are English msgids with %(name)s placeholders, translated through the reports' gettext
catalogue (reports/locale/nl/LC_MESSAGES/messages.po): the same words as the report. A file
name, key, path or command is filled in after translation and never translated.

The language: --lang; once the profile is read, the report's language (config, profile,
country); before that, EXPOSURE_SCAN_LANG, then the system locale (LC_ALL, LC_MESSAGES,
LANG); else English.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exposure_scan.errors import ExposureScanError, InputError

LANGUAGES = ("en", "nl")
LOCALE_VARIABLES = ("EXPOSURE_SCAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def known(lang: str | None) -> str | None:
    """`lang` as one of LANGUAGES ("nl_NL.UTF-8" -> "nl"), or None."""
    code = (lang or "").strip().lower()[:2]
    return code if code in LANGUAGES else None


def system_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the user's system asks for, if it is one we speak. The first variable
    that is set decides, as in POSIX (LC_ALL over LC_MESSAGES over LANG)."""
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            return known(value)
    return None


def cli_language(explicit: str | None = None) -> str:
    """--lang, else the system's language, else English."""
    return known(explicit) or system_language() or "en"


# The language the running command talks to the user in; the CLI resets it for each command.
SPOKEN: ContextVar[str | None] = ContextVar("exposure_scan_spoken", default=None)


def speak(lang: str) -> str:
    """From now on the running command talks to the user in `lang` (errors included)."""
    SPOKEN.set(lang)
    return lang


def spoken() -> str:
    """The language the running command talks in: what `speak` set, else the system's."""
    return SPOKEN.get() or cli_language()


def checked_language(lang: str | None) -> str | None:
    """--lang as given (nl or en), None when not given; anything else is refused."""
    if lang is None:
        return None
    if lang.strip().lower() not in LANGUAGES:
        raise InputError("--lang", lang, "choose nl or en")
    return lang.strip().lower()


def declared_language(path: Path) -> str | None:
    """The `language` a profile file asks for, also when the file does not validate or even
    parse (then its top-level lines are read one by one). None when it does not say."""
    from exposure_scan.errors import ProfileError
    from exposure_scan.inputfile import load_toml, profile_language
    try:
        data = load_toml(path, ProfileError)
    except ProfileError:
        data = top_level_lines(path)
    return profile_language(data)


def top_level_lines(path: Path) -> dict[str, Any]:
    """The top-level `key = value` lines of a TOML file that does not parse as a whole, each
    read on its own. Nothing when the file cannot be read."""
    from exposure_scan.errors import ProfileError
    from exposure_scan.inputfile import MAX_INPUT_BYTES, read_regular
    try:
        raw = read_regular(path, ProfileError, limit=MAX_INPUT_BYTES, expected="a TOML file",
                           missing="")
    except ProfileError:
        return {}
    found: dict[str, Any] = {}
    for line in raw.decode("utf-8", errors="replace").splitlines():
        if line.lstrip().startswith("["):
            break  # the tables begin: no more top-level keys
        if len(line) > 200:
            continue  # not a `language = "nl"` line; it may nest deeper than the parser can
        try:
            found.update(tomllib.loads(line))
        except (tomllib.TOMLDecodeError, RecursionError):
            continue
    return found


def say(lang: str, msgid: str, values: Mapping[str, object] | None = None) -> str:
    """`msgid` in `lang`, its placeholders filled. A translation that does not fit its
    values falls back to the English text rather than failing the run."""
    text = msgid
    if known(lang) == "nl":
        from exposure_scan.reports.i18n import gettext  # Babel: only when Dutch is needed

        text = gettext("nl", msgid)
    if not values:
        return text
    try:
        return text % values
    except (KeyError, ValueError, TypeError):
        return msgid % values


def say_n(lang: str, singular: str, plural: str, n: int,
          values: Mapping[str, object] | None = None) -> str:
    """Like `say`, for a count: the catalogue's plural form for `n` (gettext ngettext)."""
    values = {"n": n, **(values or {})}
    text = singular if n == 1 else plural
    if known(lang) == "nl":
        from exposure_scan.reports.i18n import translations

        text = translations("nl").ngettext(singular, plural, n)
    try:
        return text % values
    except (KeyError, ValueError, TypeError):
        return (singular if n == 1 else plural) % values


@dataclass(frozen=True)
class Notice:
    """One note for the user: what it is about (a file, a key; never translated) and what."""

    msgid: str
    values: Mapping[str, object] = field(default_factory=dict)
    where: str = ""

    def text(self, lang: str) -> str:
        body = say(lang, self.msgid, self.values)
        return f"{self.where}: {body}" if self.where else body


def error_text(exc: ExposureScanError, lang: str) -> str:
    """The one line the CLI prints for an error, in `lang`: "fout: file: key: fix"."""
    message = exc.localised(lambda msgid, values: say(lang, msgid, values))
    return say(lang, "error: %(message)s", {"message": message})
