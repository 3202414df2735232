"""Drive Material's search box the way a reader does: open it and type."""

from __future__ import annotations

QUERY = "input[data-md-component=search-query]"


def search(page, query: str, *, expect_results: bool = True) -> list[str]:
    """Type `query` into the search box; return the result links' hrefs."""
    page.keyboard.press("s")
    page.wait_for_selector(QUERY, state="visible")
    # Material reacts to key events, not to a programmatic value change.
    page.locator(QUERY).press_sequentially(query, delay=10)
    if expect_results:
        page.wait_for_selector(".md-search-result__link")
    else:
        page.wait_for_function(
            "q => document.querySelector('.md-search-result__meta').textContent.trim() !== ''"
            " && document.querySelector('input[data-md-component=search-query]').value === q",
            arg=query,
        )
    return [a.get_attribute("href") for a in page.query_selector_all(".md-search-result__link")]
