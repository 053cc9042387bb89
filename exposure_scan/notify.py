"""Notifications after a scan: a JSON webhook and e-mail over SMTP.

A message carries only numbers, levels and the local report path: never a name, address,
phone, email or URL of a finding, so it may pass through a chat service or a mail relay.
A failed notification is reported by the caller; it never loses the report or the history.
"""

from __future__ import annotations

import json
import os
import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path

import httpx
from pydantic import Field

from exposure_scan.config import NotifySettings
from exposure_scan.models import ChangeKind, Frozen, MarkStatus, ScanResult, Severity


class Notice(Frozen):
    """Everything a notification may say."""

    started_at: str
    score: int
    level: str
    coverage: str
    counts: dict[str, int]
    changes: dict[str, int] = Field(default_factory=dict)  # new, gone, back, ...
    overdue_removals: int = 0
    confirmed_removals: int = 0
    reports: list[str] = Field(default_factory=list)


def notice_for(result: ScanResult, reports: list[Path]) -> Notice:
    changes: dict[str, int] = {}
    overdue = confirmed = 0
    if result.changes is not None:
        changes = {k.value: len(result.changes.of(k)) for k in ChangeKind}
        for item in result.changes.marks:
            if item.mark and item.mark.status is MarkStatus.REQUESTED:
                overdue += item.mark.overdue
                confirmed += item.mark.removed_on is not None
    return Notice(
        started_at=result.started_at.isoformat(),
        score=result.score,
        level=result.level,
        coverage=result.coverage.state.value,
        counts={s.value: sum(1 for f in result.findings if f.severity is s) for s in Severity},
        changes=changes,
        overdue_removals=overdue,
        confirmed_removals=confirmed,
        reports=[str(p) for p in reports],
    )


def worth_sending(notice: Notice, when: str) -> bool:
    if when == "always" or not notice.changes:
        return True
    fresh = notice.changes.get("new", 0) + notice.changes.get("back", 0)
    if when == "new":
        return fresh > 0
    return bool(fresh or notice.changes.get("gone", 0) or notice.overdue_removals)


def text_of(notice: Notice) -> str:
    counts = ", ".join(f"{n} {s}" for s, n in notice.counts.items() if n) or "no findings"
    lines = [
        f"exposure-scan: risk {notice.score}/100 ({notice.level}); {counts}.",
        f"Coverage: {notice.coverage}.",
    ]
    if notice.changes:
        lines.append(
            "Since the last scan: "
            + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in notice.changes.items())
            + "."
        )
    if notice.overdue_removals:
        lines.append(f"{notice.overdue_removals} removal request(s) past the deadline.")
    if notice.confirmed_removals:
        lines.append(f"{notice.confirmed_removals} removal(s) confirmed.")
    lines += [f"Report: {p}" for p in notice.reports]
    return "\n".join(lines) + "\n"


def send_webhook(url: str, notice: Notice, timeout: float) -> None:
    response = httpx.post(
        url,
        content=notice.model_dump_json(),
        headers={"Content-Type": "application/json"},
        timeout=timeout,
        follow_redirects=False,
    )
    response.raise_for_status()


def send_mail(settings: NotifySettings, notice: Notice) -> None:
    message = EmailMessage()
    message["Subject"] = f"exposure-scan: {notice.level} ({notice.score}/100)"
    message["From"] = settings.mail_from or "exposure-scan@localhost"
    message["To"] = ", ".join(settings.mail_to)
    message.set_content(text_of(notice))
    user = os.environ.get(settings.smtp_user_env, "") if settings.smtp_user_env else ""
    password = os.environ.get(settings.smtp_password_env, "") if settings.smtp_password_env else ""
    context = ssl.create_default_context()
    smtp: smtplib.SMTP
    if settings.smtp_security == "ssl":
        smtp = smtplib.SMTP_SSL(
            settings.smtp_host, settings.smtp_port, timeout=settings.timeout, context=context
        )
    else:
        smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.timeout)
    with smtp:
        if settings.smtp_security == "starttls":
            smtp.starttls(context=context)
        if user:
            smtp.login(user, password)
        smtp.send_message(message)


def send(settings: NotifySettings, notice: Notice) -> list[str]:
    """Send to every configured channel; returns one line per failure (no secrets in it)."""
    failures: list[str] = []
    if not worth_sending(notice, settings.when):
        return failures
    if settings.webhook_url:
        try:
            send_webhook(settings.webhook_url, notice, settings.timeout)
        except httpx.HTTPError as exc:
            failures.append(f"webhook not sent: {type(exc).__name__}")
    if settings.smtp_host and settings.mail_to:
        try:
            send_mail(settings, notice)
        except (OSError, smtplib.SMTPException, ssl.SSLError) as exc:
            failures.append(f"e-mail not sent: {type(exc).__name__}")
    return failures


def as_json(notice: Notice) -> str:
    return json.dumps(notice.model_dump(), indent=2)
