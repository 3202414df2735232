"""Interface strings of the course's own templates and scripts, one table per language.

Lookup falls back to English, then to the key, as Material's partials/language.html does.
"""

import re
from pathlib import Path

from course.content.data_files import load_checked
from course.errors import CourseDataError

UI_DIR = Path(__file__).resolve().parents[2] / "data" / "ui"
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


# "{count, plural, one {# answer} other {# answers}}": a number's forms by plural category, "#" the number.
PLURAL = re.compile(r"\{(\w+), plural,((?:\s*\w+ \{[^{}]*\})+)\s*\}")
PLURAL_FORM = re.compile(r"(\w+) \{([^{}]*)\}")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def plural_category(n: object) -> str:
    """Swedish and English have two cardinal forms: "one" for exactly 1, "other" for the rest (as Intl.PluralRules)."""
    return "one" if isinstance(n, int) and not isinstance(n, bool) and n == 1 else "other"


def fill(text: str, values: dict, shown: dict | None = None) -> str:
    """`text` with its plural choices made and its {placeholders} filled, each in one pass.

    `shown` may give the text for a number ("one" for 1); the form is still chosen by the number.
    """
    shown = shown or {}

    def plural(match: re.Match) -> str:
        name, forms = match.group(1), dict(PLURAL_FORM.findall(match.group(2)))
        if name not in values:
            return match.group(0)
        form = forms.get(plural_category(values[name]), forms.get("other", ""))
        return form.replace("#", str(shown.get(name, values[name])))

    text = PLURAL.sub(plural, text)
    return PLACEHOLDER.sub(lambda m: str(shown.get(m.group(1), values[m.group(1)])) if m.group(1) in values else m.group(0), text)


def ui_text(ui: dict[str, str], key: str, **values) -> str:
    """A string with its {placeholders} filled and its plural forms chosen by their numbers.

    The same rule as Course.t in overrides/assets/javascripts/course.js.
    """
    return fill(ui[key], values)


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


def left_out_of_page(html: str) -> tuple[str, ...]:
    """The key prefixes of strings a page's scripts cannot show: build-only ones, and those of features its HTML lacks."""
    return BUILD_ONLY + tuple(prefix for prefixes, marker in PAGE_SPECIFIC if not re.search(marker, html) for prefix in prefixes)


def strings_for_page(table: dict[str, str], left_out: tuple[str, ...]) -> dict[str, str]:
    """The strings of `table` a page's scripts can show."""
    return {key: value for key, value in table.items() if not key.startswith(left_out)}


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
