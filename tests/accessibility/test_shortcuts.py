"""Single-key shortcuts can be turned off (WCAG 2.1.4), on the accessibility page, and stay off."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.notes_support import MODULE, field, new_page, question_ids, ui

STATEMENT = "tillganglighet/"
# Keys reach a listener of the page's own only when no shortcut guard stopped them.
WATCH = "() => { window.__keys = []; document.addEventListener('keydown', e => window.__keys.push(e.key)); }"


def keys_reaching_the_page(page, keys: list[str]) -> list[str]:
    """Press `keys`, then ArrowDown (never a shortcut); return those that reached the page's listeners."""
    page.evaluate("() => { window.__keys = []; }")
    for key in keys:
        page.keyboard.press(key)
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => window.__keys.includes('ArrowDown')")
    return [k for k in page.evaluate("window.__keys") if k != "ArrowDown"]


def switch(page):
    return page.get_by_role("checkbox", name=ui(page, "shortcuts.label"))


@pytest.mark.parametrize("lang_path", ["", "en/"])
def test_shortcuts_can_be_turned_off_and_on_again(browser, server, lang_path):
    with new_page(browser, lang_path=lang_path) as page:
        page.goto(server.url + lang_path + MODULE)
        launcher = page.locator(".meeting-launch__button").first
        expect(launcher).to_have_attribute("aria-keyshortcuts", "M")
        page.keyboard.press("m")  # on by default
        expect(page.locator("dialog[open]")).to_be_visible()
        page.keyboard.press("Escape")
        expect(page.locator("dialog[open]")).to_have_count(0)

        page.goto(server.url + lang_path + STATEMENT)
        expect(switch(page)).to_be_checked()
        switch(page).uncheck()
        expect(page.locator(".course-setting + [role=status]")).to_have_text(ui(page, "shortcuts.off"))

        page.goto(server.url + lang_path + MODULE)
        page.evaluate(WATCH)
        assert keys_reaching_the_page(page, ["m", "s", "f", "n", "p", ".", ","]) == []
        expect(page.locator("dialog[open]")).to_have_count(0)
        assert page.evaluate("document.getElementById('__search').checked") is False
        assert page.url == server.url + lang_path + MODULE
        expect(page.locator(".meeting-launch__button").first).not_to_have_attribute("aria-keyshortcuts", "M")
        # Typing is never a shortcut: letters still reach a text field.
        answer = field(page, question_ids(page)[0])
        answer.click()
        page.keyboard.type("mnsp")
        expect(answer).to_have_value("mnsp")
        # The button and meeting mode's own keys, which work only in its view, still work.
        page.locator(".meeting-launch__button").first.click()
        expect(page.locator("dialog[open]")).to_be_visible()
        page.keyboard.press("Escape")

        page.goto(server.url + lang_path + STATEMENT)
        expect(switch(page)).not_to_be_checked()
        switch(page).check()
        expect(page.locator(".course-setting + [role=status]")).to_have_text(ui(page, "shortcuts.on"))
        page.goto(server.url + lang_path + MODULE)
        page.keyboard.press("m")
        expect(page.locator("dialog[open]")).to_be_visible()
        assert page.errors == []
