"""The search index loads when the reader shows they will search, never with the page (issue 31).

A page makes no request for its edition's index, Material's search worker or
lunr's language files while it loads. Focusing the search field, the search
shortcut, opening search on a phone, or arriving with words to highlight
(`h=`, from a search result) loads it, and results then appear. From disk
(file://) the index script waits the same way (search-language.js).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import RECORD_VIOLATIONS
from tests.support.search_ui import QUERY, wait_for_results_of

MODULE = "modules/varfor-nara-vard/"
SEARCH_FILES = re.compile(r"/search/search_index\.js(on)?$|/workers/search\.[^/]*\.js$|/lunr/")


def search_requests(requests: list[str]) -> list[str]:
    return [u for u in requests if SEARCH_FILES.search(u.split("?")[0])]


def open_page(browser, url: str, viewport=(1366, 768)):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    requests: list[str] = []
    # The context sees the worker's own requests (its script, lunr's language files) too.
    context.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="networkidle")
    return context, page, requests


def type_and_wait(page, query: str) -> list[str]:
    page.locator(QUERY).press_sequentially(query, delay=10)
    wait_for_results_of(page, query)
    return [a.get_attribute("href") for a in page.query_selector_all(".md-search-result__link")]


@pytest.mark.parametrize(("lang_path", "query"), [("", "vårdcentralerna"), ("en/", "leaders")])
def test_focusing_search_loads_the_index_and_results_appear(browser, server, lang_path, query):
    context, page, requests = open_page(browser, server.url + lang_path + MODULE)
    try:
        assert search_requests(requests) == [], "the page asked for search files before anyone searched"
        assert page.evaluate("window.CourseSearch.wanted()") is False
        index = server.url + lang_path + "search/search_index.json"
        with page.expect_request(index):
            page.locator(QUERY).focus()
        assert type_and_wait(page, query), f"{query!r} found nothing"
        assert any(u.split("?")[0] == index for u in requests)
        assert page.evaluate("window.__csp") == []
    finally:
        context.close()


def test_the_search_shortcut_loads_the_index(browser, server):
    context, page, requests = open_page(browser, server.url)
    try:
        assert search_requests(requests) == []
        with page.expect_request(server.url + "search/search_index.json"):
            page.keyboard.press("s")
        assert type_and_wait(page, "samverkan")
    finally:
        context.close()


def test_opening_search_on_a_phone_loads_the_index(browser, server):
    context, page, requests = open_page(browser, server.url + MODULE, viewport=(375, 667))
    try:
        assert search_requests(requests) == []
        with page.expect_request(server.url + "search/search_index.json"):
            page.locator('label.md-header__button[for="__search"]').click()
        expect(page.locator(QUERY)).to_be_visible()
        assert type_and_wait(page, "primärvård")
    finally:
        context.close()


def test_words_to_highlight_load_the_index_at_once(browser, server):
    """A page opened from a search result (h=) needs the index to mark the words."""
    context, page, requests = open_page(browser, server.url + MODULE + "?h=prim%C3%A4rv%C3%A5rd")
    try:
        page.wait_for_selector("mark[data-md-highlight]")
        assert search_requests(requests)
    finally:
        context.close()


def test_from_disk_the_index_script_waits_for_search(browser, offline_site):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    try:
        page.goto((offline_site / "modules" / "varfor-nara-vard.html").as_uri(), wait_until="load")
        page.wait_for_timeout(500)  # not a time assertion: a late request would show in the list below
        assert search_requests(requests) == []
        assert page.locator("iframe[hidden]").count() == 0, "the worker's frame started before anyone searched"
        page.keyboard.press("s")
        assert type_and_wait(page, "vårdcentral")
        assert any(u.endswith("/search/search_index.js") for u in requests)
        assert page.evaluate("window.__csp") == []
    finally:
        context.close()
