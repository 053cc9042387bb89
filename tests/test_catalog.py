from __future__ import annotations

import tomllib
from collections import Counter
from importlib import resources

import pytest
from pydantic import ValidationError

from exposure_scan.catalog import Catalog, OptOutMethod, Site, load_catalog, search_domains

RAW = tomllib.loads(
    resources.files("exposure_scan").joinpath("data/sites.toml").read_text("utf-8")
)


@pytest.mark.parametrize("entry", RAW["site"], ids=lambda e: e.get("domain", "?"))
def test_every_entry_validates(entry: dict[str, object]) -> None:
    Site.model_validate(entry)


def test_catalog_loads_with_enough_entries() -> None:
    assert len(load_catalog().site) >= 40


def test_no_duplicate_domains() -> None:
    counts = Counter(s.domain for s in load_catalog().site)
    assert [d for d, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("country", ["NL", "US", "UK"])
def test_each_country_is_covered(country: str) -> None:
    assert len([s for s in load_catalog().site if s.country == country]) >= 5


@pytest.mark.parametrize("site", load_catalog().site, ids=lambda s: s.domain)
def test_opt_out_url_is_http_unless_there_is_no_opt_out(site: Site) -> None:
    if site.optout_method is not OptOutMethod.NONE:
        assert site.optout_url.startswith(("https://", "http://")), site.domain
    assert site.source.strip()


def test_required_sites_are_there() -> None:
    domains = {s.domain for s in load_catalog().site}
    assert {"detelefoongids.nl", "zorgkaartnederland.nl", "opencompanies.nl", "openkvk.nl",
            "linkedin.com", "facebook.com", "instagram.com", "x.com"} <= domains
    assert {"whitepages.com", "spokeo.com", "beenverified.com", "intelius.com",
            "truepeoplesearch.com", "fastpeoplesearch.com", "radaris.com", "mylife.com",
            "peoplefinders.com", "nuwber.com"} <= domains
    assert {"192.com", "ukphonebook.com", "118118.com"} <= domains


def test_unknown_keys_and_bad_values_are_refused() -> None:
    good = dict(RAW["site"][0])
    with pytest.raises(ValidationError):
        Site.model_validate({**good, "optout": "x"})
    with pytest.raises(ValidationError):
        Site.model_validate({**good, "country": "DE"})
    with pytest.raises(ValidationError):
        Catalog.model_validate({"site": [good], "extra": 1})


def test_by_host_matches_subdomains_only_on_a_dot() -> None:
    catalog = load_catalog()
    assert catalog.by_host("www.Spokeo.com.") is not None
    assert catalog.by_host("notspokeo.com") is None


def test_search_sites_own_country_first_then_global() -> None:
    nl = search_domains("NL")
    assert nl[0] == "detelefoongids.nl" and "linkedin.com" in nl
    assert "kvk.nl" not in nl  # search = false: the kvk provider asks the register itself
    assert "whitepages.com" not in nl
    assert "whitepages.com" in search_domains("US")
    assert all(s.search for s in load_catalog().search_sites("UK"))
