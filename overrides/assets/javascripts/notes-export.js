/*
 * Export and import of the reader's notes. Loaded only when the reader
 * exports or imports (Course.loadScript("notes-export.js") on the notes page).
 *
 * window.CourseNotesExport:
 *   docx(outline, snapshot, meta) -> Blob   Word document (WordprocessingML in a zip)
 *   md(outline, snapshot, meta)   -> Blob   Markdown, the reader's text escaped
 *   json(snapshot)                -> Blob   for moving to another computer
 *   readFile(file) -> Promise of {ok: true, data} or {ok: false, reason}; never rejects
 *   parse(text)    -> the same, for text already read; never throws
 *   importNotes(data, "merge" | "replace") -> as CourseNotes' setters; data from parse()
 *
 * `outline` is the note template's layout (macros/reflection/notes.py), put in
 * the notes page by macros/notes_page.py: a list of blocks {kind, text, level,
 * items, lines}, where answer blocks carry `question` (a question id) or
 * `step` (a step id, for "Det här kom vi överens om"). The exports fill those
 * boxes with the reader's text, so they look like the blank templates.
 *
 * What the reader wrote is data, never markup: it is XML-escaped in the
 * .docx, Markdown-escaped in the .md, and JSON-encoded in the .json.
 */
(function () {
  "use strict";
  var notes = window.CourseNotes;

  var FORMAT = notes.FORMAT;
  var VERSION = notes.VERSION;
  var MAX_BYTES = 8 * 1024 * 1024; // far above 1,000 answers of 2,000 characters
  var MAX_TEXT = 100000; // characters in one answer
  var MAX_ENTRIES = 10000; // entries in one section
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var TOP_KEYS = { format: 1, version: 1, courseId: 1, exported: 1, answers: 1, group: 1, agreed: 1, progress: 1 };
  // FILE_MIGRATIONS[n] turns an exported file of version n into version n + 1.
  var FILE_MIGRATIONS = {};

  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }
  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // Import

  function fail(reason) {
    return { ok: false, reason: reason };
  }

  function checkEntries(raw, out) {
    if (!isObject(raw)) return false;
    var ids = Object.keys(raw);
    if (ids.length > MAX_ENTRIES) return false;
    for (var i = 0; i < ids.length; i++) {
      var id = ids[i];
      var entry = raw[id];
      if (id.length > 200 || !ID.test(id) || !isObject(entry)) return false;
      var keys = Object.keys(entry);
      if (keys.length !== 2 || typeof entry.text !== "string" || typeof entry.updated !== "string") return false;
      if (entry.text.length > MAX_TEXT || entry.updated.length > 40 || isNaN(Date.parse(entry.updated))) return false;
      if (entry.text !== "") out[id] = { text: entry.text, updated: entry.updated };
    }
    return true;
  }

  function checkProgress(raw, out) {
    if (!isObject(raw)) return false;
    var slugs = Object.keys(raw);
    if (slugs.length > MAX_ENTRIES) return false;
    for (var i = 0; i < slugs.length; i++) {
      var state = raw[slugs[i]];
      if (slugs[i].length > 200 || !ID.test(slugs[i]) || !isObject(state)) return false;
      var keys = Object.keys(state);
      for (var k = 0; k < keys.length; k++) {
        if ((keys[k] !== "read" && keys[k] !== "discussed") || typeof state[keys[k]] !== "boolean") return false;
      }
      out[slugs[i]] = { read: state.read === true, discussed: state.discussed === true };
    }
    return true;
  }

  function parse(text) {
    try {
      if (typeof text !== "string") return fail("not_json");
      if (text.length > MAX_BYTES) return fail("too_large");
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      var raw;
      try {
        raw = JSON.parse(text);
      } catch (e) {
        return fail("not_json");
      }
      if (!isObject(raw) || raw.format !== FORMAT) return fail("format");
      if (typeof raw.version !== "number" || raw.version % 1 !== 0 || raw.version < 1) return fail("version");
      if (raw.version > VERSION) return fail("newer");
      if (raw.courseId !== notes.courseId) return fail("course");
      for (var v = raw.version; v < VERSION; v++) raw = FILE_MIGRATIONS[v](raw);
      var keys = Object.keys(raw);
      for (var i = 0; i < keys.length; i++) if (!has(TOP_KEYS, keys[i])) return fail("types");
      var data = { answers: {}, group: {}, agreed: {}, progress: {}, exported: null };
      if (!checkEntries(raw.answers, data.answers)) return fail("types");
      if (has(raw, "group") && !checkEntries(raw.group, data.group)) return fail("types");
      if (has(raw, "agreed") && !checkEntries(raw.agreed, data.agreed)) return fail("types");
      if (has(raw, "progress") && !checkProgress(raw.progress, data.progress)) return fail("types");
      if (has(raw, "exported")) {
        if (typeof raw.exported !== "string" || raw.exported.length > 40 || isNaN(Date.parse(raw.exported))) return fail("types");
        data.exported = raw.exported;
      }
      return { ok: true, data: data };
    } catch (e) {
      return fail("types");
    }
  }

  function readFile(file) {
    try {
      if (!file || typeof file.size !== "number") return Promise.resolve(fail("not_json"));
      if (file.size > MAX_BYTES) return Promise.resolve(fail("too_large"));
      if (file.size === 0) return Promise.resolve(fail("not_json"));
      return file.text().then(parse, function () {
        return fail("unreadable");
      });
    } catch (e) {
      return Promise.resolve(fail("unreadable"));
    }
  }

  // Bring parsed notes in: "replace" starts from nothing; "merge" keeps what is here, and where
  // both have a different text for the same question, keeps both, one after the other.
  function mergeText(local, incoming) {
    if (!local || incoming.text.indexOf(local.text) !== -1) return incoming;
    if (local.text.indexOf(incoming.text) !== -1) return local;
    return { text: local.text + "\n\n" + incoming.text, updated: local.updated > incoming.updated ? local.updated : incoming.updated };
  }

  function importNotes(incoming, mode) {
    return notes.write("import", function (data) {
      if (mode === "replace") {
        ["answers", "group", "agreed", "progress"].forEach(function (section) {
          data[section] = {};
        });
      }
      ["answers", "group", "agreed"].forEach(function (section) {
        Object.keys(incoming[section]).forEach(function (id) {
          data[section][id] = mergeText(data[section][id], incoming[section][id]);
        });
      });
      Object.keys(incoming.progress).forEach(function (slug) {
        var had = data.progress[slug] || {};
        data.progress[slug] = {
          read: had.read === true || incoming.progress[slug].read,
          discussed: had.discussed === true || incoming.progress[slug].discussed,
        };
      });
    });
  }

  // JSON export

  function json(snapshot) {
    var out = {
      format: FORMAT,
      version: VERSION,
      courseId: notes.courseId,
      exported: new Date().toISOString(),
      answers: snapshot.answers,
      group: snapshot.group,
      agreed: snapshot.agreed,
      progress: snapshot.progress,
    };
    return new Blob([JSON.stringify(out, null, 1)], { type: "application/json" });
  }

  // Markdown export

  // The reader's text as Markdown that shows it literally in CommonMark and Python-Markdown alike:
  // backslash before what both read as markup, "<" as an entity (no HTML), line breaks kept as
  // hard breaks, and no line that starts a list, heading or quote.
  function mdText(text) {
    return String(text)
      .replace(/\r\n?/g, "\n")
      .split("\n")
      .map(function (line) {
        return line
          .replace(/[\\`*_\[\]>#]/g, "\\$&")
          .replace(/&(?=#?[a-zA-Z0-9]+;)/g, "&amp;")
          .replace(/</g, "&lt;")
          .replace(/^(\s*)([-+=])/, "$1\\$2")
          .replace(/^(\s*\d+)([.)])/, "$1\\$2");
      })
      .join("  \n");
  }

  function md(outline, snapshot, meta) {
    var out = [];
    var repeat = function (text, n) {
      return new Array(n + 1).join(text);
    };
    outline.forEach(function (block) {
      switch (block.kind) {
        case "title":
          out.push("# " + mdText(block.text), "");
          break;
        case "subtitle":
          out.push("**" + mdText(block.text) + "**", "");
          break;
        case "note":
          out.push("*" + mdText(block.export ? meta.exportNote : block.text) + "*", "");
          break;
        case "heading":
          out.push(repeat("#", block.level + 1) + " " + mdText(block.text), "");
          break;
        case "para":
          out.push(mdText(block.text), "");
          break;
        case "fields":
          block.items.forEach(function (label) {
            out.push("- **" + mdText(label) + ":** ");
          });
          out.push("");
          break;
        case "answer":
          if (block.text) out.push(mdText(block.text), "");
          answerTexts(block, snapshot, meta).forEach(function (part) {
            if (part.label) out.push("**" + mdText(part.label) + ":**  ");
            out.push(mdText(part.text), "");
          });
          break;
        case "actions":
          out.push("| " + block.items.map(mdText).join(" | ") + " |");
          out.push("|" + block.items.map(function () {
            return "---";
          }).join("|") + "|");
          for (var i = 0; i < block.lines; i++) out.push("|" + block.items.map(function () {
            return "   ";
          }).join("|") + "|");
          out.push("");
          break;
        case "page_break":
          out.push("---", "");
          break;
      }
    });
    return new Blob([out.join("\n").replace(/\n{3,}/g, "\n\n").replace(/\n*$/, "\n")], { type: "text/markdown;charset=utf-8" });
  }

  // The texts that fill an answer box: the reader's answer, then the group's notes, marked as such.
  function answerTexts(block, snapshot, meta) {
    var parts = [];
    if (block.step) {
      if (snapshot.agreed[block.step]) parts.push({ text: snapshot.agreed[block.step].text });
      return parts;
    }
    if (block.question) {
      if (snapshot.answers[block.question]) parts.push({ text: snapshot.answers[block.question].text });
      if (snapshot.group[block.question]) parts.push({ label: meta.groupLabel, text: snapshot.group[block.question].text });
    }
    return parts;
  }

  // Word export: WordprocessingML, in a zip we write ourselves (stored, with CRC-32).

  var W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

  function xml(text) {
    return String(text)
      .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\uD800-\uDBFF\uDC00-\uDFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "$1")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

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

  var LINE = 510; // twentieths of a point: 0.9 cm, one written line (as notes_docx.py)
  var FULL = 9026; // text width of an A4 page with 2.54 cm margins

  function docxBody(outline, snapshot, meta) {
    var out = [];
    outline.forEach(function (block) {
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
          }), [2268, FULL - 2268]));
          out.push(para(""));
          break;
        case "answer":
          var parts = answerTexts(block, snapshot, meta);
          var cell = parts.map(function (part) {
            return (part.label ? para(part.label, null, "<w:b/>") : "") + para(part.text);
          }).join("");
          out.push(table([{ height: LINE * block.lines, cells: [cell] }], [FULL]));
          out.push(para(""));
          break;
        case "actions":
          var width = Math.floor(FULL / block.items.length);
          var widths = block.items.map(function () {
            return width;
          });
          var rows = [{ cells: block.items.map(function (label) {
            return para(label, null, "<w:b/>");
          }) }];
          for (var i = 0; i < block.lines; i++) rows.push({ height: LINE, cells: block.items.map(function () {
            return "";
          }) });
          out.push(table(rows, widths, true));
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
    var now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    var files = [
      ["[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'],
      ["_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'],
      ["docProps/core.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>' + xml(meta.title) + "</dc:title><dc:language>" + xml(meta.locale) + '</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">' + now + '</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">' + now + "</dcterms:modified></cp:coreProperties>"],
      ["word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'],
      ["word/styles.xml", styles(meta.locale)],
      ["word/document.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + W + "><w:body>" + docxBody(outline, snapshot, meta) +
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>'],
    ];
    return new Blob([zip(files)], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
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

  window.CourseNotesExport = {
    docx: docx,
    md: md,
    json: json,
    parse: parse,
    readFile: readFile,
    importNotes: importNotes,
    MAX_BYTES: MAX_BYTES,
  };
})();
