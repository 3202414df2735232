"""Nothing leaves the reader's device: no request to any host but the site's own."""

from __future__ import annotations

from tests.browser import RequestLog
from tests.search_ui import search


def test_pages_make_no_requests_to_other_hosts(browser, server, pages):
    context = browser.new_context()
    page = context.new_page()
    log = RequestLog(page, server.url)
    try:
        for site_page in pages:
            page.goto(server.url + site_page.path, wait_until="networkidle")
        # The search worker loads the index and lunr's language files on first use.
        for lang_root in ("", "en/"):
            page.goto(server.url + lang_root, wait_until="networkidle")
            search(page, "vård")
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert log.foreign == []
    assert log.failed == [], "requests that failed on the site's own server"


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
