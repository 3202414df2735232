"""axe-core with notes filled in: module page and notes page, both languages, light and dark."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.support.page_tour import AXE_OPTIONS, describe
from tests.support.notes_support import (
    HOSTILE,
    MODULE,
    NOTES,
    agreed_field,
    choose_import,
    field,
    iso,
    new_page,
    question_ids,
    seed,
    step_ids,
    ui,
    write,
)


def settled(page):
    """Pointer away, and every transition finished: axe must see colours at rest, not mid-fade."""
    page.mouse.move(0, 0)
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")


def audit(axe, page):
    settled(page)
    return describe(axe.run(page, options=AXE_OPTIONS).response["violations"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang_path", ["", "en/"])
def test_no_axe_violations_with_notes_filled_in(browser, server, lang_path, scheme):
    axe = Axe()
    problems = {}
    with new_page(browser, scheme=scheme) as page:
        page.goto(server.url + lang_path + MODULE)
        ids = question_ids(page)
        # Old unexported answers, so the reminder shows too.
        seed(page, {"answers": {ids[0]: {"text": "Ett gammalt svar", "updated": iso(days_ago=8)}}})
        page.reload()
        expect(page.locator(".notes-reminder")).to_be_visible()
        write(page, field(page, ids[1]), HOSTILE)
        write(page, agreed_field(page, step_ids(page)[0]), "Vi är överens.\nNästa möte i maj.")
        page.evaluate("([id, t]) => CourseNotes.setGroupNote(id, t)", [ids[2], "Gruppens anteckning"])
        page.get_by_label(ui(page, "notes.progress.discussed")).check()
        expect(page.locator(".notes-status").first).not_to_be_empty()
        problems["module"] = audit(axe, page)

        page.goto(server.url + lang_path + NOTES)
        expect(page.locator(".notes-overview")).to_be_visible()
        # Open every panel: the import preview and the clearing confirmation.
        export = {
            "format": "course-notes",
            "version": 1,
            "courseId": page.evaluate("() => Course.config.courseId"),
            "answers": {ids[3]: {"text": "Från filen", "updated": iso()}},
        }
        choose_import(page, "notes.json", json.dumps(export).encode())
        expect(page.locator(".notes-preview")).to_be_visible()
        page.get_by_role("button", name=ui(page, "notes.clear.button")).click()
        expect(page.locator(".notes-confirm")).to_be_visible()
        # An answer to a question a later version of the course dropped.
        page.evaluate("() => CourseNotes.setAnswer('modul-9-borttagen', 'Ett svar', 'En fråga som inte finns kvar')")
        expect(page.locator(".notes-leftovers")).to_be_visible()
        # An answer to a question the course has reworded since.
        page.evaluate("id => CourseNotes.setAnswer(id, 'Ett svar', 'En äldre lydelse av frågan?')", ids[4])
        expect(page.locator(".notes-reworded")).to_be_visible()
        problems["notes page"] = audit(axe, page)

        # And a refused file's message.
        choose_import(page, "bad.json", b"not json")
        expect(page.locator(".notes-message--error")).to_be_visible()
        problems["notes page, refused file"] = audit(axe, page)
        assert page.errors == []
    assert problems == {"module": [], "notes page": [], "notes page, refused file": []}


def test_storage_warning_has_no_axe_violations(browser, server):
    blocked = 'Object.defineProperty(window, "localStorage", {get() { throw new DOMException("no", "SecurityError"); }});'
    with new_page(browser, init_script=blocked) as page:
        page.goto(server.url + MODULE)
        expect(page.locator(".notes-notice--warning")).to_be_visible()
        assert audit(Axe(), page) == []
