"""Every removal step cites a source the project can stand behind: one the reference
(removal-knowledge.md, copied into tests/fixtures/reference) names, or one on the short list
below, each with where it was checked. No URL is made up."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from exposure_scan.removal import step_book

REFERENCE = Path(__file__).parent / "fixtures" / "reference" / "removal-knowledge.md"

# Sources the reference does not name, each checked with the project's search tool.
VERIFIED_ELSEWHERE = {
    # pages corpus, 2026-12-06: the AP's national page on the BRP ("geheimhoudingsrecht");
    # no Rijksoverheid page on BRP secrecy could be verified, so this replaces one municipality's.
    "https://autoriteitpersoonsgegevens.nl/nl/onderwerpen/gemeente/basisregistratie-personen-brp",
    # pages corpus, 2026-12-06: the ICO's complaint service (/make-a-complaint/data-protection-
    # complaints and its sub-pages).
    "https://ico.org.uk/make-a-complaint/",
    # docs corpus, 2026-12-06: the pypi pages of the haveibeenpwned client link this site.
    "https://haveibeenpwned.com/",
    # pages corpus, 2026-12-06: "SIDN and privacy" (the .nl registry's opt-out for registrants).
    "https://www.sidn.nl/en/nl-domain-name/sidn-and-privacy",
}


def cited(url: str, reference: str) -> bool:
    """The reference cites pages as `host/path` or as a host with the page's last path part
    in brackets (`autoriteitpersoonsgegevens.nl (... recht-op-vergetelheid)`)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    if not host or host not in reference:
        return False
    return not path or (host + path).lower() in reference or \
        path.rsplit("/", 1)[-1].lower() in reference


def sources() -> list[tuple[str, str]]:
    return [(rule.id, rule.source) for rule in step_book().step]


@pytest.mark.parametrize(("rule", "source"), sources())
def test_every_step_source_is_in_the_reference_or_verified(rule: str, source: str) -> None:
    reference = REFERENCE.read_text("utf-8").lower()
    assert source in VERIFIED_ELSEWHERE or cited(source, reference), (rule, source)


def test_the_allow_list_holds_only_sources_in_use() -> None:
    assert VERIFIED_ELSEWHERE <= {source for _, source in sources()}


def test_brp_secrecy_names_no_municipality_as_the_users() -> None:
    brp = next(rule for rule in step_book().step if rule.id == "brp-secrecy")
    assert "your own municipality" in brp.action
    host = urlsplit(brp.source).hostname or ""
    assert not host.endswith(("zwartewaterland.nl", "valkenburg.nl", "zoetermeer.nl"))


def test_a_made_up_source_fails_the_check() -> None:
    reference = REFERENCE.read_text("utf-8").lower()
    assert not cited("https://www.rijksoverheid.nl/made-up-page", reference)
    assert not cited("https://invented.example/", reference)
    assert cited("https://www.helpwanted.nl/", reference)
