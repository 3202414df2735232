/*
 * The SCORM bridge of the launch page (scorm-launch.html), the one SCO of the
 * package. It holds the platform session for the whole visit and shows the
 * course in a frame, so that moving between pages never ends the session.
 *
 * pipwerks' SCORM API wrapper (pipwerks.js beside this file) finds the
 * platform's API the standard way: API (SCORM 1.2) or API_1484_11 (2004),
 * in the parent frames and then the opener. With no API the launch page
 * gives way to the course's start page: the package is then the plain site.
 *
 * What the platform is told, and nothing else:
 *   status        incomplete on the first launch (pipwerks, on initialise);
 *                 completed once every module is marked as read (see
 *                 `completed` below: the one place of the rule)
 *   bookmark      the page last shown in the frame (lesson_location / location)
 *   suspend_data  {"page": the bookmark, "read": [the modules marked as read]}
 *   session time  on leaving; exit "suspend", so that the platform reopens
 *                 the course where the reader left it, also after completion
 * Answers, group notes, agreements and self-assessments stay in the reader's
 * browser: this script reads only the read marks, through the course's own
 * notes store (window.CourseNotes of the page in the frame).
 *
 * Read and never sent:
 *   learner id    cmi.core.student_id / cmi.learner_id: the notes store keeps
 *                 each learner's notes under their own key, so that two
 *                 managers on one computer never see each other's. The course
 *                 sees only a digest of it (window.CourseLearnerKey).
 *   suspend_data  on launch, the modules it holds as read that the browser
 *                 does not are marked read in the course again (a platform
 *                 may clear the browser's storage, or the reader comes from
 *                 another computer).
 */
(function () {
  "use strict";

  var config = readConfig();
  var frame = document.getElementById("course-frame");
  var scorm = window.pipwerks && window.pipwerks.SCORM;
  var v12 = config.version === "1.2";
  var ELEMENT = v12
    ? { location: "cmi.core.lesson_location", sessionTime: "cmi.core.session_time", exit: "cmi.core.exit" }
    : { location: "cmi.location", sessionTime: "cmi.session_time", exit: "cmi.exit" };
  var MODULES = config.modules || [];

  // The rule for "completed", in one place: every module of the course is marked
  // as read (notes.js marks a module when the reader reaches its reflection
  // questions, or the reader ticks "read" in the box at the top of the module).
  function completed(readMarks) {
    return MODULES.length > 0 && MODULES.every(function (slug) {
      return readMarks.indexOf(slug) !== -1;
    });
  }

  if (!connect()) {
    // No platform: be the plain site.
    window.location.replace(config.start);
    return;
  }

  window.CourseLearnerKey = digest(scorm.get(v12 ? "cmi.core.student_id" : "cmi.learner_id"));
  var started = Date.now();
  var saved = readSuspendData();
  var marksBack = false;
  var state = { page: saved.page, read: saved.read, status: scorm.status("get") };
  var sent = { page: null };
  var finished = false;

  frame.addEventListener("load", onPageShown);
  frame.src = validPage(scorm.get(ELEMENT.location)) || saved.page || config.start;
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  function readConfig() {
    try {
      return JSON.parse(document.getElementById("scorm-config").textContent);
    } catch (e) {
      return { start: "index.html", version: "1.2", modules: [] };
    }
  }

  function connect() {
    if (!scorm) return false;
    window.pipwerks.debug.isActive = false;
    scorm.version = config.version;
    // The exit mode is set in finish(): always "suspend".
    scorm.handleExitMode = false;
    try {
      return scorm.init() === true;
    } catch (e) {
      // A platform frame on another origin: no API to reach.
      return false;
    }
  }

  // A page of this package, as a path relative to the launch page; anything else
  // (a page a newer version dropped, another address) is refused.
  function validPage(path) {
    path = String(path || "");
    return (config.pages || []).indexOf(path) !== -1 ? path : "";
  }

  function readSuspendData() {
    var empty = { page: "", read: [] };
    try {
      var data = JSON.parse(scorm.get("cmi.suspend_data") || "{}");
      return {
        page: validPage(data.page),
        read: Array.isArray(data.read) ? data.read.filter(function (slug) {
          return MODULES.indexOf(slug) !== -1;
        }) : [],
      };
    } catch (e) {
      return empty;
    }
  }

  function framePage() {
    try {
      var base = new URL(".", window.location.href).href;
      var href = frame.contentWindow.location.href.split(/[?#]/)[0];
      return href.indexOf(base) === 0 ? validPage(href.slice(base.length)) : "";
    } catch (e) {
      return "";
    }
  }

  function onPageShown() {
    var page = framePage();
    if (page && page !== state.page) {
      state.page = page;
      report();
    }
    var notes;
    try {
      notes = frame.contentWindow.CourseNotes;
    } catch (e) {
      notes = null;
    }
    if (!notes) return;
    if (!marksBack) {
      marksBack = true;
      putMarksBack(notes);
    }
    readMarks(notes.read());
    notes.subscribe(readMarks);
  }

  // Once a launch: the marks the platform holds and the browser lacks.
  function putMarksBack(notes) {
    var progress = notes.read().progress || {};
    saved.read.forEach(function (slug) {
      if (!progress[slug] || progress[slug].read !== true) notes.setProgress(slug, "read", true);
    });
  }

  // A digest of the learner id (two 32-bit FNV-1a hashes), "" for none: the key
  // of the learner's notes in this browser, not the id itself.
  function digest(id) {
    id = String(id || "");
    if (!id) return "";
    var a = 0x811c9dc5;
    var b = 0x050c5d1f;
    for (var i = 0; i < id.length; i++) {
      var c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x01000193) >>> 0;
      b = (b ^ (b >>> 15)) >>> 0;
    }
    var hex = function (n) {
      return ("0000000" + n.toString(16)).slice(-8);
    };
    return hex(a) + hex(b);
  }

  // Marks only ever add up: a module once counted as read stays counted.
  function readMarks(snapshot) {
    var progress = (snapshot && snapshot.progress) || {};
    var added = MODULES.filter(function (slug) {
      return progress[slug] && progress[slug].read === true && state.read.indexOf(slug) === -1;
    });
    if (!added.length) return;
    state.read = MODULES.filter(function (slug) {
      return state.read.indexOf(slug) !== -1 || added.indexOf(slug) !== -1;
    });
    report();
  }

  // Sets only what changed since the last report, then commits.
  function report() {
    if (finished) return;
    if (state.page !== sent.page) scorm.set(ELEMENT.location, state.page);
    sent.page = state.page;
    scorm.set("cmi.suspend_data", JSON.stringify({ page: state.page, read: state.read }));
    if (completed(state.read) && state.status !== "completed" && state.status !== "passed") {
      scorm.status("set", "completed");
      state.status = "completed";
    }
    scorm.save();
  }

  function finish() {
    if (finished) return;
    finished = true;
    scorm.set(ELEMENT.sessionTime, sessionTime(Date.now() - started));
    scorm.set(ELEMENT.exit, "suspend");
    scorm.quit();
  }

  // SCORM 1.2: HHHH:MM:SS (CMITimespan); SCORM 2004: PT#H#M#S (ISO 8601 duration).
  function sessionTime(ms) {
    var seconds = Math.max(0, Math.round(ms / 1000));
    var h = Math.min(9999, Math.floor(seconds / 3600));
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    if (!v12) return "PT" + h + "H" + m + "M" + s + "S";
    var two = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return two(h) + ":" + two(m) + ":" + two(s);
  }
})();
