"""Does an observed address point a stranger to one of the profile's buildings?

Same house number and street (abbreviations allowed on either side), and the same place:
city (or a known alias) or postcode, with nothing contradicting them. A Dutch postcode with
the house number alone identifies the address. A missing unit still matches; a different
unit, number, street, directional, city or postcode does not, and a PO box never does.

The stages, each returning an immutable result: ``tokens`` (observed text as tokens),
``street`` (street and house number), ``unit``, ``place``; ``matcher`` runs them for each
``profileaddress.ProfileAddress``. The word lists are in ``words.toml``, ``cities.toml`` and
``places.toml``, validated by the schemas in ``vocabulary``.
"""

from __future__ import annotations

from exposure_scan.matching.address.matcher import AddressMatcher

__all__ = ["AddressMatcher"]
