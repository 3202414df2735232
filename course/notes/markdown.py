"""Write a note template's blocks as Markdown, for any text editor."""

from __future__ import annotations

from course.notes.layout import Block

SPECIAL = "\\`*_[]<>|#"


def write(blocks: list[Block], meta: dict[str, str]) -> bytes:
    lines: list[str] = []
    for block in blocks:
        lines.extend(_draw(block))
    text = "\n".join(lines).rstrip("\n") + "\n"
    return text.encode("utf-8")


# Helper functions


def _draw(block: Block) -> list[str]:
    kind = block.kind
    if kind == "title":
        return [f"# {_esc(block.text)}", ""]
    if kind == "subtitle":
        return [f"**{_esc(block.text)}**", ""]
    if kind == "note":
        return [f"*{_esc(block.text)}*", ""]
    if kind == "heading":
        return [f"{'#' * (block.level + 1)} {_esc(block.text)}", ""]
    if kind == "para":
        return [_esc(block.text), ""]
    if kind == "fields":
        return [*(f"- **{_esc(label)}:** " for label in block.items), ""]
    if kind == "answer":
        label = [_esc(block.text), ""] if block.text else []
        return [*label, *([""] * block.lines), ""]
    if kind == "actions":
        header = "| " + " | ".join(_esc(item) for item in block.items) + " |"
        rule = "|" + "|".join("---" for _ in block.items) + "|"
        empty = "|" + "|".join("   " for _ in block.items) + "|"
        return [header, rule, *([empty] * block.lines), ""]
    if kind == "page_break":
        return ["---", ""]
    raise ValueError(f"unknown block kind {kind!r}")


def _esc(text: str) -> str:
    # Backslash-escape what Markdown would read as markup.
    return "".join("\\" + ch if ch in SPECIAL else ch for ch in text)
