"""Reflow (WCAG 1.4.10) and zoom (1.4.4): no page scrolls sideways at 320 CSS px, or at 200 % zoom on a 1280 px window."""

from __future__ import annotations

import pytest

# 200 % zoom on a 1280×800 window lays the page out in 640×400 CSS pixels.
SIZES = {"phone-320": {"width": 320, "height": 640}, "zoom-200": {"width": 640, "height": 400}}

WIDEST = """() => {
  const limit = document.documentElement.clientWidth;
  const inScrollBox = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p); if (/(auto|scroll|hidden)/.test(s.overflowX) && p !== document.body && p !== document.documentElement) return true; }
    return false; };
  return [...document.querySelectorAll('body *')]
    .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > limit + 1 && !inScrollBox(el))
    .slice(0, 3)
    .map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
         + ' right=' + Math.round(el.getBoundingClientRect().right));
}"""


@pytest.mark.parametrize("size", list(SIZES))
def test_no_page_scrolls_sideways(browser, server, pages, size):
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    problems = {}
    try:
        for site_page in pages:
            page.goto(server.url + site_page.path, wait_until="load")
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                problems[str(site_page)] = f"{overflow}px too wide: {page.evaluate(WIDEST)}"
    finally:
        context.close()
    assert problems == {}


def test_the_check_sees_a_page_that_is_too_wide(browser, server):
    context = browser.new_context(viewport=SIZES["phone-320"])
    page = context.new_page()
    try:
        page.goto(server.url)
        page.evaluate("() => { const d = document.createElement('div'); d.style.width = '900px'; d.textContent = 'x'; document.querySelector('article').appendChild(d); }")
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") > 0
    finally:
        context.close()
