"""mkdocs-macros entry point: registers the macros authors call in pages."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


from macros.reflection.build import STATE as REFLECTION  # noqa: E402


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


# Helper functions


def _page_language(env) -> str:
    # mkdocs-static-i18n gives each page file its locale; the theme language is the edition's.
    return getattr(env.page.file, "locale", None) or env.conf["theme"]["language"]
