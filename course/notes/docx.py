"""Write a note template's blocks as a Word document.

python-docx makes each language's frame once: its default template's styles,
settings, fonts and theme, with the language and the page set. Each template
then only writes its own body and properties as XML text into that frame.
(Drawing every template with python-docx took a fifth of a build.)
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu

from course.notes.layout import ACTION_COLUMNS_CM, FIELD_COLUMNS_CM, LINE_CM, MARGIN_CM, PAGE_CM, TEXT_WIDTH_CM, Block
from course.notes.zips import Member, member, xml_text, zip_members

LOCALES = {"sv": "sv-SE", "en": "en-GB"}
# A fixed date, so the same data gives the same file.
FIXED_DATE = datetime(2025, 1, 1, tzinfo=timezone.utc)
DOCUMENT, CORE = "word/document.xml", "docProps/core.xml"
PARAGRAPH_STYLES = {"title": "Title", "subtitle": "Subtitle"}
NOTE_RUN = "<w:rPr><w:i/><w:sz w:val=\"18\"/></w:rPr>"  # italic, 9 pt
LABEL_RUN = "<w:rPr><w:b/></w:rPr>"
TABLE_PROPERTIES = (
    '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/><w:tblLayout w:type="fixed"/>'
    '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>'
)
CORE_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{subject}</dc:creator><cp:keywords/>"
    "<dc:description>{description}</dc:description><cp:lastModifiedBy>{subject}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified><cp:category/>'
    "<dc:language>{language}</dc:language></cp:coreProperties>"
)


def write(blocks: list[Block], meta: dict[str, str]) -> bytes:
    locale = LOCALES.get(meta["language"], meta["language"])
    frame = _frame(locale)
    own = {
        DOCUMENT: frame.document_head + "".join(_draw(block) for block in blocks) + frame.document_tail,
        CORE: _core_xml(meta, locale),
    }
    return zip_members([member(part.name, own[part.name].encode("utf-8")) if part.name in own else part for part in frame.parts])


# Helper functions


@dataclass(frozen=True)
class _Frame:
    parts: tuple[Member, ...]  # in python-docx's order, compressed
    document_head: str  # word/document.xml up to the body's content,
    document_tail: str  # and from the page settings that end the body


@cache
def _frame(locale: str) -> _Frame:
    """An empty document in `locale`, its body holding only the page settings."""
    doc = Document()
    _set_language(doc, locale)
    _set_page(doc)
    _drop_unused_parts(doc)
    out = io.BytesIO()
    doc.save(out)
    with zipfile.ZipFile(out) as archive:
        parts = tuple(member(name, archive.read(name)) for name in archive.namelist())
        document = archive.read(DOCUMENT).decode("utf-8")
    assert "<w:body><w:sectPr" in document, "python-docx's default template has a body of its own"
    head, tail = document.split("<w:sectPr", 1)
    return _Frame(parts, head, "<w:sectPr" + tail)


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


def _core_xml(meta: dict[str, str], locale: str) -> str:
    values = {key: xml_text(meta[key]) for key in ("title", "subject", "description")}
    return CORE_XML.format(**values, language=xml_text(locale), date=FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _twips(cm: float) -> int:
    return Cm(cm).twips


def _run(text: str, properties: str = "") -> str:
    """A run as Word reads it: tabs and line breaks as elements, spaces kept at the ends."""
    content = []
    for n, piece in enumerate(text.replace("\r", "\n").split("\n")):
        if n:
            content.append("<w:br/>")
        for m, chunk in enumerate(piece.split("\t")):
            if m:
                content.append("<w:tab/>")
            if chunk:
                space = ' xml:space="preserve"' if chunk.strip() != chunk else ""
                content.append(f"<w:t{space}>{xml_text(chunk)}</w:t>")
    return f"<w:r>{properties}{''.join(content)}</w:r>"


def _paragraph(text: str = "", style: str = "", run_properties: str = "", always_run: bool = False) -> str:
    inner = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    if text or always_run:
        inner += _run(text, run_properties)
    return f"<w:p>{inner}</w:p>" if inner else "<w:p/>"


def _cell(width_cm: float, paragraph: str) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{_twips(width_cm)}"/></w:tcPr>{paragraph}</w:tc>'


def _row(widths_cm, paragraphs: list[str], lines: int = 1, header: bool = False) -> str:
    # An answer's room as a least height: the box grows with what is written.
    properties = '<w:tblHeader w:val="true"/>' if header else f'<w:trHeight w:val="{Emu(Cm(LINE_CM) * lines).twips}" w:hRule="atLeast"/>'
    cells = "".join(_cell(width, paragraph) for width, paragraph in zip(widths_cm, paragraphs))
    return f"<w:tr><w:trPr>{properties}</w:trPr>{cells}</w:tr>"


def _table(widths_cm, rows: list[str]) -> str:
    # Word reads the cells' widths, LibreOffice the grid's: both are set.
    grid = "".join(f'<w:gridCol w:w="{_twips(width)}"/>' for width in widths_cm)
    return f"<w:tbl>{TABLE_PROPERTIES}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl><w:p/>"


def _draw(block: Block) -> str:
    kind = block.kind
    if kind in PARAGRAPH_STYLES:
        return _paragraph(block.text, PARAGRAPH_STYLES[kind])
    if kind == "note":
        return _paragraph(block.text, run_properties=NOTE_RUN, always_run=True)
    if kind == "heading":
        return _paragraph(block.text, f"Heading{block.level}")
    if kind == "para":
        return _paragraph(block.text)
    if kind == "fields":
        label = lambda text: _paragraph(text, run_properties=LABEL_RUN, always_run=True)  # noqa: E731
        return _table(FIELD_COLUMNS_CM, [_row(FIELD_COLUMNS_CM, [label(text), _paragraph()]) for text in block.items])
    if kind == "answer":
        return _table((TEXT_WIDTH_CM,), [_row((TEXT_WIDTH_CM,), [_paragraph()], lines=block.lines)])
    if kind == "actions":
        labels = [_paragraph(text, run_properties=LABEL_RUN, always_run=True) for text in block.items]
        # The header row is marked as such, for screen readers and page breaks.
        rows = [_row(ACTION_COLUMNS_CM, labels, header=True)]
        rows += [_row(ACTION_COLUMNS_CM, [_paragraph() for _ in block.items]) for _ in range(block.lines)]
        return _table(ACTION_COLUMNS_CM, rows)
    if kind == "page_break":
        return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    raise ValueError(f"unknown block kind {kind!r}")
