"""The course's sources: load and check `data/sources.yml`, render the Källor list in a page's language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from course.content.data_files import load_checked, merged_with_local
from course.errors import CourseDataError, errors_named
from course.local.folder import SOURCES_FILE as LOCAL_SOURCES
from course.local.folder import LocalFolder, check_local_id, display_path
from course.content.yaml_source import errors_at, line_of, read_yaml

SOURCES_FILE = "data/sources.yml"
LANGUAGES = ("sv", "en")
TOP_KEYS = {"groups", "sources"}
GROUP_KEYS = {"id", *LANGUAGES}
SOURCE_KEYS = {"id", "group", "title", "title_en", "publisher", "publisher_en", "year", "urls", "note", "note_en"}
REQUIRED = ("group", "title", "title_en")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
URL_PATTERN = re.compile(r"https?://[^\s<>\"']+")


@dataclass(frozen=True)
class Group:
    id: str
    names: dict[str, str]


@dataclass(frozen=True)
class Source:
    id: str
    group: str
    title: str
    title_en: str
    publisher: str | None
    publisher_en: str | None
    year: int | None
    urls: tuple[str, ...]
    note: str | None
    note_en: str | None

    def as_html(self, lang: str) -> str:
        """One list item: title, publisher and year, a note, and the addresses as links."""
        if lang == "sv":
            title = f"<cite>{escape(self.title)}</cite>"
            publisher, note = escape(self.publisher) if self.publisher else "", self.note
        else:
            # Swedish titles stay in Swedish, with the translation in brackets. The space
            # sits inside <cite> so that text readers see the title's last word apart.
            title = f'<cite lang="sv">{escape(self.title)} </cite>[{escape(self.title_en)}]'
            # A publisher without an English name is a Swedish name, read as Swedish.
            if self.publisher_en or not self.publisher:
                publisher = escape(self.publisher_en or "")
            else:
                publisher = f'<span lang="sv">{escape(self.publisher)}</span>'
            note = self.note_en
        parts = [f"{title}."]
        if publisher or self.year:
            parts.append(", ".join(p for p in (publisher, str(self.year or "")) if p) + ".")
        if note:
            parts.append(escape(note))
        links = "<br>".join(f'<a href="{escape(url)}">{escape(url)}</a>' for url in self.urls)
        body = " ".join(parts) + (f'<br>\n<span class="course-source__links">{links}</span>' if links else "")
        return f'<li id="kalla-{self.id}">{body}</li>'


@dataclass(frozen=True)
class Sources:
    groups: tuple[Group, ...]
    sources: tuple[Source, ...]


# Loading and checking


def load_sources(project_dir: Path, local: LocalFolder | None = None) -> Sources:
    """Read and check the sources of the project at `project_dir`, with a local folder's (cached until a file changes)."""
    core = load_checked(project_dir, SOURCES_FILE, parse_sources)
    path = local.data_file(LOCAL_SOURCES) if local else None
    if path is None:
        return core
    return merged_with_local(core, path, _with_local_sources)


def _with_local_sources(core: Sources, path: Path) -> Sources:
    """The course's sources and then the local ones, in the course's groups or local groups of their own."""
    rel = display_path(path)
    data = read_yaml(path, rel)
    if not isinstance(data, dict) or set(data) - TOP_KEYS or not isinstance(data.get("sources"), list) or not data["sources"]:
        raise CourseDataError(rel, f"expected a mapping with a list under 'sources' (and 'groups', if any), found {data!r:.80}")
    with errors_named(SOURCES_FILE, rel):
        local_groups = _parse_groups(data["groups"]) if data.get("groups") is not None else ()
    for group in local_groups:
        check_local_id(group.id, rel, f"group '{group.id}'", line_of(data.get("groups")))
    groups = (*core.groups, *local_groups)
    known = {g.id for g in groups}
    sources = list(core.sources)
    for number, item in enumerate(data["sources"], start=1):
        with errors_at(item), errors_named(SOURCES_FILE, rel):
            source = _parse_source(item, number, known)
            check_local_id(source.id, rel, f"source '{source.id}'", None)
            if any(s.id == source.id for s in sources):
                raise CourseDataError(rel, "duplicate source id", f"source '{source.id}'")
        sources.append(source)
    return Sources(groups, tuple(sources))



def parse_sources(data: object) -> Sources:
    if not isinstance(data, dict):
        raise CourseDataError(SOURCES_FILE, f"expected a mapping with 'groups' and 'sources', found {type(data).__name__}")
    if unknown := sorted(map(str, set(data) - TOP_KEYS)):
        raise CourseDataError(SOURCES_FILE, f"unknown key(s) {', '.join(unknown)}; expected 'groups' and 'sources'")
    groups = _parse_groups(data.get("groups"))
    known_groups = {g.id for g in groups}
    items = data.get("sources")
    if not isinstance(items, list) or not items:
        raise CourseDataError(SOURCES_FILE, "'sources' must be a non-empty list")
    sources: list[Source] = []
    seen_ids: set[str] = set()
    seen_urls: dict[str, str] = {}
    for number, item in enumerate(items, start=1):
        source = _parse_source(item, number, known_groups)
        name = f"source '{source.id}'"
        if source.id in seen_ids:
            raise CourseDataError(SOURCES_FILE, "duplicate source id", name)
        seen_ids.add(source.id)
        for url in source.urls:
            if (other := seen_urls.setdefault(url, source.id)) != source.id:
                raise CourseDataError(SOURCES_FILE, f"address {url} is already listed under source '{other}'", name)
        sources.append(source)
    return Sources(groups, tuple(sources))


def _parse_groups(items: object) -> tuple[Group, ...]:
    if not isinstance(items, list) or not items:
        raise CourseDataError(SOURCES_FILE, "'groups' must be a non-empty list")
    groups: list[Group] = []
    for number, item in enumerate(items, start=1):
        gid = item.get("id") if isinstance(item, dict) else None
        name = f"group '{gid}'" if isinstance(gid, str) else f"group number {number}"
        if not isinstance(item, dict) or not isinstance(gid, str) or not ID_PATTERN.fullmatch(gid):
            raise CourseDataError(SOURCES_FILE, "needs an 'id' of lower-case letters, digits and hyphens", name)
        if unknown := sorted(map(str, set(item) - GROUP_KEYS)):
            raise CourseDataError(SOURCES_FILE, f"unknown key(s) {', '.join(unknown)}", name)
        if gid in {g.id for g in groups}:
            raise CourseDataError(SOURCES_FILE, "duplicate group id", name)
        names = {}
        for lang in LANGUAGES:
            if lang not in item:
                raise CourseDataError(SOURCES_FILE, f"missing '{lang}' translation", name)
            names[lang] = _text(item[lang], lang, name)
        groups.append(Group(gid, names))
    return tuple(groups)


def _parse_source(item: object, number: int, known_groups: set[str]) -> Source:
    sid = item.get("id") if isinstance(item, dict) else None
    name = f"source '{sid}'" if isinstance(sid, str) else f"source number {number}"
    if not isinstance(item, dict) or not isinstance(sid, str) or not ID_PATTERN.fullmatch(sid):
        raise CourseDataError(SOURCES_FILE, "needs an 'id' of lower-case letters, digits and hyphens", name)
    if unknown := sorted(map(str, set(item) - SOURCE_KEYS)):
        raise CourseDataError(
            SOURCES_FILE, f"unknown key(s) {', '.join(unknown)}; expected some of {', '.join(sorted(SOURCE_KEYS))}", name
        )
    for key in REQUIRED:
        if key not in item:
            problem = "missing English title 'title_en' (translation)" if key == "title_en" else f"missing '{key}'"
            raise CourseDataError(SOURCES_FILE, problem, name)
    if item["group"] not in known_groups:
        raise CourseDataError(
            SOURCES_FILE, f"unknown group '{item['group']}'; expected one of {', '.join(sorted(known_groups))}", name
        )
    if "publisher_en" in item and "publisher" not in item:
        raise CourseDataError(SOURCES_FILE, "'publisher_en' without 'publisher'", name)
    if ("note" in item) != ("note_en" in item):
        missing = "note_en" if "note" in item else "note"
        raise CourseDataError(SOURCES_FILE, f"missing '{missing}' translation of the note", name)
    year = item.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2100):
        raise CourseDataError(SOURCES_FILE, f"'year' must be a year such as 2024, found {year!r}", name)
    urls = item.get("urls") or []
    if not isinstance(urls, list):
        raise CourseDataError(SOURCES_FILE, "'urls' must be a list of addresses", name)
    for url in urls:
        if not isinstance(url, str) or not URL_PATTERN.fullmatch(url):
            raise CourseDataError(SOURCES_FILE, f"'{url}' is not a web address (http:// or https://)", name)
    return Source(
        id=sid,
        group=item["group"],
        title=_text(item["title"], "title", name),
        title_en=_text(item["title_en"], "title_en", name),
        publisher=_text(item["publisher"], "publisher", name) if "publisher" in item else None,
        publisher_en=_text(item["publisher_en"], "publisher_en", name) if "publisher_en" in item else None,
        year=year,
        urls=tuple(urls),
        note=_text(item["note"], "note", name) if "note" in item else None,
        note_en=_text(item["note_en"], "note_en", name) if "note_en" in item else None,
    )


def _text(value: object, key: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CourseDataError(SOURCES_FILE, f"'{key}' must be non-empty text", where)
    return " ".join(value.split())


# Rendering


def sources_markdown(sources: Sources, lang: str) -> str:
    """The Källor list: a heading per group (fixed id, the same in every language) and a list of sources."""
    blocks = []
    for group in sources.groups:
        items = [s.as_html(lang) for s in sources.sources if s.group == group.id]
        if not items:
            continue
        blocks.append(f"## {group.names[lang]} {{ #{group.id} }}")
        blocks.append('<ul class="course-sources">\n' + "\n".join(items) + "\n</ul>")
    return "\n\n".join(blocks)
