/*
 * Runs first inside the hidden frame made by file-worker-shim.js: gives the
 * worker script the two things a real worker has and a page lacks.
 */
(function () {
  "use strict";
  // A worker's postMessage talks to its owner.
  window.postMessage = function (data) {
    parent.postMessage(data, "*");
  };
  // A worker's importScripts loads scripts in order; here it returns a
  // Promise, which Material's worker awaits.
  window.importScripts = function () {
    var urls = Array.prototype.slice.call(arguments);
    return urls.reduce(function (previous, url) {
      return previous.then(function () {
        return new Promise(function (resolve, reject) {
          var tag = document.createElement("script");
          tag.src = url;
          tag.onload = resolve;
          tag.onerror = reject;
          document.body.appendChild(tag);
        });
      });
    }, Promise.resolve());
  };
})();
