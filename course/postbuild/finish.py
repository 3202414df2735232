"""The whole step over a finished site, in the order it must run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from course.content.glossary import Glossary
from course.editions import LANGUAGES
from course.postbuild.csp import write_header_policy
from course.postbuild.not_found import NOT_FOUND, place_not_found_pages
from course.postbuild.pages import FinishedPages
from course.postbuild.minify import minify_own_assets
from course.postbuild.prune_assets import prune_unused_assets
from course.postbuild.search_index import INDEX, split_search_index
from course.postbuild.search_swedish import enrich_swedish_index


@dataclass(frozen=True)
class SiteOptions:
    """What the step needs to know about the site, in plain values."""

    ui: dict[str, dict[str, str]]  # interface strings per language (the progress box's)
    languages: tuple[str, ...] = LANGUAGES  # the editions, the default one (at the root) first
    use_directory_urls: bool = True  # "modules/x/" rather than "modules/x.html"
    offline: bool = False  # opened from disk: each search index also as search_index.js
    search_swedish: bool = True  # compound parts in the Swedish index (search_swedish.py)
    glossary: Glossary | None = field(default=None, compare=False)  # more words for those parts


@dataclass
class SiteFinisher:
    """Finishes a site folder; kept from one rebuild to the next under `make serve`, where that saves work."""

    pages: FinishedPages = field(default_factory=FinishedPages)
    default_not_found: bytes | None = None

    def edition_written(self, site_dir: Path, options: SiteOptions) -> None:
        """An edition is written and the next will be written into the same folder.

        Its pages are finished now, as `make serve` shows them before the
        next edition is built; the default edition's 404 page is kept, as the next overwrites it.
        """
        place_not_found_pages(site_dir, options.languages, self.default_not_found)
        self.pages.finish_all(site_dir, options)
        page = site_dir / NOT_FOUND
        self.default_not_found = page.read_bytes() if page.is_file() else None

    def finish(self, site_dir: Path, options: SiteOptions) -> None:
        """Every edition is written: finish the site."""
        place_not_found_pages(site_dir, options.languages, self.default_not_found)
        self.default_not_found = None
        script_hashes = self.pages.finish_all(site_dir, options)
        split = split_search_index(site_dir, options.languages, with_script=options.offline)
        if split and options.search_swedish and "sv" in split:
            enrich_swedish_index(_index_of(site_dir, "sv", options.languages), options.glossary, with_script=options.offline)
        prune_unused_assets(site_dir)
        minify_own_assets(site_dir)
        write_header_policy(site_dir, script_hashes)


def finish_site(site_dir: Path, options: SiteOptions) -> None:
    """Finish the site in `site_dir` once every edition is written (see course/postbuild/__init__.py)."""
    SiteFinisher().finish(site_dir, options)


def _index_of(site_dir: Path, lang: str, languages: tuple[str, ...]) -> Path:
    return site_dir / INDEX if lang == languages[0] else site_dir / lang / INDEX
