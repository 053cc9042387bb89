"""exposure-scan: find what a stranger can learn about a clinician online."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Looked up on first use: importlib.metadata costs a fifth of `--help`'s start-up.
    if name != "__version__":
        raise AttributeError(f"module 'exposure_scan' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:  # the version lives in one place: pyproject.toml
        found = version("exposure-scan")
    except PackageNotFoundError:  # run from a source tree that was never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found
