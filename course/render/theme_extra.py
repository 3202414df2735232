"""What the theme's templates read from `config.extra.editions`: one entry per language edition.

- `prefix`: where the edition lives under the site root ("" or "en/"). A page's
  `base_url` joined with it is the edition's root, which Material takes for its
  search index, its storage scope and its language switch (overrides/main.html).
- `links`: site-root-relative addresses of the edition's start page and of the
  footer's pages, for Jinja's `url` filter.
- `ui`: the edition's interface strings (data/ui/, English where one is missing).
  Each page's #course-config carries them all; the step over the built site
  keeps those the page can show (course/postbuild/ui_config.py).

The adapter puts this into `config.extra` before the build; a template picks
its language's entry, and the 404 page the other languages' too.
"""

from course.content.ui_strings import strings_for
from course.editions import LANGUAGES, edition_prefix

FOOTER_PAGES = {"accessibility": "tillganglighet", "about": "om-kursen"}


def editions_extra(use_directory_urls: bool) -> dict[str, dict]:
    return {
        lang: {"prefix": edition_prefix(lang), "links": _links(edition_prefix(lang), use_directory_urls), "ui": strings_for(lang)}
        for lang in LANGUAGES
    }


def _links(prefix: str, use_directory_urls: bool) -> dict[str, str]:
    suffix = "/" if use_directory_urls else ".html"
    links = {key: f"{prefix}{name}{suffix}" for key, name in FOOTER_PAGES.items()}
    links["home"] = prefix if use_directory_urls else f"{prefix}index.html"
    return links
