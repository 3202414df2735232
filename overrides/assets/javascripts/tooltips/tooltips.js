/*
 * Glossary tooltips (see course/render/tooltips.py): a term in the text is an
 * <abbr title tabindex="0">, and its explanation shows below it on hover and
 * on focus (a tap on a phone focuses it).
 *
 * Material's content.tooltips did this by mounting a tooltip for every term
 * when the page loads, which cost a slow phone about 60 ms of blocked main
 * thread on a module page (issue 9). Here nothing runs until the reader
 * points at or focuses a term: a few listeners on the document do the rest,
 * and each term gets its tooltip element the first time it is used.
 *
 * WCAG 1.4.13: the tooltip stays while the pointer is on the term or on the
 * tooltip itself, or while the term has focus, and Escape hides it.
 * The explanation is set as text, and the title moves to aria-describedby,
 * so there is no second, native tooltip. A classic script, like course.js.
 */
(function () {
  "use strict";
  var GAP = 6; // px between the term and its tooltip
  var MARGIN = 8; // px kept free at the edges of the window
  var HIDE_AFTER_MS = 300; // time to move the pointer from the term onto the tooltip
  var made = 0;
  var current = null; // the term whose tooltip shows
  var hideTimer = null;

  function termOf(node) {
    var term = node && node.closest ? node.closest("abbr") : null;
    return term && (term.hasAttribute("title") || term.hasAttribute("data-course-tooltip")) ? term : null;
  }

  function tooltipOf(term) {
    var existing = document.getElementById(term.getAttribute("data-course-tooltip") || "");
    if (existing) return existing;
    var text = term.getAttribute("title");
    if (!text) return null;
    var tip = document.createElement("div");
    tip.id = "course-tooltip-" + ++made;
    tip.className = "course-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.textContent = text;
    tip.hidden = true;
    tip.addEventListener("pointerenter", keep);
    tip.addEventListener("pointerleave", hideSoon);
    document.body.appendChild(tip);
    term.removeAttribute("title");
    term.setAttribute("data-course-tooltip", tip.id);
    term.setAttribute("aria-describedby", tip.id);
    return tip;
  }

  function show(term) {
    keep();
    if (current && current !== term) hide();
    var tip = tooltipOf(term);
    if (!tip) return;
    current = term;
    tip.hidden = false;
    // Below the term, inside the window; above it if there is no room below.
    var box = term.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(MARGIN, Math.min(box.left, width - tip.offsetWidth - MARGIN));
    var top = box.bottom + GAP;
    if (top + tip.offsetHeight > window.innerHeight && box.top - GAP - tip.offsetHeight > 0) top = box.top - GAP - tip.offsetHeight;
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function hide() {
    keep();
    if (!current) return;
    var tip = document.getElementById(current.getAttribute("data-course-tooltip"));
    if (tip) tip.hidden = true;
    current = null;
  }

  function keep() {
    window.clearTimeout(hideTimer);
    hideTimer = null;
  }

  function hideSoon() {
    keep();
    hideTimer = window.setTimeout(function () {
      if (current && current !== document.activeElement) hide();
    }, HIDE_AFTER_MS);
  }

  document.addEventListener("pointerover", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
  });
  document.addEventListener("pointerout", function (event) {
    var term = termOf(event.target);
    if (term && term === current && !term.contains(event.relatedTarget)) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
  });
  document.addEventListener("focusout", function (event) {
    if (termOf(event.target) === current) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) hide();
  });
  window.addEventListener("resize", hide);
})();
