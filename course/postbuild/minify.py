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


def minify_own_assets(site_dir: Path) -> int:
    """Minify every .js and .css under assets/ not minified already; return the bytes saved."""
    saved = 0
    for path in sorted((site_dir / "assets").rglob("*")):
        minify = MINIFIERS.get(path.suffix)
        if minify is None or ".min." in path.name or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        small = minify(text)
        if small != text:
            path.write_text(small, encoding="utf-8")
            saved += len(text.encode("utf-8")) - len(small.encode("utf-8"))
    return saved
