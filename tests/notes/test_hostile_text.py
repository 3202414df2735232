"""What a reader types or imports is text, never code: an imported file full of markup, end to end.

Export notes, put hostile text into the file (as a colleague's e-mailed file
might hold), import it, and look at it everywhere it shows: the module page,
the notes page and meeting mode. Nothing runs, nothing is fetched, nothing
is logged as an error, and the text reads exactly as written.
"""

from __future__ import annotations

import json
import zipfile

from playwright.sync_api import expect

from tests.support.browser import RECORD_VIOLATIONS, RequestLog
from tests.support.notes_support import HOSTILE, choose_import, export_file, field, new_page, question_ids, ui, write

MODULE = "modules/kom-igang-tillsammans/"
NOTES = "anteckningar/"
MARKDOWN_LINK = "[klicka här](javascript:alert(1)) ![bild](http://example.com/x.png) <iframe src=//example.com>"
TRAPS = "window.__owned === undefined && !document.querySelector('article img[src=\"x\"], article iframe, article b, article a[href^=\"javascript\"]')"


def test_imported_hostile_text_is_shown_literally_everywhere(browser, server, tmp_path):
    with new_page(browser, init_script=RECORD_VIOLATIONS) as page:
        log = RequestLog(page, server.url)
        page.goto(server.url + MODULE)
        first, second = question_ids(page)[:2]
        write(page, field(page, first), "Ett vanligt svar")

        page.goto(server.url + NOTES)
        export_file(page, "notes.export.json", tmp_path / "notes.json")
        data = json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))
        data["answers"][first]["text"] = HOSTILE
        data["answers"][second] = {"text": MARKDOWN_LINK, "updated": data["answers"][first]["updated"]}
        data["group"] = {first: {"text": HOSTILE, "updated": data["answers"][first]["updated"]}}
        # An answer to a question the course no longer has, its question as hostile as its text.
        data["answers"]["modul-9-borttagen"] = {"text": HOSTILE, "updated": data["answers"][first]["updated"], "asked": HOSTILE}
        choose_import(page, "fran-kollega.json", json.dumps(data).encode("utf-8"))
        page.get_by_role("button", name=ui(page, "notes.import.replace")).click()
        expect(page.locator('[data-notes-tools="import"] .notes-message')).to_have_text(ui(page, "notes.import.done.replace"))

        # The notes page: in the fields, as written.
        expect(field(page, first)).to_have_value(HOSTILE)
        expect(field(page, second)).to_have_value(MARKDOWN_LINK)
        expect(page.locator(".notes-leftovers dt")).to_have_text([HOSTILE])
        expect(page.locator(".notes-leftovers dd")).to_have_text([HOSTILE])
        assert page.evaluate(TRAPS)

        # The exports: the markup is written as text.
        for fmt in ("docx", "odt", "md"):
            export_file(page, f"notes.export.{fmt}", tmp_path / f"notes.{fmt}")

        # The module page: the same, after a fresh load.
        page.goto(server.url + MODULE)
        expect(field(page, first)).to_have_value(HOSTILE)
        expect(field(page, second)).to_have_value(MARKDOWN_LINK)
        group_note = page.locator(f'li[data-question-id="{first}"] .notes-group__text')
        expect(group_note).to_have_text(HOSTILE)
        assert page.evaluate(TRAPS)

        # Meeting mode: the scribe's field shows the group note for that question as text.
        question = page.locator(f'li[data-question-id="{first}"] .reflection__text').text_content().strip()
        page.locator(".meeting-launch__button").first.click()
        dialog = page.locator("dialog[open]")
        expect(dialog).to_be_visible()
        for _ in range(10):
            if question in dialog.inner_text():
                break
            page.keyboard.press("ArrowRight")
        expect(dialog).to_contain_text(question)
        expect(page.locator("#course-meeting-note")).to_have_value(HOSTILE)
        assert page.evaluate("window.__owned === undefined && !document.querySelector('.meeting img, .meeting iframe, .meeting b')")
        page.keyboard.press("Escape")

        assert page.evaluate("window.__csp") == []
        assert page.errors == []
    assert log.foreign == []
    assert log.failed == []
    escaped = "&lt;script&gt;window.__owned = 1&lt;/script&gt;"
    for fmt, part in (("docx", "word/document.xml"), ("odt", "content.xml")):
        xml = zipfile.ZipFile(tmp_path / f"notes.{fmt}").read(part).decode("utf-8")
        # The answer and the group note, and the dropped question with its answer.
        assert xml.count(escaped) == 4 and "<script" not in xml and "<img" not in xml, fmt
    markdown = (tmp_path / "notes.md").read_text(encoding="utf-8")
    assert markdown.count("&lt;script\\>window.\\_\\_owned = 1&lt;/script\\>") == 4 and "<script" not in markdown
