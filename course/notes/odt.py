"""Write a note template's blocks as an OpenDocument text, for LibreOffice and Word.

The four parts are written as XML text and zipped as ODF asks: `mimetype`
first and stored, then styles, content, meta and the manifest. (Building the
same parts as an odfpy tree took a fifth of a build.)
"""

from __future__ import annotations

from course.notes.layout import ACTION_COLUMNS_CM, FIELD_COLUMNS_CM, LINE_CM, MARGIN_CM, PAGE_CM, TEXT_WIDTH_CM, Block
from course.notes.zips import xml_attribute, xml_text, zip_parts

MIMETYPE = "application/vnd.oasis.opendocument.text"
COUNTRIES = {"sv": "SE", "en": "GB"}
BORDER = "0.5pt solid #000000"
PROLOGUE = "<?xml version='1.0' encoding='UTF-8'?>\n"
NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def write(blocks: list[Block], meta: dict[str, str]) -> bytes:
    parts = {
        "styles.xml": _styles_xml(meta["language"]),
        "content.xml": _content_xml(blocks),
        "meta.xml": _meta_xml(meta),
    }
    parts["META-INF/manifest.xml"] = _manifest_xml(parts)
    encoded = {name: xml.encode("utf-8") for name, xml in parts.items()}
    return zip_parts({"mimetype": MIMETYPE.encode("ascii"), **encoded}, stored=("mimetype",))


# Helper functions


def _element(tag: str, attributes: dict[str, str] | None = None, inner: str = "") -> str:
    attrs = "".join(f" {name}={xml_attribute(value)}" for name, value in (attributes or {}).items())
    return f"<{tag}{attrs}>{inner}</{tag}>" if inner else f"<{tag}{attrs}/>"


def _root(tag: str, prefixes: tuple[str, ...], inner: str, version: dict[str, str]) -> str:
    declared = {f"xmlns:{prefix}": NAMESPACES[prefix] for prefix in prefixes}
    return PROLOGUE + _element(tag, {**declared, **version}, inner)


def _style(name: str, family: str, properties: str, **attributes: str) -> str:
    return _element("style:style", {"style:name": name, "style:family": family, **attributes}, properties)


def _styles_xml(lang: str) -> str:
    text_defaults = {"fo:font-size": "11pt", "fo:language": lang, "fo:country": COUNTRIES.get(lang, "none"), "fo:font-family": "Liberation Sans"}
    default = _element(
        "style:default-style",
        {"style:family": "paragraph"},
        _element("style:text-properties", text_defaults)
        + _element("style:paragraph-properties", {"fo:margin-top": "0cm", "fo:margin-bottom": "0.2cm"}),
    )
    named = [
        _named("Standard", "Standard", size="11pt"),
        _named("Title", "Title", size="24pt", bold=True),
        _named("Subtitle", "Subtitle", size="14pt", below="0.4cm"),
        *(_named(f"Heading_20_{level}", f"Heading {level}", size=size, bold=True, above="0.5cm", outline=level)
          for level, size in ((1, "18pt"), (2, "14pt"), (3, "12pt"))),
        _element(
            "style:style",
            {"style:name": "Note", "style:display-name": "Note", "style:family": "paragraph", "style:parent-style-name": "Standard"},
            _element("style:text-properties", {"fo:font-size": "9pt", "fo:font-style": "italic"}),
        ),
    ]
    margins = {f"fo:margin-{side}": f"{MARGIN_CM}cm" for side in ("top", "bottom", "left", "right")}
    page = _element(
        "style:page-layout",
        {"style:name": "A4"},
        _element(
            "style:page-layout-properties",
            {"fo:page-width": f"{PAGE_CM[0]}cm", "fo:page-height": f"{PAGE_CM[1]}cm", "style:print-orientation": "portrait", **margins},
        ),
    )
    master = _element("style:master-page", {"style:name": "Standard", "style:page-layout-name": "A4", "style:display-name": "Standard"})
    inner = (
        _element("office:styles", inner=default + "".join(named))
        + _element("office:automatic-styles", inner=page)
        + _element("office:master-styles", inner=master)
    )
    return _root("office:document-styles", ("fo", "office", "style"), inner, {"office:version": "1.2"})


def _named(name, display, *, size, bold=False, above="0cm", below="0.2cm", outline=None) -> str:
    attributes = {"style:name": name, "style:display-name": display, "style:family": "paragraph"}
    if name != "Standard":
        attributes["style:parent-style-name"] = "Standard"
    if outline:
        attributes |= {"style:default-outline-level": str(outline), "style:next-style-name": "Standard"}
    paragraph = {"fo:margin-top": above, "fo:margin-bottom": below, "fo:keep-with-next": "always" if outline else "auto"}
    text = {"fo:font-size": size} | ({"fo:font-weight": "bold"} if bold else {})
    return _element("style:style", attributes, _element("style:paragraph-properties", paragraph) + _element("style:text-properties", text))


class _Body:
    """The body's XML and the automatic styles it uses, in the order first used."""

    def __init__(self):
        self.parts: list[str] = []
        self.styles: dict[str, str] = {}

    def use(self, name: str, family: str, properties: str) -> str:
        if name not in self.styles:
            self.styles[name] = _style(name, family, properties, **_parent(family), **{"style:display-name": name})
        return name

    def paragraph(self, style: str, text: str = "") -> str:
        return _element("text:p", {"text:style-name": style}, xml_text(text))

    def column(self, width_cm: float) -> str:
        width = round(width_cm, 2)
        properties = _element("style:table-column-properties", {"style:column-width": f"{width}cm"})
        return self.use(f"Col{int(width * 100)}", "table-column", properties)

    def row(self, lines: int) -> str:
        properties = _element("style:table-row-properties", {"style:min-row-height": f"{LINE_CM * lines:.1f}cm"})
        return self.use(f"Row{lines}", "table-row", properties)


def _parent(family: str) -> dict[str, str]:
    return {"style:parent-style-name": "Standard"} if family == "paragraph" else {}


def _content_xml(blocks: list[Block]) -> str:
    body = _Body()
    # The styles every template uses come first; the tables' column and row styles follow as they are first used.
    body.use("Label", "paragraph", _element("style:text-properties", {"fo:font-weight": "bold"}))
    if any(block.kind == "page_break" for block in blocks):
        body.use("PageBreak", "paragraph", _element("style:paragraph-properties", {"fo:break-before": "page"}))
    body.use("Box", "table", _element("style:table-properties", {"style:width": f"{TEXT_WIDTH_CM}cm", "table:align": "left"}))
    body.use("BoxCell", "table-cell", _element("style:table-cell-properties", {"fo:border": BORDER, "fo:padding": "0.1cm"}))
    tables = 0
    for block in blocks:
        if block.kind in ("fields", "answer", "actions"):
            tables += 1
        body.parts.append(_draw(body, block, tables))
    inner = _element("office:automatic-styles", inner="".join(body.styles.values())) + _element(
        "office:body", inner=_element("office:text", inner="".join(body.parts))
    )
    return _root("office:document-content", ("fo", "office", "style", "table", "text"), inner, {"office:version": "1.2"})


def _draw(body: _Body, block: Block, table_number: int) -> str:
    kind = block.kind
    if kind in ("title", "subtitle", "note"):
        return body.paragraph(kind.capitalize(), block.text)
    if kind == "heading":
        attributes = {"text:outline-level": str(block.level), "text:style-name": f"Heading_20_{block.level}"}
        return _element("text:h", attributes, xml_text(block.text))
    if kind == "para":
        return body.paragraph("Standard", block.text)
    if kind == "fields":
        columns = _columns(body, FIELD_COLUMNS_CM)
        rows = [_row(body, 1, [label, ""], label_first=True) for label in block.items]
        return _table(f"Fields{table_number}", columns, rows) + body.paragraph("Standard")
    if kind == "answer":
        columns = _columns(body, (TEXT_WIDTH_CM,))
        return _table(f"Answer{table_number}", columns, [_row(body, block.lines, [""])]) + body.paragraph("Standard")
    if kind == "actions":
        columns = _columns(body, ACTION_COLUMNS_CM)
        header = _element("table:table-header-rows", inner=_row(body, 1, list(block.items), all_labels=True))
        rows = [header, *(_row(body, 1, ["" for _ in block.items]) for _ in range(block.lines))]
        return _table(f"Actions{table_number}", columns, rows) + body.paragraph("Standard")
    if kind == "page_break":
        return body.paragraph("PageBreak")
    raise ValueError(f"unknown block kind {kind!r}")


def _columns(body: _Body, widths: tuple[float, ...]) -> str:
    # Called before a table's rows: the automatic styles keep the order they are first used in.
    return "".join(_element("table:table-column", {"table:style-name": body.column(width)}) for width in widths)


def _table(name: str, columns: str, rows: list[str]) -> str:
    return _element("table:table", {"table:name": name, "table:style-name": "Box"}, columns + "".join(rows))


def _row(body: _Body, lines: int, texts: list[str], label_first=False, all_labels=False) -> str:
    style = body.row(lines)
    cells = "".join(
        _element(
            "table:table-cell",
            {"table:style-name": "BoxCell", "office:value-type": "string"},
            body.paragraph("Label" if all_labels or (label_first and n == 0) else "Standard", text),
        )
        for n, text in enumerate(texts)
    )
    return _element("table:table-row", {"table:style-name": style}, cells)


def _meta_xml(meta: dict[str, str]) -> str:
    lang = meta["language"]
    language = f"{lang}-{COUNTRIES.get(lang, '')}".rstrip("-")
    fields = (("dc:title", meta["title"]), ("dc:subject", meta["subject"]), ("dc:description", meta["description"]), ("dc:language", language))
    inner = _element("office:meta", inner="".join(_element(tag, inner=xml_text(value)) for tag, value in fields))
    return _root("office:document-meta", ("dc", "office"), inner, {"office:version": "1.2"})


def _manifest_xml(parts: dict[str, str]) -> str:
    entries = [_element("manifest:file-entry", {"manifest:full-path": "/", "manifest:media-type": MIMETYPE})]
    entries += [_element("manifest:file-entry", {"manifest:full-path": name, "manifest:media-type": "text/xml"}) for name in parts]
    return _root("manifest:manifest", ("manifest",), "".join(entries), {"manifest:version": "1.2"})
