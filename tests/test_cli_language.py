"""The command line speaks the user's language: --lang, else the profile's (Dutch for a Dutch
GP), else the system's. Notes, warnings, errors and the profile template are Dutch in Dutch,
with no common English word left in their running text; paths, keys and commands stay as
they are."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exposure_scan.cli import app
from exposure_scan.errors import InputError, ProfileError
from exposure_scan.messages import Notice, cli_language, error_text, say, system_language
from exposure_scan.models import ChangedFinding, ChangeKind, Changes, ReasonParams, Severity
from exposure_scan.outcome import outcome_notes
from tests.test_language import english_words
from tests.test_reports import sample_result

runner = CliRunner()
TEMPLATES = Path(__file__).parent.parent / "exposure_scan" / "data"
CODE = re.compile(r"`[^`]*`|\"[^\"]*\"|\w+\s*=|\S*[\[\]_./=:@-]\S*")


def words(text: str, *hidden: str) -> list[str]:
    """The English words a reader meets: not in paths, keys, options, commands or values."""
    for value in hidden:
        text = text.replace(value, " ")
    return english_words(CODE.sub(" ", text))


def dutch_profile(path: Path, extra: str = "", language: str = 'language = "nl"\n') -> Path:
    path.write_text(f'country = "NL"\n{language}[[names]]\ngiven = "Fenna"\n'
                    f'surname = "Zuidervaart"\n{extra}', "utf-8")
    path.chmod(0o600)
    return path


# --- the profile template ------------------------------------------------------------------


def test_init_writes_the_dutch_template_and_says_so_in_dutch(tmp_path: Path) -> None:
    target = tmp_path / "profiel.toml"
    result = runner.invoke(app, ["init", str(target), "--lang", "nl"])
    assert result.exit_code == 0, result.output
    assert "is geschreven" in result.output and words(result.output, str(target)) == []
    text = target.read_text("utf-8")
    assert text.startswith("# exposure-scan-profiel") and 'language = "nl"' in text
    comments = " ".join(line.split("#", 1)[1] for line in text.splitlines() if "#" in line)
    assert words(comments) == [], words(comments)
    again = runner.invoke(app, ["init", str(target), "--lang", "nl"])
    assert again.exit_code == 2 and "fout:" in again.output and "bestaat al" in again.output
    assert words(again.output, str(target)) == []


def test_init_in_english_writes_the_english_template(tmp_path: Path) -> None:
    target = tmp_path / "profile.toml"
    result = runner.invoke(app, ["init", str(target), "--lang", "en"])
    assert result.exit_code == 0 and result.output.startswith("Wrote ")
    assert 'language = "en"' in target.read_text("utf-8")


def test_init_without_lang_is_dutch_first_unless_the_system_says_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert runner.invoke(app, ["init", str(tmp_path / "a.toml")]).exit_code == 0
    assert 'language = "nl"' in (tmp_path / "a.toml").read_text("utf-8")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert runner.invoke(app, ["init", str(tmp_path / "b.toml")]).output.startswith("Wrote ")
    assert 'language = "en"' in (tmp_path / "b.toml").read_text("utf-8")


def test_both_templates_hold_the_same_example_person() -> None:
    dutch = tomllib.loads((TEMPLATES / "profile-template.nl.toml").read_text("utf-8"))
    english = tomllib.loads((TEMPLATES / "profile-template.toml").read_text("utf-8"))
    assert dutch.pop("language") == "nl" and english.pop("language") == "en"
    assert dutch == english


def test_the_dutch_template_unfilled_is_refused_in_dutch(tmp_path: Path) -> None:
    target = tmp_path / "profiel.toml"
    runner.invoke(app, ["init", str(target), "--lang", "nl"])
    result = runner.invoke(app, ["scan", "-p", str(target), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "voorbeeldpersoon" in result.output
    assert result.output.startswith("fout: ") and words(result.output, str(target)) == []


# --- errors and warnings -------------------------------------------------------------------


@pytest.mark.parametrize("content", [
    'country = "NL"\nlanguage = "nl"\nnames = [\n',  # not TOML: still Dutch
    'country = "NL"\nlanguage = "nl"\n[[names]]\ngiven = "A"\nsurname = "B"\n[[addresses]]\n'
    'label = "home"\nstreet = "Laan"\nhouse_number = "1"\npostcode = "12"\ncity = "X"\n',
    'country = "NL"\nlanguage = "nl"\n[[names]]\ngiven = "A"\n',
    b"country = \"NL\"\nlanguage = \"nl\"\nrole = \"\xff\"\n",
])
def test_a_bad_dutch_profile_is_one_dutch_line(tmp_path: Path, content: str | bytes) -> None:
    path = tmp_path / "profiel.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    result = runner.invoke(app, ["scan", "-p", str(path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    line = result.output.strip()
    assert "\n" not in line and line.startswith(f"fout: {path}: "), line
    assert words(line, str(path)) == [], line


def test_lang_decides_even_before_the_profile_is_read(tmp_path: Path) -> None:
    missing = tmp_path / "nergens.toml"
    dutch = runner.invoke(app, ["scan", "-p", str(missing), "--lang", "nl"])
    assert dutch.exit_code == 2 and "bestand niet gevonden" in dutch.output
    english = runner.invoke(app, ["scan", "-p", str(dutch_profile(tmp_path / "p.toml", "")),
                                  "--lang", "en", "-c", str(missing)])
    assert english.exit_code == 2 and "error: " in english.output
    assert "file not found" in english.output
    bad = runner.invoke(app, ["scan", "-p", str(missing), "--lang", "de"])
    assert bad.exit_code == 2 and "choose nl or en" in bad.output


def test_warnings_of_a_dutch_profile_are_dutch(tmp_path: Path) -> None:
    path = dutch_profile(tmp_path / "p.toml", '[[phones]]\nlabel = "mobile"\nnumber = "06-1234"\n'
                         '[[addresses]]\nlabel = "home"\nstreet = "Laan 4"\npostcode = "1234 AB"'
                         '\ncity = "Utrecht"\n')
    path.chmod(0o644)
    result = runner.invoke(app, ["scan", "-p", str(path), "-c", str(tmp_path / "none.toml")])
    lines = [line for line in result.output.splitlines() if line.strip()]
    warnings = [line for line in lines if line.startswith("waarschuwing: ")]
    assert len(warnings) == 3, lines  # the phone, the street with its number, the file mode
    assert lines[-1].startswith("fout: ")  # then the missing config
    for line in lines:
        assert words(line, str(path), str(tmp_path)) == [], line


def test_system_language_and_english_default(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("EXPOSURE_SCAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert system_language() is None and cli_language() == "en"
    assert system_language({"LANG": "nl_NL.UTF-8"}) == "nl"
    assert system_language({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}) == "en"
    assert system_language({"LANG": "C.UTF-8"}) is None
    monkeypatch.setenv("EXPOSURE_SCAN_LANG", "nl")
    assert cli_language() == "nl" and cli_language("en") == "en"


def test_errors_keep_file_and_key_and_translate_the_fix() -> None:
    exc = ProfileError("/home/x/profile.toml", "names", "still holds the template's example "
                       "person; fill in your own details first")
    assert error_text(exc, "en") == f"error: {exc}"
    assert error_text(exc, "nl").startswith("fout: /home/x/profile.toml: names: bevat nog")
    detail = InputError("p.toml", "", "is not valid TOML (%(detail)s); fix the syntax there",
                        {"detail": "Expected '=' (at line 2, column 3)"})
    assert str(detail) == ("p.toml: is not valid TOML (Expected '=' (at line 2, column 3)); fix "
                           "the syntax there")
    dutch = error_text(detail, "nl")
    assert "geen geldige TOML" in dutch and "(details: Expected '=' (at line 2" in dutch
    untranslated = InputError("f", "k", "a message the catalogue does not know")
    assert error_text(untranslated, "nl") == "fout: f: k: a message the catalogue does not know"


def test_a_notice_fills_its_values_after_translation() -> None:
    notice = Notice("is readable by others; run: chmod 600 %(path)s", {"path": "/p %(x)s"},
                    where="/p %(x)s")
    assert notice.text("nl") == "/p %(x)s: is leesbaar voor anderen; voer uit: chmod 600 /p %(x)s"
    assert say("nl", "no such msgid %(a)s", {"a": 1}) == "no such msgid 1"


def test_fail_on_notes_follow_the_report_language() -> None:
    result = sample_result("nl")
    notes = outcome_notes(result, None, Severity.HIGH)
    assert re.match(r"\d+ bevinding(en)? op of boven het --fail-on-niveau", notes[0]), notes
    fresh = result.model_copy(update={"changes": Changes(findings=[
        ChangedFinding(id=f.id, change=ChangeKind.NEW, provider=f.observation.provider,
                       severity=f.severity) for f in result.findings])})
    assert "nieuwe of teruggekeerde" in outcome_notes(fresh, Severity.HIGH)[0]
    english = outcome_notes(sample_result("en"), None, Severity.HIGH)
    assert "at or above the --fail-on level (exit 6)" in english[0]


def test_demo_in_dutch_says_everything_in_dutch(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--lang", "nl", "--out", str(tmp_path), "-f", "md"])
    assert result.exit_code in (0, 6), result.output
    said = [line for line in result.stderr.splitlines() if line.strip()]
    assert said and said[-1].startswith("Risicoscore")
    for line in said:
        assert words(line, str(tmp_path)) == [], line


def test_the_progress_bar_speaks_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    from exposure_scan.models import ProviderRun, RunStatus
    from exposure_scan.progress import Progress

    progress = Progress(enabled=True, lang="nl")
    progress.on_start(2)
    assert progress.description() == "bronnen"
    progress.on_provider_start("searxng")
    progress.on_provider_done(ProviderRun(provider="searxng", status=RunStatus.CHECKED,
                                          observations=3))
    progress.on_provider_done(ProviderRun(provider="big", status=RunStatus.UNCHECKED,
                                          observations=1))
    progress.close()
    said = capsys.readouterr().err
    assert "searxng: 3 resultaten" in said and "big: 1 resultaat (NIET gecontroleerd)" in said


def _msgids(path: Path) -> list[str]:
    """The English texts a module hands to the translating helpers, read from its source."""
    import ast

    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        args = {"tell": [0], "say": [1], "say_n": [1, 2], "Notice": [0], "InputError": [2],
                "_say": [0], "_said": [0]}
        for index in args.get(name, []):
            if index < len(node.args) and isinstance(node.args[index], ast.Constant) \
                    and isinstance(node.args[index].value, str):
                found.append(node.args[index].value)
    return found


def test_every_cli_text_has_a_dutch_translation() -> None:
    from babel.messages.pofile import read_po

    root = Path(__file__).parent.parent
    with (root / "reports/locale/nl/LC_MESSAGES/messages.po").open("rb") as fh:
        catalogue = read_po(fh, locale="nl")
    modules = ("cli.py", "messages.py", "profile.py", "outcome.py", "progress.py",
               "audit_cli.py", "health.py", "history.py", "kit.py")
    texts = [text for module in modules for text in _msgids(root / "exposure_scan" / module)]
    assert len(texts) > 20
    plural = {m.id[0] for m in catalogue if isinstance(m.id, tuple)} | \
        {m.id[1] for m in catalogue if isinstance(m.id, tuple)}
    missing = [t for t in texts if t not in plural and (t not in catalogue
                                                        or not catalogue[t].string)]
    assert missing == []


# --- history, diff and mark ----------------------------------------------------------------


def _history_file(tmp_path: Path) -> tuple[Path, str]:
    """Two stored scans: one page found, then another instead (and one source unchecked)."""
    from datetime import timedelta

    from exposure_scan.changes import compare
    from exposure_scan.history import History
    from tests.test_history import T0, found, profile, result

    db = tmp_path / "h.sqlite3"
    first = found("https://people.example/a", severity=Severity.CRITICAL)
    with History(db) as history:
        key = history.profile_key(profile())
        history.record(key, compare([], result([first])))
        later = result([found("https://people.example/b")], T0 + timedelta(1), ("big_register",))
        later = later.model_copy(update={"confidence": "reduced: 1 of 3 sources unchecked"})
        history.record(key, compare(history.scans(key), later))
    return db, first.id


def test_history_diff_and_mark_speak_dutch(tmp_path: Path) -> None:
    db, finding = _history_file(tmp_path)
    base = ["--db", str(db), "--lang", "nl"]
    listed = runner.invoke(app, ["history", *base])
    assert listed.exit_code == 0, listed.output
    assert "bevindingen" in listed.output and "dekking" in listed.output
    assert "1K" in listed.output and "beperkt: 1 van 3 bronnen niet gecontroleerd" in listed.output
    assert words(listed.output) == [], listed.output
    diffed = runner.invoke(app, ["diff", *base])
    assert diffed.exit_code == 0 and "Nieuw sinds de vorige scan: 1" in diffed.output
    assert "adres (thuis)" in diffed.output and "kritiek" in diffed.output
    assert words(diffed.output) == [], diffed.output
    marked = runner.invoke(app, ["mark", finding[:8], "requested", *base])
    assert marked.exit_code == 0 and "verwijdering aangevraagd" in marked.output
    assert words(marked.output) == [], marked.output
    pruned = runner.invoke(app, ["history", "--prune", "--keep", "1", *base])
    assert "1 oude scan verwijderd." in pruned.output and words(pruned.output) == []
    for args in (["diff", "1", "9"], ["mark", "zz", "requested"], ["mark", finding[:8], "x"]):
        refused = runner.invoke(app, [*args, *base])
        assert refused.exit_code == 2 and refused.output.startswith("fout: "), refused.output
        assert words(refused.output) == [], refused.output
    english = runner.invoke(app, ["history", "--db", str(db), "--lang", "en"])
    assert "findings  coverage" in english.output and "reduced: 1 of 3" in english.output


def test_a_household_line_of_diff_names_the_relation_in_dutch() -> None:
    from exposure_scan.audit_cli import _line
    from exposure_scan.messages import SPOKEN
    from exposure_scan.models import Relation

    item = ChangedFinding(id="ab" * 8, url="https://club.example/leden", provider="inspector",
                          severity=Severity.HIGH, change=ChangeKind.NEW, member=0,
                          relation=Relation.CHILD, fields=["name:", "address:home"])
    token = SPOKEN.set("nl")
    try:
        line = _line(item)
    finally:
        SPOKEN.reset(token)
    assert "gezinslid 1 (kind): naam, adres (thuis)" in line and words(line) == [], line


# --- providers list and check --------------------------------------------------------------


def test_providers_list_and_check_speak_dutch(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import respx

    listed = runner.invoke(app, ["providers", "--lang", "nl"])
    assert listed.exit_code == 0, listed.output
    assert "sleutel nodig" in listed.output and "verstuurt" in listed.output
    assert "zet de omgevingsvariabele" in listed.output
    assert words(listed.output) == [], words(listed.output)
    monkeypatch.setenv("EXPOSURE_SCAN_PROVIDERS", "searxng")
    config = tmp_path / "config.toml"
    config.write_text('[http]\nallow_hosts = ["searx.test"]\nretries = 0\n[report]\n'
                      'language = "nl"\n[providers.searxng]\nbase_url = "https://searx.test/x"\n',
                      encoding="utf-8")
    with respx.mock() as router:
        router.get(url__startswith="https://searx.test/").respond(404)
        checked = runner.invoke(app, ["providers", "check", "--config", str(config)])
    assert checked.exit_code == 3, checked.output
    assert "bereikbaar: ja" in checked.output and "1 van 1 bronnen werkt niet" in checked.output
    assert words(checked.output) == [], words(checked.output)
    with respx.mock() as router:
        router.get(url__startswith="https://searx.test/").respond(404)
        english = runner.invoke(app, ["providers", "check", "--config", str(config), "--json"])
    assert "1 of 1 source does not work" in english.output  # the JSON stays English


def test_a_checks_detail_reads_in_dutch_with_its_unchecked_parts() -> None:
    from exposure_scan.health import Said
    from exposure_scan.models import PartReason, UncheckedPart

    said = Said(msgid="ok: %(n)s result for the test query",
                plural="ok: %(n)s results for the test query", n=2,
                parts=[UncheckedPart(reason=PartReason.INCOMPLETE,
                                     params=ReasonParams(field="name"))])
    assert said.text("en").startswith("ok: 2 results for the test query; not checked: the ")
    dutch = said.text("nl")
    assert dutch.startswith("ok: 2 resultaten voor de testvraag; niet gecontroleerd: ")
    assert "uw naam" in dutch and words(dutch) == [], dutch


# --- kit -----------------------------------------------------------------------------------


def test_kit_speaks_the_organisations_language(tmp_path: Path) -> None:
    from tests.test_organisation import ORG, write

    org_file = write(tmp_path / "org.toml", ORG)
    made = runner.invoke(app, ["kit", str(org_file), "--out", str(tmp_path / "kit"), "--no-pdf"])
    assert made.exit_code == 0, made.output
    assert "Pakket voor Zorggroep Zonnedauw geschreven" in made.output
    assert words(made.output, str(tmp_path)) == [], made.output
    again = runner.invoke(app, ["kit", str(org_file), "--out", str(tmp_path / "kit"), "--no-pdf"])
    assert again.exit_code == 2 and "bestaat al" in again.output
    assert words(again.output, str(tmp_path)) == [], again.output
    english = runner.invoke(app, ["kit", str(org_file), "--out", str(tmp_path / "en"),
                                  "--no-pdf", "--lang", "en"])
    assert "Kit for Zorggroep Zonnedauw written" in english.output
    bad = write(tmp_path / "bad.toml", ORG.replace("[contact]", "[contakt]"))
    refused = runner.invoke(app, ["kit", str(bad), "--out", str(tmp_path / "k2"), "--lang", "nl"])
    assert refused.exit_code == 2 and "onbekende sleutel" in refused.output
    assert words(refused.output, str(tmp_path)) == [], refused.output


def test_every_table_of_cli_words_and_every_validation_message_has_dutch() -> None:
    # The texts the CLI looks up by key (statuses, marks, sections) and inputfile's messages,
    # once Dutch tables of their own, are msgids of the one catalogue now.
    from exposure_scan import audit_cli, cli, inputfile
    from exposure_scan.reports.i18n import translations

    catalog = translations("nl")
    texts = [*cli.READINESS_WORDS.values(), *audit_cli.MARK_WORDS.values(),
             *audit_cli.RELATION_WORDS.values(), *(t for _, t in audit_cli.SECTIONS),
             *inputfile.FRIENDLY.values(), inputfile.FALLBACK, inputfile.CHOICE,
             inputfile.ONE_CHOICE, *inputfile.OWN_TEMPLATES.values(),
             inputfile.NO_SCHEME_TEMPLATE, "ok: %(n)s result for the test query"]
    missing = [t for t in texts if catalog.gettext(t) == t and t not in ("partner", "status")]
    assert missing == []
    assert not hasattr(inputfile, "DUTCH") and not hasattr(inputfile, "OWN_DUTCH")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_bad_key_in_a_file_is_one_line_in_the_language_spoken(tmp_path: Path,
                                                                  lang: str) -> None:
    # Worded at the CLI edge from the msgid, not from an English sentence: file, key, fix.
    config = tmp_path / "config.toml"
    config.write_text('[scan]\nmax_pages = "veel"\n', "utf-8")
    result = runner.invoke(app, ["providers", "--config", str(config), "--lang", lang])
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert f"{config}: scan.max_pages: " in result.output
    if lang == "nl":
        assert "verwacht een heel getal, zoals 4" in result.output
        assert words(result.output, str(config)) == []
    else:
        assert "expected a whole number, like 4" in result.output


def test_a_batch_progress_line_speaks_dutch() -> None:
    from exposure_scan.batch import REASON_TEXT, STATUS_TEXT, Outcome, Progress, Reason, Status
    from exposure_scan.messages import SPOKEN

    refused = Outcome(folder="f" * 16, status=Status.REFUSED, reason=Reason.NO_CONSENT)
    assert refused.line("a.toml") == (f"refused a.toml -> {'f' * 16}: no recorded consent: add a "
                                      "[consent] table with by, date and scope")
    dutch = refused.line("a.toml", "nl")
    assert dutch.startswith("geweigerd a.toml") and "geen vastgelegde toestemming" in dutch
    assert words(dutch) == [], dutch
    lines: list[str] = []
    token = SPOKEN.set("nl")
    try:
        Progress(2, 0, lines.append).tick(dutch)
    finally:
        SPOKEN.reset(token)
    assert lines[0].startswith("[1/2] nog ") and words(lines[0]) == [], lines
    from exposure_scan.reports.i18n import translations

    texts = [*REASON_TEXT.values(), *STATUS_TEXT.values()]
    assert [t for t in texts if translations("nl").gettext(t) == t] == []
