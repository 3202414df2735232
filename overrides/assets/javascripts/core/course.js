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

  // The drawer and search toggles carry no autocomplete="off" (invalid on a
  // checkbox; see course/postbuild/html_fixes.py), so close them when a page is shown
  // again from the back/forward cache.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) toggle.click();
    });
  });

  // Material's search dialog has role="dialog" but no accessible name; name
  // it after its own, already translated, search field.
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var field = dialog && dialog.querySelector("input[aria-label]");
  if (dialog && field) {
    dialog.setAttribute("aria-label", field.getAttribute("aria-label"));
  }
})();

/*
 * Shared helpers for the course's scripts, on window.Course:
 *   Course.config        {courseId, lang, ui} from the page's #course-config JSON
 *   Course.t(key, values) an interface string in the page's language (data/ui/*.yml),
 *                        with "{name}" placeholders filled from `values`, and a number's
 *                        singular or plural form chosen where the string says
 *                        "{name, plural, one {# answer} other {# answers}}" ("#" is the number;
 *                        the form by Intl.PluralRules of the page's language)
 *                        (the same rule as ui_text in course/content/ui_strings.py)
 *   Course.el(tag, attrs, text)  a new element; `text` is set as text, never as HTML
 *   Course.download(blob, name)  save `blob` as the file `name` (the notes' exports, the group file)
 *   Course.readText(file, maxBytes)  Promise of {ok: true, text} or {ok: false, reason}; never rejects
 *   Course.parseJson(text, maxBytes, format)  {ok: true, raw} or {ok: false, reason}: the size, a
 *                        byte order mark, the JSON and its "format" field, as the notes' and the group's
 *                        files share them; reasons "not_json", "too_large", "unreadable", "format"
 *   Course.assetUrl(p)   URL of a file under assets/javascripts/ ("notes/notes-page.js")
 *   Course.loadScript(p) load a classic script from there once; returns a Promise
 *   Course.framed        true inside another page's frame, as in a learning platform's
 *                        SCORM package: features that would open a window of their own
 *                        (a presenter view) stay in this one instead, since platforms
 *                        often block pop-ups from a course
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? script.src.replace(/core\/[^/]*$/, "") : "";
  var config = { courseId: "course", lang: document.documentElement.lang, ui: {} };
  var el = document.getElementById("course-config");
  if (el) {
    try {
      config = JSON.parse(el.textContent);
    } catch (e) {
      /* keep the defaults: the page still reads without our scripts */
    }
  }
  var loading = {};
  var own = function (object, name) {
    return Object.prototype.hasOwnProperty.call(object, name);
  };
  // "{count, plural, one {# answer} other {# answers}}": a number's forms, by plural category.
  var PLURAL = /\{(\w+), plural,((?:\s*\w+ \{[^{}]*\})+)\s*\}/g;
  var PLURAL_FORM = /(\w+) \{([^{}]*)\}/g;
  var pluralRules = null;
  try {
    pluralRules = new Intl.PluralRules(config.lang || "en");
  } catch (e) {
    /* no Intl: English and Swedish have the same two forms */
  }
  var pluralCategory = function (n) {
    if (typeof n !== "number") return "other";
    return pluralRules ? pluralRules.select(n) : n === 1 ? "one" : "other";
  };
  window.Course = {
    config: config,
    framed: window.top !== window.self,
    t: function (key, values) {
      var text = own(config.ui, key) ? config.ui[key] : key;
      values = values || {};
      // One pass each, so a value (a file name, say) is never read as a placeholder.
      text = text.replace(PLURAL, function (whole, name, forms) {
        if (!own(values, name)) return whole;
        var form = {};
        forms.replace(PLURAL_FORM, function (_, category, words) {
          form[category] = words;
        });
        var category = pluralCategory(values[name]);
        return (own(form, category) ? form[category] : form.other || "").split("#").join(String(values[name]));
      });
      return text.replace(/\{(\w+)\}/g, function (whole, name) {
        return own(values, name) ? String(values[name]) : whole;
      });
    },
    el: function (tag, attrs, text) {
      var node = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (name) {
        if (attrs[name] !== null && attrs[name] !== undefined) node.setAttribute(name, attrs[name]);
      });
      if (text !== undefined) node.textContent = text;
      return node;
    },
    download: function (blob, name) {
      var url = URL.createObjectURL(blob);
      var link = window.Course.el("a", { href: url, download: name, hidden: "" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () {
        URL.revokeObjectURL(url);
      }, 60000);
    },
    readText: function (file, maxBytes) {
      var fail = function (reason) {
        return Promise.resolve({ ok: false, reason: reason });
      };
      try {
        if (!file || typeof file.size !== "number" || file.size === 0) return fail("not_json");
        if (file.size > maxBytes) return fail("too_large");
        return file.text().then(
          function (text) {
            return { ok: true, text: text };
          },
          function () {
            return { ok: false, reason: "unreadable" };
          }
        );
      } catch (e) {
        return fail("unreadable");
      }
    },
    parseJson: function (text, maxBytes, format) {
      if (typeof text !== "string") return { ok: false, reason: "not_json" };
      if (text.length > maxBytes) return { ok: false, reason: "too_large" };
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      var raw;
      try {
        raw = JSON.parse(text);
      } catch (e) {
        return { ok: false, reason: "not_json" };
      }
      if (raw === null || typeof raw !== "object" || Array.isArray(raw) || raw.format !== format) return { ok: false, reason: "format" };
      return { ok: true, raw: raw };
    },
    assetUrl: function (path) {
      return base + path;
    },
    loadScript: function (path) {
      if (!loading[path]) {
        loading[path] = new Promise(function (resolve, reject) {
          var tag = document.createElement("script");
          tag.src = base + path;
          tag.onload = resolve;
          tag.onerror = function () {
            reject(new Error("Could not load " + path));
          };
          document.head.appendChild(tag);
        });
      }
      return loading[path];
    },
  };
})();

/*
 * Single-key shortcuts can be turned off (WCAG 2.1.4): Material's S, F and /
 * (search), P, N, "," and "." (pages), and the course's M (meeting mode).
 * The reader's choice is kept in this browser under "<courseId>:settings",
 * apart from the notes, and made on the accessibility page in the box
 * [data-course-shortcuts]. Meeting mode's own keys work only while its view
 * has focus, which 2.1.4 allows, so they stay.
 */
(function () {
  "use strict";
  var course = window.Course;
  var KEY = course.config.courseId + ":settings";

  function settings() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY));
      return value !== null && typeof value === "object" ? value : {};
    } catch (e) {
      return {};
    }
  }

  function shortcutsOn() {
    return settings().shortcuts !== false;
  }

  // Where a letter is text: a field one types in, search, or meeting mode's own view.
  // A radio button or a checkbox is not (issue 26, F3): Material treats a radio as
  // typing only for the arrow keys, so "n" on one left the page, setting or no setting.
  var NOT_TYPED = /^(radio|checkbox|button|submit|reset|file|range|color|image)$/;
  function typingOrSearching(target) {
    var search = document.getElementById("__search");
    if (search && search.checked) return true;
    if (!target || !target.closest) return false;
    if (target.closest("textarea, select, [contenteditable]:not([contenteditable='false']), dialog")) return true;
    return target.tagName === "INPUT" && !NOT_TYPED.test(target.type);
  }

  function onFormControl(target) {
    return !!(target && target.closest && target.closest("input, select, textarea"));
  }

  // Capturing on window runs before every other key listener, Material's included.
  // Off means off whatever has focus; on, a form control never leaves the page on a
  // stray letter (the control keeps its own keys: Space, arrows, Enter).
  window.addEventListener(
    "keydown",
    function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || String(event.key || "").length !== 1 || event.key === " ") return;
      if (typingOrSearching(event.target)) return;
      if (shortcutsOn() && !onFormControl(event.target)) return;
      event.stopImmediatePropagation();
    },
    true
  );
  course.shortcutsOn = shortcutsOn;

  var slot = document.querySelector("[data-course-shortcuts]");
  if (!slot) return;
  var box = course.el("input", { type: "checkbox", id: "course-shortcuts" });
  var status = course.el("p", { class: "notes-message", role: "status" });
  box.checked = shortcutsOn();
  box.addEventListener("change", function () {
    var next = settings();
    next.shortcuts = box.checked;
    var saved = true;
    try {
      window.localStorage.setItem(KEY, JSON.stringify(next));
    } catch (e) {
      saved = false;
    }
    status.textContent = course.t(saved ? (box.checked ? "shortcuts.on" : "shortcuts.off") : "shortcuts.not_saved");
  });
  var line = course.el("p", { class: "course-setting" });
  line.appendChild(box);
  line.appendChild(course.el("label", { for: "course-shortcuts" }, course.t("shortcuts.label")));
  slot.appendChild(line);
  slot.appendChild(status);
})();

/*
 * Keyboard and screen-reader access to Material's header, drawer and search
 * (issue 26): named buttons that work from the keyboard, and focus kept visible
 * after each action. Here, not in copies of Material's header.html and
 * palette.html (no blocks), which would have to follow each Material release.
 */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");
  var NARROW_DRAWER = window.matchMedia("(max-width: 76.234375em)");
  var NARROW_SEARCH = window.matchMedia("(max-width: 59.984375em)");

  // A named span role=button in each label, which may not be or hold a button (issue 31).
  // Names: "Meny"; the search field's; the scheme's title ("Byt till mörkt läge").
  var queryField = document.querySelector('[data-md-component="search-query"]');
  var names = {
    __drawer: window.Course.t("header.menu"),
    __search: queryField ? queryField.getAttribute("aria-label") : "",
  };
  var BUTTON = "course-header-button";
  var buttons = {};
  document.querySelectorAll('label.md-header__button[for="__drawer"], label.md-header__button[for="__search"], [data-md-component="palette"] label').forEach(function (label) {
    var button = window.Course.el("span", { class: BUTTON, role: "button", tabindex: "0" });
    var name = names[label.htmlFor] || label.getAttribute("title");
    if (name) button.setAttribute("aria-label", name);
    while (label.firstChild) button.appendChild(label.firstChild);
    label.appendChild(button);
    // Not left to the label: browsers differ on clicks on focusable content in one.
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var control = document.getElementById(label.htmlFor);
      if (control) control.click();
    });
    buttons[label.htmlFor] = button;
  });
  // F12: Material names each scheme's radio after the other scheme ("Dark mode, checked"
  // in the light one), and Space on it does nothing. The button above is the control;
  // the radios leave the Tab order and the accessibility tree.
  document.querySelectorAll('[data-md-component="palette"] input.md-option').forEach(function (radio) {
    radio.removeAttribute("aria-label");
    radio.setAttribute("aria-hidden", "true");
    radio.setAttribute("tabindex", "-1");
  });

  function press(event) {
    return event.key === "Enter" || event.key === " " || event.key === "Spacebar";
  }

  // Enter or Space on a header button (the menu, search, the colour scheme). Capturing,
  // so that Material's palette form, which switches on Enter, never sees it.
  document.addEventListener("keydown", function (event) {
    var button = event.target;
    if (!press(event) || !button || !button.classList || !button.classList.contains(BUTTON)) return;
    event.preventDefault(); // Space would scroll the page
    event.stopPropagation(); // Material's palette form would switch on Enter as well
    button.click();
  }, true);

  // F12: after a switch the other scheme's button is the one shown; focus goes there.
  var palette = document.querySelector('[data-md-component="palette"]');
  if (palette) {
    palette.addEventListener("change", function () {
      if (!palette.contains(document.activeElement)) return;
      window.requestAnimationFrame(function () {
        var shown = palette.querySelector("label:not([hidden]) > ." + BUTTON);
        if (shown) shown.focus();
      });
    });
  }

  // F2: the menu button says whether the drawer is open, focus goes into the drawer
  // when it opens and back to the button when Esc closes it. The closed drawer is
  // hidden (course.css), so its links are no Tab stops.
  var menu = buttons.__drawer;
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (drawer && menu && sidebar) {
    sidebar.id = sidebar.id || "course-drawer";
    menu.setAttribute("aria-controls", sidebar.id);
    var sync = function () {
      menu.setAttribute("aria-expanded", String(drawer.checked));
      // At once, not only after the slide out (course.css hides it then).
      sidebar.inert = NARROW_DRAWER.matches && !drawer.checked;
      if (drawer.checked && NARROW_DRAWER.matches && menu.contains(document.activeElement)) {
        var first = sidebar.querySelector("a[href], button, label[tabindex], input:not([type=checkbox])");
        // After the slide starts, so the browser does not scroll the drawer to show it.
        window.setTimeout(function () {
          if (first && drawer.checked) first.focus({ preventScroll: true });
        }, 0);
      }
    };
    drawer.addEventListener("change", sync);
    if (NARROW_DRAWER.addEventListener) NARROW_DRAWER.addEventListener("change", sync);
    sync();
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !drawer.checked || !NARROW_DRAWER.matches) return;
      drawer.click();
      menu.focus();
    });
    // Tab out of the open drawer closes it: what focus goes to is not under the overlay.
    sidebar.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (drawer.checked && NARROW_DRAWER.matches && next && !sidebar.contains(next) && next !== menu) drawer.click();
    });
  }

  // F7, F15: Esc in search keeps focus on the search field where the field shows in
  // the header, and on the search button where it does not (below 60em). The results
  // box is hidden while search is closed (course.css), so it is no Tab stop then.
  var query = document.querySelector('[data-md-component="search-query"]');
  var searchButton = buttons.__search;
  if (search && query) {
    window.addEventListener(
      "keydown",
      function (event) {
        if (event.key !== "Escape" || !search.checked) return;
        event.stopImmediatePropagation();
        event.preventDefault();
        var close = function () {
          if (search.checked) search.click(); // as Material's own Esc does
        };
        if (NARROW_SEARCH.matches && searchButton) {
          close();
          searchButton.focus();
        } else if (document.activeElement === query) {
          close();
        } else {
          // From a result: Material opens search when the field gains focus (noticed 1 ms
          // later), so the field takes focus first and search closes after that.
          query.focus({ preventScroll: true });
          window.setTimeout(close, 50);
        }
      },
      true
    );
    // Focus kept on the closed field: typing opens search again.
    query.addEventListener("input", function () {
      if (!search.checked) search.click();
    });
    // Below 60em the field is off the screen until search opens: the button is the stop.
    var placeField = function () {
      if (NARROW_SEARCH.matches && !search.checked) query.setAttribute("tabindex", "-1");
      else query.removeAttribute("tabindex");
    };
    search.addEventListener("change", placeField);
    if (NARROW_SEARCH.addEventListener) NARROW_SEARCH.addEventListener("change", placeField);
    placeField();
  }

  // F5, F6: each result link is named after its heading (Chromium gives a link around
  // an <article> no name), and the result count is a polite status while search is open.
  var list = document.querySelector(".md-search-result__list");
  var meta = document.querySelector(".md-search-result__meta");
  // Only while search is open: not "Skriv sökord" on every page, once the index is loaded.
  if (meta && search) {
    var live = function () {
      if (search.checked) meta.setAttribute("role", "status");
      else meta.removeAttribute("role");
    };
    search.addEventListener("change", live);
    live();
  }
  if (list && window.MutationObserver) {
    new MutationObserver(function () {
      list.querySelectorAll("a.md-search-result__link:not([aria-label])").forEach(function (link) {
        var heading = link.querySelector("h1, h2");
        var text = (heading || link).textContent.replace(/\s+/g, " ").trim();
        if (text) link.setAttribute("aria-label", text);
      });
    }).observe(list, { childList: true, subtree: true });
  }

  // F16: the language list opens from its button (aria-expanded), and Esc closes it
  // without moving focus away from the list's button. Hover still opens it.
  document.querySelectorAll(".md-select").forEach(function (select, n) {
    var button = select.querySelector("button");
    var inner = select.querySelector(".md-select__inner");
    if (!button || !inner) return;
    inner.id = inner.id || "course-select-" + n;
    button.setAttribute("aria-controls", inner.id);
    var set = function (open) {
      select.setAttribute("data-course-select", open ? "open" : "closed");
      button.setAttribute("aria-expanded", String(open));
    };
    set(false);
    button.addEventListener("click", function () {
      set(select.getAttribute("data-course-select") !== "open");
    });
    select.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || select.getAttribute("data-course-select") !== "open") return;
      event.stopPropagation();
      set(false);
      button.focus();
    });
    select.addEventListener("focusout", function (event) {
      if (!select.contains(event.relatedTarget)) set(false);
    });
  });
})();

/*
 * Wide tables scroll inside their own box on a phone (WCAG 1.4.10). A box
 * that scrolls must be reachable by keyboard (WCAG 2.1.1), so Material's
 * table wrappers get tabindex="0" while they overflow.
 */
(function () {
  "use strict";
  function markScrollableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        var caption = box.querySelector("caption");
        if (caption) box.setAttribute("aria-label", caption.textContent.trim());
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
      }
    });
  }
  var pending = null;
  function schedule() {
    if (pending) cancelAnimationFrame(pending);
    pending = requestAnimationFrame(markScrollableTables);
  }
  document.addEventListener("DOMContentLoaded", function () {
    // Material wraps tables when it mounts a page; document$ emits then.
    if (window.document$ && window.document$.subscribe) {
      window.document$.subscribe(schedule);
    }
    schedule();
  });
  window.addEventListener("resize", schedule);
})();

/*
 * Printing shows everything: collapsed details open for the printout and
 * close again afterwards, on every page, whatever Material has mounted.
 */
(function () {
  "use strict";
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      details.setAttribute("data-opened-for-print", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-opened-for-print]").forEach(function (details) {
      details.open = false;
      details.removeAttribute("data-opened-for-print");
    });
  });
})();
