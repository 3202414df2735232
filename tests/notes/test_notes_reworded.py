"""The notes page marks an answer whose question was reworded since the reader answered it (issue 20).

The store keeps each answer's question as the reader saw it (`asked`). The
notes page compares it with the question as the course words it now, in
every language: an answer given on the English pages is not to a reworded
question.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.notes_support import NOTES, field, iso, new_page, question_ids, seed, snapshot, ui, write

OLD_WORDING = "Hur har invånarnas behov förändrats under de senaste tio åren?"


def question_texts(page) -> dict[str, str]:
    return page.eval_on_selector_all(
        ".reflection--notes li.reflection__question[data-question-id]",
        "els => Object.fromEntries(els.map(e => [e.dataset.questionId, e.querySelector('.reflection__text').textContent]))",
    )


def other_wordings(page) -> dict[str, list[str]]:
    return page.evaluate("() => JSON.parse(document.getElementById('notes-outline').textContent).wordings")


@pytest.mark.parametrize("lang_path", ["", "en/"])
def test_a_reworded_question_is_marked_with_both_wordings(browser, server, lang_path):
    with new_page(browser) as page:
        page.goto(server.url + lang_path + NOTES)
        ids = question_ids(page)
        now = question_texts(page)
        other = other_wordings(page)
        reworded, same, other_language, unknown = ids[0], ids[1], ids[2], ids[3]
        assert other[other_language] and other[other_language][0] != now[other_language]
        seed(
            page,
            {
                "answers": {
                    reworded: {"text": "Fler äldre.", "updated": iso(1), "asked": OLD_WORDING},
                    # As notes.js saves it: the question's text, spaces as in the page.
                    same: {"text": "Ett svar", "updated": iso(1), "asked": "  " + now[same].replace(" ", "\n", 1)},
                    other_language: {"text": "An answer", "updated": iso(1), "asked": other[other_language][0]},
                    unknown: {"text": "Från version 1", "updated": iso(1)},  # no question kept
                }
            },
        )
        page.reload()

        marks = page.locator(".notes-reworded:visible")
        expect(marks).to_have_count(1)
        mark = page.locator(f'[data-question-id="{reworded}"] .notes-reworded')
        expect(mark).to_be_visible()
        expect(mark.locator(".notes-reworded__label")).to_have_text(ui(page, "notes.changed.label"))
        expect(mark.locator("dt")).to_have_text([ui(page, "notes.changed.then"), ui(page, "notes.changed.now")])
        expect(mark.locator(".notes-reworded__then")).to_have_text(OLD_WORDING)
        expect(mark.locator(".notes-reworded__now")).to_have_text(now[reworded])
        # Under the question it belongs to, and read out with the answer field.
        expect(field(page, reworded)).to_have_attribute("aria-describedby", f"notes-reworded-{reworded}")
        assert page.evaluate(
            "id => document.querySelector(`[data-question-id='${id}'] .reflection__text`).nextElementSibling.className", reworded
        ).startswith("notes-reworded")

        # Answering again answers the question as it is now: the mark goes.
        write(page, field(page, reworded), "Fler äldre, och fler som bor hemma länge.")
        expect(mark).to_be_hidden()
        assert snapshot(page)["answers"][reworded]["asked"] == " ".join(now[reworded].split())
        expect(field(page, reworded)).not_to_have_attribute("aria-describedby", f"notes-reworded-{reworded}")
        page.reload()
        expect(page.locator(".notes-reworded:visible")).to_have_count(0)
        assert page.errors == []


def test_the_mark_follows_what_the_store_saves(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        qid = question_ids(page)[4]
        expect(page.locator(".notes-reworded")).to_have_count(0)
        # An answer saved elsewhere (another tab, an import) to an older wording of the question.
        page.evaluate("([id, asked]) => CourseNotes.setAnswer(id, 'Svar i en annan flik', asked)", [qid, OLD_WORDING])
        expect(page.locator(f'[data-question-id="{qid}"] .notes-reworded__then')).to_have_text(OLD_WORDING)
        assert page.errors == []
