"""Finding the profile's values in running page text.

Each field matcher looks for its own values: the name around an occurrence of the surname,
addresses line by line around the street (or a Dutch postcode), phone numbers with
phonenumbers' PhoneNumberMatcher, and email addresses in any spelling that delivers to the
profile's mailbox. The findings go through the same comparison as structured candidates.
"""

from __future__ import annotations

from exposure_scan.matching.address import AddressMatcher
from exposure_scan.matching.email import EmailMatcher
from exposure_scan.matching.name import NameMatcher
from exposure_scan.matching.pagetext import PageText
from exposure_scan.matching.phone import PhoneMatcher
from exposure_scan.models import FieldMatch


def find_all(
    text: str,
    names: NameMatcher,
    addresses: AddressMatcher,
    phones: PhoneMatcher,
    emails: EmailMatcher,
) -> list[FieldMatch]:
    """Every profile value the text shows, at most one match per field and label."""
    if not text.strip():
        return []
    page = PageText(text)  # split and folded once, for every field
    out: list[FieldMatch] = []
    name = names.find_in_text(text, page)
    if name is not None:
        out.append(name)
    out.extend(addresses.find_in_text(text, names.anchors, page))
    out.extend(phones.find_in_text(text, page))
    out.extend(emails.find_in_text(text, page))
    return out
