/*
 * Meeting mode launcher. A classic script (see course.js), small on purpose:
 * on pages with reflection blocks it adds a "meeting mode" button to each
 * block and the key M, and only then loads the meeting view (meeting-timer.js,
 * then meeting.js, and its stylesheet meeting.css).
 * It also starts the presenter view (meeting-presenter.js) where a page is
 * one of its two windows: the facilitator's window that meeting mode opened,
 * or an audience window reloaded while the facilitator's is still open.
 * Pages without reflection blocks get nothing.
 */
(function () {
  "use strict";
  var Course = window.Course;
  var blocks = document.querySelectorAll("section.reflection[data-step-id]");
  if (!Course || !blocks.length) {
    return;
  }
  var KEY = "m";

  // The view's stylesheet (meeting.css), once, loaded before the view opens.
  var styled = null;
  function loadStyles() {
    if (!styled) {
      styled = new Promise(function (resolve) {
        var link = Course.el("link", { rel: "stylesheet", href: Course.assetUrl("../stylesheets/meeting.css") });
        // A missing stylesheet leaves the view plain, not closed.
        link.onload = link.onerror = resolve;
        document.head.appendChild(link);
      });
    }
    return styled;
  }

  function load() {
    return Promise.all([
      loadStyles(),
      Course.loadScript("meeting/meeting-timer.js").then(function () {
        return Course.loadScript("meeting/meeting.js");
      }),
    ]);
  }

  function launch(block, returnTo) {
    return load().then(function () {
      window.CourseMeeting.open(block, returnTo);
    });
  }

  // The presenter view's window name, which a reload keeps.
  var PRESENTER = "course-presenter:" + Course.config.courseId;
  Course.presenterWindow = PRESENTER;

  function presenter() {
    return load()
      .then(function () {
        return Course.loadScript("meeting/meeting-presenter.js");
      })
      .then(function () {
        return window.CourseMeetingPresenter;
      });
  }

  if (window.name === PRESENTER && window.opener) {
    presenter().then(function (view) {
      view.present();
    });
  } else {
    // A facilitator's window this page opened before a reload says hello.
    window.addEventListener("message", function (event) {
      var data = event.data;
      if (!data || data.course !== PRESENTER || data.type !== "hello" || data.page !== location.pathname) return;
      var ours = false;
      try {
        ours = !!event.source && event.source.opener === window;
      } catch (e) {
        ours = false;
      }
      if (!ours || (window.CourseMeetingPresenter && window.CourseMeetingPresenter.active())) return;
      var source = event.source;
      presenter().then(function (view) {
        if (!view.active()) view.reconnect(source, data);
      });
    });
  }

  // The block the reader is at: the first one not yet scrolled past, or under the
  // fixed header (the page's scroll-padding-top, course.css).
  function currentBlock() {
    var top = parseFloat(window.getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    for (var i = 0; i < blocks.length; i++) {
      if (blocks[i].getBoundingClientRect().bottom > top) {
        return blocks[i];
      }
    }
    return blocks[blocks.length - 1];
  }

  function isEditable(node) {
    return !!(node && node.closest && node.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])"));
  }

  function searchIsOpen() {
    var toggle = document.querySelector('input[data-md-toggle="search"]');
    return !!(toggle && toggle.checked);
  }

  Array.prototype.forEach.call(blocks, function (block) {
    var heading = block.querySelector("h2, h3, h4");
    var wrap = document.createElement("p");
    wrap.className = "meeting-launch";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "meeting-launch__button";
    button.textContent = Course.t("meeting.open");
    if (!Course.shortcutsOn || Course.shortcutsOn()) button.setAttribute("aria-keyshortcuts", KEY.toUpperCase());
    if (heading && heading.id) {
      button.setAttribute("aria-describedby", heading.id);
    }
    button.addEventListener("click", function () {
      launch(block, button);
    });
    wrap.appendChild(button);
    if (heading && heading.parentNode === block) {
      heading.insertAdjacentElement("afterend", wrap);
    } else {
      block.insertBefore(wrap, block.firstChild);
    }
  });

  document.addEventListener("keydown", function (event) {
    // Autofill sends keydown events without a key.
    if (String(event.key || "").toLowerCase() !== KEY || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.defaultPrevented || isEditable(event.target) || searchIsOpen()) {
      return;
    }
    if (window.CourseMeeting && window.CourseMeeting.isOpen()) {
      return;
    }
    event.preventDefault();
    launch(currentBlock(), document.activeElement);
  });
})();
