"""`make serve`: a saved change shows in the open page by itself, under the page's strict policy."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

from tests.browser import RECORD_VIOLATIONS
from tests.project_copy import copy_project
from tests.site_build import free_port

MODULE = "docs/modules/varfor-nara-vard.md"


def _serving(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def test_a_saved_change_reloads_the_open_page(browser, tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/modules/varfor-nara-vard/"
    with open(tmp_path / "serve.log", "w") as log:
        serve = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    context = browser.new_context()
    try:
        deadline = time.monotonic() + 300
        while not _serving(url):
            assert serve.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()[-3000:]
            time.sleep(0.1)
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("load")

        source = project / MODULE
        source.write_text(source.read_text(encoding="utf-8") + "\nEn mening som just skrevs.\n", encoding="utf-8")
        # No reload by the test: MkDocs' live-reload script in the page does it.
        page.wait_for_function("() => document.body && document.body.innerText.includes('En mening som just skrevs.')", timeout=120_000)
        assert page.evaluate("window.__csp") == []
    finally:
        context.close()
        serve.terminate()
        serve.wait(timeout=30)
