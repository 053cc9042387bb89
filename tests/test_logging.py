"""-v and --log-file: one line per request and per source, enough to tell why a monthly run
was incomplete, and never a value from the profile, a query string or a URL path."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import respx
from typer.testing import CliRunner

from exposure_scan.cli import app
from exposure_scan.failure import failure_reason
from exposure_scan.logs import LOG
from exposure_scan.progress import Progress, plural
from tests.conftest import SAMPLE_PROFILE
from tests.test_cli import write_profile

runner = CliRunner()


@pytest.fixture(autouse=True)
def _fresh_logger() -> Iterator[None]:
    yield
    for handler in LOG.handlers[:]:
        LOG.removeHandler(handler)
        handler.close()


def private_values() -> list[str]:
    out = [n["surname"] for n in SAMPLE_PROFILE["names"]]
    out += [a["street"] for a in SAMPLE_PROFILE["addresses"]]
    out += [a["postcode"] for a in SAMPLE_PROFILE["addresses"]]
    out += [p["number"] for p in SAMPLE_PROFILE["phones"]]
    out += [e["address"] for e in SAMPLE_PROFILE.get("emails", [])]
    return out


def test_the_log_explains_an_incomplete_run_and_holds_no_private_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXPOSURE_SCAN_PROVIDERS", "searxng,github")
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    profile = write_profile(tmp_path / "profile.toml")
    config = tmp_path / "config.toml"
    config.write_text(
        '[http]\nallow_hosts = ["searx.test", "api.github.com"]\nretries = 1\n'
        '[providers.searxng]\nbase_url = "https://searx.test"\nmax_queries = 2\n'
        "[providers.github]\nrate_limit = 100\n",
        encoding="utf-8",
    )
    log = tmp_path / "run.log"
    with respx.mock() as router:
        router.get(url__startswith="https://searx.test/").respond(json={"results": []})
        # a dropped connection is retried; a refused one is not (it would fail again)
        router.route(host="api.github.com").mock(side_effect=[
            httpx.ReadError("connection reset"),
            httpx.ConnectError("[Errno 111] Connection refused"),
        ])
        result = runner.invoke(app, [
            "scan", "-q", "--profile", str(profile), "--config", str(config),
            "--out", str(tmp_path / "out"), "-v", "--log-file", str(log),
        ])
    assert result.exit_code == 3, result.output
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    text = log.read_text("utf-8")
    assert "request provider=searxng host=searx.test method=GET status=200" in text
    assert "provider=github host=api.github.com" in text and "connection refused" in text
    assert "retry provider=github host=api.github.com attempt=1/1" in text
    assert "attempt=2/" not in text
    github = next(x for x in text.splitlines() if "source provider=github" in x)
    assert "status=unchecked" in github and "connection refused" in github
    for value in private_values():
        assert value not in text, value
    assert "?" not in text and "/search" not in text  # no query string, no URL path


def test_connection_failures_keep_the_useful_words() -> None:
    import socket
    import ssl

    refused = httpx.ConnectError("[Errno 111] Connection refused")
    assert failure_reason(refused) == "connection refused"
    try:
        raise httpx.ConnectError("x") from socket.gaierror(-2, "Name or service not known")
    except httpx.ConnectError as exc:
        assert failure_reason(exc) == "name not resolved"
    try:
        raise httpx.ConnectError("x") from ssl.SSLCertVerificationError(1, "bad")
    except httpx.ConnectError as exc:
        assert failure_reason(exc) == "certificate verify failed"


def test_without_v_or_log_file_nothing_is_logged(tmp_path: Path) -> None:
    runner.invoke(app, ["providers"])
    assert not [h for h in LOG.handlers if getattr(h, "_exposure_scan", False)]
    assert LOG.getEffectiveLevel() >= logging.WARNING or not LOG.handlers


def test_progress_names_what_runs_now_and_counts_in_words() -> None:
    from exposure_scan.models import ProviderRun, RunStatus

    assert plural(1, "result") == "1 result" and plural(2, "result") == "2 results"
    assert plural(0, "result") == "0 results"
    progress = Progress(enabled=False)
    progress.on_provider_start("searxng")
    progress.on_provider_start("rdap")
    assert progress.description() == "searxng, rdap"
    progress.on_provider_done(ProviderRun(provider="searxng", status=RunStatus.CHECKED))
    assert progress.description() == "rdap"
