"""The page "Gruppens resa": the group's agreements, its occasions of "Var står vi?" and the handover file.

The page carries, as JSON data blocks that group-journey.js reads:
- `#assessment-data`: every module's statements (the same block as the group page's);
- `#journey-data`: every step in course order, with its title, its module's
  label and a link to the step on its page, so that the agreements the scribe
  wrote in meeting mode ("Det här kom vi överens om") are gathered in course order.
What the group wrote is never in the HTML: the script reads it from the browser.
"""

from __future__ import annotations

import json
from pathlib import Path

from course.editions import edition_prefix
from course.local.folder import LocalFolder
from course.model.assessment import assessment_json, in_course_order
from course.model.course import Course
from course.render.facilitation import PageRef
from course.render.reflection import heading_id
from course.render.self_assessment import assessments


def journey_html(project_dir: Path, course: Course, local: LocalFolder | None, lang: str, page: PageRef) -> str:
    steps = [
        {
            "id": step.id,
            "title": str(step.title[lang]),
            "module": course.module_label(step.module, lang),
            "href": page.link_to(f"{edition_prefix(lang)}{step.module.page}") + "#" + heading_id(step.id),
        }
        for step in course.steps
    ]
    found = in_course_order(assessments(project_dir, course, local), course)
    return "\n".join(
        [
            assessment_json(found, lang),
            f'<script type="application/json" id="journey-data">{_json(steps)}</script>',
            '<div class="group-journey" data-group-journey></div>',
        ]
    )


def _json(data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text
