"""Write a note template's blocks as an OpenDocument text (odfpy), for LibreOffice and Word."""

from __future__ import annotations

import io

from odf import dc
from odf.element import Element
from odf.namespaces import nsdict
from odf.opendocument import OpenDocumentText
from odf.style import (
    DefaultStyle,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TableRowProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import H, P

from course.notes.layout import ACTION_COLUMNS_CM, FIELD_COLUMNS_CM, LINE_CM, MARGIN_CM, PAGE_CM, TEXT_WIDTH_CM, Block
from course.notes.zips import normalise

COUNTRIES = {"sv": "SE", "en": "GB"}
BORDER = "0.5pt solid #000000"
# odfpy declares, on each part's root, every namespace any element in the
# process has used so far, in first-use order. Declaring all of them, sorted,
# makes the bytes independent of what else the process did.
ALL_NAMESPACES = dict(sorted(nsdict.items(), key=lambda item: item[1]))


def write(blocks: list[Block], meta: dict[str, str]) -> bytes:
    doc = OpenDocumentText()
    styles = _Styles(doc, meta["language"])
    doc.meta.addElement(dc.Title(text=meta["title"]))
    doc.meta.addElement(dc.Subject(text=meta["subject"]))
    doc.meta.addElement(dc.Description(text=meta["description"]))
    doc.meta.addElement(dc.Language(text=f"{meta['language']}-{COUNTRIES.get(meta['language'], '')}".rstrip("-")))
    tables = 0
    for block in blocks:
        if block.kind in ("fields", "answer", "actions"):
            tables += 1
        _draw(doc, styles, block, tables)
    out = io.BytesIO()
    seen = dict(Element.namespaces)  # a dict shared by every odfpy element
    Element.namespaces.clear()
    Element.namespaces.update(ALL_NAMESPACES)
    try:
        doc.write(out)
    finally:
        Element.namespaces.update(seen)
    return normalise(out.getvalue())


# Helper functions


class _Styles:
    """The document's named and automatic styles."""

    def __init__(self, doc, lang: str):
        default = DefaultStyle(family="paragraph")
        default.addElement(
            TextProperties(fontsize="11pt", language=lang, country=COUNTRIES.get(lang, "none"), fontfamily="Liberation Sans")
        )
        default.addElement(ParagraphProperties(margintop="0cm", marginbottom="0.2cm"))
        doc.styles.addElement(default)

        page = PageLayout(name="A4")
        page.addElement(
            PageLayoutProperties(
                pagewidth=f"{PAGE_CM[0]}cm",
                pageheight=f"{PAGE_CM[1]}cm",
                printorientation="portrait",
                margintop=f"{MARGIN_CM}cm",
                marginbottom=f"{MARGIN_CM}cm",
                marginleft=f"{MARGIN_CM}cm",
                marginright=f"{MARGIN_CM}cm",
            )
        )
        doc.automaticstyles.addElement(page)
        doc.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=page))

        self.standard = self._named(doc, "Standard", "Standard", size="11pt")
        self.title = self._named(doc, "Title", "Title", size="24pt", bold=True, below="0.2cm")
        self.subtitle = self._named(doc, "Subtitle", "Subtitle", size="14pt", below="0.4cm")
        self.headings = {
            level: self._named(
                doc, f"Heading_20_{level}", f"Heading {level}", size=size, bold=True, above="0.5cm", below="0.2cm", outline=level
            )
            for level, size in ((1, "18pt"), (2, "14pt"), (3, "12pt"))
        }
        self.note = Style(name="Note", displayname="Note", family="paragraph", parentstylename="Standard")
        self.note.addElement(TextProperties(fontsize="9pt", fontstyle="italic"))
        doc.styles.addElement(self.note)
        self.label = Style(name="Label", family="paragraph", parentstylename="Standard")
        self.label.addElement(TextProperties(fontweight="bold"))
        doc.automaticstyles.addElement(self.label)
        self.page_break = Style(name="PageBreak", family="paragraph", parentstylename="Standard")
        self.page_break.addElement(ParagraphProperties(breakbefore="page"))
        doc.automaticstyles.addElement(self.page_break)

        self.table = Style(name="Box", family="table")
        self.table.addElement(TableProperties(width=f"{TEXT_WIDTH_CM}cm", align="left"))
        doc.automaticstyles.addElement(self.table)
        self.cell = Style(name="BoxCell", family="table-cell")
        self.cell.addElement(TableCellProperties(border=BORDER, padding="0.1cm"))
        doc.automaticstyles.addElement(self.cell)
        self.columns = {}
        self.rows = {}
        self.doc = doc

    def column(self, width_cm: float):
        name = f"Col{int(width_cm * 100)}"
        if name not in self.columns:
            style = Style(name=name, family="table-column")
            style.addElement(TableColumnProperties(columnwidth=f"{width_cm}cm"))
            self.doc.automaticstyles.addElement(style)
            self.columns[name] = style
        return self.columns[name]

    def row(self, lines: int):
        name = f"Row{lines}"
        if name not in self.rows:
            style = Style(name=name, family="table-row")
            style.addElement(TableRowProperties(minrowheight=f"{LINE_CM * lines:.1f}cm"))
            self.doc.automaticstyles.addElement(style)
            self.rows[name] = style
        return self.rows[name]

    @staticmethod
    def _named(doc, name, display, *, size, bold=False, above="0cm", below="0.2cm", outline=None):
        parent = {"parentstylename": "Standard"} if name != "Standard" else {}
        style = Style(name=name, displayname=display, family="paragraph", **parent)
        if outline:
            style.setAttribute("defaultoutlinelevel", str(outline))
            style.setAttribute("nextstylename", "Standard")
        style.addElement(ParagraphProperties(margintop=above, marginbottom=below, keepwithnext="always" if outline else "auto"))
        text = {"fontsize": size}
        if bold:
            text["fontweight"] = "bold"
        style.addElement(TextProperties(**text))
        doc.styles.addElement(style)
        return style


def _draw(doc, styles: _Styles, block: Block, table_number: int) -> None:
    body = doc.text
    kind = block.kind
    if kind == "title":
        body.addElement(P(stylename=styles.title, text=block.text))
    elif kind == "subtitle":
        body.addElement(P(stylename=styles.subtitle, text=block.text))
    elif kind == "note":
        body.addElement(P(stylename=styles.note, text=block.text))
    elif kind == "heading":
        body.addElement(H(outlinelevel=block.level, stylename=styles.headings[block.level], text=block.text))
    elif kind == "para":
        body.addElement(P(stylename=styles.standard, text=block.text))
    elif kind == "fields":
        table = _table(styles, f"Fields{table_number}", FIELD_COLUMNS_CM)
        for label in block.items:
            table.addElement(_row(styles, 1, [label, ""], label_style=styles.label))
        body.addElement(table)
        body.addElement(P(stylename=styles.standard))
    elif kind == "answer":
        table = _table(styles, f"Answer{table_number}", (TEXT_WIDTH_CM,))
        table.addElement(_row(styles, block.lines, [""]))
        body.addElement(table)
        body.addElement(P(stylename=styles.standard))
    elif kind == "actions":
        table = _table(styles, f"Actions{table_number}", ACTION_COLUMNS_CM)
        header = TableHeaderRows()
        header.addElement(_row(styles, 1, list(block.items), label_style=styles.label, all_labels=True))
        table.addElement(header)
        for _ in range(block.lines):
            table.addElement(_row(styles, 1, ["" for _ in block.items]))
        body.addElement(table)
        body.addElement(P(stylename=styles.standard))
    elif kind == "page_break":
        body.addElement(P(stylename=styles.page_break))
    else:
        raise ValueError(f"unknown block kind {kind!r}")


def _table(styles: _Styles, name: str, widths: tuple[float, ...]):
    table = Table(name=name, stylename=styles.table)
    for width in widths:
        table.addElement(TableColumn(stylename=styles.column(round(width, 2))))
    return table


def _row(styles: _Styles, lines: int, texts: list[str], label_style=None, all_labels=False):
    row = TableRow(stylename=styles.row(lines))
    for n, text in enumerate(texts):
        cell = TableCell(stylename=styles.cell, valuetype="string")
        is_label = label_style is not None and (all_labels or n == 0)
        cell.addElement(P(stylename=label_style if is_label else styles.standard, text=text))
        row.addElement(cell)
    return row
