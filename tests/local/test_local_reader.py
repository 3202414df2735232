"""The course with the example local folder, as a reader and a facilitator use it, in Chromium."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.support.local_site import LOCAL_PAGE, LOCAL_WORD, MODULE_4, MODULE_QUESTION, PAGE_QUESTION, SWEDISH_ONLY_PAGE, local_env
from tests.support.group_support import GROUP_PAGE, counts_in_table, group_files_input, rate, save_group_file, statement_ids
from tests.support.search_ui import search
from tests.support.site_build import COURSE_VERSION, ROOT, SiteServer, build_site, free_port
from tests.support.page_tour import AXE_OPTIONS, SIZES, describe
from tests.local.test_local_folder import add_core_step_named_like_the_local_one
from tests.support.notes_support import NOTES, export_file, field, new_page, seed, ui, write

# Markup in answers is the hostile-text test's concern; this one follows a plain answer.
ANSWER = "Hälsocentralen i Strandby och hemtjänsten ses varje vecka."


def nav_links(page) -> list[str]:
    """The primary navigation's page links, in order, as the reader meets them."""
    return page.eval_on_selector_all(
        "nav.md-nav--primary a.md-nav__link[href]", "els => els.map(a => new URL(a.href).pathname)"
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_local_pages_sit_where_local_yml_places_them_and_the_hidden_page_is_gone(browser, local_server, lang):
    with new_page(browser) as page:
        prefix = "" if lang == "sv" else "en/"
        page.goto(local_server.url + prefix)
        links = [link for link in nav_links(page) if link != "/" + prefix]
        module_1 = links.index(f"/{prefix}modules/varfor-nara-vard/")
        assert links[module_1 + 1] == f"/{prefix}{LOCAL_PAGE}"
        assert links[-1] == f"/{prefix}{SWEDISH_ONLY_PAGE}"
        assert not [link for link in links if "komplexa-system" in link]
        section = "Hos oss" if lang == "sv" else "In our county"
        expect(page.locator("nav.md-nav--primary label.md-nav__link", has_text=section).first).to_be_attached()


def test_a_local_question_is_answered_shown_in_notes_meeting_mode_and_every_export(browser, local_server, tmp_path):
    with new_page(browser) as page:
        page.goto(local_server.url + LOCAL_PAGE)
        write(page, field(page, PAGE_QUESTION), ANSWER)

        page.goto(local_server.url + NOTES)
        expect(field(page, PAGE_QUESTION)).to_have_value(ANSWER)
        expect(page.locator(f'[data-question-id="{MODULE_QUESTION}"] .reflection__text')).to_contain_text("våra överenskommelser")

        name = export_file(page, "notes.export.json", tmp_path / "notes.json")
        assert name.endswith(".json")
        assert json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))["answers"][PAGE_QUESTION]["text"] == ANSWER
        export_file(page, "notes.export.md", tmp_path / "notes.md")
        markdown = (tmp_path / "notes.md").read_text(encoding="utf-8")
        assert "Vad betyder det för din verksamhet att hälsocentralen ska vara navet?" in markdown
        assert ANSWER in markdown
        export_file(page, "notes.export.docx", tmp_path / "notes.docx")
        assert ANSWER in zipfile.ZipFile(tmp_path / "notes.docx").read("word/document.xml").decode()
        export_file(page, "notes.export.odt", tmp_path / "notes.odt")
        assert ANSWER in zipfile.ZipFile(tmp_path / "notes.odt").read("content.xml").decode()

        page.goto(local_server.url + LOCAL_PAGE)
        page.locator(".meeting-launch__button").first.click()
        dialog = page.locator("dialog[open]")
        expect(dialog.locator(".meeting__body")).to_have_attribute("data-step-id", "lokal-fardplan")
        page.keyboard.press("ArrowRight")  # from the step's introduction to its first question
        expect(dialog.locator(".meeting__body")).to_have_attribute("data-question-id", PAGE_QUESTION)
        expect(dialog.locator(".meeting__question")).to_have_text(re.compile("hälsocentralen ska vara navet"))
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()
        assert page.errors == []


def test_module_4_s_meeting_mode_reaches_the_local_question(browser, local_server):
    with new_page(browser) as page:
        page.goto(local_server.url + MODULE_4)
        page.locator(f'section[data-step-id="lokal-avtal"] .meeting-launch__button').click()
        body = page.locator("dialog[open] .meeting__body")
        expect(body).to_have_attribute("data-step-id", "lokal-avtal")
        page.keyboard.press("ArrowRight")
        expect(body).to_have_attribute("data-question-id", MODULE_QUESTION)
        expect(body.locator(".meeting__question")).to_contain_text("Vilken del av våra överenskommelser")


def test_meeting_mode_keeps_the_language_of_a_question_written_only_in_swedish(browser, local_server):
    # On the English page, the local step is in Swedish (<span lang="sv"> on the page): so are its screens.
    with new_page(browser) as page:
        page.goto(local_server.url + "en/" + MODULE_4)
        page.locator('section[data-step-id="lokal-avtal"] .meeting-launch__button').click()
        dialog = page.locator("dialog[open]")
        expect(dialog.locator(".meeting__title")).to_have_attribute("lang", "sv")
        expect(dialog.locator(".meeting__intro")).to_have_attribute("lang", "sv")
        page.keyboard.press("ArrowRight")
        expect(dialog.locator(".meeting__question")).to_have_attribute("lang", "sv")
        expect(dialog.locator(".meeting__question")).to_contain_text("Vilken del av våra överenskommelser")
        # The module's own steps, written in English, carry no language of their own.
        page.keyboard.press("Home")
        expect(dialog.locator(".meeting__body")).not_to_have_attribute("data-step-id", "lokal-avtal")
        expect(dialog.locator(".meeting__title")).to_have_count(1)
        assert dialog.locator(".meeting__title").get_attribute("lang") is None
        page.keyboard.press("ArrowRight")
        assert dialog.locator(".meeting__question").get_attribute("lang") is None
        assert page.errors == []


def test_a_local_self_assessment_goes_to_the_group_page_like_a_module_s(browser, local_server, tmp_path):
    slug = "lokal-var-fardplan"
    with new_page(browser) as page:
        page.goto(local_server.url + LOCAL_PAGE)
        ids = statement_ids(page, slug)
        assert len(ids) == 4
        for sid, value in zip(ids, (4, 2, 5, 0)):
            rate(page, sid, value)
        data = save_group_file(page, tmp_path / "deltagare.json", slug=slug)
        assert data["module"] == slug and data["ratings"] == dict(zip(ids, (4, 2, 5, 0)))

        page.goto(local_server.url + GROUP_PAGE)
        page.get_by_label(ui(page, "group.module"), exact=True).select_option(slug)
        group_files_input(page).set_input_files([str(tmp_path / "deltagare.json")])
        expect(page.locator(".group-status")).to_contain_text(ui(page, "group.summary", n=1))
        assert counts_in_table(page, ids[0]) == {1: 0, 2: 0, 3: 0, 4: 1, 5: 0, 0: 0}
        assert page.errors == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_local_pages_have_no_axe_violations(browser, local_server, lang):
    prefix = "" if lang == "sv" else "en/"
    axe = Axe()
    problems = {}
    for size in ("laptop", "phone"):
        context = browser.new_context(viewport=SIZES[size])
        page = context.new_page()
        for path in (LOCAL_PAGE, SWEDISH_ONLY_PAGE, MODULE_4, NOTES):
            page.goto(local_server.url + prefix + path, wait_until="load")
            violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
            if violations:
                problems[f"{size} {prefix}{path}"] = describe(violations)
        context.close()
    assert problems == {}


def test_after_an_update_a_stored_local_answer_stays_apart_from_a_new_core_question(browser, tmp_path):
    """A new course version adds fardplan and fardplan-nav: the reader's lokal-fardplan-nav answer is untouched."""
    from tests.support.project_copy import copy_project

    project = add_core_step_named_like_the_local_one(copy_project(tmp_path / "project"))
    result = build_site(tmp_path / "out", project=project, extra_env=local_env())
    assert result.returncode == 0, result.output[-3000:]
    with SiteServer(tmp_path / "out", free_port()) as server, new_page(browser) as page:
        page.goto(server.url + NOTES)
        seed(page, {"answers": {PAGE_QUESTION: {"text": ANSWER, "asked": "Vad betyder det?", "at": "2026-11-01T10:00:00.000Z"}}})
        page.reload()
        expect(field(page, PAGE_QUESTION)).to_have_value(ANSWER)
        expect(field(page, "fardplan-nav")).to_have_value("")
        expect(page.locator('[data-question-id="fardplan-nav"] .reflection__text')).to_have_text("En ny fråga i kursen?")


def test_the_offline_zip_with_the_folder_opens_from_disk_and_search_finds_a_local_word(browser, tmp_path):
    env = {**local_env(), "PATH": __import__("os").environ["PATH"]}
    result = subprocess.run(["make", "offline"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    archive = ROOT / "dist" / f"systemledarskap-i-nara-vard-{COURSE_VERSION}.zip"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(tmp_path)
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    local_page = folder / "lokalt" / "var-fardplan.html"
    assert local_page.exists()
    with new_page(browser) as page:
        page.goto(local_page.as_uri())
        expect(page.locator("h1")).to_have_text("Vår färdplan för Nära vård")
        hrefs = search(page, LOCAL_WORD)
        assert any("lokalt/var-fardplan" in href for href in hrefs), hrefs
