"""The shareable config: which providers run and how. API keys come only from the environment."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from exposure_scan.errors import ConfigError
from exposure_scan.inputfile import load_toml, validate


class Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ScanSettings(Section):
    concurrency: int = Field(default=4, ge=1, le=32, description="sources asked at once")
    provider_timeout: float = Field(default=120.0, gt=0, description="seconds per source")
    send_private_values: bool = Field(
        default=False,
        description="allow home address, private phone and private email as search queries",
    )
    max_pages: int = Field(default=40, ge=0, le=500, description="result pages to inspect")


class HttpSettings(Section):
    timeout: float = Field(default=20.0, gt=0, description="seconds per request")
    retries: int = Field(default=2, ge=0, le=5)
    max_retry_after: float = Field(default=60.0, ge=0, description="longest Retry-After obeyed")
    max_response_bytes: int = Field(default=3_000_000, ge=1024)
    max_redirects: int = Field(default=5, ge=0, le=20)
    respect_robots: bool = True
    user_agent: str = ""
    proxy: str = Field(
        default="",
        description="send everything through this proxy (e.g. http://127.0.0.1:8118 or a VPN's "
        "HTTP proxy) so found pages do not see your own address",
    )
    allow_hosts: list[str] = Field(
        default_factory=list,
        description="non-public hosts or address ranges that may be contacted (e.g. a LAN SearXNG)",
    )

    @field_validator("proxy")
    @classmethod
    def _check_proxy(cls, value: str) -> str:
        if not value:
            return value
        try:
            parts = urlsplit(value)
            ok = (
                parts.scheme in ("http", "https")
                and bool(parts.hostname)
                and (parts.port is None or 0 < parts.port < 65536)
            )
        except ValueError:
            ok = False
        if not ok:  # the value is not repeated: a proxy URL may hold a password
            raise ValueError('expected an http proxy URL like "http://127.0.0.1:8118"')
        return value

    @field_validator("allow_hosts")
    @classmethod
    def _check_allow(cls, value: list[str]) -> list[str]:
        for item in value:
            if "/" in item:
                try:
                    ipaddress.ip_network(item, strict=False)
                except ValueError:
                    raise ValueError(f'"{item}" is not an address range like 10.0.0.0/24') from None
        return value


class ReportSettings(Section):
    @field_validator("language")
    @classmethod
    def _empty_is_unset(cls, value: str | None) -> str | None:
        return value or None  # "" in the example config: take it from the profile

    output_dir: str = Field(default="reports")
    language: str | None = Field(default=None, pattern="^(nl|en)?$")
    formats: list[str] = Field(default_factory=lambda: ["html", "json"])


class ProviderConfig(Section):
    """Keys common to every `[providers.<name>]` table; a provider may add its own options."""

    enabled: bool | None = None
    base_url: str | None = None
    rate_limit: float | None = Field(default=None, gt=0, description="requests per second")


class Config(Section):
    scan: ScanSettings = Field(default_factory=ScanSettings)
    http: HttpSettings = Field(default_factory=HttpSettings)
    report: ReportSettings = Field(default_factory=ReportSettings)
    providers: dict[str, dict[str, Any]] = Field(default_factory=dict)
    organisation: str = Field(
        default="", description="the employer's organisation file (org.toml), if any"
    )
    source: str = ""  # the file it came from, for messages

    def provider_table(self, name: str) -> dict[str, Any]:
        return dict(self.providers.get(name, {}))


def load_config(path: Path | None) -> Config:
    """Read the config file; no file means all defaults."""
    if path is None:
        return Config()
    data = load_toml(path, ConfigError)
    config = validate(Config, data, path, ConfigError)
    return config.model_copy(update={"source": str(path)})
