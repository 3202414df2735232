/*
 * Web workers for a site opened from disk.
 *
 * Chromium will not start a Worker from a file:// page, and Material's search
 * runs in one. Material's offline plugin therefore expects a shim that runs
 * the worker script inside a hidden same-origin <iframe> (the idea of the
 * iframe-worker package). The package writes an inline script into that
 * frame, which a strict Content-Security-Policy refuses; this shim writes
 * only <script src> tags, to files of our own, so the site's policy holds.
 *
 * Loaded only in the offline build (see mkdocs_adapter/offline.py), before Material's bundle.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  // Material's worker finds its files from the first script's address, so the
  // bootstrap lives in Material's workers/ folder, beside the search worker.
  var bootstrap = script.src.replace(/search\/[^/]*$/, "") + "workers/file-worker-frame.js";

  function FileWorker(url) {
    var target = new EventTarget();
    var self = this;
    this.url = String(new URL(url, location.href));
    this.onmessage = null;
    this.onerror = null;
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
    this._fromFrame = function (event) {
      if (event.source !== self.iframe.contentWindow) return;
      var message = new MessageEvent("message", { data: event.data });
      self.dispatchEvent(message);
      if (self.onmessage) self.onmessage(message);
    };
    window.addEventListener("message", this._fromFrame);

    this.iframe = document.createElement("iframe");
    this.iframe.hidden = true;
    this.iframe.setAttribute("aria-hidden", "true");
    this.iframe.tabIndex = -1;
    document.body.appendChild(this.iframe);
    var doc = this.iframe.contentWindow.document;
    doc.open();
    doc.write(
      '<!doctype html><html><head><title>worker</title></head><body>' +
        '<script src="' + encodeURI(bootstrap) + '"></scr' + 'ipt>' +
        '<script src="' + encodeURI(this.url) + '"></scr' + 'ipt></body></html>'
    );
    doc.close();
    this.ready = new Promise(function (resolve) {
      self.iframe.addEventListener("load", resolve, { once: true });
    });
  }

  FileWorker.prototype.postMessage = function (data) {
    var frame = this.iframe;
    this.ready.then(function () {
      frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
    });
  };

  FileWorker.prototype.terminate = function () {
    window.removeEventListener("message", this._fromFrame);
    this.iframe.remove();
  };

  window.IFrameWorker = FileWorker;
  if (location.protocol === "file:") {
    window.Worker = FileWorker;
  }
})();
