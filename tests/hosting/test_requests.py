"""Nothing leaves the reader's device: no request to any host but the site's own."""

from __future__ import annotations

from tests.support.browser import RequestLog
from tests.support.search_ui import search


def test_pages_make_no_requests_to_other_hosts(page_tour):
    """Every page, in every set-up of the shared tour (tests/support/page_tour.py), requested only the site's own files."""
    assert page_tour.foreign == []
    assert page_tour.failed == [], "requests that failed on the site's own server"


def test_search_makes_no_requests_to_other_hosts(browser, server):
    """The search worker loads the index and lunr's language files on first use."""
    context = browser.new_context()
    page = context.new_page()
    log = RequestLog(page, server.url)
    try:
        for lang_root in ("", "en/"):
            page.goto(server.url + lang_root, wait_until="networkidle")
            search(page, "vård")
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert log.foreign == []
    assert log.failed == [], "requests that failed on the site's own server"


def test_the_tour_sees_a_request_to_another_host(browser, server):
    """Guard: the tour's listener records a request to another host (blocked here before it leaves)."""
    from tests.support.page_tour import Tour, _note_foreign

    tour = Tour()
    context = browser.new_context()
    context.route("https://example.org/**", lambda route: route.abort())
    context.on("request", lambda r: _note_foreign(tour, r.url, server.url.split("/")[2]))
    page = context.new_page()
    try:
        # A page without the course's policy, which would stop the request before it is made.
        page.set_content('<img src="https://example.org/x.png" alt="">')
    finally:
        context.close()
    assert tour.foreign == ["https://example.org/x.png"]


def test_built_html_names_no_other_host_in_scripts_styles_or_fonts(site_dir):
    import re

    offenders = []
    pattern = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=\"(https?:)?//(?!127\.0\.0\.1)[^\"]+\"")
    for html in site_dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for match in pattern.finditer(text):
            tag = match.group(0)
            if 'rel="alternate"' in tag or 'rel="canonical"' in tag:
                continue
            offenders.append(f"{html.relative_to(site_dir)}: {tag[:120]}")
    assert offenders == []
