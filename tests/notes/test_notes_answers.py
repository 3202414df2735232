"""The reader's answers on a module page, in Chromium: saving, reloading, two tabs, and storage trouble."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.support.notes_support import (
    HOSTILE,
    clear_with_confirmation,
    MODULE,
    SMALL_MODULE,
    FORMAT_VERSION,
    STORE_KEY_JS,
    store_key_js,
    agreed_field,
    course_id,
    field,
    iso,
    new_page,
    question_ids,
    seed,
    snapshot,
    status_of,
    step_ids,
    stored,
    ui,
    write,
)

BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The user denied storage", "SecurityError"); },
});
"""

# Counts calls to navigator.storage.persisted/persist, and says "not yet persisted".
WATCH_PERSIST = """
window.__persist = {asked: 0, requested: 0};
if (navigator.storage) {
  navigator.storage.persisted = () => { window.__persist.asked++; return Promise.resolve(false); };
  navigator.storage.persist = () => { window.__persist.requested++; return Promise.resolve(false); };
}
"""


def test_every_question_and_step_gets_a_labelled_field(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + MODULE)
        ids = question_ids(page)
        assert len(ids) >= 10, ids
        for qid in ids:
            area = field(page, qid)
            expect(area).to_be_visible()
            text = page.locator(f'[data-question-id="{qid}"] .reflection__text').text_content().strip()
            name = area.evaluate("el => el.labels[0].textContent")
            assert name == ui(page, "notes.answer_label")
            # The question's own text names the field, with the visible label.
            expect(area).to_have_accessible_name(re.compile(re.escape(text) + r"\s+" + re.escape(name)))
        for step in step_ids(page):
            expect(agreed_field(page, step)).to_have_accessible_name(ui(page, "notes.agreed_label"))
        assert page.errors == []


@pytest.mark.parametrize("lang_path, pattern", [("", r"^Sparat kl\. \d\d\.\d\d$"), ("en/", r"^Saved at \d\d:\d\d$")])
def test_typed_answer_is_saved_on_a_pause_and_is_there_after_reload(browser, server, lang_path, pattern):
    with new_page(browser) as page:
        page.goto(server.url + lang_path + MODULE)
        qid = question_ids(page)[1]
        status = status_of(page, "steg-1")
        expect(status).to_have_attribute("role", "status")  # a polite live region
        expect(status).to_have_attribute("aria-live", "polite")
        # Count what the live region says while the reader types.
        page.evaluate(
            """() => {
                window.__announcements = 0;
                const status = document.querySelector('section[data-step-id="steg-1"] .notes-status');
                new MutationObserver(() => window.__announcements++).observe(status, {childList: true, characterData: true, subtree: true});
            }"""
        )
        field(page, qid).click()
        page.keyboard.type("Primärvården, socialtjänsten och skolan.\nOch fler.")
        expect(status).to_have_text(re.compile(pattern))
        assert page.evaluate("() => window.__announcements") == 1, "the status must speak once per pause, not per key"
        page.reload()
        expect(field(page, qid)).to_have_value("Primärvården, socialtjänsten och skolan.\nOch fler.")
        assert snapshot(page)["answers"][qid]["text"] == "Primärvården, socialtjänsten och skolan.\nOch fler."
        assert page.errors == []


def test_answers_are_kept_when_the_page_is_left_mid_sentence(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + MODULE)
        qid = question_ids(page)[0]
        field(page, qid).click()
        page.keyboard.type("Skrivet precis innan jag gick")
        page.goto(server.url)  # at once, before the pause that saves
        page.goto(server.url + MODULE)
        expect(field(page, qid)).to_have_value("Skrivet precis innan jag gick")


def test_store_key_carries_the_course_id_and_leaves_other_courses_alone(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + MODULE)
        other = json.dumps({"version": 1, "courseId": "another-course", "answers": {"steg-1-malgrupper": {"text": "theirs", "updated": iso()}}})
        page.evaluate("text => localStorage.setItem('another-course:notes:v1', text)", other)
        page.reload()
        qid = question_ids(page)[0]
        expect(field(page, qid)).to_have_value("")  # the other course's answer is not shown here
        write(page, field(page, qid), "ours")
        keys = page.evaluate("() => Object.keys(localStorage).filter(k => k.includes(':notes:')).sort()")
        assert keys == sorted(["another-course:notes:v1", f"{course_id(page)}:notes:v{FORMAT_VERSION}"])
        assert page.evaluate("() => localStorage.getItem('another-course:notes:v1')") == other
        data = json.loads(stored(page))
        assert data["version"] == FORMAT_VERSION and data["courseId"] == course_id(page) and data["format"] == "course-notes"


def test_two_tabs_keep_both_answers_and_see_each_other(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        with new_page(browser, context=context) as one, new_page(browser, context=context) as two:
            one.goto(server.url + MODULE)
            two.goto(server.url + MODULE)
            first, second = question_ids(one)[0], question_ids(one)[1]
            write(one, field(one, first), "Svar från flik ett")
            write(two, field(two, second), "Svar från flik två")
            # Each tab hears of the other's answer through the storage event.
            expect(field(two, first)).to_have_value("Svar från flik ett")
            expect(field(one, second)).to_have_value("Svar från flik två")
            write(one, agreed_field(one, "steg-1"), "Överens i flik ett")
            expect(agreed_field(two, "steg-1")).to_have_value("Överens i flik ett")
            one.reload()
            answers = snapshot(one)["answers"]
            assert answers[first]["text"] == "Svar från flik ett"
            assert answers[second]["text"] == "Svar från flik två"
            assert one.errors == [] and two.errors == []
    finally:
        context.close()


def test_a_tab_never_writes_back_a_stale_copy(browser, server):
    context = browser.new_context()
    try:
        with new_page(browser, context=context) as one, new_page(browser, context=context) as two:
            one.goto(server.url + MODULE)
            two.goto(server.url + MODULE)
            ids = question_ids(one)
            # Tab two's page stops hearing about changes, as a busy or sleeping tab may.
            two.evaluate("() => window.addEventListener('storage', e => e.stopImmediatePropagation(), true)")
            for n, qid in enumerate(ids[:4]):
                tab = one if n % 2 == 0 else two
                # Chromium passes localStorage between tabs' processes a moment later; a person
                # is never that quick, so each tab's storage first holds the answers before.
                earlier = {q: f"svar {m}" for m, q in enumerate(ids[:n])}
                tab.wait_for_function(
                    "earlier => Object.entries(earlier).every(([q, t]) => (CourseNotes.read().answers[q] || {}).text === t)",
                    arg=earlier,
                )
                write(tab, field(tab, qid), f"svar {n}")
            answers = snapshot(one)["answers"]
            assert {qid: answers[qid]["text"] for qid in ids[:4]} == {qid: f"svar {n}" for n, qid in enumerate(ids[:4])}
    finally:
        context.close()


def test_blocked_storage_shows_a_warning_and_the_page_still_works(browser, server):
    with new_page(browser, init_script=BLOCK_STORAGE) as page:
        page.goto(server.url + MODULE)
        assert page.evaluate("() => CourseNotes.available") is False
        warning = page.locator(".notes-notice--warning")
        expect(warning).to_be_visible()
        expect(warning).to_have_text(ui(page, "notes.warning.blocked"))
        qid = question_ids(page)[0]
        write(page, field(page, qid), "Bara i minnet")
        expect(status_of(page, "steg-1")).to_have_text(ui(page, "notes.not_saved.blocked"))
        # Progress and the rest of the page keep working, in memory.
        page.get_by_label(ui(page, "notes.progress.discussed")).check()
        expect(page.locator(".notes-progress-box__reflected")).to_contain_text("1")
        assert page.evaluate("() => CourseNotes.read().answers") [qid]["text"] == "Bara i minnet"
        page.goto(server.url + "anteckningar/")
        expect(page.locator(".notes-notice--warning")).to_have_text(ui(page, "notes.warning.blocked"))
        expect(page.locator('[data-notes-tools="export"] button').first).to_be_visible()
        # Material's own inline scripts (palette, scope) read localStorage unguarded and throw
        # this very error; nothing else may fail.
        # storage-guard.js keeps Material's own scripts from throwing too.
        assert page.errors == []


def test_full_storage_says_so_and_loses_nothing_already_saved(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + MODULE)
        first, second = question_ids(page)[0], question_ids(page)[1]
        write(page, field(page, first), "Sparat innan det blev fullt")
        before = stored(page)
        page.evaluate(
            """() => {
                window.__realSetItem = Storage.prototype.setItem;
                Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };
            }"""
        )
        write(page, field(page, second), "Får inte plats")
        expect(status_of(page, "steg-1")).to_have_text(ui(page, "notes.not_saved.quota"))
        expect(page.locator(".notes-notice--warning")).to_have_text(ui(page, "notes.warning.quota"))
        assert stored(page) == before  # the saved notes are untouched
        expect(field(page, second)).to_have_value("Får inte plats")  # and the reader's text is still on screen
        # Once there is room again, the next save also writes what did not fit.
        page.evaluate("() => { Storage.prototype.setItem = window.__realSetItem; }")
        write(page, agreed_field(page, "steg-1"), "Nu finns det plats")
        answers = json.loads(stored(page))["answers"]
        assert answers[first]["text"] == "Sparat innan det blev fullt"
        assert answers[second]["text"] == "Får inte plats"
        expect(page.locator(".notes-notice--warning")).to_be_hidden()


def test_persistent_storage_is_asked_for_on_the_first_write(browser, server):
    with new_page(browser, init_script=WATCH_PERSIST) as page:
        page.goto(server.url + SMALL_MODULE)
        assert page.evaluate("() => window.__persist.asked") == 0  # not on a mere visit
        qid = question_ids(page)[0]
        write(page, field(page, qid), "Första svaret")
        assert page.evaluate("() => window.__persist.asked") == 1
        write(page, field(page, question_ids(page)[1]), "Andra svaret")
        assert page.evaluate("() => window.__persist.asked") == 1  # once per page, not per write


def test_unreadable_notes_are_copied_aside_before_anything_is_written(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + MODULE)
        page.evaluate(f"() => localStorage.setItem({STORE_KEY_JS}, '{{\"version\": 1, broken')")
        page.reload()
        expect(page.locator(".notes-notice--warning")).to_have_text(ui(page, "notes.warning.damaged"))
        write(page, field(page, question_ids(page)[0]), "Nytt svar")
        copies = page.evaluate(
            "() => Object.keys(localStorage).filter(k => k.startsWith(Course.config.courseId + ':notes:damaged:'))"
        )
        assert len(copies) == 1
        assert page.evaluate("key => localStorage.getItem(key)", copies[0]) == '{"version": 1, broken'
        assert json.loads(stored(page))["answers"][question_ids(page)[0]]["text"] == "Nytt svar"


def test_notes_from_a_newer_version_are_never_overwritten(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + MODULE)
        newer = json.dumps({"version": FORMAT_VERSION + 1, "courseId": course_id(page), "answers": {}})
        newer_key = store_key_js(FORMAT_VERSION + 1)
        page.evaluate(f"text => localStorage.setItem({newer_key}, text)", newer)
        page.reload()
        expect(page.locator(".notes-notice--warning")).to_have_text(ui(page, "notes.warning.newer"))
        write(page, field(page, question_ids(page)[0]), "Skrivet i en äldre version")
        assert page.evaluate(f"() => localStorage.getItem({newer_key})") == newer
        assert stored(page) is None


def test_progress_read_reflected_discussed_on_the_module_page(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + SMALL_MODULE)
        box = page.locator(".notes-progress-box")
        expect(box).to_be_visible()
        # At the top of the module, right under its title.
        assert page.evaluate(
            "() => { const h1 = document.querySelector('.md-content__inner h1');"
            " return !!(h1.compareDocumentPosition(document.querySelector('.notes-progress-box')) & 4)"
            " && !!(document.querySelector('.notes-progress-box').compareDocumentPosition(document.querySelector('section.reflection')) & 4); }"
        )
        total = len(question_ids(page))
        expect(page.locator(".notes-progress-box__reflected")).to_have_text(ui(page, "notes.progress.reflected", n=0, count=total))
        read = page.get_by_label(ui(page, "notes.progress.read"))
        discussed = page.get_by_label(ui(page, "notes.progress.discussed"))
        expect(discussed).not_to_be_checked()
        page.locator("section.reflection").scroll_into_view_if_needed()
        expect(read).to_be_checked()  # reaching the questions counts as having read the module
        write(page, field(page, question_ids(page)[0]), "Ett svar")
        expect(page.locator(".notes-progress-box__reflected")).to_have_text(ui(page, "notes.progress.reflected", n=1, count=total))
        discussed.check()
        page.reload()
        expect(page.get_by_label(ui(page, "notes.progress.discussed"))).to_be_checked()
        assert snapshot(page)["progress"]["varfor-nara-vard"] == {"read": True, "discussed": True}


def test_progress_overview_on_the_notes_page_and_cleared_with_the_answers(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + SMALL_MODULE)
        write(page, field(page, question_ids(page)[0]), "Ett svar")
        page.get_by_label(ui(page, "notes.progress.discussed")).check()
        page.goto(server.url + "anteckningar/")
        item = page.locator('.notes-overview li[data-module="varfor-nara-vard"]')
        expect(item).to_contain_text(ui(page, "notes.overview.discussed"))
        expect(item).to_contain_text(ui(page, "notes.overview.reflected", n=1, count=5))
        other = page.locator('.notes-overview li[data-module="vad-ar-systemledarskap"]')
        expect(other).to_contain_text(ui(page, "notes.overview.not_reflected"))

        clear_with_confirmation(page)
        expect(item).to_contain_text(ui(page, "notes.overview.not_discussed"))
        expect(item).to_contain_text(ui(page, "notes.overview.not_reflected"))
        assert snapshot(page)["progress"] == {} and snapshot(page)["answers"] == {}


def test_group_notes_show_as_text_under_their_question(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + MODULE)
        qid = question_ids(page)[0]

        result = page.evaluate("([id, text]) => CourseNotes.setGroupNote(id, text)", [qid, HOSTILE])
        assert result == {"ok": True}
        note = page.locator(f'[data-question-id="{qid}"] .notes-group')
        expect(note).to_be_visible()
        expect(note.locator(".notes-group__label")).to_have_text(ui(page, "notes.group_label"))
        expect(note.locator(".notes-group__text")).to_have_text(HOSTILE)
        assert page.evaluate("() => window.__owned") is None
        assert page.locator(f'[data-question-id="{qid}"] .notes-group img, [data-question-id="{qid}"] .notes-group script').count() == 0


def test_reminder_after_a_week_of_unexported_answers_is_polite_and_dismissible(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + MODULE)
        qid = question_ids(page)[0]
        seed(page, {"answers": {qid: {"text": "Gammalt svar", "updated": iso(days_ago=8)}}})
        page.reload()
        reminder = page.locator(".notes-reminder")
        expect(reminder).to_be_visible()
        expect(reminder).to_contain_text(ui(page, "notes.reminder.text"))
        assert reminder.get_attribute("aria-modal") is None and page.locator("[aria-modal=true], dialog[open]").count() == 0
        link = reminder.get_by_role("link", name=ui(page, "notes.reminder.link"))
        assert link.get_attribute("href").endswith("anteckningar/#notes-save")
        reminder.get_by_role("button", name=ui(page, "notes.reminder.dismiss")).click()
        expect(reminder).to_be_hidden()
        page.reload()
        expect(page.locator(".notes-answer, .notes-field").first).to_be_visible()
        expect(page.locator(".notes-reminder")).to_have_count(0)


def test_no_reminder_for_recent_or_exported_answers(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + MODULE)
        qid = question_ids(page)[0]
        seed(page, {"answers": {qid: {"text": "Nytt svar", "updated": iso(days_ago=2)}}})
        page.reload()
        expect(field(page, qid)).to_have_value("Nytt svar")
        expect(page.locator(".notes-reminder")).to_have_count(0)
        seed(page, {"answers": {qid: {"text": "Exporterat", "updated": iso(days_ago=9)}}, "lastExport": iso(days_ago=8)})
        page.reload()
        expect(field(page, qid)).to_have_value("Exporterat")
        expect(page.locator(".notes-reminder")).to_have_count(0)
