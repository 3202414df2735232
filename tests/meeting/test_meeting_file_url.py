"""Meeting mode and the guide's links work in the build for opening from disk (file://)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

from tests.support.site_pages import offline_page
from tests.meeting.test_meeting_view import DIALOG, WATCH, screen


@pytest.fixture()
def disk_site(offline_site):
    return offline_site


page_file = offline_page


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_meeting_mode_opens_from_disk(browser, disk_site, lang_prefix):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.add_init_script(WATCH)
    page = context.new_page()
    try:
        page.goto(page_file(disk_site, lang_prefix + "modules/kom-igang-tillsammans").resolve().as_uri())
        page.keyboard.press("m")
        page.wait_for_selector(f"{DIALOG}[open]")
        first = screen(page)
        page.keyboard.press("ArrowRight")
        assert screen(page)["question"] and first["step"]
        page.keyboard.press("Escape")
        page.wait_for_selector(DIALOG, state="hidden")
        assert page.evaluate("window.__errors") == []
    finally:
        context.close()


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_time_plan_links_lead_to_files_on_disk(disk_site, lang_prefix):
    guide = page_file(disk_site, lang_prefix + "handledning")
    links = lxml_html.fromstring(guide.read_text(encoding="utf-8")).xpath("//table[@data-meeting]//a/@href")
    assert links
    for href in links:
        target = (guide.parent / unquote(urlsplit(href).path)).resolve()
        assert target.is_file(), href
