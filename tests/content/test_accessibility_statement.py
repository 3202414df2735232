"""The accessibility statement: every part DIGG requires, in both languages, linked from every page."""

from __future__ import annotations

import copy
import re
from html import escape

import pytest
import yaml

from course.content.accessibility_statement import DATA, LANGUAGE_KEYS, TOP_KEYS, load_statement, statement_html
from course.errors import CourseDataError
from tests.support.local_site import EXAMPLE
from tests.support.site_build import ROOT, site_config

EXTRA = site_config()["extra"]


def write(tmp_path, data):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / DATA).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


@pytest.fixture()
def statement():
    return yaml.safe_load((ROOT / DATA).read_text(encoding="utf-8"))


def test_the_course_statement_is_complete(statement):
    assert load_statement(ROOT, EXTRA)["status"] in {"helt", "delvis", "inte"}


@pytest.mark.parametrize("key", sorted(TOP_KEYS))
def test_an_empty_part_fails(tmp_path, statement, key):
    broken = copy.deepcopy(statement)
    broken[key] = ""
    with pytest.raises(CourseDataError, match=rf"{key}: required part is missing or empty"):
        load_statement(write(tmp_path, broken), EXTRA)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("key", sorted(LANGUAGE_KEYS))
def test_an_empty_translated_part_fails(tmp_path, statement, lang, key):
    broken = copy.deepcopy(statement)
    broken[lang][key] = [] if key == "known_issues" else " "
    with pytest.raises(CourseDataError, match=rf"{lang}.{key}: required part is missing or empty"):
        load_statement(write(tmp_path, broken), EXTRA)


PUBLISHER = {"organisation": {"sv": "Region Exempel", "en": "Region Example"}, "accessibility_contact": "tg@region.example",
             "accessibility_response_days": 5}


def test_a_contact_without_a_response_time_fails(statement):
    with pytest.raises(CourseDataError, match=r"mkdocs.yml: extra.accessibility_response_days: required with an accessibility contact"):
        load_statement(ROOT, {**PUBLISHER, "accessibility_response_days": ""})


@pytest.mark.parametrize(
    ("lang", "owner", "contact"),
    [
        ("sv", "Den organisation som publicerar kursen står bakom webbplatsen", "Här ska den organisation som publicerar kursen ange vart du skriver"),
        ("en", "The organisation that publishes the course is responsible for the website", "This is where the organisation that publishes the course gives the address"),
    ],
)
def test_without_a_publisher_the_statement_says_where_its_name_and_contact_go(statement, lang, owner, contact):
    extra = {"organisation": None, "accessibility_contact": None, "accessibility_response_days": 10}
    html = statement_html(load_statement(ROOT, extra), extra, lang)
    assert owner in html and contact in html
    assert "mailto:" not in html


@pytest.mark.parametrize(("lang", "answer"), [("sv", "Vi svarar inom fem arbetsdagar."), ("en", "We answer within five working days.")])
def test_with_a_publisher_the_statement_names_it_and_its_contact(statement, lang, answer):
    html = statement_html(load_statement(ROOT, PUBLISHER), PUBLISHER, lang)
    assert html.startswith(f"<p>{PUBLISHER['organisation'][lang]} ")
    assert '<a href="mailto:tg@region.example">tg@region.example</a>' in html and answer in html


def test_an_unknown_status_fails(tmp_path, statement):
    statement["status"] = "nästan"
    with pytest.raises(CourseDataError, match="status: must be one of delvis, helt, inte"):
        load_statement(write(tmp_path, statement), EXTRA)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("tillganglighet/", ["delvis förenlig", "Innehåll som inte är tillgängligt", "Senaste bedömningen", "uppdaterades senast", "Här ska den organisation som publicerar kursen ange vart du skriver", "https://www.digg.se/tdosanmalan"]),
        ("en/tillganglighet/", ["partially compliant", "Content that is not accessible", "latest assessment", "last updated", "This is where the organisation that publishes the course gives the address", "https://www.digg.se/tdosanmalan"]),
    ],
)
def test_the_statement_page_shows_every_part(site_dir, path, expected):
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    for text in expected:
        assert text in html, f"{path}: missing {text!r}"


@pytest.mark.parametrize(("path", "lang", "answer"), [("tillganglighet/", "sv", "Vi svarar inom 14 arbetsdagar."), ("en/tillganglighet/", "en", "We answer within 14 working days.")])
def test_the_example_folder_s_statement_names_its_publisher_and_contact(local_site, path, lang, answer):
    settings = yaml.safe_load((EXAMPLE / "local.yml").read_text(encoding="utf-8"))["organisation"]
    html = (local_site / path / "index.html").read_text(encoding="utf-8")
    assert escape(settings["name"][lang]) in html and settings["accessibility_contact"] in html and answer in html


def test_every_page_links_the_statement_in_its_footer(site_dir, pages):
    for page in pages:
        html = (site_dir / page.path / "index.html").read_text(encoding="utf-8")
        footer = html.split('<footer class="md-footer">', 1)[1]
        links = re.findall(r'<nav class="course-footer-links"[^>]*>\s*<a href="([^"]+)"', footer)
        assert links, page
        target = (site_dir / page.path / links[0]).resolve()
        expected = (site_dir / ("en/" if page.lang == "en" else "") / "tillganglighet").resolve()
        assert target == expected, f"{page}: footer links {links[0]}"


# A local folder's accessibility.yml (the organisation that publishes the course answers for the statement)


def _local_folder(tmp_path, text: str):
    from course.local.folder import load_local_folder

    folder = tmp_path / "lokalt"
    folder.mkdir()
    (folder / "local.yml").write_text("", encoding="utf-8")
    (folder / "accessibility.yml").write_text(text, encoding="utf-8")
    return load_local_folder(folder)


def test_a_local_statement_replaces_its_parts_and_adds_its_shortcomings_after_the_course_s(statement):
    from course.local.folder import load_local_folder
    from tests.support.local_site import EXAMPLE

    merged = load_statement(ROOT, EXTRA, load_local_folder(EXAMPLE))
    assert str(merged["assessed_on"]) == "2026-12-01"
    assert merged["sv"]["method"].startswith("Region Norrvik har granskat")
    assert merged["sv"]["known_issues"] == [*statement["sv"]["known_issues"], "Sidan Kontakter hos oss finns bara på svenska."]
    assert merged["en"]["service"] == statement["en"]["service"]
    assert merged["status"] == statement["status"]
    # The course's own statement is untouched for the next build without the folder.
    assert load_statement(ROOT, EXTRA)["sv"]["known_issues"] == statement["sv"]["known_issues"]


def test_a_local_statement_with_every_line_commented_out_changes_nothing(tmp_path, statement):
    template = (ROOT / "tools" / "local-template" / "accessibility.yml").read_text(encoding="utf-8")
    assert load_statement(ROOT, EXTRA, _local_folder(tmp_path, template)) == load_statement(ROOT, EXTRA)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("status: nästan\n", r"lokalt/accessibility.yml: status: must be one of delvis, helt, inte"),
        ("assessed_on: i går\n", r"lokalt/accessibility.yml: assessed_on: must be a date"),
        ("sv:\n  known_issues: En brist.\n", r"lokalt/accessibility.yml: sv.known_issues: must be a list"),
        ("sv:\n  tips: Något annat.\n", r"lokalt/accessibility.yml: sv: unknown key\(s\) tips"),
        ("kontakt: någon\n", r"lokalt/accessibility.yml: unknown key\(s\) kontakt"),
        ("- en lista\n", r"lokalt/accessibility.yml: must be a mapping"),
    ],
)
def test_a_bad_local_statement_fails_naming_the_local_file(tmp_path, text, message):
    with pytest.raises(CourseDataError, match=message):
        load_statement(ROOT, EXTRA, _local_folder(tmp_path, text))
