/*
 * "Gruppens resa" (docs/gruppens-resa.md): the group's agreements gathered in
 * course order, with who does it, by when and how it stands; the occasions of
 * "Var står vi?" (the group picture kept with a name and a date: counts and
 * shared answers, never a name or a participant's id); and the handover file
 * that carries both to another facilitator.
 *
 * Where things live:
 * - the agreements' texts: the notes store (CourseNotes, "agreed", written by
 *   the scribe in meeting mode or under each step);
 * - who, when and status, and the occasions: the facilitator's group store
 *   (group-file.js, beside the notes: CourseNotes.storeKey("group-picture:v2"),
 *   keys `followup` and `occasions`), drawn once the notes' copy has put back
 *   what a platform's clean-up of localStorage removed (CourseNotes.ready()).
 *
 * Loaded on demand: group-compare.js once two occasions are kept (the
 * comparison), group-handover.js when the facilitator saves or reads a
 * handover file (its format and checks). What anyone wrote is only ever set as text.
 */
(function () {
  "use strict";
  var course = window.Course;
  var G = window.CourseGroupFile;
  var notes = window.CourseNotes;
  if (!course || !G || !notes) return;
  var t = course.t;
  var el = course.el;
  var STATUSES = ["agreed", "under_way", "done", "dropped"];
  var DAY = /^\d{4}-\d{2}-\d{2}$/;

  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }
  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }
  function isDay(value) {
    if (typeof value !== "string" || !DAY.test(value)) return false;
    var d = new Date(value + "T00:00:00Z");
    return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function today() {
    var d = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  function newId() {
    var bytes = new Uint8Array(8);
    window.crypto.getRandomValues(bytes);
    return "o-" + Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(36)).slice(-2);
    }).join("");
  }
  function readJson(id) {
    var node = document.getElementById(id);
    try {
      return node ? JSON.parse(node.textContent) : null;
    } catch (e) {
      return null;
    }
  }
  function dayText(day) {
    if (!isDay(day)) return "";
    try {
      return new Date(day + "T12:00:00").toLocaleDateString(course.config.lang === "en" ? "en-GB" : course.config.lang, { day: "numeric", month: "long", year: "numeric" });
    } catch (e) {
      return day;
    }
  }

  // The kept occasions (checked in full when they came in: group-handover.js).
  function occasions(picture) {
    return (picture.occasions || []).filter(function (o) {
      return isObject(o) && typeof o.id === "string" && typeof o.name === "string" && isDay(o.date) && isObject(o.modules);
    });
  }

  // An occasion from the picture as it is now: counts and shared answers, no one's id or name.
  function occasionOf(picture, defs, name, date) {
    var modules = {};
    Object.keys(picture.modules).forEach(function (slug) {
      var m = picture.modules[slug];
      if (!has(defs, slug) || !Object.keys(m.participants).length) return;
      var s = G.summary(defs[slug], m.participants);
      var counts = {};
      s.statements.forEach(function (st) {
        counts[st.id] = G.SCALE.map(function (v) {
          return st.counts[v];
        });
      });
      var answers = {};
      s.answers.forEach(function (q) {
        answers[q.id] = { asked: q.asked, texts: q.texts.slice() };
      });
      modules[slug] = { version: defs[slug].version, people: s.people, counts: counts, answers: answers };
    });
    return { id: newId(), name: name, date: date, saved: new Date().toISOString(), modules: modules };
  }

  // The page

  function mount(container) {
    var steps = readJson("journey-data") || [];
    var defs = G.definitions();
    var uid = "journey";
    var said = el("p", { class: "journey-status", role: "status" });

    function say(text) {
      said.textContent = "";
      window.setTimeout(function () {
        said.textContent = text;
      }, 50);
    }

    // 1. The agreements
    var agreed = el("section", { class: "journey-agreements", "aria-labelledby": uid + "-agreed" });
    agreed.appendChild(el("h2", { id: uid + "-agreed" }, t("journey.agreed.heading")));
    var agreedList = el("div", {});
    agreed.appendChild(agreedList);

    function stepOf(id) {
      for (var i = 0; i < steps.length; i++) if (steps[i].id === id) return steps[i];
      return null;
    }

    function drawAgreements() {
      clear(agreedList);
      var snapshot = notes.read();
      var picture = G.load();
      var ids = steps
        .map(function (s) {
          return s.id;
        })
        .filter(function (id) {
          return has(snapshot.agreed, id);
        });
      Object.keys(snapshot.agreed).sort().forEach(function (id) {
        if (!stepOf(id)) ids.push(id);
      });
      if (!ids.length) {
        agreedList.appendChild(el("p", {}, t("journey.agreed.none")));
        return;
      }
      var list = el("ol", { class: "journey-list" });
      ids.forEach(function (id, n) {
        var step = stepOf(id);
        var entry = snapshot.agreed[id];
        var f = isObject(picture.followup[id]) ? picture.followup[id] : {};
        var item = el("li", { class: "journey-agreement", "data-step-id": id });
        var hid = uid + "-a" + n;
        // Each field's name: its label and the step's title (aria-labelledby).
        var heading = el("h3", { id: hid, class: "journey-agreement__step" });
        if (step) heading.appendChild(document.createTextNode(step.module + ": "));
        heading.appendChild(el("span", { id: hid + "-step" }, step ? step.title : entry.asked || id));
        item.appendChild(heading);
        item.appendChild(el("p", { class: "journey-agreement__text notes-preview__text" }, entry.text));
        var fields = el("div", { class: "journey-agreement__fields" });
        var who = el("input", { type: "text", id: hid + "-who", maxlength: "200", autocomplete: "off", "data-field": "who" });
        who.value = typeof f.who === "string" ? f.who : "";
        var due = el("input", { type: "date", id: hid + "-due", "data-field": "due" });
        due.value = isDay(f.due) ? f.due : "";
        var status = el("select", { id: hid + "-status", "data-field": "status" });
        STATUSES.forEach(function (s) {
          var option = el("option", { value: s }, t("journey.status." + s));
          if ((f.status || "agreed") === s) option.selected = true;
          status.appendChild(option);
        });
        // What prints in place of the fields (course.css): who, by when and status as text.
        var printed = el("p", { class: "journey-agreement__print" });
        function drawPrinted() {
          clear(printed);
          [[who.value.trim(), "journey.agreed.who"], [dayText(due.value), "journey.agreed.due"], [t("journey.status." + status.value), "journey.agreed.status"]].forEach(function (pair) {
            if (pair[0]) printed.appendChild(el("span", { class: "journey-agreement__printed" }, t(pair[1]) + ": " + pair[0]));
          });
        }
        [[who, "journey.agreed.who"], [due, "journey.agreed.due"], [status, "journey.agreed.status"]].forEach(function (pair) {
          var line = el("p", { class: "journey-field" });
          line.appendChild(el("label", { for: pair[0].id, id: pair[0].id + "-label", class: "notes-field__label" }, t(pair[1])));
          pair[0].setAttribute("aria-labelledby", pair[0].id + "-label " + hid + "-step");
          line.appendChild(pair[0]);
          fields.appendChild(line);
          pair[0].addEventListener("change", function () {
            var result = G.change(function (p) {
              p.followup[id] = { who: who.value.slice(0, 200), due: isDay(due.value) ? due.value : "", status: status.value, updated: new Date().toISOString() };
            });
            drawPrinted();
            say(t(result.ok ? "journey.saved" : "group.not_saved"));
          });
        });
        drawPrinted();
        item.appendChild(fields);
        item.appendChild(printed);
        if (step) {
          var more = el("p", { class: "journey-agreement__link" });
          more.appendChild(el("a", { href: step.href }, t("journey.agreed.open", { step: step.title })));
          item.appendChild(more);
        }
        list.appendChild(item);
      });
      agreedList.appendChild(list);
    }

    // 2. The occasions
    var occ = el("section", { class: "journey-occasions", "aria-labelledby": uid + "-occasions" });
    occ.appendChild(el("h2", { id: uid + "-occasions" }, t("journey.occasions.heading")));
    occ.appendChild(el("p", {}, t("journey.occasions.intro")));
    var keep = el("div", { class: "journey-keep" });
    var nameLine = el("p", { class: "journey-field" });
    nameLine.appendChild(el("label", { for: uid + "-name", class: "notes-field__label" }, t("journey.occasions.name")));
    var nameInput = el("input", { type: "text", id: uid + "-name", maxlength: "200", autocomplete: "off" });
    nameLine.appendChild(nameInput);
    var dateLine = el("p", { class: "journey-field" });
    dateLine.appendChild(el("label", { for: uid + "-date", class: "notes-field__label" }, t("journey.occasions.date")));
    var dateInput = el("input", { type: "date", id: uid + "-date" });
    dateInput.value = today();
    dateLine.appendChild(dateInput);
    var keepButton = el("button", { type: "button", class: "md-button" }, t("journey.occasions.keep"));
    keep.appendChild(nameLine);
    keep.appendChild(dateLine);
    keep.appendChild(el("p", { class: "notes-actions" })).appendChild(keepButton);
    occ.appendChild(keep);
    var occList = el("div", {});
    occ.appendChild(occList);
    var compare = el("div", { class: "journey-compare" });
    occ.appendChild(compare);

    nameInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") keepButton.click();
    });
    keepButton.addEventListener("click", function () {
      var name = nameInput.value.trim().slice(0, 200);
      if (!name) {
        say(t("journey.occasions.need_name"));
        nameInput.focus();
        return;
      }
      var o = occasionOf(G.load(), defs, name, isDay(dateInput.value) ? dateInput.value : today());
      if (!Object.keys(o.modules).length) {
        say(t("journey.occasions.empty"));
        return;
      }
      var result = G.change(function (p) {
        p.occasions = occasions(p).concat([o]);
      });
      nameInput.value = "";
      drawOccasions();
      say(t(result.ok ? "journey.occasions.kept" : "group.not_saved", { name: name }));
    });

    var comparing = null;
    function drawCompare(list) {
      clear(compare);
      if (list.length < 2) {
        compare.appendChild(el("p", {}, t("journey.compare.need_two")));
        return;
      }
      course.loadScript("group-journey/group-compare.js").then(function () {
        if (!comparing) {
          comparing = window.CourseGroupCompare.mount(compare, defs, function () {
            return occasions(G.load());
          });
        }
        comparing.draw(occasions(G.load()));
      });
    }

    function drawOccasions() {
      clear(occList);
      var list = occasions(G.load());
      if (!list.length) {
        occList.appendChild(el("p", {}, t("journey.occasions.none")));
        clear(compare);
        return;
      }
      var ul = el("ul", { class: "journey-occasion-list" });
      list.forEach(function (o, n) {
        var li = el("li", { class: "journey-occasion", "data-occasion-id": o.id });
        li.appendChild(el("p", { class: "journey-occasion__name" }, t("journey.occasions.item", { name: o.name, date: dayText(o.date) })));
        var line = el("p", { class: "journey-field" });
        var rid = uid + "-rename-" + n;
        line.appendChild(el("label", { for: rid, class: "notes-field__label" }, t("journey.occasions.new_name", { name: o.name })));
        var input = el("input", { type: "text", id: rid, maxlength: "200", autocomplete: "off" });
        input.value = o.name;
        line.appendChild(input);
        var rename = el("button", { type: "button", class: "md-button" }, t("journey.occasions.rename", { name: o.name }));
        var drop = el("button", { type: "button", class: "md-button notes-danger" }, t("journey.occasions.drop", { name: o.name }));
        li.appendChild(line);
        var buttons = el("p", { class: "notes-actions" });
        buttons.appendChild(rename);
        buttons.appendChild(drop);
        li.appendChild(buttons);
        rename.addEventListener("click", function () {
          var name = input.value.trim().slice(0, 200);
          if (!name) return say(t("journey.occasions.need_name"));
          G.change(function (p) {
            p.occasions = occasions(p).map(function (x) {
              if (x.id === o.id) x.name = name;
              return x;
            });
          });
          drawOccasions();
          say(t("journey.occasions.renamed", { name: name }));
          var again = document.getElementById(rid);
          if (again) again.focus();
        });
        drop.addEventListener("click", function () {
          G.change(function (p) {
            p.occasions = occasions(p).filter(function (x) {
              return x.id !== o.id;
            });
          });
          drawOccasions();
          say(t("journey.occasions.dropped", { name: o.name }));
          // Focus to the occasion now in its place, the one before, or the name field.
          var next = document.getElementById(uid + "-rename-" + n) || document.getElementById(uid + "-rename-" + (n - 1));
          (next || nameInput).focus();
        });
        ul.appendChild(li);
      });
      occList.appendChild(ul);
      drawCompare(list);
    }

    // 3. The handover file
    var hand = el("section", { class: "journey-handover", "aria-labelledby": uid + "-handover" });
    hand.appendChild(el("h2", { id: uid + "-handover" }, t("journey.handover.heading")));
    hand.appendChild(el("p", {}, t("journey.handover.intro")));
    var saveButton = el("button", { type: "button", class: "md-button" }, t("journey.handover.save"));
    hand.appendChild(el("p", { class: "notes-actions" })).appendChild(saveButton);
    var fileLine = el("p", { class: "journey-field" });
    fileLine.appendChild(el("label", { for: uid + "-file", class: "notes-field__label" }, t("journey.handover.choose")));
    var fileInput = el("input", { type: "file", id: uid + "-file", accept: ".json,application/json", class: "notes-file" });
    fileLine.appendChild(fileInput);
    hand.appendChild(fileLine);
    var message = el("p", { class: "journey-message", "aria-live": "polite" });
    hand.appendChild(message);

    function handoverTools() {
      return course.loadScript("group-journey/group-handover.js").then(function () {
        return window.CourseGroupHandover;
      });
    }

    saveButton.addEventListener("click", function () {
      handoverTools().then(function (H) {
        save(H);
      });
    });
    function save(H) {
      var file = H.handover();
      course.download(new Blob([JSON.stringify(file)], { type: "application/json" }), t("journey.handover.file") + "-" + today() + ".json");
      say(t("journey.handover.saved", { agreements: Object.keys(file.agreements).length, occasions: file.occasions.length }));
    }
    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) return;
      var name = String(file.name || "");
      message.textContent = "";
      handoverTools().then(function (H) {
        return H.readFile(file);
      }).then(function (result) {
        fileInput.value = "";
        if (!result.ok) {
          message.className = "journey-message notes-message--error";
          message.textContent = t("journey.handover.error." + result.reason, { file: name });
          return;
        }
        var done = window.CourseGroupHandover.take(result.data);
        drawAgreements();
        drawOccasions();
        message.className = "journey-message";
        message.textContent = done.ok
          ? t("journey.handover.taken", { agreements: Object.keys(result.data.agreements).length, occasions: result.data.occasions.length })
          : t("group.not_saved");
      }).catch(function () {
        fileInput.value = "";
        message.className = "journey-message notes-message--error";
        message.textContent = t("journey.handover.error.unreadable", { file: name });
      });
    });

    container.appendChild(agreed);
    container.appendChild(occ);
    container.appendChild(hand);
    container.appendChild(said);
    drawAgreements();
    drawOccasions();
  }

  // Once the notes' copy has put back what a platform cleared.
  var place = document.querySelector("[data-group-journey]");
  if (place) notes.ready().then(function () {
    mount(place);
  });
})();
