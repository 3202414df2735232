"""Find the pages of a built site by reading it, so new pages are checked without editing a list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

OTHER_EDITIONS = ("en",)
NOT_CONTENT = {"404.html"}


@dataclass(frozen=True)
class SitePage:
    lang: str
    path: str  # relative to the site root, e.g. "en/modules/x/"

    def __str__(self) -> str:
        return f"{self.lang}:{self.path or '/'}"


def site_pages(site_dir: Path) -> list[SitePage]:
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel in NOT_CONTENT or rel.startswith(("assets/", "search/")) or rel.endswith("/404.html"):
            continue
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        lang = url.split("/", 1)[0] if url.split("/", 1)[0] in OTHER_EDITIONS else "sv"
        pages.append(SitePage(lang, url))
    return pages


def page_html(site_dir: Path, page: SitePage) -> str:
    """The built HTML of `page`: its index.html, or the file itself for an address ending in .html."""
    path = site_dir / page.path if page.path.endswith(".html") else site_dir / page.path / "index.html"
    return path.read_text(encoding="utf-8")


def edition_relative(page: SitePage) -> str:
    """The page's path within its own edition: the key that pairs translations."""
    prefix = "" if page.lang == "sv" else f"{page.lang}/"
    return page.path[len(prefix) :]


# The print page lives beside the modules and gathers them all; it is not a module.
PRINT_PAGE = "hela-kursen"


def module_page_files(site_dir: Path, lang: str) -> list[Path]:
    """The built pages of one edition that show a module's reflection blocks, without the print page.

    The numbered modules live under modules/; a module of its own page, such as
    the follow-up meeting (uppfoljning/), is found by its blocks.
    """
    base = site_dir if lang == "sv" else site_dir / lang
    modules = {p for p in (base / "modules").glob("*/index.html") if p.parent.name != PRINT_PAGE}
    others = {
        p
        for p in base.glob("*/index.html")
        if p.parent.name not in OTHER_EDITIONS and _MODULE_BLOCK.search(p.read_text(encoding="utf-8"))
    }
    return sorted(modules | others)


# A reflection block as a module page shows it (the notes page's are "reflection reflection--notes").
_MODULE_BLOCK = re.compile(r'<section [^>]*class="reflection"[^>]*data-step-id=')


def offline_page(site: Path, path: str) -> Path:
    """A page's file in the build for opening from disk: x.html (or x/index.html if built with directory URLs)."""
    folder = site / path / "index.html"
    return folder if folder.exists() else site / (path.rstrip("/") + ".html")
