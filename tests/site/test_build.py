"""The strict build, page parity, and build errors that name the broken file."""

from __future__ import annotations

import re

import pytest

from course.content.frontmatter import check_front_matter
from course.errors import CourseDataError

from tests.support.project_copy import copy_project
from tests.support.site_build import build_site
from tests.support.site_pages import edition_relative


def test_strict_build_has_no_warnings(built):
    # MkDocs' own WARNING lines. The publishing warning (mkdocs_adapter/publishing.py, "Warning: this build is made
    # for publishing …") is printed apart from MkDocs' log on purpose; tests/content/test_organisation.py checks it.
    _, output = built
    warnings = [line for line in output.splitlines() if re.search(r"\bWARNING\b", line)]
    assert warnings == []


def test_every_page_exists_in_both_languages(pages):
    by_lang: dict[str, set[str]] = {}
    for p in pages:
        by_lang.setdefault(p.lang, set()).add(edition_relative(p))
    assert set(by_lang) == {"sv", "en"}
    assert sorted(by_lang["sv"] - by_lang["en"]) == [], "Swedish pages without an English counterpart"
    assert sorted(by_lang["en"] - by_lang["sv"]) == [], "English pages without a Swedish counterpart"


def test_every_source_page_has_its_translation():
    from tests.support.site_build import ROOT

    docs = ROOT / "docs"
    swedish = {p.relative_to(docs).as_posix()[:-3] for p in docs.rglob("*.md") if not p.name.endswith(".en.md")}
    english = {p.relative_to(docs).as_posix()[:-6] for p in docs.rglob("*.en.md")}
    assert sorted(swedish ^ english) == []


@pytest.fixture()
def broken_copy(tmp_path):
    return copy_project(tmp_path / "project")


def assert_build_fails_naming(project, tmp_path, *expected):
    result = build_site(tmp_path / "out", project=project)
    assert result.returncode != 0, "the build should have failed"
    for text in expected:
        assert text in result.output, f"expected {text!r} in the build log:\n{result.output[-3000:]}"


def test_bad_front_matter_fails_naming_the_file(broken_copy, tmp_path):
    page = broken_copy / "docs" / "ordlista.md"
    page.write_text("---\ndescription: [unclosed\n---\n\n# Ordlista\n", encoding="utf-8")
    assert_build_fails_naming(broken_copy, tmp_path, "docs/ordlista.md", "front matter is not valid YAML")


def test_unknown_front_matter_key_fails_naming_the_file(broken_copy, tmp_path):
    page = broken_copy / "docs" / "kallor.en.md"
    page.write_text("---\ndescripton: typo\n---\n\n# Sources\n", encoding="utf-8")
    assert_build_fails_naming(broken_copy, tmp_path, "docs/kallor.en.md", "unknown front matter key(s) descripton")


@pytest.mark.parametrize("depth", ["0", "7", "two", "true"])
def test_a_toc_depth_that_is_no_heading_level_is_refused(tmp_path, depth):
    page = tmp_path / "hela-kursen.md"
    page.write_text(f"---\ndescription: Hela kursen\ntoc_depth: {depth}\n---\n\n# Hela kursen\n", encoding="utf-8")
    with pytest.raises(CourseDataError, match="toc_depth' must be a heading level from 1 to 6") as caught:
        check_front_matter(page, "docs/modules/hela-kursen.md")
    assert "docs/modules/hela-kursen.md" in str(caught.value)


def test_broken_macro_call_fails_naming_the_file(broken_copy, tmp_path):
    page = broken_copy / "docs" / "om-kursen.md"
    page.write_text("# Om kursen\n\n{{ no_such_macro(1) }}\n", encoding="utf-8")
    assert_build_fails_naming(broken_copy, tmp_path, "om-kursen.md", "no_such_macro")


@pytest.mark.parametrize(
    ("text", "problem"),
    [("meeting.open: [Mötesläge\n", "not valid YAML"), ("meeting.open: [Mötesläge]\n", "must map each key to a string")],
    ids=["yaml", "types"],
)
def test_broken_interface_strings_fail_naming_the_file(broken_copy, tmp_path, text, problem):
    (broken_copy / "data" / "ui" / "sv.yml").write_text(text, encoding="utf-8")
    assert_build_fails_naming(broken_copy, tmp_path, "data/ui/sv.yml", problem)


def test_page_missing_from_nav_fails_naming_the_file(broken_copy, tmp_path):
    (broken_copy / "docs" / "forgotten.md").write_text("# Glömd\n", encoding="utf-8")
    (broken_copy / "docs" / "forgotten.en.md").write_text("# Forgotten\n", encoding="utf-8")
    assert_build_fails_naming(broken_copy, tmp_path, "forgotten.md")


def test_unused_theme_files_are_left_out(site_dir):
    assert list(site_dir.rglob("*.map")) == []
    lunr = sorted(p.name for p in (site_dir / "assets" / "javascripts" / "lunr").rglob("*.js"))
    assert lunr == ["lunr.stemmer.support.min.js", "lunr.sv.min.js"]
    assert not any("sourceMappingURL" in p.read_text(encoding="utf-8") for p in (site_dir / "assets").rglob("*.min.*"))
