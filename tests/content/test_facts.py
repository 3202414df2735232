"""Facts as the sources give them: the checks a test can make on the fact check of 6 December 2026.

Each test was seen to fail on the wording the fact check found (commit fea425b):
- Uppsala's four vårdcentrum are a plan for 2023–2025 in the source (seed 004),
  never something the county "har infört" / "has set up";
- the Källor notes give the inquiries' dates as the source does: a date, with
  no verb ("Redovisade …", "Reported on …") that the source does not have;
- sentences the check found unsupported stay out of every page, so that a
  merge cannot bring them back;
- the summary on Om kursen names every item larplattform.md says the
  learning platform is told.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from course.content.sources import load_sources
from tests.support.site_build import ROOT
from tests.support.site_pages import page_html, site_pages
from tests.content.test_source_fidelity import EXCERPTS, _excerpt, _normal

# Blocks of running text: a sentence never spans two of them.
BLOCKS = "p, li, td, th, dd, dt, figcaption, h1, h2, h3, h4, blockquote"


def _sentences(html: str) -> list[str]:
    """The sentences of a page's article, in whatever language each part is in."""
    article = BeautifulSoup(html, "lxml").select_one("article") or BeautifulSoup("", "lxml")
    found = []
    for block in article.select(BLOCKS):
        if block.select(BLOCKS):
            continue  # its inner blocks are read on their own
        text = _normal(block.get_text(" "))
        found.extend(s for s in re.split(r"(?<=[.!?])\s+", text) if s)
    return found


# Uppsala's vårdcentrum: a plan, never done

# A sentence naming the planned care hubs...
PLANNED_HUBS = re.compile(r"\b(fyra|tre nya|4|3 nya) vårdcentrum|\b(four|three new) care hubs", re.IGNORECASE)
# ...says it is a plan...
PLAN = re.compile(r"\bplan\w*|\bska\b|\bwill\b", re.IGNORECASE)
# ...and never that it has been done.
DONE = re.compile(
    r"\b(har|hade)\s+(\w+\s+)?(infört|inrättat|öppnat|startat|skapat|byggt|etablerat|fått)\b"
    r"|\b(införde|inrättade|öppnade|startade)\b"
    r"|\b(has|have|had)\s+(\w+\s+)?(set up|introduced|opened|launched|started|established|built|brought in)\b",
    re.IGNORECASE,
)


def uppsala_problems(sentences: list[str]) -> list[str]:
    return [s for s in sentences if PLANNED_HUBS.search(s) and (DONE.search(s) or not PLAN.search(s))]


@pytest.mark.parametrize(
    "sentence",
    [
        "Därefter har länet infört fyra vårdcentrum, och planen för 2026–2030 tar upp tre nya.",
        "Since then the county has set up four care hubs, and the plan for 2026–2030 includes three new ones.",
        "2026–2030 Tre nya vårdcentrum, patientkontrakt och mätningar som patienten gör själv.",
    ],
)
def test_the_old_wordings_of_uppsala_s_plan_are_caught(sentence):
    assert uppsala_problems([sentence]) == [sentence]


def test_no_page_states_uppsala_s_planned_care_hubs_as_done(site_dir):
    problems, seen = [], {"sv": 0, "en": 0}
    for page in site_pages(site_dir):
        sentences = [s for s in _sentences(page_html(site_dir, page)) if PLANNED_HUBS.search(s)]
        seen[page.lang] += len(sentences)
        problems += [f"{page}: {s}" for s in uppsala_problems(sentences)]
    # Module 1, the learning examples and the Mellansverige page name them, in both languages.
    assert seen["sv"] >= 3 and seen["en"] >= 3, f"the sentences on Uppsala's care hubs were not found: {seen}"
    assert problems == [], "Uppsala's care hubs are a plan in the source (2023–2025, 2026–2030):\n" + "\n".join(problems)


# The Källor notes: the source's dates, and no verb the source lacks

# Verbs that say what happened on a date, with the Swedish stem a source would need to have.
REPORTING_VERBS = {
    r"redovisa\w*|reported": "redovis",
    r"lämna[dt]e?|överlämna\w*|submitted|handed (?:over|in)|delivered": "lämna",
    r"publicera\w*|published": "publicera",
    r"presentera\w*|presented": "presentera",
    r"avslutade?|blev klar|var klar|completed|finished": "klar",
}
MONTHS = {"maj": ("maj", "May"), "aug": ("augusti", "August"), "okt": ("oktober", "October"),
          "nov": ("november", "November"), "juni": ("juni", "June")}


def _source_text(source) -> str:
    """What the source says about an entry: its own excerpt, or the excerpts that name it."""
    own = EXCERPTS / f"{source.id}.txt"
    if own.exists():
        return _normal(_excerpt(source.id))
    texts = [_normal(_excerpt(p.stem)) for p in sorted(EXCERPTS.glob("*.txt"))]
    return "\n".join(t for t in texts if source.title in t)


def verbs_the_source_lacks(note: str, source_text: str) -> list[str]:
    lacking = []
    for pattern, stem in REPORTING_VERBS.items():
        for match in re.finditer(rf"\b(?:{pattern})\b", note, re.IGNORECASE):
            if not re.search(rf"\b{stem}", source_text, re.IGNORECASE):
                lacking.append(match.group(0))
    return lacking


def test_the_old_notes_are_caught():
    source = next(s for s in load_sources(ROOT).sources if s.id == "samsjuklighetsutredningen")
    text = _source_text(source)
    assert verbs_the_source_lacks("Redovisade 30 november 2021 enligt källan.", text) == ["Redovisade"]
    assert verbs_the_source_lacks("Reported on 30 November 2021, according to the source.", text) == ["Reported"]


@pytest.mark.parametrize("source", [s for s in load_sources(ROOT).sources if s.note], ids=lambda s: s.id)
def test_a_source_note_carries_no_verb_the_source_lacks(source):
    text = _source_text(source)
    lacking = verbs_the_source_lacks(source.note, text) + verbs_the_source_lacks(source.note_en or "", text)
    assert lacking == [], f"{source.id}: the note says {lacking}, which the source does not; give what the source gives"


def test_the_inquiries_dates_stand_as_the_source_gives_them():
    """Seed 002 lists six inquiries, each with a date in brackets and nothing about what the date is."""
    listed = re.findall(r"• ([^•(]+?) \( (\d+) (\w+) (\d{4})\)", _normal(_excerpt("fokusforflyttning")))
    assert len(listed) == 6, listed
    sources = {s.title: s for s in load_sources(ROOT).sources}
    for title, day, month, year in listed:
        source = sources[title]
        sv_month, en_month = MONTHS[month]
        assert f"{day} {sv_month} {year}" in source.note, f"{source.id}: {source.note!r}"
        assert f"{day} {en_month} {year}" in source.note_en, f"{source.id}: {source.note_en!r}"


def test_the_kallor_pages_carry_no_reporting_verb(site_dir):
    """The notes as readers see them, in both languages: none of the sources on this page has such a verb."""
    for path in ("kallor/", "en/kallor/"):
        html = (site_dir / path / "index.html").read_text(encoding="utf-8")
        text = " ".join(_sentences(html))
        assert "30 november 2021" in text or "30 November 2021" in text, f"{path}: the inquiries' notes are missing"
        assert verbs_the_source_lacks(text, "") == [], path


# Sentences the fact check found unsupported: none comes back with a merge

UNSUPPORTED = [
    "Invånaren får en vård och omsorg som hänger ihop",  # U1: the source says "skapas förutsättningar för"
    "The resident gets health and social care that hold together",
    "beskriver nyttan av systemledarskap på tre nivåer",  # U2: SKR's page is on primary care
    "describes the benefits of system leadership at three levels",
    "har länet infört fyra vårdcentrum",  # U3
    "has set up four care hubs",
    "Hon forskar också vid",  # U4: an affiliated researcher
    "She also does research at",
    "enligt källan.",  # U5: "Redovisade … enligt källan."
    "according to the source.",
    "Experio Labs rapporter",  # U6: no source names a publisher
    "Experio Lab’s reports",
]


def test_no_page_says_what_the_fact_check_found_unsupported(site_dir):
    found = []
    for page in site_pages(site_dir):
        text = " ".join(_sentences(page_html(site_dir, page)))
        found += [f"{page}: {s!r}" for s in UNSUPPORTED if s in text]
    assert found == [], "\n".join(found)


# What the learning platform is told: Om kursen says what larplattform.md says


@pytest.mark.parametrize(
    ("path", "items"),
    [
        ("om-kursen/", ["vilka moduler som är markerade som lästa", "varje gång en markering tillkommer"]),
        ("en/om-kursen/", ["which modules are marked as read", "each time a mark is added"]),
    ],
)
def test_om_kursen_names_the_read_marks_the_platform_is_told(site_dir, path, items):
    platform = path.replace("om-kursen", "larplattform")
    told = " ".join(_sentences((site_dir / platform / "index.html").read_text(encoding="utf-8"))).lower()
    summary = " ".join(_sentences((site_dir / path / "index.html").read_text(encoding="utf-8"))).lower()
    for item in items:
        assert item in told, f"{platform} no longer says {item!r}: update this test with it"
        assert item in summary, f"{path}: the summary of what the platform is told leaves out {item!r}"
