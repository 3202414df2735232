"""`python -m course.postbuild SITE_DIR [options]`: finish a site another generator built.

The site must be laid out as MkDocs lays it out: the default edition at the
root, the others under `<lang>/`, and one merged search index at
`search/search_index.json` (or already split).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from course.content.glossary import load_glossary
from course.content.ui_strings import strings_for
from course.editions import LANGUAGES
from course.local.folder import load_local_folder, local_dir_from
from course.postbuild.finish import SiteOptions, finish_site

ROOT = Path(__file__).resolve().parent.parent.parent


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m course.postbuild", description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--project", type=Path, default=ROOT, help="the course's folder, for the glossary (default: this one)")
    parser.add_argument("--local-dir", default="", help="an organisation's local folder, as LOCAL_DIR (its terms join the glossary)")
    parser.add_argument("--no-directory-urls", action="store_true", help="pages are modules/x.html, not modules/x/")
    parser.add_argument("--offline", action="store_true", help="for opening from disk: also write search_index.js")
    parser.add_argument("--no-search-swedish", action="store_true", help="no compound parts in the Swedish search index")
    args = parser.parse_args(argv)
    local_root = local_dir_from(args.local_dir, args.project)
    options = SiteOptions(
        ui={lang: strings_for(lang) for lang in LANGUAGES},
        use_directory_urls=not args.no_directory_urls,
        offline=args.offline,
        search_swedish=not args.no_search_swedish,
        glossary=load_glossary(args.project, load_local_folder(local_root) if local_root else None),
    )
    finish_site(args.site_dir, options)


if __name__ == "__main__":
    main()
