/*
 * Group files of "Var står vi?" and the facilitator's group picture: the
 * logic without the page. Loaded by self-assessment.js (to write a file),
 * group-picture.js (to read and merge files) and notes-page.js (to put the
 * picture into the exports).
 *
 * A group file (what "Spara för gruppen" writes; no name unless typed):
 *   {format: "course-group-file", version: 1, courseId, module, assessmentVersion,
 *    statements: [ids of that version], participant: "p-…", name?, saved,
 *    ratings: {[statementId]: 1-5 | 0}, answers: {[questionId]: {asked, text}}}
 *
 * The picture, kept beside the notes under CourseNotes.storeKey("group-picture:v2")
 * ("<courseId>:notes:group-picture:v2", in a platform with the learner's key), apart from them:
 *   {version: 2, courseId, modules: {[slug]: {hidden, participants: {[participant]: file}}},
 *    occasions: [occasion], followup: {[stepId]: {who, due, status, updated}}}
 * (occasions and followup: see group-journey.js). Version 1 had neither; its key
 * "<courseId>:group-picture:v1" is read, migrated, and removed once version 2 is written;
 * so is version 2 under its earlier key "<courseId>:group-picture:v2", outside the notes' copy.
 *
 * window.CourseGroupFile:
 *   build(definition, snapshot, slug, questionIds, name, participant) -> the file object
 *   parse(text, definitions, slug) -> {ok, file, earlier} or {ok: false, reason, module?}; never throws
 *   readFile(file, definitions, slug) -> Promise of the same; never rejects
 *   summary(definition, participants) -> {statements: [{id, text, counts, n, spread, widest}], answers, earlier}
 *   definitions() -> {[slug]: {number, title, version, statements: [{id, text}]}} from the page
 *   load(), save(picture) -> {ok} (the modules), change(fn) -> {ok} (fn changes the stored picture);
 *   spreadOf(counts); exportBlocks(t) -> outline blocks for the notes exports
 */
(function () {
  "use strict";
  var course = window.Course;
  var FORMAT = "course-group-file";
  var VERSION = 1;
  var SCALE = [1, 2, 3, 4, 5, 0];
  var MAX_BYTES = 1024 * 1024; // a file of 8 ratings and a few answers is about 2 kB
  var MAX_TEXT = 20000;
  var MAX_ASKED = 2000;
  var MAX_ITEMS = 100;
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var PARTICIPANT = /^p-[a-z0-9]{8,40}$/;
  var KEYS = { format: 1, version: 1, courseId: 1, module: 1, assessmentVersion: 1, statements: 1, participant: 1, name: 1, saved: 1, ratings: 1, answers: 1 };
  var courseId = String(course.config.courseId || "course");
  // Version 2 adds the occasions and the agreements' follow-up (group-journey.js).
  var PICTURE_VERSION = 2;
  var PICTURE_MIGRATIONS = {
    1: function (old) {
      return { version: 2, courseId: old.courseId, modules: old.modules, occasions: [], followup: {} };
    },
  };
  // Beside the notes: the learner's key, and their copy in IndexedDB. LEGACY: read, removed once written.
  var notes = window.CourseNotes;
  var STORE_KEY = notes && notes.storeKey ? notes.storeKey("group-picture:v" + PICTURE_VERSION) : courseId + ":group-picture:v" + PICTURE_VERSION;
  var LEGACY = courseId + ":group-picture:v";

  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }
  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }
  function isWhole(value) {
    return typeof value === "number" && isFinite(value) && value % 1 === 0;
  }
  function fail(reason, extra) {
    var out = { ok: false, reason: reason };
    if (extra) out.module = extra;
    return out;
  }

  // Writing

  function build(definition, snapshot, slug, questionIds, name, participant) {
    var ratings = {};
    definition.statements.forEach(function (s) {
      if (snapshot.ratings[s.id]) ratings[s.id] = snapshot.ratings[s.id].value;
    });
    var answers = {};
    questionIds.forEach(function (id) {
      var entry = snapshot.answers[id];
      if (snapshot.shared[id] && entry && entry.text.trim() !== "") answers[id] = { asked: entry.asked || "", text: entry.text };
    });
    var file = {
      format: FORMAT,
      version: VERSION,
      courseId: courseId,
      module: slug,
      assessmentVersion: definition.version,
      statements: definition.statements.map(function (s) {
        return s.id;
      }),
      participant: participant,
      saved: new Date().toISOString(),
      ratings: ratings,
      answers: answers,
    };
    name = String(name || "").trim().slice(0, 100);
    if (name) file.name = name;
    return file;
  }

  // Reading

  function parse(text, definitions, slug) {
    try {
      var read = course.parseJson(text, MAX_BYTES, FORMAT);
      if (!read.ok) return read;
      var raw = read.raw;
      if (!isWhole(raw.version) || raw.version < 1 || raw.version > VERSION) return fail("version");
      if (raw.courseId !== courseId) return fail("course");
      var keys = Object.keys(raw);
      for (var i = 0; i < keys.length; i++) if (!has(KEYS, keys[i])) return fail("types");
      if (typeof raw.module !== "string" || raw.module.length > 200 || !ID.test(raw.module)) return fail("types");
      if (raw.module !== slug) {
        var other = has(definitions, raw.module) ? definitions[raw.module] : null;
        return other ? fail("module", other.label) : fail("module", raw.module);
      }
      var definition = definitions[slug];
      if (!isWhole(raw.assessmentVersion) || raw.assessmentVersion < 1 || raw.assessmentVersion > definition.version) return fail("version");
      if (!Array.isArray(raw.statements) || raw.statements.length > MAX_ITEMS) return fail("types");
      var listed = {};
      for (i = 0; i < raw.statements.length; i++) {
        var sid = raw.statements[i];
        if (typeof sid !== "string" || sid.length > 200 || !ID.test(sid)) return fail("types");
        listed[sid] = true;
      }
      if (typeof raw.participant !== "string" || !PARTICIPANT.test(raw.participant)) return fail("types");
      if (has(raw, "name") && (typeof raw.name !== "string" || raw.name.length > 100)) return fail("types");
      if (typeof raw.saved !== "string" || raw.saved.length > 40 || isNaN(Date.parse(raw.saved))) return fail("types");
      if (!isObject(raw.ratings) || Object.keys(raw.ratings).length > MAX_ITEMS) return fail("types");
      var ratings = {};
      var ids = Object.keys(raw.ratings);
      for (i = 0; i < ids.length; i++) {
        var value = raw.ratings[ids[i]];
        if (!has(listed, ids[i]) || !isWhole(value) || value < 0 || value > 5) return fail("types");
        ratings[ids[i]] = value;
      }
      if (!isObject(raw.answers) || Object.keys(raw.answers).length > MAX_ITEMS) return fail("types");
      var answers = {};
      ids = Object.keys(raw.answers);
      for (i = 0; i < ids.length; i++) {
        var entry = raw.answers[ids[i]];
        if (ids[i].length > 200 || !ID.test(ids[i]) || !isObject(entry) || Object.keys(entry).length !== 2) return fail("types");
        if (typeof entry.text !== "string" || entry.text.length > MAX_TEXT || typeof entry.asked !== "string" || entry.asked.length > MAX_ASKED) return fail("types");
        if (entry.text.trim() !== "") answers[ids[i]] = { asked: entry.asked, text: entry.text };
      }
      var file = {
        participant: raw.participant,
        name: has(raw, "name") ? raw.name.trim() : "",
        saved: raw.saved,
        assessmentVersion: raw.assessmentVersion,
        statements: raw.statements.slice(),
        ratings: ratings,
        answers: answers,
      };
      return { ok: true, file: file, earlier: raw.assessmentVersion < definition.version };
    } catch (e) {
      return fail("types");
    }
  }

  function readFile(file, definitions, slug) {
    return course.readText(file, MAX_BYTES).then(function (read) {
      return read.ok ? parse(read.text, definitions, slug) : read;
    });
  }

  // The picture

  // Spread: the standard deviation of the ratings 1-5 ("Vet inte" left out).
  function spreadOf(counts) {
    var n = 0;
    var sum = 0;
    [1, 2, 3, 4, 5].forEach(function (v) {
      n += counts[v];
      sum += v * counts[v];
    });
    if (n < 2) return 0;
    var mean = sum / n;
    var squares = 0;
    [1, 2, 3, 4, 5].forEach(function (v) {
      squares += counts[v] * (v - mean) * (v - mean);
    });
    return Math.sqrt(squares / n);
  }

  function byText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function summary(definition, participants) {
    var people = Object.keys(participants).map(function (id) {
      return participants[id];
    });
    var statements = definition.statements.map(function (s, index) {
      var counts = {};
      SCALE.forEach(function (v) {
        counts[v] = 0;
      });
      people.forEach(function (p) {
        if (has(p.ratings, s.id)) counts[p.ratings[s.id]] += 1;
      });
      var n = SCALE.reduce(function (sum, v) {
        return sum + counts[v];
      }, 0);
      return { id: s.id, text: s.text, counts: counts, n: n, spread: spreadOf(counts), index: index };
    });
    statements.sort(function (a, b) {
      return b.spread - a.spread || a.index - b.index;
    });
    var widest = statements.length ? statements[0].spread : 0;
    statements.forEach(function (s) {
      s.widest = widest > 0 && s.spread === widest;
    });
    // Shared answers by question, sorted by their text: the order says nothing about who wrote what.
    var questions = {};
    people.forEach(function (p) {
      Object.keys(p.answers).forEach(function (qid) {
        var q = questions[qid] || (questions[qid] = { id: qid, asked: null, texts: [] });
        var asked = p.answers[qid].asked || qid;
        if (q.asked === null || asked < q.asked) q.asked = asked;
        q.texts.push(p.answers[qid].text);
      });
    });
    var answers = Object.keys(questions)
      .sort(byText)
      .map(function (qid) {
        questions[qid].texts.sort(byText);
        return questions[qid];
      });
    var names = people
      .map(function (p) {
        return p.name;
      })
      .filter(Boolean)
      .sort(byText);
    var earlier = people.filter(function (p) {
      return p.assessmentVersion < definition.version;
    }).length;
    return { statements: statements, answers: answers, people: people.length, names: names, earlier: earlier };
  }

  // The module definitions the page carries: the group page's JSON, else the assessments on the page.
  function definitions() {
    var found = {};
    var data = document.getElementById("assessment-data");
    if (data) {
      try {
        found = JSON.parse(data.textContent);
      } catch (e) {
        found = {};
      }
    } else {
      document.querySelectorAll("section.assessment[data-assessment]").forEach(function (section) {
        var heading = section.querySelector(".assessment__heading");
        found[section.getAttribute("data-assessment")] = {
          title: heading ? heading.textContent.trim() : section.getAttribute("data-assessment"),
          version: Number(section.getAttribute("data-assessment-version")) || 1,
          statements: Array.prototype.map.call(section.querySelectorAll("fieldset[data-statement-id]"), function (set) {
            return { id: set.getAttribute("data-statement-id"), text: set.querySelector("legend").textContent.trim() };
          }),
        };
      });
    }
    Object.keys(found).forEach(function (slug) {
      var d = found[slug];
      d.label = d.number ? course.t("group.module_label", { number: d.number, title: d.title }) : d.title;
    });
    return found;
  }

  function emptyPicture() {
    return { version: PICTURE_VERSION, courseId: courseId, modules: {}, occasions: [], followup: {} };
  }

  // The stored picture, from an earlier version's key if need be (PICTURE_MIGRATIONS).
  function stored() {
    var text = window.localStorage.getItem(STORE_KEY);
    if (text !== null) return JSON.parse(text);
    for (var v = PICTURE_VERSION; v >= 1; v--) {
      var raw = JSON.parse(window.localStorage.getItem(LEGACY + v));
      if (isObject(raw) && raw.version === v) {
        for (var step = v; step < PICTURE_VERSION; step++) raw = PICTURE_MIGRATIONS[step](raw);
        return raw;
      }
    }
    return null;
  }

  function load() {
    try {
      var raw = stored();
      if (!isObject(raw) || raw.version !== PICTURE_VERSION || !isObject(raw.modules)) return emptyPicture();
      var picture = emptyPicture();
      Object.keys(raw.modules).forEach(function (slug) {
        var m = raw.modules[slug];
        if (!ID.test(slug) || !isObject(m) || !isObject(m.participants)) return;
        picture.modules[slug] = { hidden: m.hidden === true, participants: m.participants };
      });
      // Checked when they came in (group-journey.js); kept as stored.
      if (Array.isArray(raw.occasions)) picture.occasions = raw.occasions.filter(isObject);
      if (isObject(raw.followup)) picture.followup = raw.followup;
      return picture;
    } catch (e) {
      return emptyPicture();
    }
  }

  // Writes the picture's modules; the occasions and follow-up are re-read first, so that
  // another tab's are never written back stale (the journey page writes them with change()).
  function save(picture) {
    return change(function (current) {
      current.modules = picture.modules;
    });
  }

  // Re-read, apply `fn` to the stored picture, write it back: {ok}.
  function change(fn) {
    try {
      var current = load();
      fn(current);
      window.localStorage.setItem(STORE_KEY, JSON.stringify(current));
      for (var v = 1; v <= PICTURE_VERSION; v++) if (LEGACY + v !== STORE_KEY) window.localStorage.removeItem(LEGACY + v);
      if (notes && notes.keep) notes.keep();
      return { ok: true };
    } catch (e) {
      return { ok: false };
    }
  }

  // For the notes page's .docx, .odt and .md: per module, the counts and the shared answers.
  function exportBlocks(t) {
    var defs = definitions();
    var picture = load();
    var blocks = [];
    Object.keys(defs).forEach(function (slug) {
      var m = picture.modules[slug];
      if (!m || !Object.keys(m.participants).length) return;
      var s = summary(defs[slug], m.participants);
      blocks.push({ kind: "heading", level: 1, text: t("group.export.heading", { module: defs[slug].label }) });
      blocks.push({ kind: "para", text: t("group.export.participants", { n: s.people }) });
      if (s.earlier) blocks.push({ kind: "para", text: t("group.earlier", { n: s.earlier }) });
      blocks.push({ kind: "para", text: t("group.order") });
      blocks.push({
        kind: "table",
        header: [t("group.statement")].concat(SCALE.map(function (v) {
          return t("assessment.scale." + v);
        })),
        rows: s.statements.map(function (st) {
          return [(st.widest ? t("group.widest") + ": " : "") + st.text].concat(SCALE.map(function (v) {
            return String(st.counts[v]);
          }));
        }),
      });
      blocks.push({ kind: "heading", level: 2, text: t("group.answers_heading") });
      if (!s.answers.length) blocks.push({ kind: "para", text: t("group.no_answers") });
      s.answers.forEach(function (q) {
        blocks.push({ kind: "heading", level: 3, text: q.asked });
        q.texts.forEach(function (text) {
          blocks.push({ kind: "para", text: text });
        });
      });
    });
    return blocks.concat(followupBlocks(t, picture));
  }

  // The agreements with who does it, by when and their status (set on Gruppens resa), as one table.
  function followupBlocks(t, picture) {
    var notes = window.CourseNotes;
    var agreed = notes ? notes.read().agreed : {};
    var rows = Object.keys(agreed)
      .filter(function (id) {
        return isObject(picture.followup[id]);
      })
      .map(function (id) {
        var f = picture.followup[id];
        return [agreed[id].asked || id, agreed[id].text, String(f.who || ""), String(f.due || ""), t("journey.status." + (f.status || "agreed"))];
      });
    if (!rows.length) return [];
    return [
      { kind: "heading", level: 1, text: t("journey.agreed.heading") },
      { kind: "table", header: [t("journey.agreed.step"), t("journey.agreed.text"), t("journey.agreed.who"), t("journey.agreed.due"), t("journey.agreed.status")], rows: rows },
    ];
  }

  window.CourseGroupFile = {
    FORMAT: FORMAT,
    VERSION: VERSION,
    SCALE: SCALE,
    MAX_BYTES: MAX_BYTES,
    STORE_KEY: STORE_KEY,
    build: build,
    parse: parse,
    readFile: readFile,
    summary: summary,
    definitions: definitions,
    load: load,
    save: save,
    change: change,
    spreadOf: spreadOf,
    exportBlocks: exportBlocks,
  };
})();
