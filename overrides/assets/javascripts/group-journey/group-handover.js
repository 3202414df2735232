/*
 * The handover file of "Gruppens resa" (group-journey.js), loaded only when the
 * facilitator saves or reads one: every agreement with who does it, by when and
 * its status, and every occasion, for another facilitator to take over.
 *
 *   {format: "course-handover", version: 1, courseId, exported,
 *    agreements: {[stepId]: {text, asked?, updated, who?, due?, status?}},
 *    occasions: [{id: "o-…", name, date: "YYYY-MM-DD", saved, modules: {[slug]:
 *      {version, people, counts: {[statementId]: [n of 1, 2, 3, 4, 5, 0]},
 *       answers: {[questionId]: {asked, texts: [sorted]}}}}}]}
 *
 * An occasion keeps counts and shared answers only, never a participant's id or name.
 * window.CourseGroupHandover:
 *   parse(text) -> {ok: true, data} or {ok: false, reason}: "not_json", "too_large",
 *                  "format", "course", "version" (unknown), "types"; never throws
 *   readFile(file) -> Promise of the same; never rejects
 *   handover() -> the file's object; take(data) -> {ok}: merges a parsed file in, losing
 *                  nothing (a different text for a step keeps both; the later follow-up
 *                  wins; an occasion already here stays unless the file's is newer)
 *   checkOccasion(o) -> whether an occasion has the shape above
 */
(function () {
  "use strict";
  var course = window.Course;
  var G = window.CourseGroupFile;
  var notes = window.CourseNotes;
  if (!course || !G || !notes) return;
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

  window.CourseGroupHandover = { parse: parse, readFile: readFile, handover: handover, take: take, checkOccasion: checkOccasion, FORMAT: FORMAT, VERSION: VERSION };
})();
