"""mkdocs-macros entry point: registers the macros authors call in pages."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


from macros.reflection.build import STATE as REFLECTION  # noqa: E402
from macros.notes_page import notes_outline, notes_sections, progress_overview  # noqa: E402


def define_env(env):
    @env.macro
    def reflektion(step_id: str, level: int = 2) -> str:
        """The reflection block of a step: {{ reflektion("steg-1") }}, the same call in every language."""
        page = env.page
        return "\n\n" + REFLECTION.block(step_id, _page_language(env), page.file.src_uri, page.url, level) + "\n\n"

    @env.macro
    def mallar_tabell() -> str:
        """Every note template of the page's language, with format and size: {{ mallar_tabell() }}."""
        return "\n\n" + REFLECTION.table(_page_language(env), env.page.url) + "\n\n"

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


# Helper functions


def _page_language(env) -> str:
    # mkdocs-static-i18n gives each page file its locale; the theme language is the edition's.
    return getattr(env.page.file, "locale", None) or env.conf["theme"]["language"]
