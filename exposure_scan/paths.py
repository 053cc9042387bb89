"""Where things live by default, per platform (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "exposure-scan"


def default_profile() -> Path:
    env = os.environ.get("EXPOSURE_SCAN_PROFILE")
    return Path(env) if env else platformdirs.user_config_path(APP) / "profile.toml"


def default_config() -> Path | None:
    env = os.environ.get("EXPOSURE_SCAN_CONFIG")
    if env:
        return Path(env)
    path = platformdirs.user_config_path(APP) / "config.toml"
    return path if path.exists() else None


def default_output_dir(configured: str) -> Path:
    """A relative `output_dir` from the config is taken from the user's data folder."""
    path = Path(configured).expanduser()
    return path if path.is_absolute() else platformdirs.user_data_path(APP) / path


def config_target() -> Path:
    """Where `config init` writes: EXPOSURE_SCAN_CONFIG, or the user config folder (next to the
    default profile), where a scan looks for it."""
    env = os.environ.get("EXPOSURE_SCAN_CONFIG")
    return Path(env) if env else platformdirs.user_config_path(APP) / "config.toml"
