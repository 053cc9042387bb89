"""The scan's spool: page texts (and, for an evidence bundle, raw bodies) wait on disk in a
private folder instead of memory; the report keeps the passages and the hashes; the folder
is gone when the scan ends, however it ends."""

from __future__ import annotations

import asyncio
import errno
import hashlib
import json
import stat
import tempfile
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest
from typer.testing import CliRunner

from exposure_scan import bodies
from exposure_scan.cli import app
from exposure_scan.config import Config
from exposure_scan.inspector import PageInspector
from exposure_scan.models import Observation, ScanResult
from exposure_scan.profile import Profile
from exposure_scan.provider import Provider, ProviderContext, Query
from exposure_scan.registry import Registry
from exposure_scan.scan import ScanState, scan
from exposure_scan.threat import threatens
from tests.conftest import fake_public_resolver
from tests.test_cli import write_profile

runner = CliRunner()
FILLER = "Opening hours and parking for visitors of the sports club. " * 300
PAGE = (
    "<html><head><title>Club news</title></head><body><p>" + FILLER + "</p>"
    "<p>Anna Maria van der Berg woont op Fictiefstraat 7B, 9999 ZZ Voorbeeldstad. "
    "Bel 06-98765432.</p><p>" + FILLER + "</p></body></html>"
)


def handler(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/robots.txt":
        return httpx.Response(404)
    if request.url.host == "searx.test":
        hits = [{"url": f"https://club{i}.test/news", "title": "Club news", "content": "",
                 "engine": "x", "engines": ["x"]} for i in range(3)]
        return httpx.Response(200, json={"query": "", "results": hits,
                                         "unresponsive_engines": []})
    return httpx.Response(200, html=PAGE)


class Finder(Provider):
    name: ClassVar[str] = "finder"
    title: ClassVar[str] = "Finds three club pages"

    async def search(self, query: Query, ctx: ProviderContext) -> list[Observation]:
        return [Observation(provider=self.name, url=f"https://club{i}.test/news", inspect=True)
                for i in range(3)]


def run_scan(profile: Profile) -> tuple[ScanResult, ScanState]:
    config = Config.model_validate({"scan": {"provider_timeout": 30}, "http": {"retries": 0}})
    state = ScanState(profile=profile, config=config,
                      providers=Registry([Finder, PageInspector]).configure(config, env={}))
    result = asyncio.run(scan(state, transport=httpx.MockTransport(handler),
                              resolver=fake_public_resolver))
    return result, state


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def spool_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, for this test only: a spool left behind shows here."""
    home = tmp_path / "tmp"
    home.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(home))
    return home


def test_the_spool_is_private_and_gone_after_the_block(spool_home: Path) -> None:
    with bodies.spooling() as spool:
        assert spool is not None and spool.folder.parent == spool_home
        digest = spool.keep_text("page text")
        body = spool.keep(b"<html>body</html>")
        assert mode(spool.folder) == 0o700
        assert {mode(p) for p in spool.folder.iterdir()} == {0o600}
        assert spool.text(digest) == "page text" and spool.get(body) == b"<html>body</html>"
        assert digest == hashlib.sha256(b"page text").hexdigest()
        # a file changed on disk is not handed back as the page
        (spool.folder / f"{digest}.txt").write_text("changed")
        assert spool.text(digest) is None
    assert not list(spool_home.iterdir())


def test_the_spool_is_gone_after_an_error(spool_home: Path) -> None:
    with pytest.raises(RuntimeError), bodies.spooling():
        bodies.keep(b"body")
        raise RuntimeError("the scan failed")
    assert not list(spool_home.iterdir())


def test_a_parked_body_waits_on_disk_and_leaves_no_file(spool_home: Path) -> None:
    with bodies.spooling(bodies=False) as spool:
        assert spool is not None
        parked = bodies.park(b"a body fetched before a reader was free")
        assert parked is not None and mode(parked.path) == 0o600
        assert parked.take() == b"a body fetched before a reader was free"
        assert not list(spool.folder.iterdir())
    assert bodies.park(b"no spool: stays in memory") is None


def test_a_spooled_scan_finds_the_same_and_holds_no_page_text(
    profile: Profile, spool_home: Path
) -> None:
    plain, _ = run_scan(profile)
    with bodies.spooling(bodies=False) as spool:
        assert spool is not None
        lean, state = run_scan(profile)
        kept = [o for o in state.observations if o.provider == "inspector"]
        assert len(kept) == 3 and all(not o.text and o.text_sha256 for o in kept)
        del state
        # the texts (one page, three times: one file); no body waiting for a reader is left
        assert [p.name for p in spool.folder.iterdir()] == [f"{kept[0].text_sha256}.txt"]
    assert not list(spool_home.iterdir())

    def summary(result: ScanResult) -> list[Any]:
        return [(f.id, f.severity, f.score, f.rules, f.matches, f.steps, f.work_to_home)
                for f in result.findings]

    assert lean.findings and summary(lean) == summary(plain)
    assert lean.plan == plain.plan and lean.score == plain.score
    for finding in lean.findings:
        assert finding.observation.text == "" and finding.passages
        assert finding.threat is False
        marked = [s.text for p in finding.passages for s in p.segments if s.marked]
        assert "Fictiefstraat 7B" in " ".join(marked)


def cli_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> Any:
    import exposure_scan.scan as scan_module

    real = scan_module.scan

    async def offline_scan(state: ScanState, **_: object) -> ScanResult:
        return await real(state, transport=httpx.MockTransport(handler),
                          resolver=fake_public_resolver)

    monkeypatch.setattr(scan_module, "scan", offline_scan)
    monkeypatch.setenv("EXPOSURE_SCAN_PROVIDERS", "searxng,inspector")
    config = tmp_path / "config.toml"
    config.write_text('[http]\nretries = 0\n[providers.searxng]\nbase_url = "https://searx.test"'
                      '\n', encoding="utf-8")
    profile = write_profile(tmp_path / "profile.toml")
    return runner.invoke(app, ["scan", "-p", str(profile), "-c", str(config), "--quiet",
                               "--out", str(tmp_path / "out"), *extra])


def test_the_evidence_bundle_copies_text_and_body_from_the_spool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spool_home: Path
) -> None:
    seen: list[tuple[int, set[int]]] = []
    real_keep = bodies.BodySpool.keep_text

    def watched(spool: bodies.BodySpool, text: str) -> str:
        digest = real_keep(spool, text)
        seen.append((mode(spool.folder), {mode(p) for p in spool.folder.iterdir()}))
        return digest

    monkeypatch.setattr(bodies.BodySpool, "keep_text", watched)
    evidence = tmp_path / "evidence"
    result = cli_scan(tmp_path, monkeypatch, "-f", "json", "--evidence", str(evidence))
    assert result.exit_code in (0, 3), result.output  # 3: findings
    assert seen and all(folder == 0o700 and files == {0o600} for folder, files in seen)
    assert not list(spool_home.iterdir())  # the spool is gone

    [report] = (tmp_path / "out").glob("*.json")
    data = json.loads(report.read_text("utf-8"))
    # the snippet and the passages, not the page: its filler stands 600 times on it
    assert data["findings"] and report.read_text("utf-8").count("Opening hours") < 10 * 3
    manifest = json.loads((evidence / "manifest.json").read_text("utf-8"))
    for entry in manifest["findings"]:
        folder = evidence / entry["folder"]
        record = json.loads((folder / "finding.json").read_text("utf-8"))
        page = (folder / "page.txt").read_bytes()
        assert hashlib.sha256(page).hexdigest() == record["text_sha256"]
        assert "Fictiefstraat 7B" in page.decode() and FILLER[:60] in page.decode()
        body = (folder / "body.bin").read_bytes()
        assert hashlib.sha256(body).hexdigest() == record["body_sha256"] == entry["body_sha256"]
        assert body == PAGE.encode()
    found = {f["observation"]["text_sha256"] for f in data["findings"]}
    assert all(f["observation"]["text"] == "" for f in data["findings"]) and all(found)


def test_the_spool_is_gone_after_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spool_home: Path
) -> None:
    from exposure_scan import output

    def full_disk(result: ScanResult, fmt: str) -> bytes:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output, "render", full_disk)
    result = cli_scan(tmp_path, monkeypatch, "-f", "json", "--evidence",
                      str(tmp_path / "evidence"))
    assert result.exit_code == 1, result.output
    assert "No space left on device" in result.output
    assert not list(spool_home.iterdir())
    assert not (tmp_path / "evidence").exists()


def test_the_demo_scan_finds_the_same_with_its_texts_spooled(spool_home: Path) -> None:
    from urllib.parse import urlsplit

    from tests.test_household import demo_scan

    def key(r: ScanResult) -> list[Any]:
        # each world listens on its own port: compare pages by path
        return [
            sorted((f.observation.provider, urlsplit(f.observation.url).path, f.severity,
                    f.score, f.rules, f.matches, [s.action for s in f.steps], threatens(f))
                   for f in r.findings),
            sorted((urlsplit(h.observation.url).path, h.member, h.severity, h.ties, h.matches)
                   for h in r.household),
            [(p.rule, p.phase) for p in r.plan], r.score, r.level, r.coverage,
        ]

    plain, _ = demo_scan()
    with bodies.spooling(bodies=False):
        lean, _ = demo_scan()
    assert plain.household and key(lean) == key(plain)
    assert any(f.observation.text_sha256 and not f.observation.text for f in lean.findings)
    assert not list(spool_home.iterdir())
