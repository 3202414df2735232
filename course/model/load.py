"""Read and validate `data/reflection/`: every problem stops the build, naming file, id and problem.

The folder holds `strings.yml` (the words around the questions) and one file
per module (`<n>-<module slug>.yml`) with its steps and questions, read in
file-name order, which is the course's order.
"""

from __future__ import annotations

import re
from pathlib import Path

from course.errors import CourseDataError
from course.local.folder import LOCAL_PREFIX, check_local_id
from course.content.yaml_source import errors_at, read_yaml
from course.model.course import LANGUAGES, Course, Facilitation, InLanguage, Module, Question, Step, Text

STRINGS_FILE = "strings.yml"

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_MINUTES = 120

MODULE_FILE_KEYS = {"module": True, "steps": True, "assessment": False}  # key: required? (assessment: see assessment.py)
MODULE_KEYS = {"slug": True, "number": True, "title": True}
STEP_KEYS = {"id": True, "title": True, "intro": True, "questions": True, "facilitation": False}
FACILITATION_KEYS = {"purpose": False, "how": False}
QUESTION_KEYS = {"id": True, "text": True, "minutes": False, "form": False, "guidance": False}

# Every string the code asks for; strings.yml must have exactly these, plus `forms`.
STRING_KEYS = (
    "course_title",
    "module_label",
    "minutes_one",
    "minutes_other",
    "downloads_intro",
    "download_link",
    "format_docx",
    "format_odt",
    "format_md",
    "size_bytes",
    "size_kb",
    "decimal_separator",
    "file_prefix",
    "whole_course_file",
    "file_word_modul",
    "file_word_steg",
    "file_word_avslutning",
    "file_word_lokal",
    "notes_title",
    "whole_course",
    "generated_note",
    "field_date",
    "field_participants",
    "field_organisations",
    "questions_heading",
    "answer_label",
    "agreed_heading",
    "next_steps_heading",
    "next_what",
    "next_who",
    "next_when",
    "table_caption",
    "table_template",
    "language_note",
)
# Placeholders each string must keep in every language.
STRING_PLACEHOLDERS = {
    "module_label": {"number", "title"},
    "minutes_one": {"minutes"},
    "minutes_other": {"minutes"},
    "download_link": {"format", "extension", "size"},
    "size_bytes": {"size"},
    "size_kb": {"size"},
}
FILE_NAME_STRINGS = ("file_prefix", "whole_course_file", "file_word_modul", "file_word_steg", "file_word_avslutning", "file_word_lokal")


# Loading


def load_course(data_dir: Path, root: Path) -> Course:
    """Load and validate every file in `data_dir`; `root` makes file names in messages relative."""
    strings_path = data_dir / STRINGS_FILE
    if not strings_path.exists():
        raise CourseDataError(_rel(strings_path, root), "file is missing; it holds the words around the questions")
    strings, forms = _parse_strings(strings_path, root)

    steps: list[Step] = []
    seen: dict[str, str] = {}  # id -> file that defines it
    module_files = sorted(p for p in data_dir.glob("*.yml") if p.name != STRINGS_FILE)
    if not module_files:
        raise CourseDataError(_rel(data_dir, root), "no module file (<n>-<module slug>.yml) with reflection steps")
    for path in module_files:
        for step in _parse_module_file(path, root, forms):
            for item in (step.id, *(q.id for q in step.questions)):
                if item in seen:
                    where = "in the same file" if seen[item] == step.file else f"first defined in {seen[item]}"
                    raise CourseDataError(step.file, f"duplicate id ({where}); each id must be unique in the course", item)
                seen[item] = step.file
            steps.append(step)
    return Course(steps=tuple(steps), strings=strings, forms=forms)


def check_module_pages(course: Course, docs_dir: Path) -> None:
    """Each module slug must name a page in every language: docs/modules/<slug>.md and .<lang>.md."""
    for step in course.steps:
        for lang in LANGUAGES:
            page = page_source(step.module, lang)
            if not (docs_dir / page).exists():
                raise CourseDataError(
                    step.file,
                    f"module.slug '{step.module.slug}' names no page: expected docs/{page}",
                    step.id,
                )


def page_source(module: Module, lang: str) -> str:
    """The source path in docs/ of the page a step belongs on, for one language."""
    return f"{module.page}.md" if lang == LANGUAGES[0] else f"{module.page}.{lang}.md"


# Helper functions


def _read_yaml(path: Path, root: Path):
    return read_yaml(path, _rel(path, root))


def _parse_strings(path: Path, root: Path) -> tuple[dict[str, Text], dict[str, Text]]:
    rel = _rel(path, root)
    raw = _read_yaml(path, root)
    if not isinstance(raw, dict):
        raise CourseDataError(rel, f"must be a mapping of keys, found {_kind(raw)}")
    expected = set(STRING_KEYS) | {"forms"}
    _check_keys(raw, {k: True for k in expected}, rel, None, "")
    strings = {key: _text(raw[key], rel, key, key) for key in STRING_KEYS}
    for key, needed in STRING_PLACEHOLDERS.items():
        for lang, text in strings[key].items():
            found = set(re.findall(r"\{(\w+)\}", text))
            if found != needed:
                raise CourseDataError(
                    rel,
                    f"placeholders in {lang}: found {_names(found) or 'none'}, expected {_names(needed)}",
                    key,
                )
    for key in FILE_NAME_STRINGS:
        for lang, text in strings[key].items():
            if not ID_PATTERN.match(text):
                raise CourseDataError(rel, f"in {lang} must be lower-case letters, digits and hyphens, found '{text}'", key)
    forms_raw = raw["forms"]
    if not isinstance(forms_raw, dict) or not forms_raw:
        raise CourseDataError(rel, f"must map each form's key to its text, found {_kind(forms_raw)}", "forms")
    forms = {}
    for key, value in forms_raw.items():
        if not isinstance(key, str) or not ID_PATTERN.match(key):
            raise CourseDataError(rel, f"form key '{key}' must be lower-case letters, digits and hyphens", "forms")
        forms[key] = _text(value, rel, f"forms.{key}", f"forms.{key}")
    return strings, forms


def _parse_module_file(path: Path, root: Path, forms: dict[str, Text]) -> list[Step]:
    rel = _rel(path, root)
    raw = _read_yaml(path, root)
    if not isinstance(raw, dict):
        raise CourseDataError(rel, f"must be a mapping with the keys module and steps, found {_kind(raw)}")
    _check_keys(raw, MODULE_FILE_KEYS, rel, None, "at the top level")
    module = _parse_module(raw["module"], rel)
    steps_raw = raw["steps"]
    if not isinstance(steps_raw, list) or not steps_raw:
        raise CourseDataError(rel, f"'steps' must be a list of at least one step, found {_kind(steps_raw)}")
    return [parse_step(item, rel, module, forms, index) for index, item in enumerate(steps_raw, start=1)]


def _parse_module(raw, rel: str) -> Module:
    if not isinstance(raw, dict):
        raise CourseDataError(rel, f"'module' must be a mapping with slug, number and title, found {_kind(raw)}")
    _check_keys(raw, MODULE_KEYS, rel, None, "in 'module'")
    slug = raw["slug"]
    if not isinstance(slug, str) or not ID_PATTERN.match(slug):
        raise CourseDataError(rel, f"module.slug must be a page slug such as kom-igang-tillsammans, found {slug!r}")
    number = raw["number"]
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise CourseDataError(rel, f"module.number must be a whole number from 1, found {number!r}")
    return Module(slug=slug, number=number, title=_text(raw["title"], rel, "module", "title"), page=f"modules/{slug}")


def parse_step(raw, rel: str, module: Module, forms: dict[str, Text], index: int, *, local: bool = False) -> Step:
    """One step of a module file; `local` steps (a local folder's) may be written in Swedish only."""
    if not isinstance(raw, dict):
        raise CourseDataError(rel, f"step number {index} must be a mapping, found {_kind(raw)}")
    with errors_at(raw):
        step_id = _id(raw.get("id"), rel, f"step number {index}", local)
        _check_keys(raw, STEP_KEYS, rel, step_id, "in the step")
        questions_raw = raw["questions"]
        if not isinstance(questions_raw, list) or not questions_raw:
            raise CourseDataError(rel, f"'questions' must be a list of at least one question, found {_kind(questions_raw)}", step_id)
        questions = tuple(
            _parse_question(item, rel, step_id, forms, n, local) for n, item in enumerate(questions_raw, start=1)
        )
        return Step(
            id=step_id,
            title=_text(raw["title"], rel, step_id, "title", local),
            intro=_text(raw["intro"], rel, step_id, "intro", local),
            questions=questions,
            module=module,
            file=rel,
            facilitation=_parse_facilitation(raw["facilitation"], rel, step_id, local) if "facilitation" in raw else None,
        )


def _parse_facilitation(raw, rel: str, step_id: str, local: bool) -> Facilitation:
    """A step's notes for whoever leads the meeting: the guide's time plans and the presenter view show them."""
    if not isinstance(raw, dict) or not raw:
        raise CourseDataError(rel, f"'facilitation' must be a mapping with purpose and/or how, found {_kind(raw)}", step_id)
    _check_keys(raw, FACILITATION_KEYS, rel, step_id, "in 'facilitation'")
    return Facilitation(**{key: _text(raw[key], rel, step_id, f"facilitation.{key}", local) for key in raw})


def _parse_question(raw, rel: str, step_id: str, forms: dict[str, Text], index: int, local: bool) -> Question:
    if not isinstance(raw, dict):
        raise CourseDataError(rel, f"question number {index} must be a mapping, found {_kind(raw)}", step_id)
    with errors_at(raw):
        question_id = _id(raw.get("id"), rel, f"{step_id}, question number {index}", local)
        _check_keys(raw, QUESTION_KEYS, rel, question_id, "in the question")
        if not question_id.startswith(step_id + "-"):
            raise CourseDataError(rel, f"question id must start with its step id: expected '{step_id}-…'", question_id)
        minutes = raw.get("minutes")
        if minutes is not None and (
            not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= MAX_MINUTES
        ):
            raise CourseDataError(rel, f"minutes must be a whole number from 1 to {MAX_MINUTES}, found {minutes!r}", question_id)
        form = raw.get("form")
        if form is not None and form not in forms:
            raise CourseDataError(
                rel, f"unknown form '{form}'; expected one of {_names(forms)} (see {STRINGS_FILE})", question_id
            )
        guidance = raw.get("guidance")
        return Question(
            id=question_id,
            text=_text(raw["text"], rel, question_id, "text", local),
            minutes=minutes,
            form=form,
            guidance=_text(guidance, rel, question_id, "guidance", local) if guidance is not None else None,
        )


def _id(value, rel: str, where: str, local: bool = False) -> str:
    if value is None:
        raise CourseDataError(rel, f"{where} has no 'id'")
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise CourseDataError(rel, f"{where}: id must be lower-case letters, digits and hyphens, found {value!r}")
    if local:
        check_local_id(value, rel, where, None)
    elif value.startswith(LOCAL_PREFIX):
        raise CourseDataError(rel, f"ids that start with '{LOCAL_PREFIX}' belong to local folders; found '{value}'", where)
    return value


def _text(raw, rel: str, item: str, field: str, local: bool = False) -> Text:
    """A text with exactly one non-empty string per language.

    A local folder may write only Swedish: a plain string, or a text without
    the other languages. The other editions then show the Swedish, marked as such.
    """
    if local and isinstance(raw, str) and raw.strip():
        raw = {LANGUAGES[0]: raw}
    if local and isinstance(raw, dict) and isinstance(raw.get(LANGUAGES[0]), str) and raw[LANGUAGES[0]].strip():
        swedish = raw[LANGUAGES[0]]
        raw = {**{lang: InLanguage(swedish, LANGUAGES[0]) for lang in LANGUAGES}, **{k: v for k, v in raw.items() if v}}
    if isinstance(raw, str):
        raise CourseDataError(
            rel, f"missing translation: '{field}' is a plain string; expected one text for each of {_names(LANGUAGES)}", item
        )
    if not isinstance(raw, dict):
        raise CourseDataError(rel, f"'{field}' must map {_names(LANGUAGES)} to texts, found {_kind(raw)}", item)
    unknown = sorted(str(k) for k in set(raw) - set(LANGUAGES))
    if unknown:
        raise CourseDataError(
            rel, f"unknown key(s) {_names(unknown)} in '{field}'; expected {_names(LANGUAGES)}", item
        )
    for lang in LANGUAGES:
        value = raw.get(lang)
        if value is None or (isinstance(value, str) and not value.strip()):
            found = [k for k in LANGUAGES if isinstance(raw.get(k), str) and raw[k].strip()]
            raise CourseDataError(
                rel,
                f"missing translation '{lang}' in '{field}' (found: {_names(found) or 'none'}; expected: {_names(LANGUAGES)})",
                item,
            )
        if not isinstance(value, str):
            raise CourseDataError(rel, f"'{field}' in {lang} must be text, found {_kind(value)}", item)
    # Folded lines become one; a no-break space (\u00a0) stays as written.
    return {lang: _same_language(raw[lang], re.sub(r"[ \t\r\n]+", " ", raw[lang]).strip()) for lang in LANGUAGES}


def _same_language(original: str, text: str) -> str:
    lang = getattr(original, "lang", None)
    return InLanguage(text, lang) if lang else text


def _check_keys(raw: dict, spec: dict[str, bool], rel: str, item: str | None, where: str) -> None:
    unknown = sorted(str(k) for k in set(raw) - set(spec))
    if unknown:
        where = f" {where}" if where else ""
        raise CourseDataError(rel, f"unknown key(s) {_names(unknown)}{where}; expected {_names(spec)}", item)
    missing = [k for k, required in spec.items() if required and k not in raw]
    if missing:
        raise CourseDataError(rel, f"missing key(s) {_names(missing)} {where}".rstrip(), item)


def _names(items) -> str:
    return ", ".join(sorted(items) if isinstance(items, (set, dict)) else items)


def _kind(value) -> str:
    return "nothing" if value is None else type(value).__name__


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
