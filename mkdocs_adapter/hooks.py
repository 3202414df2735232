"""MkDocs hooks: site-wide build steps. Each hook only wires plain functions of the `course` package.

With `mkdocs_adapter/macros.py`, this is the only code that imports MkDocs or
reads its objects (`mkdocs_adapter/page.py` turns them into plain values), and
the course's errors become MkDocs' here (`mkdocs_adapter/errors.py`).
"""

import sys
from pathlib import Path

# MkDocs loads this file by path, so the project root must be importable by hand.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.plugins import event_priority  # noqa: E402

from course.content.changes import check_pages, load_changes  # noqa: E402
from course.editions import DEFAULT_LANGUAGE  # noqa: E402
from course.content.frontmatter import check_front_matter  # noqa: E402
from course.content.glossary import load_glossary  # noqa: E402
from mkdocs_adapter.live_reload import allow_live_reload, first_edition_written, rebuild_done  # noqa: E402
from mkdocs_adapter.errors import as_mkdocs_errors  # noqa: E402
from mkdocs_adapter.files import add_branding_stylesheet, add_local_logo  # noqa: E402
from mkdocs_adapter.local_build import LOCAL, prepare  # noqa: E402
from mkdocs_adapter.page import edition_language, limit_toc, project_dir  # noqa: E402
from mkdocs_adapter.postbuild import SITE, site_options  # noqa: E402
from course.local.docs import origin_name  # noqa: E402
from mkdocs_adapter.offline import use_local_search_shim  # noqa: E402
from course.render.theme_extra import editions_extra  # noqa: E402
from mkdocs_adapter.publishing import remember_command, warn_if_publishing_without_organisation  # noqa: E402
from course.build import STATE as REFLECTION  # noqa: E402
from mkdocs_adapter.serve_cache import report_conversions, reuse_unchanged_conversions  # noqa: E402
from course.content.sources import load_sources  # noqa: E402
from mkdocs_adapter.template_cache import reuse_compiled_templates  # noqa: E402
from course.render.tables import register_table_headers  # noqa: E402
from course.render.tooltips import register_extension  # noqa: E402
from course.content.ui_strings import check_tables_agree  # noqa: E402

# Hooks


@as_mkdocs_errors
def on_startup(command, dirty, **kwargs):
    # `mkdocs serve` gives the site an address of its own: no sign of a build for publishing.
    remember_command(command)
    # Under `mkdocs serve`, a rebuild converts only the pages whose Markdown changed (mkdocs_adapter/serve_cache.py).
    if command == "serve":
        reuse_unchanged_conversions()


# Before Material's offline plugin reads the polyfills.
@event_priority(10)
@as_mkdocs_errors
def on_config(config, **kwargs):
    check_tables_agree()
    use_local_search_shim(config)
    if config["extra"].get("logo"):
        config["theme"]["logo"] = config["extra"]["logo"]
    local = prepare(config, project_dir(config))
    # With the local folder's branding applied: a build for publishing names its publisher, or says it does not.
    warn_if_publishing_without_organisation(config)
    REFLECTION.load(project_dir(config), Path(config["docs_dir"]), local)
    # Fail early, naming the file, if the glossary or the sources are broken.
    load_glossary(project_dir(config), local)
    load_sources(project_dir(config), local)
    # Against the course's own pages: a local folder may hide or replace some (course/local/docs.py).
    check_pages(load_changes(project_dir(config)), project_dir(config) / "docs")
    register_extension(config)
    register_table_headers(config)
    return config


# After mkdocs-static-i18n (priority -100), which cannot handle generated files.
@event_priority(-110)
@as_mkdocs_errors
def on_files(files, config, **kwargs):
    add_branding_stylesheet(config, files)
    add_local_logo(config, files)
    return files


@as_mkdocs_errors
def on_pre_build(config, **kwargs):
    docs = Path(config["docs_dir"])
    for path in sorted(docs.rglob("*.md")):
        check_front_matter(path, origin_name(path.relative_to(docs).as_posix()))
    # What the templates read for each edition: interface strings (data/ui/), links, place.
    # Here, not in on_config: the offline plugin turns use_directory_urls off in its on_config.
    config["extra"]["editions"] = editions_extra(config["use_directory_urls"])
    lang = edition_language(config)
    if lang != DEFAULT_LANGUAGE:
        # mkdocs-static-i18n builds the other editions after the first one is written; mkdocs serve shows
        # that one's pages now (mkdocs_adapter/live_reload.py), so they are finished first.
        SITE.edition_written(Path(config["site_dir"]), site_options(config))
        first_edition_written(Path(config["site_dir"]))
    REFLECTION.start_edition(lang)


# After mkdocs-static-i18n (priority -100), which builds the other editions
# and writes the merged search index in the first edition's on_post_build.
@event_priority(-110)
@as_mkdocs_errors
def on_post_build(config, **kwargs):
    # Once every edition is built; not inside i18n's nested build, where an
    # error would leave mkdocs serve without it.
    if not getattr(config.plugins.get("i18n"), "building", False):
        REFLECTION.finish(Path(config["site_dir"]))
        SITE.finish(Path(config["site_dir"]), site_options(config))
        report_conversions()
        rebuild_done()


@as_mkdocs_errors
def on_build_error(error, **kwargs):
    rebuild_done()


@as_mkdocs_errors
def on_page_context(context, page, config, nav, **kwargs):
    # The print page lists its modules, not their every heading, in both tables of contents.
    if "toc_depth" in page.meta:
        limit_toc(page.toc, page.meta["toc_depth"])
    return context


@as_mkdocs_errors
def on_env(env, config, files, **kwargs):
    return reuse_compiled_templates(env)


@as_mkdocs_errors
def on_serve(server, config, builder, **kwargs):
    allow_live_reload(server)
    return server
