"""The notes work in a site opened from disk (file://), built with the project's own settings."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.support.site_pages import offline_page
from tests.support.notes_support import MODULE, NOTES, SETTLED, export_file, field, new_page, question_ids, write


@pytest.fixture()
def disk_site(offline_site):
    return offline_site


def page_file(site, path: str) -> str:
    return offline_page(site, path).resolve().as_uri()


def test_notes_work_from_file_urls(browser, disk_site, tmp_path):
    root = disk_site.resolve().as_uri() + "/"
    with new_page(browser) as page:
        page.goto(root + "index.html")
        assert page.evaluate("() => typeof CourseNotes === 'object' && CourseNotes.available") is True

        page.goto(page_file(disk_site, MODULE))
        qid = question_ids(page)[0]
        write(page, field(page, qid), "Skrivet från disken")
        expect(page.locator(".notes-status").first).to_have_text(re.compile(r"^Sparat kl\. \d\d\.\d\d$"))
        page.reload()
        expect(field(page, qid)).to_have_value("Skrivet från disken")

        # The module page's link to the notes page works from disk too.
        page.locator(".notes-progress-box__link a").click()
        expect(page).to_have_url(page_file(disk_site, NOTES))
        expect(field(page, qid)).to_have_value("Skrivet från disken")
        export_file(page, "notes.export.json", tmp_path / "notes.json")  # notes-export.js loads from disk too
        data = json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))
        assert data["answers"][qid]["text"] == "Skrivet från disken"
        export_file(page, "notes.export.docx", tmp_path / "notes.docx")  # and notes-documents.js
        assert (tmp_path / "notes.docx").read_bytes()[:4] == b"PK\x03\x04"
        export_file(page, "notes.export.odt", tmp_path / "notes.odt")
        assert (tmp_path / "notes.odt").read_bytes()[30:38] == b"mimetype"
        assert page.errors == [], page.errors


def test_from_file_urls_the_notes_outlive_a_cleared_local_storage(browser, disk_site):
    """IndexedDB keeps a copy from disk too (Chromium allows it for file://): issue 27."""
    with new_page(browser) as page:
        page.goto(page_file(disk_site, MODULE))
        qid = question_ids(page)[0]
        write(page, field(page, qid), "Kvar från disken")
        page.evaluate(SETTLED)
        page.evaluate("() => localStorage.clear()")
        page.reload()
        expect(field(page, qid)).to_have_value("Kvar från disken")
        assert page.errors == [], page.errors
