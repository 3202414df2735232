"""The interface strings each page carries for its scripts (#course-config): all it can show, nothing it cannot."""

from __future__ import annotations

import json
import re

import pytest

from macros.ui_strings import BUILD_ONLY, PAGE_SPECIFIC, load_table, strings_for, ui_text
from tests.site_build import ROOT
from tests.site_pages import page_html

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
    return set(re.findall(r'\bt\("([a-z_]+(?:\.[a-z_]+)*\.?)"', (SCRIPTS / script).read_text(encoding="utf-8")))


def group_of(key: str) -> str | None:
    return next((marker for prefixes, marker in PAGE_SPECIFIC if key.startswith(prefixes)), None)


def config_of(html: str) -> dict:
    return json.loads(re.search(r'<script id="course-config" type="application/json">(.*?)</script>', html, re.S).group(1))


def test_every_key_a_script_uses_exists_and_reaches_the_pages_it_runs_on():
    table = load_table("en")
    problems = []
    for path in sorted(SCRIPTS.glob("*.js")):
        for key in keys_used(path.name):
            plural = {f"{key}.one", f"{key}.other"}
            if not any(k == key or k in plural or (key.endswith(".") and k.startswith(key)) for k in table):
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
    scripts have run (the shared tour, tests/page_tour.py), and in meeting mode on the notes page,
    where the steps of every module are."""
    from tests.page_tour import SHOWN_TEXT

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


# A number followed by a noun counts something; then the string needs a singular form.
COUNTS = {"count", "n", "total", "minutes"}
NOT_NOUNS = {"of", "av", "more", "till", "min"}  # "min": the same abbreviation for one minute and many


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_counted_noun_has_singular_and_plural_forms(lang):
    table = load_table(lang)
    problems = []
    for key, text in table.items():
        base, _, form = key.rpartition(".")
        if form in {"one", "other"}:
            twin = f"{base}.{'other' if form == 'one' else 'one'}"
            if twin not in table:
                problems.append(f"{key} has no {twin}")
            if "{count}" not in text:
                problems.append(f"{key} has plural forms but no {{count}}")
            continue
        for placeholder, word in re.findall(r"\{(\w+)\}[\s\u00a0]+(\w+)", text):
            if placeholder in COUNTS and word.lower() not in NOT_NOUNS:
                problems.append(f"{key}: {{{placeholder}}} {word} needs {key}.one and {key}.other")
    assert problems == []


@pytest.mark.parametrize(
    ("lang", "key", "count", "expected"),
    [
        ("en", "notes.import.count_answers", 1, "1 answer"),
        ("en", "notes.import.count_answers", 2, "2 answers"),
        ("sv", "notes.progress.reflected", 1, "Du har svarat på 0 av 1 fråga."),
        ("en", "notes.progress.reflected", 1, "You have answered 0 of 1 question."),
        ("en", "meeting.plan_untimed", 1, "1 question suggests no time. Add time for it."),
    ],
)
def test_the_form_follows_the_count(lang, key, count, expected):
    assert ui_text(strings_for(lang), key, n=0, count=count) == expected


def test_scripts_choose_the_form_by_count_as_the_build_does(browser, server):
    page = browser.new_page()
    try:
        page.goto(server.url + "en/anteckningar/", wait_until="load")
        for count in (0, 1, 2):
            shown = page.evaluate("c => Course.t('notes.import.count_group', { count: c })", count)
            assert shown == ui_text(strings_for("en"), "notes.import.count_group", count=count)
        assert page.evaluate("() => Course.t('notes.import.count_group', { count: 1 })") == "1 group note"
    finally:
        page.close()
