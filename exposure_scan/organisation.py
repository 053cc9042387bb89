"""The organisation file (`org.toml`): what an employer shares with every member of staff.

It holds no personal data of staff: the organisation's name, who to call about doxing, the
confidential counsellor (vertrouwenspersoon), the organisation's search set-up, the report
language, and where staff may hand in their anonymous summary. The tool never sends anything
there by itself; the report only names the place.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

import platformdirs
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from exposure_scan.config import HttpSettings
from exposure_scan.errors import ConfigError, OrganisationError
from exposure_scan.files import make_private_dirs, remove_created_dirs, write_new
from exposure_scan.inputfile import load_toml, validate
from exposure_scan.models import OrganisationContact, Person, ScanResult
from exposure_scan.paths import APP
from exposure_scan.profile import Profile

ORG_FILE = "org.toml"
KEY_BYTES = 32  # the fingerprint key: HMAC-SHA256 wants no less
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _http_url(value: str, what: str) -> str:
    value = value.strip()
    if value and not re.match(r"^https?://[^\s/]+", value):
        raise ValueError(f'expected {what} like "https://..."')
    return value


def _email(value: str) -> str:
    value = value.strip()
    if value and not EMAIL.match(value):
        raise ValueError('not an email address (expected like "meldpunt@example.nl")')
    return value


class ContactPoint(_Section):
    """Who at the organisation to call when someone posts your details (the contact point)."""

    name: str = Field(min_length=1, description="a name or a role, e.g. 'Meldpunt agressie'")
    role: str = ""
    phone: str = ""
    email: str = ""
    hours: str = Field(default="", description="opening hours, e.g. 'Mon-Fri 8:00-17:00'")

    _email = field_validator("email")(_email)

    @model_validator(mode="after")
    def _reachable(self) -> ContactPoint:
        if not (self.phone or self.email):
            raise ValueError("phone: give a phone number or an email address (or both)")
        return self


class Search(_Section):
    """The organisation's own search set-up, used by `init --org`."""

    searxng_url: str = ""
    proxy: str = ""

    @field_validator("searxng_url")
    @classmethod
    def _searxng(cls, value: str) -> str:
        return _http_url(value, "the SearXNG address")

    @field_validator("proxy")
    @classmethod
    def _proxy(cls, value: str) -> str:
        try:  # the config's own check, so both files accept the same proxies
            return HttpSettings(proxy=value).proxy if value else value
        except ValidationError:
            raise ValueError('expected an http proxy URL like "http://127.0.0.1:8118"') from None


class HandIn(_Section):
    """Where staff may hand in their anonymous summary, if they want to. Never sent for them."""

    email: str = ""
    upload_url: str = ""

    _email = field_validator("email")(_email)

    @field_validator("upload_url")
    @classmethod
    def _upload(cls, value: str) -> str:
        return _http_url(value, "an upload address")


class Organisation(_Section):
    name: str = Field(min_length=1, max_length=200)
    language: str = Field(default="nl", pattern="^(nl|en)$")
    contact: ContactPoint
    counsellor: ContactPoint | None = None  # the vertrouwenspersoon
    search: Search = Field(default_factory=Search)
    hand_in: HandIn = Field(default_factory=HandIn)

    def public_contact(self) -> OrganisationContact:
        """What a report shows: the organisation's public contact data only."""

        def person(c: ContactPoint | None) -> Person | None:
            if c is None:
                return None
            return Person(name=c.name, role=c.role, phone=c.phone, email=c.email, hours=c.hours)

        contact = person(self.contact)
        assert contact is not None
        return OrganisationContact(
            name=self.name,
            contact=contact,
            counsellor=person(self.counsellor),
            hand_in_email=self.hand_in.email,
            hand_in_url=self.hand_in.upload_url,
        )


def load_organisation(path: Path) -> Organisation:
    """Read and validate an organisation file; OrganisationError with one actionable line."""
    data = load_toml(path, OrganisationError,
                     "write it as the README's example under Employers shows")
    return validate(Organisation, data, path, OrganisationError)


def organisation_for(config_source: str, reference: str) -> Organisation | None:
    """The organisation a config names (`organisation = "org.toml"`), relative to the config
    file; None when it names none. A broken reference is the config's error."""
    if not reference:
        return None
    path = Path(reference).expanduser()
    if not path.is_absolute() and config_source:
        path = Path(config_source).parent / path
    try:
        return load_organisation(path)
    except OrganisationError as exc:
        raise ConfigError(config_source or "config", "organisation", str(exc)) from None


def config_text(org: Organisation, org_path: Path) -> str:
    """A config that uses the organisation's set-up and names the organisation file."""
    lines = [
        f"# Made by `exposure-scan init --org` for {_toml_comment(org.name)}.",
        "# It holds no personal data: your details go in the profile, never here.",
        f"organisation = {_toml_str(str(org_path))}",
        "",
        "[report]",
        f'language = "{org.language}"',
        "",
    ]
    if org.search.proxy:
        lines += ["[http]", f"proxy = {_toml_str(org.search.proxy)}", ""]
    if org.search.searxng_url:
        lines += ["[providers.searxng]", f"base_url = {_toml_str(org.search.searxng_url)}", ""]
    return "\n".join(lines)


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped) + '"'


def _toml_comment(value: str) -> str:
    return " ".join(value.split())


def fingerprint_key(path: Path | None = None) -> bytes:
    """This installation's secret key for profile fingerprints, made on first use (0600).

    Reports of the same person made here carry the same fingerprint, so a summary can count
    them once; without the key nobody can test a guessed profile against a fingerprint. A
    stored key shorter than KEY_BYTES (an empty file left by a crash) is no secret: it is
    replaced, never used."""
    path = path or key_file()
    stored = _stored_key(path)
    if stored is not None:
        return stored
    key = secrets.token_bytes(KEY_BYTES)
    created: list[Path] = []
    # Written whole under a temporary name first: another process never reads a key file
    # that exists but is still empty.
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        created = make_private_dirs(path.parent)
        write_new(tmp, key)
        try:
            os.link(tmp, path)
        except FileExistsError:
            theirs = _stored_key(path)
            if theirs is not None:  # another process made it a moment ago: use theirs
                return theirs
            os.replace(tmp, path)
        except OSError:  # no hard links on this file system
            os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        remove_created_dirs(created)
        # Not stored (read-only home, full disk): this run's reports still get a fingerprint
        # nobody can test; only counting one person's reports once across runs is lost.
        return key
    finally:
        tmp.unlink(missing_ok=True)
    return key


def _stored_key(path: Path) -> bytes | None:
    try:
        key = path.read_bytes()
    except OSError:
        return None
    return key[:KEY_BYTES] if len(key) >= KEY_BYTES else None


def key_file() -> Path:
    env = os.environ.get("EXPOSURE_SCAN_KEY_FILE")
    return Path(env) if env else platformdirs.user_data_path(APP) / "fingerprint.key"


def stamp(
    result: ScanResult, profile: Profile, organisation: Organisation | None, key: bytes
) -> ScanResult:
    """Add the profile fingerprint and the organisation's public contact data to a result."""
    return result.model_copy(
        update={
            "profile": {**result.profile, "fingerprint": profile.fingerprint(key)},
            "organisation": organisation.public_contact() if organisation else None,
        }
    )
