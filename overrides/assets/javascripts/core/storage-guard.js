/*
 * Runs in <head>, before Material's inline scripts. When the browser blocks
 * storage (some private modes, strict settings), reading window.localStorage
 * throws, and Material's scripts would throw with it. Here a stand-in that
 * lives in memory takes its place, and window.CourseStorageBlocked tells the
 * notes store that nothing will be kept.
 */
(function () {
  "use strict";
  function memoryStorage() {
    var items = Object.create(null);
    return {
      get length() {
        return Object.keys(items).length;
      },
      key: function (i) {
        return Object.keys(items)[i] === undefined ? null : Object.keys(items)[i];
      },
      getItem: function (k) {
        return k in items ? items[k] : null;
      },
      setItem: function (k, v) {
        items[k] = String(v);
      },
      removeItem: function (k) {
        delete items[k];
      },
      clear: function () {
        items = Object.create(null);
      },
    };
  }
  // The notes store keeps the reader's notes in one of these when storage is blocked.
  window.CourseMemoryStorage = memoryStorage;
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      window[name].getItem("__course_probe");
    } catch (e) {
      try {
        Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
        if (name === "localStorage") window.CourseStorageBlocked = true;
      } catch (e2) {
        /* cannot replace it: Material's scripts will report the error */
      }
    }
  });
})();
