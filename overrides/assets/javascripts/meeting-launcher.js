/*
 * Meeting mode launcher. A classic script (see course.js), small on purpose:
 * on pages with reflection blocks it adds a "meeting mode" button to each
 * block and the key M, and only then loads the meeting view (meeting-timer.js,
 * then meeting.js).
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

  function launch(block, returnTo) {
    return Course.loadScript("meeting-timer.js")
      .then(function () {
        return Course.loadScript("meeting.js");
      })
      .then(function () {
        window.CourseMeeting.open(block, returnTo);
      });
  }

  // The block the reader is at: the first one not yet scrolled past.
  function currentBlock() {
    for (var i = 0; i < blocks.length; i++) {
      if (blocks[i].getBoundingClientRect().bottom > 0) {
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
