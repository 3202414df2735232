"""An organisation's local folder (LOCAL_DIR): its settings, pages, questions, terms and sources.

The folder lives outside the course's own files, so that a new version of the
course never touches it. Its layout:

    local.yml        branding, where local pages go, pages to hide or replace
    pages/           Markdown pages: x.md (Swedish) and, where written, x.en.md
    reflection/      steps and questions, the same shape as data/reflection/
    glossary.yml     terms, the same shape as data/glossary.yml
    sources.yml      sources, the same shape as data/sources.yml
    accessibility.yml  parts of the accessibility statement (course/content/accessibility_statement.py)
    (any other file, such as the logo, is named from local.yml)

Every id the folder defines starts with `lokal-`, an id the course itself
never uses, so a later version of the course can add any id of its own.
Each problem stops the build naming the local file, the line, what was found
and what was expected.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from course.editions import DEFAULT_LANGUAGE, LANGUAGES
from course.errors import CourseDataError
from course.content.yaml_source import errors_at, item_line, line_of, read_yaml

SETTINGS_FILE = "local.yml"
PAGES_DIR = "pages"
REFLECTION_DIR = "reflection"
GLOSSARY_FILE = "glossary.yml"
SOURCES_FILE = "sources.yml"
# Where local pages are placed in the built course: /lokalt/<name>/.
SITE_FOLDER = "lokalt"
LOCAL_PREFIX = "lokal-"

SETTINGS_KEYS = ("organisation", "pages", "hide", "replace")
ORGANISATION_KEYS = (
    "name",
    "logo",
    "primary_color",
    "feedback_email",
    "accessibility_contact",
    "accessibility_response_days",
)
PAGE_KEYS = ("file", "after", "section")
# The pages an organisation may hide: a module or a deeper-reading page.
HIDEABLE = re.compile(r"(modules|fordjupning)/(?!index\.md$)[a-z0-9-]+\.md")
PAGE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.md")


@dataclass(frozen=True)
class LocalPage:
    file: str  # name in pages/, e.g. "var-fardplan.md"
    site_path: str  # where it goes in the course, e.g. "lokalt/var-fardplan.md"
    after: str | None  # a page of the course it follows in the navigation
    section: dict[str, str] | None  # or a section, by its title per language
    line: int | None


@dataclass(frozen=True)
class LocalFolder:
    root: Path
    settings_file: str  # local.yml as messages name it
    organisation: dict[str, object] = field(default_factory=dict)
    pages: tuple[LocalPage, ...] = ()
    hide: tuple[str, ...] = ()
    replace: dict[str, str] = field(default_factory=dict)  # course page -> file in pages/
    lines: dict[str, int] = field(default_factory=dict)  # "hide:<page>" / "replace:<page>" -> line

    def name(self, *parts: str) -> str:
        """A path inside the folder, as error messages show it."""
        return display_path(self.root.joinpath(*parts))

    def page_path(self, file: str) -> Path:
        return self.root / PAGES_DIR / file

    def reflection_files(self) -> list[Path]:
        folder = self.root / REFLECTION_DIR
        return sorted(folder.glob("*.yml")) if folder.is_dir() else []

    def data_file(self, name: str) -> Path | None:
        path = self.root / name
        return path if path.is_file() else None


def local_dir_from(value: str | None, project_dir: Path) -> Path | None:
    """The folder LOCAL_DIR names, relative to the project; None when it is not set."""
    if not value or not value.strip():
        return None
    path = Path(value.strip()).expanduser()
    return path if path.is_absolute() else (project_dir / path)


def load_local_folder(root: Path) -> LocalFolder:
    """Read and check local.yml; the pages, questions, terms and sources it names are checked by their own loaders."""
    if not root.is_dir():
        raise CourseDataError(
            display_path(root), "LOCAL_DIR names no folder; expected a folder with local.yml (make local-new DIR=... makes one)"
        )
    settings_path = root / SETTINGS_FILE
    rel = display_path(settings_path)
    if not settings_path.is_file():
        raise CourseDataError(rel, "file is missing; expected the local folder's settings (it may be empty)")
    raw = read_yaml(settings_path, rel)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise CourseDataError(rel, f"must be a mapping with some of {', '.join(SETTINGS_KEYS)}, found {_kind(raw)}")
    _check_keys(raw, SETTINGS_KEYS, rel, "at the top level")
    folder = LocalFolder(root=root, settings_file=rel)
    organisation = _organisation(raw.get("organisation"), folder)
    pages = _pages(raw.get("pages"), folder)
    hide, lines = _hide(raw.get("hide"), rel, line_of(raw))
    replace = _replace(raw.get("replace"), folder, lines)
    names = [p.file for p in pages] + list(replace.values())
    if duplicates := sorted({n for n in names if names.count(n) > 1}):
        raise CourseDataError(rel, f"the page {duplicates[0]} is used twice; each local page goes in one place")
    for page, line in ((p, lines.get(f"hide:{p}")) for p in hide):
        if page in replace:
            raise CourseDataError(rel, f"'{page}' is both hidden and replaced; expected one of the two", line=line)
    return LocalFolder(root, rel, organisation, pages, hide, replace, lines)


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the working folder when inside it, else absolute."""
    try:
        return path.resolve().relative_to(Path(os.getcwd()).resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def language_twin(page: str, lang: str) -> str:
    """`modules/x.md` in another language: `modules/x.en.md`."""
    return page if lang == DEFAULT_LANGUAGE else page[: -len(".md")] + f".{lang}.md"


def check_local_id(value: str, rel: str, what: str, line: int | None) -> None:
    if not value.startswith(LOCAL_PREFIX) or len(value) == len(LOCAL_PREFIX):
        raise CourseDataError(
            rel,
            f"{what}: id '{value}' is not in the local namespace; expected an id that starts with "
            f"'{LOCAL_PREFIX}', such as '{LOCAL_PREFIX}{value}'",
            line=line,
        )


# Helper functions


def _organisation(raw, folder: LocalFolder) -> dict[str, object]:
    rel = folder.settings_file
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise CourseDataError(rel, f"'organisation' must be a mapping with some of {', '.join(ORGANISATION_KEYS)}, found {_kind(raw)}")
    with errors_at(raw):
        _check_keys(raw, ORGANISATION_KEYS, rel, "in 'organisation'")
        settings = dict(raw)
        name = raw.get("name")
        if name is not None:
            settings["name"] = _per_language(name, rel, "organisation.name")
        if "logo" in raw:
            logo = raw["logo"]
            if not isinstance(logo, str) or not (folder.root / logo).is_file():
                raise CourseDataError(rel, f"organisation.logo names no file in the local folder: found {logo!r}, expected a file such as logo.svg")
            settings["logo"] = folder.root / logo
        days = raw.get("accessibility_response_days")
        if days is not None and (not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 90):
            raise CourseDataError(rel, f"organisation.accessibility_response_days must be a whole number of days from 1 to 90, found {days!r}")
        for key in ("feedback_email", "accessibility_contact"):
            if key in raw and (not isinstance(raw[key], str) or "@" not in raw[key]):
                raise CourseDataError(rel, f"organisation.{key} must be an e-mail address, found {raw[key]!r}")
    return settings


def _pages(raw, folder: LocalFolder) -> tuple[LocalPage, ...]:
    rel = folder.settings_file
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise CourseDataError(rel, f"'pages' must be a list of pages, each with 'file' and 'after' or 'section', found {_kind(raw)}")
    pages = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise CourseDataError(rel, f"page number {number} under 'pages' must be a mapping with 'file', found {_kind(item)}")
        with errors_at(item):
            _check_keys(item, PAGE_KEYS, rel, f"in page number {number}")
            file = _page_file(item.get("file"), folder, f"page number {number}")
            after, section = item.get("after"), item.get("section")
            if (after is None) == (section is None):
                raise CourseDataError(
                    rel, f"page {file}: found {'both' if after else 'neither'} 'after' and 'section', expected exactly one of them"
                )
            if after is not None and not isinstance(after, str):
                raise CourseDataError(rel, f"page {file}: 'after' must name a page such as modules/varfor-nara-vard.md, found {after!r}")
            pages.append(
                LocalPage(
                    file=file,
                    site_path=f"{SITE_FOLDER}/{file}",
                    after=after,
                    section=_per_language(section, rel, f"page {file}: section") if section is not None else None,
                    line=line_of(item),
                )
            )
    return tuple(pages)


def _hide(raw, rel: str, line: int | None) -> tuple[tuple[str, ...], dict[str, int]]:
    if raw is None:
        return (), {}
    if not isinstance(raw, list):
        raise CourseDataError(rel, f"'hide' must be a list of pages, found {_kind(raw)}", line=line)
    lines = {}
    for index, page in enumerate(raw):
        at = item_line(raw, index) or line
        if not isinstance(page, str) or not HIDEABLE.fullmatch(page):
            raise CourseDataError(
                rel,
                f"'hide' can hide a module or a deeper-reading page; found {page!r}, expected a page such as "
                "modules/fabrikslogik-och-tjanstelogik.md or fordjupning/komplexa-system.md",
                line=at,
            )
        if at:
            lines[f"hide:{page}"] = at
    return tuple(raw), lines


def _replace(raw, folder: LocalFolder, lines: dict[str, int]) -> dict[str, str]:
    rel = folder.settings_file
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise CourseDataError(rel, f"'replace' must map a page of the course to a file in pages/, found {_kind(raw)}")
    replace = {}
    with errors_at(raw):
        for page, file in raw.items():
            if not isinstance(page, str) or not page.endswith(".md") or re.search(r"\.[a-z]{2}\.md$", page):
                raise CourseDataError(rel, f"'replace' names a Swedish page of the course, such as om-kursen.md; found {page!r}")
            replace[page] = _page_file(file, folder, f"replace {page}")
            lines[f"replace:{page}"] = line_of(raw)
    return replace


def _page_file(value, folder: LocalFolder, where: str) -> str:
    rel = folder.settings_file
    if not isinstance(value, str) or not PAGE_NAME.fullmatch(value):
        raise CourseDataError(
            rel, f"{where}: 'file' must be a Swedish page's file name in pages/ such as var-fardplan.md, found {value!r}"
        )
    if not folder.page_path(value).is_file():
        raise CourseDataError(rel, f"{where}: the page {value} is missing; expected the file {folder.name(PAGES_DIR, value)}")
    return value


def _per_language(raw, rel: str, what: str) -> dict[str, str]:
    """A text per language; a plain string, or a missing language, stands for every language."""
    if isinstance(raw, str) and raw.strip():
        return {lang: raw.strip() for lang in LANGUAGES}
    if isinstance(raw, dict) and all(isinstance(raw.get(k), str) for k in raw) and DEFAULT_LANGUAGE in raw:
        if unknown := sorted(set(raw) - set(LANGUAGES)):
            raise CourseDataError(rel, f"{what}: unknown language(s) {', '.join(map(str, unknown))}; expected {', '.join(LANGUAGES)}")
        return {lang: str(raw.get(lang) or raw[DEFAULT_LANGUAGE]).strip() for lang in LANGUAGES}
    raise CourseDataError(rel, f"{what} must be a text, or a text per language ({', '.join(LANGUAGES)}), found {raw!r}")


def _check_keys(raw: dict, allowed: tuple[str, ...], rel: str, where: str) -> None:
    if unknown := sorted(str(k) for k in set(raw) - set(allowed)):
        raise CourseDataError(rel, f"unknown key(s) {', '.join(unknown)} {where}; expected some of {', '.join(allowed)}")


def _kind(value) -> str:
    return "nothing" if value is None else type(value).__name__
