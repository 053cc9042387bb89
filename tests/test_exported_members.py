"""The public plugin API: every name exposure_scan exports is defined by exposure_scan, and
the list is the one plugin authors are told about (like httpx's test_exported_members)."""

from __future__ import annotations

import exposure_scan

PUBLIC = {
    "__version__",
    "Provider", "ProviderContext", "ProviderOptions", "Query", "QueryField",
    "Observation", "SourceKind",
    "ExposureScanError", "ProviderError", "MissingCredentials", "ParseError", "RateLimited",
    "RequestRefused",
}


def test_exported_members() -> None:
    assert set(exposure_scan.__all__) == PUBLIC
    assert set(dir(exposure_scan)) >= PUBLIC
    for name in exposure_scan.__all__:
        member = getattr(exposure_scan, name)
        if name == "__version__":
            assert isinstance(member, str)
            continue
        assert member.__module__.startswith("exposure_scan."), name


def test_the_exports_are_the_core_objects() -> None:
    from exposure_scan.errors import ProviderError
    from exposure_scan.provider import Provider

    assert exposure_scan.Provider is Provider
    assert exposure_scan.ProviderError is ProviderError


def test_the_list_matches_the_lazy_tables() -> None:
    assert set(exposure_scan.__all__) == {"__version__"} | set(exposure_scan._PROVIDER) | set(
        exposure_scan._MODELS) | set(exposure_scan._ERRORS)
