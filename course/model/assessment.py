""""Var står vi?": each module's self-assessment, from the optional `assessment:` key of its data file.

    assessment:
      version: 1            # raise it when a statement is added, dropped or reworded
      statements:           # 4 to 8, rated from "Stämmer inte alls" to "Stämmer helt", or "Vet inte"
        - id: modul-3-lage-kultur
          text: {sv: ..., en: ...}

Parsed here, apart from the questions (load.py), and rendered as one radio
group per statement with the statement as its legend. self-assessment.js saves
the choices with the reader's notes; group-picture.js merges the group files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

from course.errors import CourseDataError
from course.local.folder import LOCAL_PREFIX, LocalFolder, display_path
from course.model.load import STRINGS_FILE, _check_keys, _id, _kind, _read_yaml, _rel, _text
from course.model.course import Course, Module, Text, text_html
from course.content.yaml_source import read_yaml

ASSESSMENT_KEYS = {"version": True, "statements": True}
STATEMENT_KEYS = {"id": True, "text": True}
MIN_STATEMENTS, MAX_STATEMENTS = 4, 8
# The scale, as stored: 1 "Stämmer inte alls" to 5 "Stämmer helt"; 0 "Vet inte".
SCALE = (1, 2, 3, 4, 5, 0)


@dataclass(frozen=True)
class Statement:
    id: str
    text: Text


@dataclass(frozen=True)
class Assessment:
    module: Module
    version: int
    statements: tuple[Statement, ...]
    file: str


def load_assessments(data_dir: Path, root: Path, course: Course, local: LocalFolder | None = None) -> dict[str, Assessment]:
    """Every module's and local page's assessment, by module slug; a malformed one stops the build naming file and id.

    A local folder's reflection file for one of its pages may have an `assessment:` of the same
    shape, with ids starting with lokal-; the page shows it with {{ var_star_vi("lokal-<page>") }}.
    """
    modules = {step.module.slug: step.module for step in course.steps}
    taken = {step.id: step.file for step in course.steps} | {
        q.id: step.file for step in course.steps for q in step.questions
    }
    found: dict[str, Assessment] = {}
    for path in sorted(p for p in data_dir.glob("*.yml") if p.name != STRINGS_FILE):
        raw = _read_yaml(path, root)
        if not isinstance(raw, dict) or "assessment" not in raw:
            continue
        slug = (raw.get("module") or {}).get("slug")
        if slug in modules:  # not a module a local folder hides
            found[slug] = _parse(raw["assessment"], _rel(path, root), modules[slug], taken)
    for path in local.reflection_files() if local else ():
        rel = display_path(path)
        raw = read_yaml(path, rel)
        if not isinstance(raw, dict) or "assessment" not in raw:
            continue
        page = (raw.get("attach") or {}).get("page")
        if not isinstance(page, str):
            raise CourseDataError(rel, "'assessment' is for a local page's file (attach: page); a module's \"Var står vi?\" is the course's own")
        slug = local_page_slug(page)
        found[slug] = _parse(raw["assessment"], rel, modules[slug], taken, local=True)
    return found


def local_page_slug(page_file: str) -> str:
    """The slug of a local page's questions and assessment: var-fardplan.md -> lokal-var-fardplan."""
    return f"{LOCAL_PREFIX}{page_file[: -len('.md')]}"


def in_course_order(assessments: dict[str, Assessment], course: Course) -> list[Assessment]:
    """The modules' assessments in the course's order, then the local pages' where their questions are."""
    order = {}
    for n, step in enumerate(course.steps):
        order.setdefault(step.module.slug, n)
    return sorted(assessments.values(), key=lambda a: order.get(a.module.slug, len(order)))


def assessment_json(assessments: list[Assessment], lang: str) -> str:
    """What the group page needs: each module's version, statements and title, in order, as a JSON data block."""
    data = {
        a.module.slug: {
            "number": a.module.number,
            "title": a.module.title[lang],
            "version": a.version,
            "statements": [{"id": s.id, "text": s.text[lang]} for s in a.statements],
        }
        for a in assessments
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return f'<script type="application/json" id="assessment-data">{text}</script>'


def render_assessment(
    assessment: Assessment, lang: str, ui: dict[str, str], level: int = 2, heading: str | None = None, intro: bool = True
) -> str:
    """The self-assessment of one module: a heading, a short intro, one radio group per statement."""
    slug = assessment.module.slug
    hid = f"var-star-vi-{slug}"
    out = [
        f'<section class="assessment" data-assessment="{_a(slug)}" data-assessment-version="{assessment.version}"'
        f' aria-labelledby="{_a(hid)}">',
        f'<h{level} id="{_a(hid)}" class="assessment__heading">{_t(heading or ui["assessment.heading"])}</h{level}>',
    ]
    if intro:
        out.append(f'<p class="assessment__intro">{_t(ui["assessment.intro"])}</p>')
    for statement in assessment.statements:
        # Each radio inside its label: no ids to pair, and half the bytes on the notes page.
        out.append(f'<fieldset class="assessment__statement" data-statement-id="{_a(statement.id)}">')
        out.append(f'<legend class="assessment__legend">{_t(statement.text[lang])}</legend>')
        # The scale's labels, the same 6 under every statement, stay out of the search index.
        out.append('<div class="assessment__scale" data-search-exclude>')
        out += [
            f'<label class="assessment__choice"><input type="radio" name="{_a(statement.id)}" value="{value}">'
            f'{_t(ui[f"assessment.scale.{value}"])}</label>'
            for value in SCALE
        ]
        out.append("</div></fieldset>")
    out.append('<div class="assessment__tools" data-assessment-tools></div>')
    out.append("</section>")
    return "\n".join(out)


def render_paper_assessment(assessment: Assessment, lang: str, ui: dict[str, str], level: int) -> str:
    """The self-assessment as on paper (the print page): each statement with its scale to tick.

    Not a form and not a landmark: nothing to choose or save on screen, and
    self-assessment.js, which looks for data-assessment, leaves it alone.
    """
    slug = assessment.module.slug
    out = [
        f'<div class="assessment assessment--paper" data-module="{_a(slug)}">',
        f'<h{level} id="var-star-vi-{_a(slug)}" class="assessment__heading">{_t(ui["assessment.heading"])}</h{level}>',
        f'<p class="assessment__intro">{_t(ui["assessment.intro_paper"])}</p>',
    ]
    scale = "".join(f"<li>{_t(ui[f'assessment.scale.{value}'])}</li>" for value in SCALE)
    for statement in assessment.statements:
        out.append(
            f'<div class="assessment__statement"><p class="assessment__legend">{_t(statement.text[lang])}</p>'
            f'<ul class="assessment__scale" data-search-exclude>{scale}</ul></div>'
        )
    out.append("</div>")
    return "\n".join(out)


# Helper functions


def _parse(raw, rel: str, module: Module, taken: dict[str, str], local: bool = False) -> Assessment:
    if not isinstance(raw, dict):
        raise CourseDataError(rel, f"'assessment' must be a mapping with version and statements, found {_kind(raw)}")
    _check_keys(raw, ASSESSMENT_KEYS, rel, None, "in 'assessment'")
    version = raw["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CourseDataError(rel, f"assessment.version must be a whole number from 1, found {version!r}")
    items = raw["statements"]
    if not isinstance(items, list) or not MIN_STATEMENTS <= len(items) <= MAX_STATEMENTS:
        count = len(items) if isinstance(items, list) else _kind(items)
        raise CourseDataError(rel, f"assessment.statements must be a list of {MIN_STATEMENTS} to {MAX_STATEMENTS} statements, found {count}")
    statements = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise CourseDataError(rel, f"statement number {n} must be a mapping, found {_kind(item)}", "assessment")
        sid = _id(item.get("id"), rel, f"assessment, statement number {n}", local)
        _check_keys(item, STATEMENT_KEYS, rel, sid, "in the statement")
        if sid in taken:
            where = "in the same file" if taken[sid] == rel else f"first defined in {taken[sid]}"
            raise CourseDataError(rel, f"duplicate id ({where}); each id must be unique in the course", sid)
        taken[sid] = rel
        statements.append(Statement(id=sid, text=_text(item["text"], rel, sid, "text", local)))
    return Assessment(module=module, version=version, statements=tuple(statements), file=rel)


def _t(text: str) -> str:
    # Escaped, and marked with its language where a local text is not in the page's (text_html).
    return text_html(text)


def _a(value: str) -> str:
    return escape(value, quote=True)
