"""The reader's notes: what the "Mina anteckningar" page and the progress overview need from the data.

The browser never keeps its own list of questions. These functions put the
questions into the page's HTML, with the same classes and data attributes as
the reflection blocks (course/render/reflection.py), so notes.js reads ids and
texts from the page as it does on a module page:

- `notes_sections`   every step of the course, by module, without guidance or
                     template links; the notes script adds the answer fields
- `notes_outline`    the whole-course note template's layout (notes.py) as
                     JSON, each answer box tagged with its question or step id,
                     so the .docx and .md exports look like the blank template;
                     with each question's wording in the other languages, so
                     the page can tell a reworded question from an answer
                     given in another language
- `progress_overview` one line per module with its question ids, for the
                     progress shown on the start page and the notes page
"""

from __future__ import annotations

import json
from dataclasses import asdict
from html import escape


from course.editions import edition_prefix
from course.errors import CourseDataError
from course.model.course import LANGUAGES, Course, Module, Step, text_html
from course.notes.templates import outline
from course.notes.layout import ACTION_COLUMNS_CM, FIELD_COLUMNS_CM, LINE_CM, MARGIN_CM, PAGE_CM
from course.urls import relative_url

OUTLINE_ID = "notes-outline"


def notes_sections(course: Course | None, lang: str) -> str:
    """Every step, grouped under a Markdown heading per module (so they reach the table of contents)."""
    course = _loaded(course)
    out: list[str] = []
    module: Module | None = None
    for step in course.steps:
        if step.module != module:
            module = step.module
            title = course.module_label(module, lang)
            out += [f"## {_md_text(title)} {{ #anteckningar-{module.slug} }}", ""]
        out += [_step_html(step, lang), ""]
    return "\n".join(out)


def notes_outline(course: Course | None, lang: str) -> str:
    """The whole-course template's blocks as a JSON data block, answer boxes tagged with ids."""
    course = _loaded(course)
    blocks = [{k: v for k, v in asdict(b).items() if v not in ("", 0, ())} for b in outline(course, lang)]
    notes = [b for b in blocks if b["kind"] == "note"]
    if notes:
        notes[0]["export"] = True  # "generated from the data": the export says when it was saved instead
    boxes = [b for b in blocks if b["kind"] == "answer"]
    targets = [t for step in course.steps for t in ([("question", q.id) for q in step.questions] + [("step", step.id)])]
    if len(boxes) != len(targets):
        raise CourseDataError(
            "course/notes/templates.py",
            f"the note template has {len(boxes)} answer boxes, but the course has {len(targets)} questions and steps;"
            " course/render/notes_page.py must learn the new layout",
        )
    for box, (kind, ident) in zip(boxes, targets):
        box[kind] = ident
    # The paper, so the browser's .docx and .odt exports measure as the blank templates do.
    layout = {
        "page_cm": PAGE_CM,
        "margin_cm": MARGIN_CM,
        "field_columns_cm": FIELD_COLUMNS_CM,
        "action_columns_cm": ACTION_COLUMNS_CM,
        "line_cm": LINE_CM,
    }
    wordings = {q.id: [q.text[other] for other in LANGUAGES if other != lang] for q in course.questions()}
    text = json.dumps({"blocks": blocks, "layout": layout, "wordings": wordings}, ensure_ascii=False, separators=(",", ":"))
    # Safe inside <script>: no "</script>", no HTML comment, no line separators.
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return f'<script type="application/json" id="{OUTLINE_ID}">{text}</script>'


def progress_overview(course: Course | None, lang: str, page_url: str, use_directory_urls: bool) -> str:
    """A list of modules with their question ids; notes.js writes each module's progress into it."""
    course = _loaded(course)
    modules: dict[str, tuple[Module, list[str]]] = {}
    for step in course.steps:
        modules.setdefault(step.module.slug, (step.module, []))[1].extend(q.id for q in step.questions)
    items = []
    for slug, (module, ids) in modules.items():
        target = f"{edition_prefix(lang)}{module.page}/" if use_directory_urls else f"{edition_prefix(lang)}{module.page}.html"
        href = relative_url(target, page_url)
        title = course.module_label(module, lang)
        items.append(
            f'<li data-module="{_a(slug)}" data-question-ids="{_a(" ".join(ids))}">'
            f'<a href="{_a(href)}">{_t(title)}</a></li>'
        )
    return "\n".join(['<ul class="notes-overview" data-notes-progress hidden>', *items, "</ul>"])


# Helper functions


def _loaded(course: Course | None) -> Course:
    if course is None:
        raise CourseDataError("data/reflection", "the reflection data was not loaded: is mkdocs_adapter/hooks.py in mkdocs.yml?")
    return course


def _step_html(step: Step, lang: str) -> str:
    hid = f"anteckningar-{step.id}"
    out = [
        f'<section class="reflection reflection--notes" data-step-id="{_a(step.id)}" data-module="{_a(step.module.slug)}"'
        f' aria-labelledby="{_a(hid)}">',
        f'<h3 id="{_a(hid)}" class="reflection__heading">{_t(step.title[lang])}</h3>',
        '<ol class="reflection__questions">',
    ]
    for question in step.questions:
        out.append(
            f'<li class="reflection__question" data-question-id="{_a(question.id)}">'
            f'<p class="reflection__text">{_t(question.text[lang])}</p></li>'
        )
    out += ["</ol>", "</section>"]
    return "\n".join(out)


def _md_text(text: str) -> str:
    # A heading's text, with the characters Markdown would read as markup escaped.
    return "".join("\\" + c if c in "\\`*_[]<>#{}" else c for c in text)


def _t(text: str) -> str:
    return text_html(text)


def _a(value: str) -> str:
    return escape(value, quote=True)
