"""True to the sources: quotes stand verbatim in the source texts, and publishers are those the sources name.

The source texts' passages the course relies on are kept, copied verbatim,
in tests/data/source-excerpts/ (one file per source in data/sources.yml
that names a publisher, plus passages the pages quote).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from course.content.sources import load_sources
from tests.support.site_build import ROOT
from tests.support.site_pages import page_html, site_pages

EXCERPTS = Path(__file__).parents[1] / "data" / "source-excerpts"

# How a source names a publisher when not by the publisher's full name. Each
# spelling must stand in that source's excerpt; a web address counts as naming
# the organisation whose site it is on.
NAMED_AS = {
    "Sveriges Kommuner och Regioner": ("SKR", "skr.se"),
    "Riksdagen": ("Riksdagsbeslut", "riksdagsbeslut"),
    "SVT Nyheter Jämtland": ("svt.se/nyheter/lokalt/jamtland",),
}


def _normal(text: str) -> str:
    """Whitespace collapsed, hyphenated line breaks of the PDF text kept as they are."""
    return " ".join(text.replace("\u00a0", " ").split())


def _passages(name: str) -> list[str]:
    """The passages of an excerpt file: lines starting with # are notes, a line '# …' separates passages."""
    passages = [[]]
    for line in (EXCERPTS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if line == "# …":
            passages.append([])
        elif not line.startswith("#"):
            passages[-1].append(line)
    return ["\n".join(lines).strip("\n") for lines in passages if any(lines)]


def _excerpt(name: str) -> str:
    return "\n".join(_passages(name))


def _all_excerpts() -> str:
    return "\n".join(_normal(_excerpt(path.stem)) for path in sorted(EXCERPTS.glob("*.txt")))


def _quotes(html: str) -> list[str]:
    """The quoted words of a page: text between ” and ” inside a <blockquote> or a <q>."""
    soup = BeautifulSoup(html, "lxml")
    quotes = []
    for element in soup.select("article blockquote, article q"):
        if element.name == "q":
            quotes.append(_normal(element.get_text()))
            continue
        # A quoted list is read item by item: the list's numbers are the page's.
        text = "\n".join(_normal(part.get_text()) for part in element.select("p, li") if not part.select("p, li"))
        for quoted in re.findall(r"”([^”]+)”", text):
            quotes.extend(piece for piece in quoted.split("\n") if piece.strip())
    return quotes


def test_every_quote_stands_verbatim_in_a_source(site_dir):
    excerpts = _all_excerpts()
    problems = []
    found = 0
    for page in site_pages(site_dir):
        if page.lang != "sv":
            continue  # the English edition translates the quotes and says so
        for quote in _quotes(page_html(site_dir, page)):
            found += 1
            # A list item may drop the comma that ends it in the source.
            if quote not in excerpts and quote.rstrip(",.") not in excerpts:
                problems.append(f"{page}: ”{quote}” is not in tests/data/source-excerpts/")
    assert found >= 6, "no quotes found: has the markup changed?"
    assert problems == [], "\n".join(problems)


def test_a_changed_quote_is_caught():
    excerpts = _all_excerpts()
    right = "Hälso- och sjukvården bör ställa om så att primärvården är navet i vården"
    assert right in excerpts
    assert right.replace("bör", "ska") not in excerpts


def _publisher_spellings(publisher: str) -> tuple[str, ...]:
    name = publisher.split(" (")[0]
    return (name, *NAMED_AS.get(name, ()))


@pytest.mark.parametrize("source", [s for s in load_sources(ROOT).sources if s.publisher], ids=lambda s: s.id)
def test_a_publisher_is_one_the_source_names(source):
    path = EXCERPTS / f"{source.id}.txt"
    assert path.exists(), f"{source.id}: keep the passage that names its publisher in {path.relative_to(ROOT)}"
    excerpt = _normal(_excerpt(source.id))
    spellings = _publisher_spellings(source.publisher)
    assert any(spelling in excerpt for spelling in spellings), (
        f"{source.id}: the source does not name '{source.publisher}' (looked for {spellings}); "
        "give the publisher the source names, or none"
    )


def test_the_reports_without_a_named_publisher_have_none():
    sources = {s.id: s for s in load_sources(ROOT).sources}
    for sid in ("att-utova-systemledarskap", "varde-for-vem"):
        assert sources[sid].publisher is None and "Experio Lab" in (sources[sid].note or "")


def test_the_excerpts_are_verbatim_from_the_source_texts():
    """Where the source texts themselves are at hand (the project's shared folder), every passage is in them."""
    seeds = Path("/work/shared/seeds")
    if not seeds.is_dir():
        pytest.skip("the source texts are not on this machine")
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt")))
    for path in sorted(EXCERPTS.glob("*.txt")):
        for passage in _passages(path.stem):
            assert passage in text, f"{path.name}: a passage is not verbatim in the source texts"
