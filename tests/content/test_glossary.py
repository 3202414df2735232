"""The glossary: its data, the Ordlista in both languages, and tooltips on the pages that use a term."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import pytest
from playwright.sync_api import expect
import yaml

from course.errors import CourseDataError
from course.content.glossary import GLOSSARY_FILE, LANGUAGES, load_glossary, parse_glossary
from course.render.tooltips import NO_TOOLTIP_INSIDE
from tests.support.project_copy import copy_project
from tests.support.site_build import ROOT, build_site
from tests.support.site_pages import edition_relative

# A page of this course that uses glossary terms, in each language.
SWEDISH_PAGE = "fordjupning/larande-exempel/"
ENGLISH_PAGE = "en/kallor/"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT)


def _abbreviations(html: str) -> list[dict]:
    """Every <abbr> in the page's article: title, text and the tags it sits in."""

    class Parser(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.stack: list[str] = []
            self.found: list[dict] = []

        def handle_starttag(self, tag, attrs):
            if tag == "abbr":
                self.found.append({**dict(attrs), "text": "", "inside": list(self.stack)})
            if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr"):
                self.stack.append(tag)

        def handle_endtag(self, tag):
            if tag in self.stack:
                del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]

        def handle_data(self, data):
            if self.stack and self.stack[-1] == "abbr":
                self.found[-1]["text"] += data

    article = html[html.find("<article") : html.find("</article>")]
    parser = Parser()
    parser.feed(article)
    return parser.found


def _html(site_dir, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


# The data


def test_every_term_has_both_languages_with_term_and_text():
    raw = yaml.safe_load((ROOT / GLOSSARY_FILE).read_text(encoding="utf-8"))
    assert len(raw["terms"]) >= 40
    for item in raw["terms"]:
        for lang in LANGUAGES:
            assert item[lang]["term"].strip() and item[lang]["text"].strip(), f"{item['id']} ({lang})"


def test_the_course_terms_are_in_the_glossary(glossary):
    ids = {t.id for t in glossary.terms}
    expected = {
        "nara-vard", "huvudman", "primarvard", "personcentrerad", "samskapande", "tjanstelogik",
        "fabrikslogik", "systemledning", "systemledarskap", "sip", "skr", "vardcentral", "region",
        "kommun", "organisatoriska-mellanrum", "fokusforflyttning", "malbild", "larande-uppfoljning",
        "mikroniva", "mesoniva", "makroniva", "komplext-system", "halsolabb",
    }  # fmt: skip
    assert sorted(expected - ids) == []


def test_tooltips_match_inflected_and_capitalised_forms(glossary):
    sv = glossary.abbreviations("sv")
    assert sv["vårdcentralerna"] == sv["vårdcentral"] == sv["Vårdcentral"]
    assert sv["SKR:s"] == sv["Sveriges Kommuner och Regioner"]
    assert glossary.abbreviations("en")["primary care centres"].startswith("A clinic in primary care")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["terms"][0].pop("en"), "term 'nara-vard': missing 'en' translation"),
        (lambda d: d["terms"][1]["sv"].update(text=""), "term 'huvudman' (sv): 'text' must be non-empty text"),
        (lambda d: d["terms"][2].update(see="region"), "term 'kommun': unknown key(s) see"),
        (lambda d: d["terms"][2]["en"].update(plural="x"), "term 'kommun' (en): unknown key(s) plural"),
        (lambda d: d["terms"].append(dict(d["terms"][0])), "term 'nara-vard': duplicate term id"),
        (
            lambda d: d["terms"][3]["sv"]["forms"].append("kommunen"),
            "term 'region': duplicate term: the sv spelling 'kommunen' is already used by term 'kommun'",
        ),
        (lambda d: d["terms"][3]["sv"].update(forms=["-region"]), "'-region' must begin and end with a letter"),
    ],
)
def test_broken_glossary_data_names_file_and_term(change, expected):
    data = yaml.safe_load((ROOT / GLOSSARY_FILE).read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(CourseDataError) as error:
        parse_glossary(data)
    assert str(error.value).startswith(f"{GLOSSARY_FILE}: ")
    assert expected in str(error.value)


def test_malformed_glossary_file_fails_the_build_naming_the_file(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / GLOSSARY_FILE).write_text("terms:\n  - id: nara-vard\n    sv: {term: [unclosed\n", encoding="utf-8")
    result = build_site(tmp_path / "out", project=project)
    assert result.returncode != 0
    assert f"{GLOSSARY_FILE}: not valid YAML" in result.output, result.output[-3000:]


# The Ordlista


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ordlista_lists_every_term_with_its_anchor_in_the_page_language(site_dir, glossary, lang):
    html = _html(site_dir, "ordlista" if lang == "sv" else f"{lang}/ordlista")
    assert f'<html lang="{lang}"' in html
    dl = html[html.find('<dl class="course-glossary">') : html.find("</dl>")]
    assert re.findall(r'<dt id="([^"]+)"', dl) and sorted(re.findall(r'<dt id="([^"]+)"', dl)) == sorted(
        t.id for t in glossary.terms
    )
    for term in glossary.terms:
        assert f"<dd>{escape(term.entries[lang].text)}</dd>" in dl, f"{term.id}: the {lang} explanation is missing"


def test_english_ordlista_gives_the_swedish_term_marked_as_swedish(site_dir):
    html = _html(site_dir, "en/ordlista")
    assert '<dt id="primarvard">primary care <span lang="sv">(primärvård)</span></dt>' in html
    assert '<dt id="nara-vard"><span lang="sv">Nära vård</span></dt>' in html


# Tooltips in the built pages


def test_a_used_term_gets_a_tooltip_in_the_page_language(site_dir, glossary):
    sv = _abbreviations(_html(site_dir, SWEDISH_PAGE))
    assert {"text": "hemmonitorering", "title": glossary.abbreviations("sv")["hemmonitorering"]}.items() <= next(
        a for a in sv if a["text"] == "hemmonitorering"
    ).items()
    en = _abbreviations(_html(site_dir, ENGLISH_PAGE))
    mission = next(a for a in en if a["text"] == "primary care mission")
    assert mission["title"] == glossary.abbreviations("en")["primary care mission"]


def test_tooltips_are_in_the_language_of_every_page(site_dir, pages, glossary):
    own = {lang: set(glossary.abbreviations(lang).values()) for lang in LANGUAGES}
    foreign = {lang: set().union(*(own[o] for o in LANGUAGES if o != lang)) - own[lang] for lang in LANGUAGES}
    wrong, counted = [], 0
    for page in pages:
        for abbr in _abbreviations((site_dir / page.path / "index.html").read_text(encoding="utf-8")):
            counted += 1
            if abbr["title"] in foreign[page.lang]:
                wrong.append(f"{page}: {abbr['text']}")
    assert counted > 50
    assert wrong == []


def test_one_focusable_tooltip_per_term_and_none_in_headings_or_links(site_dir, pages):
    problems = []
    for page in pages:
        abbrs = _abbreviations((site_dir / page.path / "index.html").read_text(encoding="utf-8"))
        titles = [a["title"] for a in abbrs]
        problems += [f"{page}: '{t[:30]}' twice" for t in set(titles) if titles.count(t) > 1]
        problems += [f"{page}: {a['text']} in {a['inside']}" for a in abbrs if NO_TOOLTIP_INSIDE & set(a["inside"])]
        problems += [f"{page}: {a['text']} not focusable" for a in abbrs if a.get("tabindex") != "0"]
    assert problems == []


def test_ordlista_has_no_tooltips(site_dir, pages):
    ordlista = [p for p in pages if edition_relative(p) == "ordlista/"]
    assert len(ordlista) == 2
    for page in ordlista:
        assert _abbreviations((site_dir / page.path / "index.html").read_text(encoding="utf-8")) == []


# Tooltips in Chromium


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tooltip_shows_on_hover_and_on_focus_and_escape_hides_it(page, server, site_dir, pages, glossary, lang):
    # The first page of the edition that uses at least two terms.
    path = next(
        (p.path for p in pages if p.lang == lang and len(_abbreviations(_html(site_dir, p.path))) >= 2), None
    )
    assert path is not None, f"no {lang} page uses two glossary terms"
    page.clock.install()  # the tooltip's short delay before hiding runs on this clock
    page.goto(server.url + path)
    terms = page.locator("article abbr[tabindex='0']")
    first, second = terms.nth(0), terms.nth(1)
    title, second_title = first.get_attribute("title"), second.get_attribute("title")
    assert title in glossary.abbreviations(lang).values()
    assert page.locator(".course-tooltip").count() == 0, "tooltips are made when first used, not at load"
    visible = page.locator('.course-tooltip[role="tooltip"]:visible')

    first.hover()
    expect(visible).to_have_count(1)
    expect(visible).to_have_text(title)
    # The title moved to the tooltip, so the browser shows no second, native one.
    assert first.get_attribute("title") is None
    assert first.get_attribute("aria-describedby") == visible.get_attribute("id")
    # WCAG 1.4.13: the pointer can move onto the tooltip, and it stays.
    box = visible.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=4)
    page.clock.run_for(2_000)
    expect(visible).to_have_text(title)
    page.mouse.move(0, 0)
    page.clock.run_for(2_000)
    expect(visible).to_have_count(0)

    second.focus()
    expect(visible).to_have_text(second_title)
    assert second.get_attribute("aria-describedby") == visible.get_attribute("id")
    box, host = visible.bounding_box(), second.bounding_box()
    assert box["y"] >= host["y"] + host["height"] - 1, "the tooltip should appear below the term"
    page.keyboard.press("Escape")
    expect(visible).to_have_count(0)
    expect(second).to_be_focused()
    first.focus()  # the same tooltip again, from its element made earlier
    expect(visible).to_have_text(title)


def test_tooltip_stays_inside_a_phone_screen(browser, server, site_dir, pages):
    path = next(p.path for p in pages if p.lang == "sv" and _abbreviations(_html(site_dir, p.path)))
    context = browser.new_context(viewport={"width": 320, "height": 640}, has_touch=True)
    try:
        page = context.new_page()
        page.goto(server.url + path)
        term = page.locator("article abbr[tabindex='0']").last
        term.scroll_into_view_if_needed()
        term.tap()
        tip = page.locator(".course-tooltip:visible")
        expect(tip).to_have_count(1)
        box = tip.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= 320
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


def test_a_term_split_across_two_source_lines_gets_its_own_tooltip():
    """ "system leadership⏎group" is the group, not system leadership followed by a word (issue 25)."""
    import markdown

    from course.render.tooltips import FirstUseExtension

    source = (
        "*[system leadership]: The way of leading\n\n*[system leadership group]: The group\n\n"
        "What your system leadership\n  group needs, and what system leadership is."
    )
    html = markdown.markdown(source, extensions=["abbr", FirstUseExtension()])
    assert re.findall(r'<abbr tabindex="0" title="([^"]+)">(.*?)</abbr>', html, re.S) == [
        ("The group", "system leadership\n  group"),
        ("The way of leading", "system leadership"),
    ], html
