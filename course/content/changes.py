"""What changed in the course, for readers: `data/changes.yml`, read and checked once.

The file lists the course's versions, newest first. Each version has dated
entries, one per page that changed, with a sentence in every language and
the hash of the Swedish page's source as it was then (course/content/source_hash.py).
An entry flagged `typo: true` records a change readers need not hear about:
it keeps the hash current but shows nowhere.

Every module and deeper-reading page must have an entry. A test
(tests/content/test_changes.py) fails when a Swedish page's source no longer has
the hash of its newest entry, so no change goes unrecorded.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from course.content.data_files import load_checked
from course.editions import LANGUAGES
from course.errors import CourseDataError
from course.content.source_hash import HASH_LENGTH, HASH_PATTERN

CHANGES_FILE = "data/changes.yml"
# The pages that show when they last changed (Swedish sources, relative to docs/).
COVERED = ("modules/*.md", "fordjupning/*.md")
VERSION_PATTERN = re.compile(r"^\d+(?:\.\d+){1,2}$")
ENTRY_KEYS = {"page", "date", "hash", "typo", *LANGUAGES}
VERSION_KEYS = {"version", "date", "changes"}


@dataclass(frozen=True)
class Entry:
    page: str  # Swedish source, relative to docs/: modules/varfor-nara-vard.md
    date: dt.date
    hash: str
    text: dict[str, str]  # empty for a typo fix
    typo: bool
    version: str


@dataclass(frozen=True)
class Version:
    version: str
    date: dt.date
    entries: tuple[Entry, ...]

    def visible(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if not e.typo)


@dataclass(frozen=True)
class Changes:
    versions: tuple[Version, ...]  # newest first

    def entries(self, page: str) -> list[Entry]:
        """A page's entries, newest first: by date, then as the file lists them (newest on top)."""
        found = [e for v in self.versions for e in v.entries if e.page == page]
        return sorted(found, key=lambda e: e.date, reverse=True)

    def last(self, page: str) -> Entry | None:
        entries = self.entries(page)
        return entries[0] if entries else None

    def last_shown(self, page: str) -> Entry | None:
        return next((e for e in self.entries(page) if not e.typo), None)


def load_changes(project_dir: Path) -> Changes:
    return load_checked(project_dir, CHANGES_FILE, parse_changes)


def covered_pages(docs_dir: Path) -> list[str]:
    """Every module and deeper-reading page, as its Swedish source relative to docs/."""
    found = {p.relative_to(docs_dir).as_posix() for pattern in COVERED for p in docs_dir.glob(pattern)}
    return sorted(p for p in found if not _is_translation(p))


def check_pages(changes: Changes, docs_dir: Path) -> None:
    """Every entry names a covered page, and every covered page has an entry readers see."""
    covered = covered_pages(docs_dir)
    for version in changes.versions:
        for entry in version.entries:
            if entry.page not in covered:
                raise CourseDataError(
                    CHANGES_FILE,
                    f"page '{entry.page}' is not a module or deeper-reading page in docs/"
                    f" (expected one of {', '.join(covered)})",
                    f"version {version.version}, {entry.page}",
                )
    for page in covered:
        if changes.last_shown(page) is None:
            raise CourseDataError(
                CHANGES_FILE,
                f"docs/{page} has no entry readers see; add one (make changes lists the page with its hash)",
            )


def is_covered(src_uri: str) -> bool:
    return any(Path(swedish_source(src_uri)).match(pattern) for pattern in COVERED)


def swedish_source(src_uri: str) -> str:
    """modules/x.en.md -> modules/x.md; a Swedish source stays as it is."""
    for lang in LANGUAGES[1:]:
        if src_uri.endswith(f".{lang}.md"):
            return src_uri[: -len(f".{lang}.md")] + ".md"
    return src_uri


def parse_changes(raw) -> Changes:
    """The changes file's data, as YAML reads it, checked: every problem names the file and the entry."""
    if not isinstance(raw, dict) or set(raw) != {"versions"}:
        raise CourseDataError(CHANGES_FILE, "must be a mapping with one key, 'versions' (a list, newest first)")
    items = raw["versions"]
    if not isinstance(items, list) or not items:
        raise CourseDataError(CHANGES_FILE, "'versions' must be a list of at least one version, newest first")
    versions = [_parse_version(item, n) for n, item in enumerate(items, start=1)]
    seen: set[str] = set()
    for newer, older in zip(versions, versions[1:]):
        if older.date > newer.date:
            raise CourseDataError(
                CHANGES_FILE,
                f"versions must be newest first: {older.version} ({older.date}) comes after {newer.version} ({newer.date})",
                f"version {older.version}",
            )
    for version in versions:
        if version.version in seen:
            raise CourseDataError(CHANGES_FILE, "this version is listed twice", f"version {version.version}")
        seen.add(version.version)
    return Changes(versions=tuple(versions))


# Helper functions


def _is_translation(rel: str) -> bool:
    return any(rel.endswith(f".{lang}.md") for lang in LANGUAGES[1:])


def _parse_version(raw, n: int) -> Version:
    if not isinstance(raw, dict):
        raise CourseDataError(CHANGES_FILE, f"must be a mapping with {_names(VERSION_KEYS)}", f"version number {n}")
    name = raw.get("version")
    if not isinstance(name, str) or not VERSION_PATTERN.match(name):
        raise CourseDataError(
            CHANGES_FILE, f"'version' must be a quoted version number such as \"1.2\", found {name!r}", f"version number {n}"
        )
    where = f"version {name}"
    _check_keys(raw, VERSION_KEYS, where)
    date = _date(raw["date"], where)
    items = raw["changes"]
    if not isinstance(items, list) or not items:
        raise CourseDataError(CHANGES_FILE, "'changes' must be a list of at least one entry", where)
    entries = tuple(_parse_entry(item, name, date, m) for m, item in enumerate(items, start=1))
    return Version(version=name, date=date, entries=entries)


def _parse_entry(raw, version: str, version_date: dt.date, m: int) -> Entry:
    where = f"version {version}, entry number {m}"
    if not isinstance(raw, dict):
        raise CourseDataError(CHANGES_FILE, f"must be a mapping with {_names(ENTRY_KEYS)}", where)
    page = raw.get("page")
    if not isinstance(page, str) or not page.endswith(".md") or _is_translation(page):
        raise CourseDataError(
            CHANGES_FILE, f"'page' must be a Swedish page under docs/, such as modules/x.md, found {page!r}", where
        )
    where = f"version {version}, {page}"
    _check_keys(raw, ENTRY_KEYS | {"page"}, where, required=("date", "hash"))
    date = _date(raw["date"], where)
    if date > version_date:
        raise CourseDataError(CHANGES_FILE, f"the entry's date {date} is after its version's date {version_date}", where)
    digest = raw["hash"]
    if not isinstance(digest, str) or not HASH_PATTERN.match(digest):
        raise CourseDataError(
            CHANGES_FILE, f"'hash' must be {HASH_LENGTH} hex digits (make changes prints it), found {digest!r}", where
        )
    typo = raw.get("typo", False)
    if not isinstance(typo, bool):
        raise CourseDataError(CHANGES_FILE, f"'typo' must be true or false, found {typo!r}", where)
    text = {}
    for lang in LANGUAGES:
        value = raw.get(lang)
        if value is None and typo:
            continue
        if not isinstance(value, str) or not value.strip():
            raise CourseDataError(
                CHANGES_FILE, f"missing sentence '{lang}': each entry says what changed in {_names(LANGUAGES)}"
                " (or is a typo fix, typo: true)", where,
            )
        text[lang] = " ".join(value.split())
    return Entry(page=page, date=date, hash=digest, text=text if not typo else {}, typo=typo, version=version)


def _date(value, where: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise CourseDataError(CHANGES_FILE, f"'date' must be a date such as 2026-11-25, found {value!r}", where)


def _check_keys(raw: dict, allowed: set[str], where: str, required: tuple[str, ...] = ("date", "changes")) -> None:
    if unknown := sorted(str(k) for k in set(raw) - allowed):
        raise CourseDataError(CHANGES_FILE, f"unknown key(s) {', '.join(unknown)}; expected some of {_names(allowed)}", where)
    if missing := [k for k in required if k not in raw]:
        raise CourseDataError(CHANGES_FILE, f"missing key(s) {', '.join(missing)}", where)


def _names(items) -> str:
    return ", ".join(sorted(items))
