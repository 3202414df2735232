"""Bad import files are refused with a message in the page's language, and the stored notes stay byte for byte the same."""

from __future__ import annotations

import base64
import json
import random

import pytest
from playwright.sync_api import expect

from tests.support.notes_support import FORMAT_VERSION, NOTES, choose_import, field, iso, new_page, question_ids, stored, import_summary, ui, write
from tests.support.bad_files import DELETE, with_change

COURSE_ID_PLACEHOLDER = "{course}"
MAX_BYTES = 8 * 1024 * 1024


def good_file(course_id: str) -> dict:
    return {
        "format": "course-notes",
        "version": FORMAT_VERSION,
        "courseId": course_id,
        "exported": iso(),
        "answers": {"steg-1-malgrupper": {"text": "Ett svar", "updated": iso()}},
        "group": {"steg-1-aktorer": {"text": "Gruppens", "updated": iso()}},
        "agreed": {"steg-1": {"text": "Överens", "updated": iso()}},
        "progress": {"kom-igang-tillsammans": {"read": True, "discussed": False}},
    }


def changed(course_id: str, path: tuple, value) -> bytes:
    return with_change(good_file(course_id), path, value)


# One of each kind, through the file chooser, with the message the reader must see.
KINDS = {
    "not_json": lambda c: b"Det h\xc3\xa4r \xc3\xa4r inte JSON {",
    "format": lambda c: changed(c, ("format",), "some-other-app"),
    "version": lambda c: changed(c, ("version",), "1"),
    "newer": lambda c: changed(c, ("version",), FORMAT_VERSION + 1),
    "course": lambda c: changed(c, ("courseId",), "another-course"),
    "types": lambda c: changed(c, ("answers", "steg-1-malgrupper", "text"), 42),
    "too_large": lambda c: json.dumps({**good_file(c), "padding": "x" * (MAX_BYTES + 1)}).encode(),
}


def generated_bad_files(course_id: str) -> list[tuple[str, bytes, set[str]]]:
    """At least 200 bad files: (description, bytes, reasons that are right for it)."""
    rng = random.Random(20240605)
    good = json.dumps(good_file(course_id)).encode()
    files: list[tuple[str, bytes, set[str]]] = []
    any_reason = {"not_json", "format", "version", "newer", "course", "types", "too_large", "unreadable"}
    for n in range(50):
        files.append((f"random bytes {n}", bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000))), any_reason))
    for n in range(50):
        cut = rng.randrange(1, len(good) - 1)
        files.append((f"truncated at {cut}", good[:cut], {"not_json"}))
    for depth in (10, 100, 1000, 10_000, 100_000):
        files.append((f"arrays nested {depth} deep", b"[" * depth + b"]" * depth, {"format"}))
        files.append((f"objects nested {depth} deep", b'{"a":' * depth + b"1" + b"}" * depth, {"format"}))
        inner = b'{"text":' * depth + b'"x"' + b"}" * depth
        files.append((f"answer nested {depth} deep", changed_raw(good_file(course_id), inner), {"types"}))
    for version in (-1, 0, 0.5, 1.5, 2.5, FORMAT_VERSION + 1, 99, 1e308, "1", None, True, [1], {"v": 1}):
        newer = isinstance(version, (int, float)) and not isinstance(version, bool) and version > FORMAT_VERSION and version == int(version)
        reasons = {"newer"} if newer else {"version"}
        files.append((f"version {version!r}", changed(course_id, ("version",), version), reasons))
    files.append(("no version", changed(course_id, ("version",), DELETE), {"version"}))
    for fmt in ("", "Course-Notes", "course-notes ", None, 1, ["course-notes"]):
        files.append((f"format {fmt!r}", changed(course_id, ("format",), fmt), {"format"}))
    files.append(("no format", changed(course_id, ("format",), DELETE), {"format"}))
    for other in ("", "another-course", course_id.upper(), course_id + " ", None, 7):
        files.append((f"course {other!r}", changed(course_id, ("courseId",), other), {"course"}))
    wrong_types = [
        (("answers",), []),
        (("answers",), "svar"),
        (("answers",), None),
        (("answers",), DELETE),
        (("group",), []),
        (("agreed",), 5),
        (("progress",), []),
        (("progress", "kom-igang-tillsammans", "read"), "yes"),
        (("progress", "kom-igang-tillsammans", "seen"), True),
        (("progress", "kom-igang-tillsammans"), True),
        (("progress", "Bad Slug"), {"read": True}),
        (("answers", "steg-1-malgrupper"), "just text"),
        (("answers", "steg-1-malgrupper"), None),
        (("answers", "steg-1-malgrupper", "text"), None),
        (("answers", "steg-1-malgrupper", "text"), ["a"]),
        (("answers", "steg-1-malgrupper", "updated"), "not a date"),
        (("answers", "steg-1-malgrupper", "updated"), 1700000000),
        (("answers", "steg-1-malgrupper", "updated"), DELETE),
        (("answers", "steg-1-malgrupper", "extra"), "x"),
        (("answers", "steg-1-malgrupper", "text"), "x" * 100_001),
        (("answers", "__proto__"), {"text": "x", "updated": iso()}),
        (("answers", "../../etc"), {"text": "x", "updated": iso()}),
        (("answers", "Steg 1"), {"text": "x", "updated": iso()}),
        (("answers", ""), {"text": "x", "updated": iso()}),
        (("answers", "a" * 201), {"text": "x", "updated": iso()}),
        (("group", "steg-1-aktorer", "text"), 1),
        (("agreed", "steg-1"), []),
        (("exported",), "yesterday"),
        (("exported",), 5),
        (("unknown",), "key"),
        (("lastExport",), iso()),
    ]
    for path, value in wrong_types:
        files.append((f"{'/'.join(path)} = {str(value)[:30]!r}", changed(course_id, path, value), {"types"}))
    too_many = {f"q-{n}": {"text": "x", "updated": iso()} for n in range(10_001)}
    files.append(("10,001 answers", changed(course_id, ("answers",), too_many), {"types"}))
    for n, text in enumerate(["", " ", "\n", "null", "[]", '""', "123", "true", "{}", "\ufeff", "\ufeff{}", "[{}]"]):
        files.append((f"almost empty {n}: {text!r}", text.encode(), {"not_json", "format"}))
    # (UTF-16 with a byte order mark is read correctly, so it is not a bad file; without one it is.)
    files.append(("UTF-16 without a byte order mark", json.dumps(good_file(course_id)).encode("utf-16-le"), {"not_json"}))
    files.append(("an HTML page", b"<!doctype html><title>x</title><script>window.__owned=1</script>", {"not_json"}))
    files.append(("a .docx zip", b"PK\x03\x04" + bytes(200), {"not_json"}))
    files.append(("10 MB string", json.dumps({**good_file(course_id), "answers": {"a": {"text": "x" * 10_000_000, "updated": iso()}}}).encode(), {"too_large"}))
    files.append(("just over the limit", b" " * (MAX_BYTES + 1), {"too_large"}))
    for n in range(15):
        data = good_file(course_id)
        section = rng.choice(["answers", "group", "agreed"])
        entry = next(iter(data[section].values()))
        entry[rng.choice(["text", "updated"])] = rng.choice([None, 1, 2.5, True, [], {}, ["x"], {"text": "x"}])
        files.append((f"random wrong type {n}", json.dumps(data).encode(), {"types"}))
    return files


def changed_raw(data: dict, raw_answer: bytes) -> bytes:
    data = dict(data, answers={"steg-1-malgrupper": "PLACEHOLDER"})
    text = json.dumps(data).encode()
    return text.replace(b'"PLACEHOLDER"', raw_answer)


def test_at_least_200_generated_bad_files_are_all_refused_and_change_nothing(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        write(page, field(page, question_ids(page)[0]), "Mitt svar som ska vara kvar")
        before = stored(page)
        page.evaluate("() => Course.loadScript('notes/notes-export.js')")
        page.evaluate(
            """() => {
                window.__uncaught = [];
                window.addEventListener('error', e => window.__uncaught.push(String(e.message)));
                window.addEventListener('unhandledrejection', e => window.__uncaught.push(String(e.reason)));
            }"""
        )
        files = generated_bad_files(page.evaluate("() => Course.config.courseId"))
        assert len(files) >= 200, len(files)
        wrong = []
        for description, data, reasons in files:
            result = page.evaluate(
                """async ([b64, name]) => {
                    const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
                    try {
                        return await CourseNotesExport.readFile(new File([bytes], name, {type: 'application/json'}));
                    } catch (e) {
                        return {thrown: String(e)};
                    }
                }""",
                [base64.b64encode(data).decode(), "bad.json"],
            )
            if result.get("ok") is not False or result.get("reason") not in reasons:
                wrong.append((description, result if len(str(result)) < 300 else str(result)[:300]))
        assert wrong == []
        assert page.evaluate("() => window.__uncaught") == []
        assert stored(page) == before
        assert page.errors == []
        print(f"\n{len(files)} generated bad import files refused")


@pytest.mark.parametrize("lang_path", ["", "en/"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_bad_file_is_refused_in_the_page_with_a_clear_message(browser, server, kind, lang_path):
    with new_page(browser) as page:
        page.goto(server.url + lang_path + NOTES)
        write(page, field(page, question_ids(page)[0]), "Kvar efteråt")
        before = stored(page)
        choose_import(page, "notes.json", KINDS[kind](page.evaluate("() => Course.config.courseId")))
        message = page.locator('[data-notes-tools="import"] .notes-message')
        expect(message).to_have_text(ui(page, f"notes.import.error.{kind}"))
        expect(message).to_have_class("notes-message notes-message--error")
        expect(message).to_have_attribute("role", "status")
        expect(page.locator(".notes-preview")).to_be_hidden()
        assert stored(page) == before
        expect(field(page, question_ids(page)[0])).to_have_value("Kvar efteråt")
        assert page.errors == []


def test_a_good_file_of_this_course_is_accepted_by_the_same_parser(browser, server):
    # The refusals above must come from the checks, not from a parser that refuses everything.
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        choose_import(page, "good.json", json.dumps(good_file(page.evaluate("() => Course.config.courseId"))).encode())
        expect(page.locator(".notes-preview")).to_be_visible()
        expect(page.locator(".notes-preview")).to_contain_text(import_summary(page, 1, 1, 1))
