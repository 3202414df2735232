"""One visit of every built page per browser set-up, shared by the checks that look at every page.

Loading a page in Chromium costs far more than looking at it, and six checks used to load
every page on their own. The tour loads each page once per set-up (scheme and window size),
after its scripts have run, and records what those checks need: axe's violations, sideways
overflow, Content-Security-Policy violations, interface-string keys shown instead of their
text, the HTML of the English pages, and every request to another host or that failed.
Each check keeps its own test and its own message (tests/accessibility/test_accessibility.py,
test_reflow.py, test_csp.py, test_requests.py, test_ui_strings.py, test_english_edition.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from course.content.ui_strings import load_table
from tests.support.browser import RECORD_VIOLATIONS
from tests.support.site_pages import edition_relative

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The rules Lighthouse's accessibility category turns on over axe's WCAG A and AA rules
# (lighthouse/core/gather/gatherers/accessibility.js, Lighthouse 12.8): best practices, and
# rules axe marks experimental, which a run by tag leaves out even when they carry a WCAG tag
# (td-has-header). Issue 31: a label made role="button" (aria-allowed-role) and a table whose
# first column had no header cells (td-has-header) passed our run and cost Lighthouse's 100.
LIGHTHOUSE_RULES = [
    "accesskeys", "aria-allowed-role", "aria-conditional-attr", "aria-deprecated-role", "aria-dialog-name",
    "aria-prohibited-attr", "aria-text", "aria-treeitem-name", "empty-heading", "heading-order",
    "html-xml-lang-mismatch", "identical-links-same-purpose", "image-redundant-alt", "input-button-name",
    "label-content-name-mismatch", "landmark-one-main", "link-in-text-block", "meta-viewport", "select-name",
    "skip-link", "tabindex", "table-duplicate-name", "table-fake-caption", "target-size", "td-has-header",
    # Not Lighthouse's, but what a table's header cells need as well.
    "empty-table-header", "th-has-data-cells",
]
AXE_OPTIONS = {
    # All of axe's best practices too, Lighthouse's or not (landmark-unique, region …): no page
    # breaks one since the print page's "Var står vi?" regions and tables of contents (issue 31).
    "runOnly": {"type": "tag", "values": [*WCAG_TAGS, "best-practice"]},
    "rules": {rule: {"enabled": True} for rule in LIGHTHOUSE_RULES},
    "resultTypes": ["violations"],
}


@dataclass(frozen=True)
class SetUp:
    name: str
    scheme: str
    viewport: dict
    axe: bool
    # Only at laptop size: the checks whose result does not depend on the window.
    content: bool = False
    # The pages visited, by their path within an edition (both languages); None: every page.
    sample: frozenset[str] | None = None


# Window sizes in CSS pixels. The phone is 320 px wide, the width of WCAG's reflow criterion;
# 200 % zoom on a 1280×800 window lays the page out in 640×400.
SIZES = {
    "phone": {"width": 320, "height": 640},
    "laptop": {"width": 1366, "height": 768},
    "projector": {"width": 1920, "height": 1080},
    "zoom-200": {"width": 640, "height": 400},
}
# One page of each kind. At projector size the layout is the laptop's (Material's widest
# breakpoint is 1220 px) with larger type, so axe looks at these in both languages there.
ONE_OF_EACH_KIND = frozenset({
    "", "modules/vad-ar-systemledarskap/", "modules/hela-kursen/", "fordjupning/", "fordjupning/halsolabb/",
    "handledning/", "samtalskort/", "anteckningar/", "gruppens-bild/", "gruppens-resa/", "mallar/", "ordlista/", "kallor/",
    "tillganglighet/", "vad-ar-nytt/",
})
# axe at every size in the light scheme (every page at phone and laptop size), and in the
# dark scheme at laptop size, where colours are what changes.
SET_UPS = [
    SetUp("phone-320", "light", SIZES["phone"], axe=True),
    SetUp("laptop", "light", SIZES["laptop"], axe=True, content=True),
    SetUp("projector", "light", SIZES["projector"], axe=True, sample=ONE_OF_EACH_KIND),
    SetUp("dark-laptop", "dark", SIZES["laptop"], axe=True),
    SetUp("zoom-200", "light", SIZES["zoom-200"], axe=False),
]
AXE_SET_UPS = [s.name for s in SET_UPS if s.axe]
REFLOW_SET_UPS = ["phone-320", "zoom-200"]

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
WIDEST = """() => {
  const limit = document.documentElement.clientWidth;
  const inScrollBox = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p); if (/(auto|scroll|hidden)/.test(s.overflowX) && p !== document.body && p !== document.documentElement) return true; }
    return false; };
  return [...document.querySelectorAll('body *')]
    .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > limit + 1 && !inScrollBox(el))
    .slice(0, 3)
    .map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
         + ' right=' + Math.round(el.getBoundingClientRect().right));
}"""
SHOWN_TEXT = (
    "() => document.body.innerText + ' ' + [...document.querySelectorAll('[aria-label], [title], [placeholder]')]"
    ".map(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')].join(' ')).join(' ')"
)


def describe(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(n['target'][0] if isinstance(n['target'][0], str) else str(n['target']) for n in v['nodes'][:3])}"
        for v in violations
    ]


@dataclass
class Tour:
    # set-up name -> page ("sv:modules/x/") -> finding
    axe: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    checked: dict[str, list[str]] = field(default_factory=dict)
    overflow: dict[str, dict[str, str]] = field(default_factory=dict)
    csp: dict[str, list[str]] = field(default_factory=dict)
    console_csp: list[str] = field(default_factory=list)
    keys: dict[str, list[str]] = field(default_factory=dict)
    english_html: dict[str, str] = field(default_factory=dict)  # path -> HTML once scripts have run
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def take_tour(browser, server_url: str, pages) -> Tour:
    tour = Tour()
    axe_script = Axe().axe_script
    keys = set(load_table("en"))
    own_host = urlsplit(server_url).netloc
    for set_up in SET_UPS:
        context = browser.new_context(viewport=set_up.viewport, color_scheme=set_up.scheme)
        context.add_init_script(RECORD_VIOLATIONS)
        # Listening, not routing: a route would hold up every request of every page.
        context.on("request", lambda r: _note_foreign(tour, r.url, own_host))
        context.on("response", lambda r: tour.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page = context.new_page()
        page.on("console", lambda m: tour.console_csp.append(m.text) if m.type == "error" and "Content Security Policy" in m.text else None)
        tour.axe[set_up.name], tour.overflow[set_up.name], tour.checked[set_up.name] = {}, {}, []
        try:
            for site_page in pages:
                if set_up.sample is not None and edition_relative(site_page) not in set_up.sample:
                    continue
                _visit(page, server_url + site_page.path, set_up)
                where = str(site_page)
                expected = "slate" if set_up.scheme == "dark" else "default"
                assert page.get_attribute("body", "data-md-color-scheme") == expected, f"{where}: not the {set_up.scheme} scheme"
                if set_up.name in REFLOW_SET_UPS and page.evaluate(OVERFLOW) > 0:
                    tour.overflow[set_up.name][where] = f"{page.evaluate(OVERFLOW)}px too wide: {page.evaluate(WIDEST)}"
                if set_up.axe:
                    page.evaluate(axe_script)
                    violations = page.evaluate("options => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)
                    if violations:
                        tour.axe[set_up.name][where] = describe(violations)
                if set_up.content:
                    if found := page.evaluate("window.__csp"):
                        tour.csp[where] = found
                    if hits := sorted(keys & set(re.findall(r"[a-z_]+(?:\.[a-z_]+)+", page.evaluate(SHOWN_TEXT)))):
                        tour.keys[where] = hits
                    if site_page.lang == "en":
                        tour.english_html[site_page.path] = page.content()
                tour.checked[set_up.name].append(where)
        finally:
            context.close()
    return tour


def _visit(page, url: str, set_up: SetUp) -> None:
    """Open a page and wait until the scripts that build its answer fields and notes tools have run."""
    page.goto(url, wait_until="load")
    if page.locator("section.reflection[data-step-id]").count():
        page.wait_for_selector(".notes-field__input", state="attached")  # notes.js has run
    if page.locator("[data-notes-tools]").count():
        page.wait_for_selector("[data-notes-tools] button", state="attached")  # notes-page.js has run


def _note_foreign(tour: Tour, url: str, own_host: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("data", "blob") and parts.netloc != own_host:
        tour.foreign.append(url)
