"""exposure-scan: find what a stranger can learn about a clinician online."""

from importlib.metadata import PackageNotFoundError, version

try:  # the version lives in one place: pyproject.toml
    __version__ = version("exposure-scan")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
