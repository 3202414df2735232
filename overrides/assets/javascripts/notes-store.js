/*
 * CourseNotes: the one store for what a reader writes in the course. Nothing
 * else touches localStorage. Loaded on every page, after course.js.
 *
 *   CourseNotes.available   true when the browser lets us keep notes; false when
 *                           storage is blocked (everything then works in memory
 *                           for this page, and the page shows a warning)
 *   CourseNotes.read()      a fresh snapshot, safe to change:
 *       {version, courseId,
 *        answers:  {[questionId]: {text, updated}},   the reader's own answers
 *        group:    {[questionId]: {text, updated}},   the scribe's group notes
 *        agreed:   {[stepId]:     {text, updated}},   "Det här kom vi överens om"
 *        progress: {[moduleSlug]: {read: bool, discussed: bool}},
 *        lastExport}                                  ISO time of the last export, or null
 *   CourseNotes.setAnswer(questionId, text)
 *   CourseNotes.setGroupNote(questionId, text)
 *   CourseNotes.setAgreed(stepId, text)
 *   CourseNotes.setProgress(moduleSlug, "read" | "discussed", bool)
 *       each returns {ok: true} or {ok: false, reason: "quota" | "blocked"} and
 *       never throws; an empty text removes the entry. `updated` is an ISO time.
 *   CourseNotes.subscribe(fn)   fn(snapshot) after our own writes and after
 *                               changes from other tabs; returns an unsubscribe function
 *   CourseNotes.clear()         removes every note of this course on this computer
 *
 * Used by the notes page and the export code:
 *   CourseNotes.problem()        null, "blocked", "quota", "newer" (saved by a newer
 *                                version of the course: kept, not overwritten) or "damaged"
 *   CourseNotes.unexportedSince() ISO time of the oldest change since the last export, or null
 *   CourseNotes.markExported(), CourseNotes.dismissReminder()
 *   CourseNotes.importNotes(data, "merge" | "replace")   data already checked by notes-export.js
 *   CourseNotes.FORMAT, CourseNotes.VERSION, CourseNotes.courseId
 *
 * Keeping notes safe:
 * - The key carries the course id ("<courseId>:notes:v1"): every page opened
 *   from disk shares one storage in Chromium, and another course must not
 *   read or overwrite these notes.
 * - Every write re-reads the stored notes and changes only its own entry, so
 *   two open tabs never write back a stale copy of each other's answers.
 * - A format change adds a function to MIGRATIONS and bumps VERSION; old notes
 *   are read from their old key, migrated, and the old key is left in place.
 * - Stored notes that cannot be read are copied aside before anything new is
 *   written. A write the browser refuses (quota) keeps the saved notes as they
 *   were, and stays pending in memory until a later write succeeds.
 */
(function () {
  "use strict";

  var FORMAT = "course-notes";
  var VERSION = 1;
  var SECTIONS = ["answers", "group", "agreed"];
  var PROGRESS_KEYS = ["read", "discussed"];
  // MIGRATIONS[n] turns the stored object of version n into version n + 1.
  var MIGRATIONS = {};

  var has = function (obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  };
  var isObject = function (value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  };
  var config = (window.Course && window.Course.config) || {};
  var courseId = String(config.courseId || "course");
  var prefix = courseId + ":notes:";
  var KEY = prefix + "v" + VERSION;

  // Storage, or a stand-in kept in memory when the browser blocks it.
  var memory = {};
  var memoryStore = {
    getItem: function (k) {
      return has(memory, k) ? memory[k] : null;
    },
    setItem: function (k, v) {
      memory[k] = String(v);
    },
    removeItem: function (k) {
      delete memory[k];
    },
    key: function (i) {
      return Object.keys(memory)[i] || null;
    },
    get length() {
      return Object.keys(memory).length;
    },
  };
  var store = memoryStore;
  var available = false;
  try {
    var ls = window.localStorage;
    if (ls) {
      ls.getItem(KEY);
      store = ls;
      available = true;
    }
  } catch (e) {
    available = false;
  }

  var problem = available ? null : "blocked";
  var pending = {}; // "section\nid" -> function(data) for writes the browser refused
  var damaged = null; // unreadable stored text, copied aside before the next write
  var persistAsked = false;
  var listeners = [];

  function empty() {
    return {
      version: VERSION,
      courseId: courseId,
      answers: {},
      group: {},
      agreed: {},
      progress: {},
      lastExport: null,
      reminderDismissed: null,
    };
  }

  // Keep only well-formed entries of what we wrote ourselves.
  function normalise(raw) {
    var data = empty();
    SECTIONS.forEach(function (section) {
      var src = isObject(raw[section]) ? raw[section] : {};
      Object.keys(src).forEach(function (id) {
        var entry = src[id];
        if (isObject(entry) && typeof entry.text === "string" && entry.text !== "") {
          data[section][id] = { text: entry.text, updated: typeof entry.updated === "string" ? entry.updated : "" };
        }
      });
    });
    var progress = isObject(raw.progress) ? raw.progress : {};
    Object.keys(progress).forEach(function (slug) {
      if (isObject(progress[slug])) {
        data.progress[slug] = { read: progress[slug].read === true, discussed: progress[slug].discussed === true };
      }
    });
    if (typeof raw.lastExport === "string") data.lastExport = raw.lastExport;
    if (typeof raw.reminderDismissed === "string") data.reminderDismissed = raw.reminderDismissed;
    return data;
  }

  function parse(text) {
    try {
      var raw = JSON.parse(text);
      return isObject(raw) ? raw : null;
    } catch (e) {
      return null;
    }
  }

  // The stored notes, migrated to this version. Never throws.
  function load() {
    var text;
    try {
      text = store.getItem(KEY);
    } catch (e) {
      return empty();
    }
    if (text === null) return loadOlder();
    var raw = parse(text);
    if (!raw || raw.courseId !== courseId || typeof raw.version !== "number") {
      damaged = text;
      if (!problem) problem = "damaged";
      return empty();
    }
    return normalise(raw);
  }

  function loadOlder() {
    for (var v = VERSION - 1; v >= 1; v--) {
      var text = null;
      try {
        text = store.getItem(prefix + "v" + v);
      } catch (e) {
        text = null;
      }
      var raw = text === null ? null : parse(text);
      if (raw && raw.courseId === courseId) {
        for (var step = v; step < VERSION; step++) raw = MIGRATIONS[step](raw);
        return normalise(raw);
      }
    }
    return empty();
  }

  // A newer version of the course may have saved here: read it, never overwrite it.
  function newerSaved() {
    try {
      for (var i = 0; i < store.length; i++) {
        var k = store.key(i);
        if (k && k.indexOf(prefix + "v") === 0 && Number(k.slice(prefix.length + 1)) > VERSION) return true;
      }
    } catch (e) {
      return false;
    }
    return false;
  }
  if (newerSaved()) problem = "newer";

  function withPending(data) {
    Object.keys(pending).forEach(function (k) {
      pending[k](data);
    });
    return data;
  }

  function read() {
    return withPending(load());
  }

  function notify() {
    var snapshot = read();
    listeners.slice().forEach(function (fn) {
      try {
        fn(snapshot);
      } catch (e) {
        if (window.console) window.console.error(e);
      }
    });
  }

  function askToPersist() {
    if (persistAsked || !available) return;
    persistAsked = true;
    try {
      var storage = navigator.storage;
      if (storage && storage.persist) {
        storage
          .persisted()
          .then(function (already) {
            return already || storage.persist();
          })
          .catch(function () {});
      }
    } catch (e) {
      /* persistence is a wish, not a need */
    }
  }

  // Re-read, apply this change (and any refused earlier ones), write back.
  function write(pendingKey, change) {
    if (problem === "newer") {
      pending[pendingKey] = change;
      notify();
      return { ok: false, reason: "blocked" };
    }
    var data = load();
    withPending(data);
    change(data);
    var result = save(data);
    if (result.ok) {
      pending = {};
      if (problem === "quota" || problem === "damaged") problem = available ? null : "blocked";
    } else {
      pending[pendingKey] = change;
      problem = result.reason;
    }
    notify();
    return available ? result : { ok: false, reason: "blocked" };
  }

  function save(data) {
    try {
      if (damaged !== null) {
        store.setItem(prefix + "damaged:" + new Date().toISOString(), damaged);
        damaged = null;
      }
      var out = {};
      Object.keys(data).forEach(function (k) {
        out[k] = data[k];
      });
      out.format = FORMAT;
      store.setItem(KEY, JSON.stringify(out));
    } catch (e) {
      return { ok: false, reason: available ? "quota" : "blocked" };
    }
    askToPersist();
    return { ok: true };
  }

  function setText(section, id, text) {
    id = String(id);
    text = typeof text === "string" ? text : String(text == null ? "" : text);
    var now = new Date().toISOString();
    return write(section + "\n" + id, function (data) {
      if (text === "") delete data[section][id];
      else data[section][id] = { text: text, updated: now };
    });
  }

  function safely(fn) {
    return function () {
      try {
        return fn.apply(null, arguments);
      } catch (e) {
        return { ok: false, reason: available ? "quota" : "blocked" };
      }
    };
  }

  function unexportedSince() {
    var data = read();
    var since = null;
    SECTIONS.forEach(function (section) {
      Object.keys(data[section]).forEach(function (id) {
        var t = data[section][id].updated;
        if (t && (!data.lastExport || t > data.lastExport) && (!since || t < since)) since = t;
      });
    });
    return since;
  }

  function mergeText(local, incoming) {
    if (!local) return incoming;
    if (local.text === incoming.text || local.text.indexOf(incoming.text) !== -1) return local;
    if (incoming.text.indexOf(local.text) !== -1) return incoming;
    // Both changed: keep both, one after the other, so nothing is lost.
    return {
      text: local.text + "\n\n" + incoming.text,
      updated: local.updated > incoming.updated ? local.updated : incoming.updated,
    };
  }

  function importNotes(incoming, mode) {
    return write("import", function (data) {
      var keep = { lastExport: data.lastExport, reminderDismissed: data.reminderDismissed };
      if (mode === "replace") {
        var fresh = empty();
        Object.keys(fresh).forEach(function (k) {
          data[k] = fresh[k];
        });
        data.lastExport = keep.lastExport;
        data.reminderDismissed = keep.reminderDismissed;
      }
      SECTIONS.forEach(function (section) {
        Object.keys(incoming[section] || {}).forEach(function (id) {
          var entry = incoming[section][id];
          data[section][id] = mergeText(data[section][id], { text: entry.text, updated: entry.updated });
        });
      });
      Object.keys(incoming.progress || {}).forEach(function (slug) {
        var had = data.progress[slug] || { read: false, discussed: false };
        data.progress[slug] = {
          read: had.read || incoming.progress[slug].read === true,
          discussed: had.discussed || incoming.progress[slug].discussed === true,
        };
      });
    });
  }

  function clear() {
    pending = {};
    damaged = null;
    try {
      var doomed = [];
      for (var i = 0; i < store.length; i++) {
        var k = store.key(i);
        if (k && k.indexOf(prefix) === 0) doomed.push(k);
      }
      doomed.forEach(function (k) {
        store.removeItem(k);
      });
      problem = available ? null : "blocked";
    } catch (e) {
      notify();
      return { ok: false, reason: available ? "quota" : "blocked" };
    }
    notify();
    return available ? { ok: true } : { ok: false, reason: "blocked" };
  }

  window.addEventListener("storage", function (event) {
    if (event.key === null || event.key === KEY) notify();
  });

  window.CourseNotes = {
    available: available,
    FORMAT: FORMAT,
    VERSION: VERSION,
    courseId: courseId,
    read: function () {
      try {
        return read();
      } catch (e) {
        return empty();
      }
    },
    setAnswer: safely(function (questionId, text) {
      return setText("answers", questionId, text);
    }),
    setGroupNote: safely(function (questionId, text) {
      return setText("group", questionId, text);
    }),
    setAgreed: safely(function (stepId, text) {
      return setText("agreed", stepId, text);
    }),
    setProgress: safely(function (moduleSlug, key, value) {
      if (PROGRESS_KEYS.indexOf(key) === -1) return { ok: false, reason: "blocked" };
      moduleSlug = String(moduleSlug);
      return write("progress\n" + moduleSlug + "\n" + key, function (data) {
        var entry = data.progress[moduleSlug] || { read: false, discussed: false };
        entry[key] = value === true;
        data.progress[moduleSlug] = entry;
      });
    }),
    subscribe: function (fn) {
      if (typeof fn === "function") listeners.push(fn);
      return function () {
        listeners = listeners.filter(function (other) {
          return other !== fn;
        });
      };
    },
    clear: safely(clear),
    problem: function () {
      return problem;
    },
    unexportedSince: function () {
      try {
        return unexportedSince();
      } catch (e) {
        return null;
      }
    },
    markExported: safely(function () {
      var now = new Date().toISOString();
      return write("meta\nlastExport", function (data) {
        data.lastExport = now;
      });
    }),
    dismissReminder: safely(function () {
      var now = new Date().toISOString();
      return write("meta\nreminder", function (data) {
        data.reminderDismissed = now;
      });
    }),
    importNotes: safely(importNotes),
  };
})();
