"""Why a connection failed, in a few fixed words: the useful part of an exception, never its
text (which may hold the URL, and so the values sent)."""

from __future__ import annotations

import errno
import socket
import ssl

from exposure_scan.errors import RequestRefused
from exposure_scan.models import PartReason

# Phrases looked for in an exception's text, when its type does not tell (httpcore wraps
# OSErrors into its own classes and keeps only the message).
TEXT_HINTS = (
    ("certificate verify failed", "certificate verify failed"),
    ("certificate_verify_failed", "certificate verify failed"),
    ("wrong version number", "TLS handshake failed"),
    ("handshake", "TLS handshake failed"),
    ("connection refused", "connection refused"),
    ("name or service not known", "name not resolved"),
    ("nodename nor servname", "name not resolved"),
    ("temporary failure in name resolution", "name not resolved"),
    ("no address associated", "name not resolved"),
    ("could not resolve", "name not resolved"),
    ("getaddrinfo failed", "name not resolved"),
    ("network is unreachable", "network unreachable"),
    ("no route to host", "host unreachable"),
    ("host unreachable", "host unreachable"),
    ("connection reset", "connection reset"),
    ("timed out", "timed out"),
    ("proxy", "proxy failed"),
)
ERRNOS = {
    errno.ECONNREFUSED: "connection refused",
    errno.ECONNRESET: "connection reset",
    errno.ENETUNREACH: "network unreachable",
    errno.EHOSTUNREACH: "host unreachable",
    errno.ETIMEDOUT: "timed out",
}


def failure_reason(exc: BaseException) -> str:
    """`connection refused`, `certificate verify failed`, `name not resolved`, ...; else the
    exception's class name."""
    seen: BaseException | None = exc
    chain: list[BaseException] = []
    while seen is not None and len(chain) < 10:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    for item in chain:
        # The address guard's own refusal, wrapped by httpcore: known by its type.
        if isinstance(item, RequestRefused) and item.part_reason is PartReason.REFUSED_ADDRESS:
            return "refused: a non-public address"
        if isinstance(item, ssl.SSLCertVerificationError):
            return "certificate verify failed"
        if isinstance(item, socket.gaierror):
            return "name not resolved"
        if isinstance(item, ConnectionRefusedError):
            return "connection refused"
        if isinstance(item, OSError) and item.errno in ERRNOS:
            return ERRNOS[item.errno]
    for item in chain:
        text = str(item).lower()
        for hint, words in TEXT_HINTS:
            if hint in text:
                return words
    for item in chain:
        if isinstance(item, TimeoutError) or "Timeout" in type(item).__name__:
            return "timed out"
    return type(exc).__name__
