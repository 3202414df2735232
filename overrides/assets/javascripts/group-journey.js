/*
 * "Gruppens resa" (docs/gruppens-resa.md): the group's agreements gathered in
 * course order, with who does it, by when and how it stands; the occasions of
 * "Var står vi?" (the group picture kept with a name and a date), two of them
 * side by side with words saying what moved; and the handover file that
 * carries both to another facilitator.
 *
 * Where things live:
 * - the agreements' texts: the notes store (CourseNotes, "agreed", written by
 *   the scribe in meeting mode or under each step);
 * - who, when and status, and the occasions: the facilitator's group store
 *   (group-file.js, "<courseId>:group-picture:v2", keys `followup` and `occasions`).
 *
 * An occasion keeps counts and shared answers only, never a participant's id
 * or name: {id: "o-…", name, date: "YYYY-MM-DD", saved, modules: {[slug]:
 * {version, people, counts: {[statementId]: [n of 1, 2, 3, 4, 5, 0]},
 * answers: {[questionId]: {asked, texts: [sorted]}}}}}.
 *
 * The handover file: {format: "course-handover", version: 1, courseId, exported,
 * agreements: {[stepId]: {text, asked?, updated, who?, due?, status?}},
 * occasions: [occasion]}. Read with parse(): refused, with the reason and
 * nothing changed, when it is not JSON, too large, of another format, course
 * or version, or not of this shape.
 *
 * What anyone wrote is only ever set as text. window.CourseGroupJourney:
 *   parse(text) -> {ok, data} or {ok: false, reason}; never throws
 *   handover() -> the file's object; take(data) -> merge it in;
 *   moved(countsBefore, countsNow) -> the sentences that say what moved
 */
(function () {
  "use strict";
  var course = window.Course;
  var G = window.CourseGroupFile;
  var notes = window.CourseNotes;
  if (!course || !G || !notes) return;
  var t = course.t;
  var el = course.el;
  var FORMAT = "course-handover";
  var VERSION = 1;
  var MAX_BYTES = 4 * 1024 * 1024;
  var MAX_TEXT = 100000;
  var MAX_ASKED = 2000;
  var MAX_ITEMS = 1000;
  var STATUSES = ["agreed", "under_way", "done", "dropped"];
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var OCCASION = /^o-[a-z0-9]{8,40}$/;
  var DAY = /^\d{4}-\d{2}-\d{2}$/;
  var TOP = { format: 1, version: 1, courseId: 1, exported: 1, agreements: 1, occasions: 1 };
  var AGREEMENT = { text: 1, asked: 1, updated: 1, who: 1, due: 1, status: 1 };

  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }
  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }
  function isWhole(value, most) {
    return typeof value === "number" && isFinite(value) && value % 1 === 0 && value >= 0 && value <= most;
  }
  var TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
  function isTime(value) {
    var m = typeof value === "string" && value.length <= 40 && TIME.exec(value);
    return !!m && isDay(m[1]) && !isNaN(Date.parse(value));
  }
  // A moment as the file writes it: what the store holds, made ISO if it is not.
  function asTime(value) {
    if (isTime(value)) return value;
    var ms = Date.parse(value);
    return new Date(isNaN(ms) ? Date.now() : ms).toISOString();
  }
  function isDay(value) {
    if (typeof value !== "string" || !DAY.test(value)) return false;
    var d = new Date(value + "T00:00:00Z");
    return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
  }
  function isText(value, most) {
    return typeof value === "string" && value.length <= most;
  }
  function onlyKeys(obj, allowed) {
    return Object.keys(obj).every(function (k) {
      return has(allowed, k);
    });
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
      return new Date(day + "T12:00:00").toLocaleDateString(course.config.lang, { day: "numeric", month: "long", year: "numeric" });
    } catch (e) {
      return day;
    }
  }

  // Checking what comes in: an occasion, and a whole handover file

  function checkOccasion(o) {
    if (!isObject(o) || !onlyKeys(o, { id: 1, name: 1, date: 1, saved: 1, modules: 1 })) return false;
    if (typeof o.id !== "string" || !OCCASION.test(o.id)) return false;
    if (!isText(o.name, 200) || o.name.trim() === "" || !isDay(o.date) || !isTime(o.saved)) return false;
    if (!isObject(o.modules) || Object.keys(o.modules).length > 100) return false;
    return Object.keys(o.modules).every(function (slug) {
      var m = o.modules[slug];
      if (slug.length > 200 || !ID.test(slug) || !isObject(m) || !onlyKeys(m, { version: 1, people: 1, counts: 1, answers: 1 })) return false;
      if (!isWhole(m.version, 1000) || m.version < 1 || !isWhole(m.people, 100000)) return false;
      if (!isObject(m.counts) || Object.keys(m.counts).length > 100 || !isObject(m.answers) || Object.keys(m.answers).length > 100) return false;
      var countsOk = Object.keys(m.counts).every(function (id) {
        var c = m.counts[id];
        return id.length <= 200 && ID.test(id) && Array.isArray(c) && c.length === 6 && c.every(function (n) {
          return isWhole(n, m.people);
        });
      });
      return countsOk && Object.keys(m.answers).every(function (id) {
        var a = m.answers[id];
        if (id.length > 200 || !ID.test(id) || !isObject(a) || !onlyKeys(a, { asked: 1, texts: 1 })) return false;
        return isText(a.asked, MAX_ASKED) && Array.isArray(a.texts) && a.texts.length <= 100000 && a.texts.every(function (text) {
          return isText(text, MAX_TEXT);
        });
      });
    });
  }

  function fail(reason) {
    return { ok: false, reason: reason };
  }

  function parse(text) {
    try {
      var read = course.parseJson(text, MAX_BYTES, FORMAT);
      if (!read.ok) return read;
      var raw = read.raw;
      if (!isWhole(raw.version, 1e6) || raw.version < 1 || raw.version > VERSION) return fail("version");
      if (raw.courseId !== notes.courseId) return fail("course");
      if (!onlyKeys(raw, TOP) || !isTime(raw.exported)) return fail("types");
      if (!isObject(raw.agreements) || Object.keys(raw.agreements).length > MAX_ITEMS) return fail("types");
      var agreements = {};
      var ids = Object.keys(raw.agreements);
      for (var i = 0; i < ids.length; i++) {
        var a = raw.agreements[ids[i]];
        if (ids[i].length > 200 || !ID.test(ids[i]) || !isObject(a) || !onlyKeys(a, AGREEMENT)) return fail("types");
        if (!isText(a.text, MAX_TEXT) || a.text === "" || !isTime(a.updated)) return fail("types");
        if (has(a, "asked") && !isText(a.asked, MAX_ASKED)) return fail("types");
        if (has(a, "who") && !isText(a.who, 200)) return fail("types");
        if (has(a, "due") && a.due !== "" && !isDay(a.due)) return fail("types");
        if (has(a, "status") && STATUSES.indexOf(a.status) === -1) return fail("types");
        agreements[ids[i]] = a;
      }
      if (!Array.isArray(raw.occasions) || raw.occasions.length > 100 || !raw.occasions.every(checkOccasion)) return fail("types");
      return { ok: true, data: { agreements: agreements, occasions: raw.occasions } };
    } catch (e) {
      return fail("types");
    }
  }

  function readFile(file) {
    return course.readText(file, MAX_BYTES).then(function (read) {
      return read.ok ? parse(read.text) : read;
    });
  }

  // The handover file: every agreement with its follow-up, and every occasion.
  function handover() {
    var snapshot = notes.read();
    var picture = G.load();
    var agreements = {};
    Object.keys(snapshot.agreed).forEach(function (id) {
      var entry = snapshot.agreed[id];
      var out = { text: entry.text, updated: asTime(entry.updated) };
      if (entry.asked) out.asked = entry.asked;
      var f = picture.followup[id];
      if (isObject(f)) {
        if (f.who) out.who = f.who;
        if (f.due) out.due = f.due;
        if (f.status) out.status = f.status;
      }
      agreements[id] = out;
    });
    return { format: FORMAT, version: VERSION, courseId: notes.courseId, exported: new Date().toISOString(), agreements: agreements, occasions: occasions(picture) };
  }

  // Bring a parsed handover file in, losing nothing: a different text for the same step
  // keeps both; the later follow-up wins; an occasion already here stays unless the file's is newer.
  function take(data) {
    var ids = Object.keys(data.agreements);
    var result = notes.write("handover", function (snapshot) {
      ids.forEach(function (id) {
        var a = data.agreements[id];
        var here = snapshot.agreed[id];
        var text = a.text;
        if (here && a.text.indexOf(here.text) === -1) text = here.text.indexOf(a.text) !== -1 ? here.text : here.text + "\n\n" + a.text;
        var entry = { text: text, updated: here && here.updated > a.updated ? here.updated : a.updated };
        var asked = (here && here.asked) || a.asked;
        if (asked) entry.asked = asked;
        snapshot.agreed[id] = entry;
      });
    });
    if (result && result.ok === false) return result;
    return G.change(function (picture) {
      ids.forEach(function (id) {
        var a = data.agreements[id];
        if (!has(a, "who") && !has(a, "due") && !has(a, "status")) return;
        var here = picture.followup[id];
        if (isObject(here) && here.updated && here.updated > a.updated) return;
        picture.followup[id] = { who: a.who || "", due: a.due || "", status: a.status || "agreed", updated: a.updated };
      });
      var list = occasions(picture);
      data.occasions.forEach(function (o) {
        var found = -1;
        list.forEach(function (mine, n) {
          if (mine.id === o.id) found = n;
        });
        if (found === -1) list.push(o);
        else if (o.saved > list[found].saved) list[found] = o;
      });
      picture.occasions = list;
    });
  }

  function occasions(picture) {
    return (picture.occasions || []).filter(checkOccasion);
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

  // What moved between two occasions' counts of one statement, in words.
  function moved(before, now) {
    var sum = function (c) {
      return c.reduce(function (a, b) {
        return a + b;
      }, 0);
    };
    var nb = sum(before);
    var nn = sum(now);
    if (!nb || !nn) return [t("journey.moved.missing")];
    var label = function (i) {
      return t("assessment.scale." + G.SCALE[i]);
    };
    var most = -1;
    var least = -1;
    var up = 0;
    var down = 0;
    before.forEach(function (c, i) {
      var d = now[i] / nn - c / nb;
      if (d > up + 1e-9) {
        up = d;
        most = i;
      }
      if (d < down - 1e-9) {
        down = d;
        least = i;
      }
    });
    var out = [];
    var percent = function (c, n) {
      return Math.round((100 * c) / n);
    };
    if (most !== -1) out.push(t("journey.moved.more", { answer: label(most), now: percent(now[most], nn), before: percent(before[most], nb) }));
    if (least !== -1) out.push(t("journey.moved.fewer", { answer: label(least), now: percent(now[least], nn), before: percent(before[least], nb) }));
    if (most === -1 && least === -1) out.push(t("journey.moved.same"));
    var asObject = function (c) {
      var o = {};
      G.SCALE.forEach(function (v, i) {
        o[v] = c[i];
      });
      return o;
    };
    var sb = G.spreadOf(asObject(before));
    var sn = G.spreadOf(asObject(now));
    if (sn < sb - 0.05) out.push(t("journey.moved.spread_less"));
    else if (sn > sb + 0.05) out.push(t("journey.moved.spread_more"));
    else if (most !== -1 || least !== -1) out.push(t("journey.moved.spread_same"));
    return out;
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
        item.appendChild(el("h3", { id: hid, class: "journey-agreement__step" }, step ? step.module + ": " + step.title : entry.asked || id));
        item.appendChild(el("p", { class: "journey-agreement__text notes-preview__text" }, entry.text));
        var fields = el("div", { class: "journey-agreement__fields", role: "group", "aria-labelledby": hid });
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
        [[who, "journey.agreed.who"], [due, "journey.agreed.due"], [status, "journey.agreed.status"]].forEach(function (pair) {
          var line = el("p", { class: "journey-field" });
          line.appendChild(el("label", { for: pair[0].id, class: "notes-field__label" }, t(pair[1])));
          line.appendChild(pair[0]);
          fields.appendChild(line);
          pair[0].addEventListener("change", function () {
            var result = G.change(function (p) {
              p.followup[id] = { who: who.value.slice(0, 200), due: isDay(due.value) ? due.value : "", status: status.value, updated: new Date().toISOString() };
            });
            say(t(result.ok ? "journey.saved" : "group.not_saved"));
          });
        });
        item.appendChild(fields);
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
    var keep = el("form", { class: "journey-keep" });
    var nameLine = el("p", { class: "journey-field" });
    nameLine.appendChild(el("label", { for: uid + "-name", class: "notes-field__label" }, t("journey.occasions.name")));
    var nameInput = el("input", { type: "text", id: uid + "-name", maxlength: "200", autocomplete: "off" });
    nameLine.appendChild(nameInput);
    var dateLine = el("p", { class: "journey-field" });
    dateLine.appendChild(el("label", { for: uid + "-date", class: "notes-field__label" }, t("journey.occasions.date")));
    var dateInput = el("input", { type: "date", id: uid + "-date" });
    dateInput.value = today();
    dateLine.appendChild(dateInput);
    var keepButton = el("button", { type: "submit", class: "md-button" }, t("journey.occasions.keep"));
    keep.appendChild(nameLine);
    keep.appendChild(dateLine);
    keep.appendChild(el("p", {})).appendChild(keepButton);
    occ.appendChild(keep);
    var occList = el("div", {});
    occ.appendChild(occList);
    var compare = el("div", { class: "journey-compare" });
    occ.appendChild(compare);

    keep.addEventListener("submit", function (event) {
      event.preventDefault();
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

    var choice = { before: null, now: null, module: null };

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
        var rename = el("button", { type: "button", class: "md-button" }, t("journey.occasions.rename"));
        var drop = el("button", { type: "button", class: "md-button notes-danger" }, t("journey.occasions.drop", { name: o.name }));
        line.appendChild(rename);
        line.appendChild(drop);
        li.appendChild(line);
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
          nameInput.focus();
        });
        ul.appendChild(li);
      });
      occList.appendChild(ul);
      drawCompare(list);
    }

    function picker(id, label, list, selected) {
      var line = el("p", { class: "journey-field" });
      line.appendChild(el("label", { for: id, class: "notes-field__label" }, label));
      var select = el("select", { id: id });
      list.forEach(function (item) {
        var option = el("option", { value: item.value }, item.text);
        if (item.value === selected) option.selected = true;
        select.appendChild(option);
      });
      line.appendChild(select);
      return { line: line, select: select };
    }

    function drawCompare(list) {
      clear(compare);
      if (list.length < 2) {
        compare.appendChild(el("p", {}, t("journey.compare.need_two")));
        return;
      }
      var ids = list.map(function (o) {
        return o.id;
      });
      if (ids.indexOf(choice.before) === -1) choice.before = ids[ids.length - 2];
      if (ids.indexOf(choice.now) === -1) choice.now = ids[ids.length - 1];
      var byId = {};
      list.forEach(function (o) {
        byId[o.id] = o;
      });
      var A = byId[choice.before];
      var B = byId[choice.now];
      var slugs = Object.keys(defs).filter(function (slug) {
        return has(A.modules, slug) && has(B.modules, slug);
      });
      var items = list.map(function (o) {
        return { value: o.id, text: t("journey.occasions.item", { name: o.name, date: dayText(o.date) }) };
      });
      compare.appendChild(el("h3", { id: uid + "-compare" }, t("journey.compare.heading")));
      var form = el("div", { class: "journey-compare__controls", role: "group", "aria-labelledby": uid + "-compare" });
      var a = picker(uid + "-before", t("journey.compare.before"), items, choice.before);
      var b = picker(uid + "-now", t("journey.compare.now"), items, choice.now);
      form.appendChild(a.line);
      form.appendChild(b.line);
      if (slugs.indexOf(choice.module) === -1) choice.module = slugs[0] || null;
      var m = picker(uid + "-module", t("group.module"), slugs.map(function (slug) {
        return { value: slug, text: defs[slug].label };
      }), choice.module);
      if (slugs.length) form.appendChild(m.line);
      compare.appendChild(form);
      [[a.select, "before"], [b.select, "now"], [m.select, "module"]].forEach(function (pair) {
        pair[0].addEventListener("change", function () {
          choice[pair[1]] = pair[0].value;
          drawCompare(occasions(G.load()));
          var again = document.getElementById(pair[0].id);
          if (again) again.focus();
        });
      });
      if (!slugs.length) {
        compare.appendChild(el("p", {}, t("journey.compare.no_module")));
        return;
      }
      var ma = A.modules[choice.module];
      var mb = B.modules[choice.module];
      if (ma.version !== mb.version) compare.appendChild(el("p", { class: "group-earlier" }, t("journey.compare.versions")));
      defs[choice.module].statements.forEach(function (s, n) {
        if (!has(ma.counts, s.id) || !has(mb.counts, s.id)) return;
        var hid = uid + "-st-" + n;
        var block = el("section", { class: "journey-statement", "aria-labelledby": hid, "data-statement-id": s.id });
        block.appendChild(el("h4", { id: hid }, s.text));
        var words = el("ul", { class: "journey-moved" });
        moved(ma.counts[s.id], mb.counts[s.id]).forEach(function (text) {
          words.appendChild(el("li", {}, text));
        });
        block.appendChild(words);
        var tbl = el("table", { class: "group-table journey-table" });
        tbl.appendChild(el("caption", {}, t("journey.compare.caption")));
        var head = el("tr");
        head.appendChild(el("th", { scope: "col" }, t("group.answer")));
        head.appendChild(el("th", { scope: "col" }, A.name));
        head.appendChild(el("th", { scope: "col" }, B.name));
        tbl.appendChild(el("thead")).appendChild(head);
        var body = el("tbody");
        G.SCALE.forEach(function (v, i) {
          var row = el("tr");
          row.appendChild(el("th", { scope: "row" }, t("assessment.scale." + v)));
          row.appendChild(el("td", {}, String(ma.counts[s.id][i])));
          row.appendChild(el("td", {}, String(mb.counts[s.id][i])));
          body.appendChild(row);
        });
        var people = el("tr");
        people.appendChild(el("th", { scope: "row" }, t("journey.compare.people")));
        people.appendChild(el("td", {}, String(ma.people)));
        people.appendChild(el("td", {}, String(mb.people)));
        tbl.appendChild(body);
        tbl.appendChild(el("tfoot")).appendChild(people);
        block.appendChild(tbl);
        compare.appendChild(block);
      });
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

    saveButton.addEventListener("click", function () {
      var file = handover();
      course.download(new Blob([JSON.stringify(file)], { type: "application/json" }), t("journey.handover.file") + "-" + today() + ".json");
      say(t("journey.handover.saved", { agreements: Object.keys(file.agreements).length, occasions: file.occasions.length }));
    });
    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) return;
      var name = String(file.name || "");
      message.textContent = "";
      readFile(file).then(function (result) {
        fileInput.value = "";
        if (!result.ok) {
          message.className = "journey-message notes-message--error";
          message.textContent = t("journey.handover.error." + result.reason, { file: name });
          return;
        }
        var done = take(result.data);
        drawAgreements();
        drawOccasions();
        message.className = "journey-message";
        message.textContent = done.ok
          ? t("journey.handover.taken", { agreements: Object.keys(result.data.agreements).length, occasions: result.data.occasions.length })
          : t("group.not_saved");
      });
    });

    container.appendChild(agreed);
    container.appendChild(occ);
    container.appendChild(hand);
    container.appendChild(said);
    drawAgreements();
    drawOccasions();
  }

  window.CourseGroupJourney = { parse: parse, handover: handover, take: take, moved: moved, FORMAT: FORMAT, VERSION: VERSION };
  var place = document.querySelector("[data-group-journey]");
  if (place) mount(place);
})();
