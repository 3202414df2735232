"""Export and import on the "Mina anteckningar" page, in Chromium, with Playwright's download API."""

from __future__ import annotations

import json
import re
import zipfile

import markdown

import pytest
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree
from playwright.sync_api import expect

from tests.support.browser import RequestLog
from tests.support.notes_support import (
    FORMAT_VERSION,
    HOSTILE,
    NOTES,
    agreed_field,
    choose_import,
    clear_with_confirmation,
    export_file,
    field,
    import_summary,
    new_page,
    question_ids,
    snapshot,
    step_ids,
    stored,
    ui,
    write,
)

# Reader text that tests escaping and layout: markup, quotes, ampersands, line breaks, a tab,
# characters outside the Basic Multilingual Plane, and a control character XML cannot hold.
TRICKY = "Rad ett & <två>\nRad \"tre\"\tmed tabb – åäö 🙂\u0001 slut"
TRICKY_IN_DOCX = TRICKY.replace("\u0001", "")


def fill_some_notes(page) -> dict:
    """Answers, an agreement and a group note, typed or set as a reader or scribe would."""
    ids = question_ids(page)
    expected = {
        ids[0]: "Första svaret",
        ids[6]: TRICKY,
        ids[-1]: HOSTILE,
    }
    for qid, text in expected.items():
        write(page, field(page, qid), text)
    write(page, agreed_field(page, "steg-1"), "Vi träffas varje månad.")
    assert page.evaluate("([id, t]) => CourseNotes.setGroupNote(id, t)", [ids[6], "Gruppen tyckte så här."]) == {"ok": True}
    return expected


def body_items(doc):
    """The .docx body in order: ('h', level, text), ('p', style, text) or ('t', first cell's text)."""
    items = []
    for child in doc.element.body.iterchildren():
        tag = etree.QName(child).localname
        if tag == "p":
            p = Paragraph(child, doc)
            heading = re.fullmatch(r"Heading (\d)", p.style.name)
            items.append(("h", int(heading.group(1)), p.text) if heading else ("p", p.style.name, p.text))
        elif tag == "tbl":
            items.append(("t", Table(child, doc).cell(0, 0).text))
    return items


def what_the_page_shows(page) -> dict:
    """The notes page's questions (id -> text), step ids and the labels an export uses."""
    return {
        "questions": {
            qid: page.locator(f'[data-question-id="{qid}"] .reflection__text').text_content().strip()
            for qid in question_ids(page)
        },
        "steps": step_ids(page),
        "group_label": ui(page, "notes.group_label"),
        "agreed_label": ui(page, "notes.agreed_label"),
    }


def assert_boxes_filled(items, shown: dict, expected: dict):
    """Under each question's heading (level 3) the next box holds the reader's answer, then the
    group's note after its label; under each step's "Det här kom vi överens om" its agreement."""
    questions, steps, group_label, agreed_label = (shown[k] for k in ("questions", "steps", "group_label", "agreed_label"))
    headings = [(i, item[2]) for i, item in enumerate(items) if item[0] == "h" and item[1] == 3]
    assert len(headings) == len(questions)
    box_after = lambda index: next(item for item in items[index + 1 :] if item[0] == "t")[1]  # noqa: E731
    for (index, text), (qid, question) in zip(headings, questions.items()):
        assert text.endswith(question), (text, question)
        own = box_after(index).split("\n" + group_label + "\n")[0]
        assert own == expected.get(qid, "").replace("\u0001", ""), (qid, box_after(index))
    # The group's note is marked as the group's, after the reader's own answer.
    tricky_id = list(expected)[1]
    index = next(i for i, t in headings if t.endswith(questions[tricky_id]))
    assert box_after(index) == f"{TRICKY_IN_DOCX}\n{group_label}\nGruppen tyckte så här."
    # Each step's agreement under its own heading; only steg-1 has one.
    agreed = [i for i, item in enumerate(items) if item[0] == "h" and item[1] == 2 and item[2] == agreed_label]
    assert len(agreed) == len(steps)
    texts = {steps[n]: box_after(i) for n, i in enumerate(agreed)}
    assert texts["steg-1"] == "Vi träffas varje månad."
    assert all(text == "" for step, text in texts.items() if step != "steg-1")


def test_json_export_clear_import_gives_the_same_notes_back(browser, server, tmp_path):
    with new_page(browser) as page:
        log = RequestLog(page, server.url)
        page.goto(server.url + NOTES)
        fill_some_notes(page)
        page.get_by_label(ui(page, "notes.answer_label")).first.focus()  # nothing dirty left
        before = snapshot(page)
        name = export_file(page, "notes.export.json", tmp_path / "notes.json")
        assert re.fullmatch(r"mina-anteckningar-\d{4}-\d\d-\d\d\.json", name)
        data = json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))
        assert data["format"] == "course-notes" and data["version"] == FORMAT_VERSION
        assert data["courseId"] == page.evaluate("() => Course.config.courseId")
        assert data["answers"] == before["answers"]
        expect(page.locator(".notes-last-export")).to_contain_text(re.compile(r"kl\. \d\d\.\d\d"))

        clear_with_confirmation(page)
        assert stored(page) is None
        for qid in before["answers"]:
            expect(field(page, qid)).to_have_value("")

        choose_import(page, name, (tmp_path / "notes.json").read_bytes())
        preview = page.locator(".notes-preview")
        expect(preview).to_be_visible()
        expect(page.locator("#notes-preview-heading")).to_be_focused()
        expect(preview).to_contain_text(import_summary(page, 3, 1, 1))
        # The reader's text shows as written: nothing in it runs or becomes markup.
        expect(preview.locator("dd", has_text="window.__owned = 1")).to_have_text(HOSTILE)
        preview.get_by_role("button", name=ui(page, "notes.import.merge")).click()
        expect(page.locator('[data-notes-tools="import"] .notes-message')).to_have_text(ui(page, "notes.import.done.merge"))
        after = snapshot(page)
        for section in ("answers", "group", "agreed", "progress"):
            assert after[section] == before[section], section
        for qid, entry in before["answers"].items():
            expect(field(page, qid)).to_have_value(entry["text"])
        assert page.evaluate("() => window.__owned") is None
        assert log.foreign == [] and log.failed == []
        assert page.errors == []


def test_merge_keeps_both_texts_and_replace_swaps_them(browser, server, tmp_path):
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        ids = question_ids(page)
        write(page, field(page, ids[0]), "Från filen")
        write(page, field(page, ids[1]), "Bara i filen")
        export_file(page, "notes.export.json", tmp_path / "notes.json")
        file = (tmp_path / "notes.json").read_bytes()
        write(page, field(page, ids[0]), "Skrivet här efteråt")
        write(page, field(page, ids[2]), "Bara här")

        choose_import(page, "notes.json", file)
        page.get_by_role("button", name=ui(page, "notes.import.merge")).click()
        answers = snapshot(page)["answers"]
        assert answers[ids[0]]["text"] == "Skrivet här efteråt\n\nFrån filen"
        assert answers[ids[1]]["text"] == "Bara i filen"
        assert answers[ids[2]]["text"] == "Bara här"

        choose_import(page, "notes.json", file)
        page.get_by_role("button", name=ui(page, "notes.import.replace")).click()
        expect(page.locator('[data-notes-tools="import"] .notes-message')).to_have_text(ui(page, "notes.import.done.replace"))
        answers = snapshot(page)["answers"]
        assert {k: v["text"] for k, v in answers.items()} == {ids[0]: "Från filen", ids[1]: "Bara i filen"}
        expect(field(page, ids[2])).to_have_value("")

        before = stored(page)
        choose_import(page, "notes.json", file)
        page.get_by_role("button", name=ui(page, "notes.cancel")).click()
        expect(page.locator(".notes-preview")).to_be_hidden()
        expect(page.locator("#notes-import-file")).to_be_focused()
        assert stored(page) == before


@pytest.mark.parametrize("lang_path", ["", "en/"])
def test_docx_export_has_the_answers_under_their_questions(browser, server, tmp_path, lang_path):
    with new_page(browser) as page:
        page.goto(server.url + lang_path + NOTES)
        expected = fill_some_notes(page)
        name = export_file(page, "notes.export.docx", tmp_path / "notes.docx")
        assert name.endswith(".docx")
        shown = what_the_page_shows(page)

    path = tmp_path / "notes.docx"
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None  # every CRC-32 is right
        for part in archive.namelist():
            if part.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(part))  # well-formed XML
    assert_boxes_filled(body_items(Document(str(path))), shown, expected)
    # Written literally: the markup is text in the document, not Word markup or fields.
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "&lt;script&gt;window.__owned = 1&lt;/script&gt;" in xml
    assert "<script" not in xml and "instrText" not in xml


def odt_items(path):
    """The .odt body in order: ('h', level, text), ('p', style, text) or ('t', first cell's text)."""
    from odf import teletype
    from odf.namespaces import TABLENS, TEXTNS
    from odf.opendocument import load
    from odf.table import TableCell

    items = []
    for child in load(str(path)).text.childNodes:
        if child.qname == (TEXTNS, "h"):
            items.append(("h", int(child.getAttrNS(TEXTNS, "outline-level")), teletype.extractText(child)))
        elif child.qname == (TEXTNS, "p"):
            items.append(("p", child.getAttrNS(TEXTNS, "style-name"), teletype.extractText(child)))
        elif child.qname == (TABLENS, "table"):
            cell = child.getElementsByType(TableCell)[0]
            items.append(("t", "\n".join(teletype.extractText(p) for p in cell.childNodes)))
    return items


@pytest.mark.parametrize("lang_path", ["", "en/"])
def test_odt_export_has_the_answers_under_their_questions(browser, server, tmp_path, lang_path, site_dir):
    with new_page(browser) as page:
        page.goto(server.url + lang_path + NOTES)
        expected = fill_some_notes(page)
        expected[list(expected)[0]] = "  Två mellanslag först,   tre i mitten och\tett tabbsteg"
        write(page, field(page, list(expected)[0]), expected[list(expected)[0]])
        name = export_file(page, "notes.export.odt", tmp_path / "notes.odt")
        assert name.endswith(".odt")
        shown = what_the_page_shows(page)

    path = tmp_path / "notes.odt"
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        first = archive.infolist()[0]  # what tells an office suite the file's type
        assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        for part in archive.namelist():
            if part.endswith(".xml"):
                etree.fromstring(archive.read(part))
        content = archive.read("content.xml").decode("utf-8")
    assert_boxes_filled(odt_items(path), shown, expected)
    # Written literally: markup is character data, never an element, link or field.
    assert "&lt;script&gt;window.__owned = 1&lt;/script&gt;" in content
    assert "<script" not in content and "<text:a" not in content and "field" not in content
    # The same paper and styles as the blank template of the whole course.
    template = next((site_dir / lang_path / "mallar").glob("*-hela-kursen.odt" if not lang_path else "*-whole-course.odt"), None)
    assert template is not None
    with zipfile.ZipFile(template) as blank, zipfile.ZipFile(path) as filled:
        page_layout = lambda styles: re.search(rb"<style:page-layout-properties[^>]*>", styles).group(0)  # noqa: E731
        attributes = lambda tag: sorted(  # noqa: E731
            (name, float(value)) for name, value in re.findall(rb'(fo:page-width|fo:page-height|fo:margin-\w+)="([\d.]+)cm"', tag)
        )
        paper = attributes(page_layout(blank.read("styles.xml")))
        assert len(paper) == 6 and attributes(page_layout(filled.read("styles.xml"))) == paper


def test_markdown_export_writes_the_reader_text_literally(browser, server, tmp_path):
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        fill_some_notes(page)
        export_file(page, "notes.export.md", tmp_path / "notes.md")
        first_question = page.locator(".reflection__text").first.text_content().strip()
    text = (tmp_path / "notes.md").read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert f"#### 1. {first_question}" in text.replace("\\", "")
    assert "Första svaret" in text
    assert "&lt;script\\>window.\\_\\_owned = 1&lt;/script\\>" in text
    assert "\\*\\*bold\\*\\*" in text and "\\[link\\](javascript:" in text
    assert "Rad ett & &lt;två\\>  \nRad" in text  # line breaks kept as hard breaks
    # Rendered, the reader's text is text: no element, link or emphasis comes from it.
    html = markdown.markdown(text)
    assert "<script" not in html and "<img" not in html and "javascript:window" in html
    assert 'href="javascript' not in html and "<strong>bold" not in html and "<b>" not in html
    assert "&lt;script&gt;window.__owned = 1&lt;/script&gt;" in html


def test_exports_load_only_when_used(browser, server, tmp_path):
    with new_page(browser) as page:
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(server.url + "modules/kom-igang-tillsammans/")
        page.goto(server.url + NOTES)
        expect(page.locator('[data-notes-tools="export"] button').first).to_be_visible()
        assert not [u for u in requested if u.endswith("notes-export.js")]
        assert [u for u in requested if u.endswith("notes-page.js")] == [server.url + "assets/javascripts/notes/notes-page.js"]
        export_file(page, "notes.export.json", tmp_path / "x.json")
        assert [u for u in requested if u.endswith("notes-export.js")] == [server.url + "assets/javascripts/notes/notes-export.js"]
        assert not [u for u in requested if u.endswith("notes-documents.js")]  # only for .docx and .odt
        export_file(page, "notes.export.odt", tmp_path / "x.odt")
        assert [u for u in requested if u.endswith("notes-documents.js")] == [server.url + "assets/javascripts/notes/notes-documents.js"]


def test_clearing_asks_first_in_the_page_and_can_be_cancelled(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        qid = question_ids(page)[0]
        write(page, field(page, qid), "Ska finnas kvar")
        clear = page.get_by_role("button", name=ui(page, "notes.clear.button"))
        expect(clear).to_have_attribute("aria-expanded", "false")
        clear.click()
        confirm = page.get_by_role("group", name=ui(page, "notes.clear.question"))
        expect(confirm).to_be_visible()
        expect(page.locator("#notes-clear-question")).to_be_focused()
        expect(clear).to_have_attribute("aria-expanded", "true")
        page.keyboard.press("Escape")
        expect(confirm).to_be_hidden()
        expect(clear).to_be_focused()
        clear.click()
        confirm.get_by_role("button", name=ui(page, "notes.cancel")).click()
        expect(confirm).to_be_hidden()
        assert snapshot(page)["answers"][qid]["text"] == "Ska finnas kvar"
        clear_with_confirmation(page)
        expect(field(page, qid)).to_have_value("")
        expect(clear).to_be_focused()
        assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith(Course.config.courseId + ':notes'))") == []
        assert page.errors == []  # no window.confirm or alert was shown


def test_last_export_date_is_shown_in_the_page_language(browser, server, tmp_path):
    with new_page(browser) as page:
        page.goto(server.url + "en/" + NOTES)
        last = page.locator(".notes-last-export")
        expect(last).to_have_text(ui(page, "notes.export.never"))
        write(page, field(page, question_ids(page)[0]), "An answer")
        name = export_file(page, "notes.export.md", tmp_path / "n.md")
        assert re.fullmatch(r"my-notes-\d{4}-\d\d-\d\d\.md", name)
        expect(last).to_have_text(re.compile(r"^You last saved a copy on \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d\.$"))
        page.reload()
        expect(page.locator(".notes-last-export")).to_have_text(re.compile(r"^You last saved a copy on "))


def test_a_thousand_long_answers_save_export_and_come_back(browser, server, tmp_path):
    """Issue 12's volume: 1,000 answers of 2,000 characters each, through the store, the exports and an import.

    The store is filled by importing one file rather than by 1,000 saves: each save rewrites the whole
    store, so filling it answer by answer took most of a minute and tested nothing more.
    """
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        ids = question_ids(page)
        wanted = ids + [f"volym-{n:04d}" for n in range(1000 - len(ids))]
        assert page.evaluate("id => CourseNotes.setAnswer(id, 'en början').ok", ids[0])
        export_file(page, "notes.export.json", tmp_path / "start.json")
        start = json.loads((tmp_path / "start.json").read_text(encoding="utf-8"))
        entry = start["answers"][ids[0]]
        start["answers"] = {id_: {**entry, "text": (f"{n} – åäö ").ljust(2000, "x")} for n, id_ in enumerate(wanted)}
        choose_import(page, "volume.json", json.dumps(start, ensure_ascii=False).encode("utf-8"))
        page.get_by_role("button", name=ui(page, "notes.import.replace")).click()
        expect(page.locator('[data-notes-tools="import"] .notes-message')).to_have_text(ui(page, "notes.import.done.replace"))
        assert len(snapshot(page)["answers"]) == 1000
        page.reload()
        expect(field(page, ids[0])).to_have_value(("0 – åäö ").ljust(2000, "x"))
        sizes = {}
        for fmt in ("json", "docx", "odt", "md"):
            export_file(page, f"notes.export.{fmt}", tmp_path / f"notes.{fmt}")
            sizes[fmt] = (tmp_path / f"notes.{fmt}").stat().st_size
        doc = Document(str(tmp_path / "notes.docx"))
        # Every answer, those to questions not in the course after the course's own.
        assert sum(1 for t in doc.tables if t.cell(0, 0).text.endswith("x" * 100)) == 1000
        clear_with_confirmation(page)
        choose_import(page, "notes.json", (tmp_path / "notes.json").read_bytes())
        page.get_by_role("button", name=ui(page, "notes.import.replace")).click()
        expect(page.locator('[data-notes-tools="import"] .notes-message')).to_have_text(ui(page, "notes.import.done.replace"))
        answers = snapshot(page)["answers"]
        assert len(answers) == 1000 and all(len(a["text"]) == 2000 for a in answers.values())
        expect(field(page, ids[-1])).to_have_value((f"{len(ids) - 1} – åäö ").ljust(2000, "x"))
        print(f"\n1,000 answers of 2,000 characters: stored {len(stored(page))} characters; exports {sizes}")
        assert page.errors == []
