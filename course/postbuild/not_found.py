"""One "page not found" page per edition: the default edition's at the root, the others' at `<lang>/404.html`.

MkDocs' i18n plugin builds the editions one after another into the same site
folder, and each writes the root `404.html`: the last edition's is there at
the end. So the default edition's page is kept before the next edition is
built (`SiteFinisher.edition_written`), and after the build the root page,
whichever edition's it is (its `<html lang>`), goes to its edition's folder.
"""

from __future__ import annotations

import re
from pathlib import Path

NOT_FOUND = "404.html"
_LANG = re.compile(rb'<html\b[^>]*\blang="([^"]+)"')


def page_language(html: bytes) -> str | None:
    found = _LANG.search(html)
    return found.group(1).decode("utf-8") if found else None


def place_not_found_pages(site_dir: Path, languages: tuple[str, ...], default_page: bytes | None) -> None:
    """Move another edition's root 404 page to `<lang>/404.html`, and put back the default edition's, if kept."""
    root = site_dir / NOT_FOUND
    if not root.is_file():
        return
    data = root.read_bytes()
    lang = page_language(data)
    if lang not in languages[1:]:
        return
    target = site_dir / lang / NOT_FOUND
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    if default_page is not None:
        root.write_bytes(default_page)
