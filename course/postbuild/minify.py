"""Our own scripts and stylesheets as the reader's browser gets them: without comments and indentation.

The sources under overrides/assets/ explain themselves at length; those comments
are about a third of every page's own bytes on a phone (issue 31). The theme's
files already come minified (".min." in their names) and are left as they are;
every other .js and .css under assets/ is ours or a local folder's. rjsmin and
rcssmin only take out comments and spaces (no renaming), and running them again
on their own output changes nothing, so finishing a site twice is safe.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def own_assets(site_dir: Path) -> list[Path]:
    """Every .js and .css under assets/ that the theme did not minify already: ours and a local folder's."""
    return [
        path
        for path in sorted((site_dir / "assets").rglob("*"))
        if path.suffix in MINIFIERS and ".min." not in path.name and path.is_file()
    ]


def minify_own_assets(site_dir: Path) -> None:
    for path in own_assets(site_dir):
        text = path.read_text(encoding="utf-8")
        small = MINIFIERS[path.suffix](text)
        if small != text:
            path.write_text(small, encoding="utf-8")
