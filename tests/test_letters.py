"""GDPR request letters: one per controller, both languages, deadline one month on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from exposure_scan.models import ScanResult, Severity, SourceKind
from exposure_scan.output import write_outputs
from exposure_scan.profile import Profile
from exposure_scan.reports.letter import (
    add_month,
    controllers,
    file_name,
    letters,
    registrable_domain,
)
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


# --- one controller per registrable domain; one file per controller ----------------------


def result_with_hosts(*urls: str) -> ScanResult:
    found = [finding(f"f{i}", url, Severity.HIGH, 70, [name_match(), home_match()])
             for i, url in enumerate(urls)]
    return sample_result().model_copy(update={"findings": found})


def test_an_idn_host_and_its_punycode_are_one_controller() -> None:
    result = result_with_hosts("https://bücher.example/p/1", "https://xn--bcher-kva.example/p/2",
                               "https://WWW.BÜCHER.example/p/3", "https://shop.bücher.example/4")
    out = letters(result, profile(), "en", TODAY)
    assert list(out) == ["gdpr-request-xn--bcher-kva.example.en.txt"]
    text = out["gdpr-request-xn--bcher-kva.example.en.txt"]
    for page in ("/p/1", "/p/2", "/p/3", "/4"):
        assert page in text
    assert "To: The operator of bücher.example (xn--bcher-kva.example)" in text


def test_hosts_under_a_public_suffix_are_grouped_by_registrable_domain() -> None:
    result = result_with_hosts("https://people.co.uk/a", "https://m.people.co.uk/b",
                               "https://other.co.uk/c", "https://anna.github.io/d",
                               "https://bob.github.io/e")
    assert sorted(letters(result, profile(), "en", TODAY)) == [
        "gdpr-request-anna.github.io.en.txt", "gdpr-request-bob.github.io.en.txt",
        "gdpr-request-other.co.uk.en.txt", "gdpr-request-people.co.uk.en.txt"]


@pytest.mark.parametrize("hosts", [
    ("a_b.example", "a-b.example"),
    ("bücher.example", "bächer.example"),
    ("a!b.example", "a-b.example"),
    ("A.example", "a.example.", "a.example"),  # one controller, spelled three ways
])
def test_every_controller_gets_its_own_letter(hosts: tuple[str, ...]) -> None:
    result = result_with_hosts(*(f"https://{h}/page" for h in hosts))
    out = letters(result, profile(), "en", TODAY)
    assert len(out) == len(controllers(result))
    assert len(controllers(result)) == len({registrable_domain(h) for h in hosts})
    assert len({name.lower() for name in out}) == len(out)


def test_letters_for_look_alike_names_are_all_written(tmp_path: Path) -> None:
    result = result_with_hosts("https://a_b.example/1", "https://a-b.example/2",
                               "https://bücher.example/3", "https://bächer.example/4")
    paths = write_outputs(result, profile(), tmp_path, ["json"], evidence=None, today=TODAY)
    folder = next(p for p in paths if p.name.startswith("letters-"))
    written = sorted(p.name for p in folder.iterdir())
    assert len(written) == 4, written
    texts = [p.read_text("utf-8") for p in folder.iterdir()]
    for page in ("a_b.example/1", "a-b.example/2", "/3", "/4"):
        assert sum(page in t for t in texts) == 1


def test_file_names_stay_apart_and_short() -> None:
    taken: set[str] = set()
    first = file_name("a!b.example", "en", taken)
    second = file_name("a-b.example", "en", taken)
    assert first != second
    long = "x" * 63 + "." + "y" * 63 + "." + "z" * 63 + ".example"
    assert len(file_name(long, "nl", taken)) < 120
    assert file_name(long, "nl", taken) != file_name(long[1:], "nl", taken)
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
