"""WCAG 2.1 AA beyond axe (issue 26): focus visible, keyboard paths, shortcuts off, announcements,
names and text spacing, in Chromium, on one page of each kind, in both languages and both schemes.

Classes of failure, not instances: each test walks what a keyboard or screen-reader user meets
(every Tab stop, every status a sighted user sees) and measures it (tests/support/keyboard_support.py).
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.support.group_support import GROUP_PAGE, SLUG_3
from tests.support.keyboard_support import LIVE_RECORDER, TEXT_SPACING, focus_problem, focus_state, said, tab_through, unnamed_controls
from tests.group.test_group_refusals import good_file
from tests.support.notes_support import iso, new_page, question_ids, seed, ui

MODULE = "modules/fabrikslogik-och-tjanstelogik/"
QUERY = {"": "logik", "en/": "logic"}  # module 2: "Var står vi?", questions, meeting mode
NOTES = "anteckningar/"
GUIDE = "handledning/"
PAGES = {"module": MODULE, "notes": NOTES, "group": GROUP_PAGE + "#" + SLUG_3, "guide": GUIDE}
WIDTHS = [320, 1100, 1366]
STOPS = 70  # Tab stops a page is walked through
DIALOG = "dialog.meeting"


def edition(scheme: str) -> str:
    """Light in Swedish, dark in English: both languages and both schemes, at every width."""
    return "" if scheme == "light" else "en/"


def context_for(browser, width: int, scheme: str, **options):
    context = browser.new_context(viewport={"width": width, "height": 700 if width > 400 else 640}, color_scheme=scheme, **options)
    context.add_init_script(LIVE_RECORDER)
    return context


def group_files(course_id: str, n: int = 2) -> list[dict]:
    return [{"name": f"deltagare-{i}.json", "mimeType": "application/json", "buffer": json.dumps(good_file(course_id, i)).encode()} for i in range(n)]


def load_group_files(page, extra: list[dict] | None = None) -> None:
    course_id = page.evaluate("Course.config.courseId")
    page.get_by_label(ui(page, "group.choose")).set_input_files(group_files(course_id) + (extra or []))
    expect(page.locator(".group-chart").first).to_be_visible()


def sweep(page, where: str, problems: list[str], limit: int = 400, backwards: bool = False) -> int:
    stops = 0
    for state in tab_through(page, limit=limit, backwards=backwards):
        stops += 1
        if problem := focus_problem(page, state):
            problems.append(f"{where}: {problem}")
    return stops


# Focus visible (2.4.7), not obscured, no invisible Tab stop


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_tab_stop_shows_focus_inside_the_window(browser, server, width, scheme):
    lang = edition(scheme)
    problems: list[str] = []
    context = context_for(browser, width, scheme)
    try:
        page = context.new_page()
        stops = {}
        for kind, path in PAGES.items():
            page.goto(server.url + lang + path, wait_until="load")
            if kind == "group":
                load_group_files(page)
                page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
            # The header, the navigation and the page's first block of each kind of control:
            # the notes page repeats the module's blocks four times over.
            stops[kind] = sweep(page, f"{kind} {width}px {scheme}", problems, limit=STOPS)
            if kind == "module":  # and back up the page, where the header comes first (F10)
                stops[kind] += sweep(page, f"{kind} {width}px {scheme}, Shift+Tab", problems, limit=25, backwards=True)

        # Search: the results, reached with the arrow keys.
        page.goto(server.url + lang + MODULE, wait_until="load")
        open_search(page)
        search_for(page, QUERY[lang])
        for _ in range(6):
            page.keyboard.press("ArrowDown")
            if problem := focus_problem(page, focus_state(page)):
                problems.append(f"search {width}px {scheme}: {problem}")
        page.keyboard.press("Escape")

        # Meeting mode, and the presenter view in its own window.
        page.locator(".meeting-launch__button").first.focus()
        page.keyboard.press("Enter")
        expect(page.locator(f"{DIALOG}[open]")).to_be_visible()
        stops["meeting"] = sweep(page, f"meeting {width}px {scheme}", problems, limit=60)
        if width > 400:
            with context.expect_page() as info:
                page.locator(".meeting__presenter").click()
            popup = info.value
            popup.wait_for_selector("dialog.meeting--presenter[open]")
            stops["presenter"] = sweep(popup, f"presenter {width}px {scheme}", problems, limit=60)
        assert all(n >= 5 for n in stops.values()), stops
    finally:
        context.close()
    assert problems == []


# Resolves once the result list has not changed for 300 ms: each letter typed draws it again,
# and a result that has focus when it is drawn again takes focus with it.
RESULTS_SETTLED = """() => new Promise(resolve => {
  const list = document.querySelector('.md-search-result__list');
  let timer = setTimeout(done, 300);
  const watcher = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 300); });
  function done() { watcher.disconnect(); resolve(list.children.length); }
  watcher.observe(list, { childList: true, subtree: true });
})"""


def search_for(page, text: str) -> None:
    page.keyboard.type(text)
    expect(page.locator(".md-search-result__link").first).to_be_attached()
    page.evaluate(RESULTS_SETTLED)


def open_search(page) -> None:
    """Reach search with Tab from the top, as a keyboard user does, and open it."""
    page.keyboard.press("Tab")
    for _ in range(10):
        if page.evaluate("!!document.activeElement.closest('.md-search, label[for=__search]')"):
            break
        page.keyboard.press("Tab")
    if page.evaluate("document.activeElement.matches('label[for=__search] > [role=button]')"):
        page.keyboard.press("Enter")
    expect(page.locator("#__search")).to_be_checked()


# Keyboard paths (2.1.1, 2.4.3): what the mouse reaches, the keyboard does; focus never drops to <body>

# The mouse's targets that the keyboard did not reach: a label counts through its control
# or the button inside it (the header's), a radio group through any of its radios. Runs once
# Tab has marked every stop.
UNREACHED = """() => {
  const shown = e => e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && e.getClientRects().length
    && getComputedStyle(e).pointerEvents !== 'none' && !e.closest('[inert], [aria-hidden=true]');
  const reached = e => e.hasAttribute('data-reached') || (e.type === 'radio' && e.name
    && [...document.getElementsByName(e.name)].some(r => r.hasAttribute('data-reached')));
  const out = [];
  for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, label[for]')) {
    if (!shown(e)) continue;
    let target = e;
    const box = e.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    if (e.tagName === 'LABEL') { const c = document.getElementById(e.htmlFor);
      if (!c) continue;
      if (shown(c) && c.getBoundingClientRect().width > 1) target = c;
      else if (getComputedStyle(e).cursor !== 'pointer') continue;  // a title, not something to click
    }
    if (!reached(target) && !(e.tagName === 'LABEL' && e.querySelector('[role=button][data-reached]'))) out.push(e.tagName.toLowerCase() + '.' + e.className + ' "' + (e.getAttribute('aria-label') || e.textContent).trim().slice(0, 40) + '"');
  }
  return [...new Set(out)];
}"""


MARK = """() => { const e = document.activeElement;
  if (e === document.body || e.hasAttribute('data-reached')) return false;
  e.setAttribute('data-reached', ''); return true; }"""


def mark_tab_stops(page, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if not page.evaluate(MARK):
            return


@pytest.mark.parametrize(("width", "path"), [(320, MODULE), (1366, "en/" + NOTES)])
def test_the_keyboard_reaches_what_the_mouse_does(browser, server, width, path):
    with new_page(browser) as page:
        page.set_viewport_size({"width": width, "height": 700})
        page.goto(server.url + path, wait_until="load")
        mark_tab_stops(page)
        assert page.evaluate(UNREACHED) == []


@pytest.mark.parametrize("width", [320, 1100])
def test_the_menu_button_opens_the_drawer_and_the_closed_drawer_has_no_tab_stop(browser, server, width):
    with new_page(browser) as page:
        page.set_viewport_size({"width": width, "height": 700})
        page.goto(server.url + MODULE, wait_until="load")
        menu = page.get_by_role("button", name=ui(page, "header.menu"))
        drawer = page.locator(".md-sidebar--primary")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")  # past "Gå till innehållet"
        expect(menu).to_be_focused()
        expect(menu).to_have_attribute("aria-expanded", "false")
        # Closed: Tab never goes into the drawer (whose links came right after the header).
        for _ in tab_through(page, limit=25):
            assert not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), "a Tab stop in the closed drawer"
        menu.focus()
        page.keyboard.press("Enter")
        expect(menu).to_have_attribute("aria-expanded", "true")
        page.wait_for_function("() => !!document.activeElement.closest('.md-sidebar--primary')")
        in_drawer = 0
        for state in tab_through(page, limit=60):
            if not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
                break
            in_drawer += 1
            assert state["inView"], state["what"]
        assert in_drawer >= 10
        # Tab out of the drawer closes it; Esc closes it too, with focus back on the button.
        expect(menu).to_have_attribute("aria-expanded", "false")
        menu.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => !!document.activeElement.closest('.md-sidebar--primary')")
        page.keyboard.press("Escape")
        expect(menu).to_be_focused()
        expect(menu).to_have_attribute("aria-expanded", "false")
        expect(drawer).not_to_be_in_viewport()


# What a screen reader says of the header's own buttons (issue 31): Material's <label>s stay
# as they are, with a real button inside each (a label may not be a button itself).
HEADER_BUTTONS = """() => [...document.querySelectorAll('.md-header [role=button]')].filter(e => e.getClientRects().length)
  .map(e => e.tagName.toLowerCase() + (e.closest('label') ? ' in label[for=' + e.closest('label').htmlFor.replace(/\\d+$/, '') + ']' : ''))"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_header_buttons_say_what_they_are_and_whether_they_are_open(browser, server, scheme):
    lang = edition(scheme)
    context = context_for(browser, 320, scheme)
    try:
        page = context.new_page()
        page.goto(server.url + lang + MODULE, wait_until="load")
        search_name = page.get_attribute(".md-search__input", "aria-label")
        schemes = page.eval_on_selector_all("[data-md-component=palette] label", "ls => ls.map(l => [l.title, l.hidden])")
        (this_scheme,) = [title for title, hidden in schemes if not hidden]
        (other_scheme,) = [title for title, hidden in schemes if hidden]
        # No label carries a role (aria-allowed-role); the buttons are the spans inside them.
        assert page.locator(".md-header label[role], .md-header label[tabindex]").count() == 0
        assert page.evaluate(HEADER_BUTTONS) == ["span in label[for=__drawer]", "span in label[for=__palette_]", "span in label[for=__search]"]
        menu = page.get_by_role("button", name=ui(page, "header.menu"), expanded=False)
        colours = page.get_by_role("button", name=this_scheme, exact=True)
        search = page.get_by_role("button", name=search_name, exact=True)
        snapshot = page.locator(".md-header").aria_snapshot()
        for name in (ui(page, "header.menu"), this_scheme, search_name):
            assert f'- button "{name}"' in snapshot, snapshot

        # The menu: a Tab stop after "skip to content", focus shown; open and closed is said.
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        expect(menu).to_be_focused()
        assert focus_problem(page, focus_state(page)) is None
        page.keyboard.press(" ")
        expect(page.get_by_role("button", name=ui(page, "header.menu"), expanded=True)).to_be_attached()
        page.wait_for_function("() => !!document.activeElement.closest('.md-sidebar--primary')")
        page.keyboard.press("Escape")
        expect(menu).to_be_focused()

        # The colour scheme: the next stop; after a switch the other scheme's button has focus.
        page.keyboard.press("Tab")
        expect(colours).to_be_focused()
        assert focus_problem(page, focus_state(page)) is None
        page.keyboard.press("Enter")
        expect(page.get_by_role("button", name=other_scheme, exact=True)).to_be_focused()
        expect(colours).to_have_count(0)  # hidden, so not in the accessibility tree
        assert focus_problem(page, focus_state(page)) is None

        # Search: after the language list; Enter opens the search dialog, Esc comes back here.
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        expect(search).to_be_focused()
        assert focus_problem(page, focus_state(page)) is None
        page.keyboard.press("Enter")
        expect(page.locator("#__search")).to_be_checked()
        field = page.get_by_role("dialog", name=search_name).get_by_role("textbox", name=search_name)
        expect(field).to_be_visible()
        expect(field).to_be_focused()
        page.keyboard.press("Escape")
        expect(page.locator("#__search")).not_to_be_checked()
        expect(search).to_be_focused()
    finally:
        context.close()


def test_the_language_list_opens_from_its_button_and_esc_closes_it(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + MODULE, wait_until="load")
        button = page.get_by_role("button", name="Välj språk")
        english = page.locator(".md-select__link[hreflang=en]")
        button.focus()
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(english).to_be_hidden()
        page.keyboard.press("Enter")
        expect(button).to_have_attribute("aria-expanded", "true")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        expect(english).to_be_focused()
        expect(english).to_be_visible()
        assert focus_problem(page, focus_state(page)) is None  # more than a faint tint (F14)
        page.keyboard.press("Escape")
        expect(button).to_be_focused()
        expect(english).to_be_hidden()
        expect(button).to_have_attribute("aria-expanded", "false")


def not_body(page) -> str:
    return page.evaluate("document.activeElement === document.body ? 'body' : document.activeElement.tagName")


@pytest.mark.parametrize("width", [320, 1366])
def test_focus_never_falls_to_the_body_after_an_action(browser, server, width):
    with new_page(browser) as page:
        page.set_viewport_size({"width": width, "height": 700})
        page.goto(server.url + MODULE, wait_until="load")
        # Esc in search (F7): search closes, focus stays where search is.
        open_search(page)
        page.keyboard.type("tjänst")
        page.keyboard.press("Escape")
        expect(page.locator("#__search")).not_to_be_checked()
        assert not_body(page) != "body", "Esc in search"
        assert focus_problem(page, focus_state(page)) is None

        # The colour scheme (F12): Space switches, focus stays on the button that is shown.
        toggle = page.locator("label[for^=__palette]:not([hidden]) > [role=button]")
        toggle.focus()
        before = page.get_attribute("body", "data-md-color-scheme")
        page.keyboard.press(" ")
        expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", before)
        page.wait_for_function("() => document.activeElement.matches('label[for^=__palette]:not([hidden]) > [role=button]')")
        page.keyboard.press("Enter")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", before)

        # Meeting mode opened with M from nowhere (F23), then from full screen (F8).
        page.locator(".md-content h1").click()
        page.keyboard.press("m")
        expect(page.locator(f"{DIALOG}[open]")).to_be_visible()
        page.keyboard.press("Escape")
        expect(page.locator(f"{DIALOG}[open]")).to_have_count(0)
        assert not_body(page) != "body", "meeting mode opened with M, closed with Esc"
        launch = page.locator(".meeting-launch__button").first
        launch.focus()
        page.keyboard.press("Enter")
        expect(page.locator(f"{DIALOG}[open]")).to_be_visible()
        page.keyboard.press("f")
        page.wait_for_function("() => !!document.fullscreenElement")
        page.locator(".meeting__close").focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => !document.fullscreenElement")
        expect(launch).to_be_focused()

        # Dismissing the export reminder (F22).
        ids = question_ids(page)
        seed(page, {"answers": {ids[0]: {"text": "Ett gammalt svar", "updated": iso(days_ago=8)}}})
        page.reload(wait_until="load")
        later = page.get_by_role("button", name=ui(page, "notes.reminder.dismiss"))
        later.focus()
        page.keyboard.press("Enter")
        expect(page.locator(".notes-reminder")).to_be_hidden()
        assert not_body(page) != "body", "the reminder dismissed"


# Single-key shortcuts: off means off, whatever has focus (2.1.4)

SHORTCUT_KEYS = ["m", "s", "f", "/", "n", "p", ".", ","]


def test_shortcuts_switched_off_stay_off_whatever_has_focus(browser, server):
    from tests.accessibility.test_shortcuts import WATCH, keys_reaching_the_page

    with new_page(browser) as page:
        page.goto(server.url + "tillganglighet/")
        page.get_by_role("checkbox", name=ui(page, "shortcuts.label")).uncheck()
        page.goto(server.url + MODULE, wait_until="load")
        page.evaluate(WATCH)
        targets = {
            "a radio button": "section.assessment input[type=radio]",
            "a checkbox": "input[type=checkbox]:not(.md-toggle)",
            "a link": "article a[href]",
            "a button": ".meeting-launch__button",
            "a header button": ".md-header__button > [role=button]",
        }
        reached = {}
        for what, selector in targets.items():
            page.locator(selector).first.focus()
            if got := keys_reaching_the_page(page, SHORTCUT_KEYS):
                reached[what] = got
        page.evaluate("() => document.activeElement.blur()")
        if got := keys_reaching_the_page(page, SHORTCUT_KEYS):
            reached["nothing"] = got
        assert reached == {}
        assert page.url == server.url + MODULE
        expect(page.locator(f"{DIALOG}[open]")).to_have_count(0)
        expect(page.locator("#__search")).not_to_be_checked()


def test_a_stray_letter_on_a_radio_button_never_leaves_the_page(browser, server):
    with new_page(browser) as page:
        page.goto(server.url + MODULE, wait_until="load")
        radio = page.locator("section.assessment input[type=radio]").first
        for key in ("n", ".", "p", ",", "s"):
            radio.focus()
            page.keyboard.press(key)
        expect(page.locator("#__search")).not_to_be_checked()
        assert page.url == server.url + MODULE


# Announcements (4.1.3): what a sighted user sees appear reaches a live region


def test_group_files_loaded_and_refused_are_announced(browser, server):
    for lang in ("", "en/"):
        context = context_for(browser, 1366, "light")
        try:
            page = context.new_page()
            page.goto(server.url + lang + GROUP_PAGE + "#" + SLUG_3, wait_until="load")
            # Nothing to hide or clear yet (F17).
            expect(page.get_by_role("button", name=ui(page, "group.clear"))).to_be_hidden()
            expect(page.get_by_role("button", name=ui(page, "group.hide"))).to_be_hidden()
            other = {"name": "annan-modul.json", "mimeType": "application/json", "buffer": json.dumps({**good_file(page.evaluate("Course.config.courseId"), 9), "module": "varfor-nara-vard"}).encode()}
            junk = {"name": "inte-en-gruppfil.json", "mimeType": "application/json", "buffer": b'{"format": "something-else"}'}
            load_group_files(page, [other, junk])
            errors = page.locator(".group-errors li")
            expect(errors).to_have_count(2)
            for text in errors.all_text_contents():
                page.wait_for_function("t => window.__said.some(s => s.includes(t))", arg=text)
            assert ui(page, "group.added").split("{")[0].strip() in said(page)
            page.get_by_role("button", name=ui(page, "group.clear")).click()
            page.wait_for_function("t => window.__said.some(s => s.includes(t))", arg=ui(page, "group.cleared"))
        finally:
            context.close()


def test_search_results_and_meeting_mode_changes_are_announced(browser, server):
    context = context_for(browser, 1366, "light")
    try:
        page = context.new_page()
        page.goto(server.url + MODULE, wait_until="load")
        open_search(page)
        page.keyboard.type("tjänstelogik")
        meta = page.locator(".md-search-result__meta")
        expect(meta).to_contain_text("1")
        page.wait_for_function("t => window.__said.some(s => s.includes(t))", arg=meta.text_content().strip())
        page.keyboard.press("Escape")

        page.locator(".meeting-launch__button").first.focus()
        page.keyboard.press("Enter")
        expect(page.locator(f"{DIALOG}[open]")).to_be_visible()
        page.keyboard.press("ArrowRight")  # the first question, where the timer is
        for key, said_key in (("t", "meeting.started"), ("t", "meeting.paused"), ("b", "meeting.blanked"), ("b", "meeting.unblanked")):
            page.keyboard.press(key)
            page.wait_for_function("t => window.__said.at(-1) === t", arg=ui(page, said_key))
        # The position line is two words for a screen reader, not "tjänstelogikFråga" (F18),
        # and the group page's link looks like the bar's buttons, underlined (F19).
        where = page.locator(".meeting__where").text_content()
        assert page.locator(".meeting__where-step").text_content() + " " + page.locator(".meeting__where-position").text_content() == where
        link = page.locator(".meeting__group")
        assert "underline" in link.evaluate("e => getComputedStyle(e).textDecorationLine")
        assert link.evaluate("e => getComputedStyle(e).borderTopStyle") != "none"
        # The scribe's note, saved when the field is left (F20).
        note = page.locator(".meeting__note")
        expect(note).to_be_visible()
        note.fill("Vi börjar med invånarna.")
        page.keyboard.press("Tab")
        page.wait_for_function("t => window.__said.includes(t)", arg=ui(page, "meeting.note_saved"))

        # The presenter view says what the audience's window does with the timer and the screen (F9).
        with context.expect_page() as info:
            page.locator(".meeting__presenter").click()
        popup = info.value
        popup.wait_for_selector("dialog.meeting--presenter[open]")
        popup.wait_for_function("t => document.querySelector('.meeting__panel-status').textContent === t", arg=ui(popup, "meeting.presenter_connected"))
        for key, said_key in (("t", "meeting.started"), ("t", "meeting.paused"), ("b", "meeting.presenter_audience_blank")):
            popup.keyboard.press(key)
            popup.wait_for_function("t => window.__said.includes(t)", arg=ui(popup, said_key))
            popup.evaluate("() => { window.__said = []; }")
    finally:
        context.close()


# Names (4.1.2): every link, button and form control has one in the accessibility tree


def test_every_control_has_a_name(browser, server):
    unnamed = {}
    for lang in ("", "en/"):
        with new_page(browser) as page:
            for kind, path in PAGES.items():
                page.goto(server.url + lang + path, wait_until="load")
                if kind == "group":
                    load_group_files(page)
                if found := unnamed_controls(page.locator("body").aria_snapshot()):
                    unnamed[lang + path] = found
            page.goto(server.url + lang + MODULE, wait_until="load")
            open_search(page)
            search_for(page, QUERY[lang])
            page.keyboard.press("ArrowDown")
            if found := unnamed_controls(page.locator(".md-search").aria_snapshot()):
                unnamed[lang + "search"] = found
            page.keyboard.press("Escape")
            page.locator(".meeting-launch__button").first.click()
            if found := unnamed_controls(page.locator(f"{DIALOG}[open]").aria_snapshot()):
                unnamed[lang + "meeting"] = found
    assert unnamed == {}


# Text spacing (1.4.12): nothing cut off or overlapping, the group charts' labels included

CUT_OFF = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('svg.group-chart')) {
    const width = svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) { const b = t.getBBox();
      if (b.x < 0 || b.x + b.width > width) out.push('chart label "' + t.textContent + '" at ' + Math.round(b.x) + '..' + Math.round(b.x + b.width) + ' of 0..' + width); }
  }
  for (const e of document.querySelectorAll('.md-content *')) {
    const s = getComputedStyle(e);
    if (!/hidden|clip/.test(s.overflowX + s.overflowY) || !e.textContent.trim() || !e.getClientRects().length) continue;
    if (e.scrollHeight > e.clientHeight + 2 && /hidden|clip/.test(s.overflowY)) out.push(e.tagName.toLowerCase() + '.' + e.className + ' cut at the bottom');
    if (e.scrollWidth > e.clientWidth + 2 && /hidden|clip/.test(s.overflowX) && s.textOverflow !== 'ellipsis') out.push(e.tagName.toLowerCase() + '.' + e.className + ' cut at the side');
  }
  return out;
}"""


@pytest.mark.parametrize("width", [320, 1366])
def test_text_spacing_cuts_nothing_off(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 700}, bypass_csp=True)
    try:
        page = context.new_page()
        cut = {}
        for path in (GROUP_PAGE + "#" + SLUG_3, "en/" + GROUP_PAGE + "#" + SLUG_3, MODULE, "en/" + NOTES):
            page.goto(server.url + path, wait_until="load")
            page.add_style_tag(content=TEXT_SPACING)
            if GROUP_PAGE in path:
                load_group_files(page)
            if found := page.evaluate(CUT_OFF):
                cut[path] = found
        assert cut == {}
    finally:
        context.close()


# Contrast in states axe does not see (1.4.3): "back to top" hovered, the search result count

CONTRAST = """sel => {
  const rgba = t => t.match(/[\\d.]+/g).map(Number);
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const e = document.querySelector(sel); let bg = [255, 255, 255];
  const layers = []; for (let p = e; p; p = p.parentElement) { const c = rgba(getComputedStyle(p).backgroundColor);
    if (c.length > 3 && c[3] === 0) continue; layers.push(c.length > 3 ? c : [...c, 1]); if (c.length < 4 || c[3] >= 1) break; }
  for (const c of layers.reverse()) bg = bg.map((v, i) => v * (1 - c[3]) + c[i] * c[3]);
  const fg = rgba(getComputedStyle(e).color); const a = fg.length > 3 ? fg[3] : 1;
  const text = fg.slice(0, 3).map((v, i) => v * a + bg[i] * (1 - a));
  const x = lum(text), y = lum(bg); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_back_to_top_hovered_and_the_result_count_have_text_contrast(browser, server, scheme):
    context = browser.new_context(viewport={"width": 1366, "height": 700}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(server.url + MODULE, wait_until="load")
        page.mouse.wheel(0, 3000)
        page.wait_for_function("() => scrollY > 2000")
        page.mouse.wheel(0, -200)
        top = page.locator(".md-top")
        expect(top).to_be_visible()
        top.hover()
        page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
        assert page.evaluate(CONTRAST, ".md-top") >= 4.5
        page.locator(".md-search__input").focus()
        page.keyboard.type("tjänstelogik")
        expect(page.locator(".md-search-result__link").first).to_be_attached()
        assert page.evaluate(CONTRAST, ".md-search-result__meta") >= 4.5
    finally:
        context.close()
