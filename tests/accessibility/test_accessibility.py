"""axe-core on every built page, both languages, light and dark colour schemes, at phone and laptop size,
and on one page of each kind at projector size.

The pages are visited by the shared tour (tests/support/page_tour.py), which runs axe on each once its scripts have run.
"""

from __future__ import annotations

import pytest

from tests.support.page_tour import AXE_SET_UPS, SET_UPS


@pytest.mark.parametrize("set_up", AXE_SET_UPS)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_has_no_axe_violations(page_tour, lang, set_up):
    checked = [p for p in page_tour.checked[set_up] if p.startswith(f"{lang}:")]
    assert len(checked) >= 10
    sample = next(s.sample for s in SET_UPS if s.name == set_up)
    if sample is not None:  # every page of the sample was found and checked
        edition = "" if lang == "sv" else f"{lang}/"
        assert sorted(checked) == sorted(f"{lang}:{edition + path or '/'}" for path in sample), "a sample page is missing from the site"
    problems = {page: found for page, found in page_tour.axe[set_up].items() if page.startswith(f"{lang}:")}
    assert problems == {}
