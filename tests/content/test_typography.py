"""Swedish typography and style from skrivregler.md, on the text a reader sees (code excluded)."""

from __future__ import annotations

import re

from tests.support.page_text import text_by_language

SWEDISH_RULES = {
    "straight or English quotation marks (use ”…”)": re.compile(r"[\"“„]"),
    "hyphen used as a dash (use an en dash with spaces: ord – ord)": re.compile(r"\s-\s"),
    "year range with a hyphen (use an en dash: 2018–2035)": re.compile(r"\b(19|20)\d\d-(19|20)\d\d\b"),
    "abbreviation in running text (write it out)": re.compile(r"\b(t\.ex\.|bl\.a\.|d\.v\.s\.|m\.m\.|osv\.|etc\.)", re.I),
    "percent sign in running text (write procent)": re.compile(r"\d\s?%(?!\S)"),
    "em dash (use an en dash with spaces)": re.compile(r"—"),
}
ENGLISH_RULES = {
    "straight quotation marks (use “…”)": re.compile(r"\""),
    "em dash without spaces or hyphen as dash": re.compile(r"\s-\s"),
}


def problems_in(text: str, rules: dict) -> list[str]:
    found = []
    for name, pattern in rules.items():
        for match in pattern.finditer(text):
            context = text[max(0, match.start() - 30) : match.end() + 30].replace("\n", " ")
            found.append(f"{name}: …{context}…")
    return found


def test_the_rules_catch_what_they_should():
    assert problems_in('Han sa "hej" - och gick 2018-2035, t.ex. 25 %.', SWEDISH_RULES) != []
    assert len(problems_in('Han sa "hej" - och gick 2018-2035, t.ex. 25 %.', SWEDISH_RULES)) == 5
    assert problems_in("Hon sa ”hej” – och gick 2018–2035, till exempel 25 procent.", SWEDISH_RULES) == []


def test_every_page_follows_the_typography_rules(site_dir, pages):
    problems = {}
    for page in pages:
        html = (site_dir / page.path / "index.html").read_text(encoding="utf-8")
        texts = text_by_language(html, only_main=True)
        found = problems_in(texts.get("sv", ""), SWEDISH_RULES) + problems_in(texts.get("en", ""), ENGLISH_RULES)
        if found:
            problems[str(page)] = found[:5]
    assert problems == {}
