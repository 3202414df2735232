"""Under `mkdocs serve` only: a page whose Markdown did not change is not converted again.

`mkdocs serve` rebuilds the whole site, both editions, after every save, and
converting each page's Markdown to HTML was about half of a rebuild. A page's
HTML depends only on what the conversion reads, so it is kept under a key of
all of it: the page's Markdown after the macros (reflection blocks included),
the glossary definitions its conversion is given, its file and address, the
address of every file it could link to, and the Markdown settings. A change to any of these converts
the page afresh. A conversion that logged a warning is never kept, so that
`--strict` meets the warning again on the next rebuild. `make build`,
`make test` and every package build convert every page, as before.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from dataclasses import dataclass

from mkdocs.structure.pages import Page

from course.render.tooltips import page_definitions_fingerprint

log = logging.getLogger("mkdocs.plugins.course")

_convert = Page.render
# One kept conversion per page and edition: (key, result).
_KEPT: dict[str, tuple[str, "_Converted"]] = {}
# This rebuild's pages: converted, and reused unchanged.
_COUNTS = {"converted": 0, "reused": 0}


@dataclass(frozen=True)
class _Converted:
    content: str
    toc: object
    title: str | None
    anchors: frozenset[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri


def reuse_unchanged_conversions() -> None:
    """Install the cache (from `on_startup` under `mkdocs serve`); safe to call again."""
    Page.render = _render


def report_conversions() -> None:
    """After a rebuild, under `mkdocs serve`: how many pages were converted (MkDocs' log, INFO)."""
    if Page.render is _render and sum(_COUNTS.values()):
        log.info(f"Markdown converted for {_COUNTS['converted']} pages, reused for {_COUNTS['reused']} unchanged pages")
    _COUNTS.update(converted=0, reused=0)


def _render(page: Page, config, files) -> None:
    key = _key(page, config, files)
    slot = f"{page.file.src_uri}\0{page.file.url}"
    kept = _KEPT.get(slot)
    if kept is not None and kept[0] == key:
        _restore(page, kept[1], files)
        _COUNTS["reused"] += 1
        return
    with _WarningCount() as warnings:
        _convert(page, config, files)
    _COUNTS["converted"] += 1
    if warnings.count == 0 and "--8<--" not in page.markdown:  # snippets read other files
        _KEPT[slot] = (key, _snapshot(page))
    else:
        _KEPT.pop(slot, None)


def _key(page: Page, config, files) -> str:
    digest = hashlib.sha256()
    for part in (
        page.markdown,
        page_definitions_fingerprint(),  # the glossary's definitions (course/render/tooltips.py)
        page.file.src_uri,
        page.file.dest_uri,
        page.file.url,
        _files_fingerprint(files),
        repr([e if isinstance(e, str) else f"{type(e).__module__}.{type(e).__qualname__}" for e in config.markdown_extensions]),
        repr(config.mdx_configs),
        repr(config.validation),
        repr(config.use_directory_urls),
        str(config.docs_dir),
    ):
        digest.update(str(part).encode("utf-8") + b"\0")
    return digest.hexdigest()


def _files_fingerprint(files) -> str:
    # Every page of a build shares its Files; they do not change while pages convert.
    memo = getattr(files, "_course_fingerprint", None)
    if memo is not None and memo[0] == len(files):
        return memo[1]
    digest = hashlib.sha256()
    for file in files:
        digest.update(f"{file.src_uri}\0{file.dest_uri}\0{file.url}\0{file.inclusion.name}\n".encode("utf-8"))
    files._course_fingerprint = (len(files), digest.hexdigest())
    return files._course_fingerprint[1]


def _snapshot(page: Page) -> _Converted:
    links = getattr(page, "links_to_anchors", None)
    return _Converted(
        content=page.content,
        toc=copy.deepcopy(page.toc),
        title=page._title_from_render,
        anchors=frozenset(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
        links_to_anchors={f.src_uri: dict(v) for f, v in links.items()} if links is not None else None,
    )


def _restore(page: Page, kept: _Converted, files) -> None:
    page.content = kept.content
    page.toc = copy.deepcopy(kept.toc)
    page._title_from_render = kept.title
    page.present_anchor_ids = set(kept.anchors) if kept.anchors is not None else None
    if kept.links_to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(src): dict(v) for src, v in kept.links_to_anchors.items()}


class _WarningCount(logging.Handler):
    """Warnings MkDocs logs while one page converts: what `--strict` counts."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record) -> None:
        self.count += 1

    def __enter__(self):
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        logging.getLogger("mkdocs").removeHandler(self)
