"""Notes written by an earlier version of the course come through an update (issue 12).

The fixtures in tests/fixtures/ are frozen copies of format version 1, the
first one: what notes-store.js stored under "<courseId>:notes:v1", and what the
notes page exported as .json. Version 2 keeps the question with each answer.
Never regenerate the fixtures: they stand for readers' real old notes.
"""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import expect

from tests.support.notes_support import (
    FORMAT_VERSION,
    MODULE,
    NOTES,
    agreed_field,
    choose_import,
    clear_with_confirmation,
    course_id,
    export_file,
    field,
    new_page,
    question_ids,
    snapshot,
    step_ids,
    store_key_js,
    stored,
    ui,
    write,
)

FIXTURES = Path(__file__).parents[1] / "fixtures"
STORED_V1 = json.loads((FIXTURES / "notes-v1-stored.json").read_text(encoding="utf-8"))
EXPORT_V1 = (FIXTURES / "notes-v1-export.json").read_bytes()
V1_KEY_JS = store_key_js(1)
GONE = "modul-2-en-fraga-som-togs-bort"  # answered in version 1, not in the course any more


def test_the_fixtures_are_version_1_of_this_course():
    assert FORMAT_VERSION > 1
    assert STORED_V1["version"] == 1 and json.loads(EXPORT_V1)["version"] == 1
    assert GONE in STORED_V1["answers"]


def test_stored_notes_of_version_1_are_all_there_after_the_update(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        assert STORED_V1["courseId"] == course_id(page)
        page.evaluate(f"text => localStorage.setItem({V1_KEY_JS}, text)", json.dumps(STORED_V1))
        page.reload()
        ids = question_ids(page)
        assert set(ids) < set(STORED_V1["answers"]), "the fixture answers every question of the course"
        for qid in ids:
            expect(field(page, qid)).to_have_value(STORED_V1["answers"][qid]["text"])
        for step in step_ids(page):
            expect(agreed_field(page, step)).to_have_value(STORED_V1["agreed"][step]["text"])
        for qid, entry in STORED_V1["group"].items():
            expect(page.locator(f'[data-question-id="{qid}"] .notes-group__text')).to_have_text(entry["text"])
        assert snapshot(page)["progress"] == STORED_V1["progress"]
        expect(page.locator(".notes-last-export")).not_to_have_text(ui(page, "notes.export.never"))
        expect(page.locator(".notes-notice--warning")).to_be_hidden()
        # The answer whose question is gone is shown, under its id (version 1 kept no question).
        leftovers = page.locator(".notes-leftovers")
        expect(leftovers.get_by_role("heading")).to_have_text(ui(page, "notes.leftovers.heading"))
        expect(leftovers.locator("dt")).to_have_text([ui(page, "notes.leftovers.unnamed", id=GONE)])
        expect(leftovers.locator("dd")).to_have_text([STORED_V1["answers"][GONE]["text"]])

        # Reading changes nothing; the first write moves everything to the new key.
        assert json.loads(page.evaluate(f"() => localStorage.getItem({V1_KEY_JS})")) == STORED_V1
        assert stored(page) is None
        write(page, field(page, ids[0]), "Skrivet efter uppdateringen")
        data = json.loads(stored(page))
        assert data["version"] == FORMAT_VERSION
        assert page.evaluate(f"() => localStorage.getItem({V1_KEY_JS})") is None
        for qid, entry in STORED_V1["answers"].items():
            if qid != ids[0]:
                assert data["answers"][qid]["text"] == entry["text"], qid
        assert data["answers"][ids[0]]["text"] == "Skrivet efter uppdateringen"
        assert {s: e["text"] for s, e in data["agreed"].items()} == {s: e["text"] for s, e in STORED_V1["agreed"].items()}
        assert {q: e["text"] for q, e in data["group"].items()} == {q: e["text"] for q, e in STORED_V1["group"].items()}
        assert data["lastExport"] == STORED_V1["lastExport"]
        assert page.errors == []


def test_an_exported_file_of_version_1_imports_every_answer(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        choose_import(page, "mina-anteckningar-2026-05-07.json", EXPORT_V1)
        preview = page.locator(".notes-preview")
        expect(preview).to_be_visible()
        page.get_by_role("button", name=ui(page, "notes.import.merge")).click()
        expect(page.locator('[data-notes-tools="import"] .notes-message')).to_have_text(ui(page, "notes.import.done.merge"))
        data = snapshot(page)
        source = json.loads(EXPORT_V1)
        for section in ("answers", "group", "agreed"):
            assert {k: e["text"] for k, e in data[section].items()} == {k: e["text"] for k, e in source[section].items()}, section
        for qid in question_ids(page):
            expect(field(page, qid)).to_have_value(source["answers"][qid]["text"])
        expect(page.locator(".notes-leftovers dd")).to_have_text([source["answers"][GONE]["text"]])


def test_answers_keep_their_question_and_outlive_it_in_the_exports(browser, server, tmp_path):
    """Version 2: the question is saved with the answer, so an answer whose question a later
    version drops is still shown and exported under the question as the reader saw it."""
    with new_page(browser) as page:
        page.goto(server.url + MODULE)
        qid = question_ids(page)[0]
        question = page.locator(f'[data-question-id="{qid}"] .reflection__text').text_content()
        write(page, field(page, qid), "Mitt svar")
        assert snapshot(page)["answers"][qid]["asked"] == " ".join(question.split())
        # As if a later version of the course had dropped this question: the answer stays.
        asked = "En fråga som <b>inte</b> finns kvar & aldrig fanns"
        page.evaluate("([id, text, asked]) => CourseNotes.setAnswer(id, text, asked)", ["modul-9-borttagen", "Svaret finns kvar", asked])
        page.evaluate("([id, text]) => CourseNotes.setGroupNote(id, text, 'Gruppens fråga')", ["modul-9-borttagen", "Gruppen sa"])
        page.goto(server.url + NOTES)
        leftovers = page.locator(".notes-leftovers")
        expect(leftovers.locator("dt")).to_have_text([asked])
        expect(leftovers.locator("dd")).to_have_text(["Svaret finns kvar", f"{ui(page, 'notes.group_label')}: Gruppen sa"])
        export_file(page, "notes.export.md", tmp_path / "notes.md")
        export_file(page, "notes.export.json", tmp_path / "notes.json")
        heading = ui(page, "notes.leftovers.heading")
        clear_with_confirmation(page)
        expect(leftovers).to_be_hidden()
    text = (tmp_path / "notes.md").read_text(encoding="utf-8")
    tail = text[text.index("## " + heading) :]
    assert "### En fråga som &lt;b\\>inte&lt;/b\\> finns kvar & aldrig fanns\n\nSvaret finns kvar" in tail
    assert json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))["answers"]["modul-9-borttagen"]["asked"] == asked
