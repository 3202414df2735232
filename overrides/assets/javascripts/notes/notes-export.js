/*
 * Export and import of the reader's notes. Loaded only when the reader
 * exports or imports (Course.loadScript("notes/notes-export.js") on the notes page).
 *
 * window.CourseNotesExport:
 *   md(outline, snapshot, meta)   -> Blob   Markdown, the reader's text escaped
 *   json(snapshot)                -> Blob   for moving to another computer
 *   readFile(file) -> Promise of {ok: true, data} or {ok: false, reason}; never rejects
 *   parse(text)    -> the same, for text already read; never throws
 *   importNotes(data, "merge" | "replace") -> as CourseNotes' setters; data from parse()
 *   answerTexts(block, snapshot, meta)  what fills one answer box (for notes-documents.js)
 * The .docx and .odt writers are in notes-documents.js.
 *
 * Blocks of kind "table" ({header, rows}: texts) carry the self-assessment and
 * the group picture's counts (notes-page.js, group-file.js).
 * `outline` is the note template's layout (course/notes/templates.py), put in
 * the notes page by course/render/notes_page.py: {blocks, layout}. Blocks are
 * {kind, text, level, items, lines}, where answer blocks carry `question` (a
 * question id) or `step` (a step id, for "Det här kom vi överens om");
 * layout is the paper in centimetres. The exports fill those boxes with the
 * reader's text, so they look like the blank templates.
 *
 * What the reader wrote is data, never markup: it is XML-escaped in the
 * .docx and .odt, Markdown-escaped in the .md, and JSON-encoded in the .json.
 */
(function () {
  "use strict";
  var notes = window.CourseNotes;
  var course = window.Course;

  var FORMAT = notes.FORMAT;
  var VERSION = notes.VERSION;
  var MAX_BYTES = 8 * 1024 * 1024; // far above 1,000 answers of 2,000 characters
  var MAX_TEXT = 100000; // characters in one answer
  var MAX_ENTRIES = 10000; // entries in one section
  var MAX_ASKED = 2000; // characters of the question kept with an entry
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var TOP_KEYS = { format: 1, version: 1, courseId: 1, exported: 1, answers: 1, group: 1, agreed: 1, progress: 1, ratings: 1, shared: 1, participant: 1 };
  var PARTICIPANT = /^p-[a-z0-9]{8,40}$/;
  // FILE_MIGRATIONS[n] turns an exported file of version n into version n + 1.
  var FILE_MIGRATIONS = {
    // Version 2 entries may keep their question (`asked`); version 1 files have none.
    1: function (file) {
      var out = {};
      for (var k in file) out[k] = file[k];
      out.version = 2;
      return out;
    },
    // Version 3 adds the self-assessment (ratings, shared answers, participant id); version 2 files have none.
    2: function (file) {
      var out = {};
      for (var k in file) out[k] = file[k];
      out.version = 3;
      return out;
    },
  };

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
      var asked = has(entry, "asked");
      if (keys.length !== (asked ? 3 : 2) || typeof entry.text !== "string" || typeof entry.updated !== "string") return false;
      if (entry.text.length > MAX_TEXT || entry.updated.length > 40 || isNaN(Date.parse(entry.updated))) return false;
      if (asked && (typeof entry.asked !== "string" || entry.asked.length > MAX_ASKED)) return false;
      if (entry.text === "") continue;
      out[id] = { text: entry.text, updated: entry.updated };
      if (asked && entry.asked !== "") out[id].asked = entry.asked;
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

  function checkRatings(raw, out) {
    if (!isObject(raw)) return false;
    var ids = Object.keys(raw);
    if (ids.length > MAX_ENTRIES) return false;
    for (var i = 0; i < ids.length; i++) {
      var entry = raw[ids[i]];
      if (ids[i].length > 200 || !ID.test(ids[i]) || !isObject(entry)) return false;
      var asked = has(entry, "asked");
      if (Object.keys(entry).length !== (asked ? 3 : 2) || typeof entry.value !== "number" || typeof entry.updated !== "string") return false;
      if (!(entry.value >= 0 && entry.value <= 5 && entry.value % 1 === 0)) return false;
      if (entry.updated.length > 40 || isNaN(Date.parse(entry.updated))) return false;
      if (asked && (typeof entry.asked !== "string" || entry.asked.length > MAX_ASKED)) return false;
      out[ids[i]] = { value: entry.value, updated: entry.updated };
      if (asked && entry.asked !== "") out[ids[i]].asked = entry.asked;
    }
    return true;
  }

  function checkShared(raw, out) {
    if (!isObject(raw)) return false;
    var ids = Object.keys(raw);
    if (ids.length > MAX_ENTRIES) return false;
    for (var i = 0; i < ids.length; i++) {
      if (ids[i].length > 200 || !ID.test(ids[i]) || raw[ids[i]] !== true) return false;
      out[ids[i]] = true;
    }
    return true;
  }

  function parse(text) {
    try {
      var read = course.parseJson(text, MAX_BYTES, FORMAT);
      if (!read.ok) return read;
      var raw = read.raw;
      if (typeof raw.version !== "number" || raw.version % 1 !== 0 || raw.version < 1) return fail("version");
      if (raw.version > VERSION) return fail("newer");
      if (raw.courseId !== notes.courseId) return fail("course");
      for (var v = raw.version; v < VERSION; v++) raw = FILE_MIGRATIONS[v](raw);
      var keys = Object.keys(raw);
      for (var i = 0; i < keys.length; i++) if (!has(TOP_KEYS, keys[i])) return fail("types");
      var data = { answers: {}, group: {}, agreed: {}, ratings: {}, shared: {}, participant: null, progress: {}, exported: null };
      if (!checkEntries(raw.answers, data.answers)) return fail("types");
      if (has(raw, "group") && !checkEntries(raw.group, data.group)) return fail("types");
      if (has(raw, "agreed") && !checkEntries(raw.agreed, data.agreed)) return fail("types");
      if (has(raw, "progress") && !checkProgress(raw.progress, data.progress)) return fail("types");
      if (has(raw, "ratings") && !checkRatings(raw.ratings, data.ratings)) return fail("types");
      if (has(raw, "shared") && !checkShared(raw.shared, data.shared)) return fail("types");
      if (has(raw, "participant") && raw.participant !== null) {
        if (typeof raw.participant !== "string" || !PARTICIPANT.test(raw.participant)) return fail("types");
        data.participant = raw.participant;
      }
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
    return course.readText(file, MAX_BYTES).then(function (read) {
      return read.ok ? parse(read.text) : read;
    });
  }

  // Bring parsed notes in: "replace" starts from nothing; "merge" keeps what is here, and where
  // both have a different text for the same question, keeps both, one after the other.
  function mergeText(local, incoming) {
    if (!local || incoming.text.indexOf(local.text) !== -1) return withAsked(incoming, local);
    if (local.text.indexOf(incoming.text) !== -1) return withAsked(local, incoming);
    var both = { text: local.text + "\n\n" + incoming.text, updated: local.updated > incoming.updated ? local.updated : incoming.updated };
    return withAsked(both, local.asked ? local : incoming);
  }

  // `entry`, keeping the question it answers from `other` when it has none of its own.
  function withAsked(entry, other) {
    var asked = entry.asked || (other && other.asked);
    var out = { text: entry.text, updated: entry.updated };
    if (asked) out.asked = asked;
    return out;
  }

  function importNotes(incoming, mode) {
    return notes.write("import", function (data) {
      if (mode === "replace") {
        ["answers", "group", "agreed", "ratings", "shared", "progress"].forEach(function (section) {
          data[section] = {};
        });
      }
      // A rating: the later one wins. The participant id stays this browser's, if it has one.
      Object.keys(incoming.ratings).forEach(function (id) {
        var had = data.ratings[id];
        if (!had || mode === "replace" || incoming.ratings[id].updated > had.updated) data.ratings[id] = incoming.ratings[id];
      });
      Object.keys(incoming.shared).forEach(function (id) {
        data.shared[id] = true;
      });
      if (!data.participant && incoming.participant) data.participant = incoming.participant;
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
      ratings: snapshot.ratings,
      shared: snapshot.shared,
      participant: snapshot.participant,
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
    outline.blocks.forEach(function (block) {
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
        case "table":
          var cell = function (text) {
            return mdText(String(text).replace(/\s+/g, " ")).replace(/\|/g, "\\|");
          };
          out.push("| " + block.header.map(cell).join(" | ") + " |");
          out.push("|" + block.header.map(function () {
            return "---";
          }).join("|") + "|");
          block.rows.forEach(function (row) {
            out.push("| " + row.map(cell).join(" | ") + " |");
          });
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

  window.CourseNotesExport = {
    md: md,
    answerTexts: answerTexts,
    json: json,
    parse: parse,
    readFile: readFile,
    importNotes: importNotes,
    MAX_BYTES: MAX_BYTES,
  };
})();
