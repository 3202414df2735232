"""Interface strings of the course's own templates and scripts, one table per language.

Lookup falls back to English, then to the key, as Material's partials/language.html does.
"""

import re
from functools import cache
from pathlib import Path

import yaml

from macros.errors import CourseDataError

UI_DIR = Path(__file__).resolve().parent.parent / "data" / "ui"
FALLBACK = "en"


def load_table(lang: str) -> dict[str, str]:
    path = UI_DIR / f"{lang}.yml"
    if not path.exists():
        return {}
    stat = path.stat()
    return _load_table(path, stat.st_mtime_ns, stat.st_size)


@cache
def _load_table(path: Path, mtime_ns: int, size: int) -> dict[str, str]:
    """One table as it is on disk now: `mkdocs serve` picks up an edited file."""
    try:
        table = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise CourseDataError(str(path.relative_to(UI_DIR.parent.parent)), f"not valid YAML: {exc}") from exc
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise CourseDataError(str(path.relative_to(UI_DIR.parent.parent)), "must map each key to a string")
    return table


def strings_for(lang: str) -> dict[str, str]:
    merged = dict(load_table(FALLBACK))
    merged.update(load_table(lang))
    return merged


# Strings that only some pages' scripts show, and the HTML that marks such a
# page (a pattern): the notes page's tools, reflection blocks, where meeting
# mode starts (section.reflection, on module pages and the notes page), and
# the shortcuts switch. Other pages leave them out of their #course-config.
PAGE_SPECIFIC = (
    (("notes.import.", "notes.export.", "notes.clear.", "notes.leftovers.", "notes.cancel", "notes.date_time", "notes.locale"), r"data-notes-tools"),
    (("meeting.",), r'<section\b[^>]*\bclass="reflection\b'),
    (("shortcuts.",), r"data-course-shortcuts"),
)


def strings_for_page(lang: str, html: str) -> dict[str, str]:
    """The strings a page's scripts can show: every string but those of features the page lacks."""
    lacking = tuple(prefixes for prefixes, marker in PAGE_SPECIFIC if not re.search(marker, html))
    return {key: value for key, value in strings_for(lang).items() if not key.startswith(sum(lacking, ()))}


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
