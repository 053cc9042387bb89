"""Hostile profile and config files: any document gives a profile or config, or one line naming
the file and the key; never a traceback, and never a private value repeated back.

Runs under the hypothesis profile of tests/test_matching_hostile.py (HYPOTHESIS_PROFILE=long
for a long search). All values are generated; nobody real is in them.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from exposure_scan.config import load_config
from exposure_scan.errors import ConfigError, ProfileError
from exposure_scan.profile import load_profile
from tests import test_matching_hostile  # noqa: F401  (registers and loads the profiles)


def toml_value(value: Any) -> str:
    """A TOML value written inline (strings as basic strings, tables as inline tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{ " + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + " }"


def document(data: dict[str, Any]) -> str:
    return "".join(f"{json.dumps(k)} = {toml_value(v)}\n" for k, v in data.items())


TEXT = st.text(max_size=40)
SCALAR = st.one_of(
    TEXT,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.booleans(),
)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)
    ),
    max_leaves=12,
)
PERSON = st.fixed_dictionaries(
    {"given": TEXT, "surname": TEXT},
    optional={"prefix": TEXT, "initials": TEXT, "call_name": TEXT, "extra": VALUE},
)
ADDRESS = st.fixed_dictionaries(
    {"label": st.sampled_from(["home", "practice", "thuis", "werk", ""]) | TEXT,
     "street": TEXT, "house_number": TEXT | st.integers(), "postcode": TEXT, "city": TEXT},
    optional={"addition": TEXT, "country": TEXT},
)
PROFILE = st.fixed_dictionaries(
    {"names": st.lists(PERSON, max_size=2) | VALUE},
    optional={
        "addresses": st.lists(ADDRESS, max_size=2) | VALUE,
        "phones": st.lists(st.fixed_dictionaries({"label": TEXT, "number": TEXT}), max_size=2),
        "emails": st.lists(st.fixed_dictionaries({"label": TEXT, "address": TEXT}), max_size=2),
        "country": st.sampled_from(["NL", "UK", "US", "GB", "nl"]) | TEXT,
        "language": st.sampled_from(["nl", "en"]) | VALUE,
        "role": TEXT,
        "household": VALUE,
        "consent": VALUE,
        "websites": VALUE,
    },
)
SECTION = st.dictionaries(
    st.sampled_from(["timeout", "retries", "proxy", "allow_hosts", "respect_robots",
                     "max_pages", "concurrency", "send_private_values", "language", "formats",
                     "output_dir", "max_crawl_delay", "path", "keep", "webhook_url"]) | TEXT,
    VALUE,
    max_size=5,
)
CONFIG = st.dictionaries(
    st.sampled_from(["scan", "http", "report", "history", "notify", "organisation"]) | TEXT,
    SECTION | VALUE,
    max_size=4,
) | st.fixed_dictionaries(
    {"providers": st.dictionaries(
        st.sampled_from(["searxng", "ddgs", "inspector", "kvk", "npi"]) | TEXT,
        st.dictionaries(st.sampled_from(["enabled", "base_url", "rate_limit", "allow_hosts",
                                         "max_queries", "page_parse_seconds"]) | TEXT,
                        VALUE, max_size=4),
        max_size=3)}
)


def _one_line(message: str) -> None:
    assert message and "\n" not in message.strip() and "Traceback" not in message


@given(data=PROFILE)
def test_any_profile_document_loads_or_is_one_line(
    tmp_path_factory: Any, data: dict[str, Any]
) -> None:
    path: Path = tmp_path_factory.mktemp("p") / "profile.toml"
    path.write_text(document(data), encoding="utf-8")
    try:
        load_profile(path)
    except ProfileError as exc:
        message = str(exc)
        _one_line(message)
        addresses = data.get("addresses")
        for address in addresses if isinstance(addresses, list) else []:
            if isinstance(address, dict):
                for key in ("street", "postcode"):
                    value = str(address.get(key, "")).strip()
                    if len(value) >= 6 and value.isalnum():  # long enough not to be a key name
                        assert value not in message


@given(data=CONFIG)
def test_any_config_document_loads_or_is_one_line(
    tmp_path_factory: Any, data: dict[str, Any]
) -> None:
    path: Path = tmp_path_factory.mktemp("c") / "config.toml"
    path.write_text(document(data), encoding="utf-8")
    try:
        load_config(path)
    except ConfigError as exc:
        _one_line(str(exc))


@given(text=st.text(max_size=400))
def test_any_text_as_a_profile_or_config_is_one_line(tmp_path_factory: Any, text: str) -> None:
    folder: Path = tmp_path_factory.mktemp("t")
    (folder / "f.toml").write_text(text, encoding="utf-8")
    for load, error in ((load_profile, ProfileError), (load_config, ConfigError)):
        try:
            load(folder / "f.toml")
        except error as exc:
            _one_line(str(exc))
