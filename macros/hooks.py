"""MkDocs hooks: site-wide build steps. Each hook only wires a plain function in `macros/`."""

import sys
from pathlib import Path

# MkDocs loads this file by path, so the project root must be importable by hand.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.plugins import event_priority  # noqa: E402

from macros.branding import add_branding_stylesheet  # noqa: E402
from macros.changes import check_pages, load_changes  # noqa: E402
from macros.csp import add_csp_meta, write_header_policy  # noqa: E402
from macros.editions import DEFAULT_LANGUAGE, LANGUAGES, edition_base_url, edition_prefix  # noqa: E402
from macros.frontmatter import check_front_matter  # noqa: E402
from macros.glossary import load_glossary  # noqa: E402
from macros.html_fixes import drop_checkbox_autocomplete  # noqa: E402
from macros.live_reload import allow_live_reload, first_edition_written, rebuild_done  # noqa: E402
from macros.local_build import LOCAL, add_local_logo, prepare  # noqa: E402
from macros.local_docs import origin_name, unlink_hidden_pages  # noqa: E402
from macros.not_found import place_not_found_page  # noqa: E402
from macros.notes_progress import add_progress_box, notes_page_href  # noqa: E402
from macros.offline import offline_enabled, use_local_search_shim  # noqa: E402
from macros.page_status import add_page_status  # noqa: E402
from macros.page_links import absolute_alternates, footer_links  # noqa: E402
from macros.prune_assets import prune_unused_assets  # noqa: E402
from macros.publishing import remember_command, warn_if_publishing_without_organisation  # noqa: E402
from macros.reflection.build import STATE as REFLECTION  # noqa: E402
from macros.search_index import INDEX, split_search_index  # noqa: E402
from macros.search_swedish import enrich_swedish_index  # noqa: E402
from macros.serve_cache import report_conversions, reuse_unchanged_conversions  # noqa: E402
from macros.sources import load_sources  # noqa: E402
from macros.template_cache import reuse_compiled_templates  # noqa: E402
from macros.tooltips import add_definitions, register_extension  # noqa: E402
from macros.ui_strings import check_tables_agree, strings_for, strings_for_page  # noqa: E402

# Hooks


def on_startup(command, dirty, **kwargs):
    # `mkdocs serve` gives the site an address of its own: no sign of a build for publishing.
    remember_command(command)
    # Under `mkdocs serve`, a rebuild converts only the pages whose Markdown changed (macros/serve_cache.py).
    if command == "serve":
        reuse_unchanged_conversions()


# Before Material's offline plugin reads the polyfills.
@event_priority(10)
def on_config(config, **kwargs):
    check_tables_agree()
    use_local_search_shim(config)
    if config["extra"].get("logo"):
        config["theme"]["logo"] = config["extra"]["logo"]
    local = prepare(config, _project_dir(config))
    # With the local folder's branding applied: a build for publishing names its publisher, or says it does not.
    warn_if_publishing_without_organisation(config)
    REFLECTION.load(_project_dir(config), Path(config["docs_dir"]), local)
    # Fail early, naming the file, if the glossary or the sources are broken.
    load_glossary(_project_dir(config), local)
    load_sources(_project_dir(config), local)
    # Against the course's own pages: a local folder may hide or replace some (macros/local_docs.py).
    check_pages(load_changes(_project_dir(config)), _project_dir(config) / "docs")
    register_extension(config)
    return config


# After mkdocs-static-i18n (priority -100), which cannot handle generated files.
@event_priority(-110)
def on_files(files, config, **kwargs):
    add_branding_stylesheet(config, files)
    add_local_logo(config, files)
    return files


def on_pre_build(config, **kwargs):
    docs = Path(config["docs_dir"])
    for path in sorted(docs.rglob("*.md")):
        check_front_matter(path, origin_name(path.relative_to(docs).as_posix()))
    lang = config["theme"]["language"]
    if lang != DEFAULT_LANGUAGE:
        # mkdocs-static-i18n builds the other editions after the first one is written (macros/live_reload.py).
        first_edition_written(Path(config["site_dir"]))
    REFLECTION.start_edition(lang)


def on_page_markdown(markdown, page, config, **kwargs):
    # Glossary tooltips in the page's own language (see macros/tooltips.py).
    lang = getattr(page.file, "locale", None) or config["theme"]["language"]
    glossary = load_glossary(_project_dir(config), LOCAL.folder)
    markdown = unlink_hidden_pages(markdown, page.file.src_uri, LOCAL.folder.hide if LOCAL.folder else ())
    markdown = add_definitions(markdown, page.file.src_uri, lang, glossary)
    # When the page last changed, and whether its translation lags (macros/page_status.py).
    return add_page_status(markdown, page, lang, _project_dir(config))


def on_template_context(context, template_name, config, **kwargs):
    return _add_course_context(context, None, config)


def on_post_template(output_content, template_name, config, **kwargs):
    if template_name == "404.html":
        output_content = add_csp_meta(drop_checkbox_autocomplete(output_content))
        return place_not_found_page(output_content, config["theme"]["language"], Path(config["site_dir"]))
    return output_content


# Last, so that the hashes cover every inline script other plugins wrote.
@event_priority(-120)
def on_post_page(output, page, config, **kwargs):
    # A module page's progress box is in the HTML, so it does not push the page down later.
    lang = config["theme"]["language"]
    href = notes_page_href(page.url, edition_prefix(lang), config["use_directory_urls"])
    output = add_progress_box(output, strings_for(lang), href)
    return add_csp_meta(drop_checkbox_autocomplete(output))


def on_page_context(context, page, config, nav, **kwargs):
    context = _add_course_context(context, page, config)
    context["base_url"] = edition_base_url(context["base_url"], config["theme"]["language"])
    return context


# After mkdocs-static-i18n (priority -100), which writes the merged index
# at the end of the last build; earlier calls find nothing to split.
@event_priority(-110)
def on_post_build(config, **kwargs):
    if split_search_index(Path(config["site_dir"]), with_script=offline_enabled(config)):
        # Compound parts for the Swedish index (see macros/search_swedish.py).
        glossary = load_glossary(_project_dir(config), LOCAL.folder)
        enrich_swedish_index(Path(config["site_dir"]) / INDEX, glossary, with_script=offline_enabled(config))
    # Once every edition is built; not inside i18n's nested build, where an
    # error would leave mkdocs serve without it.
    if not getattr(config.plugins.get("i18n"), "building", False):
        REFLECTION.finish(Path(config["site_dir"]))
        prune_unused_assets(Path(config["site_dir"]))
        write_header_policy(Path(config["site_dir"]))
        report_conversions()
        rebuild_done()


def on_build_error(error, **kwargs):
    rebuild_done()


def on_env(env, config, files, **kwargs):
    return reuse_compiled_templates(env)


def on_serve(server, config, builder, **kwargs):
    allow_live_reload(server)
    return server


# Helper functions


def _project_dir(config) -> Path:
    return Path(config["config_file_path"]).parent


def _add_course_context(context, page, config):
    lang = config["theme"]["language"]
    context["course_ui"] = strings_for_page(lang, (page.content or "") if page else "")
    context["course_links"] = footer_links(edition_prefix(lang), config["use_directory_urls"])
    context["course_alternates"] = absolute_alternates(page, config["site_url"] or "")
    context["course_other_editions"] = [
        {"lang": other, "ui": strings_for(other), "home": footer_links(edition_prefix(other), config["use_directory_urls"])["home"]}
        for other in LANGUAGES
        if other != lang
    ]
    return context
