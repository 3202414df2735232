"""The interface strings each page carries for its scripts (#course-config): all it can show, nothing it cannot."""

from __future__ import annotations

import json
import re

import pytest

from course.content.ui_strings import BUILD_ONLY, PAGE_SPECIFIC, load_table, strings_for, ui_text
from tests.support.site_build import ROOT
from tests.support.site_pages import page_html

SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
# Which page-specific strings each script may use: it runs only where their marker is.
NOTES_TOOLS, REFLECTION, SHORTCUTS, ASSESSMENT, GROUP = (marker for _, marker in PAGE_SPECIFIC)
ALLOWED_GROUPS = {
    "notes-page.js": {NOTES_TOOLS, ASSESSMENT, GROUP},
    "self-assessment.js": {ASSESSMENT},
    "group-picture.js": {ASSESSMENT, GROUP},
    # Its group.* strings are for the group page and the notes page's exports; on a module page
    # it only writes a group file, which needs none.
    "group-file.js": {ASSESSMENT, GROUP},
    "meeting.js": {REFLECTION},
    "meeting-launcher.js": {REFLECTION},
    "meeting-presenter.js": {REFLECTION},
    "course.js": {SHORTCUTS},
}


def keys_used(script: str) -> set[str]:
    """The string keys a script passes to Course.t, literally or as a prefix ("notes.import.error." + reason)."""
    return set(re.findall(r'\bt\("([a-z_]+(?:\.[a-z_]+)*\.?)"', next(SCRIPTS.rglob(script)).read_text(encoding="utf-8")))


def group_of(key: str) -> str | None:
    return next((marker for prefixes, marker in PAGE_SPECIFIC if key.startswith(prefixes)), None)


def config_of(html: str) -> dict:
    return json.loads(re.search(r'<script id="course-config" type="application/json">(.*?)</script>', html, re.S).group(1))


def test_every_key_a_script_uses_exists_and_reaches_the_pages_it_runs_on():
    table = load_table("en")
    problems = []
    for path in sorted(SCRIPTS.rglob("*.js")):
        for key in keys_used(path.name):
            if not any(k == key or (key.endswith(".") and k.startswith(key)) for k in table):
                problems.append(f"{path.name}: {key} is in no data/ui table")
            group = group_of(key)
            if group and group not in ALLOWED_GROUPS.get(path.name, set()):
                problems.append(f"{path.name}: {key} is left out of pages without {group}")
    assert problems == []
    assert keys_used("notes-page.js") and keys_used("meeting.js"), "the key pattern no longer matches the scripts"


def test_pages_carry_only_the_strings_of_their_features(site_dir, pages):
    sizes = {}
    for page in pages:
        html = page_html(site_dir, page)
        ui = config_of(html)["ui"]
        for prefixes, marker in PAGE_SPECIFIC:
            has = any(key.startswith(prefixes) for key in ui)
            assert has == bool(re.search(marker, html)), f"{page}: strings {prefixes[0]}… {'missing' if not has else 'not needed'}"
        assert not [k for k in ui if k.startswith(BUILD_ONLY)], f"{page}: build-only strings sent to scripts"
        assert set(ui) >= {k for k in load_table(page.lang) if group_of(k) is None and not k.startswith(BUILD_ONLY)}, page
        sizes[str(page)] = len(json.dumps(ui, ensure_ascii=False).encode("utf-8"))
    # The notes page, a module page, the accessibility page and a plain page each have their own set.
    print("\ninterface strings per page (bytes): " + ", ".join(f"{k} {v}" for k, v in sorted(sizes.items()) if k.startswith("sv:")))
    assert sizes["sv:anteckningar/"] > sizes["sv:modules/varfor-nara-vard/"] > sizes["sv:ordlista/"]


def test_no_page_shows_a_string_key_instead_of_its_text(browser, server, page_tour):
    """Course.t gives back the key when a page lacks a string: look for keys on every page once its
    scripts have run (the shared tour, tests/support/page_tour.py), and in meeting mode on the notes page,
    where the steps of every module are."""
    from tests.support.page_tour import SHOWN_TEXT

    keys = set(load_table("en"))
    found = dict(page_tour.keys)
    context = browser.new_context()
    page = context.new_page()
    try:
        for lang_path in ("", "en/"):
            page.goto(server.url + lang_path + "anteckningar/", wait_until="load")
            page.locator(".meeting-launch__button").first.click()
            page.wait_for_selector("dialog[open]")
            if hits := sorted(keys & set(re.findall(r"[a-z_]+(?:\.[a-z_]+)+", page.evaluate(SHOWN_TEXT)))):
                found[lang_path + "anteckningar/ meeting mode"] = hits
    finally:
        context.close()
    assert found == {}


# Counts: every string a call site fills with a number says the number's singular and plural forms,
# "{name, plural, one {# answer} other {# answers}}", whatever the placeholder is called. The strings are
# found by what the call sites pass (the scripts' Course.t and meeting.js's format, the build's ui_text),
# not by placeholder names: a value counts as a number when it is one, by its expression or by where it
# was set (var x = …, x: …, a function that returns a .length).
FORMATTERS = r"(?<![\w.])(?:Course\.t|course\.t|t|format)\(\s*\"([a-z_]+(?:\.[a-z_]+)+)\"\s*,\s*\{"
NUMERIC = re.compile(r"\.length\b|^\d+$|\bMath\.|\bNumber\(|\blen\(|\bsum\(|\s[-*/]\s*\w|\s\+\s*\d|\+\+")
# A number that counts nothing: a position, a label's value, "more" or the abbreviation "min",
# which are the same for one and for many in both languages. Reviewed one by one.
NOT_COUNTED = {
    ("meeting.position", "number"): "Question 2 of 5: a position",
    ("meeting.position", "count"): "… of 5: no noun follows",
    ("meeting.question_count", "count"): "a label: “Questions: 5”",
    ("meeting.presenter_elapsed", "minutes"): "“min” is the same for 1 and 5",
    ("notes.progress.reflected", "n"): "answered 1 of 5: the noun goes with the total",
    ("notes.overview.reflected", "n"): "answered 1 of 5: the noun goes with the total",
    ("notes.import.more", "n"): "… and 3 more.: no noun",
    ("group.summary", "n"): "a label: “Participants: 3.”",
    ("group.added", "n"): "a label: “New participants from the files: 3.”",
    ("group.export.participants", "n"): "a label: “Participants: 3.”",
    ("group.module_label", "number"): "Module 2: which module",
    ("assessment.group.file_module", "number"): "a file name: module-2",
}


def _object_literal(text: str, start: int) -> str:
    """The text of the object literal whose "{" is at `start`, to its matching "}"."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"{": 1, "(": 1, "[": 1, "}": -1, ")": -1, "]": -1}.get(text[i], 0)
        if depth == 0:
            return text[start + 1 : i]
    raise AssertionError("unbalanced object literal")


def _top_level_parts(body: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in body:
        depth += {"{": 1, "(": 1, "[": 1, "}": -1, ")": -1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [p for p in parts + [current] if p.strip()]


def _is_number(expr: str, sources: dict[str, str], file: str, depth: int = 0) -> bool:
    expr = expr.strip()
    if re.search(r"[\"']|^(?:t|format|ui_text|String|Course\.t)\(", expr):  # text, or a formatted string
        return False
    if NUMERIC.search(expr):
        return True
    if depth > 3:
        return False
    if call := re.match(r"(\w+)\(", expr):  # a function that returns a number
        for text in sources.values():
            for body in re.findall(r"(?:function " + call.group(1) + r"\(|def " + call.group(1) + r"\()(.*?)(?:\n  \}|\n\n)", text, re.S):
                if re.search(r"return[^;]*?(\.length|\blen\(|\bsum\()", body, re.S) or re.search(r"\}\)\.length;", body):
                    return True
        return False
    member = "." in expr
    name = re.sub(r"^.*\.", "", expr)  # s.people -> people
    if not re.fullmatch(r"\w+", name):
        return False
    # A variable is set in its own file (var x = …, x = …, x += 1); an object's field anywhere (people: …).
    setting = (r"[{,]\s*" + name + r"\s*:" if member else r"(?:\bvar |\blet |\bconst |^\s*)" + name + r"\s*=(?!=)") + r"\s*([^;\n]+)"
    for where, text in sources.items() if member else [(file, sources[file])]:
        for found in re.findall(setting, text, re.M):
            if found.strip() != expr and _is_number(found.rstrip(",) }"), sources, where, depth + 1):
                return True
        if not member and re.search(r"\b" + name + r"(?:\+\+|\s*\+=)", text):
            return True
    return False


def numbers_passed(sources: dict[str, str]) -> dict[tuple[str, str], str]:
    """(key, placeholder) -> where, for every value a call site passes as a number."""
    found = {}
    for file, text in sources.items():
        for call in re.finditer(FORMATTERS, text):
            body = _object_literal(text, call.end() - 1)
            for part in _top_level_parts(body):
                name, _, expr = part.partition(":")
                if _ and _is_number(expr, sources, file):
                    found[(call.group(1), name.strip())] = f"{file}:{text.count(chr(10), 0, call.start()) + 1}"
        for call in re.finditer(r"ui_text\(\s*\w+\s*,\s*\"([a-z_.]+)\"((?:\s*,\s*\w+=[^,)]+)+)\)", text):
            for name, expr in re.findall(r"(\w+)=([^,)]+)", call.group(2)):
                if _is_number(expr, sources, file):
                    found[(call.group(1), name)] = f"{file}:{text.count(chr(10), 0, call.start()) + 1}"
    return found


def _sources() -> dict[str, str]:
    files = sorted(SCRIPTS.rglob("*.js")) + sorted((ROOT / "course").rglob("*.py")) + sorted((ROOT / "mkdocs_adapter").glob("*.py"))
    return {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8") for path in files}


def counts_without_forms(tables: dict[str, dict[str, str]], passed: dict[tuple[str, str], str]) -> list[str]:
    problems = []
    for (key, name), where in sorted(passed.items()):
        if (key, name) in NOT_COUNTED:
            continue
        for lang, table in tables.items():
            text = table.get(key, "")
            if "{" + name + "}" in text or not re.search(r"\{" + name + r", plural, [^{}]*\bone \{[^{}]*\} other \{", text):
                problems.append(f"{lang}: {key} gets a number in {{{name}}} ({where}) but has no one/other forms for it")
    return problems


def test_every_count_has_singular_and_plural_forms():
    passed = numbers_passed(_sources())
    # The scan still finds the call sites it must: a count under another name than "count", and the build's.
    assert {("assessment.group.done", "ratings"), ("group.earlier", "n"), ("notes.import.count_answers", "count"), ("meeting.plan_untimed", "count")} <= set(passed), passed
    assert counts_without_forms({lang: load_table(lang) for lang in ("sv", "en")}, passed) == []
    assert not set(NOT_COUNTED) - set(passed), "an allowed number that no call site passes any more"


def test_the_count_check_fails_on_the_strings_before_plural_forms():
    """ "1 choices" (issue 25): the old strings and a count named other than {count} are caught."""
    passed = numbers_passed(_sources())
    old = {"en": {"assessment.group.done": "Done. The file {file} is saved, with {ratings} choices and {answers} shared answers."}}
    assert counts_without_forms(old, {k: v for k, v in passed.items() if k[0] == "assessment.group.done"}) == [
        f"en: assessment.group.done gets a number in {{answers}} ({passed[('assessment.group.done', 'answers')]}) but has no one/other forms for it",
        f"en: assessment.group.done gets a number in {{ratings}} ({passed[('assessment.group.done', 'ratings')]}) but has no one/other forms for it",
    ]


@pytest.mark.parametrize(
    ("lang", "key", "count", "expected"),
    [
        ("en", "notes.import.count_answers", 1, "1 answer"),
        ("en", "notes.import.count_answers", 2, "2 answers"),
        ("sv", "notes.progress.reflected", 1, "Du har svarat på 0 av 1 fråga."),
        ("en", "notes.progress.reflected", 1, "You have answered 0 of 1 question."),
        ("en", "meeting.plan_untimed", 1, "1 question has no suggested time. Add time for it."),
        ("en", "meeting.plan_untimed", 3, "3 questions have no suggested time. Add time for them."),
    ],
)
def test_the_form_follows_the_count(lang, key, count, expected):
    assert ui_text(strings_for(lang), key, n=0, count=count) == expected


def test_each_number_in_a_string_takes_its_own_form():
    ui = strings_for("en")
    assert ui_text(ui, "assessment.group.done", file="f.json", ratings=1, answers=1) == "Done. The file f.json is saved, with 1 choice and 1 shared answer."
    assert ui_text(ui, "assessment.group.done", file="f.json", ratings=0, answers=2) == "Done. The file f.json is saved, with 0 choices and 2 shared answers."
    assert ui_text(strings_for("sv"), "assessment.group.done", file="{ratings}", ratings=1, answers=1) == "Klart. Filen {ratings} är sparad, med 1 val och 1 delat svar."


def test_scripts_choose_the_form_by_count_as_the_build_does(browser, server):
    page = browser.new_page()
    try:
        page.goto(server.url + "en/anteckningar/", wait_until="load")
        for count in (0, 1, 2):
            shown = page.evaluate("c => Course.t('notes.import.count_group', { count: c })", count)
            assert shown == ui_text(strings_for("en"), "notes.import.count_group", count=count)
        assert page.evaluate("() => Course.t('notes.import.count_group', { count: 1 })") == "1 group note"
        for ratings, answers in ((1, 1), (2, 0)):
            values = {"file": "{answers}.json", "ratings": ratings, "answers": answers}
            shown = page.evaluate("v => Course.t('assessment.group.done', v)", values)
            assert shown == ui_text(strings_for("en"), "assessment.group.done", **values)
        assert "1 choice and 1 shared answer." in page.evaluate("() => Course.t('assessment.group.done', { file: 'f', ratings: 1, answers: 1 })")
    finally:
        page.close()
