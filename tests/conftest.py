"""Shared fixtures: one strict build, one server and one browser for the whole run."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.support.browser import BROWSER_ARGS, CHROMIUM
from tests.support.local_site import local_env
from tests.support.site_build import COURSE_VERSION, ROOT, SiteServer, build_site, free_port
from tests.support.site_pages import site_pages


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built(tmp_path_factory, site_port):
    """The course built once with --strict, with the test server's address as SITE_URL."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir, site_url=f"http://127.0.0.1:{site_port}/")
    assert result.returncode == 0, result.output
    return site_dir, result.output


@pytest.fixture(scope="session")
def site_dir(built) -> Path:
    return built[0]


@pytest.fixture(scope="session")
def pages(site_dir):
    found = site_pages(site_dir)
    assert len(found) > 10, f"expected the course's pages in {site_dir}, found {len(found)}"
    return found


@pytest.fixture(scope="session")
def server(site_dir, site_port):
    with SiteServer(site_dir, site_port) as srv:
        yield srv


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """`make offline`'s zip, unpacked: the site as a reader opens it from disk (file://)."""
    result = subprocess.run(["make", "offline"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    target = tmp_path_factory.mktemp("offline")
    # This version's zip: dist/ may still hold an earlier version's.
    with zipfile.ZipFile(ROOT / "dist" / f"systemledarskap-i-nara-vard-{COURSE_VERSION}.zip") as archive:
        archive.extractall(target)
    (folder,) = [p for p in target.iterdir() if p.is_dir()]
    return folder


@pytest.fixture(scope="session")
def local_site(tmp_path_factory) -> Path:
    """The course built with the example local folder (LOCAL_DIR=examples/lokalt)."""
    site_dir = tmp_path_factory.mktemp("local-site")
    result = build_site(site_dir, extra_env=local_env())
    assert result.returncode == 0, result.output[-3000:]
    return site_dir


@pytest.fixture(scope="session")
def local_server(local_site):
    with SiteServer(local_site, free_port()) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="session")
def page_tour(browser, server, pages):
    """Every page visited once per browser set-up, for the checks of every page (tests/support/page_tour.py)."""
    from tests.support.page_tour import take_tour

    return take_tour(browser, server.url, pages)
