"""The HTML of "Var står vi?" (module pages, the notes page) and of the group page "Gruppens bild".

The statements come from data/reflection (course/model/assessment.py);
the words around them from data/ui, as the scripts that fill them in use them.
"""

from __future__ import annotations

from pathlib import Path

from course.errors import CourseDataError
from course.local.docs import origin_name
from course.local.folder import LocalFolder
from course.model.assessment import (
    assessment_json,
    in_course_order,
    load_assessments,
    render_assessment,
    render_paper_assessment,
)
from course.build import DATA_DIR
from course.model.course import Course
from course.content.ui_strings import strings_for


def assessments(project_dir: Path, course: Course | None, local: LocalFolder | None):
    if course is None:
        raise CourseDataError(str(DATA_DIR), "the reflection data was not loaded: is mkdocs_adapter/hooks.py in mkdocs.yml?")
    return load_assessments(project_dir / DATA_DIR, project_dir, course, local)


def module_assessment_html(
    project_dir: Path,
    course: Course | None,
    local: LocalFolder | None,
    slug: str,
    page_src: str,
    lang: str,
    level: int = 2,
    paper: bool = False,
) -> str:
    found = assessments(project_dir, course, local)
    if slug not in found:
        raise CourseDataError(
            origin_name(page_src),
            f"var_star_vi(\"{slug}\"): no module or local page with that slug has an 'assessment:';"
            f" expected one of {', '.join(sorted(found))}",
        )
    if paper:
        return render_paper_assessment(found[slug], lang, strings_for(lang), level)
    return render_assessment(found[slug], lang, strings_for(lang), level=level)


def all_assessments_html(project_dir: Path, course: Course | None, local: LocalFolder | None, lang: str) -> str:
    ui = strings_for(lang)
    out = []
    for assessment in in_course_order(assessments(project_dir, course, local), course):
        heading = course.module_label(assessment.module, lang)
        out.append(render_assessment(assessment, lang, ui, level=3, heading=heading, intro=False))
    return "\n".join(out)


def group_picture_html(project_dir: Path, course: Course | None, local: LocalFolder | None, lang: str) -> str:
    """The statements of every module and local page as data, and the place group-picture.js fills in."""
    found = in_course_order(assessments(project_dir, course, local), course)
    return assessment_json(found, lang) + '\n<div class="group-picture" data-group-picture></div>'
