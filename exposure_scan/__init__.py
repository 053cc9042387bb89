"""exposure-scan: find what a stranger can learn about a clinician online.

The public API is what a provider plugin needs (see examples/): subclass `Provider`, declare
its `ProviderOptions`, read the `Query`, return `Observation`s, raise the errors below. The
names load on first use, so `import exposure_scan.cli` stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exposure_scan.errors import (
        ExposureScanError,
        MissingCredentials,
        ParseError,
        ProviderError,
        RateLimited,
        RequestRefused,
    )
    from exposure_scan.models import Observation, SourceKind
    from exposure_scan.provider import (
        Provider,
        ProviderContext,
        ProviderOptions,
        Query,
        QueryField,
    )

_PROVIDER = frozenset({"Provider", "ProviderContext", "ProviderOptions", "Query", "QueryField"})
_MODELS = frozenset({"Observation", "SourceKind"})
_ERRORS = frozenset({
    "ExposureScanError", "MissingCredentials", "ParseError", "ProviderError", "RateLimited",
    "RequestRefused",
})

__all__ = [
    "ExposureScanError",
    "MissingCredentials",
    "Observation",
    "ParseError",
    "Provider",
    "ProviderContext",
    "ProviderError",
    "ProviderOptions",
    "Query",
    "QueryField",
    "RateLimited",
    "RequestRefused",
    "SourceKind",
    "__version__",
]


def __getattr__(name: str) -> object:
    if name == "__version__":
        # Looked up on first use: importlib.metadata costs a fifth of `--help`'s start-up.
        from importlib.metadata import PackageNotFoundError, version

        try:  # the version lives in one place: pyproject.toml
            found = version("exposure-scan")
        except PackageNotFoundError:  # run from a source tree that was never installed
            found = "0+unknown"
        globals()["__version__"] = found
        return found
    if name in _PROVIDER:
        from exposure_scan import provider

        return getattr(provider, name)
    if name in _MODELS:
        from exposure_scan import models

        return getattr(models, name)
    if name in _ERRORS:
        from exposure_scan import errors

        return getattr(errors, name)
    raise AttributeError(f"module 'exposure_scan' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
