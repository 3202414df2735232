"""Translations in step: which English texts lag behind their Swedish source.

Each English page records the hash of the Swedish page it was translated
from in `data/translations/pages.yml` (Swedish source: hash), and each
English question text in `data/translations/questions.yml` (question id:
hash of the Swedish text and guidance), beside the texts rather than in
them, so that recording never touches a page. The Swedish text at that hash is kept in
`data/translations/snapshots/<hash>.txt`, so a diff needs no git history.
`data/translations/lagging.yml` lists the texts known to lag, which the
tests then accept. `tools/course_texts.py translations` reports and records.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from course.content.changes import swedish_source
from course.content.data_files import load_checked
from course.editions import OTHER_LANGUAGES
from course.errors import CourseDataError
from course.model.course import Course, Question
from course.content.source_hash import HASH_LENGTH, HASH_PATTERN, text_hash

TRANSLATIONS_DIR = "data/translations"
PAGES_FILE = f"{TRANSLATIONS_DIR}/pages.yml"
QUESTIONS_FILE = f"{TRANSLATIONS_DIR}/questions.yml"
LAGGING_FILE = f"{TRANSLATIONS_DIR}/lagging.yml"
SNAPSHOTS_DIR = f"{TRANSLATIONS_DIR}/snapshots"


@dataclass(frozen=True)
class Translation:
    """One English text and the Swedish source it follows."""

    kind: str  # "page" or "question"
    name: str  # a page's Swedish source relative to docs/ (modules/x.md), or a question id
    file: str  # where the English text lives, relative to the project
    recorded: str | None  # the Swedish hash it was translated from
    current: str  # the Swedish source's hash now
    source_now: str  # the Swedish text now

    @property
    def lagging(self) -> bool:
        return self.recorded != self.current


@dataclass(frozen=True)
class Lagging:
    pages: tuple[str, ...]
    questions: tuple[str, ...]

    def knows(self, item: Translation) -> bool:
        return item.name in (self.pages if item.kind == "page" else self.questions)


def page_translations(project_dir: Path) -> list[Translation]:
    """Every English page of docs/ with the Swedish page it translates."""
    docs = project_dir / "docs"
    recorded = load_checked(project_dir, PAGES_FILE, _parse_hashes(PAGES_FILE))
    found = []
    for lang in OTHER_LANGUAGES:
        for path in sorted(docs.rglob(f"*.{lang}.md")):
            rel = path.relative_to(docs).as_posix()
            swedish = docs / swedish_source(rel)
            if not swedish.exists():
                continue  # the page parity check names it
            text = swedish.read_text(encoding="utf-8")
            found.append(
                Translation("page", swedish_source(rel), f"docs/{rel}", recorded.get(swedish_source(rel)), text_hash(text), text)
            )
    return found


def question_translations(project_dir: Path, course: Course) -> list[Translation]:
    """Every question's English text (and guidance) with its Swedish source."""
    recorded = load_checked(project_dir, QUESTIONS_FILE, _parse_hashes(QUESTIONS_FILE))
    found = []
    for question in course.questions():
        source = question_source(question)
        file = course_file(course, question.id)
        found.append(Translation("question", question.id, file, recorded.get(question.id), text_hash(source), source))
    return found


def question_source(question: Question) -> str:
    """What an English question is translated from: its Swedish text, then its guidance."""
    parts = [question.text["sv"]]
    if question.guidance:
        parts.append(question.guidance["sv"])
    return "\n\n".join(parts) + "\n"


def load_lagging(project_dir: Path) -> Lagging:
    return load_checked(project_dir, LAGGING_FILE, _parse_lagging)


def snapshot(project_dir: Path, digest: str) -> str | None:
    """The Swedish text that had this hash, if it was kept."""
    path = project_dir / SNAPSHOTS_DIR / f"{digest}.txt"
    return path.read_text(encoding="utf-8") if path.exists() else None


def page_lags(project_dir: Path, src_uri: str) -> bool:
    """True when an English page's Swedish source changed since it was translated."""
    swedish = swedish_source(src_uri)
    path = project_dir / "docs" / swedish
    if swedish == src_uri or not path.exists():
        return False
    recorded = load_checked(project_dir, PAGES_FILE, _parse_hashes(PAGES_FILE))
    return recorded.get(swedish) != text_hash(path.read_text(encoding="utf-8"))


def course_file(course: Course, question_id: str) -> str:
    return next(step.file for step in course.steps if any(q.id == question_id for q in step.questions))


# Helper functions


@cache
def _parse_hashes(rel: str):
    # One parser per file, so load_checked's cache (keyed by parser) holds each.
    def parse(raw) -> dict[str, str]:
        raw = raw or {}
        if not isinstance(raw, dict):
            raise CourseDataError(rel, "must map each name to the hash of the Swedish text its English text follows")
        for key, value in raw.items():
            if not isinstance(value, str) or not HASH_PATTERN.match(value):
                raise CourseDataError(rel, f"must be {HASH_LENGTH} hex digits, found {value!r}", str(key))
        return {str(k): v for k, v in raw.items()}

    return parse


def _parse_lagging(raw) -> Lagging:
    raw = raw or {}
    if not isinstance(raw, dict) or set(raw) - {"pages", "questions"}:
        raise CourseDataError(LAGGING_FILE, "must be a mapping with the lists 'pages' and 'questions'")
    lists = {}
    for key in ("pages", "questions"):
        items = raw.get(key) or []
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise CourseDataError(LAGGING_FILE, "must be a list of names", key)
        lists[key] = tuple(items)
    return Lagging(**lists)
