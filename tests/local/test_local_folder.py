"""A local folder (LOCAL_DIR) in the built course: where its parts land, and the build errors that name its files.

The browser tests of the same build are in test_local_reader.py.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.support.local_site import EXAMPLE, HIDDEN, LOCAL_PAGE, LOCAL_WORD, MODULE_4, MODULE_QUESTION, MODULE_STEP, PAGE_QUESTION, local_env
from tests.support.project_copy import copy_project
from tests.support.site_build import ROOT, build_site


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_without_local_dir_the_course_has_no_local_parts(site_dir):
    assert not (site_dir / "lokalt").exists()
    assert (site_dir / HIDDEN / "index.html").exists()
    assert "lokal-" not in html(site_dir, "anteckningar/")


def test_local_pages_are_built_in_both_editions(local_site):
    for path in ("lokalt/var-fardplan/", "lokalt/kontakter/", "en/lokalt/var-fardplan/", "en/lokalt/kontakter/"):
        assert (local_site / path / "index.html").exists(), path
    assert "Vår färdplan för Nära vård" in html(local_site, "lokalt/var-fardplan/")
    assert "Our roadmap for Nära vård" in html(local_site, "en/lokalt/var-fardplan/")


def test_a_page_written_in_swedish_only_is_shown_in_swedish_in_english_marked_and_explained(local_site):
    page = html(local_site, "en/lokalt/kontakter/")
    assert re.search(r'<div lang="sv">\s*<h1 id="kontakter">Kontakter hos oss</h1>', page)
    assert "has written this page in Swedish" in page
    assert "has written this page in Swedish" not in html(local_site, "en/lokalt/var-fardplan/")


def test_a_question_written_in_swedish_only_is_marked_in_english(local_site):
    page = html(local_site, "en/" + MODULE_4)
    block = page[page.index(f'data-step-id="{MODULE_STEP}"') :]
    assert '<span lang="sv">Vilken del av våra överenskommelser' in block
    assert "has written these questions in Swedish" in block
    assert "has written these questions in Swedish" not in html(local_site, "en/lokalt/var-fardplan/")


def test_the_hidden_page_is_gone_from_pages_navigation_search_and_sitemap(local_site):
    assert not (local_site / HIDDEN).exists()
    assert not (local_site / "en" / HIDDEN).exists()
    sitemap = (local_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "komplexa-system" not in sitemap and "lokalt/var-fardplan/" in sitemap
    index = json.loads((local_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith(("fordjupning/komplexa-system", "en/fordjupning/komplexa-system"))]
    for path in ("", "fordjupning/", "en/fordjupning/"):
        assert 'komplexa-system/"' not in html(local_site, path), f"{path or '/'} still links to the hidden page"
    # The link on the deeper-reading page became its text.
    assert "Leda förändring i komplexa system" in html(local_site, "fordjupning/")


def test_a_local_step_follows_its_module_s_own_steps_on_the_page_and_in_the_course(local_site):
    page = html(local_site, MODULE_4)
    steps = re.findall(r'<section [^>]*class="reflection" [^>]*data-step-id="([^"]+)"', page)
    assert steps[-1] == MODULE_STEP and len(steps) > 2
    notes = html(local_site, "anteckningar/")
    order = re.findall(r'data-step-id="([^"]+)"', notes)
    assert order.index(MODULE_STEP) == order.index(steps[-2]) + 1
    assert order[-1] == "lokal-fardplan"  # the local page's step, after the modules


def test_local_questions_reach_the_cards_the_guide_and_the_templates(local_site):
    cards = html(local_site, "samtalskort/")
    for qid in (PAGE_QUESTION, MODULE_QUESTION):
        assert f'data-question-id="{qid}"' in cards
    guide = html(local_site, "handledning/")
    assert f'data-step-id="{MODULE_STEP}"' in guide  # in the time plan of module 4's meeting
    templates = {p.name for p in (local_site / "mallar").iterdir()}
    for fmt in ("docx", "odt", "md"):
        assert f"minnesanteckningar-{MODULE_STEP}.{fmt}" in templates
        assert f"minnesanteckningar-lokal-fardplan.{fmt}" in templates
    whole = (local_site / "mallar" / "minnesanteckningar-hela-kursen.md").read_text(encoding="utf-8")
    assert "Vilken del av våra överenskommelser fungerar bäst i vardagen" in whole


def test_the_time_plan_counts_the_local_step_s_minutes(local_site, site_dir):
    def minutes(site):
        page = html(site, "handledning/")
        return {m: int(v) for m, v in re.findall(r'<table data-meeting="(\d+)" data-minutes="(\d+)"', page)}

    core, local = minutes(site_dir), minutes(local_site)
    assert core.keys() == local.keys()
    # Meeting 1 grows by the roadmap page's two questions of 10 minutes (attach: meeting: 1),
    # and the meeting with module 4's last step by lokal-avtal-fungerar's 15 minutes.
    assert {m: local[m] - core[m] for m in core if local[m] != core[m]} == {"1": 20, "4": 15}
    guide = html(local_site, "handledning/")
    plan_1 = guide[guide.index('<table data-meeting="1"') : guide.index("</table>", guide.index('<table data-meeting="1"'))]
    assert re.findall(r'<tr data-step-id="([^"]+)"', plan_1) == ["modul-1", "modul-2", "lokal-fardplan"]
    assert 'href="../lokalt/var-fardplan/#reflektion-lokal-fardplan"' in plan_1


def test_glossary_term_and_source_are_added_to_the_course_s_own(local_site, site_dir):
    for site in (local_site, site_dir):
        assert "Nära vård" in html(site, "ordlista/")
    assert 'id="lokal-norrviksradet"' in html(local_site, "ordlista/")
    assert 'id="lokal-norrviksradet"' not in html(site_dir, "ordlista/")
    assert 'id="kalla-lokal-fardplan-2025"' in html(local_site, "kallor/")
    assert "Sources from Norrvik County" in html(local_site, "en/kallor/")
    # The term is a tooltip where a page uses it.
    assert re.search(rf'<abbr [^>]*title="Länets ledningsgrupp[^"]*">{LOCAL_WORD}</abbr>', html(local_site, "lokalt/var-fardplan/"))


def _shortcomings(page: str) -> list[str]:
    """The accessibility statement's list of shortcomings, as list items."""
    return re.findall(r"<li>(.*?)</li>", re.search(r'id="brister".*?<ul>(.*?)</ul>', page, re.S).group(1))


def test_the_accessibility_statement_has_the_folder_s_parts_after_the_course_s(local_site, site_dir):
    for prefix, added, date in (("", "Sidan Kontakter hos oss finns bara på svenska.", "1 december 2026"),
                                ("en/", "The page Kontakter hos oss is in Swedish only.", "1 December 2026")):
        course = html(site_dir, prefix + "tillganglighet/")
        local = html(local_site, prefix + "tillganglighet/")
        assert _shortcomings(local) == [*_shortcomings(course), added]
        assert date in local and date not in course


def test_a_local_page_s_self_assessment_reaches_its_page_the_notes_page_and_the_group_page(local_site):
    slug = "lokal-var-fardplan"
    for prefix, title in (("", "Vår färdplan"), ("en/", "Our roadmap")):
        assert f'data-assessment="{slug}"' in html(local_site, prefix + LOCAL_PAGE)
        notes = html(local_site, prefix + "anteckningar/")
        section = notes[notes.index(f'data-assessment="{slug}"') :]
        assert re.search(rf"<h3[^>]*>{title}</h3>", section), "the local page's title heads its statements, without 'Modul'"
        group = html(local_site, prefix + "gruppens-bild/")
        data = json.loads(re.search(r'id="assessment-data">(.*?)</script>', group).group(1))
        assert list(data)[-1] == slug and data[slug]["number"] is None and data[slug]["title"] == title
        assert [s["id"] for s in data[slug]["statements"]][0] == "lokal-fardplan-lage-nav"


def test_branding_comes_from_the_folder(local_site):
    css = (local_site / "assets" / "stylesheets" / "branding.css").read_text(encoding="utf-8")
    assert "#5a2d82" in css
    assert (local_site / "assets" / "images" / "lokal-logotyp.svg").read_bytes() == (EXAMPLE / "logotyp.svg").read_bytes()
    assert 'src="assets/images/lokal-logotyp.svg"' in html(local_site, "")
    assert "Region Norrvik och kommunerna i Norrviks län" in html(local_site, "tillganglighet/")
    english = html(local_site, "en/tillganglighet/")
    assert "Region Norrvik and the municipalities of Norrvik County" in english
    assert "(exempel)" not in english
    assert "tillganglighet@norrvik.example" in english
    assert "published by Region Norrvik and the municipalities of Norrvik County" in html(local_site, "en/om-kursen/")
    assert "ges ut av Region Norrvik och kommunerna i Norrviks län" in html(local_site, "om-kursen/")


# Build errors: each names the local file, what was found and what was expected.


@pytest.fixture()
def folder(tmp_path) -> Path:
    target = tmp_path / "lokalt"
    shutil.copytree(EXAMPLE, target)
    return target


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def assert_build_fails(folder: Path, tmp_path: Path, *expected: str) -> str:
    result = build_site(tmp_path / "out", extra_env=local_env(folder))
    assert result.returncode != 0, "the build should have failed"
    for text in expected:
        assert text in result.output, f"expected {text!r} in the build log:\n{result.output[-3000:]}"
    return result.output


def test_hidden_modules_leave_no_card_link_time_or_statement_behind(folder, tmp_path):
    (folder / "reflection" / "overenskommelser.yml").unlink()  # its questions are on module 4
    hidden = ("modules/fabrikslogik-och-tjanstelogik", "modules/kom-igang-tillsammans")
    edit_yaml(folder / "local.yml", lambda d: d["hide"].extend(f"{page}.md" for page in hidden))
    site = tmp_path / "out"
    result = build_site(site, extra_env=local_env(folder))
    assert result.returncode == 0, result.output[-3000:]
    for prefix in ("", "en/"):
        start = html(site, prefix)
        cards = re.findall(r'<li>\s*<p><strong><a href="([^"]+)"', start[start.index('id="moduler"') :])
        assert cards == ["modules/varfor-nara-vard/", "modules/vad-ar-systemledarskap/"], cards
        guide = html(site, prefix + "handledning/")
        assert re.search(r'<table data-meeting="1" data-minutes="\d+" data-steps="modul-1 lokal-fardplan">', guide)
        assert guide.count('class="course-plan-empty"') == 2  # meetings 3 and 4 were module 4's
        group = html(site, prefix + "gruppens-bild/")
        assert not any(f'"{page.split("/")[1]}"' in group for page in hidden)
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for slug in (page_.split("/")[1] for page_ in hidden):
            assert f"{slug}/\"" not in text and f"{slug}/#" not in text, f"{page} links to the hidden {slug}"


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # The last item of a list goes; the paragraph after it does not join the item before.
        ("- [A](a.md)\n- [Dold](modules/x.md)\n  mer om den\n\nStycke.\n", "- [A](a.md)\n\nStycke.\n"),
        # A card with indented paragraphs goes whole; the next card stays.
        ("1.  **[Dold](modules/x.md)**\n\n    Text.\n\n2.  **[B](b.md)**\n", "2.  **[B](b.md)**\n"),
        # A link later in an item only loses its link.
        ("- [A](a.md) och [Dold](modules/x.md#del)\n", "- [A](a.md) och Dold\n"),
    ],
)
def test_a_list_item_that_begins_with_a_link_to_a_hidden_page_goes(markdown, expected):
    from course.local.docs import unlink_hidden_pages

    assert unlink_hidden_pages(markdown, "index.md", ("modules/x.md",)) == expected


def test_a_local_id_outside_the_namespace_fails(folder, tmp_path):
    edit_yaml(folder / "reflection" / "fardplan.yml", lambda d: d["steps"][0]["questions"][1].update(id="fardplan-uppfoljning"))
    assert_build_fails(
        folder, tmp_path, "reflection/fardplan.yml, line ", "id 'fardplan-uppfoljning' is not in the local namespace",
        "expected an id that starts with 'lokal-'",
    )


def test_a_local_statement_written_in_swedish_only_is_marked_in_english(folder, tmp_path):
    edit_yaml(folder / "reflection" / "fardplan.yml", lambda d: d["assessment"]["statements"][0]["text"].pop("en"))
    result = build_site(tmp_path / "out", extra_env=local_env(folder))
    assert result.returncode == 0, result.output[-3000:]
    for path in ("en/" + LOCAL_PAGE, "en/anteckningar/"):
        page = html(tmp_path / "out", path)
        assert '<legend class="assessment__legend"><span lang="sv">Hälsocentralen och kommunens hemtjänst' in page, path


def test_a_local_statement_outside_the_namespace_fails(folder, tmp_path):
    edit_yaml(folder / "reflection" / "fardplan.yml", lambda d: d["assessment"]["statements"][0].update(id="fardplan-lage-nav"))
    assert_build_fails(folder, tmp_path, "reflection/fardplan.yml", "id 'fardplan-lage-nav' is not in the local namespace")


def test_a_self_assessment_on_a_module_s_local_steps_fails(folder, tmp_path):
    def move(data):
        data["assessment"] = yaml.safe_load((folder / "reflection" / "fardplan.yml").read_text(encoding="utf-8"))["assessment"]

    edit_yaml(folder / "reflection" / "overenskommelser.yml", move)
    edit_yaml(folder / "reflection" / "fardplan.yml", lambda d: d.pop("assessment"))
    assert_build_fails(folder, tmp_path, "reflection/overenskommelser.yml", "'assessment' is for a local page's file")


@pytest.mark.parametrize(
    ("file", "meeting", "expected"),
    [
        ("fardplan.yml", 9, "'meeting: 9' names a meeting whose time plan no page of the Swedish edition shows; expected one of 1, 2, 3, 4"),
        ("fardplan.yml", "två", "'meeting' must be the number of a meeting"),
        ("overenskommelser.yml", 2, "'meeting' is for a local page's steps"),
    ],
)
def test_a_local_step_s_meeting_must_be_one_the_guide_shows(folder, tmp_path, file, meeting, expected):
    edit_yaml(folder / "reflection" / file, lambda d: d["attach"].update(meeting=meeting))
    assert_build_fails(folder, tmp_path, f"reflection/{file}", expected)


def test_a_local_id_that_clashes_fails(folder, tmp_path):
    edit_yaml(folder / "reflection" / "overenskommelser.yml", lambda d: d["steps"][0].update(id="lokal-fardplan") or d["steps"][0]["questions"][0].update(id="lokal-fardplan-nav"))
    assert_build_fails(folder, tmp_path, "reflection/overenskommelser.yml: lokal-fardplan: duplicate id", "first defined in", "fardplan.yml")


def test_a_missing_page_fails(folder, tmp_path):
    (folder / "pages" / "kontakter.md").unlink()
    assert_build_fails(folder, tmp_path, "local.yml, line 20: page number 2: the page kontakter.md is missing", "expected the file", "pages/kontakter.md")


def test_a_page_placed_after_a_page_the_course_lacks_fails(folder, tmp_path):
    edit_yaml(folder / "local.yml", lambda d: d["pages"][0].update(after="modules/finns-inte.md"))
    assert_build_fails(folder, tmp_path, "local.yml, line ", "'after' names 'modules/finns-inte.md', which is not in the navigation", "expected a page in the course's navigation")


def test_a_step_attached_to_a_module_that_does_not_exist_fails(folder, tmp_path):
    edit_yaml(folder / "reflection" / "overenskommelser.yml", lambda d: d["attach"].update(module="modul-9"))
    assert_build_fails(folder, tmp_path, "reflection/overenskommelser.yml, line 2: 'attach' names module 'modul-9', which the course does not have", "expected one of varfor-nara-vard")


def test_malformed_yaml_fails_with_its_line(folder, tmp_path):
    path = folder / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8") + "  - id: [unclosed\n", encoding="utf-8")
    assert_build_fails(folder, tmp_path, "glossary.yml: malformed YAML", "line 1")


def test_hiding_a_page_the_course_no_longer_has_fails_saying_what_and_where(folder, tmp_path):
    edit_yaml(folder / "local.yml", lambda d: d["hide"].append("fordjupning/borttagen.md"))
    lines = (folder / "local.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if "fordjupning/borttagen.md" in text)
    # The entry's own line: the list starts a line earlier, with the example's own entry.
    assert_build_fails(folder, tmp_path, f"local.yml, line {line}:", "'hide' names fordjupning/borttagen.md, which this version of the course does not have")


def test_a_local_dir_that_is_not_a_folder_fails(tmp_path):
    assert_build_fails(tmp_path / "finns-inte", tmp_path, "finns-inte: LOCAL_DIR names no folder")


def test_a_core_id_in_the_local_namespace_fails(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "reflection" / "1-varfor-nara-vard.yml"
    edit_yaml(path, lambda d: d["steps"][0]["questions"][0].update(id="lokal-modul-1-behov"))
    result = build_site(tmp_path / "out", project=project)
    assert result.returncode != 0
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if "lokal-modul-1-behov" in text)
    assert f"data/reflection/1-varfor-nara-vard.yml, line {line}: modul-1, question number 1: ids that start with 'lokal-' belong to local folders; found 'lokal-modul-1-behov'" in result.output


def add_core_step_named_like_the_local_one(project: Path) -> Path:
    """A new version of the course: a changed page, and a step and question named as the local ones without lokal-."""
    module = project / "docs" / "modules" / "varfor-nara-vard.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nEtt nytt stycke i en ny version av kursen.\n", encoding="utf-8")

    def add_step(data):
        data["steps"].append(
            {
                "id": "fardplan",
                "title": {"sv": "Ny kärnfråga", "en": "New core question"},
                "intro": {"sv": "Inledning.", "en": "Introduction."},
                "questions": [{"id": "fardplan-nav", "text": {"sv": "En ny fråga i kursen?", "en": "A new question in the course?"}}],
            }
        )

    edit_yaml(project / "data" / "reflection" / "1-varfor-nara-vard.yml", add_step)
    for name in ("varfor-nara-vard.md", "varfor-nara-vard.en.md"):
        page = project / "docs" / "modules" / name
        page.write_text(page.read_text(encoding="utf-8") + '\n{{ reflektion("fardplan") }}\n', encoding="utf-8")
    return project


def test_an_update_that_adds_the_same_ids_and_changes_a_page_keeps_the_folder_working(tmp_path):
    project = add_core_step_named_like_the_local_one(copy_project(tmp_path / "project"))
    result = build_site(tmp_path / "out", project=project, extra_env=local_env())
    assert result.returncode == 0, result.output[-3000:]
    notes = html(tmp_path / "out", "anteckningar/")
    assert 'data-question-id="fardplan-nav"' in notes and f'data-question-id="{PAGE_QUESTION}"' in notes
    assert "Ett nytt stycke i en ny version av kursen." in html(tmp_path / "out", "modules/varfor-nara-vard/")
    assert (tmp_path / "out" / "lokalt" / "var-fardplan" / "index.html").exists()


def test_the_example_folder_is_not_inside_docs():
    assert not (ROOT / "docs" / "lokalt").exists()
    assert EXAMPLE.is_dir() and not EXAMPLE.is_relative_to(ROOT / "docs")
