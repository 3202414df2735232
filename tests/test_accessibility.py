"""axe-core on every built page, both languages, light and dark colour schemes, at phone, laptop and projector size.

The pages are visited by the shared tour (tests/page_tour.py), which runs axe on each once its scripts have run.
"""

from __future__ import annotations

import pytest

from tests.page_tour import AXE_SET_UPS


@pytest.mark.parametrize("set_up", AXE_SET_UPS)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_has_no_axe_violations(page_tour, lang, set_up):
    checked = [p for p in page_tour.checked[set_up] if p.startswith(f"{lang}:")]
    assert len(checked) >= 10
    problems = {page: found for page, found in page_tour.axe[set_up].items() if page.startswith(f"{lang}:")}
    assert problems == {}
