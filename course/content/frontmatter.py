"""Validate page front matter, which MkDocs would otherwise silently ignore when broken."""

from functools import lru_cache
from pathlib import Path

import yaml

from course.errors import CourseDataError

ALLOWED_KEYS = {"title", "description", "template", "hide", "search", "status", "icon", "module", "minutes", "toc_depth"}


def check_front_matter(path: Path, rel: str) -> None:
    stat = path.stat()
    _check(str(path), rel, stat.st_mtime_ns, stat.st_size)


# Every page is checked on every build; under `mkdocs serve`, only a changed one again.
@lru_cache(maxsize=1024)
def _check(path: str, rel: str, mtime_ns: int, size: int) -> None:
    text = Path(path).read_text(encoding="utf-8-sig")
    if not text.startswith("---"):
        return
    end = text.find("\n---", 3)
    if end == -1:
        raise CourseDataError(rel, "front matter starts with '---' but has no closing '---'")
    try:
        meta = yaml.safe_load(text[3:end])
    except yaml.YAMLError as exc:
        raise CourseDataError(rel, f"front matter is not valid YAML: {exc}") from exc
    if meta is None:
        return
    if not isinstance(meta, dict):
        raise CourseDataError(rel, f"front matter must be a mapping of keys, found {type(meta).__name__}")
    unknown = sorted(set(meta) - ALLOWED_KEYS)
    if unknown:
        raise CourseDataError(
            rel, f"unknown front matter key(s) {', '.join(unknown)}; expected some of {', '.join(sorted(ALLOWED_KEYS))}"
        )
    if "description" in meta and not str(meta["description"] or "").strip():
        raise CourseDataError(rel, "front matter 'description' is empty")
    depth = meta.get("toc_depth", 6)
    if not isinstance(depth, int) or isinstance(depth, bool) or not 1 <= depth <= 6:
        raise CourseDataError(rel, f"front matter 'toc_depth' must be a heading level from 1 to 6, found {depth!r}")
