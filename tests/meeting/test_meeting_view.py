"""Meeting mode in Chromium, both languages: keys, blank screen, timer, focus, scribe note, axe, type size.

The view is built from the page's reflection blocks; these tests compare what
it shows with the reflection data, so a question missing from the view fails.
"""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from course.model.load import load_course
from tests.support.site_build import ROOT
from tests.support.page_tour import AXE_OPTIONS, describe

LANGS = ["sv", "en"]
DIALOG = "dialog.meeting"
BODY = ".meeting__body"
LIVE = ".meeting__live"
FOUR = "modules/kom-igang-tillsammans/"  # module 4: five reflection blocks
NEXT_KEYS = ["ArrowRight", "PageDown", "Space"]
PREV_KEYS = ["ArrowLeft", "PageUp"]

# Records errors and CSP violations; counts what the Web Audio API is asked to do.
WATCH = """
window.__errors = [];
window.addEventListener("error", function (e) { window.__errors.push(String(e.message)); });
window.addEventListener("unhandledrejection", function (e) { window.__errors.push(String(e.reason)); });
document.addEventListener("securitypolicyviolation", function (e) {
  window.__errors.push("CSP " + e.violatedDirective + " " + e.blockedURI);
});
window.__audio = {contexts: 0, tones: 0};
(function () {
  var Real = window.AudioContext;
  if (!Real) return;
  window.AudioContext = function () {
    window.__audio.contexts += 1;
    var ctx = new Real();
    var make = ctx.createOscillator.bind(ctx);
    ctx.createOscillator = function () {
      var osc = make();
      var start = osc.start.bind(osc);
      osc.start = function (when) { window.__audio.tones += 1; return start(when); };
      return osc;
    };
    return ctx;
  };
})();
"""


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT / "data" / "reflection", ROOT)


def prefix(lang: str) -> str:
    return "" if lang == "sv" else f"{lang}/"


def module_pages(course) -> dict[str, list]:
    """Module page path -> its steps, in course order."""
    pages: dict[str, list] = {}
    for step in course.steps:
        pages.setdefault(f"{step.module.page}/", []).append(step)
    return pages


def new_page(browser, **options):
    context = browser.new_context(**{"viewport": {"width": 1366, "height": 768}, **options})
    context.add_init_script(WATCH)
    return context, context.new_page()


def open_view(page, url: str, block: int = 0):
    page.goto(url, wait_until="load")
    launcher = page.locator(".meeting-launch__button").nth(block)
    launcher.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{DIALOG}[open]")
    return launcher


def screen(page) -> dict:
    return page.evaluate(
        """() => {
          const body = document.querySelector('.meeting__body');
          const q = body.querySelector('.meeting__question');
          return {
            question: body.getAttribute('data-question-id'),
            step: body.getAttribute('data-step-id'),
            agreed: body.hasAttribute('data-agreed'),
            text: q ? q.textContent : null,
            live: document.querySelector('.meeting__live').textContent,
          };
        }"""
    )


def no_errors(page):
    assert page.evaluate("window.__errors") == []


def go_to_question(page, question_id: str):
    for _ in range(60):
        if screen(page)["question"] == question_id:
            return
        page.keyboard.press("ArrowRight")
    raise AssertionError(f"question {question_id} not reached")


# Opening, stepping through, leaving


@pytest.mark.parametrize("lang", LANGS)
def test_keys_step_through_every_question_of_every_module_page(browser, server, course, lang):
    context, page = new_page(browser)
    try:
        for path, steps in module_pages(course).items():
            open_view(page, server.url + prefix(lang) + path)
            expected = []
            for step in steps:
                expected.append(("step", step.id, None))
                expected += [("question", q.id, q.text[lang]) for q in step.questions]
                expected.append(("agreed", step.id, None))
            seen = []
            for index in range(len(expected)):
                now = screen(page)
                if now["question"]:
                    seen.append(("question", now["question"], now["text"]))
                    assert now["live"].endswith(now["text"]), f"{path}: the new question is not announced"
                else:
                    seen.append(("agreed" if now["agreed"] else "step", now["step"], None))
                page.keyboard.press(NEXT_KEYS[index % len(NEXT_KEYS)])
            assert seen == expected, f"{lang}:{path}"
            # Past the last screen, the step's agreement, the view stays and says so.
            assert screen(page)["agreed"] and screen(page)["step"] == steps[-1].id
            # And back again, to the first screen.
            for index in range(len(expected) - 1):
                page.keyboard.press(PREV_KEYS[index % len(PREV_KEYS)])
            assert screen(page)["step"] == steps[0].id
            page.keyboard.press("Escape")
            page.wait_for_selector(DIALOG, state="hidden")
        no_errors(page)
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_key_m_opens_at_the_block_in_view_and_esc_returns_focus_and_place(browser, server, course, lang):
    context, page = new_page(browser)
    try:
        page.goto(server.url + prefix(lang) + FOUR, wait_until="load")
        steps = module_pages(course)[FOUR]
        # A link just above the third block has the focus, and the block is in view.
        page.evaluate("document.querySelectorAll('section.reflection')[2].scrollIntoView()")
        page.evaluate(
            """() => {
              const a = document.createElement('a');
              a.href = '#'; a.id = 'before-focus'; a.textContent = 'x';
              const s = document.querySelectorAll('section.reflection')[2];
              s.parentNode.insertBefore(a, s);
              a.focus({preventScroll: true});
            }"""
        )
        scroll = page.evaluate("window.scrollY")
        page.keyboard.press("m")
        page.wait_for_selector(f"{DIALOG}[open]")
        assert screen(page)["step"] == steps[2].id
        assert page.evaluate("document.querySelector('dialog.meeting').contains(document.activeElement)")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Escape")
        page.wait_for_selector(DIALOG, state="hidden")
        assert page.evaluate("document.activeElement.id") == "before-focus"
        assert page.evaluate("window.scrollY") == scroll
        # The button returns focus to itself.
        button = open_view(page, server.url + prefix(lang) + FOUR, block=1)
        assert screen(page)["step"] == steps[1].id
        page.keyboard.press("Escape")
        page.wait_for_selector(DIALOG, state="hidden")
        assert page.evaluate("document.activeElement.classList.contains('meeting-launch__button')")
        assert button.evaluate("b => b === document.activeElement")
        no_errors(page)
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_focus_stays_in_the_view_and_material_keys_do_nothing(browser, server, lang):
    context, page = new_page(browser)
    try:
        url = server.url + prefix(lang) + FOUR
        open_view(page, url)
        page.keyboard.press("ArrowRight")
        for _ in range(25):
            page.keyboard.press("Tab")
            assert page.evaluate("document.querySelector('dialog.meeting').contains(document.activeElement)")
        for _ in range(25):
            page.keyboard.press("Shift+Tab")
            assert page.evaluate("document.querySelector('dialog.meeting').contains(document.activeElement)")
        page.locator(".meeting__stage").focus()
        # Material leaves the page on n, p, "," and "." and opens search on s, f and /.
        for key in ["n", "p", ",", "s", "/"]:
            page.keyboard.press(key)
        assert page.url == url
        assert not page.evaluate("document.querySelector('input[data-md-toggle=search]').checked")
        no_errors(page)
    finally:
        context.close()


# Blank screen


@pytest.mark.parametrize("lang", LANGS)
def test_blank_screen_and_back(browser, server, course, lang):
    context, page = new_page(browser)
    try:
        open_view(page, server.url + prefix(lang) + FOUR)
        page.keyboard.press("ArrowRight")
        before = screen(page)
        centre = "document.elementFromPoint(innerWidth / 2, innerHeight / 2)"
        for blank_key, back_key in [("b", "b"), (".", "."), ("B", "Escape")]:
            page.keyboard.press(blank_key)
            assert page.evaluate(f"{centre}.classList.contains('meeting__cover')"), blank_key
            assert page.evaluate("getComputedStyle(document.querySelector('.meeting__cover')).backgroundColor") == "rgb(0, 0, 0)"
            assert page.evaluate("document.querySelector('.meeting__content').inert")
            page.keyboard.press(back_key)
            assert page.locator(DIALOG).is_visible(), f"{back_key} closed the view instead of showing it again"
            assert page.evaluate(f"{centre}.closest('.meeting__content') !== null")
            now = screen(page)
            assert (now["question"], now["text"]) == (before["question"], before["text"])
        no_errors(page)
    finally:
        context.close()


# Timer


@pytest.mark.parametrize("lang", LANGS)
def test_timer_counts_down_to_its_cue_with_a_controlled_clock(browser, server, course, lang):
    context, page = new_page(browser)
    try:
        page.clock.install()
        open_view(page, server.url + prefix(lang) + FOUR)
        question = course.step("steg-1").questions[0]
        go_to_question(page, question.id)
        clock = page.locator(".meeting__clock")
        assert clock.text_content() == f"{question.minutes}:00"
        # The digits are not a live region, and nothing around them is.
        assert clock.evaluate("c => c.closest('[aria-live]') === null && !c.hasAttribute('role')")
        page.evaluate(
            """() => {
              window.__announced = [];
              new MutationObserver(() => window.__announced.push(document.querySelector('.meeting__live').textContent))
                .observe(document.querySelector('.meeting__live'), {childList: true, characterData: true, subtree: true});
            }"""
        )
        page.keyboard.press("t")
        page.clock.run_for(60_000)
        assert clock.text_content() == f"{question.minutes - 1}:00"
        page.keyboard.press("t")  # pause
        page.clock.run_for(120_000)
        assert clock.text_content() == f"{question.minutes - 1}:00"
        page.get_by_role("button", name="+1 min").click()
        assert clock.text_content() == f"{question.minutes}:00"
        page.locator(".meeting__stage").focus()
        page.keyboard.press("t")  # start again
        assert not page.locator(".meeting__timer--ended").count()
        page.clock.run_for(question.minutes * 60_000 - 1_000)
        assert clock.text_content() == "0:01"
        assert page.locator(".meeting__time-up").is_hidden()
        page.clock.run_for(2_000)
        assert clock.text_content() == "0:00"
        assert page.locator(".meeting__timer--ended").count() == 1
        assert page.locator(".meeting__time-up").is_visible()
        announced = page.evaluate("window.__announced")
        ui = page.evaluate("Course.config.ui")
        assert announced == [ui["meeting.started"], ui["meeting.paused"], ui["meeting.started"], ui["meeting.time_up"]]
        # Sound is off by default: no audio was even set up.
        assert page.evaluate("window.__audio") == {"contexts": 0, "tones": 0}
        # Reset goes back to the question's minutes.
        page.locator(".meeting__reset").click()
        assert clock.text_content() == f"{question.minutes}:00"
        assert page.locator(".meeting__timer--ended").count() == 0
        no_errors(page)
    finally:
        context.close()


def test_timer_sound_when_turned_on(browser, server, course):
    context, page = new_page(browser)
    try:
        page.clock.install()
        open_view(page, server.url + FOUR)
        question = course.step("steg-1").questions[0]
        go_to_question(page, question.id)
        sound = page.locator(".meeting__sound")
        assert sound.get_attribute("aria-pressed") == "false"
        sound.click()
        assert sound.get_attribute("aria-pressed") == "true"
        page.locator(".meeting__start").click()
        page.clock.run_for(question.minutes * 60_000 + 1_000)
        assert page.evaluate("window.__audio") == {"contexts": 1, "tones": 2}
        no_errors(page)
    finally:
        context.close()


# Full screen, swipe, motion


def test_full_screen_key_never_throws(browser, server):
    context, page = new_page(browser)
    try:
        open_view(page, server.url + FOUR)
        page.keyboard.press("f")
        ui = page.evaluate("Course.config.ui")
        page.wait_for_function(
            "t => document.fullscreenElement === document.querySelector('.meeting__stage')"
            " || document.querySelector('.meeting__live').textContent === t",
            arg=ui["meeting.fullscreen_unavailable"],
        )
        no_errors(page)
    finally:
        context.close()
    # Without the Fullscreen API (an iPhone, an old kiosk browser): a message, no error.
    context, page = new_page(browser)
    context.add_init_script(
        "delete Element.prototype.requestFullscreen; delete Element.prototype.webkitRequestFullscreen;"
        "Object.defineProperty(Document.prototype, 'fullscreenEnabled', {get: () => false});"
    )
    try:
        open_view(page, server.url + FOUR)
        page.keyboard.press("f")
        ui = page.evaluate("Course.config.ui")
        assert page.locator(LIVE).text_content() == ui["meeting.fullscreen_unavailable"]
        assert page.locator(DIALOG).is_visible()
        no_errors(page)
    finally:
        context.close()


def test_swipe_moves_between_questions(browser, server):
    context, page = new_page(browser, has_touch=True)
    try:
        open_view(page, server.url + FOUR)

        def swipe(x0, x1, y=400):
            # Touch events as a tablet sends them, dispatched on the view.
            page.evaluate(
                """([x0, x1, y]) => {
                  const target = document.elementFromPoint(x0, y);
                  const touch = (x, yy) => new Touch({identifier: 1, target, clientX: x, clientY: yy});
                  const send = (type, t, list) => target.dispatchEvent(new TouchEvent(type,
                    {bubbles: true, cancelable: true, touches: list, targetTouches: list, changedTouches: [t]}));
                  const start = touch(x0, y);
                  send('touchstart', start, [start]);
                  const mid = touch((x0 + x1) / 2, y + 5);
                  send('touchmove', mid, [mid]);
                  send('touchend', touch(x1, y + 5), []);
                }""",
                [x0, x1, y],
            )

        first = screen(page)
        swipe(900, 300)
        second = screen(page)
        assert first["step"] and second["question"], "a swipe to the left goes to the next screen"
        swipe(300, 900)
        assert screen(page)["step"] == first["step"]
        swipe(600, 580)  # too short: nothing happens
        assert screen(page)["step"] == first["step"]
        no_errors(page)
    finally:
        context.close()


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_reduced_motion_is_respected(browser, server, motion):
    context, page = new_page(browser, reduced_motion=motion)
    try:
        open_view(page, server.url + FOUR)
        page.keyboard.press("ArrowRight")
        animation = page.evaluate("getComputedStyle(document.querySelector('.meeting__body')).animationName")
        assert animation == ("none" if motion == "reduce" else "meeting-enter")
    finally:
        context.close()


# The scribe's note


@pytest.mark.parametrize("lang", LANGS)
def test_scribe_note_is_saved_as_a_group_note_and_exported(browser, server, course, lang, tmp_path):
    context, page = new_page(browser)
    try:
        open_view(page, server.url + prefix(lang) + FOUR)
        question = course.step("steg-1").questions[1]
        go_to_question(page, question.id)
        note = page.get_by_label(page.evaluate("Course.config.ui['meeting.note']"))
        note.fill("Vi bjuder in skolan.")
        # Typing "." or "b" in the field writes them; it does not blank the screen.
        note.press("End")
        note.press_sequentially(" b.")
        assert page.locator(".meeting__cover").is_hidden()
        page.keyboard.press("Escape")
        page.wait_for_selector(DIALOG, state="hidden")
        group = page.evaluate("CourseNotes.read().group")
        assert group[question.id]["text"] == "Vi bjuder in skolan. b."
        assert page.evaluate("Object.keys(CourseNotes.read().answers)") == [], "a group note is not the reader's answer"
        # Back in meeting mode the note is there, and other questions have none.
        page.reload(wait_until="load")
        open_view(page, server.url + prefix(lang) + FOUR)
        go_to_question(page, question.id)
        assert note.input_value() == "Vi bjuder in skolan. b."
        page.locator(".meeting__stage").focus()
        page.keyboard.press("ArrowRight")
        assert note.input_value() == ""
        page.keyboard.press("Escape")
        no_errors(page)
        # The note goes with the reader's notes into the .json export, marked as the group's.
        page.goto(server.url + prefix(lang) + "anteckningar/", wait_until="load")
        with page.expect_download() as info:
            page.get_by_role("button", name=page.evaluate("Course.config.ui['notes.export.json']")).click()
        target = tmp_path / "notes.json"
        info.value.save_as(target)
        exported = json.loads(target.read_text(encoding="utf-8"))
        assert exported["group"][question.id]["text"] == "Vi bjuder in skolan. b."
        assert question.id not in exported["answers"]
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_scribe_writes_what_the_group_agreed_after_each_step(browser, server, course, lang):
    context, page = new_page(browser)
    try:
        page.goto(server.url + prefix(lang) + FOUR, wait_until="load")
        step = course.step("steg-1")
        on_page = page.locator("#notes-agreed-steg-1")
        open_view(page, server.url + prefix(lang) + FOUR)
        go_to_question(page, step.questions[-1].id)
        page.keyboard.press("ArrowRight")
        ui = page.evaluate("Course.config.ui")
        assert screen(page)["agreed"] and screen(page)["step"] == "steg-1"
        assert screen(page)["live"] == f"{ui['meeting.agreed']}. {step.title[lang]}"
        assert page.locator(".meeting__title").text_content() == ui["meeting.agreed"]
        assert page.locator(".meeting__timer").is_hidden()
        note = page.locator(DIALOG).get_by_label(ui["meeting.agreed"])
        note.fill("Vi träffas igen i mars. Anna bjuder in.")
        page.keyboard.press("Escape")
        page.wait_for_selector(DIALOG, state="hidden")
        agreed = page.evaluate("CourseNotes.read().agreed")
        assert agreed["steg-1"]["text"] == "Vi träffas igen i mars. Anna bjuder in."
        assert agreed["steg-1"]["asked"] == step.title[lang]
        # The same agreement as the step's field on the page, which shows it at once.
        assert on_page.input_value() == "Vi träffas igen i mars. Anna bjuder in."
        assert page.evaluate("CourseNotes.read().group") == {}
        no_errors(page)
    finally:
        context.close()


# What a person sees: axe, type size, zoom


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_view_has_no_axe_violations(browser, server, course, lang, scheme):
    axe = Axe()
    context, page = new_page(browser, color_scheme=scheme)
    try:
        page.clock.install()
        open_view(page, server.url + prefix(lang) + FOUR)
        problems = {}
        # Intro screen, a question, the timer at its end, and the blank screen.
        problems["intro"] = describe(axe.run(page, context=DIALOG, options=AXE_OPTIONS).response["violations"])
        go_to_question(page, course.step("steg-1").questions[-1].id)
        problems["question"] = describe(axe.run(page, context=DIALOG, options=AXE_OPTIONS).response["violations"])
        page.keyboard.press("t")
        page.clock.run_for(course.step("steg-1").questions[-1].minutes * 60_000 + 1_000)
        assert page.locator(".meeting__timer--ended").count() == 1
        problems["time up"] = describe(axe.run(page, context=DIALOG, options=AXE_OPTIONS).response["violations"])
        page.keyboard.press("b")
        problems["blank"] = describe(axe.run(page, options=AXE_OPTIONS).response["violations"])
        page.keyboard.press("b")
        page.keyboard.press("ArrowRight")
        assert screen(page)["agreed"]
        problems["agreed"] = describe(axe.run(page, context=DIALOG, options=AXE_OPTIONS).response["violations"])
        assert {k: v for k, v in problems.items() if v} == {}
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_question_type_is_at_least_40_px_on_a_1920_by_1080_screen(browser, server, course, lang):
    context, page = new_page(browser, viewport={"width": 1920, "height": 1080})
    try:
        open_view(page, server.url + prefix(lang) + FOUR)
        sizes = {"title": page.evaluate("parseFloat(getComputedStyle(document.querySelector('.meeting__title')).fontSize)")}
        sizes["intro"] = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.meeting__intro')).fontSize)")
        page.keyboard.press("ArrowRight")
        for name in ["question", "guidance"]:
            sizes[name] = page.evaluate(f"parseFloat(getComputedStyle(document.querySelector('.meeting__{name}')).fontSize)")
        assert min(sizes.values()) >= 40, sizes
        assert sizes["question"] >= 56, sizes
        # Everything of a question screen fits on the screen without scrolling.
        assert page.evaluate("(s => s.scrollHeight <= s.clientHeight)(document.querySelector('.meeting__stage'))")
        print(f"\n{lang}: type sizes at 1920x1080 (px): {sizes}")
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_is_cut_off_at_200_percent_zoom_in_a_1280_px_window(browser, server, course, lang):
    # 200 % zoom in a 1280 x 800 window leaves a 640 x 400 CSS-pixel viewport.
    context, page = new_page(browser, viewport={"width": 640, "height": 400}, device_scale_factor=2)
    try:
        open_view(page, server.url + prefix(lang) + FOUR)
        longest = max(course.questions(), key=lambda q: len(q.text[lang]))
        for target in [None, longest.id]:
            if target:
                go_to_question(page, target)
            clipped = page.evaluate(
                """() => {
                  const stage = document.querySelector('.meeting__stage');
                  const bad = [];
                  if (stage.scrollWidth > stage.clientWidth) bad.push('stage scrolls sideways');
                  for (const el of stage.querySelectorAll('.meeting__content *')) {
                    if (!el.getClientRects().length) continue;
                    const r = el.getBoundingClientRect();
                    if (r.right > innerWidth + 0.5 || r.left < -0.5) bad.push(el.className + ' outside the window');
                    const style = getComputedStyle(el);
                    if (style.overflow !== 'visible' && el.tagName !== 'TEXTAREA' && el.scrollWidth > el.clientWidth + 1)
                      bad.push(el.className + ' cut off');
                  }
                  return bad;
                }"""
            )
            assert clipped == []
            # The last line can be scrolled into view.
            page.locator(".meeting__keys").scroll_into_view_if_needed()
            assert page.locator(".meeting__keys").is_visible()
            box = page.locator(".meeting__keys").bounding_box()
            assert box["y"] + box["height"] <= 400 + 0.5
    finally:
        context.close()


def test_pages_without_reflection_blocks_get_no_meeting_mode(browser, server):
    context, page = new_page(browser)
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    try:
        page.goto(server.url + "ordlista/", wait_until="load")
        assert page.locator(".meeting-launch__button").count() == 0
        page.keyboard.press("m")
        assert page.locator(DIALOG).count() == 0
        assert not [u for u in requested if u.endswith(("meeting.js", "meeting-timer.js"))]
        no_errors(page)
    finally:
        context.close()
