"""Removal steps for findings: pure functions over the catalog and the removal facts."""

from __future__ import annotations

from exposure_scan.models import Finding
from exposure_scan.profile import Profile


def attach_steps(findings: list[Finding], profile: Profile) -> list[Finding]:
    """Return the findings with concrete removal steps filled in."""
    return findings
