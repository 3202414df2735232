/*
 * "Gruppens bild": the facilitator chooses or drops every participant's
 * group file at once and sees, per statement, how many chose each step of
 * the scale, as a bar chart (SVG, from the data) beside a table of the same
 * counts; the widest spread first and marked; the shared answers under their
 * questions, sorted by text so that the order says nothing about who wrote
 * what; "Dölj tills vidare" hides it until the group has talked.
 * The picture is kept in this browser under its own key (group-file.js),
 * never with the notes. What participants wrote is only ever set as text.
 *
 * HTML it fills: [data-group-picture] (course/render/self_assessment.py), with the
 * statements of every module in script#assessment-data.
 * Also window.CourseGroupPicture.mount(container, slug) for meeting mode.
 */
(function () {
  "use strict";
  var course = window.Course;
  var G = window.CourseGroupFile;
  if (!course || !G) return;
  var t = course.t;
  var el = course.el;
  var SVG = "http://www.w3.org/2000/svg";
  var MAX_ERRORS_SHOWN = 20;

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  // One statement's counts as horizontal bars; the table beside it carries the same numbers.
  function chart(statement) {
    var ROW = 44;
    // Room for the longest label with WCAG 1.4.12 text spacing (issue 26, F21).
    var LABEL = 340;
    var BAR = 330;
    var most = Math.max.apply(null, G.SCALE.map(function (v) {
      return statement.counts[v];
    }).concat([1]));
    var height = ROW * G.SCALE.length;
    var out = svg("svg", { class: "group-chart", viewBox: "0 0 " + (LABEL + BAR + 50) + " " + height, "aria-hidden": "true", focusable: "false" });
    G.SCALE.forEach(function (v, row) {
      var y = row * ROW;
      var count = statement.counts[v];
      out.appendChild(svg("text", { x: LABEL - 10, y: y + ROW / 2 + 7, "text-anchor": "end", class: "group-chart__label" }, t("assessment.scale." + v)));
      out.appendChild(svg("rect", { x: LABEL, y: y + 8, width: BAR, height: ROW - 16, class: "group-chart__track" }));
      if (count) {
        out.appendChild(svg("rect", { x: LABEL, y: y + 8, width: Math.max(4, (BAR * count) / most), height: ROW - 16, class: "group-chart__bar" + (v === 0 ? " group-chart__bar--unknown" : "") }));
      }
      out.appendChild(svg("text", { x: LABEL + BAR + 10, y: y + ROW / 2 + 7, class: "group-chart__count" }, String(count)));
    });
    return out;
  }

  function table(statement) {
    var tbl = el("table", { class: "group-table" });
    tbl.appendChild(el("caption", {}, t("group.caption")));
    var head = el("thead");
    var tr = el("tr");
    tr.appendChild(el("th", { scope: "col" }, t("group.answer")));
    tr.appendChild(el("th", { scope: "col" }, t("group.count")));
    head.appendChild(tr);
    tbl.appendChild(head);
    var body = el("tbody");
    G.SCALE.forEach(function (v) {
      var row = el("tr");
      row.appendChild(el("th", { scope: "row" }, t("assessment.scale." + v)));
      row.appendChild(el("td", {}, String(statement.counts[v])));
      body.appendChild(row);
    });
    tbl.appendChild(body);
    return tbl;
  }

  function mount(container, initialSlug) {
    var defs = G.definitions();
    var slugs = Object.keys(defs);
    if (!slugs.length) return;
    var picture = G.load();
    var slug = slugs.indexOf(initialSlug) !== -1 ? initialSlug : slugs[0];
    var uid = "group-" + Math.random().toString(36).slice(2, 8);

    var controls = el("div", { class: "group-controls" });
    var moduleLine = el("p", {});
    moduleLine.appendChild(el("label", { for: uid + "-module", class: "notes-field__label" }, t("group.module")));
    var select = el("select", { id: uid + "-module", class: "group-select" });
    slugs.forEach(function (s) {
      var option = el("option", { value: s }, defs[s].label);
      if (s === slug) option.selected = true;
      select.appendChild(option);
    });
    moduleLine.appendChild(select);
    controls.appendChild(moduleLine);

    var drop = el("div", { class: "group-drop" });
    drop.appendChild(el("label", { for: uid + "-files", class: "notes-field__label" }, t("group.choose")));
    var input = el("input", { type: "file", id: uid + "-files", multiple: "", accept: ".json,application/json", class: "notes-file" });
    drop.appendChild(input);
    drop.appendChild(el("p", { class: "group-drop__hint" }, t("group.drop")));
    controls.appendChild(drop);

    var status = el("div", { class: "group-status", role: "status" });
    // Live, and there before anything is written in it: refused files, a picture that
    // could not be saved and "cleared" are said as they appear (issue 26, F4).
    var errors = el("ul", { class: "group-errors", "aria-live": "polite" });
    var actions = el("p", { class: "notes-actions" });
    var toggle = el("button", { type: "button", class: "md-button", "aria-controls": uid + "-body" });
    var clearButton = el("button", { type: "button", class: "md-button notes-danger" }, t("group.clear"));
    actions.appendChild(toggle);
    actions.appendChild(clearButton);
    var hiddenNote = el("p", { class: "group-hidden" }, t("group.hidden"));
    var body = el("div", { id: uid + "-body", class: "group-body" });

    container.appendChild(controls);
    container.appendChild(status);
    container.appendChild(errors);
    container.appendChild(actions);
    container.appendChild(hiddenNote);
    container.appendChild(body);

    function current() {
      return picture.modules[slug] || (picture.modules[slug] = { hidden: false, participants: {} });
    }

    function store() {
      var result = G.save(picture);
      if (!result.ok) errors.appendChild(el("li", {}, t("group.not_saved")));
    }

    function draw() {
      var m = current();
      var s = G.summary(defs[slug], m.participants);
      clear(status);
      clear(body);
      if (!s.people) {
        status.appendChild(el("p", {}, t("group.none")));
      } else {
        status.appendChild(el("p", {}, t("group.summary", { n: s.people })));
        if (s.names.length) status.appendChild(el("p", {}, t("group.named", { names: s.names.join(", ") })));
        if (s.earlier) status.appendChild(el("p", { class: "group-earlier" }, t("group.earlier", { n: s.earlier })));
      }
      toggle.textContent = m.hidden ? t("group.show") : t("group.hide");
      toggle.setAttribute("aria-expanded", m.hidden ? "false" : "true");
      toggle.hidden = !s.people;
      clearButton.hidden = !s.people;
      hiddenNote.hidden = !(m.hidden && s.people);
      body.hidden = m.hidden || !s.people;
      if (!s.people) return;
      body.appendChild(el("p", { class: "group-order" }, t("group.order")));
      s.statements.forEach(function (st, n) {
        var hid = uid + "-statement-" + n;
        var block = el("section", { class: "group-statement" + (st.widest ? " group-statement--widest" : ""), "aria-labelledby": hid, "data-statement-id": st.id });
        block.appendChild(el("h2", { id: hid, class: "group-statement__text" }, st.text));
        if (st.widest) block.appendChild(el("p", { class: "group-statement__mark" }, t("group.widest")));
        var data = el("div", { class: "group-statement__data" });
        data.appendChild(chart(st));
        data.appendChild(table(st));
        block.appendChild(data);
        body.appendChild(block);
      });
      var answers = el("section", { class: "group-answers", "aria-labelledby": uid + "-answers" });
      answers.appendChild(el("h2", { id: uid + "-answers" }, t("group.answers_heading")));
      if (!s.answers.length) answers.appendChild(el("p", {}, t("group.no_answers")));
      s.answers.forEach(function (q) {
        answers.appendChild(el("h3", { class: "group-answers__question" }, q.asked));
        var list = el("ul", { class: "group-answers__list" });
        q.texts.forEach(function (text) {
          list.appendChild(el("li", { class: "notes-preview__text" }, text));
        });
        answers.appendChild(list);
      });
      body.appendChild(answers);
    }

    function addFiles(files) {
      clear(errors);
      files = Array.prototype.slice.call(files || []);
      if (!files.length) return Promise.resolve();
      var reading = el("p", {}, t("group.reading"));
      status.appendChild(reading);
      var m = current();
      var problems = [];
      var added = 0;
      // One after another, so a hundred files never hold a hundred texts at once.
      var chain = Promise.resolve();
      files.forEach(function (file) {
        chain = chain.then(function () {
          return G.readFile(file, defs, slug).then(function (result) {
            var name = String((file && file.name) || "");
            if (!result.ok) {
              problems.push(t("group.error." + result.reason, { file: name, module: result.module || "" }));
              return;
            }
            var before = m.participants[result.file.participant];
            if (before) {
              problems.push(t("group.duplicate", { file: name }));
              if (before.saved >= result.file.saved) return;
            } else {
              added += 1;
            }
            m.participants[result.file.participant] = result.file;
          });
        });
      });
      return chain
        .catch(function () {
          problems.push(t("group.error.unreadable", { file: "" }));
        })
        .then(function () {
          store();
          draw();
          if (added) status.appendChild(el("p", {}, t("group.added", { n: added })));
          problems.slice(0, MAX_ERRORS_SHOWN).forEach(function (text) {
            errors.appendChild(el("li", { class: "notes-message--error" }, text));
          });
          if (problems.length > MAX_ERRORS_SHOWN) errors.appendChild(el("li", {}, t("group.error.more", { count: problems.length - MAX_ERRORS_SHOWN })));
        });
    }

    input.addEventListener("change", function () {
      addFiles(input.files).then(function () {
        input.value = "";
      });
    });
    container.addEventListener("dragover", function (event) {
      event.preventDefault();
      drop.classList.add("group-drop--over");
    });
    container.addEventListener("dragleave", function () {
      drop.classList.remove("group-drop--over");
    });
    container.addEventListener("drop", function (event) {
      event.preventDefault();
      drop.classList.remove("group-drop--over");
      addFiles(event.dataTransfer && event.dataTransfer.files);
    });
    select.addEventListener("change", function () {
      slug = select.value;
      clear(errors);
      draw();
    });
    toggle.addEventListener("click", function () {
      current().hidden = !current().hidden;
      store();
      draw();
      toggle.focus();
    });
    clearButton.addEventListener("click", function () {
      delete picture.modules[slug];
      store();
      draw();
      clear(errors);
      errors.appendChild(el("li", {}, t("group.cleared")));
      input.focus();
    });
    draw();
    return { addFiles: addFiles };
  }

  window.CourseGroupPicture = { mount: mount };
  var place = document.querySelector("[data-group-picture]");
  // Meeting mode links here with the module after "#".
  // Once the notes' copy has put back what a platform cleared.
  if (place) {
    var ready = window.CourseNotes && window.CourseNotes.ready ? window.CourseNotes.ready() : Promise.resolve();
    ready.then(function () {
      mount(place, decodeURIComponent(window.location.hash.slice(1)));
    });
  }
})();
