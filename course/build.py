"""Build-time state shared by the hooks and the macros: data, usage per edition, template files.

mkdocs-static-i18n builds Swedish first, then runs a whole build for English
from inside the Swedish build's on_post_build. So, per `mkdocs build`:

    on_config        load and validate the data (each edition; cheap)
    on_pre_build     start an edition: the default one resets the state
    page rendering   the macro records which page shows which step
    on_post_build    once every edition is built: check that every step is
                     on a page in every edition, then write the templates

The state is one module-level object, because hooks.py and main.py are
loaded separately by MkDocs and mkdocs-macros but import this same module.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


from course.editions import DEFAULT_LANGUAGE, edition_prefix
from course.errors import CourseDataError
from course.local.docs import origin_name
from course.local.folder import LocalFolder
from course.model.load import check_module_pages, load_course, page_source
from course.local.questions import merge_local
from course.model.course import LANGUAGES, Course
from course.notes.templates import FORMATS, TEMPLATE_DIR, Template, generate, templates
from course.render.reflection import Download, render_block, render_table
from course.urls import relative_url

DATA_DIR = Path("data") / "reflection"
LANGUAGE_NAMES = {"sv": "Swedish", "en": "English"}


@dataclass
class ReflectionBuild:
    course: Course | None = None
    fingerprint: str = ""
    started: list[str] = field(default_factory=list)  # editions begun in this build
    usage: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # lang -> step -> pages
    time_plans: dict[str, set[int]] = field(default_factory=dict)  # lang -> meetings whose time plan a page shows
    files: dict[str, dict[str, bytes]] = field(default_factory=dict)  # lang -> file name -> bytes
    finished: bool = False

    # Build events

    def load(self, root: Path, docs_dir: Path, local: LocalFolder | None = None) -> Course:
        """Load and validate the data, with a local folder's steps; keep the generated files while the data is unchanged."""
        data_dir = root / DATA_DIR
        local_files = local.reflection_files() if local else []
        fingerprint = _fingerprint([*sorted(data_dir.glob("*")), *local_files], repr(local))
        course = merge_local(load_course(data_dir, root), local)
        check_module_pages(course, docs_dir)
        if fingerprint != self.fingerprint:
            self.files = {}
        self.course, self.fingerprint = course, fingerprint
        return course

    def start_edition(self, lang: str) -> None:
        if lang == DEFAULT_LANGUAGE or lang in self.started:
            self.started, self.usage, self.time_plans, self.finished = [], {}, {}, False
        self.started.append(lang)
        self.usage[lang] = {}
        self.time_plans[lang] = set()

    def finish(self, site_dir: Path) -> list[Path]:
        """After the last edition: check every step is used, then write the templates."""
        if self.finished or not set(LANGUAGES) <= set(self.started):
            return []
        self.check_every_step_used()
        self.check_every_meeting_shown()
        written = []
        for lang in LANGUAGES:
            target = site_dir / edition_prefix(lang) / TEMPLATE_DIR
            target.mkdir(parents=True, exist_ok=True)
            for name, data in self.files_for(lang).items():
                (target / name).write_bytes(data)
                written.append(target / name)
        self.finished = True
        return written

    # Used by the macros

    def block(self, step_id: str, lang: str, page_src: str, page_url: str, level: int = 2, paper: bool = False) -> str:
        course = self._course()
        try:
            step = course.step(step_id)
        except KeyError:
            raise CourseDataError(
                origin_name(page_src),
                f"unknown step id in reflektion(\"{step_id}\"); expected one of {', '.join(course.step_ids())}",
                step_id,
            ) from None
        if level not in (2, 3, 4):
            raise CourseDataError(origin_name(page_src), f"heading level must be 2, 3 or 4, found {level!r}", step_id)
        blocks = []
        # A local folder's steps for this module follow the step they are attached after.
        for shown in (step, *course.followers(step.id)):
            pages = self.usage.setdefault(lang, {}).setdefault(shown.id, [])
            if page_src in pages:
                raise CourseDataError(origin_name(page_src), "the page shows this step twice; ids on a page must be unique", shown.id)
            pages.append(page_src)
            template = next(t for t in templates(course, lang) if t.key == shown.id)
            # A paper block (the print page) links no templates.
            downloads = [] if paper else self._downloads(template, lang, page_url)
            blocks.append(render_block(course, shown, lang, downloads, level, paper))
        return "\n\n".join(blocks)

    def table(self, lang: str, page_url: str) -> str:
        course = self._course()
        rows = [(t, self._downloads(t, lang, page_url)) for t in templates(course, lang)]
        return render_table(course, lang, rows)

    def files_for(self, lang: str) -> dict[str, bytes]:
        if lang not in self.files:
            self.files[lang] = generate(self._course(), lang)
        return self.files[lang]

    def check_every_step_used(self) -> None:
        course = self._course()
        for lang in LANGUAGES:
            used = self.usage.get(lang, {})
            unused = [step for step in course.steps if step.id not in used]
            if unused:
                step = unused[0]
                also = f" (also unused there: {', '.join(s.id for s in unused[1:])})" if unused[1:] else ""
                raise CourseDataError(
                    step.file,
                    f"step is used by no page in the {LANGUAGE_NAMES.get(lang, lang)} edition ({lang}): "
                    f"expected {{{{ reflektion(\"{step.id}\") }}}} in {origin_name(page_source(step.module, lang))}{also}",
                    step.id,
                )

    def time_plan_shown(self, lang: str, number: int) -> None:
        self.time_plans.setdefault(lang, set()).add(number)

    def check_every_meeting_shown(self) -> None:
        """A local page's steps that name a meeting (attach: meeting) need that meeting's time plan on a page."""
        course = self._course()
        for lang in LANGUAGES:
            shown = self.time_plans.get(lang, set())
            for step in course.steps:
                if step.meeting is not None and step.meeting not in shown:
                    expected = ", ".join(str(n) for n in sorted(shown)) or "none: no page shows a time plan"
                    raise CourseDataError(
                        step.file,
                        f"'meeting: {step.meeting}' names a meeting whose time plan no page of the "
                        f"{LANGUAGE_NAMES.get(lang, lang)} edition shows; expected one of {expected}",
                        step.id,
                    )

    # Helper functions

    def _course(self) -> Course:
        if self.course is None:
            raise CourseDataError(str(DATA_DIR), "the reflection data was not loaded: is mkdocs_adapter/hooks.py in mkdocs.yml?")
        return self.course

    def _downloads(self, template: Template, lang: str, page_url: str) -> list[Download]:
        files = self.files_for(lang)
        downloads = []
        for fmt in FORMATS:
            name = f"{template.filename_stem}.{fmt}"
            site_path = f"{edition_prefix(lang)}{TEMPLATE_DIR}/{name}"
            downloads.append(Download(fmt, relative_url(site_path, page_url), len(files[name])))
        return downloads


def _fingerprint(paths: list[Path], extra: str) -> str:
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


STATE = ReflectionBuild()
