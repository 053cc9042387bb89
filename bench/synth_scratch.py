# ruff: noqa: E501
"""Page texts written from scratch: the ``scratch:*`` family of bench/synth.py.

    python bench/synth.py OUT.jsonl --family scratch [--n 600] [--seed 7]

The other page-text families of synth.py reuse the sentence shapes of the dev set's page
texts (a doxing post, a directory, a practice page). These do not: new kinds of page (a
neighbourhood newsletter, a moving notice, club results, a marketplace ad, HOA minutes, a
yard sale, a speaker bio, parish notes, a lost-cat poster), with their own pools of
invented people, streets, towns and mailboxes, none from the dev set or from synth.py.
Every page that shows the person has a twin that is a hard negative: a neighbour's house
number, the same street in another town, another flat, a namesake with another given
name, a phone number with one digit changed, a mailbox at another domain. Labels follow
MATCHING.md; the spec's open questions (street and number without a place) are avoided.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

NL_GIVEN = ["Brecht", "Marijke", "Tjalling", "Ayla", "Wessel", "Noortje", "Jorrit", "Floor", "Sietske", "Mendel"]
NL_SURNAMES = ["Hoogervorst", "Ketelaar", "van Dijkhuizen", "Oudshoorn", "Zwaneveld", "ter Veen", "Brouwershaven", "Kieviet"]
NL_OTHER_SURNAMES = ["Lammerts", "Bosveld", "Roodbeen", "Wijnbergen", "Stolk", "Harteveld"]
NL_STREETS = ["Dotterbloemlaan", "Ratelaarstraat", "Koekoeksbloemweg", "Egelantierhof", "Zwanebloemsingel", "Pinksterbloemkade"]
NL_TOWNS = [("Veldhoeven aan de Aa", "5561"), ("Nieuw-Ommerland", "7731"), ("Brakkenwoude", "8412"), ("Sloterveen", "1462"), ("Hasseldam", "6921")]

US_GIVEN = ["Delphine", "Corwin", "Marisol", "Thaddeus", "Winona", "Ezekiel", "Rosalind", "Bastian"]
US_SURNAMES = ["Quennell", "Ashgrove", "Vantreese", "Pellowe", "Harrowgate", "Kittredge"]
US_OTHER_SURNAMES = ["Brumfield", "Okonkwo", "Lindqvist", "Marchetti", "Dunsmore"]
US_STREETS = [("Larkspur Court", "Larkspur Ct"), ("Quillback Road", "Quillback Rd"), ("Fernhollow Lane", "Fernhollow Ln"), ("Tamberlane Avenue", "Tamberlane Ave")]
US_TOWNS = [("Millbrook Falls", "VT", "05"), ("Osprey Bend", "OR", "97"), ("Harlan Springs", "KS", "66"), ("Cedarvale", "NM", "87")]
US_AREA = {"VT": "802", "OR": "503", "KS": "785", "NM": "505"}  # 555-01xx: numbers for fiction
NL_AREAS = ["0345", "0418", "0513", "0546", "0575"]

UK_GIVEN = ["Rowena", "Alistair", "Imogen", "Caspian", "Philippa", "Lachlan", "Morwenna", "Crispin"]
UK_SURNAMES = ["Treloar", "Pengelly", "Ashdown", "Kerslake", "Thistlewood", "Mallinson"]
UK_OTHER_SURNAMES = ["Greatorex", "Blandford", "Whitlock", "Okafor", "Penhaligon"]
UK_STREETS = ["Sloe Lane", "Kestrel Walk", "Withybed Close", "Tamsin Row", "Cobnut Way"]
UK_TOWNS = [("Brackenford", "BF"), ("Ashcombe Regis", "AR"), ("Kilmorrow", "KW"), ("Lower Tansley", "LT")]

MAILBOXES = ["postvak.example", "maildienst.example", "inboxly.example", "letterbox.example"]


@dataclass
class Someone:
    country: str
    given: str
    surname: str
    home: dict[str, str]
    practice: dict[str, str]
    mobile: str
    work_phone: str
    private_mail: str
    work_mail: str
    shown: dict[str, Any] = field(default_factory=dict)  # display forms used by the pages

    def profile(self) -> dict[str, Any]:
        return {
            "names": [{"full": f"{self.given} {self.surname}", "given": self.given, "surname": self.surname}],
            "addresses": [self.home, self.practice],
            "phones": [{"label": "mobile", "number": self.mobile}, {"label": "practice", "number": self.work_phone}],
            "emails": [{"label": "private", "address": self.private_mail}, {"label": "work", "address": self.work_mail}],
        }


def _letters(rng: random.Random, n: int, pool: str = "ABEGHJKLMNPRTVWXZ") -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def _mail(rng: random.Random, given: str, surname: str) -> str:
    local = "".join(ch for ch in f"{given}.{surname.split()[-1]}".lower() if ch.isalpha() or ch == ".")
    return f"{local}{rng.randint(1, 99)}@{rng.choice(MAILBOXES)}"


def _nl_address(rng: random.Random, label: str) -> dict[str, str]:
    town, prefix = rng.choice(NL_TOWNS)
    return {
        "label": label, "street": rng.choice(NL_STREETS), "house_number": str(rng.randint(2, 180)),
        "addition": rng.choice(["", "", "A", "B", "2", "hs"]),
        "postcode": f"{prefix} {_letters(rng, 2)}", "city": town, "country": "NL",
    }  # fmt: skip


def _us_address(rng: random.Random, label: str) -> dict[str, str]:
    (street, _), (town, state, zp) = rng.choice(US_STREETS), rng.choice(US_TOWNS)
    return {
        "label": label, "street": street, "house_number": str(rng.randint(110, 8800)),
        "addition": "", "postcode": f"{zp}{rng.randint(100, 999)}", "city": town,
        "state": state, "country": "US",
    }  # fmt: skip


def _uk_address(rng: random.Random, label: str) -> dict[str, str]:
    town, district = rng.choice(UK_TOWNS)
    flat = rng.choice(["", "", "Flat 2", "Flat 5"])
    postcode = f"{district}{rng.randint(1, 9)} {rng.randint(1, 9)}{_letters(rng, 2, 'ABDEFGHJLNPQRSTUWXYZ')}"
    return {
        "label": label, "street": rng.choice(UK_STREETS), "house_number": str(rng.randint(2, 140)),
        "addition": flat, "postcode": postcode, "city": town, "country": "GB",
    }  # fmt: skip


def make_someone(rng: random.Random, country: str) -> Someone:
    given, surname = {
        "NL": (rng.choice(NL_GIVEN), rng.choice(NL_SURNAMES)),
        "US": (rng.choice(US_GIVEN), rng.choice(US_SURNAMES)),
        "UK": (rng.choice(UK_GIVEN), rng.choice(UK_SURNAMES)),
    }[country]
    make = {"NL": _nl_address, "US": _us_address, "UK": _uk_address}[country]
    home = make(rng, "home")
    practice = make(rng, "practice")
    while practice["street"] == home["street"]:
        practice = make(rng, "practice")
    if country == "NL":
        mobile, work = f"06-{rng.randint(20_000_000, 89_999_999)}", f"{rng.choice(NL_AREAS)}-{rng.randint(200_000, 899_999)}"
    elif country == "US":
        mobile = f"({US_AREA[home['state']]}) 555-01{rng.randint(10, 49)}"
        work = f"+1 {US_AREA[practice['state']]} 555 01{rng.randint(50, 99)}"
    else:
        mobile, work = f"07700 900{rng.randint(100, 499)}", f"01632 960{rng.randint(500, 999)}"
    return Someone(country, given, surname, home, practice, mobile, work,
                   _mail(rng, given, surname), f"{given[0].lower()}.{surname.split()[-1].lower()}@praktijk-{rng.randint(1, 9)}.example")  # fmt: skip


def other_number(rng: random.Random, number: str) -> str:
    return str(int(number) + rng.choice([2, 4, 6, -2]) if int(number) > 6 else int(number) + 2)


def one_digit_changed(rng: random.Random, phone: str) -> str:
    spots = [i for i, ch in enumerate(phone) if ch.isdigit()][-4:]
    i = rng.choice(spots)
    return phone[:i] + str((int(phone[i]) + rng.randint(1, 8)) % 10) + phone[i + 1 :]


def other_mailbox(mail: str) -> str:
    local, domain = mail.split("@")
    others = [d for d in MAILBOXES if d != domain]
    return f"{local}@{others[len(local) % len(others)]}"


def namesake(rng: random.Random, p: Someone) -> str:
    pool = {"NL": NL_GIVEN, "US": US_GIVEN, "UK": UK_GIVEN}[p.country]
    return f"{rng.choice([g for g in pool if g[0] != p.given[0]])} {p.surname}"


def stranger(rng: random.Random, p: Someone) -> str:
    pool = {"NL": (NL_GIVEN, NL_OTHER_SURNAMES), "US": (US_GIVEN, US_OTHER_SURNAMES), "UK": (UK_GIVEN, UK_OTHER_SURNAMES)}[p.country]
    return f"{rng.choice(pool[0])} {rng.choice(pool[1])}"


def nl_number(a: dict[str, str], number: str | None = None) -> str:
    n, add = number or a["house_number"], a["addition"]
    if not add:
        return n
    return f"{n}{add}" if add.isalpha() and len(add) == 1 else f"{n}-{add}" if add.isdigit() else f"{n} {add}"


def other_town(rng: random.Random, p: Someone, a: dict[str, str]) -> str:
    towns = {"NL": [t for t, _ in NL_TOWNS], "US": [t for t, _, _ in US_TOWNS], "UK": [t for t, _ in UK_TOWNS]}[p.country]
    used = {p.home["city"], p.practice["city"]}
    return rng.choice([t for t in towns if t not in used] or [t for t in towns if t != a["city"]])


Expect = dict[str, Any]


def expect(name: bool = False, address: list[str] | None = None, phone: list[str] | None = None, email: list[str] | None = None) -> Expect:
    return {"name": name, "address": address or [], "phone": phone or [], "email": email or []}


def nl_pages(rng: random.Random, p: Someone) -> list[tuple[str, str, Expect]]:
    a, w = p.home, p.practice
    full, other = f"{p.given} {p.surname}", stranger(rng, p)
    same_street_practice = a["street"] == w["street"]
    pages: list[tuple[str, str, Expect]] = []
    newsletter = (
        "Wijkvereniging De Boomgaard — nieuwsbrief voorjaar\n"
        "Onze penningmeester {who} ({street} {num} in {town}) zoekt nog handen voor de snoeidag van "
        "zaterdag. Opgeven kan tot vrijdag bij {mail}.\n"
        "De groenbak staat dit jaar bij {other} voor de deur."
    )
    pages.append(("scratch:newsletter", newsletter.format(who=full, street=a["street"], num=nl_number(a), town=a["city"], mail=p.private_mail, other=other),
                  expect(True, ["home"], [], ["private"])))
    if not same_street_practice:
        pages.append(("scratch:newsletter-neighbour", newsletter.format(who=other, street=a["street"], num=other_number(rng, a["house_number"]), town=a["city"], mail=other_mailbox(p.private_mail), other=namesake(rng, p)),
                      expect()))
    moving = (
        "Verhuisbericht\n{who} en haar gezin wonen vanaf 1 mei op {street} {num}, {postcode} {town}. "
        "Het vaste nummer vervalt; bel voortaan {phone}. Iedereen is welkom op de open middag!"
    )
    pages.append(("scratch:moving-notice", moving.format(who=full, street=a["street"], num=nl_number(a), postcode=a["postcode"], town=a["city"], phone=p.mobile),
                  expect(True, ["home"], ["mobile"])))
    pages.append(("scratch:moving-notice-other-town", moving.format(who=namesake(rng, p), street=a["street"], num=nl_number(a), postcode="", town=other_town(rng, p, a), phone=one_digit_changed(rng, p.mobile)).replace(",  ", ", "),
                  expect()))
    results = (
        "Uitslagen clubkampioenschap dammen\n1. {first} — 41 punten\n2. {second} — 38 punten\n"
        "3. {third} — 30 punten\nDe prijsuitreiking is op de jaarvergadering."
    )
    initials = "".join(g[0] + "." for g in p.given.split())
    pages.append(("scratch:club-results", results.format(first=f"{p.surname}, {initials}", second=other, third=stranger(rng, p)),
                  expect(True)))
    pages.append(("scratch:club-results-namesake", results.format(first=namesake(rng, p), second=other, third=stranger(rng, p)),
                  expect()))
    ad = (
        "Te koop: kinderfiets 20 inch, zo goed als nieuw, € 45. Ophalen aan de {street} {num} te {town}, "
        "na 18.00 uur. App gerust: {phone}"
    )
    pages.append(("scratch:marketplace-ad", ad.format(street=a["street"], num=nl_number(a), town=a["city"], phone=p.mobile),
                  expect(False, ["home"], ["mobile"])))
    if not (same_street_practice or w["city"] == a["city"]):
        pages.append(("scratch:marketplace-ad-other-number", ad.format(street=a["street"], num=other_number(rng, a["house_number"]), town=a["city"], phone=one_digit_changed(rng, p.mobile)),
                      expect()))
    return pages


def us_pages(rng: random.Random, p: Someone) -> list[tuple[str, str, Expect]]:
    a, w = p.home, p.practice
    full, other = f"{p.given} {p.surname}", stranger(rng, p)
    abbr = dict(US_STREETS)
    pages: list[tuple[str, str, Expect]] = []
    minutes = (
        "Larch Meadow HOA — minutes of the March meeting\nPresent: {present}, {other}.\n"
        "{who}, who lives at {num} {street}, {town}, {state} {zip}, asked whether the fence permit "
        "covers corner lots. Reach {who_short} at {phone} with comments."
    )
    pages.append(("scratch:hoa-minutes", minutes.format(present=full, other=other, who=full, who_short=p.given, num=a["house_number"], street=a["street"], town=a["city"], state=a["state"], zip=a["postcode"], phone=p.mobile),
                  expect(True, ["home"], ["mobile"])))
    pages.append(("scratch:hoa-minutes-neighbour", minutes.format(present=other, other=stranger(rng, p), who=other, who_short="them", num=other_number(rng, a["house_number"]), street=a["street"], town=a["city"], state=a["state"], zip=a["postcode"], phone=one_digit_changed(rng, p.mobile)),
                  expect()))
    sale = "Yard sale Saturday 8am to noon at {num} {street} in {town}, {state}. No early birds please! Questions: {mail}"
    pages.append(("scratch:yard-sale", sale.format(num=a["house_number"], street=abbr[a["street"]], town=a["city"], state=a["state"], mail=p.private_mail),
                  expect(False, ["home"], [], ["private"])))
    town = other_town(rng, p, a)
    state = next(s for t, s, _ in US_TOWNS if t == town)
    if not (w["street"] == a["street"] and w["house_number"] == a["house_number"]):
        pages.append(("scratch:yard-sale-other-town", sale.format(num=a["house_number"], street=abbr[a["street"]], town=town, state=state, mail=other_mailbox(p.private_mail)),
                      expect()))
    bio = (
        "Speaker: Dr. {who}\n{given_short} practices family medicine at the clinic at {num} {street}, {town}, {state}, "
        "and writes about rural health. Office line {phone}; email {mail}."
    )
    pages.append(("scratch:speaker-bio", bio.format(who=full, given_short=p.given, num=w["house_number"], street=w["street"], town=w["city"], state=w["state"], phone=p.work_phone, mail=p.work_mail),
                  expect(True, ["practice"], ["practice"], ["work"])))
    pages.append(("scratch:speaker-bio-namesake", bio.format(who=namesake(rng, p), given_short="She", num=other_number(rng, w["house_number"]), street=w["street"], town=w["city"], state=w["state"], phone=one_digit_changed(rng, p.work_phone), mail=other_mailbox(p.work_mail)),
                  expect()))
    return pages


def uk_pages(rng: random.Random, p: Someone) -> list[tuple[str, str, Expect]]:
    a, w = p.home, p.practice
    full, other = f"{p.given} {p.surname}", stranger(rng, p)
    pages: list[tuple[str, str, Expect]] = []
    flat = f"{a['addition']}, " if a["addition"] else ""
    notes = (
        "St Brannoc's parish notes\nThe altar flowers this week were given by {who} of {flat}{num} {street}, "
        "{town}. Thank you! Coffee rota: {other}."
    )
    pages.append(("scratch:parish-notes", notes.format(who=full, flat=flat, num=a["house_number"], street=a["street"], town=a["city"], other=other),
                  expect(True, ["home"])))
    if a["addition"]:
        other_flat = "Flat 7, " if a["addition"] != "Flat 7" else "Flat 3, "
        if not (w["street"] == a["street"] and w["house_number"] == a["house_number"]):
            pages.append(("scratch:parish-notes-other-flat", notes.format(who=other, flat=other_flat, num=a["house_number"], street=a["street"], town=a["city"], other=namesake(rng, p)),
                          expect()))
    poster = (
        "LOST CAT — answers to Biscuit, ginger, very shy. Last seen near the {street} allotments.\n"
        "Please ring {phone} or call round to {num} {street}, {town} {postcode}. Reward offered."
    )
    pages.append(("scratch:lost-cat-poster", poster.format(street=a["street"], phone=p.mobile, num=a["house_number"], town=a["city"], postcode=a["postcode"]),
                  expect(False, ["home"], ["mobile"])))
    if not (w["street"] == a["street"] and w["house_number"] == a["house_number"]):
        town = other_town(rng, p, a)
        district = next(d for t, d in UK_TOWNS if t == town)
        pages.append(("scratch:lost-cat-poster-other-town", poster.format(street=a["street"], phone=one_digit_changed(rng, p.mobile), num=a["house_number"], town=town, postcode=f"{district}4 2QT"),
                      expect()))
    return pages


def generate_scratch(n: int, seed: int) -> list[dict[str, Any]]:
    """n cases (or a few more: whole people), in the format of MATCHING.md."""
    rng = random.Random(seed)
    cases: list[dict[str, Any]] = []
    while len(cases) < n:
        country = rng.choices(["NL", "US", "UK"], weights=[4, 3, 3])[0]
        p = make_someone(rng, country)
        pages = {"NL": nl_pages, "US": us_pages, "UK": uk_pages}[country](rng, p)
        for family, text, expected in pages:
            cases.append({
                "id": f"scr-{len(cases):05d}", "family": family, "country": country,
                "profile": p.profile(), "candidate": {"text": text}, "expect": expected,
            })  # fmt: skip
    return cases
