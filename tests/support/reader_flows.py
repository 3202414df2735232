"""What a reader does on a module page, shared by the tests that host the site in different ways."""

from __future__ import annotations


def answer_reload_meet_and_download(page, module_url: str, answer: str):
    """Write an answer and find it after a reload, open and close meeting mode,
    and download the first note template. Returns the download."""
    page.goto(module_url)
    field = page.locator(".reflection__question textarea").first
    field.fill(answer)
    field.blur()  # leaving the field saves at once
    page.wait_for_function("() => [...document.querySelectorAll('.notes-status')].some(s => /\\d/.test(s.textContent))")
    page.reload()
    assert page.locator(".reflection__question textarea").first.input_value() == answer

    page.locator(".meeting-launch__button").first.click()
    dialog = page.locator("dialog[open]")
    dialog.wait_for()
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")

    with page.expect_download() as download:
        page.locator(".reflection__download-list a").first.click()
    return download.value
