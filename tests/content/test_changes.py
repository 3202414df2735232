"""What changed, for readers (issue 20): data/changes.yml, the line under each page's title, and Vad är nytt."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
import yaml

from course.content.changes import CHANGES_FILE, Changes, Entry, Version, covered_pages, load_changes, parse_changes
from course.errors import CourseDataError
from course.render.page_status import long_date, whats_new_markdown
from course.content.source_hash import file_hash
from tests.support.project_copy import copy_project
from tests.support.site_build import COURSE_VERSION, ROOT, build_site

DOCS = ROOT / "docs"
UPDATED = re.compile(r'<h1[^>]*>.*?</h1>\s*<p class="course-updated">(.*?)</p>', re.S)


def built_html(site_dir, src: str, lang: str) -> str:
    path = src[: -len(".md")]
    path = path[: -len("index")] if path.endswith("index") else path + "/"
    return (site_dir / ("" if lang == "sv" else f"{lang}/") / path / "index.html").read_text(encoding="utf-8")


# The record


def test_no_swedish_page_changed_since_its_last_entry():
    """A change to a module or deeper-reading page is recorded in data/changes.yml, or this fails."""
    changes = load_changes(ROOT)
    stale = {}
    for page in covered_pages(DOCS):
        last = changes.last(page)
        now = file_hash(DOCS / page)
        if last is None or last.hash != now:
            stale[f"docs/{page}"] = f"hash now {now}, last entry {last.hash if last else 'none'}"
    assert stale == {}, (
        "Swedish pages changed since their last entry in data/changes.yml. Say what changed: "
        'make changes ADD=<page> SV="…" EN="…" (TYPO=1 for a typo fix), or make changes REHASH=<page> '
        f"if the last entry already says it: {stale}"
    )


def test_every_module_and_deeper_reading_page_is_covered():
    covered = covered_pages(DOCS)
    assert "modules/varfor-nara-vard.md" in covered and "fordjupning/halsolabb.md" in covered
    assert not any(p.endswith(".en.md") for p in covered)
    assert covered == sorted({e.page for v in load_changes(ROOT).versions for e in v.entries})



def test_the_newest_version_is_the_course_s_version():
    """pyproject.toml's version names the offline zip and the SCORM packages; What's new must match it."""
    assert load_changes(ROOT).versions[0].version == COURSE_VERSION, (
        f"pyproject.toml says version {COURSE_VERSION}; the newest version in data/changes.yml must be the same"
    )

VALID = {
    "versions": [
        {
            "version": "0.2.0",
            "date": dt.date(2026, 12, 1),
            "changes": [
                {"page": "modules/x.md", "date": dt.date(2026, 12, 1), "sv": "Ny text.", "en": "New text.", "hash": "0" * 12}
            ],
        }
    ]
}


def broken(path: str, value):
    data = yaml.safe_load(yaml.safe_dump(VALID))
    target = data
    *parents, last = path.split(".")
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return data


@pytest.mark.parametrize(
    "path, value, where, problem",
    [
        ("versions.0.changes.0.en", KeyError, "version 0.2.0, modules/x.md", "missing sentence 'en'"),
        ("versions.0.changes.0.hash", "abc", "version 0.2.0, modules/x.md", "'hash' must be 12 hex digits"),
        ("versions.0.changes.0.date", dt.date(2026, 12, 2), "version 0.2.0, modules/x.md", "after its version's date"),
        ("versions.0.changes.0.date", "1 december", "version 0.2.0, modules/x.md", "'date' must be a date"),
        ("versions.0.changes.0.typo", "yes", "version 0.2.0, modules/x.md", "'typo' must be true or false"),
        ("versions.0.changes.0.sida", "x", "version 0.2.0, modules/x.md", "unknown key(s) sida"),
        ("versions.0.changes.0.page", "modules/x.en.md", "version 0.2.0, entry number 1", "must be a Swedish page"),
        ("versions.0.version", 2, "version number 1", "quoted version number"),
        ("versions.0.changes", [], "version 0.2.0", "at least one entry"),
    ],
)
def test_a_malformed_changes_file_names_the_file_and_the_entry(path, value, where, problem):
    with pytest.raises(CourseDataError) as info:
        parse_changes(broken(path, value))
    message = str(info.value)
    assert message.startswith(f"{CHANGES_FILE}: {where}: "), message
    assert problem in message


def test_versions_newest_first_and_a_typo_fix_needs_no_sentence():
    typo_fix = {"page": "modules/x.md", "date": dt.date(2026, 11, 25), "typo": True, "hash": "1" * 12}
    older = {"version": "0.1.0", "date": dt.date(2026, 11, 25), "changes": [typo_fix]}
    changes = parse_changes({"versions": [VALID["versions"][0], older]})
    assert [v.version for v in changes.versions] == ["0.2.0", "0.1.0"]
    with pytest.raises(CourseDataError, match=r"newest first: 0\.2\.0 \(2026-12-01\) comes after 0\.1\.0"):
        parse_changes({"versions": [older, VALID["versions"][0]]})


def test_a_broken_changes_file_stops_the_build_naming_file_and_entry(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / CHANGES_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("en: First version of the module.", "", 1), encoding="utf-8")
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    assert "data/changes.yml: version 0.1.0, modules/varfor-nara-vard.md: missing sentence 'en'" in result.output


# What readers see


def test_each_covered_page_says_when_it_last_changed_in_its_language(site_dir):
    changes = load_changes(ROOT)
    for page in covered_pages(DOCS):
        entry = changes.last_shown(page)
        for lang in ("sv", "en"):
            match = UPDATED.search(built_html(site_dir, page, lang))
            assert match, f"{lang} {page}: no 'updated' line under the title"
            line = match.group(1)
            assert f'<time datetime="{entry.date.isoformat()}">{long_date(entry.date, lang)}</time>' in line
            text = unescape(re.sub(r"<[^>]+>", "", line))
            word = "Uppdaterad" if lang == "sv" else "Updated"
            assert text == f"{word} {long_date(entry.date, lang)}: {entry.text[lang]}", text
    assert long_date(dt.date(2026, 11, 25), "sv") == "25 november 2026"
    assert long_date(dt.date(2026, 11, 25), "en") == "25 November 2026"


def test_pages_outside_the_modules_and_deeper_reading_have_no_updated_line(site_dir):
    for src in ("index.md", "anteckningar.md", "vad-ar-nytt.md"):
        for lang in ("sv", "en"):
            assert "course-updated" not in built_html(site_dir, src, lang), f"{lang} {src}"


def test_whats_new_lists_versions_with_changes_newest_first_without_typo_fixes():
    def entry(page, day, version, typo=False):
        text = {} if typo else {"sv": f"Ändrat {day}.", "en": f"Changed on {day}."}
        return Entry(page, dt.date(2026, 12, day), "0" * 12, text, typo, version)

    changes = Changes(
        versions=(
            Version("0.3.0", dt.date(2026, 12, 20), (entry("modules/varfor-nara-vard.md", 20, "0.3.0", typo=True),)),
            Version(
                "0.2.0",
                dt.date(2026, 12, 10),
                (entry("fordjupning/halsolabb.md", 9, "0.2.0"), entry("modules/varfor-nara-vard.md", 8, "0.2.0", typo=True)),
            ),
            Version("0.1.0", dt.date(2026, 12, 1), (entry("modules/varfor-nara-vard.md", 1, "0.1.0"),)),
        )
    )
    sv = whats_new_markdown(changes, "sv", DOCS, "vad-ar-nytt.md")
    assert re.findall(r"^## (.*) \{ #(.*) \}$", sv, re.M) == [
        ("Version 0.2.0, 10 december 2026", "version-0-2-0"),
        ("Version 0.1.0, 1 december 2026", "version-0-1-0"),
    ]
    assert re.findall(r"^- (.*)$", sv, re.M) == [
        '[Lärdomar från Hälsolabb](fordjupning/halsolabb.md), <time datetime="2026-12-09">9 december 2026</time>: Ändrat 9.',
        '[Varför Nära vård?](modules/varfor-nara-vard.md), <time datetime="2026-12-01">1 december 2026</time>: Ändrat 1.',
    ]
    en = whats_new_markdown(changes, "en", DOCS, "vad-ar-nytt.md")
    assert "[Why Nära vård?](modules/varfor-nara-vard.md)" in en and "Changed on 1." in en
    # The line under a page's title shows its newest entry readers see, not a later typo fix.
    assert changes.last("modules/varfor-nara-vard.md").date.day == 20
    assert changes.last_shown("modules/varfor-nara-vard.md").date.day == 1


def test_whats_new_page_in_both_languages(site_dir):
    changes = load_changes(ROOT)
    shown = [v for v in changes.versions if v.visible()]
    for lang, title in (("sv", "Vad är nytt"), ("en", "What’s new")):
        html = built_html(site_dir, "vad-ar-nytt.md", lang)
        assert re.search(rf"<h1[^>]*>{title}</h1>", html)
        headings = re.findall(r'<h2 id="(version-[^"]+)"', html)
        assert headings == ["version-" + v.version.replace(".", "-") for v in shown]
        items = re.findall(r"<li><a href=\"([^\"]+)\">", html.split('id="version-')[1])
        assert len(items) == len(shown[0].visible())
        assert all(href.startswith("../") and href.endswith("/") for href in items), items


def test_with_a_local_folder_the_record_speaks_for_the_course_s_own_pages(local_site):
    """The example folder hides a deeper-reading page: Vad är nytt leaves it out, and a local page gets no line."""
    from tests.support.local_site import HIDDEN, LOCAL_PAGE

    for edition in ("", "en/"):
        whats_new = (local_site / edition / "vad-ar-nytt" / "index.html").read_text(encoding="utf-8")
        assert HIDDEN.split("/")[1] not in whats_new and "fordjupning/halsolabb/" in whats_new
        module = (local_site / edition / "modules" / "varfor-nara-vard" / "index.html").read_text(encoding="utf-8")
        assert '<p class="course-updated">' in module
        assert "course-updated" not in (local_site / edition / LOCAL_PAGE / "index.html").read_text(encoding="utf-8")
