"""The publishing organisation (mkdocs.yml extra or a local folder's local.yml): named only when set.

The course names no publisher of its own. Without one, no page names an
organisation as publisher or contact, and each says, in its language, that
the organisation publishing the course gives its name and contacts there.
A build made for publishing (a site address, or OFFLINE=true as make offline
and make scorm build) without one prints a warning that does not stop a
--strict build (mkdocs_adapter/publishing.py).
"""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
import yaml
from bs4 import BeautifulSoup

from mkdocs_adapter import publishing
from course.render.branding import PUBLISHER_SETTINGS, missing_publisher_settings, organisation_html, organisation_name
from tests.support.local_site import EXAMPLE
from tests.support.site_build import ROOT, build_site, site_config
from tests.support.site_pages import page_html, site_pages

EXTRA = site_config()["extra"]
EXAMPLE_NAMES = yaml.safe_load((EXAMPLE / "local.yml").read_text(encoding="utf-8"))["organisation"]["name"]
# What the pages say without a publisher, in each language.
NO_PUBLISHER = {
    "sv": "Här ska den organisation som publicerar kursen ange",
    "en": "This is where the organisation that publishes the course gives",
}
# The publisher the course used to name by default, a real organisation marked only "(exempel)".
FORMER_DEFAULT = ["Sveriges Kommuner och Regioner (exempel)", "Swedish Association of Local Authorities and Regions (example)"]
# Who the pages say publishes the site, and who the accessibility statement says stands behind it.
PUBLISHED_BY = {"sv": re.compile(r"ges ut av (\S+)"), "en": re.compile(r"published by (\S+)")}
OWNER = {"sv": (re.compile(r"([^.]*) står bakom webbplatsen"), "Den organisation som publicerar kursen"),
         "en": (re.compile(r"([^.]*) is responsible for the website"), "The organisation that publishes the course")}


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


def test_the_course_names_no_publisher_of_its_own():
    assert missing_publisher_settings(EXTRA) == list(PUBLISHER_SETTINGS)
    assert organisation_name(EXTRA, "sv") == organisation_name(EXTRA, "en") == ""


def _article_text(site_dir, page) -> str:
    """The article's paragraphs and list items, each ending a sentence, so no heading runs into a sentence."""
    article = BeautifulSoup(page_html(site_dir, page), "lxml").select_one("article")
    blocks = article.select("p, li, td") if article else []
    return " ".join(" ".join(block.get_text(" ").split()).rstrip(".") + "." for block in blocks)


def test_a_build_without_an_organisation_names_none_as_publisher(site_dir):
    said = {"sv": set(), "en": set()}
    for page in site_pages(site_dir):
        html, text = page_html(site_dir, page), _article_text(site_dir, page)
        for name in FORMER_DEFAULT:
            assert name not in unescape(html), f"{page} names {name!r}"
        assert "mailto:" not in html, f"{page} gives a contact address"
        assert not PUBLISHED_BY[page.lang].search(text), f"{page}: {PUBLISHED_BY[page.lang].search(text).group(0)!r}"
        owner, nobody = OWNER[page.lang]
        assert all(found.strip() == nobody for found in owner.findall(text)), f"{page}: {owner.findall(text)}"
        if NO_PUBLISHER[page.lang] in text:
            said[page.lang].add(page.path.removeprefix("en/"))
    # About the course and the accessibility statement say where the name and contacts go, in both languages.
    for lang in ("sv", "en"):
        assert {"om-kursen/", "tillganglighet/"} <= said[lang], f"{lang}: only {sorted(said[lang])} say it"


def test_each_edition_shows_the_example_folder_s_own_name(local_site):
    sv_name, en_name = EXAMPLE_NAMES["sv"], EXAMPLE_NAMES["en"]
    shown = {"sv": "", "en": ""}
    for page in site_pages(local_site):
        html = page_html(local_site, page)
        shown[page.lang] += html
        assert NO_PUBLISHER[page.lang] not in html, f"{page} says the publisher is missing"
    assert sv_name in shown["sv"] and en_name in shown["en"]
    for path in ("en/om-kursen/", "en/tillganglighet/"):
        assert sv_name not in (local_site / path / "index.html").read_text(encoding="utf-8"), path


# The warning of a build made for publishing


class _Config(dict):
    """The parts of a MkDocs configuration the warning reads."""

    def __init__(self, site_url="", offline=False, **extra):
        plugin = type("Plugin", (), {"config": type("C", (), {"enabled": offline})()})()
        super().__init__(site_url=site_url, extra=extra, plugins={"offline": plugin})


@pytest.mark.parametrize(
    ("command", "config", "warns"),
    [
        ("build", _Config(site_url="https://intra.example/kurs/"), True),
        ("build", _Config(offline=True), True),
        ("gh-deploy", _Config(site_url="https://x.github.io/kurs/"), True),
        ("build", _Config(), False),
        ("serve", _Config(site_url="http://127.0.0.1:8000/"), False),
        ("build", _Config(site_url="https://intra.example/kurs/", organisation="Region Exempel",
                          feedback_email="kurs@region.example", accessibility_contact="tg@region.example"), False),
    ],
)
def test_when_the_warning_is_printed(command, config, warns):
    publishing.remember_command(command)
    stream = io.StringIO()
    publishing.warn_if_publishing_without_organisation(config, stream)
    assert bool(stream.getvalue()) is warns


def test_the_warning_names_only_what_is_missing_and_where_to_set_it():
    publishing.remember_command("build")
    stream = io.StringIO()
    publishing.warn_if_publishing_without_organisation(_Config(offline=True, organisation="Region Exempel"), stream)
    text = stream.getvalue()
    assert "Missing: feedback_email, accessibility_contact." in text
    assert "local.yml (LOCAL_DIR=…), under organisation: feedback_email, accessibility_contact" in text
    assert "mkdocs.yml, under extra: feedback_email, accessibility_contact" in text
    assert "lag (2018:1937)" in text


def test_a_build_for_publishing_without_an_organisation_warns_and_still_builds(built):
    """The tests' own build has a site address: it is made as for publishing, with no organisation."""
    _, output = built
    assert "Warning: this build is made for publishing, since it has a site address" in output
    assert "Missing: organisation, feedback_email, accessibility_contact." in output
    assert "mkdocs.yml, under extra:" in output and "local.yml" in output and "lag (2018:1937)" in output


def test_an_offline_build_without_an_organisation_warns_once_and_one_with_the_example_folder_does_not(tmp_path):
    bare = build_site(tmp_path / "bare", extra_env={"OFFLINE": "true"})
    assert bare.returncode == 0, bare.output[-3000:]
    assert bare.output.count("Warning: this build is made for publishing") == 1
    assert "OFFLINE=true" in bare.output
    local = build_site(tmp_path / "local", extra_env={"OFFLINE": "true", "LOCAL_DIR": str(EXAMPLE)})
    assert local.returncode == 0, local.output[-3000:]
    assert "Warning: this build is made for publishing" not in local.output


def test_a_build_to_try_the_course_out_does_not_warn(tmp_path):
    result = build_site(tmp_path / "out", project=ROOT)
    assert result.returncode == 0, result.output[-3000:]
    assert "made for publishing" not in result.output


@pytest.mark.parametrize("page", ["anpassa.md", "anpassa.en.md"])
def test_anpassa_shows_the_warning_as_the_build_prints_it(page):
    section = (ROOT / "docs" / page).read_text(encoding="utf-8").split("{ #utgivare-saknas }", 1)[1]
    shown = section.split("```text\n", 1)[1].split("```", 1)[0]
    printed = publishing.warning_text(list(PUBLISHER_SETTINGS), "it is built to open from disk (OFFLINE=true, as make offline and make scorm build)")
    for line in shown.splitlines():
        assert line in printed.splitlines(), f"docs/{page} shows a line the build does not print: {line!r}"
