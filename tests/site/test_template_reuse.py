"""Under `mkdocs serve`, a changed question rewrites only the note templates that show it."""

from __future__ import annotations

import shutil

from course.notes import docx as notes_docx
from course.model.load import load_course
from course.notes.templates import FORMATS, generate
from tests.support.site_build import ROOT

QUESTION = "Hur förändras invånarnas behov hos er?"  # module 1, step modul-1


def test_only_the_templates_showing_a_changed_question_are_written_again(tmp_path, monkeypatch):
    data = tmp_path / "data" / "reflection"
    shutil.copytree(ROOT / "data" / "reflection", data)
    before = {lang: generate(load_course(data, tmp_path), lang) for lang in ("sv", "en")}

    module = data / "1-varfor-nara-vard.yml"
    module.write_text(module.read_text(encoding="utf-8").replace(QUESTION, QUESTION + " Och nu?"), encoding="utf-8")
    written = []
    monkeypatch.setattr(notes_docx, "write", lambda blocks, meta, real=notes_docx.write: written.append(meta["title"]) or real(blocks, meta))
    course = load_course(data, tmp_path)
    after = {lang: generate(course, lang) for lang in ("sv", "en")}

    changed = {name for name, data in after["sv"].items() if data != before["sv"][name]}
    stems = ("minnesanteckningar-modul-1", "minnesanteckningar-hela-kursen")
    assert changed == {f"{stem}.{fmt}" for stem in stems for fmt in FORMATS}
    assert "Och nu?" in after["sv"]["minnesanteckningar-modul-1.md"].decode("utf-8")
    assert after["en"] == before["en"]
    assert len(written) == 2  # the step's .docx and the whole course's, nothing else in either language
