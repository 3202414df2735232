"""The site hosted under a sub-path, as on an intranet: SITE_URL=http://host/utbildning/systemledarskap/."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest

from tests.support.browser import RequestLog
from tests.support.reader_flows import answer_reload_meet_and_download
from tests.support.search_ui import search
from tests.support.site_build import QuietHandler, build_site, free_port
from tests.site.test_links import run_linkchecker

PREFIX = "/utbildning/systemledarskap/"
MODULE = "modules/kom-igang-tillsammans/"


class SubPathHandler(QuietHandler):
    """Serves the site only under PREFIX; everything else is 404, as on a shared intranet host."""

    def translate_path(self, path):
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + path[len(PREFIX) :])


@pytest.fixture(scope="module")
def subpath_url(tmp_path_factory):
    port = free_port()
    site = tmp_path_factory.mktemp("subpath-site")
    url = f"http://127.0.0.1:{port}{PREFIX}"
    result = build_site(site, site_url=url)
    assert result.returncode == 0, result.output[-3000:]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(SubPathHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield url
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def sub_page(browser, subpath_url):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.request_log = RequestLog(page, subpath_url)
    yield page
    assert page.request_log.foreign == []
    assert page.request_log.failed == []
    context.close()


def test_links_under_the_sub_path(subpath_url):
    """Every link resolves under the prefix (the anchors are test_links' concern: they do not depend on the address)."""
    result = run_linkchecker(subpath_url, subpath_url + "en/")
    assert result.returncode == 0, result.stdout[-4000:]
    assert " 0 errors found" in result.stdout, result.stdout[-2000:]


def test_search_and_language_switcher_under_the_sub_path(sub_page, subpath_url):
    sub_page.goto(subpath_url + MODULE)
    sub_page.click(".md-header .md-select button")
    sub_page.click("a.md-select__link[hreflang=en]")
    sub_page.wait_for_url(subpath_url + "en/" + MODULE)
    hrefs = search(sub_page, "meeting")
    assert hrefs and all(h.startswith(subpath_url + "en/") for h in hrefs)
    sub_page.goto(subpath_url)
    hrefs = search(sub_page, "Tillgänglighet")
    assert hrefs and all(h.startswith(subpath_url) and "/en/" not in h for h in hrefs)


def test_notes_meeting_mode_and_templates_under_the_sub_path(sub_page, subpath_url):
    download = answer_reload_meet_and_download(sub_page, subpath_url + MODULE, "Svar under en underkatalog")
    assert re.search(r"\.(docx|odt|md)$", download.suggested_filename)
    assert download.url.startswith(subpath_url)
