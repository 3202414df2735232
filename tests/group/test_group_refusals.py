"""Bad and odd group files: at least 200 generated ones are refused or shown as text, nothing is
thrown, and the facilitator's own notes stay byte for byte the same (issue 16)."""

from __future__ import annotations

import base64
import json
import random

from playwright.sync_api import expect

from tests.support.group_support import GROUP_PAGE, SLUG_3, group_files_input
from tests.support.notes_support import HOSTILE, NOTES, field, iso, new_page, question_ids, stored, ui, write
from tests.support.bad_files import DELETE, with_change

MAX_BYTES = 1024 * 1024
STATEMENTS = [
    "modul-3-lage-kultur",
    "modul-3-lage-helhet",
    "modul-3-lage-erfarenheter",
    "modul-3-lage-resultat",
    "modul-3-lage-hinder",
    "modul-3-lage-utan-hierarki",
    "modul-3-lage-data",
]
ANY = {"not_json", "format", "version", "course", "module", "types", "too_large", "unreadable"}


def good_file(course_id: str, n: int = 0) -> dict:
    return {
        "format": "course-group-file",
        "version": 1,
        "courseId": course_id,
        "module": SLUG_3,
        "assessmentVersion": 1,
        "statements": STATEMENTS,
        "participant": f"p-{n:024x}",
        "saved": iso(),
        "ratings": {STATEMENTS[0]: 4, STATEMENTS[1]: 0},
        "answers": {"modul-3-komplexitet": {"asked": "Vilka delar?", "text": "Ett delat svar"}},
    }


def changed(course_id: str, path: tuple, value, n: int = 0) -> bytes:
    return with_change(json.loads(json.dumps(good_file(course_id, n))), path, value)


def generated_bad_files(course_id: str) -> list[tuple[str, bytes, set[str]]]:
    """(description, bytes, results that are right: refusal reasons, or "shown" for text shown literally)."""
    rng = random.Random(20261125)
    good = json.dumps(good_file(course_id)).encode()
    files: list[tuple[str, bytes, set[str]]] = []
    for n in range(50):
        files.append((f"random bytes {n}", bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000))), ANY))
    for n in range(50):
        cut = rng.randrange(1, len(good) - 1)
        files.append((f"truncated at {cut}", good[:cut], {"not_json"}))
    for depth in (10, 1000, 100_000):
        files.append((f"arrays nested {depth} deep", b"[" * depth + b"]" * depth, {"format", "not_json"}))
        files.append((f"objects nested {depth} deep", b'{"a":' * depth + b"1" + b"}" * depth, {"format", "not_json"}))
    for version in (-1, 0, 0.5, 2, 99, 1e308, "1", None, True, [1], {"v": 1}):
        files.append((f"version {version!r}", changed(course_id, ("version",), version), {"version"}))
    for version in (-1, 0, 1.5, 2, 99, "1", None, False):
        files.append((f"assessmentVersion {version!r}", changed(course_id, ("assessmentVersion",), version), {"version"}))
    for fmt in ("", "course-notes", "Course-Group-File", None, 1, ["course-group-file"]):
        files.append((f"format {fmt!r}", changed(course_id, ("format",), fmt), {"format"}))
    for other in ("", "another-course", course_id.upper(), None, 7):
        files.append((f"course {other!r}", changed(course_id, ("courseId",), other), {"course"}))
    for module in ("varfor-nara-vard", "kom-igang-tillsammans", "no-such-module"):
        files.append((f"module {module!r}", changed(course_id, ("module",), module), {"module"}))
    wrong_types = [
        (("module",), None),
        (("module",), "Bad Slug"),
        (("module",), "<b>x</b>"),
        (("module",), "__proto__"),
        (("statements",), "all"),
        (("statements",), [1, 2]),
        (("statements",), ["Bad Id"]),
        (("statements",), ["x"] * 101),
        (("participant",), "Anna"),
        (("participant",), None),
        (("participant",), "p-short"),
        (("participant",), DELETE),
        (("name",), 5),
        (("name",), "x" * 101),
        (("saved",), "yesterday"),
        (("saved",), 1700000000),
        (("ratings",), []),
        (("ratings",), None),
        (("ratings", STATEMENTS[0]), 6),
        (("ratings", STATEMENTS[0]), -1),
        (("ratings", STATEMENTS[0]), 2.5),
        (("ratings", STATEMENTS[0]), "4"),
        (("ratings", STATEMENTS[0]), None),
        (("ratings", STATEMENTS[0]), True),
        (("ratings", STATEMENTS[0]), 1e308),
        (("ratings", "modul-3-finns-inte-i-listan"), 3),
        (("ratings", "__proto__"), 3),
        (("answers",), []),
        (("answers",), "svar"),
        (("answers", "modul-3-komplexitet"), "bara text"),
        (("answers", "modul-3-komplexitet", "text"), 5),
        (("answers", "modul-3-komplexitet", "text"), "x" * 20_001),
        (("answers", "modul-3-komplexitet", "asked"), None),
        (("answers", "modul-3-komplexitet", "extra"), "x"),
        (("answers", "Fel Id"), {"asked": "a", "text": "b"}),
        (("answers", "../../etc"), {"asked": "a", "text": "b"}),
        (("unknown",), "key"),
        (("answers",), {f"q-{n}": {"asked": "a", "text": "b"} for n in range(101)}),
    ]
    for path, value in wrong_types:
        files.append((f"{'/'.join(path)} = {str(value)[:30]!r}", changed(course_id, path, value), {"types"}))
    for n in range(15):
        data = good_file(course_id)
        target = rng.choice(["ratings", "answers"])
        if target == "ratings":
            data["ratings"][STATEMENTS[2]] = rng.choice([None, 7, -3, 2.5, "3", [], {}, True])
        else:
            data["answers"]["modul-3-komplexitet"][rng.choice(["text", "asked"])] = rng.choice([None, 1, 2.5, True, [], {}, ["x"]])
        files.append((f"random wrong type {n}", json.dumps(data).encode(), {"types"}))
    for n, text in enumerate(["", " ", "null", "[]", '""', "123", "true", "{}", "\ufeff", "[{}]"]):
        files.append((f"almost empty {n}: {text!r}", text.encode(), {"not_json", "format"}))
    files.append(("UTF-16 without a byte order mark", good.decode().encode("utf-16-le"), {"not_json"}))
    files.append(("an HTML page", b"<!doctype html><script>window.__owned=1</script>", {"not_json"}))
    files.append(("a .docx zip", b"PK\x03\x04" + bytes(200), {"not_json"}))
    files.append(("a notes export", json.dumps({"format": "course-notes", "version": 3, "courseId": course_id}).encode(), {"format"}))
    files.append(("10 MB string", changed(course_id, ("answers", "modul-3-komplexitet", "text"), "x" * 10_000_000), {"too_large"}))
    files.append(("10 MB name", changed(course_id, ("name",), "x" * 10_000_000), {"too_large"}))
    files.append(("just over the limit", b" " * (MAX_BYTES + 1), {"too_large"}))
    # Well-formed files with hostile text: accepted, and shown as text.
    for n, text in enumerate([HOSTILE, "<img src=x onerror=window.__owned=5>", "\u202eRTL override", "a\u0000b", "🙂" * 500]):
        data = json.loads(changed(course_id, ("answers", "modul-3-komplexitet", "text"), text, n + 100))
        data["name"] = text[:40]
        data["answers"]["modul-3-komplexitet"]["asked"] = text[:2000]
        files.append((f"hostile text {n}", json.dumps(data).encode(), {"shown"}))
    return files


READ_IN_PAGE = """async ([b64, name, slug]) => {
    const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
    try {
        const r = await CourseGroupFile.readFile(new File([bytes], name, {type: 'application/json'}), CourseGroupFile.definitions(), slug);
        return r.ok ? {ok: true} : {ok: false, reason: r.reason};
    } catch (e) {
        return {thrown: String(e)};
    }
}"""


def test_at_least_200_generated_bad_group_files_are_refused_or_shown_as_text(browser, server, tmp_path):
    with new_page(browser) as page:
        page.goto(server.url + NOTES)
        write(page, field(page, question_ids(page)[0]), "Samtalsledarens svar som ska vara kvar")
        notes_before = stored(page)
        page.goto(server.url + GROUP_PAGE)
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
        for description, data, expected in files:
            result = page.evaluate(READ_IN_PAGE, [base64.b64encode(data).decode(), "bad.json", SLUG_3])
            outcome = "shown" if result.get("ok") is True else result.get("reason")
            if outcome not in expected:
                wrong.append((description, str(result)[:200]))
        assert wrong == []

        # All of them at once through the file chooser, as a facilitator might.
        paths = []
        for n, (_, data, _) in enumerate(files):
            path = tmp_path / f"fil-{n:03d}.json"
            path.write_bytes(data)
            paths.append(str(path))
        page.get_by_label(ui(page, "group.module"), exact=True).select_option(SLUG_3)
        group_files_input(page).set_input_files(paths)
        shown = sum(1 for _, _, e in files if e == {"shown"})
        expect(page.locator(".group-status")).to_contain_text(ui(page, "group.summary", n=shown))
        expect(page.locator(".group-errors")).to_contain_text(ui(page, "group.error.more", count=len(files) - shown - 20))
        expect(page.locator(".group-answers__list li").filter(has_text="<script>window.__owned = 1</script>")).to_have_count(1)
        expect(page.locator(".group-status")).to_contain_text("<img src=x onerror=window.__owned=5>")
        assert page.evaluate("() => window.__owned") is None
        assert page.evaluate("() => window.__uncaught") == []
        assert page.errors == []
        page.goto(server.url + NOTES)
        assert stored(page) == notes_before
        print(f"\n{len(files)} generated bad or odd group files tried")
