"""Issue 16: "Var står vi?" on module pages, group files, and the facilitator's "Gruppens bild".

Three readers, each in their own browser context, answer the self-assessment
differently and save a group file; a fourth, the facilitator, loads all three
and a duplicate on the group page. Everything is checked as a person sees it:
the counts in the table beside each chart, the order, the marks, the shared
answers, hide and reveal, and the meeting notes exported on the notes page.
"""

from __future__ import annotations

import json
import statistics
import zipfile

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.support.group_support import GROUP_PAGE, MODULE_3, SCALE, SLUG_3, counts_in_table, group_files_input, rate, save_group_file, statement_ids
from tests.support.site_pages import offline_page
from tests.support.page_tour import AXE_OPTIONS, SIZES, describe
from tests.support.notes_support import HOSTILE, NOTES, STORE_KEY_JS, export_file, field, new_page, snapshot, stored, ui, write

# Each reader's choices for module 3's seven statements, in page order (0 is "Vet inte").
CHOICES = [
    [5, 4, 3, 3, 1, 2, 0],
    [5, 4, 3, 1, 1, 2, 3],
    [5, 4, 3, 5, 2, 2, 0],
]
WIDEST = 3  # 3, 1, 5: the widest spread
SHARED = {0: "Vi delar: komplexa delar finns i hemsjukvården.", 2: HOSTILE}
NOT_SHARED = "Det här svaret delar jag inte."


def expected_spread(values: list[int]) -> float:
    rated = [v for v in values if v]
    return statistics.pstdev(rated) if len(rated) > 1 else 0.0


@pytest.fixture(scope="module")
def group_files(browser, server, tmp_path_factory):
    """Three readers answer module 3's self-assessment and save their group files."""
    folder = tmp_path_factory.mktemp("group-files")
    files = []
    for n, choices in enumerate(CHOICES):
        with new_page(browser) as page:
            page.goto(server.url + MODULE_3)
            ids = statement_ids(page)
            assert len(ids) == len(choices)
            for sid, value in zip(ids, choices):
                rate(page, sid, value)
            qid = page.eval_on_selector("section.reflection li[data-question-id]", "e => e.dataset.questionId")
            if n in SHARED:
                write(page, field(page, qid), SHARED[n])
                page.locator(f"#notes-share-{qid}").check()
            else:
                write(page, field(page, qid), NOT_SHARED)
            saved = snapshot(page)
            assert {sid: e["value"] for sid, e in saved["ratings"].items()} == dict(zip(ids, choices))
            data = save_group_file(page, folder / f"deltagare-{n + 1}.json", name="Anna" if n == 0 else "")
            assert data["ratings"] == dict(zip(ids, choices))
            assert data["module"] == SLUG_3 and data["courseId"] == page.evaluate("() => Course.config.courseId")
            assert ("name" in data) == (n == 0)
            assert [a["text"] for a in data["answers"].values()] == ([SHARED[n]] if n in SHARED else [])
            assert page.errors == []
            files.append(folder / f"deltagare-{n + 1}.json")
    duplicate = folder / "deltagare-1-igen.json"
    duplicate.write_bytes(files[0].read_bytes())
    return files, duplicate, ids


def settled(page) -> None:
    """Wait until no CSS transition runs (a button's focus colours, the header's title), for axe."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def load_group(page, server, files, lang_path: str = "", people: int = len(CHOICES)) -> None:
    page.goto(server.url + lang_path + GROUP_PAGE)
    page.get_by_label(ui(page, "group.module"), exact=True).select_option(SLUG_3)
    group_files_input(page).set_input_files([str(f) for f in files])
    expect(page.locator(".group-status")).to_contain_text(ui(page, "group.summary", n=people))


def test_the_group_picture_counts_every_answer_once_widest_spread_first(browser, server, group_files, tmp_path):
    files, duplicate, ids = group_files
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        write(page, field(page, page.eval_on_selector("li[data-question-id]", "e => e.dataset.questionId")), "Samtalsledarens egna anteckningar")
        answers_before = json.loads(stored(page))["answers"]
        load_group(page, server, files + [duplicate])
        expect(page.locator(".group-errors")).to_contain_text(ui(page, "group.duplicate", file=duplicate.name))
        expect(page.locator(".group-status")).to_contain_text(ui(page, "group.named", names="Anna"))

        # The counts in each table are the answers given.
        for index, sid in enumerate(ids):
            expected = {v: sum(1 for c in CHOICES if c[index] == v) for v in SCALE}
            assert counts_in_table(page, sid) == expected, sid
            chart = page.locator(f'.group-statement[data-statement-id="{sid}"] svg.group-chart')
            expect(chart).to_be_visible()
            assert chart.locator("rect.group-chart__bar").count() == sum(1 for v in SCALE if expected[v])

        # Widest spread first, and marked; then in order of spread.
        blocks = page.locator(".group-statement")
        expect(blocks.first).to_have_attribute("data-statement-id", ids[WIDEST])
        expect(blocks.first.locator(".group-statement__mark")).to_have_text(ui(page, "group.widest"))
        expect(page.locator(".group-statement__mark")).to_have_count(1)
        shown = page.eval_on_selector_all(".group-statement", "els => els.map(e => e.dataset.statementId)")
        spreads = [expected_spread([c[ids.index(sid)] for c in CHOICES]) for sid in shown]
        assert spreads == sorted(spreads, reverse=True)

        # Shared answers only, as text, in an order that is not the order of the files.
        answers = page.locator(".group-answers__list li")
        expect(answers).to_have_text(sorted(SHARED.values()))
        expect(page.locator(".group-answers")).not_to_contain_text(NOT_SHARED)
        expect(page.locator(".group-answers")).not_to_contain_text("Anna")
        assert page.evaluate("() => window.__owned") is None

        # Hide until the group has talked; the choice is kept; then reveal.
        page.get_by_role("button", name=ui(page, "group.hide")).click()
        expect(page.locator(".group-body")).to_be_hidden()
        expect(page.locator(".group-hidden")).to_have_text(ui(page, "group.hidden"))
        page.reload()
        page.get_by_label(ui(page, "group.module"), exact=True).select_option(SLUG_3)
        expect(page.locator(".group-body")).to_be_hidden()
        page.get_by_role("button", name=ui(page, "group.show")).click()
        expect(page.locator(".group-body")).to_be_visible()
        expect(page.locator(".group-hidden")).to_be_hidden()
        assert counts_in_table(page, ids[WIDEST]) == {1: 1, 2: 0, 3: 1, 4: 0, 5: 1, 0: 0}

        # The meeting notes exported on the notes page carry the counts and the shared answers.
        page.goto(server.url + NOTES)
        heading = ui(page, "group.export.heading", module="")
        statement = page.locator(f'fieldset[data-statement-id="{ids[WIDEST]}"] legend').text_content()
        export_file(page, "notes.export.md", tmp_path / "meeting.md")
        export_file(page, "notes.export.docx", tmp_path / "meeting.docx")
        export_file(page, "notes.export.odt", tmp_path / "meeting.odt")
        assert json.loads(stored(page))["answers"] == answers_before
        assert page.errors == []
    md = (tmp_path / "meeting.md").read_text(encoding="utf-8")
    assert heading.strip() in md
    row = next(line for line in md.splitlines() if line.startswith("| ") and statement in line)
    assert row.replace(" ", "").endswith("|1|0|1|0|1|0|"), row
    assert "Vi delar: komplexa delar finns i hemsjukvården." in md
    assert "&lt;script\\>" in md and "<script>" not in md
    with zipfile.ZipFile(tmp_path / "meeting.docx") as docx:
        document = docx.read("word/document.xml").decode("utf-8")
    with zipfile.ZipFile(tmp_path / "meeting.odt") as odt:
        content = odt.read("content.xml").decode("utf-8")
    for xml in (document, content):
        assert statement in xml
        assert "Vi delar: komplexa delar finns i hemsjukvården." in xml
        assert "&lt;script&gt;" in xml and "<script>" not in xml


def test_the_picture_is_kept_apart_from_the_notes_and_cleared_on_its_own(browser, server, group_files):
    files, _, _ = group_files
    with new_page(browser) as page:
        load_group(page, server, files[:1], people=1)
        keys = page.evaluate("() => Object.keys(localStorage)")
        course = page.evaluate("() => Course.config.courseId")
        assert f"{course}:notes:group-picture:v2" in keys
        assert page.evaluate(f"() => localStorage.getItem({STORE_KEY_JS})") is None
        # Beside the notes, yet no note: clearing the notes leaves the picture.
        page.evaluate("() => CourseNotes.clear()")
        assert f"{course}:notes:group-picture:v2" in page.evaluate("() => Object.keys(localStorage)")
        page.get_by_role("button", name=ui(page, "group.clear")).click()
        expect(page.locator(".group-status")).to_have_text(ui(page, "group.none"))
        expect(page.locator(".group-errors")).to_have_text(ui(page, "group.cleared"))


@pytest.mark.parametrize("lang_path", ["", "en/"])
def test_files_of_another_course_module_or_version_are_refused_naming_the_file(browser, server, group_files, tmp_path, lang_path):
    files, _, _ = group_files
    good = json.loads(files[0].read_text(encoding="utf-8"))
    bad = {
        "annan-kurs.json": ({**good, "courseId": "another-course"}, "course", {}),
        "annan-modul.json": ({**good, "module": "varfor-nara-vard", "participant": "p-00000000000a"}, "module", None),
        "okand-version.json": ({**good, "version": 2}, "version", {}),
        "nyare-skattning.json": ({**good, "assessmentVersion": 2}, "version", {}),
    }
    with new_page(browser) as page:
        page.goto(server.url + lang_path + GROUP_PAGE)
        page.get_by_label(ui(page, "group.module"), exact=True).select_option(SLUG_3)
        paths = []
        for name, (data, _, _) in bad.items():
            (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
            paths.append(str(tmp_path / name))
        group_files_input(page).set_input_files(paths)
        errors = page.locator(".group-errors li")
        expect(errors).to_have_count(len(bad))
        module_1 = page.locator('select option[value="varfor-nara-vard"]').text_content()
        for name, (_, reason, _) in bad.items():
            expect(errors.filter(has_text=name)).to_have_text(ui(page, f"group.error.{reason}", file=name, module=module_1))
        expect(page.locator(".group-status")).to_have_text(ui(page, "group.none"))
        assert page.errors == []


def test_a_file_of_an_earlier_version_is_merged_on_the_statements_both_share(browser, server, group_files, tmp_path):
    files, _, ids = group_files
    with new_page(browser) as page:
        page.goto(server.url + GROUP_PAGE)
        # The page draws its own picture once the notes' copy is back (CourseNotes.ready()); wait for
        # it, or the page's drawing and the test's own mount below both land in the container.
        expect(page.get_by_label(ui(page, "group.module"), exact=True)).to_be_visible()
        current = page.evaluate(f"() => JSON.parse(document.getElementById('assessment-data').textContent)['{SLUG_3}'].version")
        # Patch the page's data so that the course is one version on, with a statement added.
        old = json.loads(files[1].read_text(encoding="utf-8"))
        old["statements"] = ids[:-1] + ["modul-3-lage-borttaget"]
        old["ratings"] = {**{sid: v for sid, v in old["ratings"].items() if sid != ids[-1]}, "modul-3-lage-borttaget": 4}
        (tmp_path / "tidigare.json").write_text(json.dumps(old), encoding="utf-8")
        page.evaluate(
            """([slug, version]) => {
                const el = document.getElementById('assessment-data');
                const data = JSON.parse(el.textContent);
                data[slug].version = version + 1;
                el.textContent = JSON.stringify(data);
            }""",
            [SLUG_3, current],
        )
        page.evaluate("() => { document.querySelector('[data-group-picture]').textContent = ''; CourseGroupPicture.mount(document.querySelector('[data-group-picture]'), null); }")
        page.get_by_label(ui(page, "group.module"), exact=True).select_option(SLUG_3)
        group_files_input(page).set_input_files([str(files[0]), str(tmp_path / "tidigare.json")])
        expect(page.locator(".group-status")).to_contain_text(ui(page, "group.earlier", n=2))
        # Both files count on the statements they share; the dropped statement is not shown.
        assert sum(counts_in_table(page, ids[0]).values()) == 2
        assert sum(counts_in_table(page, ids[-1]).values()) == 1
        expect(page.locator('.group-statement[data-statement-id="modul-3-lage-borttaget"]')).to_have_count(0)
        assert page.errors == []


def test_the_group_page_opened_from_the_offline_zip_works(browser, offline_site, group_files):
    files, duplicate, ids = group_files
    with new_page(browser) as page:
        page.goto(offline_page(offline_site, GROUP_PAGE).resolve().as_uri())
        page.get_by_label(ui(page, "group.module"), exact=True).select_option(SLUG_3)
        group_files_input(page).set_input_files([str(f) for f in files + [duplicate]])
        expect(page.locator(".group-status")).to_contain_text(ui(page, "group.summary", n=len(CHOICES)))
        expect(page.locator(".group-statement").first).to_have_attribute("data-statement-id", ids[WIDEST])
        assert counts_in_table(page, ids[0]) == {1: 0, 2: 0, 3: 0, 4: 0, 5: 3, 0: 0}
        assert page.errors == []


@pytest.mark.parametrize(("scheme", "size"), [("light", "laptop"), ("light", "projector"), ("dark", "laptop"), ("dark", "projector")])
@pytest.mark.parametrize("lang_path", ["", "en/"])
def test_the_group_page_with_a_picture_has_no_axe_violations(browser, server, group_files, lang_path, scheme, size):
    files, _, _ = group_files
    context = browser.new_context(viewport=SIZES[size], color_scheme=scheme)
    try:
        with new_page(browser, context=context) as page:
            load_group(page, server, files, lang_path)
            expect(page.locator(".group-statement").first).to_be_visible()
            settled(page)
            violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
            assert describe(violations) == []
            page.get_by_role("button", name=ui(page, "group.hide")).click()
            expect(page.locator(".group-hidden")).to_be_visible()
            settled(page)
            violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
            assert describe(violations) == []
    finally:
        context.close()


def test_meeting_mode_links_to_the_group_page_with_the_module_chosen(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + MODULE_3)
        page.locator(".meeting-launch__button").first.click()
        link = page.locator("dialog[open]").get_by_role("link", name=ui(page, "meeting.group_picture"))
        expect(link).to_have_attribute("target", "_blank")
        href = link.get_attribute("href")
        assert href.endswith("#" + SLUG_3) and not href.startswith(("http", "/"))
        page.goto(page.url.split("#")[0].rsplit("/", 1)[0] + "/" + href)
        expect(page.get_by_label(ui(page, "group.module"), exact=True)).to_have_value(SLUG_3)
        assert page.errors == []
