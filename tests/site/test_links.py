"""No broken internal link (LinkChecker) or anchor (read from the built files) in the site."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.support.site_pages import site_pages

RC = Path(__file__).with_name("linkcheckerrc")


def run_linkchecker(*urls: str) -> subprocess.CompletedProcess:
    """One crawl from all `urls` (each URL is checked once, however many starts reach it)."""
    exe = Path(sys.executable).with_name("linkchecker")
    return subprocess.run([str(exe), "--config", str(RC), "--no-status", *urls], capture_output=True, text=True)


class _Anchors(HTMLParser):
    """A page's ids and the fragments its links point to."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "a" and "#" in (attrs.get("href") or ""):
            self.links.append(attrs["href"])


def broken_anchors(site_dir: Path) -> list[str]:
    """Links whose #fragment names no id on the target page, read from the built files.

    LinkChecker's own anchor check fetches and parses the target page once per
    fragment, which took two minutes here; each page is parsed once instead.
    """
    parsed: dict[Path, _Anchors] = {}
    for html in site_dir.rglob("*.html"):
        parser = _Anchors()
        parser.feed(html.read_text(encoding="utf-8"))
        parsed[html] = parser
    broken = []
    for html, parser in parsed.items():
        base = "http://site/" + html.relative_to(site_dir).as_posix()
        for href in parser.links:
            url = urlsplit(urljoin(base, href))
            if url.netloc != "site" or not url.fragment:
                continue
            target = site_dir / unquote(url.path).lstrip("/")
            if url.path.endswith("/"):
                target = target / "index.html"
            if target.suffix == ".html" and unquote(url.fragment) not in parsed.get(target, _Anchors()).ids:
                broken.append(f"{html.relative_to(site_dir)}: {href}")
    return broken


def test_no_broken_internal_links(server, site_dir):
    result = run_linkchecker(server.url, server.url + "en/")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " 0 errors found" in result.stdout, result.stdout[-2000:]
    # A crawl that stopped early would check fewer URLs than the site has pages.
    checked = int(re.search(r"(\d+) links in \d+ URLs checked", result.stdout).group(1))
    assert checked >= len(site_pages(site_dir)), result.stdout[-2000:]


def test_no_broken_anchors(site_dir):
    assert broken_anchors(site_dir) == []


def test_the_anchor_check_finds_a_missing_id(tmp_path):
    """Guard against an anchor check that cannot fail."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="finns">x</h2><a href="#finns">ok</a><a href="#saknas">y</a>')
    (tmp_path / "b.html").write_text('<a href="a/#finns">ok</a><a href="a/#borta">z</a><a href="https://example.org/#x">ext</a>')
    assert sorted(broken_anchors(tmp_path)) == ["a/index.html: #saknas", "b.html: a/#borta"]


def test_linkchecker_reports_a_broken_link(server, site_dir):
    """Guard against a linkchecker set-up that cannot fail."""
    broken = site_dir / "linkcheck-probe.html"
    broken.write_text('<!doctype html><html lang="sv"><title>p</title><a href="finns-inte/">x</a><a href="#saknas">y</a></html>')
    try:
        result = run_linkchecker(server.url + "linkcheck-probe.html")
    finally:
        broken.unlink()
    assert result.returncode != 0
    assert "finns-inte" in result.stdout
