"""The Fördjupning pages and Om kursen: present, with their content and their fixed heading ids.

The ids are the contract with the English pages, which reuse them.
"""

from __future__ import annotations

import re

import pytest

PAGES = {
    "fordjupning/": ("Fördjupning", ["fyra-fordjupningar", "anvanda-fordjupningarna"]),
    "fordjupning/larande-exempel/": (
        "Lärande exempel från regionerna",
        ["eskilstuna", "jamtland-harjedalen", "kalmar", "kronoberg", "uppsala", "jonkoping", "samsjuklighet", "fler-exempel"],
    ),
    "fordjupning/halsolabb/": (
        "Lärdomar från Hälsolabb",
        [
            "piloterna", "tjanstedesign", "framgangar-och-krockar", "varfor-krockar", "lardomar",
            "framgangsfaktorer", "utmaningar", "nationella-nivan", "rekommendationer",
        ],
    ),  # fmt: skip
    "fordjupning/mellansverige/": (
        "Länens resor och nätverket i Mellansverige",
        [
            "varfor-stalla-om", "lanens-resor", "orebro", "vastmanland", "varmland", "sormland", "uppsala",
            "gemensamt", "natverket", "varfor-natverk", "teman-hittills", "framat",
        ],
    ),  # fmt: skip
    "fordjupning/komplexa-system/": (
        "Leda förändring i komplexa system",
        ["enkelt-komplicerat-komplext", "omstallningen-ar-komplex", "vad-det-betyder", "systemledning-och-verksamhet", "politikens-roll"],
    ),
    "om-kursen/": ("Om kursen", ["for-vem", "grund", "utgivare", "licens", "aterkoppling"]),
}

# Facts from the brief that each page must carry, as the reader sees them.
CONTENT = {
    "fordjupning/larande-exempel/": [
        "kl. 9.00–16.00", "kl. 9.00–14.00", "patienten, ortopeden och allmänläkaren",
        '<span lang="en">', "Getting It Right For Every Child", "Barnens bästa-hjulet", "Barnets plan",
        "Vårdcentrum", "patientkontrakt", "Samsjuklighetsutredningen", "Västernorrland",
    ],
    "fordjupning/halsolabb/": [
        "fyra piloter", "framgångar", "krockar", "Framgångsfaktorer", "Utmaningar",
        "nationella nivån", "Stimulansmedlen", "fem rekommendationer",
    ],
    "fordjupning/mellansverige/": [
        "Örebro län", "Västmanland", "Värmland", "Sörmland", "Uppsala län", "utbyta erfarenheter",
        "relationer", "digitalisering", "kompetensförsörjning", "../../modules/varfor-nara-vard/#rorelse-i-alla-lan",
    ],
    "fordjupning/komplexa-system/": [
        "enkla, komplicerade eller komplexa", "oförutsägbar och dynamisk", "sällan att planera exakt",
        "Klara Palmberg Broryd", "Systemledning", "Verksamhet", "Politiken har en viktig roll",
    ],
    "om-kursen/": [
        "kommun- och regionchefer i två län", "Samhällsnytta", "Experio Lab", "CC BY 4.0", "MIT-licensen",
    ],
}  # fmt: skip


def _article(site_dir, path: str) -> str:
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    return html[html.find("<article") : html.find("</article>")]


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_has_its_title_and_fixed_heading_ids(site_dir, path):
    title, ids = PAGES[path]
    article = _article(site_dir, path)
    assert re.search(r"<h1[^>]*>(.*?)</h1>", article).group(1) == title
    found = re.findall(r'<h[2-6] id="([^"]+)"', article)
    assert [i for i in found if i in ids] == ids, "the fixed ids, in page order"


@pytest.mark.parametrize("path", sorted(CONTENT))
def test_page_carries_the_facts_of_the_brief(site_dir, path):
    article = _article(site_dir, path)
    text = re.sub(r"<[^>]+>", "", article)  # glossary tooltips wrap words in <abbr>
    missing = [fact for fact in CONTENT[path] if fact not in text and fact not in article]
    assert missing == []


def test_every_page_is_in_the_navigation(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    nav = html[html.find('<nav class="md-nav md-nav--primary"') :]
    for path in PAGES:
        assert f'href="{path}"' in nav, path
