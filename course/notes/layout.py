"""The note templates' paper and the block each writer draws: shared by notes.py and the three writers.

notes.py lays a step out as a list of `Block`s; notes_docx.py, notes_odt.py and notes_md.py
draw them, and the Mallar page (course/render/notes_page.py) shows the same paper. Keeping the
measures here lets the writers import them without importing notes.py, which imports them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Paper and column widths, the same in every format: A4, 2.5 cm margins.
PAGE_CM = (21.0, 29.7)
MARGIN_CM = 2.5
TEXT_WIDTH_CM = PAGE_CM[0] - 2 * MARGIN_CM
FIELD_COLUMNS_CM = (4.0, TEXT_WIDTH_CM - 4.0)
ACTION_COLUMNS_CM = (8.5, 4.5, TEXT_WIDTH_CM - 13.0)
LINE_CM = 0.9  # height of one written line in an answer box


@dataclass(frozen=True)
class Block:
    kind: str  # title, subtitle, note, heading, para, fields, answer, actions, page_break
    text: str = ""
    level: int = 0
    items: tuple[str, ...] = ()  # field labels, or the actions table's column headings
    lines: int = 0  # answer: room to write; actions: empty rows
