"""Issue 12: batch scans with consent, shared host limits, resumable, one folder per person."""

from __future__ import annotations

import asyncio
import json
import stat
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from exposure_scan import batch as batch_module
from exposure_scan.batch import STATE_FILE, Reason, Status, load_state, run_batch
from exposure_scan.cli import app
from exposure_scan.config import Config
from exposure_scan.demo import DemoWorld, demo_config, write_demo_profiles
from exposure_scan.http import HostSpacing
from exposure_scan.registry import Registry

KEY = b"k" * 32
PROVIDERS = DemoWorld.providers
runner = CliRunner()


class Killed(BaseException):
    """The process stopped from outside (kill, power cut) in the middle of the batch."""


def fast_config(base_url: str) -> Config:
    config = demo_config(base_url)
    providers = {name: {**table, "rate_limit": 2000} for name, table in config.providers.items()}
    return config.model_copy(update={"providers": providers})


def batch(profiles: Path, out: Path, base_url: str, **kw: Any) -> Any:
    return asyncio.run(run_batch(profiles, out, fast_config(base_url),
                                 Registry.discover(include_entry_points=False), key=KEY,
                                 only=PROVIDERS, formats=["json"], concurrency=4, **kw))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_consented_profiles_scanned_others_refused_and_resume_skips_done(tmp_path: Path) -> None:
    lines: list[str] = []
    with DemoWorld() as world:
        write_demo_profiles(tmp_path / "staff", world.base_url, 9, without_consent=3)
        (tmp_path / "staff" / "broken.toml").write_text("names = 3\n")
        out = tmp_path / "out"
        tally = batch(tmp_path / "staff", out, world.base_url, echo=lines.append)
        assert (tally.total, tally.done, tally.refused, tally.failed) == (10, 6, 4, 0)
        again = batch(tmp_path / "staff", out, world.base_url)
    assert (again.already_done, again.done, again.refused) == (6, 0, 4)
    folders = [p for p in out.iterdir() if p.is_dir()]
    assert len(folders) == 6 and all(mode(p) == 0o700 for p in folders)
    assert all(len(list(p.glob("*.json"))) == 1 for p in folders)  # not scanned twice
    names = " ".join(p.name for p in out.rglob("*"))
    assert "person" not in names and "Wit" not in names
    state = load_state(out)
    reasons = [o.reason for o in state.outcomes.values() if o.status is Status.REFUSED]
    assert sorted(r.value for r in reasons if r) == ["invalid_profile", *["no_consent"] * 3]
    assert mode(out / STATE_FILE) == 0o600
    assert lines[-1].startswith("[10/10] eta ") and any("no recorded consent" in x for x in lines)
    report = json.loads(next(folders[0].glob("*.json")).read_text("utf-8"))
    assert report["findings"] and len(report["profile"]["fingerprint"]) == 64
    hosts = {e["host"] for e in report["ledger"]}
    assert hosts == {"127.0.0.1"}  # each person's ledger holds only their own requests
    assert len(report["ledger"]) < 40


def test_one_failure_never_stops_the_others_and_an_interrupted_batch_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = batch_module.write_outputs
    calls = 0

    def flaky(*args: Any, **kw: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(28, "No space left on device")
        return real(*args, **kw)

    monkeypatch.setattr(batch_module, "write_outputs", flaky)
    saves = 0
    real_save = batch_module.save_state

    def killed_after_four(out: Path, state: Any) -> None:
        nonlocal saves
        saves += 1
        if saves > 4:  # a killed process saves nothing more, however the other tasks race
            raise Killed
        real_save(out, state)
        if saves == 4:
            raise Killed  # the process is stopped mid-batch

    with DemoWorld() as world:
        write_demo_profiles(tmp_path / "staff", world.base_url, 8)
        out = tmp_path / "out"
        monkeypatch.setattr(batch_module, "save_state", killed_after_four)
        with pytest.raises(BaseExceptionGroup):
            batch(tmp_path / "staff", out, world.base_url)
        monkeypatch.setattr(batch_module, "save_state", real_save)
        first = load_state(out)
        assert len(first.outcomes) == 4
        assert [o.reason for o in first.outcomes.values()].count(Reason.WRITE_FAILED) == 1
        tally = batch(tmp_path / "staff", out, world.base_url)
    done_before = sum(o.status is Status.DONE for o in first.outcomes.values())
    assert tally.already_done == done_before == 3
    assert tally.done == 5 and tally.failed == 0  # the failed one was tried again


def test_host_limits_are_shared_across_everyone(tmp_path: Path) -> None:
    spacing = HostSpacing()
    with DemoWorld() as world:
        write_demo_profiles(tmp_path / "staff", world.base_url, 3)
        batch(tmp_path / "staff", tmp_path / "out", world.base_url, spacing=spacing)
    assert list(spacing._sent) == ["127.0.0.1"]  # one clock for the host, not one per person


def test_batch_command(tmp_path: Path) -> None:
    with DemoWorld() as world:
        write_demo_profiles(tmp_path / "staff", world.base_url, 3, without_consent=1)
        config = tmp_path / "config.toml"
        config.write_text(
            '[http]\nallow_hosts = ["127.0.0.1"]\nretries = 0\n'
            f'[providers.searxng]\nbase_url = "{world.base_url}/searxng"\nrate_limit = 500\n'
            f'[providers.big_register]\nbase_url = "{world.base_url}/big/zksrv/soap/4"\n'
            "rate_limit = 500\n[providers.inspector]\nrate_limit = 500\n"
            + "".join(f"[providers.{n}]\nenabled = false\n" for n in _others()),
            "utf-8",
        )
        result = runner.invoke(app, ["batch", str(tmp_path / "staff"), "--out",
                                     str(tmp_path / "out"), "-c", str(config), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "3 profiles: 2 scanned now, 0 done before, 1 refused, 0 failed" in result.output


def _others() -> list[str]:
    return [n for n in Registry.discover(include_entry_points=False).names()
            if n not in PROVIDERS]


def test_a_state_file_that_cannot_be_written_stops_with_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exposure_scan.errors import ReportError

    def full(out: Path, state: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch_module, "save_state", full)
    with DemoWorld() as world:
        write_demo_profiles(tmp_path / "staff", world.base_url, 2)
        with pytest.raises(ReportError, match="cannot record the progress"):
            batch(tmp_path / "staff", tmp_path / "out", world.base_url)


def test_a_broken_state_file_is_refused(tmp_path: Path) -> None:
    from exposure_scan.errors import InputError

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / STATE_FILE).write_text("{not json")
    (tmp_path / "staff").mkdir()
    with pytest.raises(InputError, match="is not a batch state file"):
        batch(tmp_path / "staff", tmp_path / "out", "http://127.0.0.1:9")
