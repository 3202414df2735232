"""Search that understands Swedish (issue 10), checked in Chromium against the built site.

The table below pairs queries a manager might type with a page that must come
up among the first results (the first batch Material shows). Every pair is
drawn from the course text: the expected page uses the word in another form,
as part of a compound, or with å, ä and ö where the query has none.

Run against any built site to measure the table's hit rate:

    .venv/bin/python -m tests.search.test_search_swedish /path/to/site
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.browser import RECORD_VIOLATIONS
from tests.support.search_ui import QUERY, wait_for_results_of

# Material shows results in batches of ten pages; a hit must be in the first.
TOP = 10

# (query, page that must be among the first results, what the pair covers)
CASES: list[tuple[str, str, str]] = [
    # Definite, plural and genitive forms of nouns
    ("vårdcentralen", "modules/kom-igang-tillsammans/", "definite"),
    ("vårdcentralerna", "modules/vad-ar-systemledarskap/", "definite plural"),
    ("vårdcentralens", "fordjupning/mellansverige/", "genitive"),
    ("primärvårdens", "modules/vad-ar-systemledarskap/", "genitive"),
    ("kommunerna", "fordjupning/halsolabb/", "definite plural"),
    ("regionerna", "fordjupning/komplexa-system/", "definite plural"),
    ("invånarnas", "modules/fabrikslogik-och-tjanstelogik/", "genitive plural"),
    ("chefernas", "fordjupning/larande-exempel/", "genitive plural"),
    ("ledarskapet", "modules/kom-igang-tillsammans/", "definite"),
    ("tjänstelogiken", "fordjupning/larande-exempel/", "definite"),
    ("systemen", "fordjupning/komplexa-system/", "definite plural"),
    ("huvudmännen", "modules/varfor-nara-vard/", "definite plural"),
    ("patienternas", "fordjupning/larande-exempel/", "genitive plural"),
    ("omsorgen", "modules/vad-ar-systemledarskap/", "definite"),
    ("uppdraget", "fordjupning/halsolabb/", "definite"),
    ("utredningens", "modules/varfor-nara-vard/", "genitive"),
    ("organisationerna", "fordjupning/halsolabb/", "definite plural"),
    ("äldreomsorgen", "modules/varfor-nara-vard/", "definite"),
    # Since issue 30 the follow-up meeting's own page answers it first; Hälsolabbet fell out of the top ten.
    ("uppföljningen", "uppfoljning/", "definite"),
    # Definite neuter -et of compounds, which the stemmer leaves on: the base form is tried
    ("synsättet", "ordlista/", "definite -et, page says synsätt"),
    ("förhållningssättet", "modules/kom-igang-tillsammans/", "definite -et, page says förhållningssätt"),
    ("arbetssättet", "fordjupning/larande-exempel/", "definite -et"),
    # Verb forms
    ("samverkar", "modules/varfor-nara-vard/", "verb, page says samverkan"),
    ("samverkan", "fordjupning/mellansverige/", "verbal noun"),
    ("utvecklar", "fordjupning/halsolabb/", "verb, page says utveckling"),
    ("planerar", "fordjupning/komplexa-system/", "verb, page says planering"),
    # Parts of compounds
    ("reform", "modules/varfor-nara-vard/", "part of primärvårdsreform"),
    # (Module 4 has it only in compounds too, but ranked in the top ten only while its
    # "Uppdaterad" line said "handledningen"; the guide has it only in compounds, and high.)
    ("ledning", "handledning/", "part of handledning, systemledning and ledningsgrupp"),
    ("uppföljning", "modules/kom-igang-tillsammans/", "lärande uppföljning"),
    ("direktör", "modules/vad-ar-systemledarskap/", "part of regiondirektör"),
    ("design", "modules/fabrikslogik-och-tjanstelogik/", "part of tjänstedesign"),
    ("delegationen", "modules/varfor-nara-vard/", "part of Tillgänglighetsdelegationen"),
    # (om-kursen/ has it only in compounds too, but the group page, "Gruppens bild", ranks above it.)
    ("grupp", "mallar/", "part of ledningsgrupp"),
    # Typed without å, ä and ö
    ("vardcentral", "modules/kom-igang-tillsammans/", "ASCII for vårdcentral"),
    ("primarvarden", "modules/varfor-nara-vard/", "ASCII for primärvården"),
    ("aldreomsorg", "modules/varfor-nara-vard/", "ASCII for äldreomsorg"),
    ("hemtjansten", "ordlista/", "ASCII for hemtjänsten"),
    # Several words
    ("samverkan kommun region", "fordjupning/mellansverige/", "three words"),
    ("primärvårdens uppdrag", "modules/varfor-nara-vard/", "two words"),
]

# å, ä and ö are exact: (query, page that has only the other spelling, which must not come up)
NOT_FOUND: list[tuple[str, str]] = [
    ("svår", "drift/"),  # drift has "svar" (answer), never "svår" (difficult)
    ("svar", "fordjupning/halsolabb/"),  # halsolabb has "svår", never "svar"
    ("bör", "modules/fabrikslogik-och-tjanstelogik/"),  # only "bor" (lives)
]

# The index is downloaded when a reader turns to search (issue 31): keep it small.
# Issue 30's two pages (the follow-up meeting, Gruppens resa) took the English one to 200,723 bytes.
INDEX_BUDGET = {"sv": 210_000, "en": 210_000}
# What the compound parts may add to the Swedish index.
PARTS_BUDGET = 8_000


# Driving the search box


def results(page, query: str) -> list[str]:
    """Search `query` like a reader; return the result pages in order, relative to the edition's root.

    The query is put into the box whole and sent with one key press, so the
    results read are those of the full query, not of a prefix still being typed.
    """
    page.keyboard.press("s")
    field = page.locator(QUERY)
    field.wait_for(state="visible")
    field.fill(query)
    field.press("End")
    wait_for_results_of(page, query)
    # The edition's home, from the logo's link ("./" online, "index.html" from disk).
    root = page.evaluate("new URL(document.querySelector('.md-header__button.md-logo').getAttribute('href'), location.href).href")
    root = re.sub(r"index\.html$", "", root)
    found: list[str] = []
    for link in page.query_selector_all(".md-search-result__link"):
        href = page.evaluate("a => a.href", link)
        path = urlsplit(href)._replace(query="", fragment="").geturl()
        rel = path[len(root) :] if path.startswith(root) else path
        rel = re.sub(r"(^|/)index\.html$", r"\1", rel)
        if rel.endswith(".html"):
            rel = rel[: -len(".html")] + "/"
        if rel not in found:
            found.append(rel)
    return found


def material_string(lang: str, key: str) -> str:
    """An interface string from Material's translation for `lang`."""
    import material

    source = Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{lang}.html"
    return re.search(rf'"{re.escape(key)}": "([^"]+)"', source.read_text(encoding="utf-8")).group(1)


def open_edition(page, url: str):
    page.goto(url)
    page.wait_for_selector(QUERY, state="attached")


@pytest.fixture(scope="module")
def swedish_edition(browser, server):
    """One open Swedish page for the table's many queries: the page and its search index load once, not per query."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    open_edition(page, server.url)
    yield page
    context.close()


def closed_search(page):
    """The shared page with its search box closed, as a reader leaves it with Esc; `results` opens it with "s"."""
    page.evaluate(
        "() => { const toggle = document.getElementById('__search');"
        " if (toggle.checked) { toggle.checked = false; toggle.dispatchEvent(new Event('change')); }"
        " if (document.activeElement) document.activeElement.blur(); }"
    )
    return page


# The table, in the browser


@pytest.mark.parametrize(("query", "expected", "covers"), CASES, ids=[c[0] for c in CASES])
def test_query_finds_the_page(swedish_edition, query, expected, covers):
    found = results(closed_search(swedish_edition), query)
    assert expected in found[:TOP], f"{query!r} ({covers}): {expected} not in {found}"


def test_table_covers_every_case_of_the_issue():
    queries = {q for q, _, _ in CASES}
    assert len(CASES) >= 30
    for needed in ("vårdcentralen", "vårdcentralerna", "primärvårdens", "samverkar", "samverkan", "reform", "ledning", "uppföljning", "samverkan kommun region"):
        assert needed in queries, needed
    assert any(not re.search("[åäö]", q) and "ASCII" in c for q, _, c in CASES)


@pytest.mark.parametrize(("query", "other_spelling_page"), NOT_FOUND, ids=[q for q, _ in NOT_FOUND])
def test_swedish_letters_are_exact(swedish_edition, query, other_spelling_page):
    found = results(closed_search(swedish_edition), query)
    assert found, f"{query!r} finds nothing at all"
    assert other_spelling_page not in found, f"{query!r} matched its twin without å/ä/ö on {other_spelling_page}"


@pytest.mark.parametrize(
    ("query", "index_words", "expected"),
    [
        ("synsättet", ["synsätt", "system"], "synsätt"),
        ("programmet", ["program"], "program"),
        ("synsättet", ["synsättet"], "synsättet"),  # found as typed: left alone
        ("synsattet", ["synsätt"], "synsätt"),  # without å, ä and ö, then the base form
        ("kapitlet", ["kapital"], "kapitlet"),  # no base form in the index: the stem stays
    ],
)
def test_a_word_that_finds_nothing_tries_its_base_form(swedish_edition, query, index_words, expected):
    assert swedish_edition.evaluate("([q, w]) => window.CourseSearch.rewrite(q, 'sv', w)", [query, index_words]) == expected


def test_query_without_match_shows_no_results_message(page, server):
    open_edition(page, server.url)
    assert results(page, "xqzjvw") == []
    none = material_string("sv", "search.result.none")
    assert page.locator(".md-search-result__meta").text_content().strip() == none
    assert page.locator(".md-search-result__meta").is_visible()


# Highlighting on the target page


@pytest.mark.parametrize(
    ("query", "target", "word"),
    [
        ("primärvårdens", "modules/varfor-nara-vard/", "primärvården"),
        ("reform", "modules/varfor-nara-vard/", "primärvårdsreform"),
        ("vardcentral", "modules/kom-igang-tillsammans/", "vårdcentral"),
    ],
)
def test_target_page_highlights_the_matched_words(page, server, query, target, word):
    open_edition(page, server.url)
    results(page, query)
    # A result whose own text matched carries the words to highlight in h=.
    links = page.locator(f".md-search-result__link[href*='{target}']")
    marked = [i for i in range(links.count()) if parse_qs(urlsplit(links.nth(i).get_attribute("href")).query).get("h")]
    assert marked, f"no result for {target} carries h= words"
    links.nth(marked[0]).click()
    page.wait_for_url(re.compile(re.escape(target)))
    page.wait_for_selector("mark[data-md-highlight]")
    # The words around each mark: the mark sits in the word the query matched.
    words = page.eval_on_selector_all(
        "mark[data-md-highlight]",
        """marks => marks.map(m => {
            const before = (m.previousSibling && m.previousSibling.textContent || '').match(/[\\p{L}]*$/u)[0];
            const after = (m.nextSibling && m.nextSibling.textContent || '').match(/^[\\p{L}]*/u)[0];
            return (before + m.textContent + after).toLowerCase();
        })""",
    )
    assert any(w.startswith(word.lower()) for w in words), words
    assert page.locator("mark[data-md-highlight]").first.is_visible()


# The index


def test_index_size_per_language(site_dir):
    sizes = {"sv": (site_dir / "search" / "search_index.json").stat().st_size, "en": (site_dir / "en" / "search" / "search_index.json").stat().st_size}
    for lang, size in sizes.items():
        assert size <= INDEX_BUDGET[lang], f"{lang} index is {size} bytes, budget {INDEX_BUDGET[lang]}"
    swedish = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    parts = sum(len(d.get("parts", "").encode()) + len(',"parts":""') for d in swedish["docs"] if "parts" in d)
    assert 0 < parts <= PARTS_BUDGET, f"compound parts add {parts} bytes, budget {PARTS_BUDGET}"


def test_only_the_swedish_index_has_compound_parts(site_dir):
    swedish = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site_dir / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert swedish["config"]["lang"] == ["sv"] and "parts" in swedish["config"]["fields"]
    assert english["config"]["lang"] == ["en"] and "parts" not in english["config"]["fields"]
    assert not any("parts" in d for d in english["docs"])
    parts = {p for d in swedish["docs"] for p in d.get("parts", "").split()}
    assert {"reform", "ledningen"} <= parts, sorted(parts)


def test_script_stems_like_the_build(page, server, site_dir):
    """The query's stems (JavaScript) and the build's (snowballstemmer) agree on every word of the course."""
    import snowballstemmer

    from course.postbuild.search_swedish import words_of

    swedish = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = sorted({w for d in swedish["docs"] for f in ("title", "text") for w in words_of(d[f])})
    # Inflected forms the text may lack, to reach every branch of the algorithm.
    words += [w + end for w in words[::7] for end in ("en", "erna", "ens", "ets", "et", "lig", "löst", "fullt", "ande", "heten", "tt")]
    expected = snowballstemmer.stemmer("swedish").stemWords(words)
    open_edition(page, server.url)
    got = page.evaluate("words => words.map(w => window.CourseSearchStemmers.swedish(w))", words)
    differ = [(w, e, g) for w, e, g in zip(words, expected, got) if e != g]
    assert len(words) > 2000
    assert differ == [], differ[:20]
    assert all(w.startswith(s) for w, s in zip(words, got)), "a stem must be a prefix of its word"


# Switched off: extra.search_swedish (SEARCH_SWEDISH=false)


@pytest.fixture(scope="module")
def site_without_compound_parts(tmp_path_factory) -> Path:
    from tests.support.site_build import build_site

    site = tmp_path_factory.mktemp("site-without-compound-parts")
    result = build_site(site, extra_env={"SEARCH_SWEDISH": "false"})
    assert result.returncode == 0, result.output[-3000:]
    return site


def test_without_the_swedish_enrichment_search_still_finds_words(browser, site_without_compound_parts):
    from tests.support.site_build import SiteServer, free_port

    swedish = json.loads((site_without_compound_parts / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert swedish["config"]["lang"] == ["sv"] and "parts" not in swedish["config"]["fields"]
    assert not any("parts" in d for d in swedish["docs"])
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    try:
        with SiteServer(site_without_compound_parts, free_port()) as srv:
            open_edition(page, srv.url)
            found = results(page, "samverkan")
            assert "fordjupning/mellansverige/" in found[:TOP], found
            assert page.evaluate("window.__csp") == []
    finally:
        context.close()


# The English edition


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("leaders", "anteckningar/"),  # the page says "leader" and "leadership", never "leaders"
        ("policies", "drift/"),  # the page says "policy"
        ("organisations", "drift/"),  # the page says "organisation"
    ],
)
def test_english_edition_keeps_english_stemming(page, server, query, expected):
    open_edition(page, server.url + "en/")
    found = results(page, query)
    assert expected in found[:TOP], found
    assert page.evaluate("window.CourseSearch.rewrite('vårdcentralerna ledarskapet', 'en', null)") == "vårdcentralerna ledarskapet"


def test_english_edition_does_not_fold_swedish_letters(page, server):
    """English pages name "Hälsolabb"; the Swedish rule for typing without å, ä and ö stays in the Swedish edition."""
    open_edition(page, server.url + "en/")
    assert "fordjupning/halsolabb/" in results(page, "hälsolabb")
    open_edition(page, server.url + "en/")
    assert results(page, "halsolabb") == []
    open_edition(page, server.url)
    assert "fordjupning/halsolabb/" in results(page, "halsolabb")


# Offline: the zip opened from disk


@pytest.fixture()
def offline_folder(offline_site) -> Path:
    return offline_site


@pytest.mark.parametrize(
    ("query", "expected"),
    [("vårdcentralerna", "modules/vad-ar-systemledarskap/"), ("reform", "modules/varfor-nara-vard/"), ("vardcentral", "modules/kom-igang-tillsammans/")],
)
def test_offline_zip_search_understands_swedish(browser, offline_folder, query, expected):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file://", "data:", "blob:")) else None)
    try:
        page.goto((offline_folder / "index.html").as_uri())
        found = results(page, query)
        assert expected in found[:TOP], found
        assert page.evaluate("window.__csp") == [], "the offline search must run under the site's CSP"
        assert outside == []
    finally:
        context.close()


# Hit rate of the table against any built site (before and after a change)


def hit_rate(site: Path) -> tuple[int, int, list[str]]:
    from playwright.sync_api import sync_playwright

    from tests.support.browser import BROWSER_ARGS, CHROMIUM
    from tests.support.site_build import SiteServer, free_port

    misses = []
    with SiteServer(site, free_port()) as srv, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        page = browser.new_page()
        for query, expected, covers in CASES:
            open_edition(page, srv.url)
            found = results(page, query)
            if expected not in found[:TOP]:
                misses.append(f"{query} -> {expected} ({covers}); got {found[:TOP]}")
        browser.close()
    return len(CASES) - len(misses), len(CASES), misses


if __name__ == "__main__":
    hits, total, missed = hit_rate(Path(sys.argv[1]))
    for line in missed:
        print("miss:", line)
    print(f"{hits}/{total} pairs found ({hits / total:.0%})")
