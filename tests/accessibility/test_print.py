"""Printing: no navigation, open details, lines to write on, and the whole course on one page."""

from __future__ import annotations

import re

from course.render.print_course import module_markdown

WHOLE_COURSE = {"sv": "modules/hela-kursen/", "en": "en/modules/hela-kursen/"}
MODULES = ["varfor-nara-vard", "fabrikslogik-och-tjanstelogik", "vad-ar-systemledarskap", "kom-igang-tillsammans"]


def test_the_print_page_holds_every_module_and_question_in_order(site_dir):
    for lang, path in WHOLE_COURSE.items():
        html = (site_dir / path / "index.html").read_text(encoding="utf-8")
        positions = [html.index(f'data-module="{slug}"') for slug in MODULES]
        assert positions == sorted(positions), lang
        printed = re.findall(r'data-question-id="([^"]+)"', html)
        on_modules = []
        prefix = "en/" if lang == "en" else ""
        for slug in MODULES:
            module = (site_dir / prefix / "modules" / slug / "index.html").read_text(encoding="utf-8")
            on_modules += re.findall(r'data-question-id="([^"]+)"', module)
        assert printed == on_modules and len(printed) > 20
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), f"{lang}: duplicate ids on the print page"


def test_a_module_s_blocks_come_to_the_print_page_as_paper_one_level_down():
    module = '# Titel\n\n## Mål { #mal }\n\n{{ var_star_vi("m") }}\n{{ reflektion("s") }}\n{{ reflektion("t", level=3) }}\n'
    assert module_markdown(module, "m").splitlines() == [
        "## Titel", "", "### Mål { #m-mal }", "",
        '{{ var_star_vi("m", level=3, paper=True) }}',
        '{{ reflektion("s", level=3, paper=True) }}',
        '{{ reflektion("t", level=4, paper=True) }}',
    ]


def test_print_page_is_not_in_search(site_dir):
    for index in ("search/search_index.json", "en/search/search_index.json"):
        assert "hela-kursen" not in (site_dir / index).read_text(encoding="utf-8")


def test_printed_page_hides_navigation_and_shows_writing_lines(page, server):
    page.goto(server.url + "modules/kom-igang-tillsammans/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".meeting-launch__button"):
        if page.locator(selector).count():
            assert not page.locator(selector).first.is_visible(), selector
    line_height = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.reflection__question'), '::after').height)"
    )
    assert line_height > 40
    assert page.locator(".notes-field__input").first.is_hidden()


def test_details_open_when_printing(page, server):
    """Collapsed details print open, and close again after printing (course.js)."""
    page.goto(server.url + "modules/varfor-nara-vard/")
    page.evaluate(
        """() => { const d = document.createElement('details'); const s = document.createElement('summary');
        s.textContent = 'Mer'; d.append(s, 'Dold text'); document.querySelector('article').append(d); }"""
    )
    assert page.evaluate("document.querySelector('article details').open") is False
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_function("() => document.querySelector('article details').open")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.wait_for_function("() => !document.querySelector('article details').open")


def test_the_print_page_shows_on_screen_what_it_prints(page, server):
    """Lines to write on under every question and a circle to tick for every answer of the
    self-assessments; no form fields, meeting mode or downloads (readers answer on the module
    pages); headings in order under each module; tables of contents that list the modules."""
    for lang, path in WHOLE_COURSE.items():
        page.goto(server.url + path)
        page.wait_for_function("() => window.Course")
        questions = page.locator(".reflection__question")
        assert questions.count() > 20, lang
        heights = page.evaluate(
            """() => [...document.querySelectorAll('.reflection__question')]
            .map(q => parseFloat(getComputedStyle(q, '::after').height))"""
        )
        assert min(heights) > 40, lang
        statements = page.locator(".assessment--paper .assessment__statement")
        assert statements.count() >= 4 * 4, lang
        assert page.locator(".assessment--paper .assessment__scale li").count() == 6 * statements.count(), lang
        circle = page.evaluate(
            "getComputedStyle(document.querySelector('.assessment__scale li'), '::before').borderRadius"
        )
        assert circle == "50%", lang
        for absent in ("input", "textarea", "button", ".notes-field", ".meeting-launch", ".reflection__downloads",
                       "[data-step-id]", "[data-assessment]"):
            assert page.locator(f"article {absent}").count() == 0, (lang, absent)
        # Each module is an h2 under the page's h1; its self-assessment and reflection headings sit below it.
        levels = page.evaluate(
            """() => [...document.querySelectorAll('article h1, article h2, article h3, article h4')]
            .map(h => [Number(h.tagName[1]), h.className])"""
        )
        assert all(b[0] - a[0] <= 1 for a, b in zip(levels, levels[1:])), (lang, levels)
        assert {level for level, cls in levels if cls in ("assessment__heading", "reflection__heading")} == {3, 4}, lang
        toc = page.locator(".md-sidebar--secondary .md-nav__link")
        titles = [t.strip() for t in toc.all_inner_texts()]
        module_titles = page.locator(".print-module > h2").all_inner_texts()
        assert titles == module_titles and len(titles) == len(MODULES), (lang, titles)
        # No meeting mode (its key M included) and no self-assessment script: nothing here for them.
        for script in ("meeting-launcher.js", "self-assessment.js"):
            assert page.locator(f'script[src*="{script}"]').count() == 0, (lang, script)


def test_the_print_page_lays_out_a_module_as_it_nears_the_window(browser, server):
    """On a phone the modules below the window wait to be laid out (content-visibility), yet a
    link into the last one lands on its heading, and printing lays out every module."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    try:
        page.goto(server.url + WHOLE_COURSE["sv"])
        page.wait_for_function("() => window.Course")
        shown = """[...document.querySelectorAll('.print-module__body')]
            .map(b => b.firstElementChild.checkVisibility({contentVisibilityAuto: true}))"""
        assert page.evaluate(shown) == [True, False, False, False]
        # Opened at a heading of the last module, as a link from another page does.
        page.close()
        page = context.new_page()
        page.goto(server.url + WHOLE_COURSE["sv"] + "#kom-igang-tillsammans-tips-for-samtalet")
        heading = page.locator("#kom-igang-tillsammans-tips-for-samtalet")
        page.wait_for_function("() => window.Course")
        header = page.locator(".md-header").bounding_box()["height"]
        top = heading.bounding_box()["y"]
        # Near the top under the header, where it lands without content-visibility too, and it stays there.
        assert header <= top <= 823 / 4, (header, top)
        # Two frames on: a module laid out late above it would have pushed it down by now.
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        assert heading.bounding_box()["y"] == top
        assert page.evaluate(shown)[-1] is True
        page.emulate_media(media="print")
        assert set(page.evaluate(
            "[...document.querySelectorAll('.print-module__body')].map(b => getComputedStyle(b).contentVisibility)"
        )) == {"visible"}
    finally:
        context.close()
