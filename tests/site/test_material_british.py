"""Material's English strings read as British English on the English edition.

The pages are spelt for en_GB, and Debian 13's hunspell-en-gb (1:25.2.3) no
longer accepts -ize spellings, which Debian 12's (1:7.5.0) did. The course
overrides Material's strings in overrides/partials/languages/en-gb.html,
asked first by overrides/partials/language.html for the English edition.
"""

from __future__ import annotations

import re
from pathlib import Path

import material

from tests.support.site_build import ROOT
from tests.support.site_pages import page_html, site_pages

MATERIAL_EN = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
BRITISH = ROOT / "overrides" / "partials" / "languages" / "en-gb.html"
# -ize, -yze and their forms; "size", "prize", "seize" and "citizen" are British too.
AMERICAN = re.compile(r"\b(?!(?:size|prize|seize|citizen)s?\b)\w+(?:iz|yz)(?:e|es|ed|er|ers|ing|ation|ations)\b", re.I)


def table(path) -> dict[str, str]:
    return dict(re.findall(r'^\s*"([\w.]+)": "((?:[^"\\]|\\.)*)",?$', path.read_text(encoding="utf-8"), re.M))


def test_every_english_string_material_shows_is_british():
    shown = {**table(MATERIAL_EN), **table(BRITISH)}
    assert len(shown) > 40, "Material's English table was not read"
    assert {key: text for key, text in shown.items() if AMERICAN.search(text)} == {}


def test_the_override_names_only_strings_material_has():
    assert set(table(BRITISH)) <= set(table(MATERIAL_EN))


def test_the_check_sees_an_american_spelling():
    assert AMERICAN.search("Initializing search") and AMERICAN.search("Analyze")
    assert not AMERICAN.search("Initialising search, font size, prizes")


def test_the_english_pages_say_initialising_and_the_swedish_ones_their_own(site_dir):
    pages = site_pages(site_dir)
    english = [p for p in pages if p.lang == "en"]
    swedish = [p for p in pages if p.lang == "sv"]
    assert english and swedish
    for page in english:
        html = page_html(site_dir, page)
        assert "Initialising search" in html and "Initializing" not in html, page
    for page in swedish:
        assert "Initialising" not in page_html(site_dir, page), page
