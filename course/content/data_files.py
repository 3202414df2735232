"""Read a project data file (YAML) once, check it, and keep the result until the file changes."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Callable, TypeVar

import yaml

from course.errors import CourseDataError

T = TypeVar("T")


def load_checked(project_dir: Path, rel: str, parse: Callable[[object], T]) -> T:
    """`parse` the YAML in `project_dir/rel`; a missing or malformed file fails naming `rel`."""
    path = Path(project_dir) / rel
    if not path.exists():
        raise CourseDataError(rel, "file is missing")
    stat = path.stat()
    return _load(str(path), rel, stat.st_mtime_ns, stat.st_size, parse)


@cache
def _load(path: str, rel: str, mtime_ns: int, size: int, parse: Callable[[object], T]) -> T:
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise CourseDataError(rel, f"not valid YAML: {exc}") from exc
    return parse(data)


# Core data merged with a local file, by (merge, core, local file, its mtime and size).
_MERGED: dict[tuple, object] = {}


def merged_with_local(core: T, path: Path, merge: Callable[[T, Path], T]) -> T:
    """`merge(core, path)`, kept until the local file or the core data changes."""
    stat = path.stat()
    key = (merge, id(core), str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _MERGED:
        _MERGED[key] = merge(core, path)
    return _MERGED[key]
