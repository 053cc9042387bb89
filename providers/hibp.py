"""Have I Been Pwned API v3: which data breaches held the person's email addresses.

https://haveibeenpwned.com/API/v3 - a paid key (HIBP_API_KEY, header `hibp-api-key`) is
required, so this provider is off until the key is set. It returns no personal data: only the
breaches that held the address and what leaked (`DataClasses`: e.g. phone numbers, physical
addresses). 404 = in no breach (checked, clear). The rate limit depends on the plan: Pwned 1
is 10 a minute, hence 0.16 requests/s; raise `rate_limit` for a bigger plan.
"""

from __future__ import annotations

from typing import Any, ClassVar
from urllib.parse import quote

from pydantic import Field

from exposure_scan.errors import MissingCredentials, ParseError, ProviderResponseError
from exposure_scan.models import Observation, SourceKind
from exposure_scan.profile import Country
from exposure_scan.provider import Provider, ProviderContext, ProviderOptions, Query, QueryField

BREACH_URL = "https://haveibeenpwned.com/PwnedWebsites#{name}"


class HibpOptions(ProviderOptions):
    include_unverified: bool = Field(default=True, description="also unverified breaches")


def parse_breaches(payload: Any, email: str, provider: str = "hibp") -> list[Observation]:
    """Pure: the breachedaccount answer -> one observation per breach, the email in `emails`."""
    if not isinstance(payload, list):
        raise ParseError("HIBP answer is not a list of breaches")
    out = []
    for breach in payload:
        if not isinstance(breach, dict) or not isinstance(breach.get("Name"), str):
            raise ParseError("HIBP breach without a `Name`")
        classes = breach.get("DataClasses") or []
        if not isinstance(classes, list):
            raise ParseError("HIBP `DataClasses` is not a list")
        name, title = breach["Name"], str(breach.get("Title") or breach["Name"])
        date = str(breach.get("BreachDate") or "")
        leaked = ", ".join(map(str, classes)) or "unknown"
        flags = [f for f, key in (("unverified", "IsVerified"),) if breach.get(key) is False]
        flags += [f for f, key in (("sensitive", "IsSensitive"), ("spam list", "IsSpamList"),
                                   ("fabricated", "IsFabricated")) if breach.get(key)]
        snippet = f"{email} was in the {title} breach ({date or 'date unknown'}): {leaked}."
        if flags:
            snippet += f" ({', '.join(flags)})"
        out.append(Observation(
            provider=provider, url=BREACH_URL.format(name=quote(name)),
            title=f"Data breach: {title}", source_kind=SourceKind.BREACH, emails=[email],
            snippet=snippet, text=snippet,
            extra={"breach": name, "breach_date": date, "data_classes": leaked,
                   "domain": str(breach.get("Domain") or ""),
                   "pwn_count": str(breach.get("PwnCount") or "")},
        ))
    return out


class HibpProvider(Provider[HibpOptions]):
    name: ClassVar[str] = "hibp"
    title: ClassVar[str] = "Have I Been Pwned (data breaches)"
    source_kind = SourceKind.BREACH
    sends = frozenset({QueryField.WORK_EMAIL, QueryField.PRIVATE_EMAIL})
    key_env_var: ClassVar[str | None] = "HIBP_API_KEY"
    key_required: ClassVar[bool] = True  # paid: "needs key" (so off) until HIBP_API_KEY is set
    default_base_url: ClassVar[str] = "https://haveibeenpwned.com/api/v3"
    default_rate_limit: ClassVar[float] = 0.16  # Pwned 1 plan: 10 requests a minute
    docs_url: ClassVar[str] = "https://haveibeenpwned.com/API/v3"
    manual_check: ClassVar[str] = (
        "Type each of your email addresses into the free search on https://haveibeenpwned.com/"
    )
    Options = HibpOptions

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        options = self.options
        if not self.api_key:
            raise MissingCredentials("HIBP needs a paid key: set HIBP_API_KEY")
        # The user-agent header (required by HIBP) is the fetcher's: exposure-scan/<version>.
        headers = {"hibp-api-key": self.api_key}
        params = {"truncateResponse": "false"}
        if not options.include_unverified:
            params["includeUnverified"] = "false"
        out = []
        for email in dict.fromkeys(query.emails):
            url = self.url(f"breachedaccount/{quote(email, safe='')}")
            status, payload = await ctx.get_json(url, params=params, headers=headers,
                                                 fields=[query.email_field(email)])
            if status == 404:
                continue
            if status == 401:
                raise MissingCredentials("HIBP refused HIBP_API_KEY (HTTP 401); check the key")
            if status == 403:
                raise ProviderResponseError("HIBP refused the request (HTTP 403: user agent)")
            if status != 200:
                raise ProviderResponseError(f"HIBP answered HTTP {status}")
            out.extend(parse_breaches(payload, email, self.name))
        return out

    def test_query(self) -> Query:
        """HIBP's documented test account (in one breach), not a person."""
        return Query(country=Country.NL, emails=["account-exists@hibp-integration-tests.com"])
