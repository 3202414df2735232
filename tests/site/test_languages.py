"""The two editions in the browser: the language switcher and per-language search."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tests.support.search_ui import search

MODULE = "modules/vad-ar-systemledarskap/"


def test_language_switcher_keeps_the_page(page, server):
    page.goto(server.url + MODULE)
    assert page.get_attribute("html", "lang") == "sv"
    page.click(".md-header .md-select button")
    page.click("a.md-select__link[hreflang=en]")
    page.wait_for_url(re.compile(r"/en/" + MODULE + "$"))
    assert page.get_attribute("html", "lang") == "en"
    page.click(".md-header .md-select button")
    page.click("a.md-select__link[hreflang=sv]")
    page.wait_for_url(re.compile(r"127\.0\.0\.1:\d+/" + MODULE + "$"))
    assert page.get_attribute("html", "lang") == "sv"


def test_swedish_search_finds_swedish_pages_only(page, server):
    page.goto(server.url)
    hrefs = search(page, "Tillgänglighet")
    assert hrefs and all("/en/" not in h for h in hrefs)
    assert any(urlsplit(h).path.endswith("/tillganglighet/") for h in hrefs)
    page.click(".md-search-result__link")
    page.wait_for_url(re.compile(r"/tillganglighet/"))
    assert page.get_attribute("html", "lang") == "sv"


def test_english_search_finds_english_pages_only(page, server):
    page.goto(server.url + "en/")
    hrefs = search(page, "Accessibility")
    assert hrefs and all("/en/" in h for h in hrefs)
    page.click(".md-search-result__link")
    page.wait_for_url(re.compile(r"/en/tillganglighet/"))
    assert page.get_attribute("html", "lang") == "en"


def test_material_interface_follows_the_edition_language(page, server):
    page.goto(server.url)
    assert page.get_attribute("input[data-md-component=search-query]", "placeholder") == "Sök"
    assert page.get_attribute(".md-header .md-select button", "aria-label") == "Välj språk"
    page.goto(server.url + "en/")
    assert page.get_attribute("input[data-md-component=search-query]", "placeholder") == "Search"
    assert page.get_attribute(".md-header .md-select button", "aria-label") == "Select language"
