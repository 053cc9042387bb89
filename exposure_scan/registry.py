"""Finding providers: built-ins and third-party entry points, through one path.

Nothing happens at import time; the CLI builds one `Registry` and hands it to the scan.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from importlib.metadata import entry_points
from typing import Any

from pydantic import ValidationError

from exposure_scan.config import Config, ProviderConfig
from exposure_scan.errors import ConfigError
from exposure_scan.inputfile import first_problem
from exposure_scan.models import SourceKind
from exposure_scan.provider import Provider

ENTRY_POINT_GROUP = "exposure_scan.providers"


class Readiness(StrEnum):
    READY = "ready"
    NEEDS_KEY = "needs key"
    NEEDS_BASE_URL = "needs base_url"
    DISABLED = "disabled"
    STANDBY = "standby"  # a fallback web search, not needed: another web search is ready
    NOT_SELECTED = "not selected"  # left out by --provider for this run


@dataclass(frozen=True)
class Configured:
    """A provider class with its resolved settings; `instance` is built only when ready."""

    cls: type[Provider]
    readiness: Readiness
    rate_limit: float
    instance: Provider | None


def builtin_provider_classes() -> list[type[Provider]]:
    """Every built-in source, the page inspector included: a plain, type-checked list.

    Imported here rather than at the top so that `exposure-scan --help` loads no provider.
    A new built-in provider is added to this list (tests/test_conventions.py checks that
    every module in providers/ has its class here)."""
    from exposure_scan.inspector import PageInspector
    from exposure_scan.providers.big_register import BigRegisterProvider
    from exposure_scan.providers.brave import BraveProvider
    from exposure_scan.providers.companies_house import CompaniesHouseProvider
    from exposure_scan.providers.ddgs import DdgsProvider
    from exposure_scan.providers.github import GithubProvider
    from exposure_scan.providers.gravatar import GravatarProvider
    from exposure_scan.providers.hibp import HibpProvider
    from exposure_scan.providers.kvk import KvkProvider
    from exposure_scan.providers.npi import NpiProvider
    from exposure_scan.providers.rdap import RdapProvider
    from exposure_scan.providers.searxng import SearxngProvider
    from exposure_scan.providers.wayback import WaybackProvider

    return [
        PageInspector,
        BigRegisterProvider,
        BraveProvider,
        CompaniesHouseProvider,
        DdgsProvider,
        GithubProvider,
        GravatarProvider,
        HibpProvider,
        KvkProvider,
        NpiProvider,
        RdapProvider,
        SearxngProvider,
        WaybackProvider,
    ]


def entry_point_classes() -> list[type[Provider]]:
    found: list[type[Provider]] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        obj = ep.load()
        if not (inspect.isclass(obj) and issubclass(obj, Provider)):
            raise TypeError(
                f"entry point {ep.name!r} must name a subclass of exposure_scan.Provider, "
                f"{obj!r} is not"
            )
        found.append(obj)
    return found


class Registry:
    """All known provider classes by name."""

    def __init__(
        self, classes: Iterable[type[Provider]], *, also_known: Iterable[str] = ()
    ) -> None:
        self.also_known = set(also_known)  # left out by EXPOSURE_SCAN_PROVIDERS, still valid
        self.classes: dict[str, type[Provider]] = {}
        for cls in classes:
            if cls.name in self.classes and self.classes[cls.name] is not cls:
                raise TypeError(f"two providers are named {cls.name!r}")
            self.classes[cls.name] = cls

    @classmethod
    def discover(cls, *, include_entry_points: bool = True) -> Registry:
        classes = builtin_provider_classes()
        if include_entry_points:
            classes += entry_point_classes()
        allow = os.environ.get("EXPOSURE_SCAN_PROVIDERS", "").strip()
        if not allow:
            return cls(classes)
        wanted = {n.strip() for n in allow.split(",") if n.strip()}
        known = sorted(c.name for c in classes)
        unknown = sorted(wanted - set(known))
        if unknown:
            raise ConfigError(
                "EXPOSURE_SCAN_PROVIDERS",
                ", ".join(unknown),
                f"unknown provider; known: {', '.join(known)} (comma-separated, like "
                "EXPOSURE_SCAN_PROVIDERS=searxng,rdap)",
            )
        left_out = [c.name for c in classes if c.name not in wanted]
        return cls([c for c in classes if c.name in wanted], also_known=left_out)

    def names(self) -> list[str]:
        return sorted(self.classes)

    def __iter__(self) -> Iterator[type[Provider]]:
        return iter(self.classes[n] for n in self.names())

    def configure(
        self, config: Config, *, only: list[str] | None = None, env: dict[str, str] | None = None
    ) -> list[Configured]:
        """Validate each `[providers.<name>]` table and decide which providers are ready."""
        env = dict(os.environ) if env is None else env
        source = config.source or "config"
        for name in config.providers:
            if name not in self.classes and name not in self.also_known:
                raise ConfigError(
                    source,
                    f"providers.{name}",
                    f"unknown provider (known: {', '.join(self.names())})",
                )
        if only:
            for name in only:
                if name not in self.classes:
                    raise ConfigError(
                        "--provider", name, f"unknown provider; known: {', '.join(self.names())}"
                    )
        out = []
        for cls in self:
            table = config.provider_table(cls.name)
            common, own = _split(cls, table)
            try:
                settings = ProviderConfig.model_validate(common)
                options = cls.Options.model_validate(own)
            except ValidationError as exc:
                key, problem = first_problem(exc, prefix=f"providers.{cls.name}")
                raise ConfigError(source, key, problem) from None
            out.append(self._resolve(cls, settings, options, env, only))
        return _stand_by(out, only)

    def _resolve(
        self,
        cls: type[Provider],
        settings: ProviderConfig,
        options: Any,
        env: dict[str, str],
        only: list[str] | None,
    ) -> Configured:
        rate = settings.rate_limit or cls.default_rate_limit
        enabled = settings.enabled if settings.enabled is not None else cls.enabled_by_default
        if only is not None and cls.name not in only:
            return Configured(cls, Readiness.NOT_SELECTED, rate, None)
        if only is not None:
            enabled = True
        key = env.get(cls.key_env_var, "") if cls.key_env_var else ""
        base_url = settings.base_url or cls.default_base_url
        if not enabled:
            readiness = Readiness.DISABLED
        elif cls.key_required and not key:
            readiness = Readiness.NEEDS_KEY
        elif cls.base_url_required and not base_url:
            readiness = Readiness.NEEDS_BASE_URL
        else:
            readiness = Readiness.READY
        instance = None
        if readiness is Readiness.READY:
            instance = cls(base_url=base_url, api_key=key or None, options=options)
            instance.allow_hosts = tuple(settings.allow_hosts)
        return Configured(cls=cls, readiness=readiness, rate_limit=rate, instance=instance)


def _stand_by(out: list[Configured], only: list[str] | None) -> list[Configured]:
    """A fallback web search (ddgs) stands by when another web search is ready, unless
    it was asked for by name (--provider)."""
    other = any(
        c.readiness is Readiness.READY
        and c.cls.source_kind is SourceKind.SEARCH
        and not c.cls.fallback_web_search
        for c in out
    )
    if not other:
        return out
    return [
        replace(c, readiness=Readiness.STANDBY, instance=None)
        if c.cls.fallback_web_search
        and c.readiness is Readiness.READY
        and not (only and c.cls.name in only)
        else c
        for c in out
    ]


def _split(cls: type[Provider], table: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    own_keys = set(cls.Options.model_fields)
    common = {k: v for k, v in table.items() if k not in own_keys}
    own = {k: v for k, v in table.items() if k in own_keys}
    return common, own
