"""axe-core on every built page, both languages, light and dark colour schemes, at phone, laptop and projector size."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def describe(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(n['target'][0] if isinstance(n['target'][0], str) else str(n['target']) for n in v['nodes'][:3])}"
        for v in violations
    ]


SIZES = {
    "phone": {"width": 375, "height": 812},
    "laptop": {"width": 1366, "height": 768},
    "projector": {"width": 1920, "height": 1080},
}
# Every size in the light scheme; the dark scheme at laptop size, where colours are what changes.
RUNS = [("light", "phone"), ("light", "laptop"), ("light", "projector"), ("dark", "laptop")]


@pytest.mark.parametrize(("scheme", "size"), RUNS)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_has_no_axe_violations(browser, server, pages, lang, scheme, size):
    axe = Axe()
    context = browser.new_context(viewport=SIZES[size], color_scheme=scheme)
    page = context.new_page()
    checked, problems = 0, {}
    try:
        for site_page in [p for p in pages if p.lang == lang]:
            page.goto(server.url + site_page.path, wait_until="load")
            body_scheme = page.get_attribute("body", "data-md-color-scheme")
            assert body_scheme == ("slate" if scheme == "dark" else "default"), f"{site_page}: scheme {body_scheme}"
            result = axe.run(page, options=AXE_OPTIONS)
            violations = result.response["violations"]
            if violations:
                problems[str(site_page)] = describe(violations)
            checked += 1
    finally:
        context.close()
    assert checked >= 10
    assert problems == {}
