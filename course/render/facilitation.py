"""The facilitator guide's time plan and the printable discussion cards, drawn from the reflection data.

Nothing here reads YAML: the steps and questions come from the loaded course
(`macros.reflection`), so the guide, the cards, the page blocks and the
meeting view can never disagree. Macros, registered in `mkdocs_adapter/macros.py`:

    {{ tidsplan(1, "modul-1", "modul-2") }}   one meeting: its steps, questions and suggested minutes,
                                              and each step's facilitator notes (purpose, how to lead it)
    {{ samtalsminuter("steg-3", "avslutning") }}   the suggested minutes of some steps, as a marked-up number
    {{ modulminuter(1) }}                        the suggested minutes of a module's questions, the same way
    {{ samtalskort() }}                          every question as a card to print and cut out

Interface words (table headings, captions) are the `meeting.` keys of data/ui/*.yml.

Every figure of minutes the site shows is the sum `suggested_minutes` makes of
the questions' `minutes` in data/reflection/*.yml; no page writes one itself.
Each figure carries the steps it adds up (`data-steps`), so a test can add them
up again from the data (tests/content/test_times_from_data.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape


from course.editions import edition_prefix
from course.errors import CourseDataError
from course.model.course import Course, Question, Step, text_html
from course.notes.templates import guidance_text
from course.local.docs import origin_name
from course.render.reflection import heading_id
from course.content.ui_strings import ui_text
from course.urls import relative_url


@dataclass(frozen=True)
class PageRef:
    """The page a macro renders into: its source (for errors) and its URL (for links)."""

    src: str  # relative to docs/, e.g. "handledning.en.md"
    url: str  # e.g. "en/handledning/", or "en/handledning.html" without directory URLs
    directory_urls: bool

    def link_to(self, page: str) -> str:
        """A relative link from this page to another, given as "modules/<slug>" from the site root."""
        target = f"{page}/" if self.directory_urls else f"{page}.html"
        return relative_url(target, self.url)


@dataclass(frozen=True)
class PlanRow:
    step: Step
    questions: int
    minutes: int  # the sum of the questions' suggested minutes
    without_minutes: int  # questions that suggest no time


def suggested_minutes(questions: Iterable[Question]) -> int:
    """The one sum of minutes: the suggested minutes of these questions (those without a time count 0)."""
    return sum(q.minutes for q in questions if q.minutes is not None)


def plan_rows(course: Course, step_ids: tuple[str, ...], page_src: str) -> list[PlanRow]:
    """One row per step, in the order given; an unknown or repeated id stops the build."""
    if not step_ids:
        raise CourseDataError(origin_name(page_src), "a meeting needs at least one step id")
    rows = []
    for step_id in step_ids:
        if step_id in course.hidden_steps:
            continue  # the local folder hides the page this step is on
        if any(row.step.id == step_id for row in rows):
            raise CourseDataError(origin_name(page_src), "the same step is twice in one meeting", step_id)
        for step in (_step(course, step_id, page_src), *course.followers(step_id)):
            rows.append(_plan_row(step))
    return rows


def meeting_rows(course: Course, number: int, step_ids: tuple[str, ...], page_src: str) -> list[PlanRow]:
    """A meeting's rows: its steps, then a local folder's page steps that name this meeting."""
    rows = plan_rows(course, step_ids, page_src)
    shown = {row.step.id for row in rows}
    return rows + [_plan_row(step) for step in course.steps if step.meeting == number and step.id not in shown]


def _plan_row(step: Step) -> PlanRow:
    untimed = sum(1 for q in step.questions if q.minutes is None)
    return PlanRow(step, len(step.questions), suggested_minutes(step.questions), untimed)


def module_step_ids(course: Course, number: int, page_src: str) -> tuple[str, ...]:
    """The steps of module `number`, in course order (none for a module the local folder hides); an unknown module stops the build."""
    ids = tuple(step.id for step in course.steps if step.module.number == number and step.follows is None)
    if not ids and number not in course.hidden_modules:
        numbers = sorted({step.module.number for step in course.steps if step.module.number is not None})
        raise CourseDataError(origin_name(page_src), f"unknown module {number}; expected one of {numbers}")
    return ids


def minutes_html(course: Course, step_ids: tuple[str, ...], page_src: str) -> str:
    """A figure of minutes in running text, marked with the steps it adds up (none for a hidden module)."""
    rows = plan_rows(course, step_ids, page_src) if step_ids else []  # with the local steps that follow them
    minutes = suggested_minutes(q for row in rows for q in row.step.questions)
    steps = " ".join(row.step.id for row in rows)
    return f'<span class="course-minutes" data-steps="{_a(steps)}" data-minutes="{minutes}">{minutes}</span>'


def render_time_plan(
    course: Course,
    number: int,
    step_ids: tuple[str, ...],
    lang: str,
    ui: dict[str, str],
    page: PageRef,
) -> str:
    """One meeting's table; each step links to its reflection block on the module page."""
    rows = meeting_rows(course, number, step_ids, page.src)
    if not rows:  # every step is on a module the local folder hides
        return f'<p class="course-plan-empty" data-meeting="{number}">{_t(ui["meeting.plan_empty"])}</p>'
    total = suggested_minutes(q for row in rows for q in row.step.questions)
    # A meeting of a page of its own (the follow-up meeting: a module without a number)
    # goes by that page's title, not by its place in the series.
    named = {row.step.module.slug: row.step.module for row in rows if row.step.id in step_ids}
    if len(named) == 1 and next(iter(named.values())).number is None:
        title = next(iter(named.values())).title[lang]
        caption = ui_text(ui, "meeting.plan_caption_named", name=title, count=total)
    else:
        caption = ui_text(ui, "meeting.plan_caption", number=number, count=total)
    out = [
        f'<table data-meeting="{number}" data-minutes="{total}" data-steps="{_a(" ".join(row.step.id for row in rows))}">',
        f"<caption>{_t(caption)}</caption>",
        "<thead><tr>"
        f'<th scope="col">{_t(ui["meeting.plan_step"])}</th>'
        f'<th scope="col">{_t(ui["meeting.plan_questions"])}</th>'
        f'<th scope="col">{_t(ui["meeting.plan_minutes"])}</th>'
        "</tr></thead>",
        "<tbody>",
    ]
    for row in rows:
        href = page.link_to(f"{edition_prefix(lang)}{row.step.module.page}") + "#" + heading_id(row.step.id)
        out.append(
            f'<tr data-step-id="{_a(row.step.id)}" data-steps="{_a(row.step.id)}" data-minutes="{row.minutes}">'
            f'<th scope="row"><a href="{_a(href)}">{_t(row.step.title[lang])}</a></th>'
            f"<td>{row.questions}</td><td>{row.minutes}</td></tr>"
        )
    out += [
        "</tbody>",
        "<tfoot><tr>"
        f'<th scope="row">{_t(ui["meeting.plan_total"])}</th>'
        f"<td>{sum(row.questions for row in rows)}</td><td>{total}</td>"
        "</tr></tfoot>",
        "</table>",
    ]
    out += _step_notes(rows, lang, ui)
    untimed = sum(row.without_minutes for row in rows)
    if untimed:
        out.append(f'<p class="meeting-plan__note">{_t(ui_text(ui, "meeting.plan_untimed", count=untimed))}</p>')
    return "\n".join(out)


def render_cards(course: Course, lang: str, ui: dict[str, str]) -> str:
    """Every question of the course as a card: its step, the question, and the meeting guidance."""
    out = [f'<ol class="discussion-cards" data-count="{len(course.questions())}">']
    for step in course.steps:
        count = len(step.questions)
        for number, question in enumerate(step.questions, start=1):
            position = ui["meeting.position"].format(number=number, count=count)
            card = [
                f'<li class="discussion-card" data-question-id="{_a(question.id)}" data-step-id="{_a(step.id)}"'
                + (f' data-minutes="{question.minutes}">' if question.minutes is not None else ">"),
                f'<p class="discussion-card__step">{_t(step.title[lang])}</p>',
                f'<p class="discussion-card__question">{_t(question.text[lang])}</p>',
            ]
            if guidance := guidance_text(course, question, lang):
                card.append(f'<p class="discussion-card__guidance">{_t(guidance)}</p>')
            card += [f'<p class="discussion-card__position">{_t(position)}</p>', "</li>"]
            out.append("".join(card))
    out.append("</ol>")
    return "\n".join(out)


# Helper functions


def _step_notes(rows: list[PlanRow], lang: str, ui: dict[str, str]) -> list[str]:
    """The steps' facilitator notes (purpose, how to lead), the same that the presenter view shows."""
    out = []
    for row in rows:
        notes = row.step.facilitation
        if notes is None:
            continue
        out.append(f'<dt data-step-id="{_a(row.step.id)}">{_t(row.step.title[lang])}</dt>')
        for key, text in (("purpose", notes.purpose), ("how", notes.how)):
            if text:
                out.append(f'<dd data-note="{key}"><strong>{_t(ui["meeting." + key])}:</strong> {_t(text[lang])}</dd>')
    return ['<dl class="meeting-plan__notes">', *out, "</dl>"] if out else []


def _step(course: Course, step_id: str, page_src: str) -> Step:
    try:
        return course.step(step_id)
    except KeyError:
        raise CourseDataError(
            origin_name(page_src), f"unknown step id; expected one of {', '.join(course.step_ids())}", step_id
        ) from None


def _t(text: str) -> str:
    return text_html(text)


def _a(value: str) -> str:
    return escape(value, quote=True)
