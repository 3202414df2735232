"""Read a YAML data file strictly, keeping the line of every mapping for error messages.

PyYAML keeps the last of two equal keys without a word; we refuse them. Each
mapping comes back as a `LineDict`, a dict that knows the line it starts on,
so that a check far from the parser can still say where the problem is.

The parsing is libyaml's (PyYAML's C loader) where it is installed, and a
file's data is kept until the file changes: `mkdocs serve` reloads the data
on every rebuild, and pure-Python parsing of the same files was most of a
rebuild's time. Callers read the data and must not change it.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import yaml

from course.errors import CourseDataError


class LineDict(dict):
    line: int | None = None


class LineList(list):
    """A sequence that knows the line it starts on and the line of each item."""

    line: int | None = None
    item_lines: tuple[int, ...] = ()


def line_of(value) -> int | None:
    return getattr(value, "line", None)


def item_line(sequence, index: int) -> int | None:
    """The line of a sequence's item (a plain string has no line of its own), else the sequence's."""
    lines = getattr(sequence, "item_lines", ())
    return lines[index] if index < len(lines) else line_of(sequence)


@contextmanager
def errors_at(value):
    """Give a CourseDataError raised inside the line of `value`, the mapping being checked."""
    try:
        yield
    except CourseDataError as exc:
        annotated = exc.at_line(line_of(value))
        if annotated is exc:
            raise
        raise annotated from None


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _construct_mapping(loader, node, deep=False):
    keys = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in keys:
            mark = key_node.start_mark
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}' (line {mark.line + 1}, column {mark.column + 1})", mark
            )
        keys.add(key)
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node, deep=False):
    sequence = LineList(loader.construct_sequence(node, deep=True))
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = tuple(item.start_mark.line + 1 for item in node.value)
    return sequence


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_yaml(path: Path, rel: str):
    """The data in `path`; unreadable text or malformed YAML fails naming `rel` and the line."""
    stat = path.stat()
    return _read(str(path), rel, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=512)
def _read(path: str, rel: str, mtime_ns: int, size: int):
    try:
        return yaml.load(Path(path).read_bytes().decode("utf-8"), Loader=_StrictLoader)
    except UnicodeDecodeError as exc:
        raise CourseDataError(rel, f"not UTF-8 text: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        if mark is not None:
            raise CourseDataError(rel, f"malformed YAML: {problem} at line {mark.line + 1}, column {mark.column + 1}") from exc
        raise CourseDataError(rel, f"malformed YAML: {problem}") from exc
