"""The notes feature adds at most 26 KB (uncompressed) to a module page, and its other code loads only on demand."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from course.postbuild.minify import MINIFIERS
from tests.support.notes_support import MODULE, new_page
from tests.support.site_build import ROOT

# 29,923 bytes before issue 16; the store now also keeps the self-assessment
# (ratings, shared answers, participant id): 30,703. Issue 27: the copy in
# IndexedDB that outlives a learning platform's clearing of localStorage, and
# each learner's own key in a platform: 38,036. Measured 38,972 before the
# change below (notes-store.js 20,575; the budget had already been passed).
# Keeping a change that waits for the copy under "<prefix>waiting", so that a
# reload in that window does not lose it: notes-store.js 22,538, total 40,935.
# The group picture kept beside the notes, in their copy and under the learner's
# key (a platform's clean-up lost Gruppens resa's follow-up and occasions):
# notes-store.js 23,653, total 42,050. Issue 31: the site's scripts and stylesheets are
# minified (course/postbuild/minify.py): notes-store.js 12,049, total 25,160.
BUDGET = 25_500
CSS_START = "/* ==========================================================================\n   The reader's notes"
CSS_END = "/* ==== End of the reader's notes (issue 5) ==== */"


def added_bytes(site_dir, module_html: str) -> dict[str, int]:
    """What a module page loads for the notes: the scripts, their tags, and the notes section of course.css.

    The site's course.css is minified, without the comments that mark the section, so the
    section is taken from the source and minified as the build does (course/postbuild/minify.py).
    """
    scripts = site_dir / "assets" / "javascripts"
    css = (ROOT / "overrides" / "assets" / "stylesheets" / "course.css").read_text(encoding="utf-8")
    start, end = css.index(CSS_START), css.index(CSS_END) + len(CSS_END)
    tags = re.findall(r'<script (?:defer )?src="[^"]*/notes[^"]*"[^>]*></script>', module_html)
    return {
        "notes-store.js": (scripts / "notes" / "notes-store.js").stat().st_size,
        "notes.js": (scripts / "notes" / "notes.js").stat().st_size,
        "course.css (notes section)": len(MINIFIERS[".css"](css[start:end]).encode("utf-8")),
        "script tags": sum(len(tag.encode("utf-8")) for tag in tags),
    }


def test_a_module_page_grows_by_at_most_26_kb(site_dir):
    html = (site_dir / MODULE / "index.html").read_text(encoding="utf-8")
    sizes = added_bytes(site_dir, html)
    assert sizes["script tags"] > 0, "the module page must load the notes scripts"
    total = sum(sizes.values())
    print("\nbytes the notes add to a module page: " + ", ".join(f"{k} {v}" for k, v in sizes.items()) + f"; total {total}")
    assert total <= BUDGET, sizes


def test_a_module_page_loads_only_the_store_and_the_fields(browser, server):
    with new_page(browser) as page:
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(server.url + MODULE)
        expect(page.locator(".notes-field").first).to_be_visible()
        notes_scripts = sorted(u.rsplit("/", 1)[1] for u in requested if "/notes" in u and u.endswith(".js"))
        assert notes_scripts == ["notes-store.js", "notes.js"]
