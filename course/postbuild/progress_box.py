"""The progress box at the top of a module page, written into the built page.

notes.js used to create the box after the page was shown, which pushed the
whole module down by the box's height on a phone (a layout shift Lighthouse
scores hard, issue 9). Now the box is in the HTML from the start, under the
page title, with the same markup notes.js built, and notes.js fills it in.
Until notes.js has done so the box is invisible but keeps its place
(`data-notes-pending`, see course.css), so nothing moves when it appears.

A page gets the box when notes.js would give it one: its reflection blocks
belong to exactly one module, and it has no progress overview or notes
tools. It is added to the finished page, after the search index has read
the content, so the box's words are not searchable.
"""

import html
import re

from course.content.ui_strings import ui_text
from course.urls import relative_url

_TITLE_STATUS = re.compile(r'\s*<p class="course-(?:updated|lagging)">.*?</p>', re.S)
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">')
_SECTION = re.compile(r"<section\b[^>]*>")
_MODULE = re.compile(r'\bdata-module="([^"]*)"')
_QUESTION = re.compile(r'\bdata-question-id="')
_BOX = '<fieldset class="notes-progress-box"'


def notes_page_href(page_url: str, lang_prefix: str, use_directory_urls: bool) -> str:
    """The edition's notes page relative to the page, as main.html gives it to notes.js."""
    target = f"{lang_prefix}anteckningar/" if use_directory_urls else f"{lang_prefix}anteckningar.html"
    return relative_url(target, page_url)


def page_module(content: str) -> str | None:
    """The one module whose reflection blocks are on the page, else None."""
    modules = set()
    for tag in _SECTION.findall(content):
        if 'class="reflection' in tag and "data-step-id=" in tag:
            found = _MODULE.search(tag)
            if found and found.group(1):
                modules.add(found.group(1))
    if len(modules) != 1 or "data-notes-progress" in content or "data-notes-tools" in content:
        return None
    return modules.pop()


def progress_box(ui: dict[str, str], questions: int, notes_href: str) -> str:
    """The box as notes.js built it, with 0 answers of `questions`."""

    def text(key: str, **values) -> str:
        return html.escape(ui_text(ui, key, **values), quote=False)

    def checkbox(key: str) -> str:
        box_id = f"notes-progress-{key}"
        return (
            f'<p class="notes-progress-box__item"><input type="checkbox" id="{box_id}">'
            f'<label for="{box_id}">{text("notes.progress." + key)}</label></p>'
        )

    link = (
        f'<p class="notes-progress-box__link"><a href="{html.escape(notes_href)}">{text("notes.progress.link")}</a></p>'
        if notes_href
        else ""
    )
    return (
        '<fieldset class="notes-progress-box" data-notes-pending>'
        f"<legend>{text('notes.progress.legend')}</legend>"
        + checkbox("read")
        + f'<p class="notes-progress-box__reflected">{text("notes.progress.reflected", n=0, count=questions)}</p>'
        + checkbox("discussed")
        + link
        + "</fieldset>"
    )


def add_progress_box(page_html: str, ui: dict[str, str], notes_href: str) -> str:
    """Insert the box after the page title of a module page; other pages, and a page that has it, are returned unchanged."""
    article = _ARTICLE.search(page_html)
    if not article or _BOX in page_html:
        return page_html
    title_end = page_html.find("</h1>", article.end())
    if title_end == -1:
        return page_html
    content = page_html[article.end() :]
    if page_module(content) is None:
        return page_html
    questions = len(_QUESTION.findall(content))
    at = title_end + len("</h1>")
    # After the lines under the title that say when the page changed (course/render/page_status.py).
    while status := _TITLE_STATUS.match(page_html, at):
        at = status.end()
    return page_html[:at] + progress_box(ui, questions, notes_href) + page_html[at:]
