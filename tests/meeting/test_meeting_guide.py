"""The facilitator guide's time plan and the discussion cards agree with the reflection data, and print well."""

from __future__ import annotations

import math
import re

import pytest
from lxml import html as lxml_html

from course.model.load import load_course
from course.notes.templates import guidance_text
from tests.support.browser import RequestLog
from tests.support.site_build import ROOT

LANGS = ["sv", "en"]
CARDS_PER_SHEET = 6
MM = 96 / 25.4  # CSS pixels per millimetre


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT / "data" / "reflection", ROOT)


def prefix(lang: str) -> str:
    return "" if lang == "sv" else f"{lang}/"


def built_page(site_dir, lang: str, name: str):
    return lxml_html.fromstring((site_dir / prefix(lang) / name / "index.html").read_text(encoding="utf-8"))


def text(node) -> str:
    return " ".join(node.text_content().split())


# The time plan


@pytest.mark.parametrize("lang", LANGS)
def test_time_plan_per_meeting_equals_the_sum_of_the_data(site_dir, course, lang):
    doc = built_page(site_dir, lang, "handledning")
    tables = doc.xpath("//table[@data-meeting]")
    # The course runs in three or four meetings, and the follow-up meeting (issue 30) comes last.
    assert 4 <= len(tables) <= 5, "the course runs in three or four meetings, and a follow-up"
    planned: list[str] = []
    report = []
    for number, table in enumerate(tables, start=1):
        assert table.get("data-meeting") == str(number)
        total = questions_total = 0
        for row in table.xpath("./tbody/tr"):
            step = course.step(row.get("data-step-id"))
            questions, minutes = (int(text(td)) for td in row.xpath("./td"))
            assert questions == len(step.questions), step.id
            assert minutes == sum(q.minutes or 0 for q in step.questions), step.id
            assert text(row.xpath("./th")[0]) == step.title[lang]
            planned.append(step.id)
            total += minutes
            questions_total += questions
        foot = [int(text(td)) for td in table.xpath("./tfoot/tr/td")]
        assert foot == [questions_total, total]
        assert int(table.get("data-minutes")) == total
        assert str(total) in text(table.xpath("./caption")[0])
        report.append(total)
    # Every step of the course is in exactly one meeting, in course order.
    assert planned == course.step_ids()
    # The three-meeting variant (meetings 3 and 4 together) names the sum of both.
    combined = [int(n) for p in doc.xpath("//article//p") for n in re.findall(r"\b(\d{2,3})\b", text(p))]
    assert report[2] + report[3] in combined
    assert tables[-1].get("data-steps").split() == [s.id for s in course.steps if s.module.page == "uppfoljning"]
    # The follow-up meeting's caption names it, not its place in the series ("Möte 5").
    follow_up = next(s.module for s in course.steps if s.module.page == "uppfoljning")
    assert text(tables[-1].xpath("./caption")[0]).startswith(follow_up.title[lang] + ": ")
    assert str(len(tables)) not in text(tables[-1].xpath("./caption")[0]).split(":")[0]
    assert text(tables[0].xpath("./caption")[0]).startswith(("Möte 1: ", "Meeting 1: "))
    print(f"\n{lang}: minutes per meeting {report}, total {sum(report)}")


@pytest.mark.parametrize("lang", LANGS)
def test_time_plan_links_lead_to_the_steps_on_the_module_pages(site_dir, course, lang):
    doc = built_page(site_dir, lang, "handledning")
    page_dir = site_dir / prefix(lang) / "handledning"
    for row in doc.xpath("//table[@data-meeting]/tbody/tr"):
        href = row.xpath("./th/a/@href")[0]
        path, _, anchor = href.partition("#")
        target = (page_dir / path / "index.html").resolve()
        step = course.step(row.get("data-step-id"))
        assert target == (site_dir / prefix(lang) / step.module.page / "index.html").resolve(), href
        assert lxml_html.fromstring(target.read_text(encoding="utf-8")).xpath(f'//*[@id="{anchor}"]'), href


def test_unknown_step_in_the_time_plan_fails_the_build_naming_the_page(tmp_path):
    from tests.support.project_copy import copy_project
    from tests.support.site_build import build_site

    project = copy_project(tmp_path / "project")
    guide = project / "docs" / "handledning.en.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace('tidsplan(4, "steg-3"', 'tidsplan(4, "steg-9"'), encoding="utf-8")
    result = build_site(tmp_path / "out", project=project)
    assert result.returncode != 0
    assert "docs/handledning.en.md: steg-9: unknown step id" in result.output


# The discussion cards


@pytest.mark.parametrize("lang", LANGS)
def test_every_question_is_one_card_in_the_page_language(site_dir, course, lang):
    doc = built_page(site_dir, lang, "samtalskort")
    cards = doc.xpath('//li[contains(@class, "discussion-card")]')
    expected = [(step, q) for step in course.steps for q in step.questions]
    assert [c.get("data-question-id") for c in cards] == [q.id for _, q in expected]
    for card, (step, question) in zip(cards, expected):
        parts = {p.get("class"): text(p) for p in card.xpath("./p")}
        assert parts["discussion-card__step"] == step.title[lang]
        assert parts["discussion-card__question"] == question.text[lang]
        assert parts.get("discussion-card__guidance") == guidance_text(course, question, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_cards_print_six_to_an_a4_sheet_with_cutting_lines(browser, server, course, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log = RequestLog(page, server.url)
    try:
        page.goto(server.url + prefix(lang) + "samtalskort/", wait_until="load")
        page.emulate_media(media="print")
        cards = page.evaluate(
            """() => [...document.querySelectorAll('.discussion-card')].map(c => {
                 const s = getComputedStyle(c), r = c.getBoundingClientRect();
                 return {x: Math.round(r.left), w: r.width, h: r.height, outline: s.outlineStyle,
                         avoid: s.breakInside, overflows: c.scrollHeight > c.clientHeight + 1};
               })"""
        )
        assert len(cards) == len(course.questions())
        assert len({c["x"] for c in cards}) == 2, "two columns"
        assert all(c["outline"] == "dashed" and c["avoid"] == "avoid" for c in cards)
        assert [c for c in cards if c["overflows"]] == [], "a card's text runs over its cutting line"
        # Three rows fit on an A4 sheet with the cards' 10 mm margins.
        assert all(3 * c["h"] <= (297 - 20) * MM for c in cards)
        pdf = page.pdf(format="A4")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        # The instructions, then six cards on every sheet.
        assert pages == 1 + math.ceil(len(cards) / CARDS_PER_SHEET), pages
        assert log.foreign == []
        print(f"\n{lang}: {len(cards)} cards on {pages} A4 pages")
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_guide_prints_without_splitting_a_time_plan(browser, server, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(server.url + prefix(lang) + "handledning/", wait_until="load")
        page.emulate_media(media="print")
        styles = page.evaluate(
            """() => [...document.querySelectorAll('table[data-meeting]')].map(t => {
                 const wrap = t.closest('.md-typeset__scrollwrap') || t;
                 const heading = wrap.previousElementSibling;
                 return [getComputedStyle(t).breakInside, heading.tagName, getComputedStyle(heading).breakAfter,
                         getComputedStyle(document.querySelector('.md-sidebar--primary')).display];
               })"""
        )
        assert styles and all(s == ["avoid", "H3", "avoid", "none"] for s in styles), styles
        pdf = page.pdf(format="A4")
        # Seven sheets since each meeting's table has the steps' notes (purpose, how to lead) under it;
        # eight with the follow-up meeting's (issue 30).
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 8
    finally:
        context.close()


# The facilitator's notes on each step: in the guide, and on the block the presenter view reads


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_and_the_blocks_carry_each_steps_notes_from_the_data(site_dir, course, lang):
    guide = built_page(site_dir, lang, "handledning")
    for step in course.steps:
        notes = step.facilitation
        (term,) = guide.xpath(f'//dl[@class="meeting-plan__notes"]/dt[@data-step-id="{step.id}"]')
        assert text(term) == step.title[lang]
        described = term.xpath("following-sibling::*")
        assert [d.get("data-note") for d in described[:2]] == ["purpose", "how"]
        assert text(described[0]).endswith(notes.purpose[lang]) and text(described[1]).endswith(notes.how[lang])
        module = built_page(site_dir, lang, step.module.page)
        (block,) = module.xpath(f'//section[@data-step-id="{step.id}"]')
        assert block.get("data-facilitation-purpose") == notes.purpose[lang]
        assert block.get("data-facilitation-how") == notes.how[lang]
