/*
 * Glossary tooltips (see macros/tooltips.py). Material shows an <abbr>'s
 * title as a tooltip on hover and focus; WCAG 1.4.13 also asks that the
 * reader can dismiss it without moving the pointer or the focus. Escape
 * hides the tooltips that are showing; Material makes a fresh one the next
 * time the term is hovered or focused. A classic script, like course.js.
 */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    document.querySelectorAll('.md-tooltip2[role="tooltip"]').forEach(function (tooltip) {
      tooltip.style.display = "none";
    });
  });
})();
