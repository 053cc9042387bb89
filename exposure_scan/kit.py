"""The onboarding kit HR hands out (issue 12): the organisation file, a one-page Dutch/English
instruction (HTML, and PDF when Chromium is there) and the consent text. No personal data."""

from __future__ import annotations

import html
from pathlib import Path

from exposure_scan.errors import InputError, ReportError
from exposure_scan.files import make_private_dirs, write_new
from exposure_scan.organisation import Organisation

ORG_NAME = "org.toml"


def _who(c: object) -> str:
    parts = [getattr(c, "name", ""), getattr(c, "role", ""), getattr(c, "phone", ""),
             getattr(c, "email", ""), getattr(c, "hours", "")]
    return ", ".join(html.escape(p) for p in parts if p)


def instruction_html(org: Organisation) -> str:
    """One page, Dutch first, then English: what to install and the two commands."""
    name = html.escape(org.name)
    counsellor = _who(org.counsellor) if org.counsellor else ""
    hand_in = " / ".join(html.escape(x) for x in (org.hand_in.email, org.hand_in.upload_url) if x)
    nl_counsellor = f" Vertrouwenspersoon: {counsellor}." if counsellor else ""
    en_counsellor = f" Confidential counsellor: {counsellor}." if counsellor else ""
    init = f"exposure-scan init --org {ORG_NAME}"
    scan = "exposure-scan scan"
    nl = f"""<section lang="nl"><h1>Uw online blootstelling nagaan — {name}</h1>
<p>Met exposure-scan ziet u wat een vreemde online over u kan vinden (zoals uw huisadres), en hoe
u het laat verwijderen. Alles blijft op uw eigen computer; {name} ziet uw rapport niet.</p>
<ol><li>Installeer exposure-scan (Python 3.11+): <code>pipx install exposure-scan</code>.</li>
<li>Zet <code>{ORG_NAME}</code> uit deze map neer en voer uit: <code>{html.escape(init)}</code>.
Vul daarna het profiel in dat het programma noemt.</li>
<li>Scan: <code>{scan}</code>. Het rapport noemt wie u belt als het misgaat.</li></ol>
<p>Meldpunt doxing: {_who(org.contact)}.{nl_counsellor}
{f" Uw anonieme samenvatting kunt u als u wilt zelf inleveren: {hand_in}." if hand_in else ""}</p>
</section>"""
    en = f"""<section lang="en"><h1>Check your online exposure — {name}</h1>
<p>exposure-scan shows what a stranger can find about you online (such as your home address), and
how to have it removed. Everything stays on your own computer; {name} does not see your report.</p>
<ol><li>Install exposure-scan (Python 3.11+): <code>pipx install exposure-scan</code>.</li>
<li>Put <code>{ORG_NAME}</code> from this folder in place and run: <code>{html.escape(init)}</code>.
Then fill in the profile it names.</li>
<li>Scan: <code>{scan}</code>. The report names whom to call if it happens.</li></ol>
<p>Contact point for doxing: {_who(org.contact)}.{en_counsellor}
{f" If you wish, hand in your anonymous summary yourself: {hand_in}." if hand_in else ""}</p>
</section>"""
    style = ("body{font-family:sans-serif;max-width:46rem;margin:1rem auto;font-size:10.5pt}"
             "h1{font-size:14pt}code{background:#eee;padding:0 .2em}"
             "section+section{border-top:1px solid #999;margin-top:1rem}")
    return (f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
            f"<title>exposure-scan — {name}</title><style>{style}</style></head>"
            f"<body>{nl}{en}</body></html>\n")


def consent_text(org: Organisation) -> str:
    name = org.name
    return f"""Toestemming voor een blootstellingsscan door {name}
====================================================

Ik geef {name} toestemming om met exposure-scan na te gaan welke gegevens over mij openbaar
online te vinden zijn, met de gegevens die ik zelf in mijn profiel heb gezet. Ik krijg het
rapport zelf; {name} ziet alleen een anonieme samenvatting van de hele groep (geen aantallen
onder de vijf). Ik kan deze toestemming altijd intrekken.

Naam: ______________________   Datum: ____________   Handtekening: ______________

Consent to an exposure scan by {name}
=====================================

I allow {name} to check with exposure-scan what details about me can be found publicly
online, using the details I put in my profile myself. I receive the report myself; {name} sees
only an anonymous summary of the whole group (no counts below five). I can withdraw this
consent at any time.

Name: ______________________   Date: ____________   Signature: ______________

In the profile / In het profiel:

[consent]
by = "the person, signed form ref. ..."
date = 2026-01-31
scope = "yearly exposure scan by {name.replace('"', "'")}"
"""


def write_kit(org: Organisation, org_bytes: bytes, out: Path, *, pdf: bool = True) -> list[Path]:
    """Write the kit into `out` (created 0700); never over an existing file."""
    make_private_dirs(out)
    page = instruction_html(org)
    files: dict[str, bytes] = {
        ORG_NAME: org_bytes,
        "instructions.html": page.encode("utf-8"),
        "consent.txt": consent_text(org).encode("utf-8"),
    }
    if pdf:
        from exposure_scan.reports.pdf import find_chromium, render_pdf

        if find_chromium() is not None:
            files["instructions.pdf"] = bytes(render_pdf(page))
    taken = [name for name in files if (out / name).exists()]
    if taken:
        raise InputError(str(out / taken[0]), "", "exists; choose a new --out folder")
    written = []
    for name, data in files.items():
        target = out / name
        try:
            write_new(target, data)
        except FileExistsError:
            raise InputError(str(target), "", "exists; choose a new --out folder") from None
        except OSError as exc:
            raise ReportError(f"cannot write {target} ({exc.strerror})") from None
        written.append(target)
    return written
