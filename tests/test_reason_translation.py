"""Match explanations and source statuses read in the report's language: every match part
(models.MatchPart), run reason (models.RunReason) and part reason (models.PartReason) has
Dutch words, and reports translate from the codes, never from an English sentence."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar

import httpx

from exposure_scan.errors import ProviderError, RateLimited
from exposure_scan.matching import Matcher
from exposure_scan.matching.reason import describe
from exposure_scan.models import (
    FieldKind,
    FieldMatch,
    MatchPart,
    Observation,
    PartReason,
    ProviderRun,
    ReasonParams,
    RunReason,
    RunStatus,
    UncheckedPart,
)
from exposure_scan.profile import Profile
from exposure_scan.provider import Provider, ProviderContext, Query
from exposure_scan.reports.i18n import (
    gettext,
    part_text,
    reason_text,
    run_reason_text,
    translations,
)
from exposure_scan.wording import (
    AREA_WORDS,
    ENGINE_WORDS,
    FIELD_WORDS,
    FORM_WORDS,
    GIVEN_UP,
    LEFT_OUT_WORDS,
    PART_LABELS,
    PART_WORDS,
    PRIVATE_ADVICE,
    RUN_WORDS,
    RUN_WORDS_WITH_KIND,
)

CANDIDATES = {
    "name": ["Anna Maria van der Berg", "A.M. van der Berg", "Kuiper, A.", "Berg, A.M. van der",
             "Anna Kuiper-van der Berg"],
    "address": ["Fictiefstraat 7B, 9999 ZZ Voorbeeldstad", "Fictiefstraat 7, Voorbeeldstad",
                "9999ZZ 7B", "Praktijkplein 1, 9998 YY Voorbeeldstad"],
    "phone": ["06-98765432", "+31 (0)591 123456"],
    "email": ["annamaria.berg [at] example [dot] org", "A.VanDerBerg@praktijk-voorbeeld.example"],
}


ENGLISH = re.compile(
    r"\b(same|street|number|surname|given|initials?|mailbox|and|city|typing|shown|found)\b"
)
P = MatchPart
COMBINATIONS = [
    (P.SURNAME, P.GIVEN_NAMES, P.INITIALS),
    (P.PARTNER_SURNAME, P.GIVEN_NAME),
    (P.SURNAME, P.INITIAL),
    (P.PARTNER_SURNAME, P.INITIALS),
    (P.STREET, P.HOUSE_NUMBER, P.ADDITION, P.POSTCODE, P.CITY),
    (P.STREET_TYPO, P.HOUSE_NUMBER, P.CITY_ALIAS, P.UNIT_NOT_SHOWN),
    (P.HOUSE_NUMBER, P.UNIT, P.POSTCODE, P.ADDITION_NOT_SHOWN),
    (P.MAILBOX, P.WRITTEN_OUT, P.PLUS_TAG, P.GMAIL_SPELLING),
    (P.PHONE_NUMBER, P.COUNTRY_AND_NUMBER),
    (P.PHONE_NUMBER, P.NUMBER_IN_TEXT),
]


def _match(parts: tuple[MatchPart, ...]) -> FieldMatch:
    return FieldMatch(field=FieldKind.NAME, label="", observed="x", confidence=0.9,
                      reason=describe(parts), parts=parts)


def test_every_match_part_reads_in_dutch() -> None:
    assert {p for parts in COMBINATIONS for p in parts} == set(MatchPart)
    for parts in COMBINATIONS:
        dutch = reason_text("nl", _match(parts))
        assert dutch and not ENGLISH.search(dutch), (parts, dutch)
        assert reason_text("en", _match(parts)) == describe(parts)


def test_a_result_without_parts_keeps_its_english_reason() -> None:
    old = FieldMatch(field=FieldKind.NAME, label="", observed="x", confidence=0.9,
                     reason="given names and surname agree")
    assert reason_text("nl", old) == "given names and surname agree"


def test_matcher_reasons_translate_without_english_left(profile: Profile) -> None:
    matcher = Matcher(profile)
    hits = []
    for raw in CANDIDATES["name"]:
        hit = matcher.match_name(raw)
        assert hit is not None, raw
        hits.append(hit)
    for field in ("address", "phone", "email"):
        for raw in CANDIDATES[field]:
            found = getattr(matcher, f"match_{field}")(raw)
            assert found, raw
            hits += found
    for hit in hits:
        assert hit.parts and hit.reason == describe(hit.parts)
        dutch = reason_text("nl", hit)
        assert not ENGLISH.search(dutch), (hit.reason, dutch)
        assert reason_text("en", hit) == hit.reason


def _run(code: RunReason, detail: str = "", **params: Any) -> ProviderRun:
    return ProviderRun(provider="x", status=RunStatus.UNCHECKED, reason_code=code,
                       params=ReasonParams(**params) if params else None, detail=detail)


def test_source_status_reasons_read_in_dutch() -> None:
    R = RunReason
    cases = [
        (_run(R.DISABLED), "switched off in the config", "uitgeschakeld in de configuratie"),
        (_run(R.NEEDS_KEY, env_var="KVK_API_KEY"), "needs an API key: set KVK_API_KEY",
         "heeft een API-sleutel nodig: zet KVK_API_KEY"),
        (_run(R.NEEDS_BASE_URL, provider="searxng"),
         "needs a base_url: set [providers.searxng] base_url",
         "heeft een adres nodig: vul base_url in bij [providers.searxng]"),
        (_run(R.OTHER_AREA, area="US"), "covers US only", "alleen voor de Verenigde Staten"),
        (_run(R.OTHER_AREA, area="UK"), "covers UK only", "alleen voor het Verenigd Koninkrijk"),
        (_run(R.OTHER_AREA, area="BE"), "covers BE only", "alleen voor BE"),
        (_run(R.TIMED_OUT, seconds=120.0), "timed out after 120 s", "geen antwoord binnen 120 s"),
        (_run(R.TIMED_OUT, seconds=7.5), "timed out after 7.5 s", "geen antwoord binnen 7.5 s"),
        (_run(R.RATE_LIMITED, "rate limited by api.test (HTTP 429)"),
         "rate limited: rate limited by api.test (HTTP 429)",
         "te veel verzoeken (rate limit): rate limited by api.test (HTTP 429)"),
        (_run(R.FORMAT_CHANGED, kind="KeyError"), "response format changed (KeyError)",
         "antwoord in een onbekende vorm (KeyError)"),
        (_run(R.FORMAT_CHANGED, "no 'items' list"), "response format changed: no 'items' list",
         "antwoord in een onbekende vorm: no 'items' list"),
        (_run(R.SOURCE_ERROR, "connection refused"), "source error: connection refused",
         "fout bij de bron: connection refused"),
        (_run(R.INTERNAL_ERROR, kind="RuntimeError"),
         "internal error in this provider (RuntimeError)",
         "interne fout in deze bron (RuntimeError)"),
    ]
    for run, english, dutch in cases:
        assert run.reason == english  # the stored English is rendered from the code
        assert run_reason_text("en", run) == english
        assert run_reason_text("nl", run) == dutch


def test_a_run_reason_survives_json_and_its_sentence_cannot_drift() -> None:
    run = _run(RunReason.NEEDS_KEY, env_var="BRAVE_API_KEY")
    again = ProviderRun.model_validate_json(run.model_dump_json())
    assert again == run and again.reason_code is RunReason.NEEDS_KEY
    # A hand-edited or stale sentence next to a code is rendered again from the code.
    edited = ProviderRun.model_validate({**run.model_dump(), "reason": "something else"})
    assert edited.reason == "needs an API key: set BRAVE_API_KEY"
    cleared = run.because(None)
    assert cleared.reason == "" and cleared.params is None


def test_a_report_of_schema_1_0_loads_and_shows_its_sentences_as_written() -> None:
    from exposure_scan.models import ScanResult

    old = {
        "schema_version": "1.0", "tool_version": "0.1.0",
        "started_at": "2026-01-01T00:00:00Z", "finished_at": "2026-01-01T00:01:00Z",
        "runs": [{"provider": "big", "status": "unchecked", "reason": "timed out after 30 s",
                  "unchecked_parts": ["not searched: name (2x)"]},
                 {"provider": "kvk", "status": "checked",
                  "unchecked_parts": [{"reason": "left_out",
                                       "detail": "3 planned KvK searches not made"}]}],
    }
    result = ScanResult.model_validate(old)
    big, kvk = result.runs
    assert big.reason_code is None and run_reason_text("nl", big) == "timed out after 30 s"
    assert part_text("nl", big.unchecked_parts[0]) == "not searched: name (2x)"
    assert part_text("nl", kvk.unchecked_parts[0]) == (
        "niet opgezocht (een limiet in de configuratie) (details: 3 planned KvK searches not made)")
    assert result.coverage.unchecked == 1 and result.coverage.partly == 0


def test_every_run_reason_has_english_and_dutch_words() -> None:
    params = {"env_var": "X_KEY", "provider": "x", "area": "NL", "seconds": 5.0, "kind": "E"}
    assert set(RUN_WORDS) == {r.value for r in RunReason}
    for code in RunReason:
        run = _run(code, **params)
        assert run.reason and "{" not in run.reason, code
        assert run_reason_text("nl", run) != run.reason, code


def test_every_part_reason_reads_in_dutch() -> None:
    assert set(PART_LABELS) == {r.value for r in PartReason}
    assert [m for m in PART_LABELS.values() if gettext("nl", m) == m] == []
    part = UncheckedPart(reason=PartReason.NOT_MATCHED, url="https://forum.test/t/1",
                         title="Post")
    assert part_text("nl", part) == (
        "https://forum.test/t/1 (Post): kon niet met uw profiel worden vergeleken")
    sentences = [(code, {"count": 2, "form": "name", "field": "home_address"})
                 for code in PART_WORDS]
    sentences += [(code, {"engine": "bing", "kind": "E", "given_up": True})
                  for code in ENGINE_WORDS]
    for code, values in sentences:
        part = UncheckedPart(reason=PartReason(code), params=ReasonParams(**values))
        assert "{" not in part.text and part_text("nl", part) != part.text, code


def test_every_msgid_of_the_reasons_is_in_the_dutch_catalogue() -> None:
    catalog = translations("nl")
    words = [*RUN_WORDS.values(), *RUN_WORDS_WITH_KIND.values(), *AREA_WORDS.values(),
             *PART_WORDS.values(), *ENGINE_WORDS.values(), *LEFT_OUT_WORDS.values()]
    missing = []
    for w in words:
        if w.many:
            if catalog.ngettext(w.one, w.many, 1) == w.one:
                missing.append(w.one)
            if catalog.ngettext(w.one, w.many, 2) == w.many:
                missing.append(w.many)
        elif catalog.gettext(w.one) == w.one:
            missing.append(w.one)
    plain = [*PART_LABELS.values(), *FORM_WORDS, *FIELD_WORDS.values(), GIVEN_UP, PRIVATE_ADVICE]
    missing += [m for m in plain if catalog.gettext(m) == m]
    assert missing == []


def test_every_search_form_and_withheld_field_has_words() -> None:
    from exposure_scan.providers._search import WITHHELD, Form

    assert {f.value for f in Form} == set(FORM_WORDS)
    assert {f.value for f in WITHHELD} == set(FIELD_WORDS)


def test_every_limit_a_provider_notes_has_words() -> None:
    root = Path(__file__).resolve().parent.parent
    used = {m for path in (root / "providers").glob("*.py")
            for m in re.findall(r'item="(\w+)"', path.read_text("utf-8"))}
    assert used and used <= set(LEFT_OUT_WORDS)
    part = UncheckedPart(reason=PartReason.LEFT_OUT,
                         params=ReasonParams(item="github_users", count=2))
    assert part.text == "2 more GitHub users not read (raise max_users)"
    assert part_text("nl", part) == "nog 2 GitHub-gebruikers niet gelezen (verhoog max_users)"


def test_a_page_detail_without_translation_reads_as_its_kind_in_dutch() -> None:
    # Regression: the inspector's own details ("robots.txt disallows reading it", "timed out
    # after 20 s (host)") were shown untranslated in every Dutch report's coverage table.
    part = UncheckedPart(reason=PartReason.ROBOTS, url="https://forum.test/t/1",
                         detail="robots.txt disallows reading it")
    assert part_text("nl", part).startswith("https://forum.test/t/1: robots.txt staat lezen niet")
    timed = UncheckedPart(reason=PartReason.TIMED_OUT, url="https://a.test/",
                          detail="timed out after 20 s (a.test)")
    assert part_text("nl", timed).startswith("https://a.test/: geen antwoord op tijd")
    assert part_text("en", timed) == "https://a.test/: timed out after 20 s (a.test)"


def test_the_page_budget_note_counts_in_both_languages() -> None:
    one = UncheckedPart(reason=PartReason.PAGE_BUDGET, params=ReasonParams(count=1))
    many = UncheckedPart(reason=PartReason.PAGE_BUDGET, params=ReasonParams(count=12))
    assert one.text.startswith("1 more page found but not read")
    assert many.text == ("12 more pages found but not read: the page budget ([scan] max_pages) "
                         "was used up")
    assert part_text("nl", one).startswith("nog 1 pagina gevonden")
    assert part_text("nl", many).startswith("nog 12 pagina's gevonden")


# No code reads a reason or a message back to decide something: decisions are on codes and
# types. A third-party library's message is the one exception, where it gives no type.
READ_BACK = re.compile(
    r"\.(reason|detail|confidence)\s*\.\s*(startswith|endswith|split|find|index)\b"
    r"|\bin\s+[\w.]*\b(reason|detail|message)\b(?!_)"
    r"|\bin\s+str\((exc|err|error|e)\)"
    r"|\bre\.\w+\([^)]*\b(reason|detail)\b"
)
THIRD_PARTY_MESSAGES = {"providers/ddgs.py": 2}  # ddgs raises DDGSException for every case


def test_no_code_reads_a_reason_or_message_back() -> None:
    root = Path(__file__).resolve().parent.parent
    found: dict[str, int] = {}
    for folder in ("exposure_scan", "providers", "reports"):
        for path in (root / folder).rglob("*.py"):
            name = str(path.relative_to(root))
            if name == "exposure_scan/inputfile.py":
                continue
            hits = len(READ_BACK.findall(path.read_text("utf-8")))
            if hits:
                found[name] = hits
    assert found == THIRD_PARTY_MESSAGES
    i18n = (root / "reports" / "i18n.py").read_text("utf-8")
    assert not re.search(r"^import re\b|^from re\b", i18n, re.M), "translate codes, not text"


def test_the_address_guards_refusal_is_known_by_its_type_not_its_words() -> None:
    import httpcore
    import httpx

    from exposure_scan.errors import RequestRefused
    from exposure_scan.failure import failure_reason

    def wrapped(inner: Exception) -> httpx.ConnectError:
        # As httpcore and httpx wrap what the address guard raises at connect time.
        middle = httpcore.ConnectError("any words")
        middle.__cause__ = inner
        outer = httpx.ConnectError("any words")
        outer.__cause__ = middle
        return outer

    assert failure_reason(wrapped(RequestRefused("refused host.test"))) == (
        "refused: a non-public address")
    # The same words from elsewhere decide nothing.
    assert failure_reason(wrapped(ValueError("it points to a non-public address"))) == (
        "ConnectError")


class _QuotaExceeded(ProviderError):
    reason = "quota exceeded"  # type: ignore[assignment]  # a plugin written before the codes


class _OldPlugin(Provider):
    name: ClassVar[str] = "oldplugin"
    title: ClassVar[str] = "A plugin with a worded reason"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        raise _QuotaExceeded("the daily quota is used up")


class _Refusing(Provider):
    name: ClassVar[str] = "refusing"
    title: ClassVar[str] = "Refuses"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        raise RateLimited("rate limited by api.test (HTTP 429)")


def test_a_scans_runs_carry_codes_and_an_old_plugins_error_still_counts(profile: Profile) -> None:
    from tests.test_scan import run

    result = run(profile, [_OldPlugin, _Refusing], lambda r: httpx.Response(200))
    runs = {r.provider: r for r in result.runs}
    old, refusing = runs["oldplugin"], runs["refusing"]
    assert old.status is RunStatus.UNCHECKED and old.reason_code is RunReason.FAILED
    assert old.reason == "failed: the daily quota is used up"
    assert refusing.reason_code is RunReason.RATE_LIMITED
    assert refusing.detail == "rate limited by api.test (HTTP 429)"
    assert run_reason_text("nl", refusing).startswith("te veel verzoeken (rate limit): ")


def test_two_rounds_of_the_page_reader_keep_the_reason_of_the_worse_one() -> None:
    from exposure_scan.scan import _merge_runs

    def reader(status: RunStatus, code: RunReason | None = None, **params: Any) -> ProviderRun:
        return ProviderRun(provider="inspector", status=status, reason_code=code,
                           params=ReasonParams(**params) if params else None)

    timed = reader(RunStatus.UNCHECKED, RunReason.TIMED_OUT, seconds=60.0)
    stopped = reader(RunStatus.INTERRUPTED, RunReason.INTERRUPTED)
    merged = _merge_runs(timed, stopped)
    assert merged.status is RunStatus.INTERRUPTED and merged.reason_code is RunReason.INTERRUPTED
    assert merged.reason == "scan interrupted while this source was being asked"
    both = _merge_runs(timed, reader(RunStatus.UNCHECKED, RunReason.FORMAT_CHANGED, kind="E"))
    assert both.reason == "timed out after 60 s"
    # Nothing to read after stage 1, pages after stage 2: checked, with no stale reason.
    fine = _merge_runs(reader(RunStatus.SKIPPED, RunReason.NO_PAGES), reader(RunStatus.CHECKED))
    assert fine.status is RunStatus.CHECKED and fine.reason_code is None and fine.reason == ""


def test_every_code_a_provider_or_the_page_reader_notes_in_words_has_dutch_text() -> None:
    # Issue 11: these were English sentences in every Dutch report; now each is a code with
    # its own words in both languages (the technical detail from outside stays as it came).
    P = PartReason
    cases = [
        (UncheckedPart(reason=P.INCOMPLETE, params=ReasonParams(field="name")),
         "the source's search by your name timed out at the source: its results are incomplete",
         "het zoeken op uw naam duurde bij de bron te lang: de resultaten zijn onvolledig"),
        (UncheckedPart(reason=P.INCOMPLETE, params=ReasonParams(field="private_email")),
         "the source's search by your private email address timed out at the source: its "
         "results are incomplete",
         "het zoeken op uw privé-e-mailadres duurde bij de bron te lang: de resultaten zijn "
         "onvolledig"),
        (UncheckedPart(reason=P.NO_SERVER, params=ReasonParams(target="example.zz", suffix="zz")),
         "example.zz: no RDAP server known for .zz",
         "example.zz: geen RDAP-server bekend voor .zz"),
        (UncheckedPart(reason=P.NOT_FOUND, params=ReasonParams(target="/officers/X/appointments")),
         "/officers/X/appointments: not found at the source, though its search listed it",
         "/officers/X/appointments: niet gevonden bij de bron, hoewel de zoekresultaten het "
         "noemden"),
        (UncheckedPart(reason=P.UNREADABLE, params=ReasonParams(kind="ValueError")),
         "could not read the page (ValueError)", "de pagina kon niet worden gelezen (ValueError)"),
        (UncheckedPart(reason=P.NOT_HTML, detail="application/zip"),
         "not a readable page (application/zip)",
         "geen leesbare pagina (details: application/zip)"),
        (UncheckedPart(reason=P.ENGINE_FAILED, params=ReasonParams(engine="google"),
                       detail="timeout"),
         "search engine google failed: timeout", "zoekmachine google mislukte (details: timeout)"),
        (UncheckedPart(reason=P.ENGINE_FAILED, params=ReasonParams(engine="bing", kind="E")),
         "search engine bing failed (E)", "zoekmachine bing mislukte (E)"),
    ]
    for part, english, dutch in cases:
        assert part.text == english
        assert part_text("en", part) == english
        assert part_text("nl", part) == dutch
    for code, dutch in ((RunReason.NONE_READ, "geen van de gevonden pagina's kon worden gelezen"),
                        (RunReason.NO_SERVER, "voor geen van de domeinen is een server bekend "
                         "om ze op te zoeken")):
        run = _run(code)
        assert run.reason and run_reason_text("nl", run) == dutch
    from exposure_scan.wording import ENGINE_WORDS_PLAIN, SEARCHED_WORDS

    catalog = translations("nl")
    new = [*ENGINE_WORDS_PLAIN.values()]
    assert [w.one for w in new if catalog.gettext(w.one) == w.one] == []
    assert [w for w in SEARCHED_WORDS.values() if catalog.gettext(w) == w] == []


def test_no_provider_notes_a_part_in_its_own_english_words() -> None:
    # A part's words come from its code: a provider passes only technical detail from
    # outside (an engine's error, an exception's text) as `detail`, never an f-string of ours.
    root = Path(__file__).resolve().parent.parent
    sources = [*(root / "providers").glob("*.py"), root / "exposure_scan" / "inspector.py"]
    literals = [(path.name, m) for path in sources
                for m in re.findall(r'note_unchecked\(\s*f?"([^"]*)"', path.read_text("utf-8"))]
    # "HTTP {status}" is technical detail; a lower-case word is ours ("results incomplete")
    worded = [f"{name}: {text}" for name, text in literals
              if re.search(r"\b[a-z]{3,}\b", re.sub(r"\{[^}]*\}", "", text))]
    assert literals and worded == []
