"""The publishing organisation's name (mkdocs.yml extra.organisation): one per language, shown in the page's language."""

from __future__ import annotations

from macros.branding import organisation_html, organisation_name
from tests.site_build import site_config
from tests.site_pages import page_html, site_pages

EXTRA = site_config()["extra"]


def test_one_name_serves_every_language_and_is_marked_swedish_in_english():
    extra = {"organisation": "Region Exempel"}
    assert organisation_name(extra, "en") == "Region Exempel"
    assert organisation_html(extra, "sv") == "Region Exempel"
    assert organisation_html(extra, "en") == '<span lang="sv">Region Exempel</span>'


def test_a_name_per_language():
    extra = {"organisation": {"sv": "Region Exempel", "en": "Region Example"}}
    assert organisation_html(extra, "sv") == "Region Exempel"
    assert organisation_html(extra, "en") == "Region Example"


def test_without_an_english_name_english_pages_show_the_swedish_one_marked():
    assert organisation_html({"organisation": {"sv": "Region Exempel"}}, "en") == '<span lang="sv">Region Exempel</span>'


def test_the_course_gives_a_name_per_language():
    assert organisation_name(EXTRA, "sv") != organisation_name(EXTRA, "en")


def test_each_edition_shows_its_own_name(site_dir):
    sv_name, en_name = organisation_name(EXTRA, "sv"), organisation_name(EXTRA, "en")
    shown = {"sv": "", "en": ""}
    for page in site_pages(site_dir):
        html = page_html(site_dir, page)
        shown[page.lang] += html
        assert page.lang == "sv" or "(exempel)" not in html, f"{page} shows the Swedish example name"
    assert sv_name in shown["sv"] and en_name in shown["en"]
    assert sv_name not in shown["en"]
