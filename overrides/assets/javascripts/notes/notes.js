/*
 * The reader's answers on the page: a text field under each reflection
 * question, a field "Det här kom vi överens om" under each step, a saved
 * status, and progress per module. Everything goes through window.CourseNotes
 * (notes-store.js), with the question as shown. Reader text is only ever set
 * as a value or textContent.
 *
 * HTML it reads (from macros/reflection and course/render/notes_page.py):
 *   section.reflection[data-step-id][data-module]
 *     li.reflection__question[data-question-id] > p.reflection__text
 *   [data-notes-progress] li[data-module][data-question-ids]   progress overview
 *   [data-notes-tools]                                          the notes page's tools
 */
(function () {
  "use strict";
  var notes = window.CourseNotes;
  var course = window.Course;
  var script = document.currentScript;
  if (!notes || !course) return;

  var SAVE_AFTER_MS = 700; // save, and announce, when the reader pauses
  var WEEK_MS = 7 * 24 * 60 * 60 * 1000;
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.reflection[data-step-id]"));
  var overviews = document.querySelectorAll("[data-notes-progress]");
  var tools = document.querySelector("[data-notes-tools]");
  if (!sections.length && !overviews.length && !tools) return;

  var notesPage = (script && script.getAttribute("data-notes-page")) || "";
  var fields = []; // {el, kind, id, asked, timer, dirty, status}
  var modules = {}; // slug -> [question ids on this page]

  var t = course.t; // an interface string, placeholders filled
  var el = course.el; // an element whose text is never HTML

  function clock(date) {
    var two = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return two(date.getHours()) + t("notes.time_separator") + two(date.getMinutes());
  }

  function answered(snapshot, ids) {
    return ids.filter(function (id) {
      var entry = snapshot.answers[id];
      return entry && entry.text.trim() !== "";
    }).length;
  }

  // Notices: storage problems and the export reminder, under the page title.

  var notices = el("div", { class: "notes-notices" });
  var warning = el("p", { class: "notes-notice notes-notice--warning", role: "status" });
  notices.appendChild(warning);
  var reminder = null;

  function showProblem(problem) {
    var text = problem ? t("notes.warning." + problem) : "";
    if (warning.textContent !== text) warning.textContent = text;
    warning.hidden = !text;
  }

  function showReminder(snapshot) {
    var since = notes.unexportedSince();
    var dismissed = snapshot.reminderDismissed;
    var now = Date.now();
    var due =
      notes.available &&
      since &&
      now - Date.parse(since) > WEEK_MS &&
      (!dismissed || now - Date.parse(dismissed) > WEEK_MS);
    if (!due) {
      if (reminder) reminder.hidden = true;
      return;
    }
    if (!reminder) {
      reminder = el("div", { class: "notes-notice notes-reminder", role: "region", "aria-label": t("notes.reminder.label") });
      reminder.appendChild(el("p", {}, t("notes.reminder.text")));
      var actions = el("p", { class: "notes-actions" });
      if (tools || notesPage) {
        var href = (tools ? "" : notesPage) + "#notes-save";
        actions.appendChild(el("a", { href: href, class: "md-button md-button--primary" }, t("notes.reminder.link")));
      }
      var later = el("button", { type: "button", class: "md-button" }, t("notes.reminder.dismiss"));
      later.addEventListener("click", function () {
        notes.dismissReminder();
        // The button is gone: focus goes to the page title, not to <body> (issue 26, F22).
        var title = document.querySelector(".md-content h1");
        if (title) {
          title.setAttribute("tabindex", "-1");
          title.focus();
        }
      });
      actions.appendChild(later);
      reminder.appendChild(actions);
      notices.appendChild(reminder);
    }
    reminder.hidden = false;
  }

  // Answer fields

  // `asked`: the question or step title the text answers, saved with it (see notes-store.js).
  function addField(container, kind, id, labelText, describedBy, status, asked) {
    var fieldId = "notes-" + kind + "-" + id;
    var wrap = el("div", { class: "notes-field notes-field--" + kind });
    var label = el("label", { for: fieldId, id: fieldId + "-label", class: "notes-field__label" }, labelText);
    var area = el("textarea", {
      id: fieldId,
      class: "notes-field__input",
      rows: "4",
      "aria-labelledby": describedBy ? describedBy + " " + fieldId + "-label" : null,
      spellcheck: "true",
    });
    wrap.appendChild(label);
    wrap.appendChild(area);
    container.appendChild(wrap);
    var field = { el: area, kind: kind, id: id, asked: asked, timer: null, dirty: false, status: status };
    area.addEventListener("input", function () {
      field.dirty = true;
      clearTimeout(field.timer);
      field.timer = setTimeout(function () {
        save(field);
      }, SAVE_AFTER_MS);
    });
    area.addEventListener("blur", function () {
      if (field.dirty) save(field);
    });
    fields.push(field);
    return field;
  }

  function save(field) {
    clearTimeout(field.timer);
    field.timer = null;
    field.dirty = false;
    var value = field.el.value;
    var result =
      field.kind === "agreed" ? notes.setAgreed(field.id, value, field.asked) : notes.setAnswer(field.id, value, field.asked);
    var text = result.ok ? t("notes.saved", { time: clock(new Date()) }) : t("notes.not_saved." + result.reason);
    if (field.status.textContent !== text) field.status.textContent = text;
    return result;
  }

  function flush() {
    fields.forEach(function (field) {
      if (field.dirty) save(field);
    });
  }
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flush();
  });

  function groupNote(item) {
    var box = el("div", { class: "notes-group", hidden: "" });
    box.appendChild(el("p", { class: "notes-group__label" }, t("notes.group_label")));
    box.appendChild(el("p", { class: "notes-group__text" }));
    item.appendChild(box);
    return box;
  }

  var groupBoxes = {}; // question id -> element

  sections.forEach(function (section) {
    var slug = section.getAttribute("data-module") || "";
    var stepId = section.getAttribute("data-step-id");
    modules[slug] = modules[slug] || [];
    var status = el("p", { class: "notes-status", role: "status", "aria-live": "polite" });
    section.querySelectorAll("li.reflection__question[data-question-id]").forEach(function (item) {
      var id = item.getAttribute("data-question-id");
      var text = item.querySelector(".reflection__text");
      if (text && !text.id) text.id = "notes-question-" + id;
      modules[slug].push(id);
      addField(item, "answer", id, t("notes.answer_label"), text ? text.id : null, status, text ? text.textContent : "");
      groupBoxes[id] = groupNote(item);
    });
    var list = section.querySelector("ol, ul");
    var agreed = el("div", { class: "notes-agreed" });
    var title = section.querySelector(".reflection__heading");
    addField(agreed, "agreed", stepId, t("notes.agreed_label"), null, status, title ? title.textContent : "");
    if (list && list.parentNode) list.parentNode.insertBefore(agreed, list.nextSibling);
    else section.appendChild(agreed);
    agreed.appendChild(status);
  });

  // Progress at the top of a module page

  var moduleSlugs = Object.keys(modules).filter(Boolean);
  var progressBox = null;
  var heading = document.querySelector(".md-content__inner h1");

  if (moduleSlugs.length === 1 && !tools && !overviews.length) {
    var slug = moduleSlugs[0];
    progressBox = el("fieldset", { class: "notes-progress-box" });
    progressBox.appendChild(el("legend", {}, t("notes.progress.legend")));
    var read = checkbox("read", t("notes.progress.read"));
    var reflected = el("p", { class: "notes-progress-box__reflected" });
    var discussed = checkbox("discussed", t("notes.progress.discussed"));
    progressBox.appendChild(read.wrap);
    progressBox.appendChild(reflected);
    progressBox.appendChild(discussed.wrap);
    if (notesPage) {
      var link = el("p", { class: "notes-progress-box__link" });
      link.appendChild(el("a", { href: notesPage }, t("notes.progress.link")));
      progressBox.appendChild(link);
    }
    progressBox.update = function (snapshot) {
      var state = snapshot.progress[slug] || {};
      read.input.checked = state.read === true;
      discussed.input.checked = state.discussed === true;
      var ids = modules[slug];
      reflected.textContent = t("notes.progress.reflected", { n: answered(snapshot, ids), count: ids.length });
    };
    markReadAtEnd(slug);
  }

  function checkbox(key, label) {
    var id = "notes-progress-" + key;
    var wrap = el("p", { class: "notes-progress-box__item" });
    var input = el("input", { type: "checkbox", id: id });
    input.addEventListener("change", function () {
      notes.setProgress(moduleSlugs[0], key, input.checked);
    });
    wrap.appendChild(input);
    wrap.appendChild(el("label", { for: id }, label));
    return { wrap: wrap, input: input };
  }

  // The module counts as read once the reader has reached its reflection questions.
  function markReadAtEnd(slug) {
    if (!("IntersectionObserver" in window)) return;
    var observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (e) {
        return e.isIntersecting;
      })) return;
      observer.disconnect();
      var state = notes.read().progress[slug];
      if (!state || !state.read) notes.setProgress(slug, "read", true);
    });
    observer.observe(sections[0]);
  }

  // Progress overview on the start page and the notes page

  function updateOverviews(snapshot) {
    Array.prototype.forEach.call(overviews, function (overview) {
      overview.hidden = false;
      overview.querySelectorAll("li[data-module]").forEach(function (item) {
        var slug = item.getAttribute("data-module");
        var ids = (item.getAttribute("data-question-ids") || "").split(" ").filter(Boolean);
        var state = snapshot.progress[slug] || {};
        var n = answered(snapshot, ids);
        var parts = [
          t(state.read ? "notes.overview.read" : "notes.overview.not_read"),
          n ? t("notes.overview.reflected", { n: n, count: ids.length }) : t("notes.overview.not_reflected"),
          t(state.discussed ? "notes.overview.discussed" : "notes.overview.not_discussed"),
        ];
        var out = item.querySelector(".notes-overview__state");
        if (!out) {
          out = el("span", { class: "notes-overview__state" });
          item.appendChild(out);
        }
        var text = parts.join(" · ");
        if (out.textContent !== text) out.textContent = text;
      });
    });
  }

  // Keep every part in step with the store, including changes from other tabs.

  function render(snapshot) {
    fields.forEach(function (field) {
      if (field.dirty) return; // the reader is typing here: their text wins
      var source = field.kind === "agreed" ? snapshot.agreed : snapshot.answers;
      var value = source[field.id] ? source[field.id].text : "";
      if (field.el.value !== value) field.el.value = value;
    });
    Object.keys(groupBoxes).forEach(function (id) {
      var entry = snapshot.group[id];
      var box = groupBoxes[id];
      box.hidden = !entry;
      var text = entry ? entry.text : "";
      if (box.lastChild.textContent !== text) box.lastChild.textContent = text;
    });
    if (progressBox) progressBox.update(snapshot);
    updateOverviews(snapshot);
    showProblem(notes.problem());
    showReminder(snapshot);
  }

  var place = heading && heading.parentNode ? heading : null;
  // The build writes an invisible box of the same size in this place
  // (course/postbuild/progress_box.py), so that the page does not move when this
  // one appears.
  var built = document.querySelector(".notes-progress-box[data-notes-pending]");
  if (built && !progressBox) built.parentNode.removeChild(built);
  if (place) {
    place.parentNode.insertBefore(notices, place.nextSibling);
    if (progressBox && built) built.parentNode.replaceChild(progressBox, built);
    else if (progressBox) notices.parentNode.insertBefore(progressBox, notices.nextSibling);
  } else if (sections.length) {
    sections[0].parentNode.insertBefore(notices, sections[0]);
  }

  render(notes.read());
  notes.subscribe(render);

  if (tools) {
    course.loadScript("notes/notes-page.js").catch(function () {
      tools.textContent = t("notes.tools_failed");
    });
  }
})();
