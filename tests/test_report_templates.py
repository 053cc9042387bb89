"""The report templates and the Dutch catalog compiled ahead (reports/compiled/,
reports/loader.py): current, used, giving exactly what their source gives, and never used once
the source changed."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from babel.support import Translations
from jinja2 import DictLoader, Environment, PackageLoader

from exposure_scan.profile import Profile
from exposure_scan.reports import letter
from exposure_scan.reports.loader import FOLDER, PrecompiledLoader, write_all
from exposure_scan.reports.render import build, environment
from tests.conftest import SAMPLE_PROFILE
from tests.test_reports import sample_result


def test_the_compiled_templates_are_current(tmp_path: Path) -> None:
    fresh = {p.name: p.read_bytes() for p in write_all(tmp_path)}
    shipped = {p.name: p.read_bytes() for p in FOLDER.glob("*.py")}
    assert fresh.keys() == shipped.keys(), "run `make templates` after editing a template"
    stale = sorted(name for name in fresh if fresh[name] != shipped[name])
    assert stale == [], "run `make templates` after editing a template"


def _from_source(environment: Environment) -> Environment:
    """The same environment, compiling every template from its source (as before)."""
    plain = environment.overlay()
    plain.loader = PackageLoader("exposure_scan.reports", "templates")
    plain.cache = {}
    return plain


@pytest.mark.parametrize("lang", ["en", "nl", "en"])  # en again: no language leaks across
def test_compiled_and_source_templates_render_the_same(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = sample_result(lang)
    ours = environment(lang)
    theirs = _from_source(ours)
    context = build(result)
    for name in ("report.html.j2", "report.md.j2"):
        for for_print in (False, True):
            assert ours.get_template(name).render(**context, for_print=for_print) == \
                theirs.get_template(name).render(**context, for_print=for_print)
    profile = Profile.model_validate(SAMPLE_PROFILE)
    made = letter.letters(result, profile, lang, date(2026, 3, 2))
    plain = _from_source(letter._environment())
    monkeypatch.setattr(letter, "_environment", lambda: plain)
    assert made and made == letter.letters(result, profile, lang, date(2026, 3, 2))


def test_a_run_compiles_no_template(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a template was compiled from its source")

    monkeypatch.setattr(Environment, "compile", refuse)
    for lang in ("en", "nl"):
        fresh = environment.__wrapped__(lang)  # not the cached one: nothing loaded yet
        result = sample_result(lang)
        for name in ("report.html.j2", "report.md.j2"):
            assert fresh.get_template(name).render(**build(result), for_print=False)
        assert letter._environment.__wrapped__().get_template(f"letter.{lang}.txt.j2")


def test_an_edited_template_is_compiled_from_its_source() -> None:
    shipped = environment("en")
    edited = shipped.overlay()
    edited.loader = PrecompiledLoader(DictLoader({"_labels.j2": "edited {{ x }}"}))
    edited.cache = {}
    assert edited.get_template("_labels.j2").render(x=1) == "edited 1"


def test_code_from_another_release_is_never_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from exposure_scan.reports import loader

    other = compile("KEY = 'made by another Jinja'\nraise ImportError('gone')\n", "x", "exec")
    monkeypatch.setattr(loader, "shipped_code", lambda name: other)
    fresh = environment.__wrapped__("en")
    assert fresh.get_template("_labels.j2").render() == \
        _from_source(fresh).get_template("_labels.j2").render()


def _po() -> bytes:
    return (FOLDER.parent / "locale" / "nl" / "LC_MESSAGES" / "messages.po").read_bytes()


def test_the_shipped_catalog_is_the_po_compiled() -> None:
    from exposure_scan.reports import i18n

    shipped = Translations(fp=io.BytesIO(i18n.compiled(_po(), "nl")))
    fresh = Translations(fp=io.BytesIO(i18n.compile_po(_po(), "nl")))
    assert shipped._catalog == fresh._catalog  # type: ignore[attr-defined]
    assert len(fresh._catalog) > 100  # type: ignore[attr-defined]


def test_an_edited_po_is_compiled_from_its_source(monkeypatch: pytest.MonkeyPatch) -> None:
    from exposure_scan.reports import i18n

    monkeypatch.setattr(i18n, "compile_po", lambda po, lang: b"compiled now")
    assert i18n.compiled(_po() + b'\nmsgid "new"\nmsgstr "nieuw"\n', "nl") == b"compiled now"
    assert i18n.compiled(_po(), "nl") != b"compiled now"
