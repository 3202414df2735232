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
from course.postbuild.csp import add_csp_meta, write_header_policy  # noqa: E402
from course.editions import DEFAULT_LANGUAGE, edition_prefix  # noqa: E402
from course.content.frontmatter import check_front_matter  # noqa: E402
from course.content.glossary import load_glossary  # noqa: E402
from course.postbuild.html_fixes import drop_checkbox_autocomplete  # noqa: E402
from mkdocs_adapter.live_reload import allow_live_reload, first_edition_written, rebuild_done  # noqa: E402
from mkdocs_adapter.errors import as_mkdocs_errors  # noqa: E402
from mkdocs_adapter.files import add_branding_stylesheet, add_local_logo  # noqa: E402
from mkdocs_adapter.local_build import LOCAL, prepare  # noqa: E402
from mkdocs_adapter.page import edition_language, project_dir  # noqa: E402
from course.local.docs import origin_name  # noqa: E402
from course.postbuild.not_found import place_not_found_page  # noqa: E402
from course.postbuild.progress_box import add_progress_box, notes_page_href  # noqa: E402
from mkdocs_adapter.offline import offline_enabled, use_local_search_shim  # noqa: E402
from course.render.theme_extra import editions_extra  # noqa: E402
from course.postbuild.prune_assets import prune_unused_assets  # noqa: E402
from mkdocs_adapter.publishing import remember_command, warn_if_publishing_without_organisation  # noqa: E402
from course.build import STATE as REFLECTION  # noqa: E402
from course.postbuild.search_index import INDEX, split_search_index  # noqa: E402
from course.postbuild.search_swedish import enrich_swedish_index  # noqa: E402
from mkdocs_adapter.serve_cache import report_conversions, reuse_unchanged_conversions  # noqa: E402
from course.content.sources import load_sources  # noqa: E402
from mkdocs_adapter.template_cache import reuse_compiled_templates  # noqa: E402
from course.render.tooltips import register_extension  # noqa: E402
from course.content.ui_strings import check_tables_agree, strings_for  # noqa: E402
from course.postbuild.ui_config import trim_course_config  # noqa: E402

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
        # mkdocs-static-i18n builds the other editions after the first one is written (mkdocs_adapter/live_reload.py).
        first_edition_written(Path(config["site_dir"]))
    REFLECTION.start_edition(lang)


@as_mkdocs_errors
def on_post_template(output_content, template_name, config, **kwargs):
    if template_name == "404.html":
        output_content = trim_course_config(output_content)  # moves into finish_site
        output_content = add_csp_meta(drop_checkbox_autocomplete(output_content))
        return place_not_found_page(output_content, edition_language(config), Path(config["site_dir"]))
    return output_content


# Last, so that the hashes cover every inline script other plugins wrote.
@event_priority(-120)
@as_mkdocs_errors
def on_post_page(output, page, config, **kwargs):
    # A module page's progress box is in the HTML, so it does not push the page down later.
    lang = edition_language(config)
    href = notes_page_href(page.url, edition_prefix(lang), config["use_directory_urls"])
    output = trim_course_config(output)  # moves into finish_site
    output = add_progress_box(output, strings_for(lang), href)
    return add_csp_meta(drop_checkbox_autocomplete(output))


# After mkdocs-static-i18n (priority -100), which writes the merged index
# at the end of the last build; earlier calls find nothing to split.
@event_priority(-110)
@as_mkdocs_errors
def on_post_build(config, **kwargs):
    if split_search_index(Path(config["site_dir"]), with_script=offline_enabled(config)):
        # Compound parts for the Swedish index (see course/postbuild/search_swedish.py).
        glossary = load_glossary(project_dir(config), LOCAL.folder)
        enrich_swedish_index(Path(config["site_dir"]) / INDEX, glossary, with_script=offline_enabled(config))
    # Once every edition is built; not inside i18n's nested build, where an
    # error would leave mkdocs serve without it.
    if not getattr(config.plugins.get("i18n"), "building", False):
        REFLECTION.finish(Path(config["site_dir"]))
        prune_unused_assets(Path(config["site_dir"]))
        write_header_policy(Path(config["site_dir"]))
        report_conversions()
        rebuild_done()


@as_mkdocs_errors
def on_build_error(error, **kwargs):
    rebuild_done()


@as_mkdocs_errors
def on_env(env, config, files, **kwargs):
    return reuse_compiled_templates(env)


@as_mkdocs_errors
def on_serve(server, config, builder, **kwargs):
    allow_live_reload(server)
    return server


# Helper functions


def project_dir(config) -> Path:
    return Path(config["config_file_path"]).parent

