"""Leave out theme files no reader's browser will ask for, so the site and the offline zip stay small.

Material ships source maps (about 1.3 MB, read only by developer tools) and
lunr language files for some 30 languages; the search worker loads only the
files for the languages in each edition's index config.
"""

from __future__ import annotations

import json
from pathlib import Path

LUNR_DIR = Path("assets") / "javascripts" / "lunr"
# Extra files the worker loads for these languages (see Material's search worker).
SEGMENTERS = {"ja": ["tinyseg.js"], "hi": ["wordcut.js"], "th": ["wordcut.js"]}


def needed_lunr_files(site_dir: Path) -> set[str]:
    languages: set[str] = set()
    multi = False
    for index in site_dir.rglob("search/search_index.json"):
        lang = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
        languages.update(lang)
        multi = multi or len(lang) > 1
    needed = {"min/lunr.stemmer.support.min.js"} if languages - {"en"} else set()
    needed |= {f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"}
    needed |= {name for lang in languages for name in SEGMENTERS.get(lang, [])}
    if multi:
        needed.add("min/lunr.multi.min.js")
    return needed


def prune_unused_assets(site_dir: Path) -> int:
    """Delete unused theme files; return the bytes saved."""
    saved = 0
    for source_map in (site_dir / "assets").rglob("*.map"):
        saved += source_map.stat().st_size
        source_map.unlink()
        _drop_source_map_comment(source_map.with_suffix(""), source_map.name)
    lunr = site_dir / LUNR_DIR
    if lunr.is_dir():
        keep = needed_lunr_files(site_dir)
        for path in sorted(lunr.rglob("*")):
            if path.is_file() and path.relative_to(lunr).as_posix() not in keep:
                saved += path.stat().st_size
                path.unlink()
    return saved


def _drop_source_map_comment(minified: Path, map_name: str) -> None:
    """Without the map, the file's pointer to it would only make developer tools ask for a missing file."""
    if not minified.is_file():
        return
    text = minified.read_text(encoding="utf-8")
    for comment in (f"//# sourceMappingURL={map_name}", f"/*# sourceMappingURL={map_name}*/"):
        text = text.replace(comment, "")
    minified.write_text(text, encoding="utf-8")
