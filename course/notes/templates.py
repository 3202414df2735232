"""The note templates ("Minnesanteckningar"): one layout, written as .docx, .odt and .md.

`outline()` turns a step (or the whole course) into a flat list of blocks in
one language; each writer only knows how to draw a block. So the three
formats never disagree, and a later export in the browser can follow the
same list (see `describe_layout` in the tests and the Mallar page).

A step's layout:
    title      the course title
    subtitle   "Minnesanteckningar"
    note       the template says it was generated
    heading 1  the step's title
    para       "Modul 4: Kom igång tillsammans"
    fields     Datum, Deltagare, Organisationer, each with an empty line
    para       the step's intro
    heading 2  "Frågor"
      heading 3  "1. <question>", then a note with minutes and form, then an answer box
    heading 2  "Det här kom vi överens om", then an answer box
    heading 2  "Nästa steg", then a table: Vad ska vi göra? | Vem ansvarar? | När?
The whole course has the title, subtitle and note once, then every step
from its heading 1 on, each step on a new page.
"""

from __future__ import annotations

from dataclasses import dataclass

from course.notes import docx as notes_docx, markdown as notes_md, odt as notes_odt
from course.model.course import Course, Question, Step
from course.notes.layout import Block

FORMATS = ("docx", "odt", "md")
TEMPLATE_DIR = "mallar"  # in each edition: mallar/ and en/mallar/
ANSWER_LINES = 4  # room to write under a question
AGREED_LINES = 6
ACTION_ROWS = 4


@dataclass(frozen=True)
class Template:
    key: str  # a step id, or "" for the whole course
    title: str  # the step's title, or the whole-course title
    filename_stem: str


# Layout


def file_stem(course: Course, step_id: str, lang: str) -> str:
    """A step's part of a file name, in `lang`: its id with the first word translated ("modul-1" -> "module-1")."""
    first, dash, rest = step_id.partition("-")
    key = f"file_word_{first}"
    return course.t(key, lang) + dash + rest if key in course.strings else step_id


def templates(course: Course, lang: str) -> list[Template]:
    """Every template of one language, in course order, the whole course last."""
    prefix = course.t("file_prefix", lang)
    found = [Template(step.id, step.title[lang], f"{prefix}-{file_stem(course, step.id, lang)}") for step in course.steps]
    whole = course.t("whole_course_file", lang)
    found.append(Template("", course.t("whole_course", lang), f"{prefix}-{whole}"))
    return found


def outline(course: Course, lang: str, step_id: str = "") -> list[Block]:
    """The blocks of one template: a step's, or with no step id the whole course's."""
    t = lambda key, **values: course.t(key, lang, **values)  # noqa: E731
    blocks = [
        Block("title", t("course_title")),
        Block("subtitle", t("notes_title") if step_id else f"{t('notes_title')}: {t('whole_course')}"),
        Block("note", t("generated_note")),
    ]
    steps = [course.step(step_id)] if step_id else list(course.steps)
    for n, step in enumerate(steps):
        if n:
            blocks.append(Block("page_break"))
        blocks.extend(_step_blocks(course, step, lang))
    return blocks


def guidance_text(course: Course, question: Question, lang: str) -> str:
    """The meeting guidance for a question, one line; empty when the data has none."""
    parts = []
    if question.minutes is not None:
        key = "minutes_one" if question.minutes == 1 else "minutes_other"
        parts.append(course.t(key, lang, minutes=question.minutes))
    if question.form:
        parts.append(course.forms[question.form][lang])
    if question.guidance:
        parts.append(question.guidance[lang])
    return " ".join(parts)


# The files of each language's last generation, by everything they are written
# from: under `mkdocs serve`, a changed question rewrites only the templates
# that show it (its step's and the whole course's), not all of them.
_written: dict[str, dict[tuple, bytes]] = {}


def generate(course: Course, lang: str) -> dict[str, bytes]:
    """Every template file of one language, by file name, generated in memory."""
    writers = {"docx": notes_docx.write, "odt": notes_odt.write, "md": notes_md.write}
    earlier, kept = _written.get(lang, {}), {}
    files = {}
    for template in templates(course, lang):
        blocks = outline(course, lang, template.key)
        meta = {
            "title": f"{course.t('notes_title', lang)}: {template.title}",
            "subject": course.t("course_title", lang),
            "description": course.t("generated_note", lang),
            "language": lang,
        }
        for fmt in FORMATS:
            key = (fmt, tuple(blocks), tuple(meta.items()))
            kept[key] = earlier[key] if key in earlier else writers[fmt](blocks, meta)
            files[f"{template.filename_stem}.{fmt}"] = kept[key]
    _written[lang] = kept
    return files


# Helper functions


def _step_blocks(course: Course, step: Step, lang: str) -> list[Block]:
    t = lambda key, **values: course.t(key, lang, **values)  # noqa: E731
    blocks = [
        Block("heading", step.title[lang], level=1),
        Block("para", course.module_label(step.module, lang)),
        Block("fields", items=(t("field_date"), t("field_participants"), t("field_organisations"))),
        Block("para", step.intro[lang]),
        Block("heading", t("questions_heading"), level=2),
    ]
    for number, question in enumerate(step.questions, start=1):
        blocks.append(Block("heading", f"{number}. {question.text[lang]}", level=3))
        if guidance := guidance_text(course, question, lang):
            blocks.append(Block("note", guidance))
        blocks.append(Block("answer", t("answer_label"), lines=ANSWER_LINES))
    blocks += [
        Block("heading", t("agreed_heading"), level=2),
        Block("answer", lines=AGREED_LINES),
        Block("heading", t("next_steps_heading"), level=2),
        Block("actions", items=(t("next_what"), t("next_who"), t("next_when")), lines=ACTION_ROWS),
    ]
    return blocks
