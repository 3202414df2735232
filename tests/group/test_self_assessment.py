"""Issue 16: "Var står vi?" is saved with the notes (format 3), shown on the notes page and in
every export, and notes of format 2 (frozen fixtures) come through the update."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from tests.support.group_support import MODULE_3, SLUG_3, rate, save_group_file, statement_ids
from tests.support.project_copy import copy_project
from tests.support.site_build import ROOT, build_site
from tests.support.notes_support import (
    FORMAT_VERSION,
    NOTES,
    agreed_field,
    choose_import,
    clear_with_confirmation,
    export_file,
    field,
    new_page,
    question_ids,
    snapshot,
    step_ids,
    store_key_js,
    stored,
    ui,
    write,
)

FIXTURES = Path(__file__).parents[1] / "fixtures"
STORED_V2 = json.loads((FIXTURES / "notes-v2-stored.json").read_text(encoding="utf-8"))
EXPORT_V2 = (FIXTURES / "notes-v2-export.json").read_bytes()


def test_every_module_has_4_to_8_statements_in_both_languages():
    counts = {}
    for path in sorted((ROOT / "data" / "reflection").glob("[0-9]*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        statements = data["assessment"]["statements"]
        assert 4 <= len(statements) <= 8, path.name
        assert all(s["text"]["sv"].strip() and s["text"]["en"].strip() for s in statements)
        counts[data["module"]["slug"]] = len(statements)
    assert len(counts) == 4
    print(f"\nstatements per module: {counts}")


def test_choices_are_radio_groups_saved_with_the_notes_and_shown_on_the_notes_page(browser, server, tmp_path):
    with new_page(browser) as page:
        page.goto(server.url + MODULE_3)
        ids = statement_ids(page)
        group = page.get_by_role("group", name=page.locator(f'fieldset[data-statement-id="{ids[0]}"] legend').text_content())
        expect(group.get_by_role("radio")).to_have_count(6)
        rate(page, ids[0], 2)
        rate(page, ids[1], 0)
        rate(page, ids[0], 4)  # a new choice replaces the first
        assert {k: v["value"] for k, v in snapshot(page)["ratings"].items()} == {ids[0]: 4, ids[1]: 0}
        qid = question_ids(page)[0]
        write(page, field(page, qid), "Delas")
        page.get_by_label(ui(page, "assessment.share")).first.check()
        assert snapshot(page)["shared"] == {qid: True}

        page.goto(server.url + NOTES)
        expect(page.locator(f'fieldset[data-statement-id="{ids[0]}"]').get_by_label(ui(page, "assessment.scale.4"), exact=True)).to_be_checked()
        expect(page.locator(f'fieldset[data-statement-id="{ids[1]}"]').get_by_label(ui(page, "assessment.scale.0"), exact=True)).to_be_checked()
        expect(page.locator(f"#notes-share-{qid}")).to_be_checked()
        statement = page.locator(f'fieldset[data-statement-id="{ids[0]}"] legend').text_content()
        export_file(page, "notes.export.md", tmp_path / "n.md")
        export_file(page, "notes.export.docx", tmp_path / "n.docx")
        export_file(page, "notes.export.odt", tmp_path / "n.odt")
        export_file(page, "notes.export.json", tmp_path / "n.json")
        answer = ui(page, "assessment.scale.4")
        clear_with_confirmation(page)
        expect(page.locator(f'fieldset[data-statement-id="{ids[0]}"] input:checked')).to_have_count(0)
        choose_import(page, "n.json", (tmp_path / "n.json").read_bytes())
        page.get_by_role("button", name=ui(page, "notes.import.replace")).click()
        expect(page.locator(f'fieldset[data-statement-id="{ids[0]}"]').get_by_label(answer, exact=True)).to_be_checked()
        expect(page.locator(f"#notes-share-{qid}")).to_be_checked()
        assert page.errors == []
    md = (tmp_path / "n.md").read_text(encoding="utf-8")
    assert f"| {statement} | {answer} |" in md
    with zipfile.ZipFile(tmp_path / "n.docx") as z:
        assert statement in z.read("word/document.xml").decode() and answer in z.read("word/document.xml").decode()
    with zipfile.ZipFile(tmp_path / "n.odt") as z:
        assert statement in z.read("content.xml").decode() and answer in z.read("content.xml").decode()
    exported = json.loads((tmp_path / "n.json").read_text(encoding="utf-8"))
    assert exported["version"] == FORMAT_VERSION == 3
    assert exported["ratings"][ids[0]]["value"] == 4 and exported["shared"] == {qid: True}


def test_nothing_is_shared_unless_ticked(browser, server, tmp_path):
    with new_page(browser) as page:
        page.goto(server.url + MODULE_3)
        write(page, field(page, question_ids(page)[0]), "Mitt privata svar")
        rate(page, statement_ids(page)[0], 3)
        data = save_group_file(page, tmp_path / "g.json")
        assert data["answers"] == {} and list(data["ratings"].values()) == [3]
        assert "name" not in data and "Mitt privata svar" not in json.dumps(data)
        size = (tmp_path / "g.json").stat().st_size
        assert size < 2000
        print(f"\ngroup file with one rating: {size} bytes")


def test_stored_notes_of_version_2_come_through_the_update(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        page.evaluate(f"text => localStorage.setItem({store_key_js(2)}, text)", json.dumps(STORED_V2))
        page.reload()
        for qid in question_ids(page):
            expect(field(page, qid)).to_have_value(STORED_V2["answers"][qid]["text"])
        for step in step_ids(page):
            expect(agreed_field(page, step)).to_have_value(STORED_V2["agreed"][step]["text"])
        assert stored(page) is None
        # The first choice moves everything to the version 3 key, questions kept.
        rate(page, statement_ids(page, SLUG_3)[0], 5)
        data = json.loads(stored(page))
        assert data["version"] == 3
        assert page.evaluate(f"() => localStorage.getItem({store_key_js(2)})") is None
        assert data["answers"] == STORED_V2["answers"]
        assert data["group"] == STORED_V2["group"] and data["agreed"] == STORED_V2["agreed"]
        assert list(data["ratings"]) == [statement_ids(page, SLUG_3)[0]]
        assert page.errors == []


def test_an_exported_file_of_version_2_imports_every_answer(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        choose_import(page, "mina-anteckningar.json", EXPORT_V2)
        page.get_by_role("button", name=ui(page, "notes.import.merge")).click()
        expect(page.locator('[data-notes-tools="import"] .notes-message')).to_have_text(ui(page, "notes.import.done.merge"))
        source = json.loads(EXPORT_V2)
        data = snapshot(page)
        for section in ("answers", "group", "agreed"):
            assert data[section] == source[section], section
        assert data["ratings"] == {} and data["shared"] == {}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda a: a["statements"].__delitem__(slice(1, None)), "must be a list of 4 to 8 statements, found 1"),
        (lambda a: a["statements"][1].__setitem__("id", "modul-3-komplexitet"), "modul-3-komplexitet: duplicate id"),
        (lambda a: a["statements"][1]["text"].pop("en"), "missing translation 'en'"),
        (lambda a: a.__setitem__("version", "1"), "assessment.version must be a whole number"),
    ],
)
def test_a_malformed_assessment_stops_the_build_naming_the_file(tmp_path, change, expected):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "reflection" / "3-vad-ar-systemledarskap.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["assessment"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    assert "data/reflection/3-vad-ar-systemledarskap.yml" in result.output and expected in result.output, result.output[-2000:]
