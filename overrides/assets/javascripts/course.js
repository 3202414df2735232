/*
 * Course boot script. A classic script, not an ES module: module scripts do
 * not load from file://, and the course must open from a zip on disk.
 * Loaded before Material's bundle, so what it changes is in place when the
 * bundle first reads the page.
 */
(function () {
  "use strict";

  // Material fetches "<href>/sitemap.xml" for every <link rel="alternate"> in
  // the head to redirect its language switcher. Our hreflang links point at
  // pages (absolute, for search engines), so those fetches would 404, or go to
  // another host when the site is served from somewhere else than SITE_URL.
  // The switcher's own links already lead to the same page in the other
  // language, so Material does not need them.
  document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
    link.remove();
  });

  // Material's search dialog has role="dialog" but no accessible name; name
  // it after its own, already translated, search field.
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var field = dialog && dialog.querySelector("input[aria-label]");
  if (dialog && field) {
    dialog.setAttribute("aria-label", field.getAttribute("aria-label"));
  }
})();
