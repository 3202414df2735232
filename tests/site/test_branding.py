"""Branding from mkdocs.yml `extra`: the colour is checked for contrast and reaches every page."""

from __future__ import annotations

import re

import pytest

from course.render.branding import DARK_LINK_TARGET, SLATE_BACKGROUND, WHITE, branding_css, contrast, parse_hex
from course.errors import CourseDataError
from tests.support.project_copy import copy_project
from tests.support.site_build import build_site


@pytest.mark.parametrize("colour", ["#1b5e7a", "#0066cc", "#e2001a", "#000000"])
def test_dark_enough_colours_are_accepted_and_links_read_on_both_schemes(colour):
    css = branding_css(colour)
    light_link = re.search(r'scheme="default"\] \{\s+--md-typeset-a-color: (#\w+)', css).group(1)
    dark_link = re.search(r'scheme="slate"\]\[data-md-color-primary="custom"\] \{\s+--md-typeset-a-color: (#\w+)', css).group(1)
    assert contrast(parse_hex(light_link), WHITE) >= 4.5
    assert contrast(parse_hex(dark_link), SLATE_BACKGROUND) >= DARK_LINK_TARGET


@pytest.mark.parametrize("colour", ["#ff9900", "#7fbfff", "#ffffff"])
def test_colours_failing_aa_are_refused_with_the_ratio(colour):
    with pytest.raises(CourseDataError, match=r"extra.primary_color .* gives \d\.\d\d:1 against white"):
        branding_css(colour)


@pytest.mark.parametrize("colour", ["blue", "#12345", "rgb(0,0,0)"])
def test_malformed_colours_are_refused(colour):
    with pytest.raises(CourseDataError, match="must be a colour like"):
        branding_css(colour)


def test_build_refuses_a_light_primary_colour(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('primary_color: "#1b5e7a"', 'primary_color: "#ffcc00"'), encoding="utf-8")
    result = build_site(tmp_path / "out", project=project)
    assert result.returncode != 0
    assert "mkdocs.yml: extra.primary_color #ffcc00 gives 1.51:1 against white" in result.output


def test_every_page_links_the_generated_branding(site_dir, pages):
    css = (site_dir / "assets" / "stylesheets" / "branding.css").read_text(encoding="utf-8")
    assert re.search(r"--md-primary-fg-color:\s*#1b5e7a", css), css
    for page in pages:
        html = (site_dir / page.path / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<link rel="stylesheet" href="[./]*assets/stylesheets/branding.css">', html), page


def test_header_shows_the_organisation_colour(page, server):
    page.goto(server.url)
    colour = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert colour == "rgb(27, 94, 122)"
