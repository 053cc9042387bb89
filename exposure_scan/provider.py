"""The provider contract: class-level metadata and one async `search`.

A provider declares which profile fields it sends out (`sends`). The core builds a `Query`
holding only those values, and only the private ones the user allowed, so a provider cannot
leak what it was never given.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, cast

from pydantic import BaseModel, ConfigDict, Field, model_validator
from typing_extensions import TypeVar

from exposure_scan.models import (
    LedgerEntry,
    Observation,
    PartReason,
    ReasonParams,
    SourceKind,
    UncheckedPart,
)
from exposure_scan.profile import Address, Country, PersonName

if TYPE_CHECKING:
    import httpx

    from exposure_scan.config import HttpSettings
    from exposure_scan.http import Fetcher


class QueryField(StrEnum):
    """Profile fields a provider may send out. The `private_*` ones need explicit consent."""

    NAME = "name"
    CITY = "city"  # city of the practice address
    WORK_EMAIL = "work_email"
    PRIVATE_EMAIL = "private_email"
    WEBSITE = "website"
    USERNAME = "username"
    WORK_PHONE = "work_phone"
    PRIVATE_PHONE = "private_phone"
    PRACTICE_ADDRESS = "practice_address"
    HOME_ADDRESS = "home_address"
    PRACTICE_NAME = "practice_name"  # the name of the practice or organisation
    FOUND_URL = "found_url"  # a URL another provider found: not a profile value

    @property
    def is_private(self) -> bool:
        return self in PRIVATE_FIELDS


PRIVATE_FIELDS = frozenset(
    {QueryField.PRIVATE_EMAIL, QueryField.PRIVATE_PHONE, QueryField.HOME_ADDRESS}
)


class Query(BaseModel):
    """The values a provider is allowed to send, already filtered by the core."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    country: Country
    names: list[PersonName] = Field(default_factory=list)
    cities: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    private_emails: list[str] = Field(default_factory=list)  # those of `emails` that are private
    phones: list[str] = Field(default_factory=list)
    private_phones: list[str] = Field(default_factory=list)  # those of `phones` that are private
    websites: list[str] = Field(default_factory=list)
    usernames: list[str] = Field(default_factory=list)
    addresses: list[Address] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)  # pages other providers found
    practice_names: list[str] = Field(default_factory=list)
    # Private fields the provider declares and the profile has, held back for lack of consent:
    # the provider can then say what it did not search for (never the values).
    withheld: list[QueryField] = Field(default_factory=list)
    titles: dict[str, str] = Field(default_factory=dict)  # url -> the search result's title

    def email_field(self, email: str) -> QueryField:
        """Which kind of value an email is, for the query ledger."""
        return QueryField.PRIVATE_EMAIL if email in self.private_emails else QueryField.WORK_EMAIL

    def phone_field(self, number: str) -> QueryField:
        return QueryField.PRIVATE_PHONE if number in self.private_phones else QueryField.WORK_PHONE

    def is_empty(self) -> bool:
        return not (
            self.names
            or self.emails
            or self.phones
            or self.websites
            or self.usernames
            or self.addresses
            or self.urls
            or self.practice_names
        )


class ProviderOptions(BaseModel):
    """Per-provider extra config keys; a provider subclasses this to add its own."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _strict_flags(cls, data: object) -> object:
        from exposure_scan.config import check_base_url
        from exposure_scan.inputfile import refuse_quoted_flags

        if isinstance(data, dict):  # URL options (`*_url`) are checked at load, like base_url
            for key, value in data.items():
                field = cls.model_fields.get(key)
                text = field is not None and field.annotation in (str, str | None)
                if key.endswith("_url") and text and isinstance(value, str) and value:
                    check_base_url(value, key, subkey=True)
        return refuse_quoted_flags(cls, data)


class ProviderContext:
    """What a provider gets to do its work: requests through the shared fetcher (rate limits,
    retries, the address guard, the query ledger) and a place for notes. The fetcher itself
    stays private: everything a provider needs is a method or read-only property here."""

    def __init__(
        self,
        provider: Provider,
        fetcher: Fetcher,
        *,
        on_keep: Callable[[Observation], Observation] | None = None,
        on_made: Callable[[Observation], Observation] | None = None,
    ) -> None:
        self.provider = provider
        self._fetcher = fetcher
        self.unchecked_parts: list[UncheckedPart] = []
        self.kept: list[Observation] = []
        self._on_keep = on_keep  # the scan starts matching each result as it arrives
        self._on_made = on_made  # or matches it where it was made (see `prepare`)

    @property
    def http(self) -> HttpSettings:
        """The [http] settings (frozen), for a provider whose library sends its own requests
        (ddgs): the same timeout and proxy as the fetcher's."""
        return self._fetcher.settings

    @property
    def ledger(self) -> list[LedgerEntry]:
        """This provider's requests so far, as the query ledger has them: hosts and fields,
        never the values."""
        return [e for e in self._fetcher.ledger if e.provider == self.provider.name]

    async def request(
        self,
        method: str,
        url: str,
        *,
        fields: list[QueryField],
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        auth: httpx.BasicAuth | None = None,
        json_body: Any = None,
        content: bytes | None = None,
        pass_statuses: frozenset[int] = frozenset(),
    ) -> httpx.Response:
        """One request (redirects and retries included) with the fetcher's accounting; see
        `Fetcher.request` for which statuses come back and which raise."""
        return await self._fetcher.request(
            self.provider,
            method,
            url,
            fields=fields,
            params=params,
            headers=headers,
            auth=auth,
            json_body=json_body,
            content=content,
            pass_statuses=pass_statuses,
        )

    async def get_json(
        self, url: str, *, fields: list[QueryField], **kwargs: Any
    ) -> tuple[int, Any]:
        return await self._fetcher.get_json(self.provider, url, fields=fields, **kwargs)

    async def get_text(
        self, url: str, *, fields: list[QueryField], **kwargs: Any
    ) -> tuple[int, str]:
        return await self._fetcher.get_text(self.provider, url, fields=fields, **kwargs)

    async def robots_allows(self, url: str) -> bool:
        """Whether robots.txt lets us read `url` (always, when [http] respect_robots is off)."""
        return await self._fetcher.robots_allows(self.provider, url)

    def record_request(
        self, host: str, *, fields: list[QueryField], status: int | None, method: str = "GET"
    ) -> None:
        """Write a request the provider sent itself (through a library, not the fetcher)
        into the query ledger: which host, which fields, never the values."""
        self._fetcher.ledger.append(
            LedgerEntry(
                provider=self.provider.name,
                host=host,
                method=method,
                fields=sorted({f.value for f in fields}),
                status=status,
            )
        )

    async def space(self, host: str) -> None:
        """Wait for this host's turn under the provider's rate limit, as the fetcher does."""
        fetcher = self._fetcher
        rate = fetcher.rates.get(self.provider.name, self.provider.default_rate_limit)
        gap = 1.0 / rate if rate > 0 else 0.0
        await fetcher.spacing.claim(host, gap, fetcher.sleep)
        await fetcher.spacing.settle(host, gap, fetcher.sleep)

    def prepare(self, observation: Observation) -> Observation:
        """What the scan does with a result as soon as it is made, called by a provider in
        the worker thread that made it (the page inspector: right after reading the page),
        so the event loop never does it: the scan matches it there, from memory, and lets go
        of its text. Thread-safe; returns the observation to `keep`."""
        return self._on_made(observation) if self._on_made is not None else observation

    def keep(self, observation: Observation) -> None:
        """Keep a result as soon as it is found: it survives a timeout or Ctrl-C later on."""
        if self._on_keep is not None:
            observation = self._on_keep(observation)  # what to hold (the text may be spooled)
        self.kept.append(observation)

    def note_unchecked(
        self,
        detail: str = "",
        *,
        reason: PartReason = PartReason.FAILED,
        url: str = "",
        title: str = "",
        params: ReasonParams | None = None,
    ) -> None:
        """Record a part of the source that could not be checked (a page, a search engine):
        the reason, what its words name (`params`), and any technical detail from outside."""
        self.unchecked_parts.append(
            UncheckedPart(reason=reason, url=url, title=title, params=params, detail=detail)
        )


PAGE_READER_STAGE = 0  # `Provider.stage` of the page inspector: runs after each stage

# A provider's own options class: `class Brave(Provider[BraveOptions])` types `self.options`.
# Covariant, so every provider class is a `type[Provider]`; the default keeps bare `Provider`.
OptionsT = TypeVar("OptionsT", bound=ProviderOptions, default=ProviderOptions, covariant=True)


class Provider(ABC, Generic[OptionsT]):
    """Base class of every source. Subclass it, set the metadata, implement `search`."""

    name: ClassVar[str]  # slug: unique, equal to the module and entry-point name
    title: ClassVar[str]
    jurisdiction: ClassVar[str] = "global"  # NL, US, UK or global
    source_kind: ClassVar[SourceKind] = SourceKind.WEB
    sends: ClassVar[frozenset[QueryField]] = frozenset({QueryField.NAME})
    key_env_var: ClassVar[str | None] = None
    key_required: ClassVar[bool] = False
    default_base_url: ClassVar[str] = ""
    base_url_required: ClassVar[bool] = False  # e.g. a self-hosted SearXNG
    default_rate_limit: ClassVar[float] = 1.0  # requests per second, per host
    enabled_by_default: ClassVar[bool] = True
    stage: ClassVar[int] = 1  # 2: runs after stage 1, with the URLs it found
    # A web search that stands by when another (non-fallback) web search is ready (ddgs).
    fallback_web_search: ClassVar[bool] = False
    docs_url: ClassVar[str] = ""
    # Searches the open web (forums, people-search sites, ...); None: a SEARCH source does.
    is_web_search: ClassVar[bool | None] = None
    # How to check this source by hand when its key is not set (text, or a URL in the text).
    manual_check: ClassVar[str] = ""
    Options: ClassVar[type[ProviderOptions]] = ProviderOptions
    # Non-public hosts, ranges or origins this source may reach ([providers.<name>] allow_hosts).
    allow_hosts: tuple[str, ...] = ()

    def __init__(
        self,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        options: ProviderOptions | None = None,
    ) -> None:
        self.base_url = (base_url or self.default_base_url).rstrip("/")
        self.api_key = api_key
        # Options is the class OptionsT names (registry.py builds it from the config table)
        self.options = cast(OptionsT, options or self.Options())

    @classmethod
    def searches_the_web(cls) -> bool:
        if cls.is_web_search is not None:
            return cls.is_web_search
        return cls.source_kind is SourceKind.SEARCH

    @abstractmethod
    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        """Ask the source about the person; return what it shows, unfiltered."""

    def test_query(self) -> Query:
        """A documented, fictional query for `providers check`."""
        return Query(country=Country.NL, names=[PersonName(given="Jan", surname="Jansen")])

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}" if path else self.base_url
