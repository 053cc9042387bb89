"""The catalog of people-search, directory and aggregator sites: validated data.

Search providers use it for site-restricted queries; the scan uses it to tell what kind of
site a page is on; the report uses it for opt-out steps.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from exposure_scan import packaged
from exposure_scan.models import SourceKind


class SiteKind(StrEnum):
    PEOPLE_SEARCH = "people_search"
    PHONE_DIRECTORY = "phone_directory"
    BUSINESS_REGISTER_COPY = "business_register_copy"
    REVIEW_SITE = "review_site"
    SOCIAL_NETWORK = "social_network"
    FORUM = "forum"
    REGISTRY = "registry"
    NEWS = "news"
    ARCHIVE = "archive"
    SEARCH_ENGINE = "search_engine"

    @property
    def source_kind(self) -> SourceKind:
        return {
            SiteKind.PEOPLE_SEARCH: SourceKind.PEOPLE_SEARCH,
            SiteKind.PHONE_DIRECTORY: SourceKind.DIRECTORY,
            SiteKind.BUSINESS_REGISTER_COPY: SourceKind.DIRECTORY,
            SiteKind.REVIEW_SITE: SourceKind.REVIEW_SITE,
            SiteKind.SOCIAL_NETWORK: SourceKind.SOCIAL,
            SiteKind.FORUM: SourceKind.FORUM,
            SiteKind.REGISTRY: SourceKind.REGISTRY,
            SiteKind.NEWS: SourceKind.NEWS,
            SiteKind.ARCHIVE: SourceKind.ARCHIVE,
            SiteKind.SEARCH_ENGINE: SourceKind.SEARCH,
        }[self]


class OptOutMethod(StrEnum):
    WEB_FORM = "web_form"
    EMAIL = "email"
    ACCOUNT_SETTINGS = "account_settings"
    LETTER = "letter"
    GDPR_REQUEST = "gdpr_request"
    CONTACT_SITE = "contact_site"
    NONE = "none"


class Site(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    domain: str = Field(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$")
    name: str
    country: str = Field(pattern="^(NL|US|UK|global)$")
    kind: SiteKind
    optout_url: str = ""
    optout_method: OptOutMethod
    id_required: bool | None = None
    processing_time: str = ""
    source: str = Field(min_length=1, description="where the facts come from")
    notes: str = ""
    search: bool = True  # use it for site-restricted name queries


class Catalog(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    site: list[Site]

    def by_host(self, host: str) -> Site | None:
        host = host.lower().rstrip(".")
        for site in self.site:
            if host == site.domain or host.endswith("." + site.domain):
                return site
        return None

    def search_sites(self, country: str) -> list[Site]:
        """Sites for site-restricted name queries: the country's own first, then global ones."""
        own = [s for s in self.site if s.country == country and s.search]
        return own + [s for s in self.site if s.country == "global" and s.search]


def search_domains(country: str) -> list[str]:
    """Domains of `load_catalog().search_sites(country)`, in catalog order."""
    return [s.domain for s in load_catalog().search_sites(country)]


@cache
def load_catalog() -> Catalog:
    return packaged.load(Catalog, "data/sites.toml")
