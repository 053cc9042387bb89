"""Is an observed email address one of the profile's mailboxes?

Case-insensitive; mailto: and obfuscations ([at], (at), [dot], words in English or Dutch:
"jan at example dot nl", "jan punt devries apenstaartje gmail punt com") undone; +tag
sub-addressing removed; for Gmail, dots in the local part are ignored and googlemail.com is
gmail.com. Elsewhere dots are significant and another domain is another mailbox.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from exposure_scan.matching.normalise import fold
from exposure_scan.matching.pagetext import PageText
from exposure_scan.matching.reason import describe
from exposure_scan.models import FieldKind, FieldMatch, MatchPart
from exposure_scan.profile import Email

_OPEN, _CLOSE = r"[\[\(\{<]", r"[\]\)\}>]"
AT = rf"(?:\s*@\s*|\s*{_OPEN}\s*(?:at|apenstaartje|@)\s*{_CLOSE}\s*|\s+(?:at|apenstaartje)\s+)"
DOT = rf"(?:\s*{_OPEN}\s*(?:dot|punt|\.)\s*{_CLOSE}\s*|\s+(?:dot|punt)\s+|\.)"
_AT = re.compile(AT)
_DOT = re.compile(DOT)
_LABEL = re.compile(r"^\s*(?:e-?mail|mail|email address|e-mailadres)\s*:\s*")
_MAILTO = re.compile(r"^\s*<?\s*mailto:\s*", re.I)
_VALID = re.compile(r"[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
_BEFORE = r"(?<![a-z0-9._%+'-])"
_AFTER = rf"(?![a-z0-9-]|\.[a-z0-9]|\s*{_OPEN}\s*(?:dot|punt)|\s+(?:dot|punt)\s+[a-z])"
GMAIL = frozenset({"gmail.com", "googlemail.com"})


def mailbox(address: str) -> str | None:
    """The mailbox an address delivers to: lower case, without +tag, Gmail dots removed."""
    text = _MAILTO.sub("", _LABEL.sub("", fold(address).strip()))
    text = text.split("?", 1)[0].strip().strip("<>").strip()
    text = _DOT.sub(".", _AT.sub("@", text))
    text = re.sub(r"\s+", "", text)
    if not _VALID.fullmatch(text):
        return None
    local, domain = text.rsplit("@", 1)
    local = local.split("+", 1)[0]
    if domain in GMAIL:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}" if local else None


def _pattern(box: str) -> re.Pattern[str]:
    """A regex finding this mailbox in running text, in any spelling that delivers to it."""
    local, domain = box.rsplit("@", 1)
    if domain == "gmail.com":
        local_re = f"(?:{DOT})?".join(re.escape(ch) for ch in local)
        domain_re = f"(?:gmail|googlemail){DOT}com"
    else:
        local_re = DOT.join(re.escape(p) for p in local.split("."))
        domain_re = DOT.join(re.escape(p) for p in domain.split("."))
    tag = r"(?:\+[a-z0-9._-]+)?"
    return re.compile(f"{_BEFORE}{local_re}{tag}{AT}{domain_re}{_AFTER}", re.I)


def _hint(box: str) -> re.Pattern[str]:
    """The domain part of `_pattern(box)` alone: every spelling it finds holds this. Most
    pages do not, and this search is several times faster than the whole pattern's."""
    domain = box.rsplit("@", 1)[1]
    if domain == "gmail.com":
        return re.compile(f"(?:gmail|googlemail){DOT}com", re.I)
    return re.compile(DOT.join(re.escape(p) for p in domain.split(".")), re.I)


def _needs(box: str) -> tuple[tuple[str, ...], ...]:
    """What `_hint(box)` cannot match without: each label of the domain, in the folded
    text (of one of the spellings, for Gmail). The hint ignores case, and every character
    that it takes for an ASCII letter folds to that letter (İ, ı: i; ſ: s; K: k)."""
    domain = box.rsplit("@", 1)[1]
    if domain == "gmail.com":
        return (("gmail", "googlemail"), ("com",))
    return tuple((label,) for label in domain.split("."))


@dataclass(frozen=True, slots=True)
class Target:
    label: str
    private: bool
    box: str
    pattern: re.Pattern[str]
    hint: re.Pattern[str]
    needs: tuple[tuple[str, ...], ...]


class EmailMatcher:
    def __init__(self, emails: Sequence[Email]) -> None:
        targets = []
        for email in emails:
            box = mailbox(email.address)
            if box is not None:
                targets.append(
                    Target(
                        email.label, email.is_private, box, _pattern(box), _hint(box), _needs(box)
                    )
                )
        self.targets = tuple(targets)

    def match(self, raw: str) -> list[FieldMatch]:
        box = mailbox(raw)
        if box is not None:
            parts = _reason(raw, box)
            return [_hit(t, raw.strip(), parts) for t in self.targets if t.box == box]
        return self.find_in_text(raw)

    def find_in_text(self, text: str, page: PageText | None = None) -> list[FieldMatch]:
        """page: the text's PageText, when the caller has it (its folding is shared)."""
        out: list[FieldMatch] = []
        folded: str | None = None
        for target in self.targets:
            if folded is None:  # the joined lines hold the same words as the text
                folded = fold(text) if page is None else page.folded()
            if not all(any(w in folded for w in need) for need in target.needs):
                continue
            if target.hint.search(text) is None:
                continue
            m = target.pattern.search(text)
            if m is not None:
                out.append(_hit(target, m.group(), _reason(m.group(), target.box)))
        return out


def _reason(observed: str, box: str) -> tuple[MatchPart, ...]:
    low = observed.lower()
    parts = [MatchPart.MAILBOX]
    if "@" not in low:
        parts.append(MatchPart.WRITTEN_OUT)
    if "+" in low:
        parts.append(MatchPart.PLUS_TAG)
    if box.endswith("@gmail.com") and ("googlemail" in low or "." in low.split("@")[0]):
        parts.append(MatchPart.GMAIL_SPELLING)
    return tuple(parts)


def _hit(target: Target, observed: str, parts: tuple[MatchPart, ...]) -> FieldMatch:
    return FieldMatch(
        field=FieldKind.EMAIL,
        label=target.label,
        observed=observed,
        confidence=0.97,
        reason=describe(parts),
        parts=parts,
        private=target.private,
    )
