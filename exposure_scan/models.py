"""The data that flows through a scan. Frozen, validated, serialisable.

Provider -> Observation -> (matching) FieldMatch -> (scoring) Finding -> ScanResult -> reports.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from exposure_scan.choices import Severity as Severity  # defined without pydantic: the CLI
from exposure_scan.controls import strip_controls, visible_url
from exposure_scan.passage import Passage
from exposure_scan.wording import part_text, run_text

SCHEMA_VERSION = "1.1"  # 1.1: runs and unchecked parts carry reason codes (issue 14)


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


class RunStatus(StrEnum):
    CHECKED = "checked"  # the source answered in the documented shape
    UNCHECKED = "unchecked"  # it failed: timeout, error, rate limit, changed format, ...
    SKIPPED = "skipped"  # nothing to ask it (no websites, another country, ...)
    DISABLED = "disabled"  # switched off in the config
    NOT_CONFIGURED = "not_configured"  # needs a key or base_url the user has not set
    INTERRUPTED = "interrupted"  # Ctrl-C or SIGTERM stopped it; what it found is kept

    @property
    def asked(self) -> bool:
        """Configured to run for this profile: it counts towards coverage."""
        return self in (RunStatus.CHECKED, RunStatus.UNCHECKED, RunStatus.INTERRUPTED)


class Observation(Frozen):
    """One record or page as a stranger sees it: raw strings, nothing normalised."""

    provider: str
    url: str = ""  # where the content was served: the last hop of any redirect
    found_via: str = ""  # the URL that was found, when it redirected to `url`
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
    # Of `text` (UTF-8) when the scan spooled it to disk and let go of it (`text` is then
    # empty): the evidence bundle's page.txt, which hashes to this.
    text_sha256: str = ""

    @field_validator("title", "names", "addresses", "phones", "emails", "text", "snippet")
    @classmethod
    def _no_hidden_controls(cls, value: str | list[str]) -> str | list[str]:
        # Bidi overrides and zero-width characters from pages would disguise what reports show.
        if isinstance(value, str):
            return strip_controls(value)
        return [strip_controls(v) for v in value]

    @field_validator("url", "found_via")
    @classmethod
    def _visible_url(cls, value: str) -> str:
        return visible_url(value)


class MatchPart(StrEnum):
    """Which parts of a profile value agreed with what a page showed. Scoring decides on
    these and reports translate them; FieldMatch.reason is only their English rendering."""

    # names: the surname (or half of a partner-name combination), then the given names
    SURNAME = "surname"
    PARTNER_SURNAME = "partner_surname"
    GIVEN_NAME = "given_name"
    GIVEN_NAMES = "given_names"
    INITIAL = "initial"  # one initial and no given name written out
    INITIALS = "initials"  # several initials, or initials beside a given name written out
    # addresses
    STREET = "street"
    STREET_TYPO = "street_typo"  # the street with one typing error
    HOUSE_NUMBER = "house_number"
    UNIT = "unit"
    ADDITION = "addition"  # a Dutch house-number addition
    POSTCODE = "postcode"
    CITY = "city"
    CITY_ALIAS = "city_alias"
    UNIT_NOT_SHOWN = "unit_not_shown"
    ADDITION_NOT_SHOWN = "addition_not_shown"
    # email addresses
    MAILBOX = "mailbox"
    WRITTEN_OUT = "written_out"  # written out or obfuscated ("name at example dot com")
    PLUS_TAG = "plus_tag"  # a +tag ignored
    GMAIL_SPELLING = "gmail_spelling"
    # phone numbers
    PHONE_NUMBER = "phone_number"
    COUNTRY_AND_NUMBER = "country_and_number"  # a whole field: country code and number
    NUMBER_IN_TEXT = "number_in_text"  # found in running text


class FieldMatch(Frozen):
    """One profile value seen in an observation, with the parts that agreed."""

    field: FieldKind
    label: str  # the profile label: "home", "mobile", ... ("" for names)
    observed: str  # what the page showed
    confidence: float = Field(ge=0.0, le=1.0)
    reason: str  # the parts in plain English (older results have only this)
    parts: tuple[MatchPart, ...] = ()
    private: bool = False  # the profile value is a private one (home, mobile, private email)


class RemovalStep(Frozen):
    action: str
    title: str = ""  # the step in a few words
    url: str = ""
    method: str = ""
    needs_id: bool | None = None
    expected_time: str = ""
    source: str = ""  # where the fact comes from


class PlanPhase(StrEnum):
    """Where a step stands in the handelingskader doxing's order: acting on an incident
    (evidence, platform, police, employer), removing the data, and aftercare."""

    ACTING = "acting"
    REMOVAL = "removal"
    AFTERCARE = "aftercare"


class PlanItem(Frozen):
    """One step of the action plan: done once, for every finding listed. A per-site step
    names its site in `hosts`; a step for the whole report lists every page in `urls`."""

    step: RemovalStep
    rule: str = ""  # the step's id in removal-steps.toml (for machines, not shown to readers)
    phase: PlanPhase = PlanPhase.REMOVAL
    per_site: bool = False
    hosts: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)
    finding_ids: list[str] = Field(default_factory=list)
    threat: bool = False  # part of the answer to a threat (intimidation, or a doxing post)
    risk: int = Field(default=0, ge=0)  # the share of risk this step takes away


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
    # The JSON report keeps these words around each matched value instead of the page's
    # text (which only the evidence bundle keeps): a report stays small at 1,000 pages.
    passages: list[Passage] = Field(default_factory=list)
    # threat.threatens, decided while the page's text was at hand (None: decide from what
    # the finding keeps); the scan does not keep a page's text in memory.
    threat: bool | None = None


class Relation(StrEnum):
    """How a household member is related to the person (issue 16)."""

    PARTNER = "partner"
    CHILD = "child"
    OTHER = "other"


class HouseholdTie(StrEnum):
    """What links a household member's page to the clinician (issue 16)."""

    HOME_ADDRESS = "home_address"  # the member is shown with the clinician's home address
    NAMED_WITH_CLINICIAN = "named_with_clinician"  # "her husband Mark": named next to them
    SAME_PAGE = "same_page"  # on a page with the home address or the clinician, not next to it
    OWN_DETAILS = "own_details"  # the member's own private phone or email, no tie


class HouseholdFinding(Frozen):
    """A page about a household member: their own finding, never in the clinician's score.
    The member is named by relation and place in the profile, never by a value."""

    id: str
    member: int = Field(ge=0)  # index in the profile's [[household]]
    relation: Relation
    observation: Observation
    matches: list[FieldMatch]  # the member's values the page showed
    ties: list[HouseholdTie] = Field(default_factory=list)
    severity: Severity
    steps: list[RemovalStep] = Field(default_factory=list)  # asked for in the member's name


def finding_id(url: str, provider: str, matches: list[FieldMatch]) -> str:
    """Same page and same kinds of match -> same id, so scans can be compared."""
    keys = sorted({f"{m.field.value}:{m.label}" for m in matches})
    raw = "|".join([provider, canonical_url(url), *keys])
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|msclkid|mc_cid|mc_eid|ref_src)$", re.I)


def canonical_url(url: str) -> str:
    """One page however it was linked, for the finding id: http or https, "www.", a default
    port, tracking parameters, parameter order and a trailing slash do not count. The
    fragment does (some registers name an entry by it)."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text.rstrip("/").lower()
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return text.rstrip("/").lower()
    host = parts.hostname.lower().removeprefix("www.")
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)
        )
    )
    path = parts.path.rstrip("/")
    return (netloc + path + (f"?{query}" if query else "") + (
        f"#{parts.fragment}" if parts.fragment else ""
    )).lower()


class PartReason(StrEnum):
    """Why one part of a source (a page, a query, a lookup) could not be checked. The words
    for each are in exposure_scan.wording; reports translate the code, never a sentence."""

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
    PARTLY_READ = "partly_read"  # read, but only in part (nested too deep, text too long)
    NOT_MATCHED = "not_matched"  # what it showed could not be compared with the profile
    PAGE_BUDGET = "page_budget"  # more pages found than [scan] max_pages allows (count)
    LEFT_OUT = "left_out"  # planned queries or lookups not made (a limit in the config)
    QUERIES_LEFT_OUT = "queries_left_out"  # planned web searches not made: max_queries (count)
    NOT_SEARCHED = "not_searched"  # one kind of web search left out (form, count)
    PRIVATE_NOT_SENT = "private_not_sent"  # a private value held back without consent (field)
    UNANSWERED = "unanswered"  # searches no search engine answered with results (count)
    INTERRUPTED = "interrupted"  # the scan was stopped before this part finished
    ENGINE_FAILED = "engine_failed"  # one back-end of a metasearch failed
    INCOMPLETE = "incomplete"  # the source cut its search short (params.field: searched by)
    NO_SERVER = "no_server"  # no server known for it (params.target, params.suffix: RDAP)
    ODD_RESULTS = "odd_results"  # answer results in a shape not understood, left out (count)
    NOT_FOUND = "not_found"  # a record the source itself listed was not found (params.target)
    FAILED = "failed"  # anything else; `detail` says what

    @property
    def by_choice(self) -> bool:
        """Left out by a limit in the config or the consent setting: the user's choice, not
        a part that failed."""
        return self in _BY_CHOICE


_BY_CHOICE = frozenset(
    {
        PartReason.LEFT_OUT,
        PartReason.QUERIES_LEFT_OUT,
        PartReason.NOT_SEARCHED,
        PartReason.PRIVATE_NOT_SENT,
    }
)


class RunReason(StrEnum):
    """Why a source was not run, not checked, or stopped. ProviderRun.reason is only its
    English rendering (exposure_scan.wording); reports translate the code."""

    DISABLED = "disabled"  # switched off in the config
    NOT_SELECTED = "not_selected"  # --only / --skip left it out of this run
    STANDBY = "standby"  # a fallback web search: another web search is configured
    NEEDS_KEY = "needs_key"  # params.env_var
    NEEDS_BASE_URL = "needs_base_url"  # params.provider
    NOTHING_TO_LOOK_UP = "nothing_to_look_up"  # no profile value this source can use
    OTHER_AREA = "other_area"  # params.area: the source covers another country only
    NO_PAGES = "no_pages"  # the page reader: no pages were found to read
    INTERRUPTED_BEFORE = "interrupted_before"  # stopped before this source was asked
    INTERRUPTED = "interrupted"  # stopped while this source was being asked
    TIMED_OUT = "timed_out"  # params.seconds
    FORMAT_CHANGED = "format_changed"  # params.kind (a parser's exception), or detail
    INTERNAL_ERROR = "internal_error"  # params.kind: a bug in the provider
    SOURCE_ERROR = "source_error"  # detail: the failure in fixed words or the source's message
    RATE_LIMITED = "rate_limited"
    REQUEST_REFUSED = "request_refused"  # a non-public address, or robots.txt
    MISSING_KEY = "missing_key"  # the source refused or missed its API key
    NONE_READ = "none_read"  # the page reader: none of the pages found could be read
    ENGINES_FAILED = "engines_failed"  # a metasearch: every engine of the instance failed
    NO_ENGINE_REACHED = "no_engine_reached"  # no search engine could be connected to
    ENGINES_RATE_LIMITED = "engines_rate_limited"  # every engine rate-limited or failed
    NO_ENGINE_ANSWERED = "no_engine_answered"  # no engine answered any search with results
    NO_SERVER = "no_server"  # no server known for any of the names to look up (RDAP)
    FAILED = "failed"  # anything else; detail says what


class ReasonParams(Frozen):
    """The values a reason's words name: only those its code needs are set, never a private
    value (a field is named by its kind)."""

    count: int | None = None
    seconds: float | None = None
    env_var: str = ""
    provider: str = ""  # a provider's name, for its config table
    area: str = ""  # a jurisdiction: NL, UK, US, ...
    kind: str = ""  # an exception's type name
    engine: str = ""  # one back-end of a metasearch
    form: str = ""  # a kind of planned web search (providers._search.Form)
    field: str = ""  # a private profile field held back (provider.QueryField)
    item: str = ""  # what a limit left out: a key of exposure_scan.wording.LEFT_OUT_WORDS
    target: str = ""  # what the part is about, as the source names it: a domain, a record path
    suffix: str = ""  # a domain ending (RDAP: no server known for it)
    given_up: bool = False  # the engine is not asked again in this scan
    advice: bool = False  # how to allow it follows (said once per source)

    def values(self) -> dict[str, object]:
        return self.model_dump(exclude_defaults=True)


def _param_values(params: object) -> dict[str, object]:
    if isinstance(params, ReasonParams):
        return params.values()
    if isinstance(params, dict):
        return ReasonParams.model_validate(params).values()
    return {}


class UncheckedPart(Frozen):
    """One part of a source that could not be checked: by reason, with the URL when known."""

    reason: PartReason = PartReason.FAILED
    url: str = ""
    title: str = ""  # e.g. the search result's title of the page
    params: ReasonParams | None = None  # what the reason's words name (a count, an engine)
    detail: str = ""  # technical detail from outside (HTTP status, host); never a private value

    @field_validator("title", "detail")
    @classmethod
    def _no_hidden_controls(cls, value: str) -> str:
        return strip_controls(value)  # a search result's title is page text too

    @field_validator("url")
    @classmethod
    def _visible_url(cls, value: str) -> str:
        return visible_url(value)

    @property
    def text(self) -> str:
        """Why, in English (reports translate from the code)."""
        params = self.params.values() if self.params else None
        return part_text(self.reason.value, params, self.detail)

    def __str__(self) -> str:
        where = f"{self.url}: " if self.url else ""
        return where + self.text


class ProviderRun(Frozen):
    provider: str
    title: str = ""
    status: RunStatus
    reason_code: RunReason | None = None  # why unchecked / skipped; decide on this
    params: ReasonParams | None = None  # what the reason's words name
    detail: str = ""  # the source's own message, kept as it said it (never translated)
    reason: str = ""  # the English rendering of the above; older reports have only this
    observations: int = 0
    duration_s: float = 0.0
    unchecked_parts: list[UncheckedPart] = Field(default_factory=list)
    web_search: bool = False  # a search of the open web (not a register or one site)
    manual_check: str = ""  # when not configured: how to check this source by hand

    @model_validator(mode="before")
    @classmethod
    def _english_reason(cls, data: Any) -> Any:
        # The sentence is always derived from the code: it can never say something else.
        if isinstance(data, dict) and data.get("reason_code"):
            code = RunReason(data["reason_code"])
            detail = strip_controls(str(data.get("detail") or ""))
            words = run_text(code.value, _param_values(data.get("params")), detail)
            data = {**data, "detail": detail, "reason": words}
        return data

    @field_validator("detail")
    @classmethod
    def _no_hidden_controls(cls, value: str) -> str:
        return strip_controls(value)  # a source's message may quote what it was sent

    @field_validator("unchecked_parts", mode="before")
    @classmethod
    def _plain_words(cls, value: object) -> object:
        # Reports of schema 1.0 held sentences; read them as parts with that detail.
        if isinstance(value, list):
            return [{"detail": v} if isinstance(v, str) else v for v in value]
        return value

    def because(
        self, code: RunReason | None, params: ReasonParams | None = None, detail: str = ""
    ) -> ProviderRun:
        """This run with another reason (model_copy would leave the English one stale)."""
        return ProviderRun.model_validate(
            {**dict(self), "reason_code": code, "params": params, "detail": detail, "reason": ""}
        )


class LedgerEntry(Frozen):
    """One request sent out: which provider, which host, which profile fields (never values)."""

    provider: str
    host: str
    method: str = "GET"
    fields: list[str] = Field(default_factory=list)
    status: int | None = None
    at: datetime = Field(default_factory=utc_now)


class CoverageState(StrEnum):
    COMPLETE = "complete"  # every source asked was checked in full
    REDUCED = "reduced"  # some were not, or only partly
    NONE = "none"  # no source could be checked


class WebSearch(StrEnum):
    """Whether the open web (forums, people-search sites, ...) was searched at all."""

    SEARCHED = "searched"  # at least one web search ran to the end
    FAILED = "failed"  # one was asked, but none finished
    NOT_SET_UP = "not_set_up"  # none was configured or switched on


class Coverage(Frozen):
    """How much of the picture the scan saw. Computed once from the runs; the score, the
    exit code and every renderer read it, so they never disagree."""

    state: CoverageState = CoverageState.NONE
    asked: int = 0  # sources configured to run for this profile
    unchecked: int = 0  # of those, how many did not finish (failed or interrupted)
    interrupted: int = 0  # of `unchecked`, stopped by Ctrl-C or SIGTERM
    partly: int = 0  # finished, but some parts (pages, queries) were not checked
    not_configured: int = 0  # need a key the user has not set: not counted as unchecked
    web: WebSearch = WebSearch.NOT_SET_UP

    @property
    def web_searched(self) -> bool:
        return self.web is WebSearch.SEARCHED

    @classmethod
    def of(cls, runs: Iterable[ProviderRun]) -> Coverage:
        runs = list(runs)
        asked = [r for r in runs if r.status.asked]
        unchecked = [r for r in asked if r.status is not RunStatus.CHECKED]
        # A query the config or the consent setting left out is the user's choice, not a
        # source that did not finish: it is listed in the coverage section, not counted here.
        partly = [
            r
            for r in asked
            if r.status is RunStatus.CHECKED
            and any(not p.reason.by_choice for p in r.unchecked_parts)
        ]
        if not asked or len(unchecked) == len(asked):
            state = CoverageState.NONE
        elif unchecked or partly:
            state = CoverageState.REDUCED
        else:
            state = CoverageState.COMPLETE
        searches = [r for r in asked if r.web_search]
        if any(r.status is RunStatus.CHECKED for r in searches):
            web = WebSearch.SEARCHED
        else:  # a web search that ran but did not finish has not searched the web either
            web = WebSearch.FAILED if searches else WebSearch.NOT_SET_UP
        return cls(
            state=state,
            asked=len(asked),
            unchecked=len(unchecked),
            interrupted=sum(1 for r in asked if r.status is RunStatus.INTERRUPTED),
            partly=len(partly),
            not_configured=sum(1 for r in runs if r.status is RunStatus.NOT_CONFIGURED),
            web=web,
        )


class ChangeKind(StrEnum):
    """How a finding compares with the previous scan of the same profile."""

    NEW = "new"  # not seen in the previous scan
    GONE = "gone"  # seen last time, its source checked now, not found
    STILL = "still"  # seen last time and now
    BACK = "back"  # seen before, missing from the previous scan, seen again now
    NOT_RECHECKED = "not_rechecked"  # seen last time; its source was not checked now


class MarkStatus(StrEnum):
    """What the user said about a finding with `exposure-scan mark`."""

    REQUESTED = "requested"  # removal asked for: the deadline clock runs
    NOT_ME = "not_me"  # another person: left out of the score and --fail-on
    IGNORED = "ignored"  # known and accepted: left out of the score and --fail-on


class Mark(Frozen):
    status: MarkStatus
    on: date  # the day the request was sent, or the day of the mark
    note: str = ""
    deadline: date | None = None  # requested: one month after `on` (GDPR art. 12(3))
    removed_on: date | None = None  # requested, and a later scan no longer found it
    overdue: bool = False  # requested, past the deadline, still there


class ChangedFinding(Frozen):
    """A finding as the history knows it: where and which kinds of field, never the values."""

    id: str
    change: ChangeKind
    provider: str
    url: str = ""
    fields: list[str] = Field(default_factory=list)  # "address:home", "phone:mobile", "name:"
    severity: Severity
    first_seen: datetime | None = None
    mark: Mark | None = None
    member: int | None = None  # a household member's finding (index in [[household]])
    relation: Relation | None = None  # that member's relation; never their name


class TrendPoint(Frozen):
    at: datetime
    score: int
    urgent: int  # high and critical findings


class Changes(Frozen):
    """This scan compared with the previous one of the same profile (exposure_scan.changes)."""

    previous_at: datetime | None = None  # None: the first scan in the history
    findings: list[ChangedFinding] = Field(default_factory=list)
    set_aside: list[ChangedFinding] = Field(default_factory=list)  # marked not-me / ignored
    marks: list[ChangedFinding] = Field(default_factory=list)  # every requested removal
    trend: list[TrendPoint] = Field(default_factory=list)  # oldest first, this scan last
    # household members' findings compared on their own (marks included): never in the
    # person's own counts, score, trend or plan
    household: list[ChangedFinding] = Field(default_factory=list)

    def of(self, kind: ChangeKind) -> list[ChangedFinding]:
        return [f for f in self.findings if f.change is kind]


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
    confidence: str = ""  # "complete", "reduced: 2 of 9 sources unchecked", ... (for people)
    coverage: Coverage = Field(default_factory=Coverage)  # the same, typed: decide on this
    plan: list[PlanItem] = Field(default_factory=list)  # removal.build_plan: every step, once
    organisation: OrganisationContact | None = None  # the employer's contact point, if named
    changes: Changes | None = None  # with a scan history: what changed since the last scan
    household: list[HouseholdFinding] = Field(default_factory=list)  # members' own findings

    @model_validator(mode="before")
    @classmethod
    def _coverage_from_runs(cls, data: Any) -> Any:
        # Reports written before `coverage` existed: count it from their runs.
        if isinstance(data, dict) and "coverage" not in data:
            runs = [ProviderRun.model_validate(r) for r in data.get("runs") or []]
            data = {**data, "coverage": Coverage.of(runs)}
        return data

    @property
    def unchecked(self) -> list[ProviderRun]:
        return [r for r in self.runs if r.status in (RunStatus.UNCHECKED, RunStatus.INTERRUPTED)]

