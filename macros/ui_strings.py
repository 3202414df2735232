"""Interface strings of the course's own templates and scripts, one table per language.

Lookup falls back to English, then to the key, as Material's partials/language.html does.
"""

import re
from pathlib import Path

from macros.data_files import load_checked
from macros.errors import CourseDataError

UI_DIR = Path(__file__).resolve().parent.parent / "data" / "ui"
FALLBACK = "en"


def load_table(lang: str) -> dict[str, str]:
    """One language's table as it is on disk now (`mkdocs serve` picks up an edited file)."""
    rel = f"data/ui/{lang}.yml"
    if not (UI_DIR / f"{lang}.yml").exists():
        return {}
    try:
        return load_checked(UI_DIR.parent.parent, rel, _as_table)
    except ValueError as exc:
        raise CourseDataError(rel, str(exc)) from exc


def _as_table(data: object) -> dict[str, str]:
    table = data or {}
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise ValueError("must map each key to a string")
    return table


def ui_text(ui: dict[str, str], key: str, **values) -> str:
    """A string with its {placeholders} filled; a key with plural forms (key.one, key.other) is chosen by `count`.

    The same rule as Course.t in overrides/assets/javascripts/course.js.
    """
    if key not in ui and f"{key}.other" in ui and "count" in values:
        key = f"{key}.one" if values["count"] == 1 and f"{key}.one" in ui else f"{key}.other"
    text = ui[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def strings_for(lang: str) -> dict[str, str]:
    merged = dict(load_table(FALLBACK))
    merged.update(load_table(lang))
    return merged


# Strings that only some pages' scripts show, and the HTML that marks such a
# page (a pattern): the notes page's tools, reflection blocks, where meeting
# mode starts (section.reflection, on module pages and the notes page), and
# the shortcuts switch. Other pages leave them out of their #course-config.
PAGE_SPECIFIC = (
    (("notes.import.", "notes.export.", "notes.clear.", "notes.leftovers.", "notes.changed.", "notes.cancel", "notes.date_time", "notes.locale"), r"data-notes-tools"),
    (("meeting.",), r'<section\b[^>]*\bclass="reflection\b'),
    (("shortcuts.",), r"data-course-shortcuts"),
    (("assessment.",), r"data-assessment|data-group-picture"),
    (("group.",), r"data-group-picture|data-notes-tools"),
)
# Strings the build writes into pages; no script shows them, so no page carries them.
BUILD_ONLY = ("local.", "changes.", "translations.")


def strings_for_page(lang: str, html: str) -> dict[str, str]:
    """The strings a page's scripts can show: every string but those of features the page lacks."""
    left_out = BUILD_ONLY + tuple(prefix for prefixes, marker in PAGE_SPECIFIC if not re.search(marker, html) for prefix in prefixes)
    return {key: value for key, value in strings_for(lang).items() if not key.startswith(left_out)}


def check_tables_agree() -> None:
    """Every language must have exactly the keys of the fallback table."""
    fallback = set(load_table(FALLBACK))
    for path in sorted(UI_DIR.glob("*.yml")):
        keys = set(load_table(path.stem))
        rel = f"data/ui/{path.name}"
        if missing := sorted(fallback - keys):
            raise CourseDataError(rel, f"missing interface string(s): {', '.join(missing)}")
        if extra := sorted(keys - fallback):
            raise CourseDataError(rel, f"interface string(s) not in data/ui/{FALLBACK}.yml: {', '.join(extra)}")
