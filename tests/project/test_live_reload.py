"""`make serve`: a saved change shows in the open pages by itself, and a rebuild is a whole, correct site.

One `mkdocs serve` on a copy of the project, as an author runs it; each test
saves its own change. Under serve, a rebuild reuses the HTML of pages whose
Markdown did not change (mkdocs_adapter/serve_cache.py) and reloads the browsers
early (mkdocs_adapter/live_reload.py): the last test checks that the site it serves
is the same as a fresh build of the same files.
"""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.browser import RECORD_VIOLATIONS
from tests.support.project_copy import copy_project
from tests.support.serve_process import wait_idle
from tests.support.site_build import build_site, free_port

MODULE = "docs/modules/varfor-nara-vard.md"
QUESTIONS = "data/reflection/1-varfor-nara-vard.yml"
QUESTION = "Hur förändras invånarnas behov hos er?"


@dataclass
class Served:
    project: Path
    url: str
    site_dir: Path
    log: Path
    pid: int

    def save(self, rel: str, change) -> None:
        path = self.project / rel
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    def wait_idle(self) -> None:
        """Until the rebuild, every edition, is done."""
        assert wait_idle(self.pid), f"mkdocs serve did not settle:\n{self.log.read_text()[-3000:]}"


def _page_text(url: str) -> str:
    """The page's HTML, or "" while the server does not answer with it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    project = copy_project(tmp / "project")
    temp = tmp / "tmp"  # mkdocs serve builds into a folder of its own here
    temp.mkdir()
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = tmp / "serve.log"
    with open(log, "w") as out:
        serve = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)},
        )
    try:
        deadline = time.monotonic() + 300
        while not _page_text(url + "modules/varfor-nara-vard/"):
            assert serve.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.1)
        (site_dir,) = temp.glob("mkdocs_*")
        served = Served(project, url, site_dir, log, serve.pid)
        served.wait_idle()
        yield served
    finally:
        serve.terminate()
        serve.wait(timeout=30)


@pytest.fixture
def open_page(browser, served):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)

    def open_(path: str):
        page = context.new_page()
        page.goto(served.url + path)
        page.wait_for_load_state("load")
        return page

    yield open_
    context.close()
    served.wait_idle()


def test_a_saved_change_reloads_the_open_page(served, open_page):
    page = open_page("modules/varfor-nara-vard/")
    served.save(MODULE, lambda text: text + "\nEn mening som just skrevs.\n")
    # No reload by the test: MkDocs' live-reload script in the page does it.
    page.wait_for_function("() => document.body && document.body.innerText.includes('En mening som just skrevs.')", timeout=120_000)
    assert page.evaluate("window.__csp") == []


def test_a_saved_question_reloads_the_open_page(served, open_page):
    page = open_page("modules/varfor-nara-vard/")
    served.save(QUESTIONS, lambda text: text.replace(QUESTION, f"{QUESTION} Ändrad nyss."))
    page.wait_for_function("() => document.body && document.body.innerText.includes('Ändrad nyss.')", timeout=120_000)
    assert page.evaluate("window.__csp") == []


def test_an_open_english_page_ends_on_itself_after_a_swedish_change(served, open_page):
    # The browsers reload when the Swedish edition is written, before the English
    # pages are; the English page's request waits for it rather than getting "not found".
    page = open_page("en/modules/varfor-nara-vard/")
    title = page.locator("h1").first.inner_text()
    page.evaluate("window.__notReloaded = true")
    served.save(MODULE, lambda text: text + "\nÄnnu en mening.\n")
    page.wait_for_function("() => !window.__notReloaded", timeout=120_000)
    served.wait_idle()
    page.wait_for_load_state("load")
    assert page.url == served.url + "en/modules/varfor-nara-vard/"
    assert page.locator("h1").first.inner_text() == title
    assert "The Swedish page has been updated" in page.locator("article").inner_text()


def test_the_served_site_is_the_same_as_a_fresh_build(served, tmp_path):
    served.save(MODULE, lambda text: text + "\nSista meningen.\n")
    # The rebuild has begun (the Swedish page has the sentence) before waiting for it to end.
    deadline = time.monotonic() + 120
    while "Sista meningen." not in _page_text(served.url + "modules/varfor-nara-vard/"):
        assert time.monotonic() < deadline, served.log.read_text()[-3000:]
        time.sleep(0.05)
    served.wait_idle()
    reused = [int(n) for n in re.findall(r"reused for (\d+) unchanged pages", served.log.read_text())]
    assert reused and max(reused) >= 40, "the rebuilds converted every page again"

    fresh = tmp_path / "fresh"
    result = build_site(fresh, project=served.project, site_url=served.url)
    assert result.returncode == 0, result.output[-3000:]
    pages = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
    served_pages = sorted(p.relative_to(served.site_dir).as_posix() for p in served.site_dir.rglob("*") if p.is_file())
    assert served_pages == pages
    _, mismatch, errors = filecmp.cmpfiles(fresh, served.site_dir, pages, shallow=False)
    assert (mismatch, errors) == ([], [])
