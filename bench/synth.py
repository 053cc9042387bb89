# ruff: noqa: E501, C901
"""Synthetic, labelled matching cases in the format of MATCHING.md (red-team set).

    python bench/synth.py OUT.jsonl [--n 4000] [--seed 7] [--family scratch]

Seeded and deterministic. Every person, street, number and mailbox is invented here (none is
taken from the dev set). The page texts (text:*) are not independent of the dev set: they
reuse the sentence shapes of its page texts (a doxing post, a directory, a practice page,
a registry entry) with other people and variations. ``--family scratch`` generates only
page texts written from scratch instead (bench/synth_scratch.py). Each case is labelled by
the semantics of MATCHING.md; variations whose label the spec leaves open are not generated
(see AMBIGUOUS below).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Variations the spec does not settle; deliberately not generated:
AMBIGUOUS = [
    "surname without its particle (M. Vries for de Vries)",
    "a later given name shown alone (Pieter de Vries for Jan Pieter)",
    "the other order of a double surname that is not a partner combination",
    "Roman floor addition vs digit (12 III vs 12-3)",
    "street and number with no city or postcode",
]

# -- name pools ------------------------------------------------------------------------------

NL_GIVEN = [
    "Özlem",
    "Gülşen",
    "Çağla",
    "Şükrü",
    "Ömer",
    "Büşra",
    "Mehmet Ali",
    "Hatice",
    "İlker",
    "Youssef",
    "Khadija",
    "Rachid",
    "Nadia",
    "Soufiane",
    "Zineb",
    "Łukasz",
    "Małgorzata",
    "Paweł",
    "Zofia",
    "Agnieszka",
    "Rajesh",
    "Sunita",
    "Ramon",
    "Shanti",
    "Dewkoemar",
    "Sjoerd",
    "Wopke",
    "Tjitske",
    "Hylke",
    "Jeltje",
    "Pieter-Jan",
    "Wouter",
    "Lieve",
    "Katrien",
    "Anna Maria",
    "Hendrik Jan",
    "Willemijn",
    "Gerrit Jan",
    "Dragan",
    "Søren",
    "Joëlle",
    "Chloë",
    "Maarten Pieter",
    "Femke",
    "Reinier",
    "Ilse Johanna",
]
NL_SURNAMES = [
    "Yılmaz",
    "Çelik",
    "Şahin",
    "Doğan",
    "Kılıç",
    "Aydoğdu",
    "Güler",
    "Koç",
    "Ünal",
    "El Amrani",
    "Benali",
    "Bouzidi",
    "Ait Taleb",
    "Kowalski",
    "Wiśniewska",
    "Wójcik",
    "Nowakowska",
    "Ramdin",
    "Sewnath",
    "Jagessar",
    "Hoekstra",
    "Sijtsma",
    "Terpstra",
    "Wijbenga",
    "Van den Broeck",
    "De Smet",
    "Claes",
    "Vanderhaegen",
    "van der Meulen",
    "ter Horst",
    "van den Heuvel",
    "de Groot",
    "van Beek",
    "Đorđević",
    "Jørgensen",
    "Løkken",
    "Müller",
    "Schröder",
    "Köhler",
    "Gómez",
    "López",
    "van Zanten",
    "op den Kamp",
    "in 't Veld",
    "van de Wetering",
    "Brouwer",
    "Verbeek",
    "Bruinsma",
    "Postma",
]
EN_GIVEN = [
    "Olivia Grace",
    "Harriet",
    "Benjamin James",
    "Eleanor",
    "Rhys",
    "Siobhan",
    "Callum",
    "Priya",
    "Oluwaseun",
    "Hannah Louise",
    "Gareth",
    "Niamh",
    "Marcus",
    "Rebecca Ann",
    "Ifeoma",
    "Declan",
    "Aisling",
    "Thomas Edward",
    "Zoë",
    "Renée",
    "José",
    "Lucía",
]
EN_SURNAMES = [
    "Thornton",
    "Ashworth",
    "Pemberton",
    "Okafor",
    "Hughes-Morgan",
    "Llewellyn",
    "McAllister",
    "O'Sullivan",
    "Fitzgerald",
    "Whitfield",
    "Blackwood",
    "Ramírez",
    "Nguyen",
    "Kowalczyk",
    "Delacroix",
    "Stanton",
    "Harrington",
    "Lindqvist",
    "Ó Briain",
    "MacLeod",
    "Bergström",
    "Castellanos",
    "Van Buren",
    "DeLuca",
    "St. Clair",
]
PARTNER_NL = ["Jonker", "van Wijk", "Hermans", "de Lange", "Kuipers", "Yıldız", "Bakış"]
PARTNER_EN = ["Carrington", "Whitaker", "Pryce", "Dunmore"]

# Dutch particles, written lower case, that move behind the initials in a sorted list
PARTICLES = {"van", "de", "den", "der", "ter", "ten", "op", "in", "'t", "het"}
TRANSLIT = {"ü": ("u", "ue"), "ö": ("o", "oe"), "ç": ("c",), "ş": ("s",), "ı": ("i",),
            "ø": ("o",), "đ": ("dj", "d"), "ó": ("o",), "ğ": ("g",), "ł": ("l",),
            "ś": ("s",), "é": ("e",), "ë": ("e",), "í": ("i",), "ä": ("a", "ae"),
            "İ": ("I",), "Đ": ("Dj", "D"), "Ö": ("O", "Oe"), "Ü": ("U", "Ue"),
            "Ç": ("C",), "Ş": ("S",), "Ł": ("L",), "Ø": ("O",), "Ó": ("O",)}  # fmt: skip

NL_TITLES = ["dr.", "drs.", "prof. dr.", "mr.", "mevr.", "dhr.", "Dokter", "mw. dr."]
NL_ROLES = ["huisarts", "tandarts", "psychiater", "kinderarts", "verloskundige", "internist"]
EN_TITLES = ["Dr", "Dr.", "Prof.", "Mr", "Mrs", "Ms", "Dr. med."]
EN_SUFFIX = ["MD", "PhD", "MBChB MRCGP", "FRCP", "MD, PhD", "DO", "MBBS", "GP", "M.D."]
BUSINESS_NL = ["Bakkerij {s}", "{s} Installatietechniek", "Autobedrijf {s}", "{s} B.V.",
               "Loodgietersbedrijf {s}", "Stichting {s}", "Fam. {s}"]  # fmt: skip
BUSINESS_EN = ["{s} Plumbing Ltd", "{s} & Sons", "The {s} Foundation", "{s} Dental Group",
               "{s} Family Trust"]  # fmt: skip

# -- address pools -----------------------------------------------------------------------------

# (street, abbreviated form) — abbreviations as MATCHING.md lists them
NL_STREETS = [
    ("Burgemeester Van Heemstralaan", "Burg. Van Heemstralaan"),
    ("Burgemeester Roëllstraat", "Burgem. Roëllstr."),
    ("Prinses Margrietlaan", "Pr. Margrietln."),
    ("Prins Frisostraat", "Pr. Frisostr."),
    ("Sint Annastraat", "St. Annastraat"),
    ("Professor Kamerlingh Onnesweg", "Prof. Kamerlingh Onneswg."),
    ("Dokter Ariënsstraat", "Dr. Ariënsstraat"),
    ("Koningin Julianaplein", "Kon. Julianapl."),
    ("Koning Willem-Alexanderlaan", "Kon. Willem-Alexanderln."),
    ("Van Karnebeekstraat", "v. Karnebeekstr."),
    ("Vijverhofstraat", "Vijverhofstr."),
    ("Esdoornlaan", "Esdoornln."),
    ("Groenendaalseweg", "Groenendaalsewg."),
    ("Torenplein", "Torenpl."),
    ("Brinkstraat", "Brinkstr."),
    ("Beatrixlaan", "Beatrixln."),
    ("Hazelaarweg", "Hazelaarwg."),
    ("Lange Nieuwstraat", "Lange Nieuwstr."),
    ("Oranjesingel", "Oranjesingel"),
    ("Tjalkkade", "Tjalkkade"),
]
NL_SIMILAR = {"prefix": ["Nieuwe", "Oude", "Korte", "Kleine"]}
# (official city, alias or None, postcode prefix, landline area code)
NL_CITIES = [
    ("'s-Gravenhage", "Den Haag", "25", "070"),
    ("'s-Hertogenbosch", "Den Bosch", "52", "073"),
    ("Leeuwarden", "Ljouwert", "89", "058"),
    ("Sneek", "Snits", "86", "0515"),
    ("Alphen aan den Rijn", "Alphen a/d Rijn", "24", "0172"),
    ("Capelle aan den IJssel", "Capelle a/d IJssel", "29", "010"),
    ("Nijmegen", None, "65", "024"),
    ("Groningen", None, "97", "050"),
    ("Maastricht", None, "62", "043"),
    ("Enschede", None, "75", "053"),
    ("Breda", None, "48", "076"),
    ("Deventer", None, "74", "0570"),
    ("Amersfoort", None, "38", "033"),
    ("Tilburg", None, "50", "013"),
    ("Dordrecht", None, "33", "078"),
    ("Heerenveen", "It Hearrenfean", "84", "0513"),
    ("Bergen op Zoom", None, "46", "0164"),
    ("Wijk bij Duurstede", None, "39", "0343"),
    ("Sint-Michielsgestel", None, "52", "073"),
    ("Krimpen aan den IJssel", None, "29", "0180"),
    ("Ouderkerk aan de Amstel", None, "11", "020"),
]
# city -> (province, its abbreviations, other towns of that province)
NL_PROVINCE = {
    "'s-Gravenhage": ("Zuid-Holland", ["ZH", "Z-H"], ["Leiden", "Gouda", "Delft"]),
    "'s-Hertogenbosch": ("Noord-Brabant", ["NB", "N-B"], ["Eindhoven", "Helmond", "Oss"]),
    "Leeuwarden": ("Fryslân", ["FR", "Frl"], ["Drachten", "Dokkum"]),
    "Sneek": ("Friesland", ["Frl", "FR"], ["Drachten", "Bolsward"]),
    "Alphen aan den Rijn": ("Zuid-Holland", ["ZH"], ["Leiden", "Gouda"]),
    "Capelle aan den IJssel": ("Zuid-Holland", ["ZH"], ["Schiedam", "Gouda"]),
    "Nijmegen": ("Gelderland", ["Gld", "Gld."], ["Arnhem", "Apeldoorn", "Tiel"]),
    "Groningen": ("Groningen", ["Gr", "Gn"], ["Delfzijl", "Veendam"]),
    "Maastricht": ("Limburg", ["L", "Lb", "Limb."], ["Venlo", "Heerlen", "Sittard"]),
    "Enschede": ("Overijssel", ["Ov", "O"], ["Zwolle", "Hengelo", "Almelo"]),
    "Breda": ("Noord-Brabant", ["NB"], ["Tilburg", "Roosendaal"]),
    "Deventer": ("Overijssel", ["Ov"], ["Zwolle", "Almelo"]),
    "Amersfoort": ("Utrecht", ["Utr", "U"], ["Zeist", "Nieuwegein", "Utrecht"]),
    "Tilburg": ("Noord-Brabant", ["NB"], ["Breda", "Waalwijk"]),
    "Dordrecht": ("Zuid-Holland", ["ZH"], ["Gorinchem", "Zwijndrecht"]),
    "Heerenveen": ("Fryslân", ["Frl"], ["Joure", "Drachten"]),
    "Bergen op Zoom": ("Noord-Brabant", ["NB"], ["Roosendaal", "Etten-Leur"]),
    "Wijk bij Duurstede": ("Utrecht", ["Ut", "Utr"], ["Houten", "Utrecht"]),
    "Sint-Michielsgestel": ("Noord-Brabant", ["NB"], ["Vught", "Boxtel"]),
    "Krimpen aan den IJssel": ("Zuid-Holland", ["ZH"], ["Ridderkerk", "Gouda"]),
    "Ouderkerk aan de Amstel": ("Noord-Holland", ["NH", "N-H"], ["Amstelveen", "Diemen"]),
}
# city -> (written forms that spelling rules allow, other real towns that look alike)
NL_CITY_FORMS = {
    "'s-Gravenhage": (
        ["s-Gravenhage", "'s Gravenhage", "Gravenhage"],
        ["Den Helder", "Gravendeel"],
    ),
    "'s-Hertogenbosch": (["s-Hertogenbosch", "'s Hertogenbosch"], ["Den Burg"]),
    "Alphen aan den Rijn": (
        ["Alphen a.d. Rijn", "Alphen ad Rijn", "Alphen aan de Rijn", "ALPHEN A/D RIJN"],
        ["Alphen", "Alphen-Chaam"],
    ),
    "Capelle aan den IJssel": (
        ["Capelle a.d. IJssel", "Capelle aan de IJssel"],
        ["Capelle", "Nieuwerkerk aan den IJssel"],
    ),
    "Bergen op Zoom": (
        ["Bergen o/Zoom", "BERGEN OP ZOOM"],
        ["Bergen", "Bergen (NH)", "Bergen (L)"],
    ),
    "Wijk bij Duurstede": (
        ["Wijk b. Duurstede", "Wijk b/Duurstede"],
        ["Wijk aan Zee", "Wijk en Aalburg"],
    ),
    "Sint-Michielsgestel": (
        ["St.-Michielsgestel", "St. Michielsgestel", "Sint Michielsgestel"],
        ["Sint-Oedenrode"],
    ),
    "Krimpen aan den IJssel": (
        ["Krimpen a/d IJssel", "Krimpen a.d. IJssel"],
        ["Krimpen aan de Lek", "Krimpen a/d Lek"],
    ),
    "Ouderkerk aan de Amstel": (
        ["Ouderkerk a/d Amstel", "Ouderkerk aan den Amstel"],
        ["Ouderkerk aan den IJssel", "Ouderkerk a/d IJssel"],
    ),
}
NL_COUNTRY = ["Nederland", "The Netherlands", "the Netherlands", "NL", "Netherlands", "NEDERLAND"]
NL_ADDITIONS = ["A", "B", "C", "1", "2", "3", "II", "III", "hs", "bis", "zw", "D"]

US_STREETS = [
    ("North Birch Street", "N Birch St"), ("Willow Court", "Willow Ct"),
    ("Sycamore Boulevard", "Sycamore Blvd"), ("West Hickory Lane", "W Hickory Ln"),
    ("South Magnolia Drive", "S Magnolia Dr"), ("Chestnut Avenue", "Chestnut Ave"),
    ("East Aspen Road", "E Aspen Rd"), ("Lakeshore Drive", "Lakeshore Dr"),
    ("Juniper Street", "Juniper St"), ("Northwest Alder Road", "NW Alder Rd"),
]  # fmt: skip
US_TYPES = {"Street": "Avenue", "Court": "Lane", "Boulevard": "Street", "Lane": "Court",
            "Drive": "Road", "Avenue": "Street", "Road": "Drive"}  # fmt: skip
US_CITIES = [
    ("Madison", "WI", "Wisconsin", "537", "608"), ("Albany", "NY", "New York", "122", "518"),
    ("Boise", "ID", "Idaho", "837", "208"), ("Tucson", "AZ", "Arizona", "857", "520"),
    ("Raleigh", "NC", "North Carolina", "276", "919"), ("Omaha", "NE", "Nebraska", "681", "402"),
    ("Saint Louis", "MO", "Missouri", "631", "314"), ("Ann Arbor", "MI", "Michigan", "481", "734"),
    ("Savannah", "GA", "Georgia", "314", "912"), ("Burlington", "VT", "Vermont", "054", "802"),
    ("Fort Collins", "CO", "Colorado", "805", "970"), ("Eugene", "OR", "Oregon", "974", "541"),
]  # fmt: skip
US_CITIES += [
    ("Port Washington", "NY", "New York", "110", "516"), ("Mount Vernon", "WA", "Washington", "982", "360"),
    ("Saint Paul", "MN", "Minnesota", "551", "651"), ("New York", "NY", "New York", "100", "212"),
]  # fmt: skip
US_CITY_ALIAS = {"Saint Louis": "St. Louis", "Fort Collins": "Ft. Collins"}
# city -> (county, other towns of that county)
US_COUNTY = {
    "Madison": ("Dane County", ["Middleton", "Sun Prairie"]), "Albany": ("Albany County", ["Cohoes", "Colonie"]),
    "Boise": ("Ada County", ["Meridian", "Eagle"]), "Tucson": ("Pima County", ["Marana", "Sahuarita"]),
    "Raleigh": ("Wake County", ["Cary", "Apex"]), "Omaha": ("Douglas County", ["Bennington", "Elkhorn"]),
    "Ann Arbor": ("Washtenaw County", ["Ypsilanti", "Saline"]), "Savannah": ("Chatham County", ["Pooler", "Tybee Island"]),
    "Burlington": ("Chittenden County", ["Winooski", "Essex"]), "Fort Collins": ("Larimer County", ["Loveland", "Wellington"]),
    "Eugene": ("Lane County", ["Springfield", "Cottage Grove"]), "Port Washington": ("Nassau County", ["Manhasset", "Great Neck"]),
    "Mount Vernon": ("Skagit County", ["Burlington", "Sedro-Woolley"]), "Saint Paul": ("Ramsey County", ["Roseville", "Maplewood"]),
}  # fmt: skip
US_CITY_FORMS = {
    "Saint Louis": (["St Louis", "ST. LOUIS"], ["St. Charles"]),
    "Fort Collins": (["Ft Collins", "FT. COLLINS"], ["Collins"]),
    "Port Washington": (["Pt. Washington", "Pt Washington"], ["Point Washington", "Washington"]),
    "Mount Vernon": (["Mt. Vernon", "Mt Vernon", "MT VERNON"], ["Vernon", "Mount Vernon Springs"]),
    "Saint Paul": (["St. Paul", "St Paul", "ST PAUL"], ["South Saint Paul", "Paul"]),
    "New York": (["NYC", "New York City"], ["York", "New Rochelle"]),
}  # fmt: skip
US_COUNTRY = ["USA", "United States", "US", "U.S.A.", "United States of America"]
US_UNITS = [("Apt 4B", ["Apt 4B", "#4B", "Apartment 4B"], "Apt 5C"),
            ("Suite 210", ["Suite 210", "Ste 210", "#210"], "Suite 310"),
            ("Unit 7", ["Unit 7", "#7"], "Unit 8")]  # fmt: skip

UK_STREETS = [
    ("Mill Lane", "Mill Ln"), ("Victoria Road", "Victoria Rd"), ("Chapel Street", "Chapel St"),
    ("Orchard Close", "Orchard Cl"), ("Manor Avenue", "Manor Ave"), ("Kings Court", "Kings Ct"),
    ("Albert Drive", "Albert Dr"), ("Queensway", "Queensway"), ("Riverside Walk", None),
]  # fmt: skip
UK_CITIES = [
    ("York", None, "YO1", "01904"), ("Bath", None, "BA1", "01225"),
    ("Cardiff", "Caerdydd", "CF10", "029"), ("Norwich", None, "NR2", "01603"),
    ("Kingston upon Hull", "Hull", "HU1", "01482"), ("Glasgow", None, "G2", "0141"),
    ("Newcastle upon Tyne", "Newcastle", "NE1", "0191"), ("Exeter", None, "EX1", "01392"),
    ("Oxford", None, "OX1", "01865"), ("Swansea", "Abertawe", "SA1", "01792"),
    ("Belfast", None, "BT1", "028"), ("Stratford-upon-Avon", None, "CV37", "01789"),
    ("St Albans", None, "AL1", "01727"), ("Bishop's Stortford", None, "CM23", "01279"),
    ("Burton upon Trent", None, "DE14", "01283"), ("Stirling", None, "FK8", "01786"),
]  # fmt: skip
# city -> (county forms, other towns of that county, nation)
UK_COUNTY = {
    "York": (["North Yorkshire", "N. Yorks", "Yorkshire"], ["Selby", "Harrogate"], "England"),
    "Bath": (["Somerset", "Avon"], ["Frome", "Taunton"], "England"),
    "Cardiff": (["South Glamorgan", "Glamorgan"], ["Barry", "Penarth"], "Wales"),
    "Norwich": (["Norfolk"], ["Wymondham", "Dereham"], "England"),
    "Kingston upon Hull": (["East Yorkshire", "East Riding of Yorkshire", "Humberside"], ["Beverley", "Hessle"], "England"),
    "Glasgow": (["Lanarkshire", "Glasgow City"], ["Motherwell", "Hamilton"], "Scotland"),
    "Newcastle upon Tyne": (["Tyne and Wear", "Tyne & Wear"], ["Gateshead", "Sunderland"], "England"),
    "Exeter": (["Devon"], ["Exmouth", "Tiverton"], "England"),
    "Oxford": (["Oxfordshire", "Oxon"], ["Banbury", "Witney"], "England"),
    "Swansea": (["West Glamorgan"], ["Neath", "Port Talbot"], "Wales"),
    "Belfast": (["Co. Antrim", "County Antrim", "Co Antrim"], ["Lisburn", "Antrim"], "Northern Ireland"),
    "Stratford-upon-Avon": (["Warwickshire", "Warks"], ["Warwick", "Leamington Spa"], "England"),
    "St Albans": (["Hertfordshire", "Herts"], ["Watford", "Hatfield"], "England"),
    "Bishop's Stortford": (["Hertfordshire", "Herts"], ["Hertford", "Stevenage"], "England"),
    "Burton upon Trent": (["Staffordshire", "Staffs"], ["Lichfield", "Stafford"], "England"),
    "Stirling": (["Stirlingshire"], ["Falkirk", "Alloa"], "Scotland"),
}  # fmt: skip
UK_CITY_FORMS = {
    "Stratford-upon-Avon": (["Stratford upon Avon", "Stratford-on-Avon", "STRATFORD-UPON-AVON"], ["Stratford", "Stratford St Mary"]),
    "St Albans": (["Saint Albans", "St. Albans", "ST ALBANS"], ["Albans"]),
    "Bishop's Stortford": (["Bishops Stortford", "BISHOPS STORTFORD"], ["Stortford"]),
    "Burton upon Trent": (["Burton-on-Trent", "Burton on Trent"], ["Burton", "Burton Latimer"]),
    "Newcastle upon Tyne": (["Newcastle", "Newcastle-upon-Tyne"], ["Newcastle-under-Lyme", "Newcastle Emlyn"]),
    "Kingston upon Hull": (["Hull", "Kingston-upon-Hull"], ["Kingston upon Thames", "Kingston"]),
    "Cardiff": (["Caerdydd"], ["Caerffili"]),
}  # fmt: skip
UK_COUNTRY = {"England": ["England", "UK", "United Kingdom", "ENGLAND"], "Wales": ["Wales", "UK", "Cymru"],
              "Scotland": ["Scotland", "UK", "United Kingdom"], "Northern Ireland": ["Northern Ireland", "UK", "N. Ireland"]}  # fmt: skip

MAIL_NL = ["hotmail.com", "ziggo.nl", "xs4all.nl", "planet.nl", "live.nl", "gmail.com"]
MAIL_EN = ["yahoo.com", "outlook.com", "btinternet.com", "icloud.com", "gmail.com"]
PRACTICE = ["huisartsenmaatschapdeblauweburg", "gezondheidscentrumzuid", "medischcentrumnoord",
            "tandartspraktijkdekroon", "riversidemedical", "oakfieldsurgery"]  # fmt: skip


def ascii_fold(text: str) -> str:
    out = []
    for ch in text:
        if ch in TRANSLIT:
            out.append(TRANSLIT[ch][0])
        else:
            out.append(unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode())
    return "".join(out)


def key(text: str) -> str:
    return "".join(ch for ch in ascii_fold(text).lower() if ch.isalpha())


def all_keys(text: str) -> set[str]:
    """Every spelling of text that MATCHING.md's transliterations allow."""
    outs = [""]
    for ch in text:
        alts = TRANSLIT.get(ch) or (ascii_fold(ch),)
        outs = [o + a for o in outs for a in alts][:64]
    return {"".join(c for c in o.lower() if c.isalpha()) for o in outs}


# -- the person --------------------------------------------------------------------------------


@dataclass
class Person:
    country: str
    given: str
    surname: str
    names: list[dict[str, str]]
    partner: str = ""  # partner surname when names list a combination
    addresses: list[dict[str, str]] = field(default_factory=list)
    phones: list[dict[str, str]] = field(default_factory=list)
    emails: list[dict[str, str]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def profile(self) -> dict[str, Any]:
        return {"names": self.names, "addresses": self.addresses, "phones": self.phones,
                "emails": self.emails}  # fmt: skip


def nl_postcode(rng: random.Random, prefix: str) -> str:
    letters = "ABCEGHJKLMNPRTVWXZ"
    while True:
        pc = f"{prefix}{rng.randint(10, 99)} {rng.choice(letters)}{rng.choice(letters)}"
        if pc[-2:] not in ("SA", "SD", "SS"):
            return pc


def uk_postcode(rng: random.Random, district: str) -> str:
    return f"{district} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


def email_local(rng: random.Random, given: str, surname: str) -> str:
    g, s = key(given.split()[0]), key(surname)
    return rng.choice([f"{g}.{s}", f"{g[0]}{s}", f"{g}{s}{rng.randint(1, 99)}", f"{g[0]}.{s}"])


def make_person(rng: random.Random, country: str) -> Person:
    if country == "NL":
        given, surname = rng.choice(NL_GIVEN), rng.choice(NL_SURNAMES)
    else:
        given, surname = rng.choice(EN_GIVEN), rng.choice(EN_SURNAMES)
    names = [{"full": f"{given} {surname}", "given": given, "surname": surname}]
    partner = ""
    if "-" not in surname and rng.random() < 0.3:
        partner = rng.choice(PARTNER_NL if country == "NL" else PARTNER_EN)
        combo = f"{partner}-{surname}"
        names.append({"full": f"{given} {combo}", "given": given, "surname": combo})
    call = ""
    if country == "NL" and " " in given and rng.random() < 0.3:
        # official given names with a different call name in the full name
        call = rng.choice(["Hans", "Mieke", "Bas", "Loes"])
        names[0]["full"] = f"{call} {surname}"
    p = Person(country, given, surname, names, partner)
    p.meta["call"] = call
    for label in ("home", "practice"):
        p.addresses.append(make_address(rng, country, label))
    p.phones = [{"label": "mobile", "number": make_phone(rng, country, "mobile")},
                {"label": "practice", "number": make_phone(rng, country, "practice", p)}]  # fmt: skip
    dom = rng.choice(MAIL_NL if country == "NL" else MAIL_EN)
    prac = rng.choice(PRACTICE) + {"NL": ".nl", "US": ".com", "UK": ".co.uk"}[country]
    p.emails = [{"label": "private", "address": f"{email_local(rng, given, surname)}@{dom}"},
                {"label": "work", "address": f"{key(given)[0]}.{key(surname)}@{prac}"}]  # fmt: skip
    return p


def make_address(rng: random.Random, country: str, label: str) -> dict[str, str]:
    if country == "NL":
        street, abbr = rng.choice(NL_STREETS)
        city, alias, pre, area = rng.choice(NL_CITIES)
        addition = rng.choice(NL_ADDITIONS) if rng.random() < 0.5 else ""
        a = {"label": label, "street": street, "house_number": str(rng.randint(1, 240)),
             "addition": addition, "postcode": nl_postcode(rng, pre), "city": city,
             "country": "NL"}  # fmt: skip
        a["_abbr"], a["_alias"], a["_area"] = abbr, alias or "", area
        return a
    if country == "US":
        street, abbr = rng.choice(US_STREETS)
        city, st, state_name, zpre, area = rng.choice(US_CITIES)
        unit = rng.choice(US_UNITS) if rng.random() < 0.4 else None
        a = {"label": label, "street": street, "house_number": str(rng.randint(100, 9899)),
             "addition": unit[0] if unit else "", "postcode": f"{zpre}{rng.randint(10, 99)}",
             "city": city, "country": "US", "state": st}  # fmt: skip
        a["_abbr"], a["_statename"], a["_area"] = abbr, state_name, area
        a["_unitforms"] = unit[1] if unit else []
        a["_otherunit"] = unit[2] if unit else ""
        a["_alias"] = US_CITY_ALIAS.get(city, "")
        return a
    street, abbr = rng.choice(UK_STREETS)
    city, alias, district, area = rng.choice(UK_CITIES)
    flat = str(rng.randint(1, 9)) if rng.random() < 0.4 else ""
    a = {"label": label, "street": street, "house_number": str(rng.randint(1, 180)),
         "addition": f"Flat {flat}" if flat else "", "postcode": uk_postcode(rng, district),
         "city": city, "country": "GB"}  # fmt: skip
    a["_abbr"], a["_alias"], a["_area"], a["_flat"] = abbr or street, alias or "", area, flat
    return a


def make_phone(rng: random.Random, country: str, kind: str, p: Person | None = None) -> str:
    if country == "NL":
        if kind == "mobile":
            digits = f"6{rng.randint(10000000, 99999999)}"
            return rng.choice([f"0{digits[0]}-{digits[1:]}", f"+31{digits}", f"0{digits}"])
        area = p.addresses[1]["_area"] if p else "030"
        rest = rng.randint(10 ** (9 - len(area)), 10 ** (10 - len(area)) - 1)
        return rng.choice([f"{area}-{rest}", f"+31{area[1:]}{rest}"])
    if country == "US":
        area = p.addresses[1]["_area"] if p else rng.choice(US_CITIES)[4]
        low = 150 if kind == "mobile" else 100  # the two numbers never coincide
        return f"+1{area}555{rng.randint(low, low + 49):04d}"
    if kind == "mobile":
        return f"+447700900{rng.randint(100, 999)}"
    area = p.addresses[1]["_area"] if p else "0113"
    sub = rng.randint(10 ** (10 - len(area)), 10 ** (11 - len(area)) - 1)
    return f"{area} {sub}" if rng.random() < 0.5 else f"+44{area[1:]}{sub}"


def public_profile(p: Person) -> dict[str, Any]:
    prof = p.profile()
    prof["addresses"] = [
        {k: v for k, v in a.items() if not k.startswith("_")} for a in prof["addresses"]
    ]
    return prof


# -- phone digits ------------------------------------------------------------------------------


def e164(country: str, number: str) -> tuple[str, str]:
    """(country code, national significant number) of a profile number."""
    digits = "".join(ch for ch in number if ch.isdigit())
    cc = {"NL": "31", "US": "1", "UK": "44"}[country]
    if number.startswith("+"):
        return cc, digits[len(cc) :]
    return cc, digits[1:] if digits.startswith("0") else digits


def phone_forms(country: str, cc: str, nsn: str) -> list[tuple[str, str]]:
    nat = ("0" + nsn) if country != "US" else nsn
    if country == "NL":
        area_len = 1 if nsn.startswith("6") else (2 if len(nsn) - 7 == 2 else 3)
        a, s = nsn[:area_len], nsn[area_len:]
        return [
            ("national-hyphen", f"0{a}-{s}"), ("national-plain", f"0{nsn}"),
            ("international", f"+31{nsn}"), ("international-spaced", f"+31 {a} {s[:4]} {s[4:]}"),
            ("trunk-in-brackets", f"+31 (0){a} {s[:4]} {s[4:]}"), ("double-zero", f"0031 {a} {s}"),
            ("slash", f"0{a}/{s}"), ("dots", f"0{a}.{s[:2]}.{s[2:4]}.{s[4:6]}.{s[6:]}"),
            ("en-dash", f"0{a}–{s}"), ("em-dash", f"0{a} — {s}"), ("nb-hyphen", f"0{a}‑{s}"),
            ("nbsp", f"+31\u00a0{a}\u00a0{s[:4]}\u00a0{s[4:]}"), ("thin-space", f"0{a}\u2009{s}"),
            ("tel-link", f"tel:+31{nsn}"), ("pairs", f"0{a} {' '.join(s[i:i+2] for i in range(0, len(s), 2))}"),
            ("brackets-area", f"(0{a}) {s}"), ("label", f"Tel.: 0{a}-{s}"),
        ]  # fmt: skip
    if country == "US":
        a, b, c = nsn[:3], nsn[3:6], nsn[6:]
        return [
            ("brackets", f"({a}) {b}-{c}"), ("hyphens", f"{a}-{b}-{c}"), ("dots", f"{a}.{b}.{c}"),
            ("international", f"+1 {a} {b} {c}"), ("one-prefix", f"1-{a}-{b}-{c}"),
            ("ext", f"({a}) {b}-{c} ext. 14"), ("x-ext", f"{a}-{b}-{c} x204"),
            ("en-dash", f"{a}–{b}–{c}"), ("tel-link", f"tel:+1{nsn}"), ("slash", f"{a}/{b}-{c}"),
            ("nbsp", f"({a})\u00a0{b}\u2011{c}"), ("double-zero", f"001 {a} {b} {c}"),
        ]  # fmt: skip
    if nsn.startswith("7"):
        a, s = nsn[:4], nsn[4:]
    elif nsn.startswith(("20", "29")):
        a, s = nsn[:2], nsn[2:]
    else:
        a, s = nsn[:3] if nsn[1] == "1" or nsn[2] == "1" else nsn[:4], ""
        s = nsn[len(a) :]
    return [
        ("national", f"0{a} {s}"), ("international", f"+44 {a} {s}"),
        ("trunk-in-brackets", f"+44 (0){a} {s}"), ("double-zero", f"0044 {a} {s}"),
        ("brackets-area", f"(0{a}) {s}"), ("hyphens", f"0{a}-{s}"), ("en-dash", f"0{a} – {s}"),
        ("tel-link", f"tel:+44{nsn}"), ("ext", f"0{a} {s} ext. 3"), ("plain", nat),
    ]  # fmt: skip


def phone_decoys(rng: random.Random, country: str, cc: str, nsn: str) -> list[tuple[str, str]]:
    i = rng.randrange(2, len(nsn))
    changed = nsn[:i] + str((int(nsn[i]) + rng.randint(1, 8)) % 10) + nsn[i + 1 :]
    j = rng.randrange(1, len(nsn) - 1)
    while nsn[j] == nsn[j + 1] and j < len(nsn) - 2:
        j += 1
    transposed = nsn[:j] + nsn[j + 1] + nsn[j] + nsn[j + 2 :]
    other_cc = {"31": "32", "1": "44", "44": "353"}[cc]
    nat = "" if country == "US" else "0"
    masked = f"{nat}{nsn[:5]}****" if country != "US" else f"({nsn[:3]}) {nsn[3:6]}-XXXX"
    out = [
        ("one-digit", f"+{cc}{changed}"), ("one-digit-national", f"{nat}{changed}"),
        ("extra-digit", f"+{cc}{nsn}{rng.randint(0, 9)}"),
        ("same-digits-other-country", f"+{other_cc} {nsn}"), ("masked", masked),
        ("masked-dots", f"{nat}{nsn[:4]}•••{nsn[-1]}" if country != "US" else f"{nsn[:3]}-•••-{nsn[-4:]}"),
    ]  # fmt: skip
    if transposed != nsn:
        out.append(("transposed", f"{nat}{transposed}"))
    return out


# -- the case builder --------------------------------------------------------------------------


class Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.cases: list[dict[str, Any]] = []

    def add(
        self, p: Person, family: str, candidate: dict[str, str], expect: dict[str, Any]
    ) -> None:
        self.cases.append({
            "id": f"syn-{len(self.cases):05d}", "family": family, "country": p.country,
            "profile": public_profile(p), "candidate": candidate, "expect": expect,
        })  # fmt: skip


def translit_variant(rng: random.Random, text: str) -> str | None:
    if not any(ch in TRANSLIT for ch in text):
        return None
    return "".join(rng.choice(TRANSLIT[ch]) if ch in TRANSLIT else ch for ch in text)


def initials(given: str, dotted: bool = True) -> str:
    parts = given.replace("-", " ").split()
    return "".join(ascii_fold(g[0]).upper() + ("." if dotted else "") for g in parts)


def near_surname(rng: random.Random, surname: str, avoid: set[str]) -> str | None:
    """A different real-looking surname close to surname (Jansen/Janssen, Smith/Smyth...)."""
    words = surname.split()
    core = words[-1]
    tries = []
    for i, ch in enumerate(core):
        if ch in "sntlrk" and i > 0:
            tries.append(core[: i + 1] + ch + core[i + 1 :])  # doubled letter
        if ch == "i":
            tries.append(core[:i] + "y" + core[i + 1 :])
        if ch == "y":
            tries.append(core[:i] + "i" + core[i + 1 :])
    tries += [core + "e", core + "s", core[:-1] if len(core) > 4 else core + "a"]
    rng.shuffle(tries)
    for t in tries:
        cand = " ".join([*words[:-1], t])
        if not (all_keys(cand) & avoid):
            return cand
    return None


def other_particle(surname: str) -> str | None:
    swaps = [("van der ", "van den "), ("van den ", "van der "), ("van de ", "van der "),
             ("ter ", "ten "), ("de ", "den "), ("op den ", "op de "), ("in 't ", "in de "),
             ("van ", "van de ")]  # fmt: skip
    low = surname.lower()
    for a, b in swaps:
        if low.startswith(a):
            return b + surname[len(a) :]
    return None


def surname_forms(surname: str) -> list[tuple[str, str]]:
    words = surname.split()
    parts = [w for w in words if w[0].islower() or w.lower() in ("van", "de", "den", "der")]
    core = " ".join(words[len(parts) :])
    out = []
    if parts:
        part = " ".join(parts)
        out.append(("capitalised-particle", part[0].upper() + part[1:] + " " + core))
        out.append(("concatenated-particle", "".join(w.capitalize() for w in parts) + core))
    return out


def name_cases(b: Builder, p: Person) -> None:
    rng = b.rng
    g, s = p.given, p.surname
    first = g.replace("-", " ").split()[0]
    ini = initials(g)
    parts = s.split()
    particle = " ".join(parts[:-1]) if all(w in PARTICLES for w in parts[:-1]) else ""
    core = parts[-1] if particle else s
    dutch = p.country == "NL"
    T = lambda fam, raw: b.add(p, fam, {"name": raw}, {"name": True})  # noqa: E731
    F = lambda fam, raw: b.add(p, fam, {"name": raw}, {"name": False})  # noqa: E731
    T("name+exact", f"{g} {s}")
    T("name+upper", f"{g} {s}".upper())
    T("name+lower", f"{g} {s}".lower())
    T("name+initials", f"{ini} {s}")
    T("name+first-initial", f"{ini[:2]} {s}")
    T("name+first-given", f"{first} {s}")
    if len(g.replace("-", " ").split()) > 1:
        second = g.replace("-", " ").split()[1]
        T("name+middle-initial", f"{first} {ascii_fold(second[0]).upper()}. {s}")
        T("name+call-name-brackets", f"{ini} ({first}) {s}")
        F("name-conflicting-second-initial", f"{ini[:2]}{'K' if ini[2] != 'K' else 'M'}. {s}")
        if dutch:
            T("name+call-name-brackets-reversed", f"{s}, {ini} ({first})")
    if p.meta.get("call"):
        T("name+call-name-full", f"{p.meta['call']} {s}")
        T("name+call-name-official", f"{ini} ({p.meta['call']}) {s}")
    if particle:
        T("name+reversed-particle-after", f"{core}, {ini} {particle}")
    T("name+reversed-comma", f"{s}, {ini}")
    T("name+reversed-comma-given", f"{s.upper()}, {g}")
    T("name+reversed-nocomma", f"{s[0].upper() + s[1:]} {ini}")
    for fam, form in surname_forms(s):
        T(f"name+{fam}", f"{ini} {form}")
    for src, fam in ((s, "name+transliterated"), (g, "name+transliterated-given")):
        v = translit_variant(rng, src)
        if v:
            T(fam, f"{g} {v}" if src == s else f"{v} {s}")
            if src == s:
                T("name+transliterated-initials", f"{ini} {v}")
                T("name+transliterated-upper", f"{ini} {v}".upper())
    if dutch:
        T("name+title", f"{rng.choice(NL_TITLES)} {ini} {s}, {rng.choice(NL_ROLES)}")
        T("name+role-brackets", f"{first} {s} ({rng.choice(NL_ROLES)})")
    else:
        T("name+title", f"{rng.choice(EN_TITLES)} {first} {s}")
        T("name+suffix-credential", f"{first} {s}, {rng.choice(EN_SUFFIX)}")
        T("name+suffix-credential-dotted", f"{g} {s}, M.D.")
    # partner-name combinations
    if p.partner:
        T("name+partner-only", f"{first} {p.partner}")
        T("name+partner-only-initial", f"{ini} {p.partner}")
        T("name+double-surname", f"{ini} {p.partner}-{s}")
        T("name+double-surname-other-order", f"{ini} {s}-{p.partner}")
        T("name+own-surname", f"{first} {s}")
        T("name+double-surname-reversed", f"{p.partner}-{s}, {ini}")
    if "-" in s and not p.partner:
        a, c = s.split("-", 1)
        F("name-one-name-double-part", f"{first} {a}")
        F("name-one-name-double-part", f"{ini} {c}")
        T("name+one-name-double-whole", f"{ini} {s}")
        T("name+one-name-double-spaced", f"{first} {a} {c}")
    avoid = set().union(*(all_keys(n["surname"]) for n in p.names))
    avoid |= {k for n in p.names for part in n["surname"].split("-") for k in all_keys(part)}
    near = near_surname(rng, s, avoid)
    if near:
        F("name-near-surname", f"{g} {near}")
        F("name-near-surname-initials", f"{ini} {near}")
    op = other_particle(s)
    if op and not (all_keys(op) & avoid):
        F("name-other-particle", f"{first} {op}")
    others = [x for x in (NL_GIVEN if dutch else EN_GIVEN) if key(x.split()[0])[0] != key(first)[0]]
    other = rng.choice(others).split()[0]
    F("name-other-given", f"{other} {s}")
    F("name-conflicting-initial", f"{initials(other)} {s}")
    F("name-conflicting-hyphenated-given", f"{first}-{'Willem' if dutch else 'Mae'} {s}")
    own_given = {k for part in g.replace("-", " ").split() for k in all_keys(part)}
    same_init = [x.split()[0] for x in (NL_GIVEN + EN_GIVEN)
                 if key(x)[0] == key(first)[0]
                 and not (all_keys(x.replace("-", " ").split()[0]) & own_given)]  # fmt: skip
    if same_init:
        F("name-same-initial-other-given", f"{rng.choice(same_init)} {s}")
    biz = rng.choice(BUSINESS_NL if dutch else BUSINESS_EN)
    F("name-surname-only-business", biz.format(s=s[0].upper() + s[1:]))
    F(
        "name-surname-only",
        f"{rng.choice(['mevrouw', 'meneer', 'familie']) if dutch else rng.choice(['Mrs', 'Mr', 'the'])} {s}",
    )
    pool = NL_SURNAMES if dutch else EN_SURNAMES
    osur = rng.choice([x for x in pool if not (all_keys(x) & avoid) and key(x) not in avoid])
    F("name-other-surname", f"{g} {osur}")


# -- addresses ---------------------------------------------------------------------------------


def other_num(rng: random.Random, n: str) -> str:
    v = int(n)
    choices = [v + 1, v + 2, v - 1 if v > 1 else v + 3, v * 10 + rng.randint(0, 9),
               int(n[:-1]) if len(n) > 1 else v + 10]  # fmt: skip
    return str(rng.choice([c for c in choices if c != v and c > 0]))


def nl_add_forms(num: str, add: str) -> list[tuple[str, str]]:
    if not add:
        return [("", num)]
    forms = [("hyphen-addition", f"{num}-{add}"), ("space-addition", f"{num} {add}")]
    if add.isalpha() and len(add) == 1:
        forms += [("joined-addition", f"{num}{add}"), ("lower-addition", f"{num}-{add.lower()}")]
    if add.isdigit():
        forms += [("spaced-hyphen-addition", f"{num} - {add}")]
    return forms


def other_addition(rng: random.Random, add: str) -> str:
    if not add:
        return rng.choice(["A", "B", "2", "1"])
    pool = {"A": "B", "B": "C", "C": "A", "D": "E", "1": "2", "2": "1", "3": "1", "II": "I",
            "III": "II", "hs": "1", "bis": "A", "zw": "rd"}  # fmt: skip
    return pool.get(add, "Z")


def misspell(rng: random.Random, street: str, errors: int) -> str | None:
    """The street with typing errors (MATCHING.md): a letter left out, doubled, replaced or
    swapped with its neighbour, all in one word of at least 6 letters; None if it has none.
    Two errors are kept only when no single error gives the same spelling."""
    words = street.split(" ")
    long = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 6]
    if not long:
        return None
    at = rng.choice(long)
    word = words[at]
    for _ in range(20):
        new = word
        for _ in range(errors):
            k = rng.randrange(1, len(new) - 1)
            kind = rng.choice(["drop", "double", "replace", "swap"])
            if kind == "drop":
                new = new[:k] + new[k + 1 :]
            elif kind == "double":
                new = new[:k] + new[k] + new[k:]
            elif kind == "replace":
                letter = rng.choice("qwertyuiopasdfghjklzxcvbnm".replace(new[k], ""))
                new = new[:k] + letter + new[k + 1 :]
            elif new[k] != new[k + 1]:
                new = new[:k] + new[k + 1] + new[k] + new[k + 2 :]
        # a dropped letter may spell an abbreviation (Stationswg: -wg.), not a typing error
        abbreviated = any(new.endswith(x) and not word.endswith(x) for x in ("wg", "str", "ln"))
        if osa(new.lower(), word.lower()) == errors and not abbreviated:
            return " ".join([*words[:at], new, *words[at + 1 :]])
    return None


def osa(a: str, b: str) -> int:
    """Optimal string alignment distance (a transposition counts one)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def address_cases_nl(b: Builder, p: Person, a: dict[str, str], other: dict[str, str]) -> None:
    rng = b.rng
    lab = a["label"]
    st, num, add, pc, city = a["street"], a["house_number"], a["addition"], a["postcode"], a["city"]
    pcn = pc.replace(" ", "")
    T = lambda fam, raw: b.add(p, fam, {"address": raw}, {"address": [lab]})  # noqa: E731
    F = lambda fam, raw: b.add(p, fam, {"address": raw}, {"address": []})  # noqa: E731
    full = f"{num}-{add}" if add else num
    T("address+canonical", f"{st} {num}{' ' + add if add else ''}, {pc} {city}")
    for fam, nf in nl_add_forms(num, add):
        T(f"address+{fam or 'plain'}", f"{st} {nf}, {pc} {city}")
    T("address+lowercase", f"{st} {full}, {pc} {city}".lower())
    T("address+upper", f"{st} {full}, {pcn} {city}".upper())
    T("address+postcode-nospace", f"{st} {full}, {pcn} {city}")
    T("address+postcode-number", f"{pcn} {num}{add if not add.isdigit() else '-' + add}")
    T("address+postcode-number-spaced", f"{pc}, {full}")
    T(
        "address+with-country",
        f"{st} {full}, {pc} {city}, {rng.choice(['Nederland', 'the Netherlands', 'NL'])}",
    )
    T("address+multiline", f"{st} {full}\n{pc}  {city.upper() if rng.random() < 0.5 else city}")
    T("address+abbreviated-street", f"{a['_abbr']} {full}, {city}")
    T("address+abbreviated-street-postcode", f"{a['_abbr']} {full}, {pc} {city}")
    T("address+city-only", f"{st} {full}, {city}")
    T("address+postcode-only", f"{st} {full}, {pc}")
    one, two = misspell(rng, st, 1), misspell(rng, st, 2)
    if one:
        T("address+street-typo-postcode", f"{one} {full}, {pc} {city}")
        F("address-street-typo-city-only", f"{one} {full}, {city}")
    if two:
        F("address-street-two-typos", f"{two} {full}, {pc} {city}")
    T("address+reordered", f"{pc} {city}, {st} {full}")
    T("address+joining-word", f"{st} {full} te {city}")
    T("address+running-text", f"woont op nummer {num} van de {st} in {city}")
    T("address+punctuation", f"{st}, {full}; {pc}; {city}.")
    if a["_alias"]:
        T("address+city-alias", f"{st} {full}, {pc} {a['_alias']}")
        T("address+city-alias-no-postcode", f"{st} {full}, {a['_alias']}")
    prov, abbrs, towns = NL_PROVINCE[city]
    T("address+nl-province", f"{st} {full}, {pc} {city}, {prov}")
    T("address+nl-province-abbr", f"{st} {full}, {city} ({rng.choice(abbrs)})")
    T("address+nl-province-abbr-bare", f"{st} {full}, {pc} {city} {rng.choice(abbrs)}")
    T("address+nl-province-country", f"{st} {full}, {pc} {city}, {prov}, {rng.choice(NL_COUNTRY)}")
    T("address+trailing-country", f"{st} {full}\n{pc} {city}\n{rng.choice(NL_COUNTRY)}")
    F(
        "address-nl-province-other-town",
        f"{st} {full}, {rng.choice([t for t in towns if t != city])}, {prov}",
    )
    F(
        "address-nl-province-other-town-postcode",
        f"{st} {full}, {pc} {rng.choice([t for t in towns if t != city])} ({rng.choice(abbrs)})",
    )
    if prov != city:
        F("address-nl-province-only", f"{st} {full}, {prov}")
    if city in NL_CITY_FORMS:
        forms, decoys = NL_CITY_FORMS[city]
        T("address+city-rule-form", f"{st} {full}, {rng.choice(forms)}")
        T("address+city-rule-form-postcode", f"{st} {full}, {pc} {rng.choice(forms)}")
        F("address-city-lookalike-town", f"{st} {full}, {rng.choice(decoys)}")
    if add:
        T("address+unit-omitted", f"{st} {num}, {pc} {city}")
        F("address-other-unit", f"{st} {num}-{other_addition(rng, add)}, {pc} {city}")
        if add.isdigit():
            F("address-numeric-addition-joined", f"{st} {num}{add}, {city}")
    else:
        F("address-unit-added-differs", f"{st} {num}-{other_addition(rng, '')}, {pc} {city}")
    on = other_num(rng, num)
    F("address-other-number", f"{st} {on}, {pc} {city}")
    F("address-other-number-city", f"{st} {on}, {city}")
    F("address-same-postcode-other-number", f"{pcn} {on}")
    ocity = rng.choice([c for c in NL_CITIES if c[0] != city and c[1] != city])
    F("address-other-city", f"{st} {full}, {ocity[0]}")
    opc = pc
    while opc == pc:
        opc = nl_postcode(rng, pc[:2])
    F("address-other-postcode", f"{st} {full}, {opc}")
    ost = rng.choice([s for s, _ in NL_STREETS if s != st])
    F(
        "address-other-street",
        f"{ost} {full}, {pc} {city}" if rng.random() < 0.3 else f"{ost} {full}, {city}",
    )
    F("address-similar-street", f"{rng.choice(NL_SIMILAR['prefix'])} {st} {full}, {city}")
    F("address-po-box", f"Postbus {num}, {pc} {city}")
    if other["street"] != st:
        F("address-other-address-street-mix", f"{other['street']} {full}, {city}")


def address_cases_us(b: Builder, p: Person, a: dict[str, str]) -> None:
    rng = b.rng
    lab = a["label"]
    st, num, unit, z, city, state = (a["street"], a["house_number"], a["addition"],
                                     a["postcode"], a["city"], a["state"])  # fmt: skip
    T = lambda fam, raw: b.add(p, fam, {"address": raw}, {"address": [lab]})  # noqa: E731
    F = lambda fam, raw: b.add(p, fam, {"address": raw}, {"address": []})  # noqa: E731
    u = f" {unit}" if unit else ""
    T("address+canonical", f"{num} {st}{u}, {city}, {state} {z}")
    one, two = misspell(rng, st, 1), misspell(rng, st, 2)
    if one:
        T("address+street-typo-zip", f"{num} {one}{u}, {city}, {state} {z}")
        F("address-street-typo-no-zip", f"{num} {one}{u}, {city}, {state}")
    if two:
        F("address-street-two-typos", f"{num} {two}{u}, {city}, {state} {z}")
    T("address+usps", f"{num} {a['_abbr']}{u} {city} {state} {z}".upper())
    T("address+zip-plus-4", f"{num} {a['_abbr']}{u}, {city}, {state} {z}-{rng.randint(1000, 9999)}")
    T("address+state-name", f"{num} {st}{u}, {city}, {a['_statename']}")
    T("address+state-name-zip", f"{num} {a['_abbr']}{u}, {city}, {a['_statename']} {z}")
    T(
        "address+with-country",
        f"{num} {st}{u}, {city}, {state} {z}, {rng.choice(['USA', 'United States'])}",
    )
    T("address+multiline", f"{num} {a['_abbr']}{u}\n{city}, {state} {z}")
    T(
        "address+abbreviated-dots",
        f"{num} {a['_abbr'].replace(' ', '. ', 1) if a['_abbr'][1] == ' ' else a['_abbr']}.{u}, {city}, {state}",
    )
    T("address+lowercase", f"{num} {st}{u}, {city}, {state} {z}".lower())
    T("address+zip-only", f"{num} {st}{u}, {z}")
    if a["_alias"]:
        T("address+city-alias", f"{num} {a['_abbr']}{u}, {a['_alias']}, {state} {z}")
    county, towns = US_COUNTY.get(city, ("", []))
    if county:
        T("address+us-county", f"{num} {st}{u}, {city}, {county}, {state} {z}")
        T(
            "address+us-county-state-name",
            f"{num} {a['_abbr']}{u}, {city}, {county}, {a['_statename']}",
        )
        F("address-us-county-other-town", f"{num} {st}{u}, {rng.choice(towns)}, {county}, {state}")
        F("address-us-county-only", f"{num} {st}{u}, {county}, {state}")
    T("address+trailing-country", f"{num} {st}{u}\n{city}, {state} {z}\n{rng.choice(US_COUNTRY)}")
    if city in US_CITY_FORMS:
        forms, decoys = US_CITY_FORMS[city]
        T("address+city-rule-form", f"{num} {a['_abbr']}{u}, {rng.choice(forms)}, {state} {z}")
        T("address+city-rule-form-no-zip", f"{num} {st}{u}, {rng.choice(forms)}, {state}")
        F("address-city-lookalike-town", f"{num} {st}{u}, {rng.choice(decoys)}, {state}")
    if unit:
        for form in a["_unitforms"]:
            T("address+unit-form", f"{num} {a['_abbr']} {form}, {city}, {state} {z}")
        T("address+unit-omitted", f"{num} {st}, {city}, {state} {z}")
        F("address-other-unit", f"{num} {st} {a['_otherunit']}, {city}, {state} {z}")
    else:
        F("address-unit-added-differs", f"{num} {st} Apt 2, {city}, {state} {z}")
    F("address-other-number", f"{other_num(rng, num)} {st}{u}, {city}, {state} {z}")
    words = st.split()
    dirs = {
        "North": "South",
        "South": "North",
        "East": "West",
        "West": "East",
        "Northwest": "Southeast",
    }
    if words[0] in dirs:
        F(
            "address-other-direction",
            f"{num} {dirs[words[0]]} {' '.join(words[1:])}, {city}, {state} {z}",
        )
        F("address-dropped-direction", f"{num} {' '.join(words[1:])}, {city}, {state} {z}")
    else:
        F(
            "address-added-direction",
            f"{num} {rng.choice(['North', 'N', 'E', 'West'])} {st}, {city}, {state} {z}",
        )
    F(
        "address-other-street-type",
        f"{num} {' '.join(words[:-1])} {US_TYPES[words[-1]]}, {city}, {state} {z}",
    )
    oc = rng.choice([c for c in US_CITIES if c[0] != city and c[1] != state])
    F("address-other-city", f"{num} {st}, {oc[0]}, {oc[1]} {oc[3]}{rng.randint(10, 99)}")
    F("address-other-state", f"{num} {st}, {city}, {oc[1]}")
    F("address-other-zip", f"{num} {st}, {city}, {state} {z[:3]}{(int(z[3:]) + 7) % 100:02d}")
    F("address-po-box", f"PO Box {num}, {city}, {state} {z}")
    F("address-po-box-dotted", f"P.O. Box {num}, {city}, {state} {z}")


def address_cases_uk(b: Builder, p: Person, a: dict[str, str]) -> None:
    rng = b.rng
    lab = a["label"]
    st, num, pc, city, flat = a["street"], a["house_number"], a["postcode"], a["city"], a["_flat"]
    pcn = pc.replace(" ", "")
    T = lambda fam, raw: b.add(p, fam, {"address": raw}, {"address": [lab]})  # noqa: E731
    F = lambda fam, raw: b.add(p, fam, {"address": raw}, {"address": []})  # noqa: E731
    f = f"Flat {flat}, " if flat else ""
    T("address+canonical", f"{f}{num} {st}, {city} {pc}")
    one, two = misspell(rng, st, 1), misspell(rng, st, 2)
    if one:
        T("address+street-typo-postcode", f"{f}{num} {one}, {city} {pc}")
        F("address-street-typo-city-only", f"{f}{num} {one}, {city}")
    if two:
        F("address-street-two-typos", f"{f}{num} {two}, {city} {pc}")
    T("address+upper", f"{f}{num} {st}, {city} {pc}".upper())
    T("address+abbreviated", f"{f}{num} {a['_abbr']}, {city}, {pcn}")
    T("address+postcode-only", f"{f}{num} {st}, {pc}")
    T(
        "address+with-country",
        f"{f}{num} {st}, {city} {pc}, {rng.choice(['United Kingdom', 'UK', 'England'])}",
    )
    T("address+multiline", f"{f.rstrip(', ')}\n{num} {st}\n{city}\n{pc}".lstrip("\n"))
    if a["_alias"]:
        T("address+city-alias", f"{f}{num} {st}, {a['_alias']} {pc}")
    counties, towns, nation = UK_COUNTY[city]
    county = rng.choice(counties)
    T("address+uk-county", f"{f}{num} {st}, {city}, {county} {pc}")
    T("address+uk-county-no-postcode", f"{f}{num} {a['_abbr']}, {city}, {county}")
    T(
        "address+uk-county-country",
        f"{f}{num} {st}, {city}, {county}, {pc}, {rng.choice(UK_COUNTRY[nation])}",
    )
    T(
        "address+uk-county-multiline",
        f"{f.rstrip(', ')}\n{num} {st}\n{city}\n{county}\n{pc}".lstrip("\n"),
    )
    T("address+trailing-country", f"{f}{num} {st}, {city} {pc}, {rng.choice(UK_COUNTRY[nation])}")
    F("address-uk-county-other-town", f"{num} {st}, {rng.choice(towns)}, {county}")
    F("address-uk-county-only", f"{num} {st}, {county}")
    if city in UK_CITY_FORMS:
        forms, decoys = UK_CITY_FORMS[city]
        T("address+city-rule-form", f"{f}{num} {st}, {rng.choice(forms)} {pc}")
        T("address+city-rule-form-no-postcode", f"{f}{num} {st}, {rng.choice(forms)}")
        F("address-city-lookalike-town", f"{num} {st}, {rng.choice(decoys)}")
    if flat:
        T("address+flat-slash", f"{flat}/{num} {a['_abbr']}, {pc}")
        T("address+unit-omitted", f"{num} {st}, {city} {pc}")
        other = str(int(flat) % 9 + 1)
        F("address-other-unit", f"Flat {other}, {num} {st}, {city} {pc}")
        F("address-other-flat-slash", f"{other}/{num} {st}, {city} {pc}")
    else:
        F("address-unit-added-differs", f"Flat 3, {num} {st}, {city} {pc}")
    on = other_num(rng, num)
    F("address-other-number", f"{on} {st}, {city} {pc}")
    oc = rng.choice([c for c in UK_CITIES if c[0] != city])
    F("address-other-city", f"{num} {st}, {oc[0]} {uk_postcode(rng, oc[2])}")
    opc = pc
    while opc == pc:
        opc = uk_postcode(rng, pc.split()[0])
    F("address-other-postcode", f"{num} {st}, {opc}")
    ost = rng.choice([s for s, _ in UK_STREETS if s != st])
    F("address-other-street", f"{num} {ost}, {city} {pc}")
    F(
        "address-similar-street",
        f"{num} {rng.choice(['Upper', 'Lower', 'Old', 'New'])} {st}, {city} {pc}",
    )
    F("address-po-box", f"PO Box {num}, {city} {pc}")


# -- phones and emails -------------------------------------------------------------------------


def phone_cases(b: Builder, p: Person) -> None:
    rng = b.rng
    for ph in p.phones:
        cc, nsn = e164(p.country, ph["number"])
        forms = phone_forms(p.country, cc, nsn)
        for fam, raw in rng.sample(forms, min(len(forms), 8)):
            b.add(p, f"phone+{fam}", {"phone": raw}, {"phone": [ph["label"]]})
        for fam, raw in phone_decoys(rng, p.country, cc, nsn):
            b.add(p, f"phone-{fam}", {"phone": raw}, {"phone": []})
        if p.country == "NL" and not nsn.startswith("6"):
            other_area = "20" if not nsn.startswith("20") else "10"
            sub = nsn[-7:]
            b.add(
                p,
                "phone-other-area-same-subscriber",
                {"phone": f"0{other_area}-{sub}"},
                {"phone": []},
            )


def gmail_dotted(rng: random.Random, local: str) -> str:
    flat = local.replace(".", "")
    i = rng.randrange(1, len(flat))
    return flat[:i] + "." + flat[i:]


def email_cases(b: Builder, p: Person) -> None:
    rng = b.rng
    for em in p.emails:
        addr = em["address"]
        local, dom = addr.split("@")
        name, tld = dom.rsplit(".", 1) if not dom.endswith(".co.uk") else (dom[:-6], "co.uk")
        lab = em["label"]
        T = lambda fam, raw, lab=lab: b.add(p, fam, {"email": raw}, {"email": [lab]})  # noqa: E731
        F = lambda fam, raw: b.add(p, fam, {"email": raw}, {"email": []})  # noqa: E731
        dot_words = lambda s, w: f" {w} ".join(s.split("."))  # noqa: E731
        T("email+upper", addr.upper())
        T("email+mailto", f"mailto:{addr}")
        T("email+mailto-upper", f"MAILTO:{addr.title()}")
        T("email+obfuscated-at", f"{local} [at] {dom}")
        T("email+obfuscated-at-dot", f"{local}(at){dot_words(dom, '[dot]').replace(' ', '')}")
        T("email+obfuscated-brackets", f"{local} (at) {name} (dot) {tld.replace('.', ' (dot) ')}")
        T("email+words-en", f"{dot_words(local, 'dot')} at {dot_words(dom, 'dot')}")
        T("email+words-nl", f"{dot_words(local, 'punt')} apenstaartje {dot_words(dom, 'punt')}")
        T("email+words-upper", f"{local} AT {dot_words(dom, 'DOT')}")
        T("email+plus-tag", f"{local}+{rng.choice(['news', 'kliniek', 'x1', 'spam'])}@{dom}")
        if dom == "gmail.com":
            T("email+gmail-dots", f"{gmail_dotted(rng, local)}@gmail.com")
            T("email+googlemail-alias", f"{local}@googlemail.com")
            T("email+googlemail-dots-tag", f"{gmail_dotted(rng, local).upper()}+abc@GoogleMail.com")
        elif "." in local:
            F("email-dots-significant", f"{local.replace('.', '')}@{dom}")
        else:
            F("email-dots-significant", f"{local[0]}.{local[1:]}@{dom}")
        F("email-other-domain", f"{local}@{rng.choice(['proton.me', 'aol.com', 'web.de'])}")
        F("email-other-tld", f"{local}@{name}.{'de' if tld != 'de' else 'be'}")
        F("email-other-local", f"{local}{rng.randint(2, 9)}@{dom}")
        F("email-other-local-prefix", f"x{local}@{dom}")
        F("email-subdomain", f"{local}@mail.{dom}")
        if dom == "gmail.com":
            F("email-gmail-other-local", f"{local[:-1]}@gmail.com")


# -- page texts --------------------------------------------------------------------------------


def nl_addr_str(a: dict[str, str], style: int) -> str:
    add = a["addition"]
    full = f"{a['house_number']}{'-' + add if add else ''}"
    return [
        f"{a['street']} {full}, {a['postcode']} {a['city']}",
        f"{a['street']} {full}\n{a['postcode'].replace(' ', '')} {a['city'].upper()}",
        f"{a['street']} {full} te {a['city']}",
        f"{a['_abbr']} {full}, {a['city']}",
    ][style % 4]


def en_addr_str(a: dict[str, str], style: int) -> str:
    if a["country"] == "US":
        u = f" {a['addition']}" if a["addition"] else ""
        return [
            f"{a['house_number']} {a['street']}{u}, {a['city']}, {a['state']} {a['postcode']}",
            f"{a['house_number']} {a['_abbr']}{u}, {a['city']}, {a['state']} {a['postcode']}-{1000 + style * 17}",
            f"{a['house_number']} {a['_abbr'].upper()}{u.upper()}, {a['city'].upper()}, {a['state']} {a['postcode']}",
        ][style % 3]  # fmt: skip
    f = f"Flat {a['_flat']}, " if a["_flat"] else ""
    return [
        f"{f}{a['house_number']} {a['street']}, {a['city']} {a['postcode']}",
        f"{f}{a['house_number']} {a['_abbr']}, {a['postcode']}",
        f"{f}{a['house_number']} {a['street'].upper()}, {a['city'].upper()} {a['postcode']}",
    ][style % 3]


def addr_str(a: dict[str, str], style: int) -> str:
    return nl_addr_str(a, style) if a["country"] == "NL" else en_addr_str(a, style)


def phone_str(rng: random.Random, p: Person, label: str) -> str:
    ph = next(x for x in p.phones if x["label"] == label)
    cc, nsn = e164(p.country, ph["number"])
    forms = [f for f in phone_forms(p.country, cc, nsn) if f[0] not in ("label", "tel-link")]
    return rng.choice(forms)[1]


def decoy_address(rng: random.Random, p: Person, a: dict[str, str]) -> str:
    """Same street, other number (and no unit), same city: another building."""
    on = other_num(rng, a["house_number"])
    if a["country"] == "NL":
        return f"{a['street']} {on}, {a['city']}"
    if a["country"] == "US":
        return f"{on} {a['street']}, {a['city']}, {a['state']} {a['postcode']}"
    return f"{on} {a['street']}, {a['city']} {a['postcode']}"


def decoy_phone(rng: random.Random, p: Person) -> str:
    ph = rng.choice(p.phones)
    cc, nsn = e164(p.country, ph["number"])
    _, raw = rng.choice([d for d in phone_decoys(rng, p.country, cc, nsn) if d[0] != "extra-digit"])
    return raw


def decoy_email(rng: random.Random, p: Person) -> str:
    em = rng.choice(p.emails)["address"]
    local, dom = em.split("@")
    return rng.choice([f"{local}{rng.randint(2, 9)}@{dom}", f"{local}@{dom.rsplit('.', 1)[0]}.de",
                       f"{local}@proton.me"])  # fmt: skip


def display_name(rng: random.Random, p: Person, dutch: bool) -> str:
    ini = initials(p.given)
    first = p.given.replace("-", " ").split()[0]
    opts = [f"{p.given} {p.surname}", f"{ini} {p.surname}", f"{first} {p.surname}"]
    opts.append(f"dr. {ini} {p.surname}" if dutch else f"Dr. {first} {p.surname}")
    return rng.choice(opts)


def decoy_name(rng: random.Random, p: Person, dutch: bool) -> str:
    """Someone else: same surname with another given name, or another person entirely."""
    g0 = key(p.given)[0]
    pool = [x.split()[0] for x in (NL_GIVEN if dutch else EN_GIVEN) if key(x)[0] != g0]
    if rng.random() < 0.5:
        return f"{rng.choice(pool)} {p.surname}"
    sp = [x for x in (NL_SURNAMES if dutch else EN_SURNAMES) if key(x) != key(p.surname)]
    return f"{rng.choice(pool)} {rng.choice(sp)}"


def text_cases(b: Builder, p: Person) -> None:
    rng = b.rng
    dutch = p.country == "NL"
    home, prac = p.addresses
    name = display_name(rng, p, dutch)
    other = decoy_name(rng, p, dutch)
    g0 = key(p.given)[0]
    pool = [x.split()[0] for x in (NL_GIVEN if dutch else EN_GIVEN) if key(x)[0] != g0]
    rel = f"{rng.choice(pool)} {p.surname}"
    E = lambda n, a, ph, em: {"name": n, "address": a, "phone": ph, "email": em}  # noqa: E731
    mob, work = phone_str(rng, p, "mobile"), phone_str(rng, p, "practice")
    priv, wmail = p.emails[0]["address"], p.emails[1]["address"]
    loc, dom = priv.split("@")
    if dutch:
        a = home
        add = f"-{a['addition']}" if a["addition"] else ""
        where = rng.choice([
            f"woont op nummer {a['house_number']} van de {a['street']} in {a['city']}",
            f"woont op {a['street']} {a['house_number']}{add}, {a['city']}",
            f"woont aan de {a['street']} {a['house_number']}{add} te {a['city']}",
            f"adres: {a['postcode']} {a['city']}, {a['street']} {a['house_number']}{add}",
        ])  # fmt: skip
        body = (f"Dit is die arts die mijn moeder liet wachten. {name} {where}. "
                f"Bel maar eens op {mob} of mail {loc} apenstaartje {dom.replace('.', ' punt ')}. "
                f"Haar collega {rel} woont trouwens ook in de {a['street']}, op nummer "
                f"{other_num(rng, a['house_number'])}.")  # fmt: skip
        b.add(p, "text:doxing-post", {"text": body}, E(True, ["home"], ["mobile"], ["private"]))
        body = (
            f"Zoekresultaten telefoonboek\n{name}\n{prac['city']}\n{work}\n"
            f"{other}\n{prac['city']}\n{decoy_phone(rng, p)}\nMeer informatie over huisartsen in {prac['city']}"
        )
        b.add(p, "text:directory", {"text": body}, E(True, [], ["practice"], []))
        body = (
            f"Huisartsenpraktijk {rng.choice(['De Esch', 'Het Kompas', 'Zuiderhof'])}\n\nOns team\n"
            f"{name}, huisarts\n{rel}, praktijkondersteuner\n"
            f"Bezoekadres: {nl_addr_str(prac, rng.randint(0, 3))}\nTelefoon: {work} (spoed: optie 1)\n"
            f"Fax: {decoy_phone(rng, p)}\nE-mail: {wmail}\nSpreekuur op werkdagen van 8.00 tot 17.00 uur."
        )
        b.add(
            p, "text:practice-page", {"text": body}, E(True, ["practice"], ["practice"], ["work"])
        )
        big = rng.randint(10**10, 10**11 - 1)
        body = (f"BIG-register\nNaam: {initials(p.given)} {p.surname}\nBIG-nummer: {big}\n"
                f"Beroep: Arts\nSpecialisme: Huisartsgeneeskunde\nWerkadres: {prac['street']} "
                f"{prac['house_number']}{'-' + prac['addition'] if prac['addition'] else ''}, "
                f"{prac['postcode']} {prac['city']}")  # fmt: skip
        b.add(p, "text:registry", {"text": body}, E(True, ["practice"], [], []))
        body = (
            f"KvK-uittreksel\nBestuurder: {p.surname}, {p.given}\nVestigingsadres: "
            f"{home['postcode']} {home['house_number']}{'-' if home['addition'].isdigit() else ''}"
            f"{home['addition']}\nRechtsvorm: Eenmanszaak"
        )
        b.add(p, "text:company-officer", {"text": body}, E(True, ["home"], [], []))
    else:
        a = home
        body = (
            f"{display_name(rng, p, False)}, age 40s\nCurrent address: {addr_str(a, rng.randint(0, 2))}\n"
            f"Phone numbers: {mob} (Wireless), {decoy_phone(rng, p)} (Landline)\nEmail: {priv}\n"
            f"Relatives: {rel}, {other}\nPrevious address: {decoy_address(rng, p, a)}"
        )
        b.add(p, "text:people-search", {"text": body}, E(True, ["home"], ["mobile"], ["private"]))
        body = (
            f"Found her. {name} lives at {addr_str(a, 0)}. Her number is {mob}, "
            f"email {loc} at {dom.replace('.', ' dot ')}. Her neighbour at "
            f"{decoy_address(rng, p, a)} knows her too."
        )
        b.add(p, "text:doxing-post", {"text": body}, E(True, ["home"], ["mobile"], ["private"]))
        if p.country == "US":
            npi = rng.randint(10**9, 10**10 - 1)
            body = (
                f"NPI {npi}\n{name.upper()}\nPrimary practice address\n{addr_str(prac, 2)}\n"
                f"Phone: {work}\nTaxonomy: Family Medicine"
            )
        else:
            body = (
                f"GMC reference number {rng.randint(1000000, 9999999)}\n{p.given} {p.surname.upper()}\n"
                f"Registered with a licence to practise\nDesignated body address: {addr_str(prac, 0)}\n"
                f"Telephone: {work}"
            )
        b.add(p, "text:registry", {"text": body}, E(True, ["practice"], ["practice"], []))
        body = (
            f"{rng.choice(['Riverside', 'Oakfield', 'Meadowbank'])} Medical Practice\n\nOur team\n"
            f"{name}, GP partner\nDr {rel}, salaried GP\nAddress: {addr_str(prac, 1)}\n"
            f"Appointments: {work}\nEmail: {wmail}"
        )
        b.add(
            p, "text:practice-page", {"text": body}, E(True, ["practice"], ["practice"], ["work"])
        )
        if p.country == "UK":
            f = f"Flat {home['_flat']}, " if home["_flat"] else ""
            body = (
                f"Officer: {p.surname.upper()}, {p.given}\nCorrespondence address: {f}"
                f"{home['house_number']} {home['street']}, {home['city']} {home['postcode']}\n"
                f"Role: Director\nOccupation: General Practitioner"
            )
            b.add(p, "text:company-officer", {"text": body}, E(True, ["home"], [], []))
        body = f"Directory results\n{name}\n{prac['city']}\n{work}\n{other}\n{decoy_phone(rng, p)}"
        b.add(p, "text:directory", {"text": body}, E(True, [], ["practice"], []))
    # an address with its county, province or country, in a listing
    a = prac
    if dutch:
        prov, abbrs, _ = NL_PROVINCE[a["city"]]
        add = f"-{a['addition']}" if a["addition"] else ""
        body = (f"{name}\nPraktijkadres: {a['street']} {a['house_number']}{add}\n"
                f"{a['postcode']} {a['city']} ({rng.choice(abbrs)})\n{prov}, {rng.choice(NL_COUNTRY)}")  # fmt: skip
    elif p.country == "UK":
        county = rng.choice(UK_COUNTY[a["city"]][0])
        f = f"Flat {a['_flat']}, " if a["_flat"] else ""
        body = (f"{name}\nRegistered office: {f}{a['house_number']} {a['street']}, {a['city']}, "
                f"{county}, {a['postcode']}, {rng.choice(UK_COUNTRY[UK_COUNTY[a['city']][2]])}")  # fmt: skip
    else:
        county = US_COUNTY.get(a["city"], ("", []))[0]
        c = f"{county}, " if county else ""
        u = f" {a['addition']}" if a["addition"] else ""
        body = (f"{name}\nPractice location: {a['house_number']} {a['street']}{u}, {a['city']}, "
                f"{c}{a['state']} {a['postcode']}, {rng.choice(US_COUNTRY)}")  # fmt: skip
    b.add(p, "text:address-with-region", {"text": body}, E(True, ["practice"], [], []))
    # labelled fields, one a line; the same form for the neighbour is another building
    a = home
    first = p.given.replace("-", " ").split()[0]
    if dutch:
        add = a["addition"]
        rows = [f"Straat: {a['street']}", f"Huisnummer: {a['house_number']}"]
        rows += [f"Toevoeging: {add}"] if add else []
        rows += [f"Postcode: {a['postcode']}", f"Plaats: {a['city']}"]
        intro = f"Onze huisarts is {first}\n{p.surname} en zij"
    else:
        u = a["addition"]
        rows = [f"Address: {a['house_number']} {a['street']}"] + (
            [f"{u.split()[0]}: {u.split()[1]}"] if u else []
        )
        if p.country == "US":
            rows += [f"City: {a['city']}", f"State: {a['state']}", f"ZIP: {a['postcode']}"]
        else:
            rows += [
                f"Town: {a['city']}",
                f"County: {rng.choice(UK_COUNTY[a['city']][0])}",
                f"Postcode: {a['postcode']}",
            ]
        intro = f"Our new doctor is Dr. {first}\n{p.surname}, who"
    sep = rng.choice([": ", " | "])
    rows = [r.replace(": ", sep, 1) for r in rows]
    b.add(p, "text:labelled-fields", {"text": "\n".join([intro, *rows])}, E(True, ["home"], [], []))
    on = other_num(rng, a["house_number"])
    other_rows = [r.replace(a["house_number"], on, 1) if i < 2 else r for i, r in enumerate(rows)]
    b.add(
        p, "text:labelled-fields-neighbour", {"text": "\n".join(other_rows)}, E(False, [], [], [])
    )
    # namesake: the same name, everything else someone else's
    nk = (
        f"{p.given} {p.surname}\n{decoy_address(rng, p, home)}\nTel. {decoy_phone(rng, p)}\n"
        f"E-mail: {decoy_email(rng, p)}"
    )
    b.add(p, "text:namesake", {"text": nk}, E(True, [], [], []))
    # unrelated pages: other people (some with the same surname), the same street elsewhere
    biz = rng.choice(BUSINESS_NL if dutch else BUSINESS_EN).format(
        s=p.surname[0].upper() + p.surname[1:]
    )
    if dutch:
        body = (
            f"Gemeente {home['city']}: nieuwe openingstijden. {biz} verhuist naar "
            f"{decoy_address(rng, p, home)}. Contact: {decoy_phone(rng, p)}, "
            f"{decoy_email(rng, p)}. Met vriendelijke groet, {rel}"
        )
    else:
        body = (
            f"{rel}, age 60s\nCurrent address: {decoy_address(rng, p, home)}\n"
            f"Relatives: {p.surname}, {other}\nPhone: {decoy_phone(rng, p)}\n{biz} is nearby."
        )
    b.add(p, "text:unrelated", {"text": body}, E(False, [], [], []))
    # list trap: "Surname, Given" across list items of different people
    first = p.given.replace("-", " ").split()[0]
    osur = rng.choice(
        [x for x in (NL_SURNAMES if dutch else EN_SURNAMES) if key(x) != key(p.surname)]
    )
    body = (
        f"{'Familieleden' if dutch else 'Relatives'}: {rel}, {first} {osur}, {other}\n"
        f"{'Woonplaats' if dutch else 'City'}: {home['city']}"
    )
    b.add(p, "text:relatives-list", {"text": body}, E(False, [], [], []))
    # masked details next to the right name
    ph = p.phones[0]
    cc, nsn = e164(p.country, ph["number"])
    masked = next(d for d in phone_decoys(rng, p.country, cc, nsn) if d[0] == "masked")[1]
    body = (
        f"{name}\n{'Telefoon' if dutch else 'Phone'}: {masked}\n"
        f"{'Upgrade om het volledige nummer te zien' if dutch else 'Unlock the full number'}\n"
        f"E-mail: {loc[0]}***@{dom}"
    )
    b.add(p, "text:masked", {"text": body}, E(True, [], [], []))


# -- one-line snippets: name, phone or age and the address on one line -------------------------

SNIPPET_SEPS = [" ", " | ", " - ", " – ", " — ", " · ", " • ", " / ", ", "]
# Capitalised words that, written in front of a street, make another street (Kromme
# Nieuwegracht, Frans Halsstraat), and in front of a house number another number (Plot 14
# Kiln Lane, Box 5182 Tamarack Ave): a snippet line with one is another building.
SNIPPET_NL_WORDS = [
    "Keizer", "Pater", "Ir.", "Minister", "Luitenant", "Gouverneur", "Bisschop", "Juffrouw",
    "Zuidelijke", "Noordelijke", "Oostelijke", "Westelijke", "Verlengde", "Kromme", "Hooge",
    "Groote", "Nwe", "Z.", "Buitenste", "Binnenste", "Zevende", "Achtste", "Frans", "Willem",
    "Jan", "Anna",
]  # fmt: skip
SNIPPET_UK_WORDS = ["Plot", "Block", "Studio", "Maisonette", "Garage"]
SNIPPET_US_WORDS = ["Box", "Route", "Hwy", "Pier"]


def snippet_cases(b: Builder, p: Person) -> None:
    """Directory lines and search-engine snippets: the name, a phone number or an age and the
    home address on one line, separated by spaces, pipes, dashes, dots or slashes. The same
    line with a neighbour's number, a street-name prefix, another street, town or unit is
    another building."""
    rng = b.rng
    a, prac = p.addresses
    E = lambda ad, ph: {"name": True, "address": ad, "phone": ph, "email": []}  # noqa: E731
    name = display_name(rng, p, p.country == "NL")
    sep1, sep2 = rng.choice(SNIPPET_SEPS), rng.choice(SNIPPET_SEPS)
    lead = rng.choice(["", "phone", "age"])
    if p.country == "NL":
        age = rng.choice([f"Leeftijd: {rng.randint(30, 70)}.", f"{rng.randint(30, 70)} jaar", ""])
    else:
        age = rng.choice([f"Age {rng.randint(30, 70)}", f"({rng.randint(30, 70)})", ""])
    extra = phone_str(rng, p, "mobile") if lead == "phone" else (age if lead == "age" else "")
    shown = lead == "phone" and rng.random() < 0.7
    if not shown and lead == "phone":
        extra = ""
    if extra:
        head = f"{extra} {name}{sep1}" if lead == "phone" and rng.random() < 0.5 else ""
        head = head or f"{name}{sep1}{extra}{rng.choice([' ', sep1])}"
    else:
        head = f"{name}{sep1}"
    if rng.random() < 0.2:
        head = head.replace(sep1, " ", 1) if sep1 != ", " else head  # no separator at all
    ph = ["mobile"] if shown else []

    def line(street: str, num: str, place: str) -> str:
        return f"{head}{street} {num}{sep2}{place}"

    def same_street_as_practice(street: str, num: str) -> bool:
        return key(street) == key(prac["street"]) and num == prac["house_number"]

    st, num, city = a["street"], a["house_number"], a["city"]
    on = other_num(rng, num)
    if p.country == "NL":
        add = a["addition"]
        nf = rng.choice(nl_add_forms(num, add))[1]
        street = rng.choice([st, a["_abbr"]])
        pc = a["postcode"]
        place = rng.choice(
            [f"{pc} {city}", city, f"{pc.replace(' ', '')} {city}", f"{pc}{sep2}{city}"]
        )
        b.add(p, "text:snippet-line", {"text": line(street, nf, place)}, E(["home"], ph))
        if not same_street_as_practice(st, on):
            b.add(p, "text:snippet-line-neighbour", {"text": line(street, on, place)}, E([], ph))
        pre = rng.choice([x for x in NL_SIMILAR["prefix"] if not st.startswith(x)])
        b.add(
            p,
            "text:snippet-line-prefixed-street",
            {"text": line(f"{pre} {st}", nf, place)},
            E([], ph),
        )
        ost = rng.choice([x for x, _ in NL_STREETS if x != st and x != prac["street"]])
        b.add(p, "text:snippet-line-other-street", {"text": line(ost, nf, place)}, E([], ph))
        oc = rng.choice([c for c in NL_CITIES if c[0] != city and c[1] != city])
        oplace = rng.choice([oc[0], f"{nl_postcode(rng, oc[2])} {oc[0]}"])
        if not (prac["city"] == oc[0] and same_street_as_practice(st, num)):
            b.add(p, "text:snippet-line-other-town", {"text": line(street, nf, oplace)}, E([], ph))
        if add and not same_street_as_practice(st, num):
            oadd = f"{num}-{other_addition(rng, add)}"
            b.add(p, "text:snippet-line-other-unit", {"text": line(street, oadd, place)}, E([], ph))
        word = rng.choice([w for w in SNIPPET_NL_WORDS if key(w) not in key(p.surname)])
        if key(f"{word} {st}") != key(prac["street"]):
            wline = line(f"{word} {st}", nf, place)
            b.add(p, "text:snippet-line-word-before-street", {"text": wline}, E([], ph))
        return
    street = rng.choice([st, a["_abbr"]])
    if p.country == "US":
        z, state = a["postcode"], a["state"]
        place = rng.choice([f"{city}, {state} {z}", f"{city} {state} {z}", f"{city}, {state}"])
        unit = f" {rng.choice(a['_unitforms'])}" if a["addition"] and rng.random() < 0.5 else ""
        oc = rng.choice([c for c in US_CITIES if c[0] != city and c[1] != state])
        oplace = f"{oc[0]}, {oc[1]} {oc[3]}{rng.randint(10, 99)}"
        similar = rng.choice(["Old", "New", "Upper"])
    else:
        pc = a["postcode"]
        place = rng.choice([f"{city} {pc}", city, f"{city}{sep2}{pc}", f"{city}, {pc}"])
        unit = f" Flat {a['_flat']}" if a["_flat"] and rng.random() < 0.3 else ""
        oc = rng.choice([c for c in UK_CITIES if c[0] != city])
        oplace = rng.choice([oc[0], f"{oc[0]} {uk_postcode(rng, oc[2])}"])
        similar = rng.choice(["Upper", "Lower", "Old", "New"])
    us = p.country == "US"

    def en_line(street: str, num: str, place: str, unit: str = "") -> str:
        if us:
            return f"{head}{num} {street}{unit}{sep2}{place}"
        return f"{head}{unit.strip() + ', ' if unit else ''}{num} {street}{sep2}{place}"

    b.add(p, "text:snippet-line", {"text": en_line(street, num, place, unit)}, E(["home"], ph))
    if not same_street_as_practice(st, on):
        b.add(p, "text:snippet-line-neighbour", {"text": en_line(street, on, place)}, E([], ph))
    b.add(
        p,
        "text:snippet-line-prefixed-street",
        {"text": en_line(f"{similar} {st}", num, place)},
        E([], ph),
    )
    ost = rng.choice(
        [x for x, _ in (US_STREETS if us else UK_STREETS) if x not in (st, prac["street"])]
    )
    b.add(p, "text:snippet-line-other-street", {"text": en_line(ost, num, place)}, E([], ph))
    if not (prac["city"] == oc[0] and same_street_as_practice(st, num)):
        b.add(p, "text:snippet-line-other-town", {"text": en_line(street, num, oplace)}, E([], ph))
    if not same_street_as_practice(st, num):
        ounit = (
            (f" {a['_otherunit']}" if a["addition"] else " Apt 2")
            if us
            else (f" Flat {int(a['_flat']) % 9 + 1}" if a["_flat"] else " Flat 3")
        )
        b.add(
            p,
            "text:snippet-line-other-unit",
            {"text": en_line(street, num, place, ounit)},
            E([], ph),
        )
    if not same_street_as_practice(st, num):
        word = rng.choice(SNIPPET_US_WORDS if us else SNIPPET_UK_WORDS)
        wtext = f"{head}{word} {num} {street}{sep2}{place}"
        b.add(p, "text:snippet-line-word-before-number", {"text": wtext}, E([], ph))
        if us:  # the house number is the end of a phone number: 217-555-5182 Tamarack Ave
            area = rng.choice(["217", "312", "415", "646"])
            wtext = f"{head}{area}-555-{num.zfill(4)[-4:]} {street}{sep2}{place}"
        else:  # a bare number in front (a plot or flat): 120 14 Kiln Lane
            wtext = f"{head}{rng.randint(100, 999)} {num} {street}{sep2}{place}"
        if not head.rstrip(" |-–—·•/,")[-1:].isdigit():  # a phone then a number: ambiguous
            b.add(p, "text:snippet-line-number-before-number", {"text": wtext}, E([], ph))


# -- main ---------------------------------------------------------------------------------------


def generate(n: int, seed: int) -> list[dict[str, Any]]:
    b = Builder(seed)
    rng = b.rng
    while len(b.cases) < n * 5:
        country = rng.choices(["NL", "US", "UK"], weights=[6, 2, 2])[0]
        p = make_person(rng, country)
        name_cases(b, p)
        for a, other in ((p.addresses[0], p.addresses[1]), (p.addresses[1], p.addresses[0])):
            if country == "NL":
                address_cases_nl(b, p, a, other)
            elif country == "US":
                address_cases_us(b, p, a)
            else:
                address_cases_uk(b, p, a)
        phone_cases(b, p)
        email_cases(b, p)
        text_cases(b, p)
        snippet_cases(b, p)
    picked = sorted(rng.sample(range(len(b.cases)), n))
    out = []
    for i, at in enumerate(picked):
        out.append({**b.cases[at], "id": f"syn-{i:05d}"})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--family",
        choices=["all", "scratch"],
        default="all",
        help="scratch: only the page texts written from scratch (bench/synth_scratch.py)",
    )
    args = parser.parse_args(argv)
    if args.family == "scratch":
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from synth_scratch import generate_scratch

        cases = generate_scratch(args.n, args.seed)
    else:
        cases = generate(args.n, args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for case in cases:
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"{len(cases)} cases -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
