"""Shared helpers for the notes tests (test_notes_*.py); holds no tests itself.

The pages carry a strict Content-Security-Policy, which forbids string eval,
so the tests wait with Playwright's `expect` on what a reader sees, and read
the store with `page.evaluate` (a function call, which the policy allows).
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime, timedelta, timezone

from playwright.sync_api import expect

MODULE = "modules/kom-igang-tillsammans/"
SMALL_MODULE = "modules/varfor-nara-vard/"
NOTES = "anteckningar/"
FORMAT_VERSION = 3  # of the stored notes and the .json export (notes-store.js VERSION)
# Wait until the store's copy in IndexedDB has caught up (a store without one has nothing to wait for).
SETTLED = "() => CourseNotes.settled ? CourseNotes.settled() : null"


def store_key_js(version: int = FORMAT_VERSION) -> str:
    """JavaScript for the storage key of this course's notes in format `version`."""
    return f"Course.config.courseId + ':notes:v{version}'"


STORE_KEY_JS = store_key_js()

# Text that must stay text: markup, a script, an event handler, a javascript: link, Markdown.
HOSTILE = (
    "<script>window.__owned = 1</script> <img src=x onerror=\"window.__owned = 2\"> "
    "[link](javascript:window.__owned=3) **bold** & \"quotes\" 'single' <b>not bold</b>"
)


@contextlib.contextmanager
def new_page(browser, *, lang_path: str = "", scheme: str = "light", init_script: str | None = None, context=None):
    """A page in a fresh browser context (its own storage), closed afterwards."""
    own = context is None
    ctx = context or browser.new_context(viewport={"width": 1366, "height": 768}, color_scheme=scheme, accept_downloads=True)
    if init_script:
        ctx.add_init_script(init_script)
    page = ctx.new_page()
    page.errors = []  # uncaught errors and console errors, for the tests to check
    page.on("pageerror", lambda exc: page.errors.append(f"pageerror: {exc}"))
    page.on("console", lambda msg: page.errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("dialog", lambda dialog: (page.errors.append(f"dialog: {dialog.type} {dialog.message}"), dialog.dismiss()))
    try:
        yield page
    finally:
        if own:
            ctx.close()
        else:
            page.close()


def stored(page) -> str | None:
    """The raw stored notes, exactly as localStorage holds them."""
    return page.evaluate(f"() => localStorage.getItem({STORE_KEY_JS})")


def snapshot(page) -> dict:
    return page.evaluate("() => CourseNotes.read()")


def field(page, question_id: str):
    return page.locator(f"#notes-answer-{question_id}")


def agreed_field(page, step_id: str):
    return page.locator(f"#notes-agreed-{step_id}")


def status_of(page, step_id: str):
    return page.locator(f'section.reflection[data-step-id="{step_id}"] .notes-status')


def write(page, locator, text: str) -> None:
    """Type into a field and leave it: leaving saves at once (typing alone saves on a pause)."""
    locator.fill(text)
    locator.blur()
    expect(locator).to_have_value(text)


def question_ids(page) -> list[str]:
    return page.eval_on_selector_all("li.reflection__question[data-question-id]", "els => els.map(e => e.dataset.questionId)")


def step_ids(page) -> list[str]:
    return page.eval_on_selector_all("section.reflection[data-step-id]", "els => els.map(e => e.dataset.stepId)")


def course_id(page) -> str:
    return page.evaluate("() => Course.config.courseId")


def ui(page, key: str, **values) -> str:
    """The page's interface string, as its scripts show it: placeholders filled, each number's plural form chosen."""
    text = page.evaluate("([key, values]) => Course.t(key, values)", [key, values])
    assert text != key, f"interface string {key} is missing"
    return text


def import_summary(page, answers: int, group: int, agreed: int) -> str:
    """What the import preview says the file holds, each number with its noun in the right form."""
    return ui(
        page,
        "notes.import.summary",
        answers=ui(page, "notes.import.count_answers", count=answers),
        group=ui(page, "notes.import.count_group", count=group),
        agreed=ui(page, "notes.import.count_agreed", count=agreed),
    )


def iso(days_ago: float = 0) -> str:
    moment = datetime.now(timezone.utc) - timedelta(days=days_ago)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def seed(page, data: dict) -> None:
    """Put notes into storage in the current format, as if written earlier."""
    payload = {
        "version": FORMAT_VERSION,
        "courseId": course_id(page),
        "answers": {},
        "group": {},
        "agreed": {},
        "progress": {},
        "lastExport": None,
        **data,
    }
    page.evaluate(f"text => localStorage.setItem({STORE_KEY_JS}, text)", json.dumps(payload))


def export_file(page, button_key: str, target) -> str:
    """Click an export button and save the download; returns the suggested file name."""
    with page.expect_download() as info:
        page.get_by_role("button", name=ui(page, button_key)).click()
    download = info.value
    assert download.failure() is None, download.failure()
    download.save_as(target)
    return download.suggested_filename


def clear_with_confirmation(page) -> None:
    page.get_by_role("button", name=ui(page, "notes.clear.button")).click()
    page.get_by_role("button", name=ui(page, "notes.clear.confirm")).click()
    expect(page.locator('[data-notes-tools="clear"] .notes-message')).to_have_text(ui(page, "notes.clear.done"))


def choose_import(page, name: str, data: bytes, mime: str = "application/json") -> None:
    page.set_input_files("#notes-import-file", files=[{"name": name, "mimeType": mime, "buffer": data}])
