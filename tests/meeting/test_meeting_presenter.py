"""Meeting mode's presenter view in Chromium: two windows, one meeting, over http and from the offline zip.

The audience window is where meeting mode runs; "Presentatörsvy" opens the
facilitator's window (the test catches the new page). Each test checks what
a person sees in both windows; the facilitator's notes are compared with the
reflection data.
"""

from __future__ import annotations

import zipfile

import pytest
from axe_playwright_python.sync_playwright import Axe
from lxml import etree
from playwright.sync_api import expect

from course.model.load import load_course
from tests.support.site_build import ROOT
from tests.support.site_pages import offline_page
from tests.support.page_tour import AXE_OPTIONS, describe
from tests.meeting.test_meeting_view import DIALOG, FOUR, WATCH, no_errors, prefix, screen

LANGS = ["sv", "en"]
PRESENTER = "dialog.meeting--presenter"
AUDIENCE = "dialog.meeting--audience"
WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Records, in the page's own time line (ms since the epoch), when each screen is shown
# and when a key is pressed; both windows read the same system clock.
# (In a function, and watching from DOMContentLoaded: a pop-up's first document, about:blank,
# shares its window with the page it then loads.)
TIMES = """
(function () {
  window.__shown = [];
  window.__pressed = [];
  const stamp = () => performance.timeOrigin + performance.now();
  addEventListener('keydown', () => window.__pressed.push(stamp()), true);
  const watch = () => new MutationObserver(() => {
    const body = document.querySelector('.meeting__screen .meeting__body');
    if (body) window.__shown.push([body.getAttribute('data-question-id') || body.getAttribute('data-step-id'), stamp()]);
  }).observe(document, {childList: true, subtree: true});
  addEventListener('DOMContentLoaded', watch);
})();
"""


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT / "data" / "reflection", ROOT)


def new_context(browser, **options):
    context = browser.new_context(**{"viewport": {"width": 1366, "height": 768}, **options})
    context.add_init_script(WATCH)
    context.add_init_script(TIMES)
    return context


def ui(page, key: str) -> str:
    return page.evaluate("k => Course.config.ui[k]", key)


def open_presenter(context, url: str):
    """Meeting mode in one window, then the presenter view: (audience page, facilitator page)."""
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.locator(".meeting-launch__button").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{DIALOG}[open]")
    with context.expect_page() as info:
        page.locator(".meeting__presenter").click()
    popup = info.value
    popup.wait_for_selector(f"{PRESENTER}[open]")
    connected(popup)
    assert page.locator(AUDIENCE).count() == 1
    return page, popup


def connected(popup):
    popup.wait_for_function(
        "t => document.querySelector('.meeting__panel-status').textContent === t", arg=ui(popup, "meeting.presenter_connected")
    )


def showing(page) -> str:
    now = screen(page)
    return now["question"] or ("agreed:" if now["agreed"] else "") + now["step"]


def same_screen(page, expected: str):
    page.wait_for_function(
        """e => { const b = document.querySelector('.meeting__screen .meeting__body');
                  const id = b && (b.getAttribute('data-question-id') || (b.hasAttribute('data-agreed') ? 'agreed:' : '') + b.getAttribute('data-step-id'));
                  return id === e; }""",
        arg=expected,
    )


def largest_delay(sender, receiver) -> float:
    """The longest time between a key press in one window and the new screen in the other (ms)."""
    pressed = sender.evaluate("window.__pressed")
    shown = [t for _, t in receiver.evaluate("window.__shown")]
    delays = []
    for key_time in pressed:
        later = [t for t in shown if t >= key_time]
        if later:
            delays.append(min(later) - key_time)
    return max(delays) if delays else 0.0


def press_closing(page, key: str):
    """A key that closes the window: it is gone before the key comes up."""
    with page.expect_event("close"):
        page.keyboard.down(key)


def settled(page):
    """The entrance animation has run, so axe sees the colours a person sees."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def visible_text_count(page, text: str) -> int:
    return page.evaluate("t => document.querySelector('.md-content').innerText.split(t).length - 1", text)


# Both windows move together


@pytest.mark.parametrize("lang", LANGS)
def test_either_window_moves_the_meeting_and_the_other_follows(browser, server, course, lang):
    context = new_context(browser)
    try:
        page, popup = open_presenter(context, server.url + prefix(lang) + FOUR)
        step = course.step("steg-1")
        expected = [step.id] + [q.id for q in step.questions] + [f"agreed:{step.id}"]
        assert showing(popup) == showing(page) == expected[0]
        # Forward in the facilitator's window, with the arrow, Space and a clicker's PageDown.
        for index, key in enumerate(["ArrowRight", "PageDown", "Space", "ArrowRight"], start=1):
            popup.locator(".meeting__stage").focus()
            popup.keyboard.press(key)
            same_screen(page, expected[index])
            same_screen(popup, expected[index])
        forward = largest_delay(popup, page)
        # Back from the audience window, with the arrow and a clicker's PageUp.
        page.evaluate("window.__pressed = []; window.__shown = []")
        popup.evaluate("window.__pressed = []; window.__shown = []")
        for index, key in [(3, "PageUp"), (2, "ArrowLeft"), (1, "PageUp")]:
            page.keyboard.press(key)
            same_screen(popup, expected[index])
            same_screen(page, expected[index])
        back = largest_delay(page, popup)
        # The buttons move it too.
        popup.locator(".meeting__next").click()
        same_screen(page, expected[2])
        print(f"\n{lang}: largest delay between the windows: facilitator → audience {forward:.1f} ms, audience → facilitator {back:.1f} ms")
        no_errors(page)
        no_errors(popup)
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_facilitator_sees_the_question_the_next_one_and_the_guides_notes(browser, server, course, lang, tmp_path):
    context = new_context(browser)
    try:
        page, popup = open_presenter(context, server.url + prefix(lang) + FOUR)
        step = course.step("steg-1")
        popup.keyboard.press("ArrowRight")
        same_screen(page, step.questions[0].id)
        same_screen(popup, step.questions[0].id)
        assert popup.locator(".meeting__question").text_content() == step.questions[0].text[lang]
        assert popup.locator(".meeting__panel-next").text_content() == step.questions[1].text[lang]
        notes = popup.locator(".meeting__panel-note")
        assert notes.nth(0).text_content() == f"{ui(popup, 'meeting.purpose')}: {step.facilitation.purpose[lang]}"
        assert notes.nth(1).text_content() == f"{ui(popup, 'meeting.how')}: {step.facilitation.how[lang]}"
        minutes = sum(q.minutes or 0 for q in step.questions)
        shown = popup.evaluate("([k, n]) => Course.t(k, { count: n })", ["meeting.presenter_step_minutes", minutes])
        assert popup.locator(".meeting__panel-minutes").text_content() == shown
        assert f" {minutes} " in shown
        # Its close button ends the presenter view, and says so.
        assert popup.locator(".meeting__close").text_content() == ui(popup, "meeting.presenter_close")
        # The clock (24-hour) and the time into the meeting.
        assert popup.locator(".meeting__panel-clock").text_content().split()[-1].count(":") == 1
        assert popup.locator(".meeting__panel-elapsed").is_visible()
        # The audience sees the question and the timer, not the guide, the scribe's field or the notes.
        assert page.locator(".meeting__question").text_content() == step.questions[0].text[lang]
        assert page.locator(".meeting__timer").is_visible()
        assert page.locator(".meeting__scribe").is_hidden()
        assert page.locator(".meeting__panel").count() == 0
        # On the last question the next screen is the agreement.
        for _ in range(len(step.questions) - 1):
            popup.keyboard.press("ArrowRight")
        same_screen(page, step.questions[-1].id)
        assert popup.locator(".meeting__panel-next").text_content() == f"{ui(popup, 'meeting.agreed')}: {step.title[lang]}"
        settled(popup)
        popup.screenshot(path=str(tmp_path / f"presenter-{lang}.png"))  # to look at: pytest --basetemp
        no_errors(popup)
    finally:
        context.close()


def test_the_timer_started_in_one_window_shows_in_the_other(browser, server, course):
    context = new_context(browser)
    try:
        page, popup = open_presenter(context, server.url + FOUR)
        question = course.step("steg-1").questions[0]
        popup.keyboard.press("ArrowRight")
        same_screen(page, question.id)
        start = f"{question.minutes}:00"
        assert page.locator(".meeting__clock").text_content() == popup.locator(".meeting__clock").text_content() == start
        # Started in the facilitator's window: it runs in both.
        popup.keyboard.press("t")
        for window in (page, popup):
            window.wait_for_selector(".meeting__timer--running")
            window.wait_for_function("s => document.querySelector('.meeting__clock').textContent !== s", arg=start)
        # Paused in the audience window: both stop, at the same second.
        page.keyboard.press("t")
        popup.wait_for_selector(".meeting__timer--running", state="detached")
        page.wait_for_selector(".meeting__timer--running", state="detached")
        assert page.locator(".meeting__clock").text_content() == popup.locator(".meeting__clock").text_content()
        # A minute added in the facilitator's window shows in the audience's.
        before = page.locator(".meeting__clock").text_content()
        popup.locator(".meeting__add").click()
        minutes, seconds = before.split(":")
        page.wait_for_function(
            "s => document.querySelector('.meeting__clock').textContent === s", arg=f"{int(minutes) + 1}:{seconds}"
        )
        popup.locator(".meeting__reset").click()
        page.wait_for_function("s => document.querySelector('.meeting__clock').textContent === s", arg=start)
        no_errors(page)
        no_errors(popup)
    finally:
        context.close()


def test_the_audience_screen_goes_blank_while_the_facilitator_still_sees(browser, server):
    context = new_context(browser)
    try:
        page, popup = open_presenter(context, server.url + FOUR)
        popup.keyboard.press("b")
        page.wait_for_selector(".meeting__cover", state="visible")
        assert popup.locator(".meeting__cover").is_hidden()
        popup.wait_for_selector(".meeting__panel-blank", state="visible")
        popup.keyboard.press("b")
        page.wait_for_selector(".meeting__cover", state="hidden")
        popup.wait_for_selector(".meeting__panel-blank", state="hidden")
    finally:
        context.close()


# The scribe's text, saved once


@pytest.mark.parametrize("lang", LANGS)
def test_the_scribes_note_from_the_facilitators_window_is_saved_once(browser, server, course, lang, tmp_path):
    context = new_context(browser)
    try:
        page, popup = open_presenter(context, server.url + prefix(lang) + FOUR)
        step = course.step("steg-1")
        question = step.questions[1]
        note_text = "Skolan och elevhälsan saknas i vår bild."
        agreed_text = "Anna bjuder in skolan till nästa möte."
        # Count the store's writes in the audience window, which owns the meeting.
        page.evaluate(
            """() => { window.__writes = 0; for (const name of ['setGroupNote', 'setAgreed']) {
                 const real = CourseNotes[name]; CourseNotes[name] = function () { window.__writes += 1; return real.apply(this, arguments); }; } }"""
        )
        popup.evaluate(
            """() => { window.__writes = 0; for (const name of ['setGroupNote', 'setAgreed']) {
                 const real = CourseNotes[name]; CourseNotes[name] = function () { window.__writes += 1; return real.apply(this, arguments); }; } }"""
        )
        for _ in range(2):
            popup.keyboard.press("ArrowRight")
        same_screen(page, question.id)
        popup.get_by_label(ui(popup, "meeting.note")).fill(note_text)
        popup.locator(".meeting__stage").focus()
        for _ in range(len(step.questions) - 1):
            popup.keyboard.press("ArrowRight")
        same_screen(page, f"agreed:{step.id}")
        same_screen(popup, f"agreed:{step.id}")
        page.wait_for_function("() => window.__writes === 1")
        assert popup.evaluate("window.__writes") == 0, "the facilitator's window never writes the store itself"
        popup.locator(DIALOG).get_by_label(ui(popup, "meeting.agreed")).fill(agreed_text)
        press_closing(popup, "Escape")  # closes the presenter view, which saves the field first
        page.wait_for_selector(AUDIENCE, state="detached")
        assert page.evaluate("window.__writes") == 2, "one write for the note, one for the agreement"
        stored = page.evaluate("CourseNotes.read()")
        assert stored["group"] == {question.id: {"text": note_text, "updated": stored["group"][question.id]["updated"], "asked": question.text[lang]}}
        assert stored["agreed"][step.id]["text"] == agreed_text
        # Once on the page: the note under its question, the agreement in the step's field.
        page.keyboard.press("Escape")
        page.wait_for_selector(DIALOG, state="hidden")
        assert visible_text_count(page, note_text) == 1
        assert page.locator("#notes-agreed-steg-1").input_value() == agreed_text
        # And once in the .docx export.
        page.goto(server.url + prefix(lang) + "anteckningar/", wait_until="load")
        with page.expect_download() as info:
            page.get_by_role("button", name=ui(page, "notes.export.docx")).click()
        target = tmp_path / "notes.docx"
        info.value.save_as(target)
        with zipfile.ZipFile(target) as docx:
            body = etree.fromstring(docx.read("word/document.xml"))
        paragraphs = ["".join(t.text or "" for t in p.iter(f"{WORD}t")) for p in body.iter(f"{WORD}p")]
        assert sum(p.count(note_text) for p in paragraphs) == 1
        assert sum(p.count(agreed_text) for p in paragraphs) == 1
        no_errors(page)
    finally:
        context.close()


# Closing, reloading, focus


def test_closing_the_audience_window_leaves_the_facilitators_usable(browser, server, course):
    context = new_context(browser)
    try:
        page, popup = open_presenter(context, server.url + FOUR)
        page.close()
        popup.wait_for_function(
            "t => document.querySelector('.meeting__panel-status').textContent === t",
            arg=ui(popup, "meeting.presenter_audience_closed"),
        )
        step = course.step("steg-1")
        popup.keyboard.press("ArrowRight")
        same_screen(popup, step.questions[0].id)
        popup.keyboard.press("t")
        popup.wait_for_selector(".meeting__timer--running")
        popup.get_by_label(ui(popup, "meeting.note")).fill("Skrivet när projektorn var avstängd.")
        popup.locator(".meeting__stage").focus()
        popup.keyboard.press("ArrowRight")
        same_screen(popup, step.questions[1].id)
        assert popup.evaluate("CourseNotes.read().group")[step.questions[0].id]["text"] == "Skrivet när projektorn var avstängd."
        no_errors(popup)
    finally:
        context.close()


def test_closing_the_facilitators_window_returns_the_audience_to_meeting_mode(browser, server):
    context = new_context(browser)
    try:
        page, popup = open_presenter(context, server.url + FOUR)
        popup.keyboard.press("ArrowRight")
        popup.close()
        page.wait_for_selector(AUDIENCE, state="detached")
        assert page.locator(f"{DIALOG}[open]").count() == 1
        assert page.locator(".meeting__scribe").is_visible()
        assert page.locator(".meeting__presenter").get_attribute("aria-pressed") == "false"
        # Meeting mode works as before, on its own.
        before = showing(page)
        page.keyboard.press("ArrowRight")
        assert showing(page) != before
        no_errors(page)
    finally:
        context.close()


def test_esc_in_the_facilitators_window_returns_focus_to_where_the_reader_was(browser, server):
    context = new_context(browser)
    try:
        page, popup = open_presenter(context, server.url + FOUR)
        press_closing(popup, "Escape")
        page.wait_for_selector(AUDIENCE, state="detached")
        assert popup.is_closed()
        assert page.evaluate("document.activeElement.classList.contains('meeting__presenter')")
        # Esc in the audience window then leaves meeting mode, back at the block's button.
        page.keyboard.press("Escape")
        page.wait_for_selector(DIALOG, state="hidden")
        assert page.evaluate("document.activeElement.classList.contains('meeting-launch__button')")
        # And Esc in the audience window while both are open closes the facilitator's too.
        page2, popup2 = open_presenter(context, server.url + FOUR)
        with popup2.expect_event("close"):
            page2.keyboard.press("Escape")
        page2.wait_for_selector(DIALOG, state="hidden")
        no_errors(page)
    finally:
        context.close()


def test_either_window_reloads_and_they_find_each_other_again(browser, server, course):
    context = new_context(browser)
    try:
        page, popup = open_presenter(context, server.url + FOUR)
        step = course.step("steg-1")
        for _ in range(3):
            popup.keyboard.press("ArrowRight")
        same_screen(page, step.questions[2].id)
        # The facilitator's window reloads: it comes back at the meeting's screen.
        popup.reload(wait_until="load")
        popup.wait_for_selector(f"{PRESENTER}[open]")
        connected(popup)
        same_screen(popup, step.questions[2].id)
        # The audience window reloads: meeting mode opens again where the facilitator is.
        page.reload(wait_until="load")
        page.wait_for_selector(f"{AUDIENCE}[open]")
        same_screen(page, step.questions[2].id)
        connected(popup)
        popup.keyboard.press("ArrowRight")
        same_screen(page, step.questions[3].id)
        page.keyboard.press("ArrowLeft")
        same_screen(popup, step.questions[2].id)
        assert showing(page) == showing(popup) == step.questions[2].id
        no_errors(page)
        no_errors(popup)
    finally:
        context.close()


# When a second window is not possible


@pytest.mark.parametrize("lang", LANGS)
def test_a_blocked_pop_up_offers_to_continue_in_one_window(browser, server, lang):
    context = new_context(browser)
    context.add_init_script("window.open = function () { return null; };")  # what a pop-up blocker returns
    try:
        page = context.new_page()
        page.goto(server.url + prefix(lang) + FOUR, wait_until="load")
        page.keyboard.press("m")
        page.wait_for_selector(f"{DIALOG}[open]")
        page.locator(".meeting__presenter").click()
        notice = page.locator(".meeting__notice")
        expect(notice.get_by_text(ui(page, "meeting.presenter_blocked"))).to_be_visible()
        assert len(context.pages) == 1
        one = page.get_by_role("button", name=ui(page, "meeting.presenter_one_window"))
        assert one.evaluate("b => b === document.activeElement")
        one.click()
        assert notice.count() == 0
        page.locator(".meeting__stage").focus()
        before = showing(page)
        page.keyboard.press("ArrowRight")
        assert showing(page) != before
        assert page.locator(".meeting__scribe").is_visible()
        no_errors(page)
    finally:
        context.close()


def test_inside_a_frame_no_window_is_opened_and_one_window_is_offered(browser, server):
    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(server.url + "ordlista/", wait_until="load")
        page.evaluate(
            """u => { const f = document.createElement('iframe'); f.src = u; f.title = 'LMS';
                      f.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;border:0;z-index:9';
                      document.body.appendChild(f); }""",
            server.url + FOUR,
        )
        frame = page.frame_locator("iframe")
        frame.locator(".meeting-launch__button").first.click()
        frame.locator(".meeting__presenter").click()
        inner = page.frames[1]
        expect(frame.locator(".meeting__notice").get_by_text(inner.evaluate("Course.config.ui['meeting.presenter_framed']"))).to_be_visible()
        assert len(context.pages) == 1
    finally:
        context.close()


# From the offline zip (file://)


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_presenter_view_from_disk(browser, offline_site, course, lang_prefix, tmp_path):
    context = new_context(browser)
    try:
        url = offline_page(offline_site, lang_prefix + "modules/kom-igang-tillsammans").resolve().as_uri()
        page, popup = open_presenter(context, url)
        assert popup.url.startswith("file://")
        step = course.step("steg-1")
        popup.keyboard.press("ArrowRight")
        same_screen(page, step.questions[0].id)
        page.keyboard.press("PageDown")
        same_screen(popup, step.questions[1].id)
        popup.keyboard.press("t")
        page.wait_for_selector(".meeting__timer--running")
        popup.get_by_label(ui(popup, "meeting.note")).fill("Från disken.")
        popup.locator(".meeting__stage").focus()
        popup.keyboard.press("ArrowRight")
        same_screen(page, step.questions[2].id)
        assert page.evaluate("CourseNotes.read().group")[step.questions[1].id]["text"] == "Från disken."
        print(f"\nfile://{lang_prefix}: largest delay facilitator → audience {largest_delay(popup, page):.1f} ms")
        popup.close()
        page.wait_for_selector(AUDIENCE, state="detached")
        assert page.locator(".meeting__scribe").is_visible()
        no_errors(page)
    finally:
        context.close()


# What a person sees


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("lang", LANGS)
def test_both_windows_have_no_axe_violations(browser, server, course, lang, size):
    axe = Axe()
    width, height = size
    context = new_context(browser, viewport={"width": width, "height": height})
    try:
        page, popup = open_presenter(context, server.url + prefix(lang) + FOUR)
        popup.set_viewport_size({"width": width, "height": height})
        problems = {}
        step = course.step("steg-1")
        for name, target in [("intro", step.id), ("question", step.questions[0].id), ("agreed", f"agreed:{step.id}")]:
            while showing(popup) != target:
                popup.keyboard.press("ArrowRight")
            same_screen(page, target)
            settled(popup)
            settled(page)
            problems[f"facilitator {name}"] = describe(axe.run(popup, context=DIALOG, options=AXE_OPTIONS).response["violations"])
            problems[f"audience {name}"] = describe(axe.run(page, context=DIALOG, options=AXE_OPTIONS).response["violations"])
        assert {k: v for k, v in problems.items() if v} == {}
        # Nothing of the facilitator's window is cut off sideways.
        assert popup.evaluate("(s => s.scrollWidth <= s.clientWidth)(document.querySelector('.meeting__stage'))")
    finally:
        context.close()


def test_the_presenter_module_loads_only_when_asked_for(browser, server):
    context = new_context(browser)
    requested = []
    try:
        page = context.new_page()
        page.on("request", lambda r: requested.append(r.url))
        page.goto(server.url + FOUR, wait_until="load")
        page.keyboard.press("m")
        page.wait_for_selector(f"{DIALOG}[open]")
        assert not [u for u in requested if "meeting-presenter" in u]
    finally:
        context.close()
