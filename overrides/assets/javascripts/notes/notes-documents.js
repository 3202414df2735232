/*
 * The reader's notes as office documents: .docx (Word) and .odt
 * (OpenDocument, LibreOffice). Loaded with notes-export.js only when the
 * reader saves one of them; the zip around each is written here, every file
 * stored uncompressed with its CRC-32, which keeps the code small.
 *
 * window.CourseNotesDocuments:
 *   docx(outline, snapshot, meta) -> Blob
 *   odt(outline, snapshot, meta)  -> Blob
 *
 * Both draw the blocks of the note template's outline (see notes-export.js)
 * on the same paper as the blank templates (outline.layout, from
 * course/notes/templates.py) and fill its answer boxes with the reader's
 * text. That text is always XML-escaped character data: markup in it stays
 * text, and nothing in it can become a field, link or style.
 */
(function () {
  "use strict";
  var X = window.CourseNotesExport;

  // XML character data: no character XML 1.0 cannot hold, no lone surrogate, markup escaped.
  function xml(text) {
    return String(text)
      .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\uD800-\uDBFF\uDC00-\uDFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "$1")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

  // Word: WordprocessingML.

  var W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

  function run(text, props) {
    var rpr = props ? "<w:rPr>" + props + "</w:rPr>" : "";
    var lines = String(text).replace(/\r\n?/g, "\n").split("\n");
    return (
      "<w:r>" +
      rpr +
      lines
        .map(function (line) {
          return line
            .split("\t")
            .map(function (part) {
              return '<w:t xml:space="preserve">' + xml(part) + "</w:t>";
            })
            .join("<w:tab/>");
        })
        .join("<w:br/>") +
      "</w:r>"
    );
  }

  function para(text, style, props) {
    var ppr = style ? '<w:pPr><w:pStyle w:val="' + style + '"/></w:pPr>' : "";
    return "<w:p>" + ppr + (text ? run(text, props) : "") + "</w:p>";
  }

  function table(rows, widths, headerRow) {
    var grid = "<w:tblGrid>" + widths.map(function (w) {
      return '<w:gridCol w:w="' + w + '"/>';
    }).join("") + "</w:tblGrid>";
    var body = rows
      .map(function (row, r) {
        var trpr = "<w:trPr>" + (row.height ? '<w:trHeight w:val="' + row.height + '" w:hRule="atLeast"/>' : "") +
          (headerRow && r === 0 ? '<w:tblHeader/>' : "") + "</w:trPr>";
        return "<w:tr>" + trpr + row.cells.map(function (cell, c) {
          return '<w:tc><w:tcPr><w:tcW w:w="' + widths[c] + '" w:type="dxa"/></w:tcPr>' + (cell || "<w:p/>") + "</w:tc>";
        }).join("") + "</w:tr>";
      })
      .join("");
    return '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>' + grid + body + "</w:tbl>";
  }

  // A data table's columns: the first (the statement) wide, the rest (counts or an answer) equal.
  function dataColumns(full, n) {
    var first = n > 2 ? full * 0.4 : full * 0.6;
    var rest = (full - first) / (n - 1);
    var out = [first];
    for (var i = 1; i < n; i++) out.push(rest);
    return out;
  }

  // Twentieths of a point (twips), from centimetres.
  function twips(cm) {
    return Math.round((cm * 1440) / 2.54);
  }

  function docxBody(outline, snapshot, meta) {
    var page = outline.layout;
    var LINE = twips(page.line_cm);
    var FULL = twips(page.page_cm[0] - 2 * page.margin_cm);
    var out = [];
    outline.blocks.forEach(function (block) {
      switch (block.kind) {
        case "title":
          out.push(para(block.text, "Title"));
          break;
        case "subtitle":
          out.push(para(block.text, "Subtitle"));
          break;
        case "note":
          out.push(para(block.export ? meta.exportNote : block.text, null, '<w:i/><w:sz w:val="18"/>'));
          break;
        case "heading":
          out.push(para(block.text, "Heading" + block.level));
          break;
        case "para":
          out.push(para(block.text));
          break;
        case "fields":
          out.push(table(block.items.map(function (label) {
            return { height: LINE, cells: [para(label, null, "<w:b/>"), ""] };
          }), page.field_columns_cm.map(twips)));
          out.push(para(""));
          break;
        case "answer":
          var parts = X.answerTexts(block, snapshot, meta);
          var cell = parts.map(function (part) {
            return (part.label ? para(part.label, null, "<w:b/>") : "") + para(part.text);
          }).join("");
          out.push(table([{ height: LINE * block.lines, cells: [cell] }], [FULL]));
          out.push(para(""));
          break;
        case "actions":
          var widths = page.action_columns_cm.map(twips);
          var rows = [{ cells: block.items.map(function (label) {
            return para(label, null, "<w:b/>");
          }) }];
          for (var i = 0; i < block.lines; i++) rows.push({ height: LINE, cells: block.items.map(function () {
            return "";
          }) });
          out.push(table(rows, widths, true));
          out.push(para(""));
          break;
        case "table":
          var tableRows = [{ cells: block.header.map(function (label) {
            return para(label, null, "<w:b/>");
          }) }].concat(block.rows.map(function (cells) {
            return { cells: cells.map(function (text) {
              return para(text);
            }) };
          }));
          out.push(table(tableRows, dataColumns(FULL, block.header.length).map(Math.round), true));
          out.push(para(""));
          break;
        case "page_break":
          out.push('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
          break;
      }
    });
    return out.join("");
  }

  function styles(locale) {
    var heading = function (id, name, size, before) {
      return '<w:style w:type="paragraph" w:styleId="' + id + '"><w:name w:val="' + name + '"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>' +
        '<w:pPr><w:keepNext/><w:spacing w:before="' + before + '" w:after="80"/><w:outlineLvl w:val="' + (Number(id.slice(-1)) - 1) + '"/></w:pPr>' +
        '<w:rPr><w:b/><w:color w:val="124457"/><w:sz w:val="' + size + '"/></w:rPr></w:style>';
    };
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      "<w:styles " + W + ">" +
      '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="' + locale + '"/></w:rPr></w:rPrDefault>' +
      '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="124457"/><w:sz w:val="48"/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="30"/></w:rPr></w:style>' +
      heading("Heading1", "heading 1", 32, 360) +
      heading("Heading2", "heading 2", 26, 240) +
      heading("Heading3", "heading 3", 23, 200) +
      '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
      '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>' +
      ["top", "left", "bottom", "right", "insideH", "insideV"].map(function (side) {
        return "<w:" + side + ' w:val="single" w:sz="4" w:space="0" w:color="auto"/>';
      }).join("") +
      "</w:tblBorders></w:tblPr></w:style></w:styles>";
  }

  function docx(outline, snapshot, meta) {
    var page = outline.layout;
    var margin = twips(page.margin_cm);
    var now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    var files = [
      ["[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'],
      ["_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'],
      ["docProps/core.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>' + xml(meta.title) + "</dc:title><dc:language>" + xml(meta.locale) + '</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">' + now + '</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">' + now + "</dcterms:modified></cp:coreProperties>"],
      ["word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'],
      ["word/styles.xml", styles(meta.locale)],
      ["word/document.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + W + "><w:body>" + docxBody(outline, snapshot, meta) +
        '<w:sectPr><w:pgSz w:w="' + twips(page.page_cm[0]) + '" w:h="' + twips(page.page_cm[1]) + '"/><w:pgMar w:top="' + margin + '" w:right="' + margin + '" w:bottom="' + margin + '" w:left="' + margin + '" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>'],
    ];
    return new Blob([zip(files)], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  }

  // OpenDocument text: the package LibreOffice and Word open, styled as notes_odt.py's templates.

  var ODF = {
    office: "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    style: "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    text: "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    table: "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    fo: "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    dc: "http://purl.org/dc/elements/1.1/",
    meta: "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
  };
  var ODT_TYPE = "application/vnd.oasis.opendocument.text";
  var BORDER = "0.5pt solid #000000";

  function odfRoot(name, body) {
    var ns = Object.keys(ODF).map(function (prefix) {
      return " xmlns:" + prefix + '="' + ODF[prefix] + '"';
    }).join("");
    return '<?xml version="1.0" encoding="UTF-8"?><office:' + name + ns + ' office:version="1.3">' + body + "</office:" + name + ">";
  }

  // Text as ODF keeps it: line breaks, tabs and every space (ODF collapses runs of spaces).
  function odtText(text) {
    return String(text)
      .replace(/\r\n?/g, "\n")
      .split("\n")
      .map(function (line) {
        return line
          .split("\t")
          .map(function (part) {
            return xml(part)
              .replace(/ {2,}/g, function (spaces) {
                return ' <text:s text:c="' + (spaces.length - 1) + '"/>';
              })
              .replace(/^ /, "<text:s/>");
          })
          .join("<text:tab/>");
      })
      .join("<text:line-break/>");
  }

  function odtPara(text, style) {
    return '<text:p text:style-name="' + style + '">' + (text ? odtText(text) : "") + "</text:p>";
  }

  function cm(value) {
    return Math.round(value * 1000) / 1000 + "cm";
  }

  function odtContent(outline, snapshot, meta) {
    var page = outline.layout;
    var width = page.page_cm[0] - 2 * page.margin_cm;
    var columns = {};
    var rows = {};
    var tables = 0;
    var column = function (w) {
      var name = "Col" + Math.round(w * 100);
      columns[name] = w;
      return '<table:table-column table:style-name="' + name + '"/>';
    };
    var row = function (lines, cells) {
      var name = "Row" + lines;
      rows[name] = lines;
      return '<table:table-row table:style-name="' + name + '">' + cells.map(function (cell) {
        return '<table:table-cell table:style-name="BoxCell" office:value-type="string">' + (cell || odtPara("", "Standard")) + "</table:table-cell>";
      }).join("") + "</table:table-row>";
    };
    var table = function (kind, widths, body) {
      tables += 1;
      return '<table:table table:name="' + kind + tables + '" table:style-name="Box">' + widths.map(column).join("") + body + "</table:table>" + odtPara("", "Standard");
    };
    var out = [];
    outline.blocks.forEach(function (block) {
      switch (block.kind) {
        case "title":
          out.push(odtPara(block.text, "Title"));
          break;
        case "subtitle":
          out.push(odtPara(block.text, "Subtitle"));
          break;
        case "note":
          out.push(odtPara(block.export ? meta.exportNote : block.text, "Note"));
          break;
        case "heading":
          out.push('<text:h text:style-name="Heading_20_' + block.level + '" text:outline-level="' + block.level + '">' + odtText(block.text) + "</text:h>");
          break;
        case "para":
          out.push(odtPara(block.text, "Standard"));
          break;
        case "fields":
          out.push(table("Fields", page.field_columns_cm, block.items.map(function (label) {
            return row(1, [odtPara(label, "Label"), ""]);
          }).join("")));
          break;
        case "answer":
          var cell = X.answerTexts(block, snapshot, meta).map(function (part) {
            return (part.label ? odtPara(part.label, "Label") : "") + odtPara(part.text, "Standard");
          }).join("");
          out.push(table("Answer", [width], row(block.lines, [cell])));
          break;
        case "actions":
          var body = "<table:table-header-rows>" + row(1, block.items.map(function (label) {
            return odtPara(label, "Label");
          })) + "</table:table-header-rows>";
          for (var i = 0; i < block.lines; i++) body += row(1, block.items.map(function () {
            return "";
          }));
          out.push(table("Actions", page.action_columns_cm, body));
          break;
        case "table":
          var rowsXml = "<table:table-header-rows>" + row(1, block.header.map(function (label) {
            return odtPara(label, "Label");
          })) + "</table:table-header-rows>" + block.rows.map(function (cells) {
            return row(1, cells.map(function (text) {
              return odtPara(text, "Standard");
            }));
          }).join("");
          out.push(table("Data", dataColumns(width, block.header.length), rowsXml));
          break;
        case "page_break":
          out.push(odtPara("", "PageBreak"));
          break;
      }
    });
    var automatic =
      '<style:style style:name="Box" style:family="table"><style:table-properties style:width="' + cm(width) + '" table:align="left"/></style:style>' +
      '<style:style style:name="BoxCell" style:family="table-cell"><style:table-cell-properties fo:border="' + BORDER + '" fo:padding="0.1cm"/></style:style>' +
      Object.keys(columns).map(function (name) {
        return '<style:style style:name="' + name + '" style:family="table-column"><style:table-column-properties style:column-width="' + cm(columns[name]) + '"/></style:style>';
      }).join("") +
      Object.keys(rows).map(function (name) {
        return '<style:style style:name="' + name + '" style:family="table-row"><style:table-row-properties style:min-row-height="' + cm(page.line_cm * rows[name]) + '"/></style:style>';
      }).join("") +
      '<style:style style:name="Label" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/></style:style>' +
      '<style:style style:name="PageBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>';
    return odfRoot("document-content", "<office:automatic-styles>" + automatic + "</office:automatic-styles><office:body><office:text>" + out.join("") + "</office:text></office:body>");
  }

  function odtStyles(outline, language, country) {
    var page = outline.layout;
    var named = function (name, display, size, options) {
      options = options || {};
      return '<style:style style:name="' + name + '" style:display-name="' + display + '" style:family="paragraph"' +
        (name === "Standard" ? "" : ' style:parent-style-name="Standard"') +
        (options.outline ? ' style:default-outline-level="' + options.outline + '" style:next-style-name="Standard"' : "") + ">" +
        '<style:paragraph-properties fo:margin-top="' + (options.above || "0cm") + '" fo:margin-bottom="' + (options.below || "0.2cm") + '" fo:keep-with-next="' + (options.outline ? "always" : "auto") + '"/>' +
        '<style:text-properties fo:font-size="' + size + '"' + (options.bold ? ' fo:font-weight="bold"' : "") + (options.italic ? ' fo:font-style="italic"' : "") + "/></style:style>";
    };
    var margin = cm(page.margin_cm);
    return odfRoot(
      "document-styles",
      "<office:styles>" +
        '<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/>' +
        '<style:text-properties style:font-name="Liberation Sans" fo:font-family="\'Liberation Sans\'" fo:font-size="11pt" fo:language="' + xml(language) + '" fo:country="' + xml(country) + '"/></style:default-style>' +
        named("Standard", "Standard", "11pt") +
        named("Title", "Title", "24pt", { bold: true }) +
        named("Subtitle", "Subtitle", "14pt", { below: "0.4cm" }) +
        named("Heading_20_1", "Heading 1", "18pt", { bold: true, above: "0.5cm", outline: 1 }) +
        named("Heading_20_2", "Heading 2", "14pt", { bold: true, above: "0.5cm", outline: 2 }) +
        named("Heading_20_3", "Heading 3", "12pt", { bold: true, above: "0.5cm", outline: 3 }) +
        named("Note", "Note", "9pt", { italic: true }) +
        "</office:styles>" +
        '<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="' + cm(page.page_cm[0]) + '" fo:page-height="' + cm(page.page_cm[1]) +
        '" style:print-orientation="portrait" fo:margin-top="' + margin + '" fo:margin-bottom="' + margin + '" fo:margin-left="' + margin + '" fo:margin-right="' + margin + '"/></style:page-layout></office:automatic-styles>' +
        '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>'
    );
  }

  function odt(outline, snapshot, meta) {
    var locale = String(meta.locale).split("-");
    var now = new Date().toISOString().replace(/\.\d+Z$/, "");
    var manifest =
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
      '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="' + ODT_TYPE + '"/>' +
      ["content.xml", "styles.xml", "meta.xml"].map(function (part) {
        return '<manifest:file-entry manifest:full-path="' + part + '" manifest:media-type="text/xml"/>';
      }).join("") +
      "</manifest:manifest>";
    var metaXml = odfRoot(
      "document-meta",
      "<office:meta><dc:title>" + xml(meta.title) + "</dc:title><dc:language>" + xml(meta.locale) + "</dc:language><meta:creation-date>" + now + "</meta:creation-date><dc:date>" + now + "</dc:date></office:meta>"
    );
    var files = [
      ["mimetype", ODT_TYPE], // first and stored, so the file says what it is
      ["META-INF/manifest.xml", manifest],
      ["meta.xml", metaXml],
      ["styles.xml", odtStyles(outline, locale[0], locale[1] || "none")],
      ["content.xml", odtContent(outline, snapshot, meta)],
    ];
    return new Blob([zip(files)], { type: ODT_TYPE });
  }

  // A zip archive with every file stored (not compressed): small code, valid everywhere.

  var CRC_TABLE = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(bytes) {
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  function zip(files) {
    var encoder = new TextEncoder();
    var date = new Date();
    var dosTime = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
    var dosDate = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
    var parts = [];
    var central = [];
    var offset = 0;
    files.forEach(function (file) {
      var name = encoder.encode(file[0]);
      var data = encoder.encode(file[1]);
      var crc = crc32(data);
      var local = header(30, name, [
        [4, 0x04034b50], [2, 20], [2, 0x0800], [2, 0], [2, dosTime], [2, dosDate],
        [4, crc], [4, data.length], [4, data.length], [2, name.length], [2, 0],
      ]);
      central.push(header(46, name, [
        [4, 0x02014b50], [2, 20], [2, 20], [2, 0x0800], [2, 0], [2, dosTime], [2, dosDate],
        [4, crc], [4, data.length], [4, data.length], [2, name.length], [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset],
      ]));
      parts.push(local, data);
      offset += local.length + data.length;
    });
    var size = central.reduce(function (sum, c) {
      return sum + c.length;
    }, 0);
    var end = header(22, new Uint8Array(0), [
      [4, 0x06054b50], [2, 0], [2, 0], [2, files.length], [2, files.length], [4, size], [4, offset], [2, 0],
    ]);
    return new Blob(parts.concat(central, [end]));
  }

  function header(length, name, fields) {
    var bytes = new Uint8Array(length + name.length);
    var view = new DataView(bytes.buffer);
    var at = 0;
    fields.forEach(function (field) {
      if (field[0] === 4) view.setUint32(at, field[1] >>> 0, true);
      else view.setUint16(at, field[1] & 0xffff, true);
      at += field[0];
    });
    bytes.set(name, length);
    return bytes;
  }

  window.CourseNotesDocuments = { docx: docx, odt: odt };
})();
