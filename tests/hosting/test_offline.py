"""The offline zip: `make offline`, unpacked and opened from disk (file://) in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.browser import RECORD_VIOLATIONS
from tests.support.reader_flows import answer_reload_meet_and_download
from tests.support.search_ui import search


@pytest.fixture()
def unpacked(offline_site) -> Path:
    return offline_site


def offline_pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.html") if "assets" not in p.parts and p.name != "404.html")


@pytest.fixture()
def file_page(browser):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file://", "data:", "blob:")) else None)
    failed = []
    # ERR_ABORTED is a load cut short by the next navigation (favicons); a
    # missing file shows as ERR_FILE_NOT_FOUND.
    page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}") if "ERR_ABORTED" not in (r.failure or "") else None)
    page.outside, page.failed = outside, failed
    yield page
    context.close()


def test_every_page_opens_from_disk_without_other_hosts(file_page, unpacked):
    pages = offline_pages(unpacked)
    assert len(pages) > 20
    for html in pages:
        file_page.goto(html.as_uri(), wait_until="load")
        assert file_page.locator("h1").count() >= 1, html
        assert file_page.evaluate("window.__csp") == [], html
    assert file_page.outside == []
    assert file_page.failed == []


def test_navigation_links_work_from_disk(file_page, unpacked):
    file_page.goto((unpacked / "index.html").as_uri())
    file_page.click(".md-footer__link--next")
    file_page.wait_for_load_state()
    assert file_page.url.endswith(".html") and file_page.url.startswith("file://")
    assert file_page.title() and "404" not in file_page.title()
    assert file_page.failed == []


@pytest.mark.parametrize(
    ("start", "query", "expected"),
    [("index.html", "Tillgänglighet", r"/tillganglighet\.html"), ("en/index.html", "Accessibility", r"/en/tillganglighet\.html")],
)
def test_search_works_from_disk(file_page, unpacked, start, query, expected):
    file_page.goto((unpacked / start).as_uri())
    hrefs = search(file_page, query)
    assert any(re.search(expected, h) for h in hrefs), hrefs
    assert file_page.evaluate("window.__csp") == [], "the offline search must run under the site's CSP"
    if start.startswith("en/"):
        assert all("/en/" in h for h in hrefs)
    else:
        assert all("/en/" not in h for h in hrefs)
    assert file_page.outside == []


def test_notes_meeting_mode_and_templates_work_from_disk(file_page, unpacked):
    module = unpacked / "modules" / "kom-igang-tillsammans.html"
    download = answer_reload_meet_and_download(file_page, module.as_uri(), "Svar från disken")
    target = unpacked / "modules" / file_page.locator(".reflection__download-list a").first.get_attribute("href")
    assert target.resolve().is_file(), target
    assert download.suggested_filename == target.name
    assert file_page.evaluate("window.__csp") == []
    assert file_page.outside == []
