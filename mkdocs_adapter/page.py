"""What the course needs to know about a page or a build from MkDocs' objects, in plain values."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.editions import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class PagePlace:
    """Which page, in which language, from which docs folder."""

    src_uri: str  # the Markdown file, relative to the docs folder: "modules/x.en.md"
    url: str  # the page's address relative to the site root: "en/modules/x/"
    lang: str
    docs_dir: Path
    swedish_url: str | None  # the address of its Swedish original, for an English page


def page_place(page, config) -> PagePlace:
    # mkdocs-static-i18n gives each page file its locale and its other-language twins.
    lang = getattr(page.file, "locale", None) or config["theme"]["language"]
    swedish = (getattr(page.file, "alternates", None) or {}).get(DEFAULT_LANGUAGE)
    return PagePlace(page.file.src_uri, page.url, lang, Path(config["docs_dir"]), getattr(swedish, "url", None))


def edition_language(config) -> str:
    """The language of the edition being built: mkdocs-static-i18n builds one edition at a time."""
    return config["theme"]["language"]


def project_dir(config) -> Path:
    return Path(config["config_file_path"]).parent


def limit_toc(toc, depth: int) -> None:
    """Keep a page's table of contents to headings of level `depth` and above (front matter `toc_depth`)."""
    for item in toc:
        if item.level >= depth:
            item.children = []
        else:
            limit_toc(item.children, depth)
