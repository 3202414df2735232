/*
 * "Var står vi?": the reader's choices in each module's self-assessment, a
 * "Dela med gruppen" tick under each answer, and "Spara för gruppen", which
 * saves a small .json group file for the facilitator. Everything is kept
 * through window.CourseNotes (notes-store.js), with the reader's notes.
 * Loaded after notes.js, only on pages with a self-assessment.
 *
 * HTML it reads (course/model/assessment.py):
 *   section.assessment[data-assessment][data-assessment-version]
 *     fieldset[data-statement-id] > legend, input[type=radio][value]
 *     [data-assessment-tools]    where the group file's tools go
 *   section.reflection[data-module] .notes-field--answer   answer fields made by notes.js
 */
(function () {
  "use strict";
  var notes = window.CourseNotes;
  var course = window.Course;
  var script = document.currentScript;
  if (!notes || !course) return;
  var t = course.t;
  var el = course.el;
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.assessment[data-assessment]"));
  if (!sections.length) return;

  // Written through the store's write(), which re-reads and changes only this entry. Shape (notes-store.js):
  //   ratings: {[statementId]: {value: 1-5 or 0 ("Vet inte"), updated, asked}}
  //   shared:  {[questionId]: true}, the answers ticked "Dela med gruppen"
  //   participant: "p-" and 24 hex digits, made once in this browser for group files; never a name
  function setRating(id, value, asked) {
    var now = new Date().toISOString();
    return notes.write("rating\n" + id, function (data) {
      data.ratings[id] = { value: value, updated: now, asked: asked.replace(/\s+/g, " ").trim().slice(0, 2000) };
    });
  }

  // "Svara på nytt": this round's choices of `ids` become last time's (earlier: {[id]: {value, updated}}),
  // shown as quiet text under each statement and never filled in again.
  function startAgain(ids) {
    return notes.write("again", function (data) {
      ids.forEach(function (id) {
        var entry = data.ratings[id];
        if (!entry) return;
        data.earlier[id] = { value: entry.value, updated: entry.updated };
        delete data.ratings[id];
      });
    });
  }

  function dayText(time) {
    try {
      return new Date(time).toLocaleDateString(course.config.lang === "en" ? "en-GB" : course.config.lang, { day: "numeric", month: "long", year: "numeric" });
    } catch (e) {
      return String(time).slice(0, 10);
    }
  }

  function setShared(id, on) {
    return notes.write("shared\n" + id, function (data) {
      if (on) data.shared[id] = true;
      else delete data.shared[id];
    });
  }

  function participantId() {
    var id = notes.read().participant;
    if (id) return id;
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    id = "p-" + Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
    notes.write("participant", function (data) {
      if (!data.participant) data.participant = id;
      id = data.participant;
    });
    return id;
  }

  function clock(date) {
    var two = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return two(date.getHours()) + t("notes.time_separator") + two(date.getMinutes());
  }

  // The ratings

  var groups = []; // {id, radios, asked, before}
  var rounds = []; // {ids, button}: "Svara på nytt" per section
  sections.forEach(function (section) {
    var status = el("p", { class: "assessment__status", role: "status", "aria-live": "polite" });
    var ids = [];
    section.querySelectorAll("fieldset[data-statement-id]").forEach(function (set) {
      var id = set.getAttribute("data-statement-id");
      var legend = set.querySelector("legend");
      var radios = Array.prototype.slice.call(set.querySelectorAll('input[type="radio"]'));
      var before = el("p", { class: "assessment__earlier", hidden: "" });
      set.insertBefore(before, legend ? legend.nextSibling : set.firstChild);
      var group = { id: id, radios: radios, asked: legend ? legend.textContent : "", before: before };
      ids.push(id);
      radios.forEach(function (radio) {
        radio.addEventListener("change", function () {
          if (!radio.checked) return;
          var result = setRating(id, Number(radio.value), group.asked);
          status.textContent = result.ok ? t("notes.saved", { time: clock(new Date()) }) : t("notes.not_saved." + result.reason);
        });
      });
      groups.push(group);
    });
    var again = el("button", { type: "button", class: "md-button" }, t("assessment.again"));
    again.addEventListener("click", function () {
      var result = startAgain(ids);
      status.textContent = result.ok ? t("assessment.again_done") : t("notes.not_saved." + result.reason);
      var first = section.querySelector('fieldset[data-statement-id] input[type="radio"]');
      if (first) first.focus();
    });
    rounds.push({ ids: ids, button: again });
    var tools = section.querySelector("[data-assessment-tools]");
    (tools || section).appendChild(el("p", { class: "notes-actions" })).appendChild(again);
    (tools || section).appendChild(status);
    if (tools) addGroupTools(section, tools);
  });

  // "Dela med gruppen" under each answer field

  var ticks = []; // {id, box}
  document.querySelectorAll("section.reflection[data-module] li[data-question-id]").forEach(function (item) {
    var id = item.getAttribute("data-question-id");
    var wrap = item.querySelector(".notes-field--answer");
    if (!wrap) return;
    var boxId = "notes-share-" + id;
    var line = el("p", { class: "notes-share" });
    var box = el("input", { type: "checkbox", id: boxId, "aria-describedby": "notes-question-" + id });
    box.addEventListener("change", function () {
      setShared(id, box.checked);
    });
    line.appendChild(box);
    line.appendChild(el("label", { for: boxId }, t("assessment.share")));
    wrap.appendChild(line);
    ticks.push({ id: id, box: box });
  });

  function render(snapshot) {
    rounds.forEach(function (round) {
      round.button.hidden = !round.ids.some(function (id) {
        return !!snapshot.ratings[id];
      });
    });
    groups.forEach(function (group) {
      var earlier = snapshot.earlier && snapshot.earlier[group.id];
      group.before.hidden = !earlier;
      if (earlier) group.before.textContent = t("assessment.earlier", { date: dayText(earlier.updated), answer: t("assessment.scale." + earlier.value) });
      var entry = snapshot.ratings[group.id];
      group.radios.forEach(function (radio) {
        var on = !!entry && Number(radio.value) === entry.value;
        if (radio.checked !== on) radio.checked = on;
      });
    });
    ticks.forEach(function (tick) {
      var on = snapshot.shared[tick.id] === true;
      if (tick.box.checked !== on) tick.box.checked = on;
    });
  }
  render(notes.read());
  notes.subscribe(render);

  // For meeting mode's link to the group page: that page, with this page's module chosen.
  var groupPage = (script && script.getAttribute("data-group-page")) || "";
  window.CourseSelfAssessment = {
    groupPage: function () {
      if (!groupPage) return "";
      return sections.length === 1 ? groupPage + "#" + sections[0].getAttribute("data-assessment") : groupPage;
    },
  };

  // "Spara för gruppen"

  function addGroupTools(section, tools) {
    var slug = section.getAttribute("data-assessment");
    var nameId = "assessment-name-" + slug;
    tools.appendChild(el("p", {}, t("assessment.group.intro")));
    var nameLine = el("p", { class: "assessment__name" });
    nameLine.appendChild(el("label", { for: nameId, class: "notes-field__label" }, t("assessment.group.name")));
    var name = el("input", { type: "text", id: nameId, autocomplete: "name", maxlength: "100", class: "assessment__name-input" });
    nameLine.appendChild(name);
    tools.appendChild(nameLine);
    var save = el("button", { type: "button", class: "md-button md-button--primary" }, t("assessment.group.save"));
    var message = el("p", { class: "notes-message", role: "status" });
    tools.appendChild(el("p", { class: "notes-actions" }).appendChild(save).parentNode);
    tools.appendChild(message);
    save.addEventListener("click", function () {
      message.classList.remove("notes-message--error");
      message.textContent = "";
      course
        .loadScript("self-assessment/group-file.js")
        .then(function () {
          var G = window.CourseGroupFile;
          var definition = G.definitions()[slug];
          var questionIds = Array.prototype.map.call(
            document.querySelectorAll('section.reflection[data-module="' + slug + '"] li[data-question-id]'),
            function (item) {
              return item.getAttribute("data-question-id");
            }
          );
          var file = G.build(definition, notes.read(), slug, questionIds, name.value, participantId());
          var ratings = Object.keys(file.ratings).length;
          var answers = Object.keys(file.answers).length;
          if (!ratings && !answers) {
            message.classList.add("notes-message--error");
            message.textContent = t("assessment.group.empty");
            return;
          }
          var day = file.saved.slice(0, 10);
          var part = definition && definition.number ? t("assessment.group.file_module", { number: definition.number }) : slug;
          var fileName = t("assessment.group.file") + "-" + part + "-" + day + ".json";
          course.download(new Blob([JSON.stringify(file, null, 1)], { type: "application/json" }), fileName);
          message.textContent = t("assessment.group.done", { file: fileName, ratings: ratings, answers: answers });
        })
        .catch(function () {
          message.classList.add("notes-message--error");
          message.textContent = t("assessment.group.failed");
        });
    });
  }
})();
