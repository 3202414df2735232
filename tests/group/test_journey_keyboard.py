"""Gruppens resa as a keyboard and screen-reader user meets it, in both languages.

- Tab from the top of the page reaches every control of the agreements, the occasions,
  the comparison and the handover file, in reading order, each with a visible focus
  indicator inside the window, and each with a name in the accessibility tree
  (Playwright's ARIA snapshot) that says what it belongs to: which step's agreement,
  which occasion; no two controls share a name;
- what a sighted user sees after keep, rename, drop, a follow-up change, saving and
  reading a handover file reaches a live region, and focus stays on a control that
  shows it: never on <body>, after a drop on the occasion that took its place, after
  a refused file on the file chooser, with nothing changed.

Helpers: tests/support/keyboard_support.py (the focus measurements and the live-region
recorder of tests/accessibility/test_wcag_keyboard.py).
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.group.test_group_refusals import good_file
from tests.support.group_support import GROUP_PAGE
from tests.support.keyboard_support import LIVE_RECORDER, focus_problem, focus_state
from tests.support.notes_support import SETTLED, new_page, ui

JOURNEY = "gruppens-resa/"
SLUG_3 = "vad-ar-systemledarskap"
# Swedish light at a phone's width, English dark at a laptop's.
SETUPS = [("", 320, "light"), ("en/", 1366, "dark")]


def occasion(n: int, name: str, date: str) -> dict:
    return {
        "id": f"o-{n:08d}",
        "name": name,
        "date": date,
        "saved": f"2026-0{n}-01T10:00:00.000Z",
        "modules": {SLUG_3: {"version": 1, "people": 3, "counts": {"modul-3-lage-kultur": [1, 1, 1, 0, 0, 0]}, "answers": {}}},
    }


OCCASIONS = [occasion(1, "Våren", "2026-03-01"), occasion(2, "Hösten", "2026-10-01")]
SEED = """(occasions) => {
  CourseNotes.setAgreed('steg-1', 'Anna bjuder in till nästa möte.', 'Steg 1');
  CourseNotes.setAgreed('steg-3', 'Ett gemensamt mått på hemgång.', 'Steg 3');
  CourseGroupFile.change(p => { p.occasions = occasions; });
}"""

# The element with focus: a key to know it by, where it is, and whether it is part of the journey.
STOP = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  return { key: e.id || e.tagName.toLowerCase() + ':' + e.textContent.trim(), journey: !!e.closest('.group-journey'),
           top: Math.round(r.top + scrollY), left: Math.round(r.left + scrollX) };
}"""
# Every control of the journey a mouse can reach, by the same key.
CONTROLS = """() => [...document.querySelectorAll('.group-journey :is(a[href], button, input, select, textarea)')]
  .filter(e => e.checkVisibility() && e.getClientRects().length)
  .map(e => e.id || e.tagName.toLowerCase() + ':' + e.textContent.trim())"""


def context_for(browser, width: int, scheme: str):
    context = browser.new_context(viewport={"width": width, "height": 700}, color_scheme=scheme, accept_downloads=True)
    context.add_init_script(LIVE_RECORDER)
    return context


def role_and_name(page) -> tuple[str, str]:
    """The focused element's role and accessible name, from Playwright's ARIA snapshot."""
    line = page.locator(":focus").aria_snapshot().splitlines()[0].strip()
    line = line.removeprefix("- ").rstrip(":")
    if line.startswith("'") and line.endswith("'"):
        line = line[1:-1].replace("''", "'")
    found = re.match(r'(\w+)(?: "((?:[^"\\]|\\.)*)")?', line)
    assert found, line
    return found.group(1), (found.group(2) or "").replace('\\"', '"')


def said_includes(page, text: str) -> None:
    page.wait_for_function("t => window.__said.some(s => s.includes(t))", arg=text, timeout=5000)


def focused_id(page) -> str:
    return page.evaluate("() => document.activeElement === document.body ? '<body>' : document.activeElement.id")


@pytest.mark.parametrize(("lang_path", "width", "scheme"), SETUPS)
def test_tab_from_the_top_reaches_each_control_in_order_shown_and_named_for_what_it_belongs_to(browser, server, lang_path, width, scheme):
    context = context_for(browser, width, scheme)
    try:
        page = context.new_page()
        page.goto(server.url + lang_path + JOURNEY, wait_until="load")
        page.evaluate(SEED, OCCASIONS)
        page.evaluate(SETTLED)
        page.reload(wait_until="load")
        expect(page.locator("#journey-module")).to_be_attached()  # the comparison, loaded once two are kept
        steps = {s["id"]: s for s in json.loads(page.locator("#journey-data").text_content())}
        occasions = [o["name"] for o in OCCASIONS]
        keep, save, choose = ui(page, "journey.occasions.keep"), ui(page, "journey.handover.save"), ui(page, "journey.handover.choose")
        expected = []
        for n, step_id in enumerate(("steg-1", "steg-3")):
            expected += [f"journey-a{n}-who", f"journey-a{n}-due", f"journey-a{n}-status", "a:" + ui(page, "journey.agreed.open", step=steps[step_id]["title"])]
        expected += ["journey-name", "journey-date", "button:" + keep]
        for n, name in enumerate(occasions):
            expected += [f"journey-rename-{n}", "button:" + ui(page, "journey.occasions.rename", name=name), "button:" + ui(page, "journey.occasions.drop", name=name)]
        expected += ["journey-before", "journey-now", "journey-module", "button:" + save, "journey-file"]
        assert sorted(page.evaluate(CONTROLS)) == sorted(expected), "a control of the page is missing from the expected path"

        # Tab from the top of the page until focus has left the journey again.
        stops, names, problems, previous, where = [], {}, [], None, None
        for _ in range(250):
            page.keyboard.press("Tab")
            stop = page.evaluate(STOP)
            assert stop is not None, f"focus fell to <body> after {stops[-1:]}"
            if previous and stop["key"] == previous["key"]:
                continue  # a date field's day, month and year
            if stops and not stop["journey"]:
                break
            previous = stop
            if not stop["journey"]:
                continue
            stops.append(stop["key"])
            if problem := focus_problem(page, focus_state(page)):
                problems.append(problem)
            role, name = role_and_name(page)
            names[stop["key"]] = (role, name)
            # Reading order: further down, or on the same line further right.
            if where is not None:
                assert stop["top"] > where[0] + 2 or (abs(stop["top"] - where[0]) <= 2 and stop["left"] > where[1]), f"{stop['key']} comes before {stops[-2]} on the page"
            where = (stop["top"], stop["left"])
        assert stops == expected
        assert problems == []

        # Names: each one, once; a field says its label first (WCAG 2.5.3) and then whose it is.
        assert all(name.strip() for _, name in names.values()), names
        taken = [name for _, name in names.values()]
        assert sorted({n for n in taken if taken.count(n) > 1}) == [], "controls that a screen reader cannot tell apart"
        for n, step_id in enumerate(("steg-1", "steg-3")):
            title = steps[step_id]["title"]
            for field, key, role in (("who", "journey.agreed.who", "textbox"), ("due", "journey.agreed.due", "textbox"), ("status", "journey.agreed.status", "combobox")):
                got_role, name = names[f"journey-a{n}-{field}"]
                assert got_role == role and name.startswith(ui(page, key)) and title in name, (field, name)
        for n, occasion_name in enumerate(occasions):
            assert occasion_name in names[f"journey-rename-{n}"][1]
            rename = names["button:" + ui(page, "journey.occasions.rename", name=occasion_name)]
            assert rename[0] == "button" and occasion_name in rename[1]
        assert names["journey-file"][1] == choose
        # The comparison's choices are a group named for it: "Before" and "Now" of what.
        controls = page.locator(".journey-compare__controls").aria_snapshot().splitlines()[0]
        assert controls.strip().removeprefix("- ").rstrip(":") == f'group "{ui(page, "journey.compare.heading")}"'
        for key in ("journey-before", "journey-now", "journey-module"):
            assert names[key][0] == "combobox"
    finally:
        context.close()


def group_files(course_id: str, n: int = 2) -> list[dict]:
    return [{"name": f"deltagare-{i}.json", "mimeType": "application/json", "buffer": json.dumps(good_file(course_id, i)).encode()} for i in range(n)]


def stored_state(page) -> str:
    page.evaluate(SETTLED)
    return page.evaluate("() => JSON.stringify([CourseGroupFile.load(), CourseNotes.read().agreed])")


@pytest.mark.parametrize(("lang_path", "width", "scheme"), SETUPS)
def test_what_each_action_says_reaches_a_live_region_and_focus_stays_on_a_control(browser, server, tmp_path, lang_path, width, scheme):
    context = context_for(browser, width, scheme)
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        # A group picture to keep: two participants' files read on the group page.
        page.goto(server.url + lang_path + GROUP_PAGE + "#" + SLUG_3, wait_until="load")
        page.get_by_label(ui(page, "group.choose")).set_input_files(group_files(page.evaluate("Course.config.courseId")))
        expect(page.locator(".group-chart").first).to_be_visible()
        page.evaluate("() => CourseNotes.setAgreed('steg-1', 'Anna bjuder in till nästa möte.', 'Steg 1')")
        page.evaluate(SETTLED)
        page.goto(server.url + lang_path + JOURNEY, wait_until="load")

        def shows_focus(where: str) -> None:
            assert (problem := focus_problem(page, focus_state(page))) is None, f"{where}: {problem}"

        # Keep: without a name, then twice with one (Enter in the name field).
        name = page.locator("#journey-name")
        name.focus()
        page.keyboard.press("Enter")
        said_includes(page, ui(page, "journey.occasions.need_name"))
        assert focused_id(page) == "journey-name"
        for label in ("Möte 1", "Möte 2"):
            page.keyboard.type(label)
            page.keyboard.press("Enter")
            said_includes(page, ui(page, "journey.occasions.kept", name=label))
            assert focused_id(page) == "journey-name"
        shows_focus("after keep")
        expect(page.locator("#journey-module")).to_be_attached()

        # Rename: the field, Tab to its button, Enter; focus back in the renamed occasion's field.
        rename = page.locator("#journey-rename-0")
        rename.focus()
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type("Möte 1 i mars")
        page.keyboard.press("Tab")
        assert role_and_name(page) == ("button", ui(page, "journey.occasions.rename", name="Möte 1"))
        page.keyboard.press("Enter")
        said_includes(page, ui(page, "journey.occasions.renamed", name="Möte 1 i mars"))
        assert focused_id(page) == "journey-rename-0"
        expect(page.locator("#journey-rename-0")).to_have_value("Möte 1 i mars")
        shows_focus("after rename")

        # A choice in the comparison draws it again; focus stays on the same choice.
        page.locator("#journey-before").focus()
        page.locator("#journey-before").select_option(index=1)
        assert focused_id(page) == "journey-before"
        shows_focus("after choosing in the comparison")

        # Drop: focus goes to the occasion that took its place, not to <body> with the removed button.
        page.get_by_role("button", name=ui(page, "journey.occasions.drop", name="Möte 1 i mars")).focus()
        page.keyboard.press("Enter")
        said_includes(page, ui(page, "journey.occasions.dropped", name="Möte 1 i mars"))
        expect(page.locator(".journey-occasion")).to_have_count(1)
        assert focused_id(page) == "journey-rename-0"
        expect(page.locator("#journey-rename-0")).to_have_value("Möte 2")
        shows_focus("after drop")
        # The last one dropped: focus to naming a new occasion.
        page.get_by_role("button", name=ui(page, "journey.occasions.drop", name="Möte 2")).focus()
        page.keyboard.press("Enter")
        said_includes(page, ui(page, "journey.occasions.dropped", name="Möte 2"))
        assert focused_id(page) == "journey-name"
        shows_focus("after the last drop")
        for label in ("Möte 3", "Möte 4"):
            page.keyboard.type(label)
            page.keyboard.press("Enter")
            said_includes(page, ui(page, "journey.occasions.kept", name=label))

        # A follow-up: who, then Tab; saved and said.
        page.locator("#journey-a0-who").focus()
        page.keyboard.type("Anna")
        page.keyboard.press("Tab")
        said_includes(page, ui(page, "journey.saved"))
        assert focused_id(page) == "journey-a0-due"

        # The handover file, saved from the keyboard.
        page.get_by_role("button", name=ui(page, "journey.handover.save")).focus()
        with page.expect_download() as info:
            page.keyboard.press("Enter")
        target = tmp_path / "overlamning.json"
        info.value.save_as(target)
        said_includes(page, ui(page, "journey.handover.saved", agreements=1, occasions=2))
        assert role_and_name(page) == ("button", ui(page, "journey.handover.save"))

        # Refused files: the reason said in this language, focus on the chooser, nothing changed.
        before = stored_state(page)
        chooser = page.locator("#journey-file")
        handover = json.loads(target.read_text(encoding="utf-8"))
        for reason, name, body in (
            ("course", "annan-kurs.json", json.dumps({**handover, "courseId": "en-annan-kurs"}).encode()),
            ("not_json", "inte-json.json", b"inte json"),
        ):
            chooser.focus()
            chooser.set_input_files({"name": name, "mimeType": "application/json", "buffer": body})
            said_includes(page, ui(page, f"journey.handover.error.{reason}", file=name))
            assert focused_id(page) == "journey-file"
            shows_focus(f"after a refused file ({reason})")
        assert stored_state(page) == before

        # A good file: what it brought is said, and focus stays on the chooser.
        chooser.focus()
        chooser.set_input_files(str(target))
        said_includes(page, ui(page, "journey.handover.taken", agreements=1, occasions=2))
        assert focused_id(page) == "journey-file"
        assert errors == []
    finally:
        context.close()
