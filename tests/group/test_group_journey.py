"""Issue 30: the group's journey ("Gruppens resa"), in Chromium.

- a facilitator records agreements in meeting mode in two meetings, then sees
  them gathered in course order and sets who, by when and status;
- the handover file goes to a fresh browser context, and everything is there;
- two occasions are built from two sets of three participants' files, and the
  comparison says in words what moved, as the counts say it should;
- the group store of the earlier version (frozen fixture) comes through;
- 200+ generated bad handover files are refused, with nothing lost.
"""

from __future__ import annotations

import base64
import copy
import json
import random
import zipfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.support.group_support import GROUP_PAGE, SLUG_3, counts_in_table, group_files_input
from tests.support.page_tour import AXE_OPTIONS, SIZES, describe
from tests.support.site_pages import offline_page
from tests.support.notes_support import HOSTILE, SETTLED, export_file, iso, new_page, stored, ui
from tests.support.bad_files import DELETE, with_change

JOURNEY = "gruppens-resa/"
FOUR = "modules/kom-igang-tillsammans/"
FOLLOW_UP = "uppfoljning/"
DIALOG = "dialog.meeting"
STATEMENTS_3 = [
    "modul-3-lage-kultur",
    "modul-3-lage-helhet",
    "modul-3-lage-erfarenheter",
    "modul-3-lage-resultat",
    "modul-3-lage-hinder",
    "modul-3-lage-utan-hierarki",
    "modul-3-lage-data",
]
SCALE = (1, 2, 3, 4, 5, 0)
# The handover file as the page would write it now (group-handover.js loads on demand).
HANDOVER = "async () => { await Course.loadScript('group-journey/group-handover.js'); return CourseGroupHandover.handover(); }"
FIXTURE_V1 = json.loads((Path(__file__).parents[1] / "fixtures" / "group-picture-v1-stored.json").read_text(encoding="utf-8"))


def group_store(page) -> dict | None:
    text = page.evaluate("() => localStorage.getItem(CourseGroupFile.STORE_KEY)")
    return json.loads(text) if text is not None else None


def record_agreement(page, url: str, step_id: str, text: str) -> None:
    """Meeting mode on `url`: the keys to the screen after `step_id`'s questions, then the scribe's field."""
    page.goto(url, wait_until="load")
    block = page.locator(f'section.reflection[data-step-id="{step_id}"] .meeting-launch__button')
    block.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{DIALOG}[open]")
    for _ in range(40):
        if page.evaluate("() => { const b = document.querySelector('.meeting__body'); return b.hasAttribute('data-agreed') && b.getAttribute('data-step-id'); }") == step_id:
            break
        page.keyboard.press("ArrowRight")
    else:
        raise AssertionError(f"the agreement screen of {step_id} was not reached")
    page.locator(DIALOG).get_by_label(ui(page, "meeting.agreed")).fill(text)
    page.keyboard.press("Escape")
    page.wait_for_selector(DIALOG, state="hidden")


def agreement(page, step_id: str):
    return page.locator(f'.journey-agreement[data-step-id="{step_id}"]')


def set_follow_up(page, step_id: str, who: str, due: str, status: str) -> None:
    item = agreement(page, step_id)
    field = item.get_by_label(ui(page, "journey.agreed.who"))
    field.fill(who)
    field.press("Tab")
    item.get_by_label(ui(page, "journey.agreed.due")).fill(due)
    item.get_by_label(ui(page, "journey.agreed.due")).dispatch_event("change")
    item.get_by_label(ui(page, "journey.agreed.status")).select_option(status)


def group_file(course_id: str, participant: str, ratings: list[int], answers: dict | None = None, name: str = "") -> dict:
    data = {
        "format": "course-group-file",
        "version": 1,
        "courseId": course_id,
        "module": SLUG_3,
        "assessmentVersion": 1,
        "statements": STATEMENTS_3,
        "participant": participant,
        "saved": "2026-12-01T10:00:00.000Z",
        "ratings": {sid: v for sid, v in zip(STATEMENTS_3, ratings) if v is not None},
        "answers": answers or {},
    }
    if name:
        data["name"] = name
    return data


# Two sets of three participants' files (the same people, months apart), by statement.
BEFORE = [[2, 1, 5, 3, 1, 4, 0], [2, 3, 5, 3, 2, 4, 0], [3, 5, 5, 3, 3, 4, 0]]
NOW = [[4, 3, 5, 3, 4, 4, 4], [4, 3, 4, 3, 4, 4, 0], [3, 3, 5, 3, 5, 4, 2]]


def expected_words(page, before: list[int], now: list[int]) -> list[str]:
    """What the comparison should say, worked out here from the counts alone."""
    nb, nn = sum(before), sum(now)
    if not nb or not nn:
        return [ui(page, "journey.moved.missing")]
    change = [now[i] / nn - before[i] / nb for i in range(6)]
    out = []
    up = max(range(6), key=lambda i: (change[i], -i))
    down = min(range(6), key=lambda i: (change[i], i))
    label = lambda i: ui(page, f"assessment.scale.{SCALE[i]}")  # noqa: E731
    pct = lambda c, n: round(100 * c / n + 1e-9)  # noqa: E731 (JavaScript's Math.round: halves up)
    if change[up] > 1e-9:
        out.append(ui(page, "journey.moved.more", answer=label(up), now=pct(now[up], nn), before=pct(before[up], nb)))
    if change[down] < -1e-9:
        out.append(ui(page, "journey.moved.fewer", answer=label(down), now=pct(now[down], nn), before=pct(before[down], nb)))
    if not out:
        out.append(ui(page, "journey.moved.same"))

    def spread(c):
        values = [v for i, v in enumerate(SCALE) if v for _ in range(c[i])]
        if len(values) < 2:
            return 0.0
        mean = sum(values) / len(values)
        return (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5

    sb, sn = spread(before), spread(now)
    if sn < sb - 0.05:
        out.append(ui(page, "journey.moved.spread_less"))
    elif sn > sb + 0.05:
        out.append(ui(page, "journey.moved.spread_more"))
    elif out[0] != ui(page, "journey.moved.same"):
        out.append(ui(page, "journey.moved.spread_same"))
    return out


def counts(files: list[list[int]], index: int) -> list[int]:
    return [sum(1 for f in files if f[index] == v) for v in SCALE]


def keep_occasion(page, server, paths: list[str], name: str, date: str, lang_path: str = "") -> None:
    """Read the files on the group page (cleared first), then keep the picture as an occasion."""
    page.goto(server.url + lang_path + GROUP_PAGE)
    page.get_by_label(ui(page, "group.module"), exact=True).select_option(SLUG_3)
    clear = page.get_by_role("button", name=ui(page, "group.clear"))
    if clear.is_visible():
        clear.click()
    group_files_input(page).set_input_files(paths)
    expect(page.locator(".group-status")).to_contain_text(ui(page, "group.summary", n=len(paths)))
    page.goto(server.url + lang_path + JOURNEY)
    page.get_by_label(ui(page, "journey.occasions.name")).fill(name)
    page.get_by_label(ui(page, "journey.occasions.date"), exact=True).fill(date)
    page.get_by_role("button", name=ui(page, "journey.occasions.keep")).click()
    expect(page.locator(".journey-status")).to_have_text(ui(page, "journey.occasions.kept", name=name))


@pytest.mark.parametrize("lang_path", ["", "en/"])
def test_agreements_from_two_meetings_are_gathered_with_who_when_and_status(browser, server, tmp_path, lang_path):
    with new_page(browser) as page:
        # Meeting 2 (module 4, step 1) and the follow-up meeting, each in meeting mode.
        record_agreement(page, server.url + lang_path + FOUR, "steg-1", "Anna bjuder in till nästa möte.\n" + HOSTILE)
        record_agreement(page, server.url + lang_path + FOLLOW_UP, "uppfoljning-framat", "Vi följer upp väntetiderna tillsammans.")
        record_agreement(page, server.url + lang_path + FOUR, "steg-3", "Ett gemensamt mått på hemgång.")
        page.goto(server.url + lang_path + JOURNEY)
        items = page.locator(".journey-agreement")
        # In course order: module 4's steps before the follow-up meeting's, whatever order they were written in.
        assert items.evaluate_all("els => els.map(e => e.dataset.stepId)") == ["steg-1", "steg-3", "uppfoljning-framat"]
        assert agreement(page, "steg-1").locator(".journey-agreement__text").text_content() == "Anna bjuder in till nästa möte.\n" + HOSTILE
        assert page.evaluate("() => window.__owned") is None
        set_follow_up(page, "steg-1", "Anna", "2027-02-14", "under_way")
        set_follow_up(page, "uppfoljning-framat", "Bo och Li", "2027-06-01", "done")
        expect(page.locator(".journey-status")).to_have_text(ui(page, "journey.saved"))
        page.reload()
        item = agreement(page, "steg-1")
        expect(item.get_by_label(ui(page, "journey.agreed.who"))).to_have_value("Anna")
        expect(item.get_by_label(ui(page, "journey.agreed.due"))).to_have_value("2027-02-14")
        expect(item.get_by_label(ui(page, "journey.agreed.status"))).to_have_value("under_way")
        expect(agreement(page, "uppfoljning-framat").get_by_label(ui(page, "journey.agreed.status"))).to_have_value("done")
        expect(agreement(page, "steg-3").get_by_label(ui(page, "journey.agreed.status"))).to_have_value("agreed")
        followup = group_store(page)["followup"]
        assert {k: (v["who"], v["due"], v["status"]) for k, v in followup.items()} == {
            "steg-1": ("Anna", "2027-02-14", "under_way"),
            "uppfoljning-framat": ("Bo och Li", "2027-06-01", "done"),
        }
        # The notes keep the agreements' texts; the group store only who, when and status.
        assert "Anna bjuder in" not in json.dumps(followup)
        # The meeting notes' exports carry them, with who, when and status.
        page.goto(server.url + lang_path + "anteckningar/")
        export_file(page, "notes.export.md", tmp_path / "moten.md")
        export_file(page, "notes.export.docx", tmp_path / "moten.docx")
        assert page.errors == []
        status = ui(page, "journey.status.under_way")
        heading = ui(page, "journey.agreed.heading")
    md = (tmp_path / "moten.md").read_text(encoding="utf-8")
    assert heading in md
    row = next(line for line in md.splitlines() if "2027-02-14" in line)
    assert "Anna" in row and status in row and "Bo och Li" not in row
    with zipfile.ZipFile(tmp_path / "moten.docx") as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "2027-02-14" in document and "Bo och Li" in document and "&lt;script&gt;" in document and "<script>" not in document


@pytest.mark.parametrize("lang_path", ["", "en/"])
def test_printed_agreements_show_who_when_and_status_as_text(browser, server, lang_path):
    """Printing the page: each agreement with its who, by when and status as text, and no form fields."""
    with new_page(browser) as page:
        page.goto(server.url + lang_path + JOURNEY)
        page.evaluate(
            """() => {
                CourseNotes.setAgreed('steg-1', 'Anna bjuder in till nästa möte.', 'Steg 1');
                CourseNotes.setAgreed('steg-3', 'Ett gemensamt mått på hemgång.', 'Steg 3');
            }"""
        )
        page.evaluate(SETTLED)
        page.reload()
        set_follow_up(page, "steg-1", "Anna och Bo", "2027-02-14", "under_way")
        expect(page.locator(".journey-status")).to_have_text(ui(page, "journey.saved"))
        # On screen the fields, and no printed line.
        assert agreement(page, "steg-1").locator(".journey-agreement__print").is_hidden()
        page.emulate_media(media="print")
        for step_id in ("steg-1", "steg-3"):
            item = agreement(page, step_id)
            assert item.locator(".journey-agreement__text").is_visible()
            assert item.locator(".journey-agreement__print").is_visible()
            for field in item.locator("input, select").all():
                assert field.is_hidden(), step_id
            assert item.locator(".journey-agreement__link").is_hidden()
        printed = agreement(page, "steg-1").locator(".journey-agreement__printed").all_text_contents()
        # In English too the day comes first: British, never "February 14, 2027".
        due = {"": "14 februari 2027", "en/": "14 February 2027"}[lang_path]
        assert printed == [
            ui(page, "journey.agreed.who") + ": Anna och Bo",
            ui(page, "journey.agreed.due") + ": " + due,
            ui(page, "journey.agreed.status") + ": " + ui(page, "journey.status.under_way"),
        ]
        # An agreement with nothing set prints its status only.
        assert agreement(page, "steg-3").locator(".journey-agreement__printed").all_text_contents() == [
            ui(page, "journey.agreed.status") + ": " + ui(page, "journey.status.agreed")
        ]
        # The tools stay off the paper.
        for selector in (".journey-keep", ".journey-handover", ".md-header", ".md-sidebar--primary"):
            if page.locator(selector).count():
                assert page.locator(selector).first.is_hidden(), selector
        # A change made later reaches the printed line too.
        page.emulate_media(media="screen")
        agreement(page, "steg-1").get_by_label(ui(page, "journey.agreed.status")).select_option("done")
        expect(agreement(page, "steg-1").locator(".journey-agreement__printed").last).to_have_text(
            ui(page, "journey.agreed.status") + ": " + ui(page, "journey.status.done")
        )
        assert page.errors == []


def test_the_handover_file_carries_everything_to_a_fresh_browser(browser, server, tmp_path):
    target = tmp_path / "overlamning.json"
    with new_page(browser) as page:
        page.goto(server.url + JOURNEY)
        course_id = page.evaluate("() => Course.config.courseId")
        page.evaluate(
            """() => {
                CourseNotes.setAgreed('modul-1', 'Vi kartlägger invånarnas vägar.', 'Reflektera: Varför Nära vård?');
                CourseNotes.setAgreed('steg-2a', 'Bo skriver ett förslag till syfte.', 'Steg 2');
            }"""
        )
        page.evaluate(SETTLED)  # the notes store has asked its IndexedDB copy before it wrote
        page.reload()
        set_follow_up(page, "steg-2a", "Bo", "2027-03-01", "done")
        paths = []
        for n, ratings in enumerate(BEFORE):
            path = tmp_path / f"fore-{n}.json"
            path.write_text(json.dumps(group_file(course_id, f"p-before{n}aaaaa", ratings)), encoding="utf-8")
            paths.append(str(path))
        keep_occasion(page, server, paths, "Möte 1, 14 januari", "2027-01-14")
        expect(page.locator(".journey-occasion")).to_have_count(1)
        with page.expect_download() as info:
            page.get_by_role("button", name=ui(page, "journey.handover.save")).click()
        info.value.save_as(target)
        sent = page.evaluate(HANDOVER)
        assert page.errors == []
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "course-handover" and data["version"] == 1 and data["courseId"] == course_id
    assert data["agreements"]["steg-2a"]["who"] == "Bo" and data["agreements"]["steg-2a"]["status"] == "done"
    assert len(data["occasions"]) == 1
    # An occasion keeps counts and shared answers, never a participant's id.
    assert "p-before" not in target.read_text(encoding="utf-8")

    with new_page(browser) as fresh:
        fresh.goto(server.url + JOURNEY)
        expect(fresh.locator(".group-journey")).to_contain_text(ui(fresh, "journey.agreed.none"))
        fresh.get_by_label(ui(fresh, "journey.handover.choose")).set_input_files(str(target))
        expect(fresh.locator(".journey-message")).to_have_text(ui(fresh, "journey.handover.taken", agreements=2, occasions=1))
        fresh.reload()
        expect(fresh.locator(".journey-agreement")).to_have_count(2)
        item = agreement(fresh, "steg-2a")
        expect(item.locator(".journey-agreement__text")).to_have_text("Bo skriver ett förslag till syfte.")
        expect(item.get_by_label(ui(fresh, "journey.agreed.who"))).to_have_value("Bo")
        expect(item.get_by_label(ui(fresh, "journey.agreed.due"))).to_have_value("2027-03-01")
        expect(item.get_by_label(ui(fresh, "journey.agreed.status"))).to_have_value("done")
        expect(fresh.locator(".journey-occasion")).to_have_count(1)
        got = fresh.evaluate(HANDOVER)
        for side in (sent, got):
            side.pop("exported")
        assert got == sent
        # Read twice: nothing doubles.
        fresh.get_by_label(ui(fresh, "journey.handover.choose")).set_input_files(str(target))
        expect(fresh.locator(".journey-message")).to_have_text(ui(fresh, "journey.handover.taken", agreements=2, occasions=1))
        again = fresh.evaluate(HANDOVER)
        again.pop("exported")
        assert again == sent
        assert fresh.errors == []


@pytest.mark.parametrize("lang_path", ["", "en/"])
def test_two_occasions_of_three_files_each_are_compared_in_words(browser, server, tmp_path, lang_path):
    with new_page(browser) as page:
        page.goto(server.url + lang_path + JOURNEY)
        course_id = page.evaluate("() => Course.config.courseId")
        sets = {}
        for label, rows in (("before", BEFORE), ("now", NOW)):
            sets[label] = []
            for n, ratings in enumerate(rows):
                answers = {"modul-3-komplexitet": {"asked": "Fråga", "text": f"Delat svar {label} {n}"}} if n == 0 else {}
                path = tmp_path / f"{label}-{n}.json"
                path.write_text(json.dumps(group_file(course_id, f"p-{label}{n}aaaaaaa", ratings, answers, name="Anna" if n == 1 else "")), encoding="utf-8")
                sets[label].append(str(path))
        keep_occasion(page, server, sets["before"], "Möte 1, 14 januari", "2027-01-14", lang_path)
        keep_occasion(page, server, sets["now"], "Uppföljning", "2027-06-10", lang_path)
        expect(page.locator(".journey-occasion")).to_have_count(2)
        expect(page.get_by_label(ui(page, "journey.compare.before"))).to_have_value(group_store(page)["occasions"][0]["id"])
        stored_occasions = json.dumps(group_store(page)["occasions"])
        assert "Anna" not in stored_occasions and "p-before" not in stored_occasions and "p-now" not in stored_occasions
        assert "Delat svar before 0" in stored_occasions
        for index, sid in enumerate(STATEMENTS_3):
            block = page.locator(f'.journey-statement[data-statement-id="{sid}"]')
            before, now = counts(BEFORE, index), counts(NOW, index)
            words = block.locator(".journey-moved li").all_text_contents()
            assert words == expected_words(page, before, now), sid
            table = block.locator("table")
            rows = [[c.strip() for c in r] for r in table.locator("tbody tr").evaluate_all("rs => rs.map(r => [...r.cells].map(c => c.textContent))")]
            assert rows == [[ui(page, f"assessment.scale.{v}"), str(before[i]), str(now[i])] for i, v in enumerate(SCALE)]
        # One statement, worked out by hand: 2, 2, 3 before and 4, 4, 3 now.
        first = page.locator(f'.journey-statement[data-statement-id="{STATEMENTS_3[0]}"] .journey-moved li')
        expect(first.first).to_have_text(ui(page, "journey.moved.more", answer=ui(page, "assessment.scale.4"), now=67, before=0))
        # A spread that narrowed: 1, 3, 5 before and 3, 3, 3 now.
        expect(page.locator(f'.journey-statement[data-statement-id="{STATEMENTS_3[1]}"] .journey-moved li').last).to_have_text(ui(page, "journey.moved.spread_less"))
        axe = Axe()
        problems = {}
        for size, viewport in SIZES.items():
            page.set_viewport_size(viewport)
            # No CSS transition running (the header's search field, a button's focus colours).
            page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
            problems[size] = describe(axe.run(page, options=AXE_OPTIONS).response["violations"])
        assert problems == {size: [] for size in SIZES}

        # Rename one, drop the other, with the keyboard.
        rename = page.get_by_label(ui(page, "journey.occasions.new_name", name="Uppföljning"))
        rename.fill("Uppföljning i juni")
        rename.press("Tab")
        page.keyboard.press("Enter")
        expect(page.locator(".journey-status")).to_have_text(ui(page, "journey.occasions.renamed", name="Uppföljning i juni"))
        page.get_by_role("button", name=ui(page, "journey.occasions.drop", name="Möte 1, 14 januari")).focus()
        page.keyboard.press("Enter")
        expect(page.locator(".journey-occasion")).to_have_count(1)
        expect(page.locator(".journey-compare")).to_have_text(ui(page, "journey.compare.need_two"))
        assert [o["name"] for o in group_store(page)["occasions"]] == ["Uppföljning i juni"]
        assert page.errors == []


def test_the_group_store_of_version_1_comes_through(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + JOURNEY)
        course_id = page.evaluate("() => Course.config.courseId")
        assert FIXTURE_V1["courseId"] == course_id
        page.evaluate("text => { localStorage.clear(); localStorage.setItem(Course.config.courseId + ':group-picture:v1', text); }", json.dumps(FIXTURE_V1))
        page.goto(server.url + GROUP_PAGE)
        page.get_by_label(ui(page, "group.module"), exact=True).select_option(SLUG_3)
        expect(page.locator(".group-status")).to_contain_text(ui(page, "group.summary", n=3))
        assert counts_in_table(page, "modul-3-lage-resultat") == {1: 1, 2: 0, 3: 1, 4: 0, 5: 1, 0: 0}
        expect(page.locator(".group-answers__list li")).to_have_text([FIXTURE_V1["modules"][SLUG_3]["participants"]["p-aaaaaaaaaaaa"]["answers"]["modul-3-komplexitet"]["text"]])
        # The first write moves it to version 2 and removes the old key.
        page.goto(server.url + JOURNEY)
        page.get_by_label(ui(page, "journey.occasions.name")).fill("Möte 1")
        page.get_by_role("button", name=ui(page, "journey.occasions.keep")).click()
        expect(page.locator(".journey-occasion")).to_have_count(1)
        keys = page.evaluate("() => Object.keys(localStorage)")
        # Beside the notes, where their copy in IndexedDB and a platform's learner key cover it.
        assert page.evaluate("() => CourseGroupFile.STORE_KEY") == f"{course_id}:notes:group-picture:v2"
        assert f"{course_id}:group-picture:v1" not in keys and f"{course_id}:notes:group-picture:v2" in keys
        store = group_store(page)
        assert store["version"] == 2 and store["modules"] == FIXTURE_V1["modules"]
        assert store["occasions"][0]["modules"][SLUG_3]["counts"]["modul-3-lage-resultat"] == [1, 0, 1, 0, 1, 0]

        # Version 2 under the key it had before it moved beside the notes: read, and moved at the first write.
        page.evaluate(SETTLED)
        page.evaluate(
            """text => new Promise((resolve, reject) => {
                 localStorage.clear();
                 localStorage.setItem(Course.config.courseId + ':group-picture:v2', text);
                 const request = indexedDB.deleteDatabase('course-notes');
                 request.onsuccess = () => resolve(); request.onerror = () => reject(request.error); })""",
            json.dumps(store),
        )
        page.goto(server.url + JOURNEY)
        expect(page.locator(".journey-occasion")).to_have_count(1)
        page.get_by_label(ui(page, "journey.occasions.name")).fill("Möte 2")
        page.get_by_role("button", name=ui(page, "journey.occasions.keep")).click()
        expect(page.locator(".journey-occasion")).to_have_count(2)
        keys = page.evaluate("() => Object.keys(localStorage)")
        assert f"{course_id}:group-picture:v2" not in keys and f"{course_id}:notes:group-picture:v2" in keys
        assert group_store(page)["modules"] == FIXTURE_V1["modules"]
        assert page.errors == []


# Bad handover files



def good_handover(course_id: str) -> dict:
    return {
        "format": "course-handover",
        "version": 1,
        "courseId": course_id,
        "exported": "2026-12-06T10:00:00.000Z",
        "agreements": {
            "steg-1": {"text": "Anna bjuder in.", "asked": "Steg 1", "updated": "2026-12-01T10:00:00.000Z", "who": "Anna", "due": "2027-01-31", "status": "under_way"},
        },
        "occasions": [
            {
                "id": "o-abcdefgh12",
                "name": "Möte 1",
                "date": "2027-01-14",
                "saved": "2027-01-14T12:00:00.000Z",
                "modules": {SLUG_3: {"version": 1, "people": 3, "counts": {STATEMENTS_3[0]: [0, 2, 1, 0, 0, 0]}, "answers": {"modul-3-komplexitet": {"asked": "Fråga", "texts": ["a", "b"]}}}},
            }
        ],
    }


def changed(course_id: str, path: tuple, value) -> bytes:
    return with_change(good_handover(course_id), path, value)


def generated_bad_handovers(course_id: str) -> list[tuple[str, bytes, set[str]]]:
    rng = random.Random(30)
    good = json.dumps(good_handover(course_id)).encode()
    files: list[tuple[str, bytes, set[str]]] = [("the good file", good, {"ok"})]
    files.append(("another course", changed(course_id, ("courseId",), "another-course"), {"course"}))
    files.append(("no course", changed(course_id, ("courseId",), DELETE), {"course"}))
    for v in (0, -1, 2, 99, 1.5, "1", None, True, [1]):
        files.append((f"version {v!r}", changed(course_id, ("version",), v), {"version"}))
    files.append(("no version", changed(course_id, ("version",), DELETE), {"version"}))
    for f in ("course-notes", "course-group-file", None, 1, "Course-Handover"):
        files.append((f"format {f!r}", changed(course_id, ("format",), f), {"format"}))
    O = ("occasions", 0)
    M = (*O, "modules", SLUG_3)
    A = ("agreements", "steg-1")
    wrong = [
        (("exported",), "igår"), (("exported",), DELETE), (("exported",), 5),
        (("agreements",), []), (("agreements",), None), (("agreements",), DELETE),
        (A, "text"), (A, None), ((*A, "text"), ""), ((*A, "text"), 5), ((*A, "text"), "x" * 100_001), ((*A, "text"), DELETE),
        ((*A, "updated"), "nyss"), ((*A, "updated"), DELETE), ((*A, "asked"), 3), ((*A, "asked"), "x" * 2001),
        ((*A, "who"), 3), ((*A, "who"), "x" * 201), ((*A, "due"), "2027-02-30"), ((*A, "due"), "31/1 2027"), ((*A, "due"), 20270131),
        ((*A, "status"), "klart"), ((*A, "status"), None), ((*A, "status"), ""), ((*A, "extra"), 1),
        (("agreements", "Fel Id"), {"text": "a", "updated": "2026-12-01T10:00:00Z"}),
        (("agreements", "../x"), {"text": "a", "updated": "2026-12-01T10:00:00Z"}),
        (("agreements", "__proto__"), {"text": "a", "updated": "2026-12-01T10:00:00Z", "status": "nope"}),
        (("agreements",), {f"s-{n}": {"text": "a", "updated": "2026-12-01T10:00:00Z"} for n in range(1001)}),
        (("occasions",), {}), (("occasions",), None), (("occasions",), DELETE), (("occasions",), ["x"]),
        (("occasions",), [good_handover(course_id)["occasions"][0]] * 101),
        ((*O, "id"), "abc"), ((*O, "id"), "o-short"), ((*O, "id"), None), ((*O, "id"), DELETE),
        ((*O, "name"), ""), ((*O, "name"), "   "), ((*O, "name"), "x" * 201), ((*O, "name"), 7),
        ((*O, "date"), "2027-13-01"), ((*O, "date"), "14 januari"), ((*O, "date"), None),
        ((*O, "saved"), "då"), ((*O, "extra"), True), ((*O, "participants"), {}),
        ((*O, "modules"), []), ((*O, "modules"), None), ((*O, "modules", "Fel Slug"), {}),
        ((*M, "version"), 0), ((*M, "version"), 1.5), ((*M, "version"), "1"),
        ((*M, "people"), -1), ((*M, "people"), 2.5), ((*M, "people"), None),
        ((*M, "counts"), []), ((*M, "counts", STATEMENTS_3[0]), [1, 2, 3]), ((*M, "counts", STATEMENTS_3[0]), [0, 0, 0, 0, 0, 4]),
        ((*M, "counts", STATEMENTS_3[0]), [0, -1, 1, 0, 0, 0]), ((*M, "counts", STATEMENTS_3[0]), [0, 1.5, 1, 0, 0, 0]),
        ((*M, "counts", STATEMENTS_3[0]), "3"), ((*M, "counts", "Fel Id"), [0, 0, 0, 0, 0, 0]),
        ((*M, "answers"), []), ((*M, "answers", "modul-3-komplexitet"), "text"), ((*M, "answers", "modul-3-komplexitet", "texts"), "a"),
        ((*M, "answers", "modul-3-komplexitet", "texts"), [1]), ((*M, "answers", "modul-3-komplexitet", "asked"), None),
        ((*M, "answers", "modul-3-komplexitet", "name"), "Anna"), ((*M, "participant"), "p-aaaaaaaaaa"),
        (("unknown",), "key"), (("participants",), {}),
    ]
    for path, value in wrong:
        files.append((f"{'/'.join(map(str, path))} = {str(value)[:30]!r}", changed(course_id, path, value), {"types"}))
    # Random damage: one value anywhere replaced with something of another type.
    leaves = [
        A + ("text",), A + ("updated",), A + ("who",), A + ("due",), A + ("status",), O + ("id",), O + ("name",), O + ("date",), O + ("saved",),
        M + ("version",), M + ("people",), M + ("counts",), M + ("answers",), ("exported",), ("agreements",), ("occasions",),
    ]
    junk = [None, True, False, -7, 2.5, 1e308, "", "x", [], {}, [None], {"a": 1}, "2027-02-31", "<b>x</b>"]
    while len(files) < 190:
        path = rng.choice(leaves)
        value = rng.choice(junk)
        data = good_handover(course_id)
        node = data
        for key in path[:-1]:
            node = node[key]
        valid_text = isinstance(value, str) and {"who": True, "text": value != "", "name": value.strip() != ""}.get(path[-1], False)
        if node[path[-1]] == value or valid_text:
            continue
        if path[-1] in ("version", "people") and isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 1 and value % 1 == 0 and value < 1000:
            continue
        node[path[-1]] = value
        files.append((f"random {'/'.join(map(str, path))} = {value!r}", json.dumps(data).encode(), {"types"}))
    for n, text in enumerate(["", " ", "null", "[]", '""', "123", "true", "{}", "\ufeff", "[{}]"]):
        files.append((f"almost empty {n}: {text!r}", text.encode(), {"not_json", "format"}))
    files.append(("UTF-16 without a byte order mark", good.decode().encode("utf-16-le"), {"not_json"}))
    files.append(("an HTML page", b"<!doctype html><script>window.__owned=1</script>", {"not_json"}))
    files.append(("a .docx zip", b"PK\x03\x04" + bytes(200), {"not_json"}))
    files.append(("cut off half way", good[: len(good) // 2], {"not_json"}))
    files.append(("a notes export", json.dumps({"format": "course-notes", "version": 3, "courseId": course_id}).encode(), {"format"}))
    files.append(("a group file", json.dumps(group_file(course_id, "p-aaaaaaaaaa", [1] * 7)).encode(), {"format"}))
    files.append(("5 MB text", changed(course_id, (*A, "text"), "x" * 5_000_000), {"too_large"}))
    files.append(("just over the limit", b" " * (4 * 1024 * 1024 + 1), {"too_large"}))
    # Well-formed, with hostile text: taken, and shown as text.
    for n, text in enumerate([HOSTILE, "<img src=x onerror=window.__owned=5>", "\u202eRTL", "🙂" * 50]):
        data = good_handover(course_id)
        data["agreements"]["steg-1"]["text"] = text
        data["occasions"][0]["name"] = text[:200]
        files.append((f"hostile text {n}", json.dumps(data).encode(), {"ok"}))
    return files


READ_IN_PAGE = """async ([b64, name]) => {
    const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
    try {
        const text = await new File([bytes], name).text();
        await Course.loadScript('group-journey/group-handover.js');
        const r = CourseGroupHandover.parse(text);
        return r.ok ? {ok: true} : {ok: false, reason: r.reason};
    } catch (e) {
        return {thrown: String(e)};
    }
}"""


def test_at_least_200_generated_bad_handover_files_are_refused_with_nothing_lost(browser, server, tmp_path):
    with new_page(browser) as page:
        page.goto(server.url + JOURNEY)
        page.evaluate("() => CourseNotes.setAgreed('steg-2b', 'Det här ska vara kvar.', 'Steg 2b')")
        page.evaluate(SETTLED)
        page.reload()
        set_follow_up(page, "steg-2b", "Li", "2027-04-01", "under_way")
        page.evaluate(
            """() => {
                window.__uncaught = [];
                window.addEventListener('error', e => window.__uncaught.push(String(e.message)));
                window.addEventListener('unhandledrejection', e => window.__uncaught.push(String(e.reason)));
            }"""
        )
        notes_before, group_before = stored(page), group_store(page)
        files = generated_bad_handovers(page.evaluate("() => Course.config.courseId"))
        assert len([f for f in files if f[2] != {"ok"}]) >= 200, len(files)
        wrong = []
        for description, data, expected in files:
            result = page.evaluate(READ_IN_PAGE, [base64.b64encode(data).decode(), "bad.json"])
            outcome = "ok" if result.get("ok") is True else result.get("reason")
            if outcome not in expected:
                wrong.append((description, str(result)[:200]))
        assert wrong == []
        # Through the file chooser, as a facilitator would: each reason's message, and nothing changed.
        chooser = page.get_by_label(ui(page, "journey.handover.choose"))
        seen = set()
        for n, (description, data, expected) in enumerate(files):
            reason = next(iter(expected))
            if reason == "ok" or reason in seen or (expected == {"not_json", "format"}):
                continue
            seen.add(reason)
            path = tmp_path / f"fil-{n}.json"
            path.write_bytes(data)
            chooser.set_input_files(str(path))
            expect(page.locator(".journey-message")).to_have_text(ui(page, f"journey.handover.error.{reason}", file=path.name))
        assert seen == {"course", "version", "format", "types", "not_json", "too_large"}
        assert stored(page) == notes_before and group_store(page) == group_before
        page.reload()
        expect(agreement(page, "steg-2b").get_by_label(ui(page, "journey.agreed.who"))).to_have_value("Li")
        assert page.evaluate("() => window.__owned") is None
        assert page.errors == []
        print(f"\n{len(files)} generated handover files tried")


def test_the_page_works_from_disk(browser, offline_site, tmp_path):
    """The offline zip: the page, its scripts and a handover file, from file://."""
    with new_page(browser) as page:
        page.goto(offline_page(offline_site, "gruppens-resa").as_uri())
        expect(page.locator(".group-journey h2").first).to_have_text(ui(page, "journey.agreed.heading"))
        course_id = page.evaluate("() => Course.config.courseId")
        path = tmp_path / "overlamning.json"
        path.write_text(json.dumps(good_handover(course_id)), encoding="utf-8")
        page.get_by_label(ui(page, "journey.handover.choose")).set_input_files(str(path))
        expect(page.locator(".journey-message")).to_have_text(ui(page, "journey.handover.taken", agreements=1, occasions=1))
        expect(agreement(page, "steg-1").get_by_label(ui(page, "journey.agreed.who"))).to_have_value("Anna")
        assert page.errors == []


def test_handover_size_for_a_group_of_ten(browser, server):
    """Not a limit, a figure for the closing note: 30 agreements, three occasions of ten people."""
    with new_page(browser) as page:
        page.goto(server.url + JOURNEY)
        course_id = page.evaluate("() => Course.config.courseId")
        rng = random.Random(10)
        data = good_handover(course_id)
        # Thirty agreements of some 250 characters each, with who, when and status.
        words = ["följa upp", "invånarna", "hemtjänsten", "vårdcentralen", "tillsammans", "varje månad"]
        data["agreements"] = {
            f"steg-{n + 1}": {"text": "Vi har kommit överens om att " + " ".join(rng.choice(words) for _ in range(20)) + ".", "asked": f"Steg {n + 1}", "updated": iso(), "who": "Anna och Bo", "due": "2027-03-01", "status": "under_way"}
            for n in range(30)
        }
        occasions = []
        defs = page.evaluate("() => JSON.parse(document.getElementById('assessment-data').textContent)")
        for k in range(3):
            modules = {}
            for slug, d in defs.items():
                counts = {}
                for s in d["statements"]:
                    c = [0] * 6
                    for _ in range(10):
                        c[rng.randrange(6)] += 1
                    counts[s["id"]] = c
                modules[slug] = {"version": d["version"], "people": 10, "counts": counts, "answers": {"modul-3-komplexitet": {"asked": "Var i ert system finns komplexa delar?", "texts": ["Ett delat svar på ungefär tjugo ord om hur det ser ut hos oss, med ett exempel från hemsjukvården."] * 5}}}
            occasions.append({"id": f"o-occasion{k}aaaa", "name": f"Möte {k + 1}", "date": f"2027-0{k + 1}-14", "saved": iso(), "modules": modules})
        data["occasions"] = occasions
        page.evaluate("() => Course.loadScript('group-journey/group-handover.js')")
        assert page.evaluate("text => CourseGroupHandover.parse(text).ok", json.dumps(data))
        page.evaluate("text => CourseGroupHandover.take(CourseGroupHandover.parse(text).data)", json.dumps(data))
        size = len(json.dumps(page.evaluate(HANDOVER), ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        print(f"\nhandover file for 10 people, {len(data['agreements'])} agreements, 3 occasions: {size} bytes")
        assert size < 100_000
