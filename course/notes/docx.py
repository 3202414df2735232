"""Write a note template's blocks as a Word document (python-docx)."""

from __future__ import annotations

import io
import zipfile
from contextlib import contextmanager
from datetime import datetime, timezone

from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.opc import phys_pkg
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from course.notes.layout import ACTION_COLUMNS_CM, FIELD_COLUMNS_CM, LINE_CM, MARGIN_CM, PAGE_CM, TEXT_WIDTH_CM, Block
from course.notes.zips import normalise

LOCALES = {"sv": "sv-SE", "en": "en-GB"}
# A fixed date, so the same data gives the same file.
FIXED_DATE = datetime(2025, 1, 1, tzinfo=timezone.utc)
LINE = Cm(LINE_CM)
TABLE_STYLE = "Table Grid"


def write(blocks: list[Block], meta: dict[str, str]) -> bytes:
    doc = Document()
    _remember_style_ids(doc)
    _set_properties(doc, meta)
    _set_language(doc, LOCALES.get(meta["language"], meta["language"]))
    _set_page(doc)
    for block in blocks:
        _DRAW[block.kind](doc, block)
    _drop_unused_parts(doc)
    out = io.BytesIO()
    # Saved uncompressed: normalise() compresses every part once, as it rewrites the archive.
    with _stored_parts():
        doc.save(out)
    return normalise(out.getvalue(), compress_type=zipfile.ZIP_DEFLATED)


# Helper functions


def _drop_unused_parts(doc) -> None:
    """Leave out what python-docx's default template carries and no document of ours uses.

    Word 2010's second copy of the styles (stylesWithEffects), the template's
    custom XML and its thumbnail: about 14 of a template's 35 kB, which keeps
    the SCORM package under its limit as the follow-up meeting adds templates
    (issue 30). A part no relationship reaches is not written.
    """
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            doc.part.rels.pop(rel_id)
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rel_id)


@contextmanager
def _stored_parts():
    """python-docx writes its zip with ZIP_DEFLATED, which normalise() would only undo and redo."""
    deflated = phys_pkg.ZIP_DEFLATED
    phys_pkg.ZIP_DEFLATED = zipfile.ZIP_STORED
    try:
        yield
    finally:
        phys_pkg.ZIP_DEFLATED = deflated


# Style ids by (style name, style type): the same for every document, since
# every document starts from python-docx's own template.
_STYLE_IDS: dict[tuple, str | None] = {}


def _remember_style_ids(doc) -> None:
    # python-docx compares every style it sets with the default style by
    # scanning all the template's styles, a fifth of the time a document
    # takes to write. The answer is always the same, within one document and
    # from one document to the next (every one starts from the same template).
    part = doc.part
    lookup = part.get_style_id

    def get_style_id(style_or_name, style_type):
        name = style_or_name if style_or_name is None or isinstance(style_or_name, str) else style_or_name.name
        key = (name, style_type)
        if key not in _STYLE_IDS:
            _STYLE_IDS[key] = lookup(style_or_name, style_type)
        return _STYLE_IDS[key]

    part.get_style_id = get_style_id


def _set_properties(doc, meta: dict[str, str]) -> None:
    props = doc.core_properties
    props.title = meta["title"]
    props.subject = meta["subject"]
    props.author = meta["subject"]
    props.comments = meta["description"]
    props.language = LOCALES.get(meta["language"], meta["language"])
    props.last_modified_by = meta["subject"]
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.revision = 1


def _set_language(doc, locale: str) -> None:
    # Spelling and hyphenation follow the document's language.
    for style_name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"):
        rpr = doc.styles[style_name].element.get_or_add_rPr()
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            # Word is strict about the order of w:rPr's children.
            rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
        lang.set(qn("w:val"), locale)


def _set_page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))


def _widths(table, widths_cm) -> None:
    # Word reads the cells' widths, LibreOffice the grid's: set both.
    table.autofit = False
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _title(doc, block: Block) -> None:
    doc.add_paragraph(block.text, style="Title")


def _subtitle(doc, block: Block) -> None:
    doc.add_paragraph(block.text, style="Subtitle")


def _note(doc, block: Block) -> None:
    run = doc.add_paragraph().add_run(block.text)
    run.italic = True
    run.font.size = Pt(9)


def _heading(doc, block: Block) -> None:
    doc.add_heading(block.text, level=block.level)


def _para(doc, block: Block) -> None:
    doc.add_paragraph(block.text)


def _fields(doc, block: Block) -> None:
    table = doc.add_table(rows=len(block.items), cols=2)
    table.style = TABLE_STYLE  # by name: no search of the styles
    _widths(table, FIELD_COLUMNS_CM)
    for row, label in zip(table.rows, block.items):
        row.height = LINE
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        row.cells[0].paragraphs[0].add_run(label).bold = True
    doc.add_paragraph()


def _answer(doc, block: Block) -> None:
    table = doc.add_table(rows=1, cols=1)
    table.style = TABLE_STYLE  # by name: no search of the styles
    _widths(table, (TEXT_WIDTH_CM,))
    row = table.rows[0]
    row.height = LINE * block.lines
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    doc.add_paragraph()


def _actions(doc, block: Block) -> None:
    table = doc.add_table(rows=block.lines + 1, cols=len(block.items))
    table.style = TABLE_STYLE  # by name: no search of the styles
    _widths(table, ACTION_COLUMNS_CM)
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, label in zip(header.cells, block.items):
        cell.paragraphs[0].add_run(label).bold = True
    for row in table.rows[1:]:
        row.height = LINE
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    doc.add_paragraph()


def _repeat_as_header(row) -> None:
    # Marks the row as the table's header, for screen readers and page breaks.
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _page_break(doc, block: Block) -> None:
    doc.add_page_break()


_DRAW = {
    "title": _title,
    "subtitle": _subtitle,
    "note": _note,
    "heading": _heading,
    "para": _para,
    "fields": _fields,
    "answer": _answer,
    "actions": _actions,
    "page_break": _page_break,
}
