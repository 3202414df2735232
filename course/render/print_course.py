"""The whole course on one page, for printing: the module pages' Markdown, in nav order.

Explicit heading ids repeat between modules (every module has #larandemal),
so each module's ids and in-page links get the module's name as a prefix.
Headings move one level down under the print page's own title, the macros'
headings with them. Reflection blocks and self-assessments come as on paper
(paper=True): the questions with lines to write on, the statements with
their scale to tick. Readers answer and choose on the module pages.
"""

from __future__ import annotations

import re
from pathlib import Path

from course.editions import DEFAULT_LANGUAGE
from course.errors import CourseDataError

MODULES_DIR = "modules"
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
# An attr_list: "{ #id }", "{: #id .class }".
_ID = re.compile(r"(\{:?[^}\n]*?#)([\w-]+)(?=[\s}])")
_LOCAL_LINK = re.compile(r"\]\(#([\w-]+)\)")
_HEADING = re.compile(r"^(#{1,5}) ", re.M)
_FENCE = re.compile(r"^(```|~~~)", re.M)
_TITLE = re.compile(r"\A\s*## [^\n]*\n")
_REFLECTION_CALL = re.compile(r"reflektion\((\"[^\"]+\")(?:\s*,\s*level\s*=\s*(\d))?\)")
_ASSESSMENT_CALL = re.compile(r"var_star_vi\((\"[^\"]+\")(?:\s*,\s*level\s*=\s*(\d))?\)")


def module_pages(nav: list) -> list[str]:
    """The module pages' source paths, in the order the navigation lists them."""
    found: list[str] = []

    def walk(items):
        for item in items:
            value = item if isinstance(item, str) else next(iter(item.values()))
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str) and value.startswith(MODULES_DIR + "/") and not value.endswith("hela-kursen.md"):
                found.append(value)

    walk(nav)
    return found


def _source(docs_dir: Path, page: str, lang: str) -> Path:
    return docs_dir / (page if lang == DEFAULT_LANGUAGE else page[:-3] + f".{lang}.md")


def module_markdown(text: str, prefix: str) -> str:
    """One module's Markdown, with prefixed ids and links and headings one level down."""
    if _FENCE.search(text):
        raise CourseDataError(f"{prefix}.md", "code fences are not supported on the print page")
    text = _FRONT_MATTER.sub("", text, count=1)
    text = _ID.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", text)
    text = _LOCAL_LINK.sub(lambda m: f"](#{prefix}-{m.group(1)})", text)
    text = _REFLECTION_CALL.sub(lambda m: f"reflektion({m.group(1)}, level={int(m.group(2) or 2) + 1}, paper=True)", text)
    text = _ASSESSMENT_CALL.sub(lambda m: f"var_star_vi({m.group(1)}, level={int(m.group(2) or 2) + 1}, paper=True)", text)
    return _HEADING.sub(lambda m: "#" + m.group(1) + " ", text)


def whole_course_markdown(docs_dir: Path, nav: list, lang: str) -> str:
    parts = []
    for page in module_pages(nav):
        path = _source(docs_dir, page, lang)
        if not path.exists():
            raise CourseDataError(str(path), "module page missing for the print page")
        prefix = Path(page).stem
        title, body = _split_title(module_markdown(path.read_text(encoding="utf-8"), prefix), path)
        # The body in a box of its own, which the screen lays out only near the window (course.css).
        parts.append(
            f'<div class="print-module" markdown="1">\n\n{title}\n\n'
            f'<div class="print-module__body" markdown="1">\n\n{body}\n\n</div>\n\n</div>'
        )
    return "\n\n".join(parts)


def _split_title(markdown: str, path: Path) -> tuple[str, str]:
    """A module's title line (its first heading) and the rest."""
    match = _TITLE.search(markdown)
    if not match:
        raise CourseDataError(str(path), "a module page must start with its title (# …) for the print page")
    return markdown[: match.end()].strip(), markdown[match.end() :]
