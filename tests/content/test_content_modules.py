"""The start page and the four core modules: presence, structure, time estimates, pictures and LIX.

Module pages are found from the built site (every page under modules/), so a
fifth module is checked without editing this file. The heading ids checked
here are a contract: the English edition uses the same ones.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import lxml.html
import pytest

from tests.support.readability import article_blocks, page_stats, text_stats
from tests.support.site_pages import PRINT_PAGE

LIX_MAX = 45
# Editions whose module pages are written.
WRITTEN = ("sv", "en")
# LIX is a Swedish measure; the English pages get Flesch reading ease in test_english_edition.py.
LIX_EDITIONS = ("sv",)
CORE_MODULES = {
    "varfor-nara-vard": ["modul-1"],
    "fabrikslogik-och-tjanstelogik": ["modul-2"],
    "vad-ar-systemledarskap": ["modul-3"],
    "kom-igang-tillsammans": ["steg-1", "steg-2a", "steg-2b", "steg-3", "avslutning"],
}
START_SECTIONS = ("for-vem", "tre-satt", "moduler", "borja-har")
START_LINKS = ("handledning/", "anteckningar/", "mallar/", "ordlista/")
DURATION = re.compile(r"(?:cirka|about) (\S+) (minuter|timmar|minutes|hours)")


# Helpers


def html_of(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def tree_of(site_dir: Path, path: str):
    return lxml.html.fromstring(html_of(site_dir, path))


def module_pages(pages, lang: str) -> list[str]:
    prefix = "" if lang == "sv" else f"{lang}/"
    return sorted(
        p.path
        for p in pages
        if p.lang == lang
        and p.path.startswith(f"{prefix}modules/")
        and p.path.count("/") == prefix.count("/") + 2
        and not p.path.endswith(f"{PRINT_PAGE}/")
    )


def slug(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


def text(el) -> str:
    return " ".join(el.text_content().split())


def next_element(el):
    sib = el.getnext()
    while sib is not None and not isinstance(sib.tag, str):
        sib = sib.getnext()
    return sib


def duration(el) -> str:
    found = DURATION.search(text(el))
    assert found, f"no 'cirka N minuter/timmar' or 'about N minutes/hours' in {text(el)!r}"
    return found.group(0)


# The LIX computation itself


def test_lix_matches_a_hand_count():
    # 6 words, 2 sentences, 2 words over six letters (ställer, Primärvården): 3 + 100 × 2 / 6.
    stats = text_stats(["Vi ställer om. Primärvården blir navet."])
    assert (stats.words, stats.sentences, stats.long_words) == (6, 2, 2)
    assert stats.lix == pytest.approx(3 + 100 * 2 / 6)


def test_lix_fails_an_official_style_sentence():
    skr = (
        "När huvudmännen utövar systemledarskap och tar ett gemensamt ansvar för utformning och "
        "utveckling av primärvården, kan invånarens behov mötas med lösningar som skapas över de "
        "organisatoriska gränserna."
    )
    assert text_stats([skr]).lix > LIX_MAX


def test_article_text_counts_blocks_as_sentences_and_skips_what_no_reader_reads():
    html = """<html><body><nav><p>Meny med väldigt långa navigeringsord</p></nav>
    <article><h1>Rubrik utan punkt</h1><ul><li>En punkt</li><li>En till</li></ul>
    <p>Text med <a href="#">en länk</a> i samma mening.</p><pre><code>kod som inte räknas</code></pre>
    <p hidden>Dolda ord</p><span aria-hidden="true">ikon</span></article></body></html>"""
    assert article_blocks(html) == ["Rubrik utan punkt", "En punkt", "En till", "Text med en länk i samma mening."]
    assert page_stats(html).sentences == 4


# Pages present, with the parts every module has


@pytest.mark.parametrize("lang", WRITTEN)
def test_the_core_modules_are_built(pages, lang):
    assert [slug(p) for p in module_pages(pages, lang)] == sorted(CORE_MODULES)


@pytest.mark.parametrize("lang", WRITTEN)
def test_every_module_page_has_goals_time_summary_and_further_reading(site_dir, pages, lang):
    problems = {}
    for path in module_pages(pages, lang):
        tree, found = tree_of(site_dir, path), []
        article = tree.xpath("//article")[0]
        if len(article.xpath(".//h1")) != 1:
            found.append("expected one h1")
        goals = article.xpath(".//h2[@id='larandemal']")
        if not goals:
            found.append("no h2#larandemal")
        elif not article.xpath("//h2[@id='larandemal']/following-sibling::*[self::ul or self::ol][1]/li"):
            found.append("no list of learning goals after #larandemal")
        time = article.xpath(".//*[@id='tid']")
        if not time or not DURATION.search(text(time[0])):
            found.append("no time estimate (#tid with 'cirka N minuter/timmar')")
        summary = article.xpath(".//h2[@id='sammanfattning']")
        if not summary or next_element(summary[0]) is None or next_element(summary[0]).tag != "p":
            found.append("no h2#sammanfattning followed by a paragraph")
        further = article.xpath(".//h2[@id='las-mer']")
        links = article.xpath("//h2[@id='las-mer']/following-sibling::ul[1]//a[starts-with(@href, 'http')]")
        if not further or not links:
            found.append("no h2#las-mer followed by a list with a link to a source")
        if goals and time and summary and further:
            position = {el: i for i, el in enumerate(article.iter())}
            order = [position[e[0]] for e in (goals, time, summary, further)]
            if order != sorted(order):
                found.append("parts out of order: expected goals, time, summary, further reading")
        if found:
            problems[path] = found
    assert problems == {}


@pytest.mark.parametrize("lang", WRITTEN)
def test_each_module_shows_its_reflection_steps_in_order(site_dir, pages, lang):
    shown = {
        slug(path): [s.get("data-step-id") for s in tree_of(site_dir, path).xpath("//article//section[contains(concat(' ', @class, ' '), ' reflection ')]")]
        for path in module_pages(pages, lang)
    }
    assert shown == CORE_MODULES


@pytest.mark.parametrize("lang", LIX_EDITIONS)
def test_module_pages_have_lix_at_most_45(site_dir, pages, lang):
    measured = {}
    for path in module_pages(pages, lang):
        stats = page_stats(html_of(site_dir, path))
        measured[path] = stats
        print(f"{path:45} LIX {stats.lix:5.1f}  words {stats.words:5}  sentences {stats.sentences:4}")
    assert len(measured) == len(CORE_MODULES)
    too_short = {p: s.words for p, s in measured.items() if s.words < 400}
    assert too_short == {}, "a module page this short is not written yet"
    too_hard = {p: round(s.lix, 1) for p, s in measured.items() if s.lix > LIX_MAX}
    assert too_hard == {}, f"LIX above {LIX_MAX}: shorter sentences and shorter words"


# The start page


@pytest.mark.parametrize("lang", WRITTEN)
def test_start_page_has_its_sections_and_links(site_dir, lang):
    prefix = "" if lang == "sv" else f"{lang}/"
    article = tree_of(site_dir, prefix).xpath("//article")[0]
    ids = {h.get("id") for h in article.xpath(".//h2")}
    assert set(START_SECTIONS) <= ids
    hrefs = {posixpath.normpath(a.get("href")) + "/" for a in article.xpath(".//a[@href]") if not a.get("href").startswith(("http", "mailto:", "#"))}
    expected = {f"modules/{m}/" for m in CORE_MODULES} | set(START_LINKS)
    assert expected <= hrefs


@pytest.mark.parametrize("lang", WRITTEN)
def test_start_page_gives_the_same_time_as_each_module(site_dir, lang):
    prefix = "" if lang == "sv" else f"{lang}/"
    article = tree_of(site_dir, prefix).xpath("//article")[0]
    on_start, on_module = {}, {}
    for module in CORE_MODULES:
        item = article.xpath(f".//a[@href='modules/{module}/']/ancestor::li[1]")
        assert item, f"the start page has no list item linking to modules/{module}/"
        on_start[module] = duration(item[0].xpath(".//*[contains(concat(' ', @class, ' '), ' course-time ')]")[0])
        on_module[module] = duration(tree_of(site_dir, f"{prefix}modules/{module}/").xpath("//*[@id='tid']")[0])
    assert on_start == on_module


# Pictures


@pytest.mark.parametrize("lang", WRITTEN)
def test_pictures_have_a_caption_and_a_text_equivalent_and_nothing_from_another_host(site_dir, pages, lang):
    prefix = "" if lang == "sv" else f"{lang}/"
    figures, problems = 0, []
    for path in [prefix, *module_pages(pages, lang)]:
        for fig in tree_of(site_dir, path).xpath("//article//figure"):
            figures += 1
            caption = fig.xpath(".//figcaption")
            if not caption or len(text(caption[0]).split()) < 4:
                problems.append(f"{path}: a figure without a figcaption that says what it shows")
            if not fig.xpath(".//li") and fig.get("role") != "img":
                problems.append(f"{path}: figure {text(caption[0]) if caption else ''!r} has no list as its text equivalent")
            for el in fig.xpath(".//*[@src or @href or @srcset]"):
                ref = el.get("src") or el.get("href") or el.get("srcset")
                if re.match(r"^(https?:)?//", ref):
                    problems.append(f"{path}: {el.tag} loads {ref}")
    assert figures >= 5, "expected the five pictures: timelines, logics, actors, levels, roles"
    assert problems == []


@pytest.mark.parametrize("lang", WRITTEN)
def test_nothing_scrolls_sideways_on_a_320_px_phone(browser, server, pages, lang):
    prefix = "" if lang == "sv" else f"{lang}/"
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    overflowing = {}
    try:
        for path in [prefix, *module_pages(pages, lang)]:
            page.goto(server.url + path, wait_until="load")
            # Elements sticking out of the viewport, except inside a box that scrolls on its own.
            found = page.evaluate(
                """() => {
                  const scrolls = el => { for (let a = el.parentElement; a; a = a.parentElement) {
                    const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
                  const out = [];
                  for (const el of document.querySelectorAll('article *')) {
                    const r = el.getBoundingClientRect();
                    if (r.width && (r.right > innerWidth + 1 || r.left < -1) && !scrolls(el))
                      out.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + ' ' + Math.round(r.right));
                  }
                  if (document.documentElement.scrollWidth > innerWidth) out.push('page ' + document.documentElement.scrollWidth);
                  return out.slice(0, 5);
                }"""
            )
            if found:
                overflowing[path] = found
    finally:
        context.close()
    assert overflowing == {}
