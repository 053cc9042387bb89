"""Compiled templates kept in the user's cache folder (reports/templatecache.py): used on the
next run, private to the user, never stale, and never a reason to lose a report."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from exposure_scan.reports import letter, templatecache
from exposure_scan.reports.render import build, environment
from tests.test_reports import sample_result


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own (platformdirs reads XDG_CACHE_HOME on Linux)."""
    monkeypatch.setattr(templatecache, "_folder", lambda: folder)
    folder = tmp_path / "cache" / "templates"
    folder.mkdir(parents=True, mode=0o700)
    return folder


def _render_all(lang: str) -> list[str]:
    """Every report and letter template rendered by fresh environments (nothing in memory)."""
    context = build(sample_result(lang))
    reports = environment.__wrapped__(lang)
    out = [reports.get_template(name).render(**context, for_print=p)
           for name in ("report.html.j2", "report.md.j2") for p in (False, True)]
    out.append(letter._environment.__wrapped__().get_template(f"letter.{lang}.txt.j2").name or "")
    return out


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_second_run_compiles_nothing_and_renders_the_same(
    lang: str, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _render_all(lang)
    assert list(cache_home.glob("report-*.cache"))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a template was compiled from its source")

    monkeypatch.setattr(Environment, "compile", refuse)
    assert _render_all(lang) == first


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file modes")
def test_the_cache_is_the_user_s_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    templatecache._folder.cache_clear()
    try:
        folder = templatecache._folder()
        assert folder is not None and folder.is_relative_to(tmp_path / "xdg")
        environment.__wrapped__("en").get_template("report.md.j2")
        for path in [folder.parent, folder]:
            assert stat.S_IMODE(path.stat().st_mode) == 0o700
        files = list(folder.iterdir())
        assert files and all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
        folder.chmod(0o755)  # loosened by someone: tightened again
        templatecache._folder.cache_clear()
        assert templatecache._folder() == folder
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        templatecache._folder.cache_clear()


def test_an_edited_template_is_compiled_anew(cache_home: Path) -> None:
    def labels(source: str) -> str:
        env = templatecache.keep_compiled(Environment(loader=DictLoader({"t.j2": source})), "t")
        return env.get_template("t.j2").render(x=1)

    assert labels("before {{ x }}") == "before 1"
    assert labels("after {{ x }}") == "after 1"
    assert labels("before {{ x }}") == "before 1"


def test_other_settings_keep_their_own_code(cache_home: Path) -> None:
    source = {"t.j2": "{{ x }}\n{% if x %}\nyes\n{% endif %}\n"}
    plain = templatecache.keep_compiled(Environment(loader=DictLoader(source)), "t")
    trimmed = templatecache.keep_compiled(
        Environment(loader=DictLoader(source), trim_blocks=True), "t")
    assert plain.get_template("t.j2").render(x=1) != trimmed.get_template("t.j2").render(x=1)


def test_a_damaged_or_unwritable_cache_only_costs_a_compile(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _render_all("nl")
    for path in cache_home.iterdir():
        path.write_bytes(path.read_bytes()[:12] + b"\x80\x05garbage")  # past Jinja's magic
    assert _render_all("nl") == expected

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(templatecache.FileSystemBytecodeCache, "dump_bytecode", full)
    for path in cache_home.iterdir():
        path.unlink()
    assert _render_all("nl") == expected


def test_no_cache_folder_still_renders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templatecache, "_folder", lambda: None)
    env = templatecache.keep_compiled(Environment(loader=DictLoader({"t.j2": "{{ 1 + 1 }}"})), "t")
    assert env.bytecode_cache is None
    assert env.get_template("t.j2").render() == "2"
