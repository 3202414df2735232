"""The notes outlive a cleared localStorage: IndexedDB keeps a copy (issue 27).

A learning platform may clear localStorage (Moodle does at every login); the
store then puts the notes back from its copy in IndexedDB. Outside a platform
the same store runs: notes saved before the copy existed (today's format,
version 3, frozen in tests/fixtures/notes-v3-stored.json) move into it at the
first page load. Never regenerate the fixture: it stands for readers' notes.
"""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import expect

from tests.support.notes_support import (
    FORMAT_VERSION,
    NOTES,
    SETTLED,
    agreed_field,
    clear_with_confirmation,
    course_id,
    field,
    new_page,
    question_ids,
    snapshot,
    step_ids,
    store_key_js,
    stored,
    write,
)

STORED_V3 = json.loads((Path(__file__).parents[1] / "fixtures" / "notes-v3-stored.json").read_text(encoding="utf-8"))
AS_READ = {k: v for k, v in STORED_V3.items() if k != "format"}  # what the store hands out


def settle(page) -> None:
    """Wait until the copy in IndexedDB has caught up (CourseNotes.settled())."""
    page.evaluate(SETTLED)


def test_the_fixture_is_todays_format():
    assert STORED_V3["version"] == FORMAT_VERSION == 3
    assert STORED_V3["ratings"] and STORED_V3["shared"] and STORED_V3["participant"]


def test_todays_stored_notes_move_into_the_copy_and_outlive_a_cleared_local_storage(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        assert STORED_V3["courseId"] == course_id(page)
        page.evaluate(f"text => localStorage.setItem({store_key_js(3)}, text)", json.dumps(STORED_V3))
        page.reload()
        assert snapshot(page) == AS_READ
        settle(page)

        # The platform's clean-up, twice (a new login, a new revision of its scripts).
        for _ in range(2):
            page.evaluate("() => localStorage.clear()")
            page.reload()
            for qid in question_ids(page):
                expect(field(page, qid)).to_have_value(STORED_V3["answers"][qid]["text"])
            for step in step_ids(page):
                expect(agreed_field(page, step)).to_have_value(STORED_V3["agreed"][step]["text"])
            assert snapshot(page) == AS_READ
            settle(page)
            # Put back as it was, byte for byte.
            assert json.loads(stored(page)) == STORED_V3

        # A change after the clean-up lands on the notes put back, not on an empty store.
        page.evaluate("() => localStorage.clear()")
        page.reload()
        qid = question_ids(page)[0]
        write(page, field(page, qid), "Skrivet efter rensningen")
        settle(page)
        data = json.loads(stored(page))
        assert data["answers"][qid]["text"] == "Skrivet efter rensningen"
        assert {k: e["text"] for k, e in data["answers"].items() if k != qid} == {
            k: e["text"] for k, e in STORED_V3["answers"].items() if k != qid
        }
        assert data["ratings"] == STORED_V3["ratings"] and data["progress"] == STORED_V3["progress"]

        # "Rensa på en delad dator" removes the copy too: nothing comes back.
        clear_with_confirmation(page)
        settle(page)
        page.evaluate("() => localStorage.clear()")
        page.reload()
        settle(page)
        assert snapshot(page)["answers"] == {}
        assert stored(page) is None
        assert page.errors == [], page.errors


def test_two_tabs_after_a_clean_up_keep_each_others_answers(browser, server):
    with new_page(browser) as first:
        first.goto(server.url + NOTES)
        ids = question_ids(first)
        write(first, field(first, ids[0]), "Från första fliken")
        settle(first)
        second = first.context.new_page()
        second.goto(server.url + NOTES)
        expect(field(second, ids[0])).to_have_value("Från första fliken")
        # Cleared while both are open: the store in each puts the notes back before it writes.
        second.evaluate("() => localStorage.clear()")
        write(first, field(first, ids[1]), "Också från första")
        settle(first)
        write(second, field(second, ids[2]), "Från andra fliken")
        settle(second)
        settle(first)
        data = snapshot(first)
        assert {k: e["text"] for k, e in data["answers"].items()} == {
            ids[0]: "Från första fliken",
            ids[1]: "Också från första",
            ids[2]: "Från andra fliken",
        }
        second.evaluate("() => localStorage.clear()")
        second.reload()
        expect(field(second, ids[2])).to_have_value("Från andra fliken")
        expect(field(second, ids[0])).to_have_value("Från första fliken")
        expect(field(second, ids[1])).to_have_value("Också från första")
