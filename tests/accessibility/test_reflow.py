"""Reflow (WCAG 1.4.10) and zoom (1.4.4): no page scrolls sideways at 320 CSS px, or at 200 % zoom on a 1280 px window."""

from __future__ import annotations

import pytest

from tests.support.page_tour import OVERFLOW, REFLOW_SET_UPS, SIZES


@pytest.mark.parametrize("size", REFLOW_SET_UPS)
def test_no_page_scrolls_sideways(page_tour, size):
    """Read from the shared tour of every page (tests/support/page_tour.py)."""
    assert len(page_tour.checked[size]) >= 20
    assert page_tour.overflow[size] == {}


def test_the_check_sees_a_page_that_is_too_wide(browser, server):
    context = browser.new_context(viewport=SIZES["phone"])
    page = context.new_page()
    try:
        page.goto(server.url)
        page.evaluate("() => { const d = document.createElement('div'); d.style.width = '900px'; d.textContent = 'x'; document.querySelector('article').appendChild(d); }")
        assert page.evaluate(OVERFLOW) > 0
    finally:
        context.close()
