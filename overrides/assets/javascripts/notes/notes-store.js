/*
 * CourseNotes: the one store for what a reader writes; nothing else touches
 * localStorage but the group picture (group-file.js), kept beside the notes
 * (storeKey) so that the learner key and the copy cover it. Loaded on every
 * page, after course.js.
 *
 *   available      false when storage is blocked: all works in memory, with a warning
 *   read()         a fresh snapshot, safe to change: {version, courseId,
 *                  answers: {[questionId]: {text, updated, asked}},  the reader's answers
 *                  group:   {[questionId]: {text, updated, asked}},  the scribe's notes
 *                  agreed:  {[stepId]: {text, updated, asked}},      "Det här kom vi överens om"
 *                  ratings, shared, participant: "Var står vi?" (written by self-assessment.js)
 *                  earlier: {[statementId]: {value, updated}}, the choices before "Svara på nytt"
 *                  progress: {[moduleSlug]: {read, discussed}}, lastExport}
 *   setAnswer(questionId, text, asked), setGroupNote(questionId, text, asked),
 *   setAgreed(stepId, text, asked), setProgress(moduleSlug, "read" | "discussed", bool)
 *                  return {ok: true} or {ok: false, reason: "quota" | "blocked"}, never
 *                  throw; an empty text removes the entry. `asked` is the question (or
 *                  step title) as shown, so an answer outlives a question that a later
 *                  version of the course drops or rewords.
 *   subscribe(fn)  fn(snapshot) after every change, ours or another tab's; returns unsubscribe
 *   clear()        removes every note of this course on this computer
 *   For the notes page: problem() (null, "blocked", "quota", "damaged" or "newer": saved
 *   by a newer course version, kept and never overwritten), unexportedSince(),
 *   markExported(), dismissReminder(), write(name, change), FORMAT, VERSION, courseId.
 *   settled()      a Promise, resolved once the copy in IndexedDB has caught up (for tests)
 *   storeKey(name), keep(), ready(): for a store beside the notes
 *
 * Where the notes live: localStorage, read and written at once as below, and
 * a copy of the same keys in IndexedDB (database "course-notes"), which a
 * platform's clean-up does not reach (Moodle clears localStorage at every
 * login). When localStorage has no notes, the store asks the copy and puts
 * them back before it writes; a change made meanwhile waits in memory, and
 * under "<prefix>waiting" (not notes) lest a reload lose it: the next page
 * load applies it on top of what the copy put back, newer entry wins. When
 * it has notes, they are the newest (every write goes there first), and the
 * copy is brought up to them at each write and page load: so notes saved
 * before the copy existed move into it. No IndexedDB: localStorage alone.
 *
 * Keeping notes safe:
 * - The key carries the course id ("<courseId>:notes:v3"): pages opened from
 *   disk share one storage, and another course must not touch these notes.
 * - In a platform the key carries the learner too ("<courseId>:learner:
 *   <digest>:notes:v3"; window.CourseLearnerKey of tools/scorm/bridge.js), so
 *   two managers on one computer never see each other's notes. Notes kept
 *   there without a learner (an earlier package) move to the first learner
 *   who has none.
 * - Every write re-reads the stored notes and changes only its own entry, so
 *   two open tabs never write back a stale copy of each other's answers.
 * - A new format bumps VERSION and adds MIGRATIONS[old version]. Old notes are
 *   read from their old key, migrated, and that key is removed only once the
 *   new one is written. Version 1 had no `asked`; version 2 had no ratings,
 *   shared answers or participant id (the self-assessment, "Var står vi?");
 *   version 3 had no earlier choices (`earlier`, issue 30).
 * - Unreadable notes are copied aside before anything is written. A write the
 *   browser refuses (quota) leaves the saved notes as they were, and stays
 *   pending in memory until a later write succeeds.
 */
(function () {
  "use strict";

  var FORMAT = "course-notes";
  var VERSION = 4;
  var SECTIONS = ["answers", "group", "agreed"];
  var MAX_ASKED = 2000; // characters of a question kept with its answer
  // MIGRATIONS[n](stored object of version n) -> version n + 1
  var MIGRATIONS = {
    // Version 2 keeps the question with each entry; version 1 notes have none to add.
    1: function (old) {
      var out = {};
      for (var k in old) out[k] = old[k];
      out.version = 2;
      return out;
    },
    // Version 3 adds the self-assessment ("Var står vi?"); normalise() gives version 2 notes empty ones.
    2: function (old) {
      var out = {};
      for (var k in old) out[k] = old[k];
      out.version = 3;
      return out;
    },
    // Version 4 keeps last time's "Var står vi?" choices (`earlier`); normalise() gives version 3 notes none.
    3: function (old) {
      var out = {};
      for (var k in old) out[k] = old[k];
      out.version = 4;
      return out;
    },
  };

  var isObject = function (value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  };
  var courseId = String(((window.Course || {}).config || {}).courseId || "course");
  var plainPrefix = courseId + ":notes:";
  var learner = platformLearner();
  var prefix = learner ? courseId + ":learner:" + learner + ":notes:" : plainPrefix;
  var KEY = prefix + "v" + VERSION;
  // The group picture (storeKey) is beside the notes: in the copy, yet no note.
  var BESIDE = prefix + "group-";
  // What waits for the copy, kept for a reload; hasNotes() does not count it.
  var WAITING = prefix + "waiting";

  // The digest of the platform's learner id that the SCORM bridge offers, or "".
  function platformLearner() {
    try {
      if (window.parent === window) return "";
      var key = window.parent.CourseLearnerKey;
      return typeof key === "string" && /^[0-9a-f]{1,64}$/.test(key) ? key : "";
    } catch (e) {
      return ""; // a frame of another site
    }
  }

  // localStorage, or the in-memory stand-in from storage-guard.js (loaded in
  // <head>) when the browser blocks it; a no-op one if even that is missing.
  var store;
  var available = false;
  try {
    if (window.CourseStorageBlocked) throw new Error("storage blocked");
    window.localStorage.getItem(KEY);
    store = window.localStorage;
    available = true;
  } catch (e) {
    store = window.CourseMemoryStorage
      ? window.CourseMemoryStorage()
      : { length: 0, key: function () { return null; }, getItem: function () { return null; }, setItem: function () {}, removeItem: function () {} };
  }

  function keys() {
    var found = [];
    for (var i = 0; i < store.length; i++) found.push(store.key(i));
    return found;
  }

  // This store's keys in localStorage, with their text.
  function ours() {
    var items = {};
    keys().forEach(function (k) {
      if (k.indexOf(prefix) === 0) items[k] = store.getItem(k);
    });
    return items;
  }

  function beside(k) {
    return k.indexOf(BESIDE) === 0;
  }

  function hasNotes(items) {
    return Object.keys(items).some(function (k) {
      return k.indexOf(prefix + "v") === 0;
    });
  }

  var problem = available ? null : "blocked";
  var pending = {}; // name -> change, for writes the browser refused
  var damaged = null; // unreadable stored text, copied aside before the next write
  var migratedFrom = null; // the older key the notes were read from, removed after the first write
  var persistAsked = false;
  var listeners = [];

  function empty() {
    return { version: VERSION, courseId: courseId, answers: {}, group: {}, agreed: {}, ratings: {}, earlier: {}, shared: {}, participant: null, progress: {}, lastExport: null, reminderDismissed: null };
  }

  // Keep only well-formed entries.
  function normalise(raw) {
    var data = empty();
    SECTIONS.forEach(function (section) {
      var src = isObject(raw[section]) ? raw[section] : {};
      Object.keys(src).forEach(function (id) {
        var entry = src[id];
        if (isObject(entry) && typeof entry.text === "string" && entry.text !== "") {
          data[section][id] = { text: entry.text, updated: String(entry.updated || "") };
          if (typeof entry.asked === "string" && entry.asked !== "") data[section][id].asked = entry.asked.slice(0, MAX_ASKED);
        }
      });
    });
    // Kept as written; self-assessment.js writes them, and imports are checked in notes-export.js.
    if (isObject(raw.ratings)) data.ratings = raw.ratings;
    if (isObject(raw.shared)) data.shared = raw.shared;
    if (isObject(raw.earlier)) data.earlier = raw.earlier;
    if (typeof raw.participant === "string") data.participant = raw.participant;
    var progress = isObject(raw.progress) ? raw.progress : {};
    Object.keys(progress).forEach(function (slug) {
      var state = progress[slug];
      if (isObject(state)) data.progress[slug] = { read: state.read === true, discussed: state.discussed === true };
    });
    if (typeof raw.lastExport === "string") data.lastExport = raw.lastExport;
    if (typeof raw.reminderDismissed === "string") data.reminderDismissed = raw.reminderDismissed;
    return data;
  }

  function parse(text) {
    try {
      var raw = JSON.parse(text);
      return isObject(raw) && raw.courseId === courseId && typeof raw.version === "number" ? raw : null;
    } catch (e) {
      return null;
    }
  }

  // The stored notes, migrated to this version.
  function load() {
    var text = store.getItem(KEY);
    if (text !== null) {
      var raw = parse(text);
      if (raw) return normalise(raw);
      damaged = text;
      if (!problem) problem = "damaged";
      return empty();
    }
    for (var v = VERSION - 1; v >= 1; v--) {
      var old = parse(store.getItem(prefix + "v" + v));
      if (old && old.version === v) {
        migratedFrom = prefix + "v" + v;
        for (var step = v; step < VERSION; step++) old = MIGRATIONS[step](old);
        return normalise(old);
      }
    }
    return empty();
  }

  function read() {
    var data = load();
    Object.keys(pending).forEach(function (name) {
      pending[name](data);
    });
    return data;
  }

  function notify() {
    var snapshot = safeRead();
    listeners.slice().forEach(function (fn) {
      try {
        fn(snapshot);
      } catch (e) {
        if (window.console) window.console.error(e);
      }
    });
  }

  function safeRead() {
    try {
      return read();
    } catch (e) {
      return empty();
    }
  }

  function askToPersist() {
    if (persistAsked || !available) return;
    persistAsked = true;
    var storage = navigator.storage;
    if (storage && storage.persist) {
      storage
        .persisted()
        .then(function (already) {
          return already || storage.persist();
        })
        .catch(function () {});
    }
  }

  // Re-read, apply this change (and any refused earlier ones), write back.
  function write(name, change) {
    try {
      if (problem === "newer") {
        pending[name] = change;
        return { ok: false, reason: "blocked" };
      }
      if (mustAskCopy()) {
        // Written once the copy has been asked (restore): never over notes it still holds.
        pending[name] = change;
        try {
          // A reload before the copy answers would lose it: keep it aside.
          store.setItem(WAITING, JSON.stringify(read()));
        } catch (e) {
          /* full: it waits in memory only */
        }
        restore();
        return { ok: true };
      }
      var data = read();
      change(data);
      var out = {};
      for (var k in data) out[k] = data[k];
      out.format = FORMAT;
      try {
        if (damaged !== null) {
          store.setItem(prefix + "damaged:" + new Date().toISOString(), damaged);
          damaged = null;
        }
        store.setItem(KEY, JSON.stringify(out));
        if (migratedFrom) {
          store.removeItem(migratedFrom);
          migratedFrom = null;
        }
        store.removeItem(WAITING);
      } catch (e) {
        pending[name] = change;
        problem = available ? "quota" : "blocked";
        return { ok: false, reason: problem };
      }
      pending = {};
      if (problem === "quota" || problem === "damaged") problem = null;
      backup();
      askToPersist();
      return available ? { ok: true } : { ok: false, reason: "blocked" };
    } catch (e) {
      return { ok: false, reason: available ? "quota" : "blocked" };
    } finally {
      notify();
    }
  }

  function setText(section, id, text, asked) {
    id = String(id);
    text = text == null ? "" : String(text);
    asked = asked == null ? "" : String(asked).replace(/\s+/g, " ").trim().slice(0, MAX_ASKED);
    var now = new Date().toISOString();
    return write(section + "\n" + id, function (data) {
      if (text === "") {
        delete data[section][id];
        return;
      }
      var entry = { text: text, updated: now };
      var before = data[section][id];
      if (asked) entry.asked = asked;
      else if (before && before.asked) entry.asked = before.asked;
      data[section][id] = entry;
    });
  }

  function stamp(field) {
    var now = new Date().toISOString();
    return write("meta\n" + field, function (data) {
      data[field] = now;
    });
  }

  // The copy in IndexedDB

  var COPY_DB = "course-notes";
  var COPY_STORE = "items"; // key: the localStorage key, value: its text
  var copyWanted = available && !!window.indexedDB;
  var copyOpening = null; // Promise of the database, or of null when there is none
  var copyChain = Promise.resolve(); // this page's steps with the copy, one after another
  var copyChecked = false; // the copy was asked since localStorage last had notes
  var restoring = null;

  function openCopy() {
    if (copyOpening) return copyOpening;
    copyOpening = new Promise(function (resolve) {
      var timer = setTimeout(function () {
        resolve(null); // a copy that does not answer is no copy
      }, 3000);
      var done = function (db) {
        clearTimeout(timer);
        resolve(db);
      };
      var request = window.indexedDB.open(COPY_DB, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(COPY_STORE);
      };
      request.onsuccess = function () {
        var db = request.result;
        db.onversionchange = function () {
          db.close();
        };
        done(db);
      };
      request.onerror = request.onblocked = function () {
        done(null);
      };
    }).catch(function () {
      return null;
    });
    return copyOpening;
  }

  // work(db) returns a Promise; it runs after every earlier step of this page.
  function withCopy(work) {
    copyChain = copyChain
      .then(openCopy)
      .then(function (db) {
        if (!db) copyWanted = false;
        return db ? work(db) : null;
      })
      .catch(function () {
        return null;
      });
    return copyChain;
  }

  function finished(tx) {
    return new Promise(function (resolve) {
      tx.oncomplete = function () {
        resolve(true);
      };
      tx.onerror = tx.onabort = function () {
        resolve(false);
      };
    });
  }

  function ourRange() {
    return window.IDBKeyRange.bound(prefix, prefix + "\uffff");
  }

  // The copy becomes what localStorage holds now, read as the step starts, so
  // that a later step always carries the later notes (and one waiting step
  // serves every write before it). Never an emptied storage.
  var backupWaiting = false;
  function backup() {
    if (!copyWanted || backupWaiting) return;
    backupWaiting = true;
    withCopy(function (db) {
      backupWaiting = false;
      var items = ours();
      // Without notes, only what is beside them: never the copy's notes removed.
      var whole = hasNotes(items);
      var names = Object.keys(items).filter(function (k) {
        return k !== WAITING && (whole || beside(k));
      });
      if (!names.length) return null;
      var tx = db.transaction(COPY_STORE, "readwrite");
      var copy = tx.objectStore(COPY_STORE);
      if (whole) copy.delete(ourRange());
      names.forEach(function (k) {
        copy.put(items[k], k);
      });
      return finished(tx);
    });
  }

  function mustAskCopy() {
    if (!copyWanted) return false;
    if (restoring) return true;
    if (hasNotes(ours())) {
      copyChecked = false;
      return false;
    }
    return !copyChecked;
  }

  // localStorage has no notes here: put back what the copy holds, then write what waited.
  function restore() {
    if (restoring) return restoring;
    restoring = withCopy(function (db) {
      var tx = db.transaction(COPY_STORE, "readonly");
      var copy = tx.objectStore(COPY_STORE);
      var names = copy.getAllKeys(ourRange());
      var texts = copy.getAll(ourRange());
      return finished(tx).then(function (ok) {
        if (!ok || hasNotes(ours())) return;
        names.result.forEach(function (k, i) {
          if (store.getItem(k) === null) store.setItem(k, texts.result[i]);
        });
      });
    }).then(function () {
      restoring = null;
      copyChecked = true;
      if (adoptEarlier()) backup();
      findNewer();
      if (Object.keys(pending).length) write("restored", function () {});
      else notify();
    });
    return restoring;
  }

  // What a closed page left waiting (WAITING) goes on top of the notes the
  // copy puts back: per entry the newer wins, so it never replaces them.
  function takeWaiting() {
    var raw = parse(store.getItem(WAITING));
    if (!raw) {
      store.removeItem(WAITING);
      return false;
    }
    var left = normalise(raw);
    pending.waiting = function (data) {
      SECTIONS.forEach(function (section) {
        Object.keys(left[section]).forEach(function (id) {
          var kept = data[section][id];
          if (!kept || kept.updated < left[section][id].updated) data[section][id] = left[section][id];
        });
      });
      // Marks only ever add: a mark unset while waiting may come back.
      Object.keys(left.progress).forEach(function (slug) {
        var kept = data.progress[slug] || {};
        data.progress[slug] = { read: kept.read || left.progress[slug].read, discussed: kept.discussed || left.progress[slug].discussed };
      });
      ["ratings", "shared", "earlier"].forEach(function (part) {
        for (var k in left[part]) if (!(k in data[part])) data[part][k] = left[part][k];
      });
      if (!data.participant) data.participant = left.participant;
    };
    return true;
  }

  // In a platform: notes kept without a learner go to this learner, if they have none.
  function adoptEarlier() {
    if (prefix === plainPrefix || hasNotes(ours())) return false;
    var moved = false;
    try {
      keys().forEach(function (k) {
        if (k.indexOf(plainPrefix) !== 0) return;
        var mine = prefix + k.slice(plainPrefix.length);
        if (store.getItem(mine) === null) store.setItem(mine, store.getItem(k));
        store.removeItem(k);
        moved = true;
      });
    } catch (e) {
      /* storage full: what did not move stays under its old key */
    }
    return moved;
  }

  // A newer version of the course may have saved here: read it, never overwrite it.
  function findNewer() {
    try {
      keys().forEach(function (k) {
        if (k.indexOf(prefix + "v") === 0 && Number(k.slice(prefix.length + 1)) > VERSION) problem = "newer";
      });
    } catch (e) {
      /* no keys to list */
    }
  }

  window.addEventListener("storage", function (event) {
    // The whole storage cleared in another page (a platform's clean-up): put the notes back.
    if (event.key === null && copyWanted && !hasNotes(ours())) {
      copyChecked = false;
      restore();
      return;
    }
    if (event.key === null || event.key === KEY) notify();
  });

  findNewer();
  try {
    // Taken first, so that this page's own waiting changes keep it in WAITING too.
    var waited = takeWaiting();
    if (!copyWanted) adoptEarlier();
    else if (!hasNotes(ours())) restore();
    else if (!waited) backup();
    if (waited && !restoring) write("restored", function () {});
  } catch (e) {
    copyWanted = false;
  }

  window.CourseNotes = {
    available: available,
    FORMAT: FORMAT,
    VERSION: VERSION,
    courseId: courseId,
    read: safeRead,
    setAnswer: function (questionId, text, asked) {
      return setText("answers", questionId, text, asked);
    },
    setGroupNote: function (questionId, text, asked) {
      return setText("group", questionId, text, asked);
    },
    setAgreed: function (stepId, text, asked) {
      return setText("agreed", stepId, text, asked);
    },
    setProgress: function (moduleSlug, key, value) {
      if (key !== "read" && key !== "discussed") return { ok: false, reason: "blocked" };
      moduleSlug = String(moduleSlug);
      return write("progress\n" + moduleSlug + "\n" + key, function (data) {
        var state = data.progress[moduleSlug] || { read: false, discussed: false };
        state[key] = value === true;
        data.progress[moduleSlug] = state;
      });
    },
    subscribe: function (fn) {
      if (typeof fn === "function") listeners.push(fn);
      return function () {
        listeners = listeners.filter(function (other) {
          return other !== fn;
        });
      };
    },
    clear: function () {
      pending = {};
      damaged = null;
      try {
        if (copyWanted) {
          withCopy(function (db) {
            var tx = db.transaction(COPY_STORE, "readwrite");
            var copy = tx.objectStore(COPY_STORE);
            var names = copy.getAllKeys(ourRange());
            names.onsuccess = function () {
              names.result.forEach(function (k) {
                if (!beside(k)) copy.delete(k);
              });
            };
            return finished(tx);
          });
        }
        keys().forEach(function (k) {
          if (k.indexOf(prefix) === 0 && !beside(k)) store.removeItem(k);
        });
        problem = available ? null : "blocked";
        return available ? { ok: true } : { ok: false, reason: "blocked" };
      } catch (e) {
        return { ok: false, reason: available ? "quota" : "blocked" };
      } finally {
        notify();
      }
    },
    problem: function () {
      return problem;
    },
    unexportedSince: function () {
      var data = safeRead();
      var since = null;
      SECTIONS.concat(["ratings"]).forEach(function (section) {
        Object.keys(data[section]).forEach(function (id) {
          var t = data[section][id].updated;
          if (t && (!data.lastExport || t > data.lastExport) && (!since || t < since)) since = t;
        });
      });
      return since;
    },
    markExported: function () {
      return stamp("lastExport");
    },
    dismissReminder: function () {
      return stamp("reminderDismissed");
    },
    write: function (name, change) {
      return write("custom\n" + name, change);
    },
    // For group-file.js: ready() once the copy has put back what localStorage lacked.
    storeKey: function (name) {
      return prefix + name;
    },
    keep: function () {
      backup();
    },
    ready: function () {
      return Promise.resolve(restoring).then(function () {});
    },
    settled: function () {
      var chain = copyChain;
      return Promise.resolve(restoring)
        .then(function () {
          return chain;
        })
        .then(function () {
          return chain === copyChain && !restoring ? undefined : window.CourseNotes.settled();
        });
    },
  };
})();
