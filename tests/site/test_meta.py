"""What search engines and assistive tech read in each page's head."""

from __future__ import annotations

import re
from html import unescape

from tests.support.site_pages import edition_relative


def head_of(site_dir, page) -> str:
    html = (site_dir / page.path / "index.html").read_text(encoding="utf-8")
    return html.split("</head>", 1)[0]


def test_every_page_has_its_language_and_a_meta_description(site_dir, pages):
    for page in pages:
        html = (site_dir / page.path / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{page.lang}"', html), f"{page}: wrong <html lang>"
        match = re.search(r'<meta name="description" content="([^"]+)"', html)
        assert match and len(unescape(match.group(1))) > 20, f"{page}: no meta description"


def test_hreflang_links_are_absolute_and_point_at_the_counterpart(site_dir, pages, server):
    for page in pages:
        links = dict(
            (lang, href)
            for href, lang in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', head_of(site_dir, page))
        )
        assert set(links) == {"sv", "en"}, f"{page}: hreflang links {links}"
        rel = edition_relative(page)
        assert links["sv"] == server.url + rel, page
        assert links["en"] == server.url + "en/" + rel, page


def test_no_generator_tag_or_link(site_dir, pages):
    for page in pages:
        html = (site_dir / page.path / "index.html").read_text(encoding="utf-8")
        assert 'name="generator"' not in html
        assert "squidfunk.github.io" not in html


def test_each_edition_has_its_own_not_found_page(site_dir):
    sv = (site_dir / "404.html").read_text(encoding="utf-8")
    en = (site_dir / "en" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in sv and "Sidan finns inte" in sv and 'lang="en"' in sv
    assert '<html lang="en"' in en and "Page not found" in en


def test_material_makes_no_sitemap_request_for_hreflang_links(page, server):
    """Material fetches <alternate>/sitemap.xml for each hreflang link; course.js removes them first."""
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(server.url + "modules/varfor-nara-vard/", wait_until="networkidle")
    assert [u for u in requested if "sitemap" in u] == []
    assert page.locator('link[rel="alternate"][hreflang]').count() == 0
