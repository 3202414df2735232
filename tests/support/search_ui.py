"""Drive Material's search box the way a reader does: open it and type."""

from __future__ import annotations

QUERY = "input[data-md-component=search-query]"


def wait_for_results_of(page, query: str) -> None:
    """Wait until the results shown are the worker's answer to `query` itself.

    Material also sends the empty query when the box opens, and the prefixes of
    a query being typed; the page shows whichever answer came last.
    `CourseSearch.shown()` (search-language.js) names the query answered once
    none is pending, so an earlier answer is never read as this one's.
    """
    page.wait_for_function(
        "q => window.CourseSearch && window.CourseSearch.shown() === q"
        " && document.querySelector('.md-search-result__meta').textContent.trim() !== ''",
        arg=query,
    )


def search(page, query: str) -> list[str]:
    """Type `query` into the search box; return the result links' hrefs."""
    page.keyboard.press("s")
    page.wait_for_selector(QUERY, state="visible")
    # Material reacts to key events, not to a programmatic value change.
    page.locator(QUERY).press_sequentially(query, delay=10)
    wait_for_results_of(page, query)
    return [a.get_attribute("href") for a in page.query_selector_all(".md-search-result__link")]
