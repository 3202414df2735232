"""HTML for the page: the reflection block of a step, and the table of every template.

Both are complete without JavaScript, and every text is escaped. The block's
class and data-* names are a contract: the notes and meeting-mode scripts
read them (see docs in `macros/reflection/__init__.py` and the report of issue 4).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from course.model.course import Course, Step, text_html
from course.notes.templates import FORMATS, Template, guidance_text

MIME_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "md": "text/markdown",
}


@dataclass(frozen=True)
class Download:
    fmt: str  # docx, odt or md
    href: str  # relative to the page that links to it
    size: int  # bytes


def heading_id(step_id: str) -> str:
    """The block heading's id: the same in every language, so links and notes can use it."""
    return f"reflektion-{step_id}"


def render_block(
    course: Course, step: Step, lang: str, downloads: list[Download], level: int = 2, paper: bool = False
) -> str:
    """The reflection block of one step; Markdown's md_in_html turns it into the page's HTML.

    A paper block (the print page) is the questions with lines to write on, as
    they print: no data-step-id, so no answer fields and no meeting mode (and
    the print page passes no downloads). Readers answer on the module pages.
    """
    hid = heading_id(step.id)
    opening = (
        f'<section class="reflection reflection--paper" data-module="{_a(step.module.slug)}"'
        if paper
        else f'<section class="reflection" data-step-id="{_a(step.id)}" data-module="{_a(step.module.slug)}"'
        f"{_facilitation_attrs(step, lang)}"
    )
    out = [
        f'{opening} aria-labelledby="{_a(hid)}" markdown="1">',
        # A parsed heading, so it appears in the page's table of contents.
        f'<h{level} id="{_a(hid)}" class="reflection__heading">{_t(step.title[lang])}</h{level}>',
        f'<p class="reflection__intro">{_t(step.intro[lang])}</p>',
        '<ol class="reflection__questions">',
    ]
    if _written_in_another_language(step, lang):
        out.insert(2, f'<p class="reflection__language-note">{_t(course.t("language_note", lang))}</p>')
    for question in step.questions:
        attrs = [f'class="reflection__question"', f'data-question-id="{_a(question.id)}"']
        if question.minutes is not None:
            attrs.append(f'data-minutes="{question.minutes}"')
        if question.form:
            attrs.append(f'data-form="{_a(question.form)}"')
        item = f'<li {" ".join(attrs)}><p class="reflection__text">{_t(question.text[lang])}</p>'
        if guidance := guidance_text(course, question, lang):
            item += f'<p class="reflection__guidance">{_t(guidance)}</p>'
        out.append(item + "</li>")
    out.append("</ol>")
    if downloads:
        out += [
            '<div class="reflection__downloads">',
            f'<p class="reflection__downloads-intro">{_t(course.t("downloads_intro", lang))}</p>',
            '<ul class="reflection__download-list">',
            *(f"<li>{_link(course, d, lang)}</li>" for d in downloads),
            "</ul>",
            "</div>",
        ]
    out.append("</section>")
    return "\n".join(out)


def render_table(course: Course, lang: str, rows: list[tuple[Template, list[Download]]]) -> str:
    """The Mallar page's table: one row per template, one column per format."""
    head = "".join(f'<th scope="col">{_t(course.t("format_" + fmt, lang))}</th>' for fmt in FORMATS)
    out = [
        # No class: Material styles and scroll-wraps only tables without one.
        "<table>",
        f"<caption>{_t(course.t('table_caption', lang))}</caption>",
        f'<thead><tr><th scope="col">{_t(course.t("table_template", lang))}</th>{head}</tr></thead>',
        "<tbody>",
    ]
    for template, downloads in rows:
        data = f' data-step-id="{_a(template.key)}"' if template.key else ""
        cells = "".join(f"<td>{_link(course, d, lang)}</td>" for d in downloads)
        out.append(f'<tr{data}><th scope="row">{_t(template.title)}</th>{cells}</tr>')
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def format_size(course: Course, size: int, lang: str) -> str:
    """A file size as readers expect it: 812 byte, 8,4 kB, 37 kB."""
    if size < 1000:
        return course.t("size_bytes", lang, size=size)
    kb = size / 1000
    if kb < 10:
        number = f"{kb:.1f}".replace(".", course.t("decimal_separator", lang))
    else:
        number = str(round(kb))
    return course.t("size_kb", lang, size=number)


# Helper functions


def _facilitation_attrs(step: Step, lang: str) -> str:
    """The guide's notes on the step, for meeting mode's presenter view (meeting-presenter.js) to read."""
    notes = step.facilitation
    if notes is None:
        return ""
    return "".join(
        f' data-facilitation-{key}="{_a(text[lang])}"' for key, text in (("purpose", notes.purpose), ("how", notes.how)) if text
    )


def _link(course: Course, download: Download, lang: str) -> str:
    text = course.t(
        "download_link",
        lang,
        format=course.t("format_" + download.fmt, lang),
        extension="." + download.fmt,
        size=format_size(course, download.size, lang),
    )
    return (
        f'<a class="reflection__download" href="{_a(download.href)}" download'
        f' type="{MIME_TYPES[download.fmt]}" data-format="{download.fmt}">{_t(text)}</a>'
    )


def _written_in_another_language(step: Step, lang: str) -> bool:
    texts = [step.title[lang], step.intro[lang], *(q.text[lang] for q in step.questions)]
    return any(getattr(text, "lang", lang) != lang for text in texts)


def _t(text: str) -> str:
    return text_html(text)


def _a(value: str) -> str:
    return escape(value, quote=True)
