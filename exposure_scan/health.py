"""`providers check`: ask every ready provider its documented, fictional test query once.

Per provider it reports whether the source answered at all (reachable), whether it accepted
the key (authenticated: None when no key is involved or it cannot be told), and whether the
answer had the documented shape (parses: None when there was no answer to judge). It never
raises: an offline machine gives a list of unreachable providers.
"""

from __future__ import annotations

import asyncio

import httpx
from pydantic import BaseModel, ConfigDict, Field

from exposure_scan.config import Config
from exposure_scan.errors import (
    MissingCredentials,
    ParseError,
    ProviderError,
    ProviderResponseError,
    RateLimited,
    RequestRefused,
)
from exposure_scan.failure import failure_reason
from exposure_scan.http import Fetcher, build_client
from exposure_scan.messages import say, say_n
from exposure_scan.models import UncheckedPart
from exposure_scan.provider import PAGE_READER_STAGE, Provider, ProviderContext
from exposure_scan.registry import Configured, Readiness
from exposure_scan.wording import run_text


class Said(BaseModel):
    """A check's detail as words to translate: an English msgid (exposure_scan.messages) and
    its values, or a run reason's code with the source's own message; then the parts that
    went unchecked. The source's message and a failure's fixed words stay as they are."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    msgid: str = ""
    plural: str = ""  # with `n`: the plural msgid
    n: int = 0
    values: dict[str, str] = Field(default_factory=dict)
    code: str = ""  # a models.RunReason value; values["detail"] follows it
    parts: list[UncheckedPart] = Field(default_factory=list)

    def text(self, lang: str) -> str:
        english = lang == "en"
        if self.code:
            catalog = None
            if not english:
                from exposure_scan.reports.i18n import translations
                catalog = translations(lang)
            values = dict(self.values)
            words = run_text(self.code, detail=values.pop("detail", ""), catalog=catalog)
            # with a msgid, the reason's words are its detail ("unreachable: ...")
            text = say(lang, self.msgid, {**values, "detail": words}) if self.msgid else words
        elif self.plural:
            text = say_n(lang, self.msgid, self.plural, self.n, self.values)
        else:
            text = say(lang, self.msgid, self.values)
        if self.parts:
            if english:
                shown = [str(p) for p in self.parts]
            else:
                from exposure_scan.reports.i18n import part_text
                shown = [part_text(lang, p) for p in self.parts]
            text += say(lang, "; not checked: %(parts)s", {"parts": "; ".join(shown)})
        return text


class HealthResult(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    provider: str
    reachable: bool
    authenticated: bool | None = None
    parses: bool | None = None
    detail: str = ""  # in English: the JSON output and the log
    said: Said | None = Field(default=None, exclude=True)  # the same, to translate

    def text(self, lang: str) -> str:
        """The detail in `lang`."""
        return self.said.text(lang) if self.said is not None else self.detail


def _said(msgid: str, **values: object) -> Said:
    """The msgid and its values; an error raised without a message (its code says what it
    is) gives its reason's words as the detail, in the language they are read in."""
    detail = values.get("detail")
    if isinstance(detail, ProviderError) and not str(detail):
        rest = {k: str(v) for k, v in values.items() if k != "detail"}
        return Said(msgid=msgid, values=rest, code=str(detail.reason))
    return Said(msgid=msgid, values={k: str(v) for k, v in values.items()})


def _transport_failure(exc: BaseException) -> bool:
    """True when the request never got an HTTP answer (connection, DNS, timeout)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, (httpx.TransportError, OSError)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def classify(exc: Exception, keyed: bool | None) -> tuple[bool, Said, bool | None, bool | None]:
    """An exception from a provider -> (reachable, detail, authenticated, parses)."""
    if isinstance(exc, MissingCredentials):
        return True, _said("key refused: %(detail)s", detail=exc), False, None
    if isinstance(exc, RateLimited):
        return True, _said("rate limited: %(detail)s", detail=exc), None, None
    if isinstance(exc, ParseError):
        return True, _said("response format changed: %(detail)s", detail=exc), keyed, False
    if isinstance(exc, RequestRefused):
        return False, _said("request refused: %(detail)s", detail=exc), None, None
    if isinstance(exc, ProviderResponseError) and _transport_failure(exc):
        return False, _said("unreachable: %(detail)s", detail=exc), None, None
    if isinstance(exc, ProviderError):
        return True, Said(code=str(exc.reason), values={"detail": str(exc)}), keyed, None
    if isinstance(exc, httpx.HTTPError):
        return False, _said("unreachable: %(detail)s", detail=failure_reason(exc)), None, None
    if isinstance(exc, (ValueError, KeyError, TypeError, AttributeError, IndexError)):
        kind = type(exc).__name__
        return True, _said("response format changed (%(kind)s)", kind=kind), keyed, False
    said = _said("unexpected error: %(kind)s: %(detail)s", kind=type(exc).__name__, detail=exc)
    return False, said, None, None


def _result(name: str, reachable: bool, said: Said, **checks: bool | None) -> HealthResult:
    return HealthResult(provider=name, reachable=reachable, detail=said.text("en"), said=said,
                        **checks)


async def check_provider(
    provider: Provider, fetcher: Fetcher, timeout: float = 60.0
) -> HealthResult:
    """Run one provider's test query; classify the outcome. Never raises."""
    name = type(provider).name
    keyed = True if provider.api_key else None
    before = sum(1 for e in fetcher.ledger if e.provider == name)
    ctx = ProviderContext(provider, fetcher)
    try:
        async with asyncio.timeout(timeout):
            observations = await provider.search(provider.test_query(), ctx)
    except TimeoutError:
        return _result(name, False, _said("no answer within %(seconds)s s",
                                          seconds=f"{timeout:g}"))
    except Exception as exc:  # a broken plug-in must not break the check of the others
        reachable, said, authenticated, parses = classify(exc, keyed)
        return _result(name, reachable, said, authenticated=authenticated, parses=parses)
    if sum(1 for e in fetcher.ledger if e.provider == name) == before:
        return _result(name, False, _said("not checked: its test query sent no request"))
    said = Said(msgid="ok: %(n)s result for the test query",
                plural="ok: %(n)s results for the test query", n=len(observations),
                parts=list(ctx.unchecked_parts))
    return _result(name, True, said, authenticated=keyed, parses=True)


async def check_providers(
    configured: list[Configured], fetcher: Fetcher, *, timeout: float = 60.0
) -> list[HealthResult]:
    """Every ready provider (not the page inspector) once, concurrently; in the given order."""
    ready = [
        c.instance
        for c in configured
        if c.readiness is Readiness.READY
        and c.instance is not None
        and c.cls.stage != PAGE_READER_STAGE
    ]
    return list(await asyncio.gather(*(check_provider(p, fetcher, timeout) for p in ready)))


async def run_checks(
    configured: list[Configured],
    config: Config,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> list[HealthResult]:
    """`providers check`: one shared client, the same guard and spacing as a scan."""
    async with build_client(config.http, transport) as client:
        fetcher = Fetcher(client, config.http, rates={c.cls.name: c.rate_limit for c in configured})
        return await check_providers(configured, fetcher, timeout=config.scan.provider_timeout)
