"""Meeting mode and the guide's links work in the build for opening from disk (file://)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

from tests.site_build import build_site
from tests.test_meeting_view import DIALOG, WATCH, screen


@pytest.fixture(scope="module")
def disk_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("meeting-disk-site")
    result = build_site(site, extra_env={"OFFLINE": "true"})
    assert result.returncode == 0, result.output
    return site


def page_file(site: Path, path: str) -> Path:
    folder = site / path / "index.html"
    return folder if folder.exists() else site / (path.rstrip("/") + ".html")


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
