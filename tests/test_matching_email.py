"""Email matching, rule by rule (MATCHING.md, "Email"). Mailboxes and people invented."""

from __future__ import annotations

import pytest

from tests.matching_factory import email_labels, matcher

DUTCH = matcher(
    phones={"mobile": "06-21436587", "practice": "+31 50 1234567"},
    emails={
        "private": "jan.devries@example.nl",
        "work": "Praktijk.Noord@huisarts-noord.nl",
        "gmail": "jp.devries@gmail.com",
    },
)


class TestEmails:
    @pytest.mark.parametrize(
        "raw",
        [
            "jan.devries@example.nl",
            "JAN.DEVRIES@EXAMPLE.NL",
            "mailto:jan.devries@example.nl",
            "jan.devries [at] example [dot] nl",
            "jan.devries(at)example(dot)nl",
            "jan.devries at example dot nl",
            "jan punt devries apenstaartje example punt nl",
            "jan.devries+nieuwsbrief@example.nl",
            "<mailto:Jan.DeVries@example.nl?subject=Hoi>",
            "jan.devries{at}example.nl",
        ],
    )
    def test_same_mailbox(self, raw: str) -> None:
        assert email_labels(DUTCH, raw) == ["private"]

    @pytest.mark.parametrize(
        "raw",
        [
            "jandevries@example.nl",
            "jan.devries@example.com",
            "jan.devries@example.be",
            "jan.devries@example.nl.evil.com",
            "xjan.devries@example.nl",
            "jan.de.vries@example.nl",
            "jan.devries@mail.example.nl",
        ],
    )
    def test_another_mailbox(self, raw: str) -> None:
        assert email_labels(DUTCH, raw) == []

    def test_gmail_ignores_dots_and_knows_googlemail(self) -> None:
        for raw in [
            "jpdevries@gmail.com",
            "j.p.de.vries@gmail.com",
            "JP.DeVries@googlemail.com",
            "jp.devries+tag@gmail.com",
        ]:
            assert email_labels(DUTCH, raw) == ["gmail"], raw
        assert email_labels(DUTCH, "jp.devries@gmail.nl") == []
        assert email_labels(DUTCH, "jpdevries@example.nl") == []

    def test_email_in_text(self) -> None:
        text = "Contact: praktijk.noord [at] huisarts-noord [dot] nl of jpdevries@googlemail.com."
        found = sorted(f.label for f in DUTCH.match_text(text) if f.field.value == "email")
        assert found == ["gmail", "work"]
        written = "mail jan punt devries apenstaartje example punt nl voor vragen"
        assert [f.label for f in DUTCH.match_text(written)] == ["private"]
        assert not DUTCH.match_text("Mail xjan.devries@example.nl.com voor vragen")
