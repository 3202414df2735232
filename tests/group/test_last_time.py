"""Issue 30: a reader who rates "Var står vi?" again sees what they chose last time, as quiet text.

"Svara på nytt" moves this round's choices to `earlier` (notes format version 4);
the radio buttons start empty, never pre-filled, and each statement says what
was chosen last time and when. The notes' exports carry both. Notes and
exported files of version 3 (frozen fixture) come through.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support.group_support import MODULE_3, rate, save_group_file, statement_ids
from tests.support.notes_support import FORMAT_VERSION, NOTES, choose_import, export_file, new_page, snapshot, store_key_js, stored, ui

STORED_V3 = json.loads((Path(__file__).parents[1] / "fixtures" / "notes-v3-stored.json").read_text(encoding="utf-8"))
MODULE_1 = "modules/varfor-nara-vard/"
DAY = "([time, lang]) => new Date(time).toLocaleDateString(lang, {day: 'numeric', month: 'long', year: 'numeric'})"


def radios_checked(page, statement_id: str) -> list[str]:
    return page.eval_on_selector_all(f'fieldset[data-statement-id="{statement_id}"] input[type=radio]', "rs => rs.filter(r => r.checked).map(r => r.value)")


@pytest.mark.parametrize("lang_path", ["", "en/"])
def test_rating_again_shows_last_time_as_quiet_text_and_never_fills_it_in(browser, server, tmp_path, lang_path):
    with new_page(browser) as page:
        page.goto(server.url + lang_path + MODULE_3)
        ids = statement_ids(page)
        rate(page, ids[0], 2)
        rate(page, ids[1], 4)
        section = page.locator("section.assessment").first
        again = section.get_by_role("button", name=ui(page, "assessment.again"))
        again.focus()
        page.keyboard.press("Enter")
        expect(section.locator(".assessment__status")).to_have_text(ui(page, "assessment.again_done"))
        # Never pre-filled: every statement starts empty, and focus goes to the first choice.
        for sid in ids:
            assert radios_checked(page, sid) == []
        assert page.evaluate("() => document.activeElement.type") == "radio"
        before = snapshot(page)["earlier"]
        assert {sid: e["value"] for sid, e in before.items()} == {ids[0]: 2, ids[1]: 4}
        lang = page.evaluate("() => Course.config.lang")
        day = page.evaluate(DAY, [before[ids[0]]["updated"], {"sv": "sv-SE", "en": "en-GB"}[lang]])
        assert re.fullmatch(r"\d{1,2} [^\W\d]+ \d{4}", day), day  # the day first, in English too: British, not "March 1, 2027"
        quiet = page.locator(f'fieldset[data-statement-id="{ids[0]}"] .assessment__earlier')
        expect(quiet).to_have_text(ui(page, "assessment.earlier", date=day, answer=ui(page, "assessment.scale.2")))
        expect(page.locator(f'fieldset[data-statement-id="{ids[2]}"] .assessment__earlier')).to_be_hidden()
        expect(again).to_be_hidden()  # nothing chosen in this round yet
        rate(page, ids[0], 5)
        page.reload()
        assert radios_checked(page, ids[0]) == ["5"] and radios_checked(page, ids[1]) == []
        expect(quiet).to_have_text(ui(page, "assessment.earlier", date=day, answer=ui(page, "assessment.scale.2")))
        data = json.loads(stored(page))
        assert data["version"] == FORMAT_VERSION == 4
        assert data["ratings"][ids[0]]["value"] == 5 and ids[1] not in data["ratings"]
        assert data["earlier"][ids[1]]["value"] == 4
        # A group file carries this round only.
        group = save_group_file(page, tmp_path / "g.json")
        assert group["ratings"] == {ids[0]: 5}
        statement = page.locator(f'fieldset[data-statement-id="{ids[0]}"] legend').text_content().strip()
        second = page.locator(f'fieldset[data-statement-id="{ids[1]}"] legend').text_content().strip()
        page.goto(server.url + lang_path + NOTES)
        export_file(page, "notes.export.md", tmp_path / "n.md")
        export_file(page, "notes.export.json", tmp_path / "n.json")
        now_text, then_text = ui(page, "assessment.scale.5"), ui(page, "assessment.earlier_cell", answer=ui(page, "assessment.scale.2"), date=before[ids[0]]["updated"][:10])
        column = ui(page, "assessment.earlier_column")
        assert page.errors == []
    md = (tmp_path / "n.md").read_text(encoding="utf-8")
    assert column in md
    assert f"| {statement} | {now_text} | {then_text} |" in md
    assert any(line.startswith(f"| {second} |  | ") for line in md.splitlines())
    exported = json.loads((tmp_path / "n.json").read_text(encoding="utf-8"))
    assert exported["version"] == 4 and exported["earlier"][ids[0]]["value"] == 2

    # The export goes to a fresh browser with both rounds.
    with new_page(browser) as fresh:
        fresh.goto(server.url + lang_path + NOTES)
        choose_import(fresh, "n.json", (tmp_path / "n.json").read_bytes())
        fresh.get_by_role("button", name=ui(fresh, "notes.import.replace")).click()
        expect(fresh.locator('[data-notes-tools="import"] .notes-message')).to_have_text(ui(fresh, "notes.import.done.replace"))
        data = snapshot(fresh)
        assert data["earlier"][ids[0]]["value"] == 2 and data["ratings"][ids[0]]["value"] == 5


def test_notes_and_exports_of_version_3_come_through(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + MODULE_1)
        assert STORED_V3["version"] == 3
        page.evaluate(f"text => localStorage.setItem({store_key_js(3)}, text)", json.dumps(STORED_V3))
        page.reload()
        rated = [sid for sid in statement_ids(page, "varfor-nara-vard") if sid in STORED_V3["ratings"]]
        assert rated
        for sid in rated:
            assert radios_checked(page, sid) == [str(STORED_V3["ratings"][sid]["value"])]
        expect(page.locator(".assessment__earlier:visible")).to_have_count(0)
        assert snapshot(page)["earlier"] == {}
        # The first change moves the notes to version 4 and removes the version 3 key.
        page.locator("section.assessment").first.get_by_role("button", name=ui(page, "assessment.again")).click()
        data = json.loads(stored(page))
        assert data["version"] == 4 and page.evaluate(f"() => localStorage.getItem({store_key_js(3)})") is None
        assert {sid: data["earlier"][sid]["value"] for sid in rated} == {sid: STORED_V3["ratings"][sid]["value"] for sid in rated}
        assert data["answers"] == STORED_V3["answers"]
        assert page.errors == []

    # An exported .json of version 3 imports, as before.
    export_v3 = {k: v for k, v in STORED_V3.items() if k not in ("lastExport", "reminderDismissed")}
    export_v3.update({"format": "course-notes", "exported": "2026-05-04T09:00:00.000Z"})
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        choose_import(page, "v3.json", json.dumps(export_v3).encode())
        page.get_by_role("button", name=ui(page, "notes.import.merge")).click()
        expect(page.locator('[data-notes-tools="import"] .notes-message')).to_have_text(ui(page, "notes.import.done.merge"))
        data = snapshot(page)
        assert data["ratings"] == STORED_V3["ratings"] and data["earlier"] == {}
        assert page.errors == []
