"""The step over the finished site (course/postbuild/), with its options read from MkDocs' configuration."""

from __future__ import annotations

from course.content.glossary import load_glossary
from course.content.ui_strings import strings_for
from course.editions import LANGUAGES
from course.postbuild.finish import SiteFinisher, SiteOptions
from mkdocs_adapter.local_build import LOCAL
from mkdocs_adapter.offline import offline_enabled
from mkdocs_adapter.page import project_dir

# One for the whole `mkdocs serve` session: a rebuild reuses what it finished before.
SITE = SiteFinisher()


def site_options(config) -> SiteOptions:
    return SiteOptions(
        ui={lang: strings_for(lang) for lang in LANGUAGES},
        use_directory_urls=config["use_directory_urls"],
        offline=offline_enabled(config),
        # mkdocs.yml's extra.search_swedish (SEARCH_SWEDISH=false): without it, search works on whole words' prefixes.
        search_swedish=config["extra"].get("search_swedish", True) is not False,
        glossary=load_glossary(project_dir(config), LOCAL.folder),
    )
