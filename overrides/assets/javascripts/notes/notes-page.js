/*
 * The tools of the "Mina anteckningar" page: save a copy (.docx, .odt, .md, .json),
 * bring notes back from a .json file (preview, then merge or replace), and
 * clear everything on a shared computer (with an in-page confirmation).
 * It also shows the answers whose question is no longer in the course (a
 * later version dropped or renamed it), which the exports keep as well, and
 * marks an answer whose question has been reworded since the reader wrote
 * it, with both wordings (the store keeps the question as it was, `asked`).
 * Loaded by notes.js only on a page with [data-notes-tools]; the export and
 * import code itself (notes-export.js, and notes-documents.js for .docx and
 * .odt) loads when the reader uses it.
 *
 * HTML it reads (docs/anteckningar.md, course/render/notes_page.py):
 *   [data-notes-tools="export" | "import" | "clear"]   where each tool goes
 *   script#notes-outline (JSON)   the note template's layout, for the exports, and
 *                                 `wordings`: each question in the other languages
 *   li.reflection__question[data-question-id] > p.reflection__text   each question now
 */
(function () {
  "use strict";
  var notes = window.CourseNotes;
  var course = window.Course;
  var PREVIEW_ITEMS = 10;

  var t = course.t; // an interface string, placeholders filled
  var el = course.el; // an element whose text is never HTML

  function button(text, onClick, primary) {
    var b = el("button", { type: "button", class: "md-button" + (primary ? " md-button--primary" : "") }, text);
    b.addEventListener("click", onClick);
    return b;
  }

  function say(node, text, isError) {
    node.classList.toggle("notes-message--error", !!isError);
    node.textContent = text;
  }

  function when(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    var day;
    try {
      day = new Intl.DateTimeFormat(t("notes.locale"), { day: "numeric", month: "long", year: "numeric" }).format(date);
    } catch (e) {
      day = date.toISOString().slice(0, 10);
    }
    var two = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return t("notes.date_time", { date: day, time: two(date.getHours()) + t("notes.time_separator") + two(date.getMinutes()) });
  }

  function loadExport() {
    return course.loadScript("notes/notes-export.js").then(function () {
      return window.CourseNotesExport;
    });
  }

  // The export functions for `format`: .docx and .odt come with the office writers, and the
  // documents (not the .json) with the group picture (group-file.js).
  function loadWriters(format) {
    return loadExport().then(function (X) {
      if (format === "json") return X;
      return course.loadScript("self-assessment/group-file.js").then(function () {
        return X;
      });
    }).then(function (X) {
      if (format !== "docx" && format !== "odt") return X;
      return course.loadScript("notes/notes-documents.js").then(function () {
        return window.CourseNotesDocuments;
      });
    });
  }

  var outline = null;
  var outlineEl = document.getElementById("notes-outline");
  try {
    if (outlineEl) outline = JSON.parse(outlineEl.textContent);
  } catch (e) {
    outline = null;
  }

  // The question and step ids the course has now: every answer box of the outline.
  var known = { question: {}, step: {} };
  (outline ? outline.blocks : []).forEach(function (block) {
    if (block.question) known.question[block.question] = true;
    if (block.step) known.step[block.step] = true;
  });

  // Answers to questions (and agreements of steps) that the outline no longer has.
  function leftovers(snapshot) {
    var found = [];
    var seen = {};
    ["answers", "group"].forEach(function (section) {
      Object.keys(snapshot[section]).forEach(function (id) {
        if (known.question[id] || seen[id]) return;
        seen[id] = true;
        var asked = (snapshot.answers[id] || {}).asked || (snapshot.group[id] || {}).asked;
        found.push({ question: id, title: asked || t("notes.leftovers.unnamed", { id: id }) });
      });
    });
    Object.keys(snapshot.agreed).forEach(function (id) {
      if (known.step[id]) return;
      var asked = snapshot.agreed[id].asked || t("notes.leftovers.unnamed_step", { id: id });
      found.push({ step: id, title: asked + ": " + t("notes.agreed_label") });
    });
    return found;
  }

  // The outline to export: the course's, then a last part with the leftovers, if any.
  function exportOutline(snapshot) {
    var extra = leftovers(snapshot);
    if (!extra.length) return outline;
    var blocks = outline.blocks.concat([
      { kind: "page_break" },
      { kind: "heading", level: 1, text: t("notes.leftovers.heading") },
      { kind: "para", text: t("notes.leftovers.note") },
    ]);
    extra.forEach(function (item) {
      blocks.push({ kind: "heading", level: 2, text: item.title });
      blocks.push(item.step ? { kind: "answer", step: item.step, lines: 6 } : { kind: "answer", question: item.question, lines: 4 });
    });
    return { blocks: blocks, layout: outline.layout };
  }

  // "Var står vi?": the reader's own choices, per module, as a table of statement and answer.
  function assessmentBlocks(snapshot) {
    var blocks = [];
    document.querySelectorAll("section.assessment[data-assessment]").forEach(function (section) {
      var rows = [];
      section.querySelectorAll("fieldset[data-statement-id]").forEach(function (set) {
        var entry = snapshot.ratings[set.getAttribute("data-statement-id")];
        if (entry) rows.push([set.querySelector("legend").textContent.trim(), t("assessment.scale." + entry.value)]);
      });
      if (!rows.length) return;
      blocks.push({ kind: "heading", level: 2, text: section.querySelector(".assessment__heading").textContent.trim() });
      blocks.push({ kind: "table", header: [t("group.statement"), t("group.answer")], rows: rows });
    });
    if (blocks.length) blocks.unshift({ kind: "page_break" }, { kind: "heading", level: 1, text: t("assessment.heading") });
    return blocks;
  }

  // The document exports: the notes, the reader's self-assessment, then the facilitator's group picture.
  function documentOutline(snapshot) {
    var base = exportOutline(snapshot);
    var group = window.CourseGroupFile ? window.CourseGroupFile.exportBlocks(t) : [];
    if (group.length) group.unshift({ kind: "page_break" });
    return { blocks: base.blocks.concat(assessmentBlocks(snapshot), group), layout: base.layout };
  }

  // On the page, after the course's own questions.
  var leftoversBox = null;
  function showLeftovers(snapshot) {
    var extra = outline ? leftovers(snapshot) : [];
    if (!extra.length) {
      if (leftoversBox) leftoversBox.hidden = true;
      return;
    }
    if (!leftoversBox) {
      leftoversBox = el("section", { class: "notes-leftovers", "aria-labelledby": "notes-leftovers-heading" });
      var article = document.querySelector(".md-content__inner");
      if (!article) return;
      article.appendChild(leftoversBox);
    }
    while (leftoversBox.firstChild) leftoversBox.removeChild(leftoversBox.firstChild);
    leftoversBox.appendChild(el("h2", { id: "notes-leftovers-heading" }, t("notes.leftovers.heading")));
    leftoversBox.appendChild(el("p", {}, t("notes.leftovers.note")));
    var list = el("dl", { class: "notes-preview__list" });
    extra.forEach(function (item) {
      list.appendChild(el("dt", {}, item.title));
      if (item.step) {
        list.appendChild(el("dd", { class: "notes-preview__text" }, snapshot.agreed[item.step].text));
        return;
      }
      if (snapshot.answers[item.question]) list.appendChild(el("dd", { class: "notes-preview__text" }, snapshot.answers[item.question].text));
      if (snapshot.group[item.question]) {
        list.appendChild(el("dd", { class: "notes-preview__text" }, t("notes.group_label") + ": " + snapshot.group[item.question].text));
      }
    });
    leftoversBox.appendChild(list);
    leftoversBox.hidden = false;
  }
  showLeftovers(notes.read());
  notes.subscribe(showLeftovers);

  // Answers to a question that is worded differently now. An answer given on
  // the other language's pages is not one: its question matches a wording there.
  function normal(text) {
    return String(text).replace(/\s+/g, " ").trim();
  }
  var rewordBoxes = {}; // question id -> element
  function showReworded(snapshot) {
    var wordings = (outline && outline.wordings) || {};
    document.querySelectorAll(".reflection--notes li.reflection__question[data-question-id]").forEach(function (item) {
      var id = item.getAttribute("data-question-id");
      var now = item.querySelector(".reflection__text");
      var entry = snapshot.answers[id];
      var asked = entry && entry.asked ? normal(entry.asked) : "";
      var current = [now ? now.textContent : ""].concat(wordings[id] || []).map(normal);
      var changed = asked !== "" && now && current.indexOf(asked) === -1;
      var box = rewordBoxes[id];
      var field = item.querySelector("textarea");
      if (!changed) {
        if (box) box.hidden = true;
        if (box && field) field.removeAttribute("aria-describedby");
        return;
      }
      if (!box) {
        // Dressed as the page's other notices and lists; no CSS of its own.
        box = rewordBoxes[id] = el("div", { class: "notes-reworded notes-notice", id: "notes-reworded-" + id });
        now.parentNode.insertBefore(box, now.nextSibling);
      }
      if (field) field.setAttribute("aria-describedby", box.id);
      while (box.firstChild) box.removeChild(box.firstChild);
      box.appendChild(el("p", { class: "notes-reworded__label notes-group__label" }, t("notes.changed.label")));
      var list = el("dl", { class: "notes-preview__list" });
      list.appendChild(el("dt", {}, t("notes.changed.then")));
      list.appendChild(el("dd", { class: "notes-reworded__then notes-preview__text" }, entry.asked));
      list.appendChild(el("dt", {}, t("notes.changed.now")));
      list.appendChild(el("dd", { class: "notes-reworded__now notes-preview__text" }, now.textContent));
      box.appendChild(list);
      box.hidden = false;
    });
  }
  showReworded(notes.read());
  notes.subscribe(showReworded);

  function slot(kind) {
    return document.querySelector('[data-notes-tools="' + kind + '"]');
  }

  // Save a copy

  var exportSlot = slot("export");
  if (exportSlot) {
    var last = el("p", { class: "notes-last-export" });
    var exportStatus = el("p", { class: "notes-message", role: "status" });
    var actions = el("p", { class: "notes-actions" });
    [
      ["docx", "notes.export.docx"],
      ["odt", "notes.export.odt"],
      ["md", "notes.export.md"],
      ["json", "notes.export.json"],
    ].forEach(function (format, n) {
      actions.appendChild(button(t(format[1]), function () {
        exportAs(format[0]);
      }, n === 0));
    });
    exportSlot.appendChild(last);
    exportSlot.appendChild(actions);
    exportSlot.appendChild(exportStatus);

    var showLast = function (snapshot) {
      var text = snapshot.lastExport ? t("notes.export.last", { when: when(snapshot.lastExport) }) : t("notes.export.never");
      if (last.textContent !== text) last.textContent = text;
    };
    showLast(notes.read());
    notes.subscribe(showLast);
  }

  function exportAs(format) {
    say(exportStatus, "");
    loadWriters(format)
      .then(function (X) {
        if (format !== "json" && !outline) throw new Error("no outline");
        var snapshot = notes.read();
        var meta = {
          title: t("notes.export.title"),
          locale: t("notes.locale"),
          exportNote: t("notes.export.note", { when: when(new Date().toISOString()) }),
          groupLabel: t("notes.group_label"),
        };
        var blob = format === "json" ? X.json(snapshot) : X[format](documentOutline(snapshot), snapshot, meta);
        var stamp = new Date();
        var two = function (n) {
          return (n < 10 ? "0" : "") + n;
        };
        var name = t("notes.export.file") + "-" + stamp.getFullYear() + "-" + two(stamp.getMonth() + 1) + "-" + two(stamp.getDate()) + "." + format;
        course.download(blob, name);
        notes.markExported();
        say(exportStatus, t("notes.export.done", { file: name }));
      })
      .catch(function () {
        say(exportStatus, t("notes.export.failed"), true);
      });
  }

  // Bring notes back from a file

  var importSlot = slot("import");
  var importStatus, preview, fileInput;
  if (importSlot) {
    var label = el("label", { for: "notes-import-file", class: "notes-field__label" }, t("notes.import.choose"));
    fileInput = el("input", { type: "file", id: "notes-import-file", accept: ".json,application/json", class: "notes-file" });
    importStatus = el("p", { class: "notes-message", role: "status" });
    preview = el("div", { class: "notes-preview", hidden: "" });
    importSlot.appendChild(label);
    importSlot.appendChild(fileInput);
    importSlot.appendChild(importStatus);
    importSlot.appendChild(preview);
    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      preview.hidden = true;
      if (!file) return;
      say(importStatus, t("notes.import.reading"));
      loadExport()
        .then(function (X) {
          return X.readFile(file);
        })
        .then(function (result) {
          if (result.ok) showPreview(result.data);
          else say(importStatus, t("notes.import.error." + result.reason), true);
        })
        .catch(function () {
          say(importStatus, t("notes.import.error.unreadable"), true);
        });
    });
  }

  // A question as this page shows it, else as the file kept it, else its id.
  function questionText(id, entry) {
    var item = document.querySelector('[data-question-id="' + id + '"] .reflection__text');
    return item ? item.textContent : entry.asked || id;
  }

  function stepTitle(id, entry) {
    var heading = document.querySelector('section.reflection[data-step-id="' + id + '"] .reflection__heading');
    return heading ? heading.textContent : entry.asked || id;
  }

  function count(section) {
    return Object.keys(section).length;
  }

  function showPreview(data) {
    while (preview.firstChild) preview.removeChild(preview.firstChild);
    say(importStatus, "");
    var heading = el("h3", { id: "notes-preview-heading", tabindex: "-1" }, t("notes.import.preview_heading"));
    preview.appendChild(heading);
    var summary = t("notes.import.summary", {
      answers: t("notes.import.count_answers", { count: count(data.answers) }),
      group: t("notes.import.count_group", { count: count(data.group) }),
      agreed: t("notes.import.count_agreed", { count: count(data.agreed) }),
    });
    if (data.exported) summary += " " + t("notes.import.exported", { when: when(data.exported) });
    preview.appendChild(el("p", {}, summary));

    var items = [];
    Object.keys(data.answers).forEach(function (id) {
      items.push([questionText(id, data.answers[id]), data.answers[id].text]);
    });
    Object.keys(data.group).forEach(function (id) {
      items.push([questionText(id, data.group[id]) + " (" + t("notes.group_label") + ")", data.group[id].text]);
    });
    Object.keys(data.agreed).forEach(function (id) {
      items.push([stepTitle(id, data.agreed[id]) + ": " + t("notes.agreed_label"), data.agreed[id].text]);
    });
    if (items.length) {
      var list = el("dl", { class: "notes-preview__list" });
      items.slice(0, PREVIEW_ITEMS).forEach(function (item) {
        list.appendChild(el("dt", {}, item[0]));
        list.appendChild(el("dd", { class: "notes-preview__text" }, item[1]));
      });
      preview.appendChild(list);
      if (items.length > PREVIEW_ITEMS) preview.appendChild(el("p", {}, t("notes.import.more", { n: items.length - PREVIEW_ITEMS })));
    }
    preview.appendChild(el("p", {}, t("notes.import.explain")));
    var choices = el("p", { class: "notes-actions" });
    choices.appendChild(button(t("notes.import.merge"), function () {
      finishImport(data, "merge");
    }, true));
    choices.appendChild(button(t("notes.import.replace"), function () {
      finishImport(data, "replace");
    }));
    choices.appendChild(button(t("notes.cancel"), function () {
      preview.hidden = true;
      fileInput.value = "";
      say(importStatus, t("notes.import.cancelled"));
      fileInput.focus();
    }));
    preview.appendChild(choices);
    preview.hidden = false;
    heading.focus();
  }

  function finishImport(data, mode) {
    var result = window.CourseNotesExport.importNotes(data, mode);
    preview.hidden = true;
    fileInput.value = "";
    if (result.ok) say(importStatus, t("notes.import.done." + mode));
    else say(importStatus, t("notes.not_saved." + result.reason), true);
    fileInput.focus();
  }

  // Clear everything on this computer

  var clearSlot = slot("clear");
  if (clearSlot) {
    var clearButton = button(t("notes.clear.button"), function () {
      confirmBox.hidden = false;
      clearButton.setAttribute("aria-expanded", "true");
      question.focus();
    });
    clearButton.classList.add("notes-danger");
    clearButton.setAttribute("aria-expanded", "false");
    clearButton.setAttribute("aria-controls", "notes-clear-confirm");
    var confirmBox = el("div", { id: "notes-clear-confirm", class: "notes-confirm", role: "group", "aria-labelledby": "notes-clear-question", hidden: "" });
    var question = el("p", { id: "notes-clear-question", tabindex: "-1" }, t("notes.clear.question"));
    var clearStatus = el("p", { class: "notes-message", role: "status" });
    var close = function (message) {
      confirmBox.hidden = true;
      clearButton.setAttribute("aria-expanded", "false");
      say(clearStatus, message || "");
      clearButton.focus();
    };
    var answer = el("p", { class: "notes-actions" });
    var yes = button(t("notes.clear.confirm"), function () {
      var result = notes.clear();
      close(result.ok || result.reason === "blocked" ? t("notes.clear.done") : t("notes.not_saved." + result.reason));
    });
    yes.classList.add("notes-danger");
    answer.appendChild(yes);
    answer.appendChild(button(t("notes.cancel"), function () {
      close("");
    }));
    confirmBox.appendChild(question);
    confirmBox.appendChild(answer);
    confirmBox.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.stopPropagation();
        close("");
      }
    });
    clearSlot.appendChild(el("p", {}).appendChild(clearButton).parentNode);
    clearSlot.appendChild(confirmBox);
    clearSlot.appendChild(clearStatus);
  }
})();
