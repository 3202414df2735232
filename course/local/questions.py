"""A local folder's steps and questions, merged into the course before anything is rendered.

A file in the folder's `reflection/` has the shape of a module file in
data/reflection/, except for its head, which says where its steps belong:

    attach:
      module: varfor-nara-vard   # on a module's page, after its own steps
      after: modul-1             # (optional) right after this step of the module
    steps: [...]                 # as in data/reflection/, ids starting with lokal-

or, for a local page, `attach: {page: var-fardplan.md, title: {sv: ..., en: ...}}`,
with `meeting: 2` to list its steps in that meeting's time plan in the guide;
such a file may also have an `assessment:` ("Var står vi?", parsed in assessment.py).
Every renderer, the notes store and every export then see one course.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from course.errors import CourseDataError
from course.local.folder import SITE_FOLDER, LocalFolder, display_path
from course.model.load import _check_keys, _kind, _text, parse_step
from course.model.course import Course, Module, Step
from course.content.yaml_source import errors_at, line_of, read_yaml

FILE_KEYS = {"attach": True, "steps": True, "assessment": False}  # assessment: see assessment.py
ATTACH_KEYS = {"module": False, "after": False, "page": False, "title": False, "meeting": False}


def merge_local(course: Course, local: LocalFolder | None) -> Course:
    """The course with the local folder's steps in place and the hidden pages' steps left out."""
    if local is None:
        return course
    hidden_pages = {page[: -len(".md")] for page in local.hide}
    kept = [step for step in course.steps if step.module.page not in hidden_pages]
    hidden = frozenset(step.id for step in course.steps if step.module.page in hidden_pages)
    hidden_modules = frozenset(s.module.number for s in course.steps if s.module.page in hidden_pages and s.module.number)
    seen: dict[str, str] = {}
    steps = list(kept)
    for path in local.reflection_files():
        rel = display_path(path)
        for step in _parse_local_file(path, rel, course, local, hidden_pages):
            for item in (step.id, *(q.id for q in step.questions)):
                if item in seen:
                    where = "in the same file" if seen[item] == rel else f"first defined in {seen[item]}"
                    raise CourseDataError(rel, f"duplicate id ({where}); expected each local id once", item)
                seen[item] = rel
            steps.insert(_position(steps, step), step)
    return replace(course, steps=tuple(steps), hidden_steps=hidden, hidden_modules=hidden_modules)


# Helper functions


def _parse_local_file(path: Path, rel: str, course: Course, local: LocalFolder, hidden_pages: set[str]) -> list[Step]:
    raw = read_yaml(path, rel)
    if not isinstance(raw, dict):
        raise CourseDataError(rel, f"must be a mapping with the keys attach and steps, found {_kind(raw)}")
    _check_keys(raw, FILE_KEYS, rel, None, "at the top level")
    attach = raw["attach"]
    if not isinstance(attach, dict):
        raise CourseDataError(rel, f"'attach' must be a mapping with 'module' or 'page', found {_kind(attach)}", line=line_of(raw))
    with errors_at(attach):
        _check_keys(attach, ATTACH_KEYS, rel, None, "in 'attach'")
        module, after = _attachment(attach, rel, course, local, hidden_pages)
    steps_raw = raw["steps"]
    if not isinstance(steps_raw, list) or not steps_raw:
        raise CourseDataError(rel, f"'steps' must be a list of at least one step, found {_kind(steps_raw)}", line=line_of(raw))
    steps = [parse_step(item, rel, module, course.forms, n, local=True) for n, item in enumerate(steps_raw, start=1)]
    if after is not None:
        steps = [replace(step, follows=after) for step in steps]
    if "meeting" in attach:
        with errors_at(attach):
            meeting = _meeting(attach, rel)
        steps = [replace(step, meeting=meeting) for step in steps]
    return steps


def _meeting(attach: dict, rel: str) -> int:
    if "page" not in attach:
        raise CourseDataError(rel, "'meeting' is for a local page's steps; a module's local steps follow its own steps in the time plans")
    meeting = attach["meeting"]
    if not isinstance(meeting, int) or isinstance(meeting, bool) or meeting < 1:
        raise CourseDataError(rel, f"'meeting' must be the number of a meeting in the guide's time plans, such as 2; found {meeting!r}")
    return meeting


def _attachment(attach: dict, rel: str, course: Course, local: LocalFolder, hidden_pages: set[str]) -> tuple[Module, str | None]:
    if ("module" in attach) == ("page" in attach):
        found = "both" if "module" in attach else "neither"
        raise CourseDataError(rel, f"'attach' has {found} 'module' and 'page'; expected exactly one of them")
    if "page" in attach:
        return _local_page_module(attach, rel, local), None
    slug = attach["module"]
    modules = {step.module.slug: step.module for step in course.steps}
    if f"modules/{slug}" in hidden_pages:
        raise CourseDataError(rel, f"'attach' names module '{slug}', which local.yml hides; expected a module that is shown")
    if slug not in modules:
        raise CourseDataError(
            rel, f"'attach' names module {slug!r}, which the course does not have; expected one of {', '.join(modules)}"
        )
    module_steps = [step.id for step in course.steps if step.module.slug == slug]
    after = attach.get("after", module_steps[-1])
    if after not in module_steps:
        raise CourseDataError(
            rel, f"'after' names step {after!r}, which module '{slug}' does not have; expected one of {', '.join(module_steps)}"
        )
    if "title" in attach:
        raise CourseDataError(rel, "'title' is for a local page; a module's steps take the module's title")
    return modules[slug], after


def _local_page_module(attach: dict, rel: str, local: LocalFolder) -> Module:
    file = attach["page"]
    placed = {p.file for p in local.pages}
    if file not in placed:
        raise CourseDataError(
            rel,
            f"'attach' names page {file!r}, which local.yml does not place; expected one of {', '.join(sorted(placed)) or 'the pages under pages: in local.yml'}",
        )
    if "after" in attach:
        raise CourseDataError(rel, "'after' is for a module; on a local page the steps go where the page calls {{ reflektion(...) }}")
    if "title" not in attach:
        raise CourseDataError(rel, "'attach' needs a 'title' for the local page's questions, as the notes page shows it")
    stem = file[: -len(".md")]
    return Module(slug=f"lokal-{stem}", number=None, title=_text(attach["title"], rel, file, "title", True), page=f"{SITE_FOLDER}/{stem}")


def _position(steps: list[Step], step: Step) -> int:
    """Where a local step goes in the course's order: after the step it follows and the local steps already there."""
    if step.follows is None:
        return len(steps)
    index = next(i for i, s in enumerate(steps) if s.id == step.follows) + 1
    while index < len(steps) and steps[index].follows == step.follows:
        index += 1
    return index
