"""The data files shipped inside the package, read through one loader that validates each
TOML file against its schema (a frozen pydantic model): a typo in a shipped table fails at
first use and in the tests (tests/test_packaged_data.py), never as a rule silently missing.

Files are named relative to their package: `load(Catalog, "data/sites.toml")`."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)
CORE = "exposure_scan"


def read_bytes(name: str, package: str = CORE) -> bytes:
    """A packaged file as shipped (copied out as is: the example config, the template)."""
    return resources.files(package).joinpath(name).read_bytes()


def read_text(name: str, package: str = CORE) -> str:
    return resources.files(package).joinpath(name).read_text("utf-8")


def read_toml(name: str, package: str = CORE) -> dict[str, object]:
    """A packaged TOML file parsed but not validated (tests of the schemas themselves)."""
    return tomllib.loads(read_text(name, package))


def load(schema: type[M], name: str, package: str = CORE, *,
         fill: Mapping[str, str] | None = None) -> M:
    """A packaged TOML file, validated by `schema`. `fill` replaces placeholders in the text
    first (the demo profile's `{base}` address)."""
    text = read_text(name, package)
    for placeholder, value in (fill or {}).items():
        text = text.replace(placeholder, value)
    try:
        return schema.model_validate(tomllib.loads(text))
    except ValidationError as exc:
        exc.add_note(f"in the packaged file {package}/{name} (schema {schema.__name__})")
        raise


def schemas() -> dict[tuple[str, str], type[BaseModel]]:
    """Every packaged TOML file, (package, name), with its schema. Imported here, not at the
    top, so that no data module depends on the modules whose data it reads."""
    from exposure_scan.catalog import Catalog
    from exposure_scan.config import Config
    from exposure_scan.matching.address import vocabulary
    from exposure_scan.matching.tables import TABLES
    from exposure_scan.profile import Profile
    from exposure_scan.removal import StepBook
    from exposure_scan.scoring import RiskRules

    return {
        (CORE, "data/sites.toml"): Catalog,
        (CORE, "data/removal-steps.toml"): StepBook,
        (CORE, "data/risk-rules.toml"): RiskRules,
        (CORE, "data/config.example.toml"): Config,
        (CORE, "data/profile-template.toml"): Profile,
        (CORE, "data/profile-template.nl.toml"): Profile,
        (CORE, "data/demo/profile.toml"): Profile,
        **{(CORE, f"matching/{name}.toml"): schema for name, schema in TABLES.items()},
        **{
            (CORE, f"matching/address/{name}"): schema
            for name, schema in vocabulary.TABLES.items()
        },
    }
