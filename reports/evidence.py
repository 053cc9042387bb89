"""Evidence bundle: what each finding's page said, when, and proof that the files are unchanged.

    <directory>/
        README.txt            how to use this for a police report or a platform report
        manifest.json         every file with its SHA-256, and per finding the URL, time, hashes
        SHA256SUMS            the same hashes for `sha256sum -c SHA256SUMS`
        001-critical-<id>/
            page.txt          the visible text of the page as it was read
            body.bin          the page's body exactly as fetched (its SHA-256 is the body
                              hash below), when the scan kept it
            url.txt           the web address
            details.txt       human-readable: address, fetch time (UTC), body hash, what was found
            finding.json      the same, machine-readable

README.txt and details.txt are written in the report's language (`result.language`): every
text is an English msgid that the report's gettext catalog translates.

The bundle is written to a temporary folder next to the target and renamed into place, so a
failure never leaves half a bundle behind. It holds private data: its folder is readable by
the owner only. Folder and file names never contain anything taken from a page.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from exposure_scan import __version__, bodies
from exposure_scan.errors import ReportError
from exposure_scan.files import (
    DIR_MODE,
    make_private_dir,
    make_private_dirs,
    remove_created_dirs,
    write_new,
)
from exposure_scan.models import Finding, ScanResult, utc_now
from exposure_scan.scoring import rule_texts

from . import i18n

MANIFEST_VERSION = "1"
SAFE_ID = re.compile(r"[^0-9a-z]")


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z: `2026-01-05T09:30:00Z`. A naive time is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def folder_name(index: int, finding: Finding) -> str:
    safe = SAFE_ID.sub("", finding.id.lower())[:32] or "finding"
    return f"{index:03d}-{finding.severity.value}-{safe}"


def _(lang: str, message: str) -> str:
    text: str = i18n.gettext(lang, message)
    return text


def _finding_record(finding: Finding) -> dict[str, Any]:
    obs = finding.observation
    return {
        "finding_id": finding.id,
        "url": obs.url,
        "title": obs.title,
        "fetched_at": iso_utc(obs.seen_at),
        "body_sha256": obs.body_sha256 or None,
        "text_sha256": obs.text_sha256 or None,
        "provider": obs.provider,
        "site": obs.site,
        "source_kind": obs.source_kind.value,
        "severity": finding.severity.value,
        "score": finding.score,
        "rules": list(finding.rules),
        "explanation": finding.explanation,
        "snippet": obs.snippet,
        "found": [
            {"field": m.field.value, "label": m.label, "shown_as": m.observed,
             "private": m.private, "confidence": m.confidence, "reason": m.reason}
            for m in finding.matches
        ],
        "removal_steps": [s.model_dump(mode="json") for s in finding.steps],
    }


DETAIL_LABELS = ("Web address", "Page title", "Fetched at", "Body SHA-256", "Found by",
                 "Kind of source", "Severity")


def _details_text(record: dict[str, Any], finding: Finding, lang: str) -> str:
    labels = {k: _(lang, k) + ":" for k in DETAIL_LABELS}
    width = max(len(v) for v in labels.values()) + 1

    def line(key: str, value: str) -> str:
        return labels[key].ljust(width) + value

    found_by = record["provider"]
    if record["site"]:
        found_by = _(lang, "{provider} on {site}").format(provider=found_by, site=record["site"])
    severity = _(lang, i18n.SEVERITY_LABELS.get(record["severity"], record["severity"]))
    lines = [
        line("Web address", record["url"] or _(lang, "(none recorded)")),
        line("Page title", record["title"] or _(lang, "(none)")),
        line("Fetched at", f"{record['fetched_at']} (UTC)"),
        line("Body SHA-256", record["body_sha256"]
             or _(lang, "(not recorded: the page body was not fetched)")),
        line("Found by", found_by),
        line("Kind of source",
             _(lang, i18n.KIND_LABELS.get(record["source_kind"], record["source_kind"]))),
        line("Severity", _(lang, "{severity} (score {score})").format(
            severity=severity, score=record["score"])),
        "",
        _(lang, "What the page showed about you:"),
    ]
    for m in record["found"]:
        field = _(lang, i18n.FIELD_NAMES.get(m["field"], m["field"]))
        label = f" ({i18n.profile_label(lang, m['label'])})" if m["label"] else ""
        lines.append(f"  - {field}{label}: {m['shown_as']}")
    explanation = record["explanation"]
    if i18n.normalise(lang) != "en" and finding.rules:
        texts = rule_texts()
        explanation = " ".join(_(lang, texts[r]) for r in finding.rules if r in texts)
    if explanation:
        lines += ["", _(lang, "Why it matters:"), f"  {explanation}"]
    if record["snippet"]:
        lines += ["", _(lang, "Excerpt:"), f"  {record['snippet']}"]
    lines += ["", _(lang, "The full visible text of the page is in page.txt.")]
    return "\n".join(lines) + "\n"


def _files_for(finding: Finding, lang: str) -> tuple[dict[str, Any], dict[str, bytes]]:
    record = _finding_record(finding)
    obs = finding.observation
    # The scan keeps a page's text on disk (its spool), not in memory: copied from there.
    text = obs.text or bodies.kept_text(obs.text_sha256) or ""
    files = {
        "page.txt": text.encode("utf-8"),
        "url.txt": (finding.observation.url + "\n").encode("utf-8"),
        "details.txt": _details_text(record, finding, lang).encode("utf-8"),
        "finding.json": (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode(),
    }
    body = bodies.kept(finding.observation.body_sha256)
    if body is not None:
        files["body.bin"] = body
    return record, files


def _write(path: Path, data: bytes) -> None:
    write_new(path, data)


def readme_text(result: ScanResult, created: datetime) -> str:
    lang: str = i18n.normalise(result.language)
    values = {
        "created": iso_utc(created), "count": len(result.findings),
        "scan_started": iso_utc(result.started_at), "scan_finished": iso_utc(result.finished_at),
        "tool": result.tool_version,
    }
    return "\n\n".join(_(lang, block).format(**values) for block in README_BLOCKS) + "\n"


def _fill(tmp: Path, result: ScanResult, created: datetime) -> None:
    listed: list[dict[str, Any]] = []  # every file with its hash, for the manifest
    findings: list[dict[str, Any]] = []
    for index, finding in enumerate(result.findings, start=1):
        folder = folder_name(index, finding)
        make_private_dir(tmp / folder)
        record, files = _files_for(finding, result.language)
        entry_files = []
        for name, data in files.items():
            _write(tmp / folder / name, data)
            item = {"path": f"{folder}/{name}", "sha256": sha256(data), "bytes": len(data)}
            listed.append(item)
            entry_files.append(item)
        findings.append({
            "folder": folder,
            "finding_id": record["finding_id"],
            "url": record["url"],
            "fetched_at": record["fetched_at"],
            "body_sha256": record["body_sha256"],
            "severity": record["severity"],
            "files": entry_files,
        })

    readme = readme_text(result, created).encode("utf-8")
    _write(tmp / "README.txt", readme)
    listed.append({"path": "README.txt", "sha256": sha256(readme), "bytes": len(readme)})

    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "created_at": iso_utc(created),
        "created_by": f"exposure-scan {__version__}",
        "scan": {
            "tool_version": result.tool_version,
            "started_at": iso_utc(result.started_at),
            "finished_at": iso_utc(result.finished_at),
            "partial": result.partial,
            "confidence": result.confidence,
        },
        "hash_algorithm": "sha256",
        "findings": findings,
        "files": listed,
    }
    manifest_bytes = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()
    _write(tmp / "manifest.json", manifest_bytes)
    listed_with_manifest = [
        *listed,
        {"path": "manifest.json", "sha256": sha256(manifest_bytes), "bytes": len(manifest_bytes)},
    ]
    sums = "".join(f"{f['sha256']}  {f['path']}\n" for f in listed_with_manifest)
    _write(tmp / "SHA256SUMS", sums.encode())
    _fsync_dir(tmp)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_evidence(result: ScanResult, directory: Path, *, now: datetime | None = None) -> Path:
    """Write the evidence bundle for every finding into `directory`, which must not exist yet
    (an empty folder is fine). All or nothing: on failure nothing is left behind.
    Returns the bundle folder. Raises ReportError with what to do."""
    staged = stage_evidence(result, directory, now=now)
    try:
        return commit_evidence(staged)
    finally:
        staged.discard()


class StagedEvidence:
    """A filled bundle in a temporary folder next to its target, not yet in place."""

    def __init__(self, target: Path, tmp: Path, created: list[Path]) -> None:
        self.target = target
        self.tmp = tmp
        self.created = created  # parent folders made for it, taken away again on failure
        self.placed = False

    def discard(self) -> None:
        """Remove whatever is not in place (all of it before `commit_evidence`)."""
        if not self.placed:
            shutil.rmtree(self.tmp, ignore_errors=True)
            remove_created_dirs(self.created)

    def withdraw(self) -> None:
        """Take a placed bundle away again: another output failed, so none is kept."""
        if self.placed:
            shutil.rmtree(self.target, ignore_errors=True)
            self.placed = False
        self.discard()


def _refuse_existing(target: Path) -> None:
    if target.exists() and not (target.is_dir() and not any(target.iterdir())):
        raise ReportError(
            f"{target}: already exists; evidence is never overwritten, "
            "choose a new folder for --evidence"
        )


def stage_evidence(
    result: ScanResult, directory: Path, *, now: datetime | None = None
) -> StagedEvidence:
    """Write the bundle into a temporary folder beside `directory`; `commit_evidence` moves it
    into place. Raises ReportError, leaving nothing behind."""
    target = Path(directory).absolute()
    _refuse_existing(target)
    try:
        created = make_private_dirs(target.parent)
    except OSError as exc:
        raise ReportError(
            f"{target}: cannot create the evidence folder ({exc.strerror}); "
            "check the path and its permissions"
        ) from None
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial",
                                    dir=target.parent))
        os.chmod(tmp, DIR_MODE)  # mkdtemp's 0700 is still subject to the umask
    except OSError as exc:
        remove_created_dirs(created)
        raise ReportError(
            f"{target}: cannot create the evidence folder ({exc.strerror}); "
            "check the path and its permissions"
        ) from None
    staged = StagedEvidence(target, tmp, created)
    try:
        _fill(tmp, result, now or utc_now())
    except OSError as exc:
        staged.discard()
        raise _failed(target, exc) from None
    except BaseException:
        staged.discard()
        raise
    return staged


def commit_evidence(staged: StagedEvidence) -> Path:
    """Move a staged bundle into place; on failure nothing is left behind."""
    target = staged.target
    try:
        _refuse_existing(target)  # someone may have used the folder during the scan
        if target.exists():
            target.rmdir()  # empty, checked above; rename cannot replace it everywhere
        os.rename(staged.tmp, target)
        staged.placed = True
        _fsync_dir(target.parent)
    except OSError as exc:
        staged.withdraw()
        raise _failed(target, exc) from None
    except BaseException:
        staged.withdraw()
        raise
    return target


def _failed(target: Path, exc: OSError) -> ReportError:
    return ReportError(
        f"{target}: writing the evidence failed ({exc.strerror or exc}); "
        "nothing was written. Check free space and permissions, then try again"
    )


# README.txt, block by block: each block is a msgid (reports/locale/*/messages.po) with
# {placeholders} filled in after translation.
README_BLOCKS = (
    """\
EVIDENCE BUNDLE - exposure-scan
===============================

Created:        {created} (UTC)
Scan:           {scan_started} to {scan_finished} (UTC), exposure-scan {tool}
Findings:       {count}""",
    """\
This folder records pages where your personal details could be found online: for each
finding, the web address, when it was read, and the text the page showed. Keep it private:
it contains your own details. Hand it over only to the police or the platform concerned.""",
    """\
WHAT IS IN IT
-------------
  manifest.json   a list of every finding and every file, with a SHA-256 fingerprint of each
  SHA256SUMS      the same fingerprints in the standard format
  NNN-<severity>-<id>/      one folder per finding, most severe first:
      url.txt       the web address (URL) of the page
      page.txt      the visible text of the page at the moment it was read
      details.txt   a readable summary: address, time read (UTC), what the page showed about
                    you, and the SHA-256 of the page body as it was downloaded
      finding.json  the same, machine-readable""",
    """\
The "body SHA-256" is the fingerprint of the page exactly as the web server sent it. Anyone
who has a copy of that page (for example a police investigator, or the platform's own
records) can check that it is the same page. page.txt is the text we extracted from it.""",
    """\
CHECKING THAT NOTHING WAS CHANGED
---------------------------------
In this folder run:   sha256sum -c SHA256SUMS
(macOS: shasum -a 256 -c SHA256SUMS; Windows PowerShell: Get-FileHash <file>). Every line
must say OK.
On their own, fingerprints stored next to the files prove nothing: whoever changes a file
can change SHA256SUMS too. So today, keep a copy of SHA256SUMS somewhere else, for example
email it to yourself. That dated copy can later show that the files are unchanged since
then. Also keep an unopened copy of the whole folder (for example on a USB stick).""",
    """\
POLICE REPORT (NL: AANGIFTE)
----------------------------
Sharing someone's personal details to intimidate them (doxing) is a criminal offence in the
Netherlands (artikel 285d Wetboek van Strafrecht); threats and stalking are too, in most
countries. To report it:
  1. Make the report (aangifte) at the police: in the Netherlands by appointment via 0900-8844
     or at a police station; in an emergency always call 112 (UK: 999 or 101, US: 911).
     Tell them you have a digital evidence bundle; bring this folder on a USB stick and a
     printout of details.txt for every finding you report.
  2. Mention for each page the web address (url.txt) and the time it was read (details.txt,
     in UTC: Dutch winter time is UTC+1, summer time UTC+2).
  3. Ask the police to secure the pages themselves as well: pages can change or disappear.
  4. Keep the aangifte reference number (proces-verbaalnummer) with this folder.
You may ask to give your work address instead of your home address in the aangifte
(domiciliekeuze), so your home address does not end up in the file the suspect may see.
Your employer and your professional body may be able to help.""",
    """\
PLATFORM OR WEBSITE REPORT
--------------------------
  1. Open url.txt and go to the page; use the site's "report" or privacy/removal form, or
     the removal steps in finding.json.
  2. Quote the web address and the time it was read, and say what personal data is shown
     (details.txt lists it). Under the GDPR (AVG) you can ask for erasure (article 17).
  3. Do not send the whole bundle to a platform: send only that page's url.txt and
     details.txt, and remove any lines you do not want to share.
  4. Keep their reply and the date with this folder. If the page reappears, scan again.""",
    """\
LIMITS
------
This bundle shows what exposure-scan read at the stated time. It is not a certified copy of
the page; for a court case the police or a notary/bailiff (deurwaarder) may make their own.""",
)
# Labels in details.txt besides DETAIL_LABELS (msgids too).
DETAIL_TEXTS = (
    "{provider} on {site}", "(none recorded)", "(none)",
    "(not recorded: the page body was not fetched)", "{severity} (score {score})",
    "What the page showed about you:", "Why it matters:", "Excerpt:",
    "The full visible text of the page is in page.txt.",
)
