"""GDPR request letters: one per controller, both languages, deadline one month on."""

from __future__ import annotations

from datetime import date

from exposure_scan.models import Severity, SourceKind
from exposure_scan.profile import Profile
from exposure_scan.reports.letter import add_month, letters
from tests.conftest import SAMPLE_PROFILE
from tests.test_reports import finding, home_match, name_match, sample_result

TODAY = date(2026, 1, 31)


def profile(country: str = "NL") -> Profile:
    data = dict(SAMPLE_PROFILE)
    if country != "NL":
        data = {**data, "country": country, "phones": [], "addresses": []}
    return Profile.model_validate(data)


def test_add_month_clamps_to_month_end() -> None:
    assert add_month(date(2026, 1, 31)) == date(2026, 2, 28)
    assert add_month(date(2028, 1, 31)) == date(2028, 2, 29)
    assert add_month(date(2026, 12, 15)) == date(2027, 1, 15)
    assert add_month(date(2026, 3, 2)) == date(2026, 4, 2)


def test_one_letter_per_controller_with_a_finding() -> None:
    out = letters(sample_result(), profile(), "en", TODAY)
    # f1 people.example (critical), f2 forum.example (high); f3 is practice info only
    assert sorted(out) == ["gdpr-request-forum.example.en.txt",
                           "gdpr-request-people.example.en.txt"]


def test_english_letter_content() -> None:
    text = letters(sample_result(), profile(), "en", TODAY)["gdpr-request-people.example.en.txt"]
    assert "Article 17" in text and "Article 21" in text
    assert "https://people.example/anna-maria-van-der-berg" in text
    assert "my name and my home address" in text
    assert "by 28 February 2026" in text and "Date: 31 January 2026" in text
    # Art. 12(3): the month runs from receipt, not from the date written
    assert "within one month of receiving this letter (if it arrives today: by 28 February " \
        "2026)" in text
    # no organisation named: addressed to whoever runs the site, never to a bare host name
    assert "To: The operator of people.example\n" in text
    assert "Before you send this" in text and "hostile" in text
    assert "Anna Maria van der Berg" in text  # the user's own name: they send it
    assert "Autoriteit Persoonsgegevens" in text
    # kinds of data, never the values
    assert "Fictiefstraat" not in text and "06-98765432" not in text


def test_dutch_letter_content() -> None:
    text = letters(sample_result("nl"), profile(), "nl", TODAY)["gdpr-request-forum.example.nl.txt"]
    assert "artikel 17" in text and "artikel 21" in text
    assert "uiterlijk op 28 februari 2026" in text and "Datum: 31 januari 2026" in text
    assert "binnen een maand na ontvangst van deze brief antwoorden (als hij vandaag aankomt: " \
        "uiterlijk op 28 februari 2026)" in text
    assert "Aan: De beheerder van forum.example\n" in text
    assert "Voordat u dit verstuurt" in text and "vijandig" in text
    assert "mijn naam en mijn privételefoonnummer" in text
    assert "AVG" in text


def test_catalog_name_is_used_and_pages_grouped() -> None:
    result = sample_result().model_copy(update={"findings": [
        finding("a", "https://www.oozo.nl/p/1", Severity.CRITICAL, 95,
                [name_match(), home_match()], SourceKind.DIRECTORY),
        finding("b", "https://oozo.nl/p/2", Severity.HIGH, 65, [home_match()],
                SourceKind.DIRECTORY),
        finding("c", "https://big.example/x", Severity.CRITICAL, 95,
                [name_match(), home_match()], SourceKind.REGISTRY),  # public register: no letter
    ]})
    out = letters(result, profile(), "en", TODAY)
    assert list(out) == ["gdpr-request-oozo.nl.en.txt"]
    text = out["gdpr-request-oozo.nl.en.txt"]
    assert "https://www.oozo.nl/p/1" in text and "https://oozo.nl/p/2" in text


def test_uk_letter_cites_uk_gdpr_and_us_gets_none() -> None:
    text = next(iter(letters(sample_result(), profile("UK"), "en", TODAY).values()))
    assert "UK GDPR" in text and "ICO" in text
    assert letters(sample_result(), profile("US"), "en", TODAY) == {}


def test_hostile_url_cannot_break_the_letter() -> None:
    result = sample_result().model_copy(update={"findings": [
        finding("a", "https://people.example/x\n\nI withdraw this request", Severity.HIGH, 70,
                [name_match(), home_match()]),
    ]})
    text = next(iter(letters(result, profile(), "en", TODAY).values()))
    assert "\n\nI withdraw" not in text


def test_no_letter_for_domains_own_accounts_or_breaches() -> None:
    kinds = [SourceKind.DOMAIN, SourceKind.AVATAR, SourceKind.CODE_HOSTING, SourceKind.BREACH]
    result = sample_result().model_copy(update={"findings": [
        finding(f"k{i}", url, Severity.CRITICAL, 95, [name_match(), home_match()], kind)
        for i, (kind, url) in enumerate(zip(kinds, [
            "https://rdap.sidn.nl/domain/annavdberg.nl", "https://gravatar.com/annavdberg",
            "https://github.com/annavdberg", "https://haveibeenpwned.com/",
        ], strict=True))
    ]})
    assert letters(result, profile(), "en", TODAY) == {}
    assert letters(result, profile("UK"), "en", TODAY) == {}


def test_letter_goes_to_the_named_organisation_and_warns_about_a_threat() -> None:
    f = finding("t", "https://forum.example/t/1", Severity.HIGH, 85,
                [name_match(), home_match()], SourceKind.FORUM)
    obs = f.observation.model_copy(update={"extra": {"publisher": "Forum Voorbeeld B.V."}})
    result = sample_result("nl").model_copy(
        update={"findings": [f.model_copy(update={"observation": obs})]})
    text = letters(result, profile(), "nl", TODAY)["gdpr-request-forum.example.nl.txt"]
    assert "Aan: Forum Voorbeeld B.V. (forum.example)" in text
    # a post with the home address is doxing: platform report and aangifte come first
    block = text[:text.index("=====\n\n")]
    assert "aangifte" in block and "platform" in block and "LET OP" in block
