"""Translations in step (issue 20): every English page and question records the Swedish text it follows.

`make translations` (tools/course_texts.py) lists the English texts whose
Swedish source changed since, with a diff from the snapshot kept in
data/translations/snapshots/; this file fails on any such text unless it is
recorded as lagging, and checks what the commands record.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
import yaml

from course.content.changes import CHANGES_FILE, load_changes
from course.model.load import load_course
from course.content.source_hash import text_hash
from course.content.translations import (
    LAGGING_FILE,
    PAGES_FILE,
    QUESTIONS_FILE,
    SNAPSHOTS_DIR,
    load_lagging,
    page_translations,
    question_translations,
)
from tests.support.project_copy import copy_project
from tests.support.site_build import ROOT, build_site
from tools import course_texts

QUESTION = "modul-1-behov"
PAGE = "fordjupning/halsolabb.md"


def translations(root: Path):
    return page_translations(root) + question_translations(root, load_course(root / "data" / "reflection", root))


# The records


def test_no_english_text_lags_unless_recorded_as_lagging():
    lagging = load_lagging(ROOT)
    behind = [t for t in translations(ROOT) if t.lagging and not lagging.knows(t)]
    assert behind == [], (
        "English texts behind their changed Swedish source (make translations shows the diffs). Translate, then "
        "make translations ACCEPT=<name>; or make translations LAGGING=<name>: "
        + ", ".join(f"{t.file} ({t.name})" for t in behind)
    )


def test_nothing_recorded_as_lagging_is_up_to_date():
    lagging = load_lagging(ROOT)
    current = {t.name for t in translations(ROOT) if not t.lagging}
    up_to_date = sorted(set(lagging.pages + lagging.questions) & current)
    assert up_to_date == [], f"take these off {LAGGING_FILE}: make translations ACCEPT=…"


def test_every_page_and_question_is_recorded_and_its_swedish_text_kept():
    items = translations(ROOT)
    assert {t.kind for t in items} == {"page", "question"} and len(items) > 40
    pages = {t.name for t in items if t.kind == "page"}
    assert {"index.md", "modules/varfor-nara-vard.md", "vad-ar-nytt.md"} <= pages
    snapshots = ROOT / SNAPSHOTS_DIR
    kept = {p.stem for p in snapshots.glob("*.txt")}
    assert [t.name for t in items if t.recorded is None] == []
    assert sorted({t.recorded for t in items} - kept) == [], "a recorded hash without its Swedish text"
    assert sorted(kept - {t.recorded for t in items}) == [], "a snapshot no record points to"
    for name in kept:
        assert text_hash((snapshots / f"{name}.txt").read_text(encoding="utf-8")) == name


def test_a_malformed_record_names_its_file(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / PAGES_FILE).write_text("index.md: not-a-hash\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"data/translations/pages.yml: index.md: must be 12 hex digits"):
        page_translations(project)


# The command


def run(root: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = course_texts.main(list(args), root=root)
    return code, out.getvalue()


def test_make_translations_lists_a_changed_swedish_text_with_its_diff_then_records(tmp_path):
    project = copy_project(tmp_path / "project")
    swedish = project / "docs" / PAGE
    text = swedish.read_text(encoding="utf-8")
    old_line = next(line for line in text.splitlines() if len(line) > 60 and not line.startswith(("#", "description")))
    swedish.write_text(text.replace(old_line, "En helt ny mening om Hälsolabb."), encoding="utf-8")
    questions = project / "data" / "reflection" / "1-varfor-nara-vard.yml"
    text = questions.read_text(encoding="utf-8")
    questions.write_text(text.replace("Hur förändras invånarnas behov hos er?", "Hur ändras behoven hos er?"), encoding="utf-8")

    code, out = run(project, "translations", "--check")
    assert code == 1
    assert f"== docs/{PAGE[:-3]}.en.md: docs/{PAGE} changed since it was translated\n" in out
    assert f"\n-{old_line}\n+En helt ny mening om Hälsolabb.\n" in out
    assert "== data/reflection/1-varfor-nara-vard.yml: question modul-1-behov changed since it was translated\n" in out
    assert "\n-Hur förändras invånarnas behov hos er? Vilka grupper" in out
    assert "\n+Hur ändras behoven hos er? Vilka grupper" in out
    assert "2 English text(s) behind their Swedish source, 2 not recorded as lagging." in out

    # Known to lag: make test accepts it, and the report still shows it.
    code, out = run(project, "translations", "--lagging", f"{PAGE[:-3]},{QUESTION}", "--check")
    assert code == 0 and "(recorded as lagging)" in out
    assert yaml.safe_load((project / LAGGING_FILE).read_text(encoding="utf-8")) == {"pages": [PAGE], "questions": [QUESTION]}

    # Translated now: the records follow the Swedish text, whose old snapshot goes.
    before = {t.name: t.recorded for t in translations(project)}
    code, out = run(project, "translations", "--accept", f"docs/{PAGE[:-3]}.en.md {QUESTION}", "--check")
    assert code == 0 and "0 English text(s) behind" in out
    after = {t.name: t for t in translations(project)}
    assert not after[PAGE].lagging and not after[QUESTION].lagging
    assert yaml.safe_load((project / LAGGING_FILE).read_text(encoding="utf-8")) == {"pages": [], "questions": []}
    kept = {p.stem for p in (project / SNAPSHOTS_DIR).glob("*.txt")}
    assert after[PAGE].recorded in kept and before[PAGE] not in kept
    assert yaml.safe_load((project / QUESTIONS_FILE).read_text(encoding="utf-8"))[QUESTION] == after[QUESTION].current
    # Nothing else was touched.
    others = set(after) - {PAGE, QUESTION}
    assert {k: after[k].recorded for k in others} == {k: before[k] for k in others}


def test_an_unknown_name_is_refused_and_nothing_is_written(tmp_path):
    project = copy_project(tmp_path / "project")
    record = (project / PAGES_FILE).read_text(encoding="utf-8")
    with pytest.raises(SystemExit, match="No English page or question named modules/finns-inte.md"):
        run(project, "translations", "--accept", "modules/finns-inte")
    assert (project / PAGES_FILE).read_text(encoding="utf-8") == record


def test_make_changes_adds_a_typo_fix_and_rehashes(tmp_path):
    project = copy_project(tmp_path / "project")
    swedish = project / "docs" / PAGE
    swedish.write_text(swedish.read_text(encoding="utf-8").replace("Hälsolabb", "Hälsolabbet", 1), encoding="utf-8")
    code, out = run(project, "changes")
    assert f"docs/{PAGE} changed since its entry of" in out
    before = load_changes(project).last_shown(PAGE)

    run(project, "changes", "--add", PAGE[:-3], "--typo", "--date", before.date.isoformat())
    changes = load_changes(project)
    assert changes.last(PAGE).typo and changes.last(PAGE).hash == text_hash(swedish.read_text(encoding="utf-8"))
    assert changes.last_shown(PAGE) == before  # readers still see the entry before the typo fix
    assert run(project, "changes")[1] == "Every module and deeper-reading page matches its last entry in data/changes.yml.\n"

    # A later change, described by its last entry already: REHASH moves only that entry's hash.
    swedish.write_text(swedish.read_text(encoding="utf-8") + "\nEn mening till.\n", encoding="utf-8")
    text_before = (project / CHANGES_FILE).read_text(encoding="utf-8")
    code, out = run(project, "changes", "--rehash", "all")
    assert f"Rehashed: {PAGE}\n" in out
    text_after = (project / CHANGES_FILE).read_text(encoding="utf-8")
    diff = [pair for pair in zip(text_before.splitlines(), text_after.splitlines()) if pair[0] != pair[1]]
    assert len(diff) == 1 and re.fullmatch(r"\s+hash: [0-9a-f]{12}", diff[0][1])

    # A change after a version's date needs a new version.
    with pytest.raises(SystemExit, match="goes in a new version"):
        run(project, "changes", "--add", PAGE, "--sv", "Ny.", "--en", "New.", "--date", "2099-01-01")
    new_version = ("--version", "9.0.0", "--date", "2099-01-01")
    run(project, "changes", "--add", PAGE, "--sv", "Ett nytt avsnitt.", "--en", "A new section.", *new_version)
    newest = load_changes(project).versions[0]
    assert newest.version == "9.0.0" and newest.entries[0].text == {"sv": "Ett nytt avsnitt.", "en": "A new section."}


# What readers see


def test_no_english_page_of_the_course_says_it_lags(site_dir):
    lagging = set(load_lagging(ROOT).pages)
    for path in (site_dir / "en").rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        if "course-lagging" in html:
            assert any(path.parent.as_posix().endswith(p[:-3]) for p in lagging), path


def test_a_lagging_english_page_links_to_the_swedish_page(tmp_path):
    project = copy_project(tmp_path / "project")
    swedish = project / "docs" / PAGE
    swedish.write_text(swedish.read_text(encoding="utf-8").replace("Hälsolabb", "Hälsolabbet", 1), encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(site, project=project)
    assert result.returncode == 0, result.output[-3000:]
    english = (site / "en" / PAGE[:-3] / "index.html").read_text(encoding="utf-8")
    line = re.search(r'</h1>\s*<p class="course-updated">.*?</p>\s*<p class="course-lagging">(.*?)</p>', english, re.S)
    assert line, "the lagging line comes under the title and its 'updated' line"
    text = re.sub(r"<[^>]+>", "", line.group(1))
    assert text == "The Swedish page has been updated since this page was translated. Read the Swedish page"
    href = re.search(r'<a href="([^"]+)" hreflang="sv">', line.group(1)).group(1)
    assert href == "../../../fordjupning/halsolabb/"
    assert (site / "en" / PAGE[:-3] / href / "index.html").resolve() == (site / PAGE[:-3] / "index.html").resolve()
    assert "course-lagging" not in (site / PAGE[:-3] / "index.html").read_text(encoding="utf-8")
    assert "course-lagging" not in (site / "en" / "fordjupning" / "index.html").read_text(encoding="utf-8")
