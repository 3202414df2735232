"""The pages of a course with a local folder: staged into one docs folder, and placed in the navigation.

MkDocs and mkdocs-static-i18n read pages from one `docs_dir`. With a local
folder the build reads a staged copy instead: the course's own pages as
symbolic links (so `make serve` sees every edit), without the hidden pages,
with the replaced pages pointing at the local ones, and the local pages
under `lokalt/`. The staged folder is kept in step file by file, so that
an unchanged page is never rewritten and `make serve` does not loop.

A local page written only in Swedish gets an English twin that shows the
Swedish text, marked `lang="sv"`, under one line saying so.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path, PurePosixPath

from course.editions import DEFAULT_LANGUAGE, OTHER_LANGUAGES
from course.errors import CourseDataError
from course.local.folder import LocalFolder, language_twin
from course.content.ui_strings import strings_for

STAGE_ROOT = ".local-build"
# Where each staged page comes from, for messages that must name the file an author edits.
ORIGINS: dict[str, Path] = {}
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_MD_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)(\s+\"[^\"]*\")?\)")


def stage_docs(project_dir: Path, docs_dir: Path, local: LocalFolder) -> Path:
    """The staged docs folder for this local folder, brought in step with both."""
    key = hashlib.sha256(str(local.root.resolve()).encode()).hexdigest()[:12]
    target = project_dir / STAGE_ROOT / key / "docs"
    wanted: dict[str, Path | str] = {}  # staged path -> file to link to, or generated text
    for path in sorted(docs_dir.rglob("*")):
        if path.is_file():
            wanted[path.relative_to(docs_dir).as_posix()] = path
    _check_named_pages(local, wanted)
    for page in local.hide:
        for twin in _twins(page):
            wanted.pop(twin, None)
    for page, file in local.replace.items():
        _place_local_page(wanted, page, local, file)
    for page in local.pages:
        _place_local_page(wanted, page.site_path, local, page.file)
    _sync(target, wanted)
    ORIGINS.clear()
    ORIGINS.update({rel: src for rel, src in wanted.items() if isinstance(src, Path)})
    return target


def origin_name(src_uri: str) -> str:
    """The file an author edits for a page, as messages name it."""
    from course.local.folder import display_path

    origin = ORIGINS.get(src_uri)
    return display_path(origin) if origin is not None else f"docs/{src_uri}"


def arrange_nav(nav: list, local: LocalFolder) -> list:
    """The navigation without hidden pages and with the local pages where local.yml places them."""
    hidden = set(local.hide)
    nav = _without(nav, hidden)
    for page in local.pages:
        if _contains(nav, page.site_path):
            continue  # i18n's second build sees the arranged nav again
        if page.after is not None:
            if not _insert_after(nav, page.after, page.site_path):
                expected = "a page in the course's navigation, such as modules/varfor-nara-vard.md"
                problem = f"page {page.file}: 'after' names {page.after!r}, which is not in the navigation"
                if page.after in hidden:
                    problem += " (local.yml hides it)"
                raise CourseDataError(local.settings_file, f"{problem}; expected {expected}", line=page.line)
        else:
            title = page.section[DEFAULT_LANGUAGE]
            section = next((item for item in nav if isinstance(item, dict) and title in item and isinstance(item[title], list)), None)
            if section is None:
                nav.append({title: [page.site_path]})
            else:
                section[title].append(page.site_path)
    return nav


def section_translations(local: LocalFolder) -> dict[str, dict[str, str]]:
    """Per other language, the local sections' titles: Swedish title -> title in that language."""
    return {
        lang: {p.section[DEFAULT_LANGUAGE]: p.section[lang] for p in local.pages if p.section}
        for lang in OTHER_LANGUAGES
    }


def unlink_hidden_pages(markdown: str, page_src: str, hidden: tuple[str, ...]) -> str:
    """No page points to a hidden page.

    A list item that begins with a link to a hidden page (a module's card on the
    start page, a page in a list of further reading) goes, with everything
    indented under it. Any other link to a hidden page becomes its plain text.
    """
    if not hidden:
        return markdown
    targets = {twin for page in hidden for twin in _twins(page)}
    folder = PurePosixPath(page_src).parent

    def points_to_hidden(href: str) -> bool:
        path = href.split("#", 1)[0]
        if not path.endswith(".md") or "://" in path:
            return False
        return os.path.normpath((folder / path).as_posix()) in targets

    def replace(match: re.Match) -> str:
        image, text, href = match.group(1), match.group(2), match.group(3)
        return text if not image and points_to_hidden(href) else match.group(0)

    return _MD_LINK.sub(replace, _drop_items(markdown, points_to_hidden))


# Helper functions


# A list item whose text begins with a link, bold or not: "4.  **[Modul 4: …](modules/x.md)**".
_ITEM_WITH_LINK = re.compile(r"^( *)(?:[-*+]|\d+[.)]) +(?:\*\*|__)?\[[^\]]*\]\(([^)\s]+)")


def _drop_items(markdown: str, points_to_hidden) -> str:
    kept, dropping_below, skipped_blank = [], None, False  # the indent of the item being dropped
    for line in markdown.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if dropping_below is not None and (not line.strip() or indent > dropping_below):
            skipped_blank = skipped_blank or not line.strip()
            continue
        if dropping_below is not None and skipped_blank and kept and kept[-1].strip():
            kept.append("")  # what followed the item stays apart from the list
        dropping_below, skipped_blank = None, False
        item = _ITEM_WITH_LINK.match(line)
        if item and points_to_hidden(item.group(2)):
            dropping_below = len(item.group(1))
            continue
        kept.append(line)
    return "\n".join(kept)


def _check_named_pages(local: LocalFolder, pages: dict[str, Path | str]) -> None:
    for page in local.hide:
        if page not in pages:
            raise CourseDataError(
                local.settings_file,
                f"'hide' names {page}, which this version of the course does not have; expected a page in docs/, "
                "or remove it from 'hide'",
                line=local.lines.get(f"hide:{page}"),
            )
    for page in local.replace:
        if page not in pages:
            raise CourseDataError(
                local.settings_file,
                f"'replace' names {page}, which this version of the course does not have; expected a page in docs/ "
                "such as om-kursen.md",
                line=local.lines.get(f"replace:{page}"),
            )


def _place_local_page(wanted: dict[str, Path | str], site_path: str, local: LocalFolder, file: str) -> None:
    source = local.page_path(file)
    wanted[site_path] = source
    for lang in OTHER_LANGUAGES:
        translated = local.page_path(language_twin(file, lang))
        if translated.is_file():
            wanted[language_twin(site_path, lang)] = translated
        else:
            wanted[language_twin(site_path, lang)] = _shown_in_swedish(source, lang, local)


def _shown_in_swedish(source: Path, lang: str, local: LocalFolder) -> str:
    """An edition's page for a local page written only in Swedish: the Swedish text, marked as Swedish."""
    text = source.read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(text)
    front, body = (match.group(0), text[match.end():]) if match else ("", text)
    note = strings_for(lang)["local.written_in_swedish"]
    return (
        f"{front}\n"
        f"<!-- Generated from {local.name('pages', source.name)}: written in Swedish only. -->\n\n"
        f'<p class="course-language-note">{note}</p>\n\n'
        f'<div lang="sv" markdown>\n\n{body.strip()}\n\n</div>\n'
    )


def _twins(page: str) -> list[str]:
    return [page] + [language_twin(page, lang) for lang in OTHER_LANGUAGES]


def _sync(target: Path, wanted: dict[str, Path | str]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(target.rglob("*"), reverse=True):
        rel = path.relative_to(target).as_posix()
        if path.is_symlink() or path.is_file():
            if rel not in wanted:
                path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for rel, source in wanted.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            if path.is_symlink() and Path(os.readlink(path)) == source.resolve():
                continue
            if path.is_symlink() or path.is_file():
                path.unlink()
            elif path.is_dir():
                shutil.rmtree(path)
            path.symlink_to(source.resolve())
        else:
            if path.is_file() and not path.is_symlink() and path.read_text(encoding="utf-8") == source:
                continue
            if path.is_symlink():
                path.unlink()
            path.write_text(source, encoding="utf-8")


def _entry_path(item) -> str | None:
    if isinstance(item, str):
        return item
    if isinstance(item, dict) and len(item) == 1:
        value = next(iter(item.values()))
        return value if isinstance(value, str) else None
    return None


def _without(nav: list, hidden: set[str]) -> list:
    out = []
    for item in nav:
        if _entry_path(item) in hidden:
            continue
        if isinstance(item, dict) and len(item) == 1 and isinstance(next(iter(item.values())), list):
            title, children = next(iter(item.items()))
            out.append({title: _without(children, hidden)})
        else:
            out.append(item)
    return out


def _find(nav: list, path: str) -> tuple[list, int] | None:
    """The list that holds the entry for `path`, and its index there, searching sections too."""
    for index, item in enumerate(nav):
        if _entry_path(item) == path:
            return nav, index
        if isinstance(item, dict) and len(item) == 1 and isinstance(next(iter(item.values())), list):
            if found := _find(next(iter(item.values())), path):
                return found
    return None


def _contains(nav: list, path: str) -> bool:
    return _find(nav, path) is not None


def _insert_after(nav: list, after: str, path: str) -> bool:
    if found := _find(nav, after):
        entries, index = found
        entries.insert(index + 1, path)
        return True
    return False
