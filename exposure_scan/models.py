"""The data that flows through a scan. Frozen, validated, serialisable.

Provider -> Observation -> (matching) FieldMatch -> (scoring) Finding -> ScanResult -> reports.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "1.0"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class FieldKind(StrEnum):
    NAME = "name"
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"


class SourceKind(StrEnum):
    """What kind of place the data was seen in; it weighs in the risk score."""

    REGISTRY = "registry"  # professional or trade registers
    SEARCH = "search"  # a search engine result
    PEOPLE_SEARCH = "people_search"  # data brokers: spread and resurface
    DIRECTORY = "directory"  # phone books, business directories
    PRACTICE_SITE = "practice_site"
    REVIEW_SITE = "review_site"
    SOCIAL = "social"
    FORUM = "forum"
    NEWS = "news"
    ARCHIVE = "archive"  # persists after the page is cleaned up
    DOMAIN = "domain"  # WHOIS / RDAP
    CODE_HOSTING = "code_hosting"
    AVATAR = "avatar"
    BREACH = "breach"
    WEB = "web"  # a page of unknown kind


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class RunStatus(StrEnum):
    CHECKED = "checked"  # the source answered in the documented shape
    UNCHECKED = "unchecked"  # it failed: timeout, error, rate limit, changed format, ...
    SKIPPED = "skipped"  # nothing to ask it (no websites, no key-less access, ...)
    DISABLED = "disabled"  # switched off in the config


class Observation(Frozen):
    """One record or page as a stranger sees it: raw strings, nothing normalised."""

    provider: str
    url: str = ""
    title: str = ""
    source_kind: SourceKind = SourceKind.WEB
    names: list[str] = Field(default_factory=list)
    addresses: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    text: str = ""  # visible page text, searched for all four fields
    snippet: str = ""  # a short excerpt to show as evidence
    inspect: bool = False  # a search hit whose page the inspector should read
    seen_at: datetime = Field(default_factory=utc_now)
    site: str = ""  # catalog domain when known, e.g. "detelefoongids.nl"
    extra: dict[str, str] = Field(default_factory=dict)  # source-specific facts (NPI number, ...)
    body_sha256: str = ""  # of the page body as fetched: evidence that it said this


class FieldMatch(Frozen):
    """One profile value seen in an observation, with the reason."""

    field: FieldKind
    label: str  # the profile label: "home", "mobile", ... ("" for names)
    observed: str  # what the page showed
    confidence: float = Field(ge=0.0, le=1.0)
    reason: str  # which parts agreed, in plain words
    private: bool = False  # the profile value is a private one (home, mobile, private email)


class RemovalStep(Frozen):
    action: str
    url: str = ""
    method: str = ""
    needs_id: bool | None = None
    expected_time: str = ""
    source: str = ""  # where the fact comes from


class Finding(Frozen):
    id: str  # stable across scans: hash of where and what, never of values
    observation: Observation
    matches: list[FieldMatch]
    severity: Severity
    score: int = Field(ge=0, le=100)
    rules: list[str] = Field(default_factory=list)  # rule ids that fired
    explanation: str = ""
    work_to_home: bool = False
    steps: list[RemovalStep] = Field(default_factory=list)


def finding_id(url: str, provider: str, matches: list[FieldMatch]) -> str:
    """Same page and same kinds of match -> same id, so scans can be compared."""
    keys = sorted({f"{m.field.value}:{m.label}" for m in matches})
    raw = "|".join([provider, url.strip().rstrip("/").lower(), *keys])
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


class PartReason(StrEnum):
    """Why one part of a source (a page, a query, a lookup) could not be checked."""

    TIMED_OUT = "timed_out"
    HTTP_STATUS = "http_status"
    TOO_LARGE = "too_large"
    REDIRECT_LOOP = "redirect_loop"
    REFUSED_ADDRESS = "refused_address"  # the URL points at a non-public address
    ROBOTS = "robots"  # robots.txt disallows it
    CRAWL_DELAY = "crawl_delay"  # the site asks for more time between requests than allowed
    CONNECTION_FAILED = "connection_failed"
    RATE_LIMITED = "rate_limited"
    NOT_HTML = "not_html"  # a content type the reader cannot read
    UNREADABLE = "unreadable"  # read, but its content could not be parsed
    OVER_BUDGET = "over_budget"  # reading it took more than the per-page time budget
    NOT_MATCHED = "not_matched"  # what it showed could not be compared with the profile
    PAGE_BUDGET = "page_budget"  # more pages found than [scan] max_pages allows
    LEFT_OUT = "left_out"  # planned queries or lookups not made (a limit in the config)
    INTERRUPTED = "interrupted"  # the scan was stopped before this part finished
    ENGINE_FAILED = "engine_failed"  # one back-end of a metasearch failed
    FAILED = "failed"  # anything else; `detail` says what


class UncheckedPart(Frozen):
    """One part of a source that could not be checked: by reason, with the URL when known."""

    reason: PartReason = PartReason.FAILED
    url: str = ""
    title: str = ""  # e.g. the search result's title of the page
    detail: str = ""  # plain words, never a private value

    def __str__(self) -> str:
        where = f"{self.url}: " if self.url else ""
        return where + (self.detail or self.reason.value.replace("_", " "))


class ProviderRun(Frozen):
    provider: str
    title: str = ""
    status: RunStatus
    reason: str = ""  # why unchecked / skipped, in plain words
    observations: int = 0
    duration_s: float = 0.0
    unchecked_parts: list[UncheckedPart] = Field(default_factory=list)

    @field_validator("unchecked_parts", mode="before")
    @classmethod
    def _plain_words(cls, value: object) -> object:
        # Reports of schema 1.0 held sentences; read them as parts with that detail.
        if isinstance(value, list):
            return [{"detail": v} if isinstance(v, str) else v for v in value]
        return value


class LedgerEntry(Frozen):
    """One request sent out: which provider, which host, which profile fields (never values)."""

    provider: str
    host: str
    method: str = "GET"
    fields: list[str] = Field(default_factory=list)
    status: int | None = None
    at: datetime = Field(default_factory=utc_now)


class Person(Frozen):
    """A contact at the person's organisation: public work contact data only."""

    name: str
    role: str = ""
    phone: str = ""
    email: str = ""
    hours: str = ""


class OrganisationContact(Frozen):
    """The organisation a config names (issue 12): who to call, shown in the report."""

    name: str
    contact: Person
    counsellor: Person | None = None  # the confidential counsellor (vertrouwenspersoon)
    hand_in_email: str = ""  # where the anonymous summary may be handed in; never sent
    hand_in_url: str = ""


class ScanResult(Frozen):
    schema_version: str = SCHEMA_VERSION
    tool_version: str
    started_at: datetime
    finished_at: datetime
    partial: bool = False  # interrupted: some sources were not asked
    language: str = "en"
    profile: dict[str, object] = Field(default_factory=dict)  # redacted summary only
    runs: list[ProviderRun] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    ledger: list[LedgerEntry] = Field(default_factory=list)
    score: int = 0
    level: str = ""
    confidence: str = ""  # "complete", "reduced: 2 of 9 sources unchecked", ...
    organisation: OrganisationContact | None = None  # the employer's contact point, if named

    @property
    def unchecked(self) -> list[ProviderRun]:
        return [r for r in self.runs if r.status is RunStatus.UNCHECKED]
