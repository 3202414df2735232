"""mkdocs-macros entry point: the macros authors call in pages, each a plain function of `course`,
and the rewrites of each page's Markdown after its macros (`on_post_page_macros`)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


from course.build import STATE as REFLECTION  # noqa: E402
from course.render.print_course import whole_course_markdown  # noqa: E402
from course.content.accessibility_statement import load_statement, statement_html  # noqa: E402
from course.render.feedback import feedback_link_html  # noqa: E402
from course.content.glossary import glossary_html, load_glossary  # noqa: E402
from course.errors import CourseDataError  # noqa: E402
from mkdocs_adapter.local_build import LOCAL  # noqa: E402
from course.local.docs import origin_name, unlink_hidden_pages  # noqa: E402
from course.content.sources import load_sources, sources_markdown  # noqa: E402
from course.render.notes_page import notes_outline, notes_sections, progress_overview  # noqa: E402
from course.render.facilitation import PageRef, minutes_html, module_step_ids, render_cards, render_time_plan  # noqa: E402
from course.render.branding import organisation_html  # noqa: E402
from course.content.ui_strings import strings_for  # noqa: E402
from course.render.group_journey import journey_html  # noqa: E402
from course.render.self_assessment import all_assessments_html, group_picture_html, module_assessment_html  # noqa: E402
from course.content.changes import load_changes  # noqa: E402
from mkdocs_adapter.errors import as_mkdocs_errors  # noqa: E402
from mkdocs_adapter.page import page_place, project_dir  # noqa: E402
from course.render.page_status import add_page_status, whats_new_markdown  # noqa: E402
from course.render.tooltips import add_definitions  # noqa: E402


def define_env(env):
    @env.macro
    def reflektion(step_id: str, level: int = 2, paper: bool = False) -> str:
        """The reflection block of a step: {{ reflektion("steg-1") }}, the same call in every language.

        paper=True is the print page's block (course/render/print_course.py): the questions with lines to write on."""
        page = env.page
        return "\n\n" + REFLECTION.block(step_id, _page_language(env), page.file.src_uri, page.url, level, paper) + "\n\n"

    @env.macro
    def mallar_tabell() -> str:
        """Every note template of the page's language, with format and size: {{ mallar_tabell() }}."""
        return "\n\n" + REFLECTION.table(_page_language(env), env.page.url) + "\n\n"

    @env.macro
    def ordlista() -> str:
        """The glossary of the page's language from data/glossary.yml: {{ ordlista() }}."""
        return "\n\n" + glossary_html(load_glossary(Path(env.project_dir), LOCAL.folder), _page_language(env)) + "\n\n"

    @env.macro
    def kallor() -> str:
        """The sources, grouped, in the page's language from data/sources.yml: {{ kallor() }}."""
        return "\n\n" + sources_markdown(load_sources(Path(env.project_dir), LOCAL.folder), _page_language(env)) + "\n\n"

    @env.macro
    def feedback_link() -> str:
        """A mailto link to config.extra.feedback_email, the one place the address is set: {{ feedback_link() }}."""
        return feedback_link_html(env.conf["extra"])

    @env.macro
    def utgivare() -> str:
        """The publishing organisation’s name in the page’s language: {{ utgivare() }}.

        Not named organisation(): mkdocs-macros makes every config.extra key a variable of that name.
        """
        return organisation_html(env.conf["extra"], _page_language(env))

    @env.macro
    def mina_anteckningar() -> str:
        """Every step's questions by module, for the reader's answers: {{ mina_anteckningar() }} (notes page)."""
        course, lang = REFLECTION.course, _page_language(env)
        return "\n\n" + notes_sections(course, lang) + "\n\n" + notes_outline(course, lang) + "\n\n"

    @env.macro
    def kursframsteg() -> str:
        """The reader's progress per module, filled in by notes.js: {{ kursframsteg() }} (start page, notes page)."""
        lang = _page_language(env)
        html = progress_overview(REFLECTION.course, lang, env.page.url, env.conf["use_directory_urls"])
        return "\n\n" + html + "\n\n"

    @env.macro
    def tillganglighetsredogorelse() -> str:
        """The accessibility statement from data/accessibility.yml and a local folder's: {{ tillganglighetsredogorelse() }}."""
        extra = env.conf["extra"]
        statement = load_statement(Path(env.project_dir), extra, LOCAL.folder)
        return "\n\n" + statement_html(statement, extra, _page_language(env)) + "\n\n"

    @env.macro
    def hela_kursen() -> str:
        """Every module in order, for printing: {{ hela_kursen() }} (the print page)."""
        markdown = whole_course_markdown(Path(env.conf["docs_dir"]), env.conf["nav"], _page_language(env))
        # The modules hold macro calls of their own (reflection blocks).
        return "\n\n" + env.render(markdown, force_rendering=True) + "\n\n"

    # Facilitator guide and discussion cards (course/render/facilitation.py)

    @env.macro
    def tidsplan(number: int, *step_ids: str) -> str:
        """One meeting's time plan from the data: {{ tidsplan(1, "modul-1", "modul-2") }} (the guide)."""
        lang, page = _page_language(env), env.page
        ref = PageRef(page.file.src_uri, page.url, env.conf["use_directory_urls"])
        html = render_time_plan(REFLECTION.course, number, step_ids, lang, strings_for(lang), ref)
        REFLECTION.time_plan_shown(lang, number)
        return "\n\n" + html + "\n\n"

    @env.macro
    def samtalsminuter(*step_ids: str) -> str:
        """The suggested minutes of some steps, marked up: {{ samtalsminuter("steg-3", "avslutning") }}."""
        src = env.page.file.src_uri
        if not step_ids:
            raise CourseDataError(origin_name(src), "samtalsminuter() needs at least one step id")
        return minutes_html(REFLECTION.course, step_ids, src)

    @env.macro
    def modulminuter(number: int) -> str:
        """The suggested minutes of all a module's questions, marked up: {{ modulminuter(1) }}."""
        src = env.page.file.src_uri
        return minutes_html(REFLECTION.course, module_step_ids(REFLECTION.course, number, src), src)

    @env.macro
    def samtalskort() -> str:
        """Every question as a card to print and cut out: {{ samtalskort() }} (the cards page)."""
        lang = _page_language(env)
        return "\n\n" + render_cards(REFLECTION.course, lang, strings_for(lang)) + "\n\n"

    # What changed (course/content/changes.py, course/render/page_status.py)

    @env.macro
    def vad_ar_nytt() -> str:
        """The course's versions with their changes, newest first, from data/changes.yml: {{ vad_ar_nytt() }}."""
        changes = load_changes(Path(env.project_dir))
        markdown = whats_new_markdown(changes, _page_language(env), Path(env.conf["docs_dir"]), env.page.file.src_uri)
        return "\n\n" + markdown + "\n\n"


    # "Var står vi?" and "Gruppens bild" (course/render/self_assessment.py)

    @env.macro
    def var_star_vi(module_slug: str, level: int = 2, paper: bool = False) -> str:
        """A module's or local page's self-assessment: {{ var_star_vi("vad-ar-systemledarskap") }}, the same call in every language.

        paper=True is the print page's: the statements with their scale to tick."""
        page, lang = env.page, _page_language(env)
        html = module_assessment_html(
            Path(env.project_dir), REFLECTION.course, LOCAL.folder, module_slug, page.file.src_uri, lang, level, paper
        )
        return "\n\n" + html + "\n\n"

    @env.macro
    def var_star_vi_alla() -> str:
        """Every module's self-assessment, for the notes page: {{ var_star_vi_alla() }}."""
        return "\n\n" + all_assessments_html(Path(env.project_dir), REFLECTION.course, LOCAL.folder, _page_language(env)) + "\n\n"

    @env.macro
    def gruppens_bild() -> str:
        """The facilitator's group picture, filled in by group-picture.js: {{ gruppens_bild() }}."""
        return "\n\n" + group_picture_html(Path(env.project_dir), REFLECTION.course, LOCAL.folder, _page_language(env)) + "\n\n"

    @env.macro
    def gruppens_resa() -> str:
        """The group's agreements, occasions and handover file, filled in by group-journey.js: {{ gruppens_resa() }}."""
        page = env.page
        ref = PageRef(page.file.src_uri, page.url, env.conf["use_directory_urls"])
        return "\n\n" + journey_html(Path(env.project_dir), REFLECTION.course, LOCAL.folder, _page_language(env), ref) + "\n\n"


# Each page's Markdown, rewritten once its macros are rendered: mkdocs-macros calls this
# from its on_page_markdown, the last plugin to change a page's Markdown; the serve cache
# (mkdocs_adapter/serve_cache.py) keys on the result.


@as_mkdocs_errors
def on_post_page_macros(env) -> None:
    place = page_place(env.page, env.conf)
    project = project_dir(env.conf)
    # No link to a page the local folder hides (course/local/docs.py).
    markdown = unlink_hidden_pages(env.markdown, place.src_uri, LOCAL.folder.hide if LOCAL.folder else ())
    # Glossary tooltips in the page's own language (course/render/tooltips.py).
    markdown = add_definitions(markdown, place.src_uri, place.lang, load_glossary(project, LOCAL.folder))
    # When the page last changed, and whether its translation lags (course/render/page_status.py).
    env.markdown = add_page_status(markdown, place.src_uri, place.url, place.swedish_url, place.lang, project)


# Helper functions


def _page_language(env) -> str:
    return page_place(env.page, env.conf).lang
