"""The shareable config: which providers run and how. API keys come only from the environment."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from exposure_scan.errors import ConfigError
from exposure_scan.files import BINARY
from exposure_scan.inputfile import (
    NO_SCHEME,
    OwnError,
    load_toml,
    own_error,
    refuse_quoted_flags,
    validate,
)

PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")


class Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _strict_flags(cls, data: object) -> object:
        return refuse_quoted_flags(cls, data)


def check_base_url(value: str, key: str = "base_url", *, subkey: bool = False) -> str:
    """An http(s) URL with a host, or a one-line fix; the value is not repeated.
    `subkey`: raised by a table-level validator, the error names its key."""
    value = value.strip()
    try:
        parts = urlsplit(value)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
        _ = parts.port
    except ValueError:
        ok = False
    if not ok:
        bare = value and "://" not in value
        raise own_error(OwnError.WEB_ADDRESS, name=key, missing=NO_SCHEME[0] if bare else "",
                        subkey=key if subkey else "")
    return value


class ScanSettings(Section):
    concurrency: int = Field(default=4, ge=1, le=32, description="sources asked at once")
    provider_timeout: float = Field(default=120.0, gt=0, description="seconds per source")
    send_private_values: bool = Field(
        default=False,
        description="allow home address, private phone and private email as search queries",
    )
    max_pages: int = Field(default=40, ge=0, le=2000, description="result pages to inspect")


def check_allow_list(value: list[str]) -> list[str]:
    """Entries of an allow_hosts list: a host name or address (any port), an address range
    like 10.0.0.0/24, or an origin written as a URL (http://192.168.1.5:8080)."""
    for item in value:
        if "://" in item:
            try:
                parts = urlsplit(item)
                ok = parts.scheme in ("http", "https") and bool(parts.hostname)
                parts.port  # noqa: B018 - raises on a port out of range
            except ValueError:
                ok = False
            if not ok:
                raise ValueError(f'"{item}" is not an origin like http://192.168.1.5:8080')
        elif "/" in item:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f'"{item}" is not an address range like 10.0.0.0/24') from None
        elif not is_host(item):
            host, _, port = item.strip().rpartition(":")
            if port.isdigit() and is_host(host) and (host.startswith("[") or ":" not in host):
                raise ValueError(f'"{item}" has a port: write the origin, like '
                                 f'"http://{host}:{port}", or the host alone for every port')
            raise ValueError(f'"{item}" is not a host name or address; write one like '
                             '"searx.lan", "192.168.1.5" or "fd00::5", a range like '
                             '10.0.0.0/24, or an origin like http://searx.lan:8080')
    return value


HOST_LABEL = re.compile(r"(?!-)[a-z0-9_-]{1,63}(?<!-)")  # "_": container service names


def is_host(entry: str) -> bool:
    """A host name (IDNA allowed) or an IP address, as `http.Allowance` reads an entry; a
    port or a space in it would make it silently match nothing."""
    host = entry.strip().lower().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = ascii_host.split(".")
    return len(ascii_host) <= 253 and all(HOST_LABEL.fullmatch(label) for label in labels)


class HttpSettings(Section):
    timeout: float = Field(
        default=20.0, gt=0, description="seconds per request: connect, headers and whole body"
    )
    retries: int = Field(default=2, ge=0, le=5)
    max_retry_after: float = Field(default=60.0, ge=0, description="longest Retry-After obeyed")
    max_response_bytes: int = Field(default=3_000_000, ge=1024)
    max_redirects: int = Field(default=5, ge=0, le=20)
    respect_robots: bool = True
    max_crawl_delay: float = Field(
        default=10.0,
        ge=0,
        description="longest robots.txt Crawl-delay honoured; a site asking more is not read",
    )
    user_agent: str = ""
    proxy: str = Field(
        default="",
        description="send everything through this proxy (e.g. socks5h://127.0.0.1:9050 for Tor, "
        "or a VPN's HTTP proxy) so found pages do not see your own address",
    )
    allow_hosts: list[str] = Field(
        default_factory=list,
        description="non-public hosts, address ranges or origins (http://host:port) that "
        "every source except the page inspector may contact; per source: "
        "[providers.<name>] allow_hosts",
    )

    @field_validator("proxy")
    @classmethod
    def _check_proxy(cls, value: str) -> str:
        if not value:
            return value
        try:
            parts = urlsplit(value)
            ok = (
                parts.scheme in PROXY_SCHEMES
                and bool(parts.hostname)
                and (parts.port is None or 0 < parts.port < 65536)
            )
        except ValueError:
            ok = False
        if not ok:  # the value is not repeated: a proxy URL may hold a password
            raise ValueError('expected a proxy URL like proxy = "socks5h://127.0.0.1:9050" (Tor) '
                             'or "http://127.0.0.1:8118"')
        return value

    @field_validator("allow_hosts")
    @classmethod
    def _check_allow(cls, value: list[str]) -> list[str]:
        return check_allow_list(value)


class ReportSettings(Section):
    @field_validator("language", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        if value == "" or value is None:
            return None  # "" in the example config: take it from the profile
        if isinstance(value, str) and value.strip().lower() in {"nl", "en"}:
            return value.strip().lower()
        raise ValueError('expected nl, en or "" (from the profile), like language = "nl"')

    output_dir: str = Field(default="reports")
    language: str | None = None
    formats: list[str] = Field(default_factory=lambda: ["html", "json"])


class ProviderConfig(Section):
    """Keys common to every `[providers.<name>]` table; a provider may add its own options."""

    enabled: bool | None = None
    base_url: str | None = None
    rate_limit: float | None = Field(default=None, gt=0, description="requests per second")
    allow_hosts: list[str] = Field(
        default_factory=list,
        description="non-public hosts, ranges or origins this source alone may contact "
        "(its own base_url origin is allowed without it)",
    )

    @field_validator("allow_hosts")
    @classmethod
    def _check_allow(cls, value: list[str]) -> list[str]:
        return check_allow_list(value)

    @field_validator("base_url")
    @classmethod
    def _check_base_url(cls, value: str | None) -> str | None:
        return check_base_url(value) if value else value  # "": the provider's default


class HistorySettings(Section):
    path: str = Field(default="", description="the scan history file (default: user data folder)")
    enabled: bool = True
    keep: int = Field(default=60, ge=1, description="scans kept per profile; older are pruned")


class NotifySettings(Section):
    """Messages after a scan: counts and levels only, never a finding's name, value or URL."""

    webhook_url: str = Field(default="", description="POST a JSON summary here")
    when: str = Field(default="changes", pattern="^(always|changes|new)$")
    smtp_host: str = ""
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_security: str = Field(default="starttls", pattern="^(starttls|ssl|none)$")
    smtp_user_env: str = Field(default="", description="environment variable with the user")
    smtp_password_env: str = Field(default="", description="environment variable with the password")
    mail_from: str = ""
    mail_to: list[str] = Field(default_factory=list)
    timeout: float = Field(default=20.0, gt=0)


class Config(Section):
    scan: ScanSettings = Field(default_factory=ScanSettings)
    http: HttpSettings = Field(default_factory=HttpSettings)
    report: ReportSettings = Field(default_factory=ReportSettings)
    providers: dict[str, dict[str, Any]] = Field(default_factory=dict)
    history: HistorySettings = Field(default_factory=HistorySettings)
    notify: NotifySettings = Field(default_factory=NotifySettings)
    organisation: str = Field(
        default="", description="the employer's organisation file (org.toml), if any"
    )
    source: str = ""  # the file it came from, for messages

    def provider_table(self, name: str) -> dict[str, Any]:
        return dict(self.providers.get(name, {}))


def load_config(path: Path | None, lang: str | None = None) -> Config:
    """Read the config file; no file means all defaults. Errors in `lang` (the profile's)."""
    if path is None:
        return Config()
    data = load_toml(path, ConfigError, "create it with `exposure-scan config init`")
    config = validate(Config, data, path, ConfigError, lang)
    return config.model_copy(update={"source": str(path)})


SHARED_MODE = 0o644  # the config holds no personal data, and IT staff may need to read it


def example_config() -> bytes:
    """The commented example config, as shipped in the package."""
    from exposure_scan import packaged

    return packaged.read_bytes("data/config.example.toml")


def write_config(path: Path, *, force: bool) -> None:
    """Write the commented example config to `path`, 0644; an existing file only with `force`.

    Created exclusively (O_EXCL, no symlink followed); with `force` a new file replaces the
    old one in one rename. The folder is created 0700: it is the profile's folder too.
    """
    import os
    import secrets

    from exposure_scan.files import make_private_dirs

    exists = ConfigError(str(path), "", "exists; edit it, or use --force to overwrite it")
    if path.exists() and not force:
        raise exists
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp") if force else path
    try:
        make_private_dirs(path.parent)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | BINARY
        fd = os.open(tmp, flags, SHARED_MODE)
        try:
            if hasattr(os, "fchmod"):  # the umask must not narrow it
                os.fchmod(fd, SHARED_MODE)
            view = memoryview(example_config())
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        if force:
            os.replace(tmp, path)
    except FileExistsError:
        raise exists from None
    except OSError as exc:
        if force:
            tmp.unlink(missing_ok=True)
        raise ConfigError(str(path), "", f"cannot be written ({exc.strerror}); choose another "
                          "path") from None
