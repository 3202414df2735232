"""The English edition follows the term table (data/terms.yml) and uses one apostrophe (’).

Checked everywhere English text reaches a reader: every English page of the
built site (cards and the guide's time plan included), the questions, the
interface strings that meeting mode and the notes tools show, the glossary,
the sources and the note templates (.md, .docx, .odt).

The table knows senses: where one Swedish word has several English renderings,
a sense with `sv_marks` and `en_marks` is counted in each pair of texts (an
English page and its Swedish page; the sv and en of one data item), so the
English cannot add a sense the Swedish does not mark (“shared vision” without
gemensam, “dialogue” for samtal, “coordinated” for sammanhållen) or drop one
it must keep (invånare as “residents”). A term's glossary tooltip must stay off
the words of another term (verksamhet's off tjänst's “service”).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from course.content.glossary import load_glossary
from tests.support.site_pages import edition_relative, page_html, site_pages

ROOT = Path(__file__).resolve().parents[2]
TERMS = yaml.safe_load((ROOT / "data" / "terms.yml").read_text(encoding="utf-8"))


def _rule(entry: dict) -> str:
    """What the table says about a term, for a failure message: its rendering, or each sense and where it goes."""
    if "sv" not in entry:
        return entry["why"]
    if "en" in entry:
        return f"{entry['sv']} is “{entry['en']}”"
    return f"{entry['sv']}: " + "; ".join(f"“{sense['en']}” {' '.join(sense['where'].split())}" for sense in entry["senses"])


FORBIDDEN = [
    (re.compile(pattern, re.I), _rule(entry))
    for entry in [*TERMS["terms"], *TERMS["slips"]]
    for pattern in entry.get("forbidden", [])
]


@dataclass(frozen=True)
class Sense:
    sv: str
    en: str
    sv_marks: re.Pattern
    en_marks: re.Pattern
    count: str  # at_most or at_least

    def problem(self, sv_text: str, en_text: str) -> str | None:
        """What is wrong with this pair of texts for this sense, or None."""
        in_sv, in_en = len(self.sv_marks.findall(sv_text)), len(self.en_marks.findall(en_text))
        if self.count == "at_most" and in_en > in_sv:
            return f"“{self.en}” {in_en}× in English, but the Swedish marks it {in_sv}× ({self.sv_marks.pattern!r})"
        if self.count == "at_least" and in_en < in_sv:
            return f"{self.sv} {in_sv}× in Swedish, but “{self.en}” only {in_en}× in English"
        return None


SENSES = [
    Sense(
        entry["sv"],
        sense["en"],
        re.compile(sense["sv_marks"], re.I),
        re.compile(sense["en_marks"], re.I),
        sense.get("count", "at_most"),
    )
    for entry in TERMS["terms"]
    for sense in entry.get("senses", [])
    if "sv_marks" in sense and "en_marks" in sense
]


def _english_in(value, key: str = "") -> list[str]:
    """The English strings of a data file: values under 'en' or keys ending in '_en'."""
    if isinstance(value, dict):
        return [text for k, v in value.items() for text in _english_in(v, str(k))]
    if isinstance(value, list):
        return [text for v in value for text in _english_in(v, key)]
    if isinstance(value, str) and (key == "en" or key.endswith("_en")):
        return [value]
    return []


def _data_texts() -> dict[str, list[str]]:
    texts = {}
    for path in [*sorted((ROOT / "data" / "reflection").glob("*.yml")), ROOT / "data/glossary.yml", ROOT / "data/sources.yml"]:
        texts[path.relative_to(ROOT).as_posix()] = _english_in(yaml.safe_load(path.read_text(encoding="utf-8")))
    ui = yaml.safe_load((ROOT / "data/ui/en.yml").read_text(encoding="utf-8"))
    texts["data/ui/en.yml"] = [v for v in ui.values() if isinstance(v, str)]
    return texts


def _page_text(html: str, lang: str = "en") -> str:
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "code", "pre", "kbd", "samp", "template", "noscript"]):
        tag.decompose()
    if lang == "en":
        for tag in soup.select('[lang="sv"], [lang="sv-SE"]'):
            tag.decompose()  # Swedish names and titles quoted in English text
    article = soup.find("article") or soup
    return " ".join(article.get_text(" ").split())


def _template_texts(site_dir: Path) -> dict[str, str]:
    texts = {}
    for path in sorted((site_dir / "en").rglob("*")):
        if path.suffix == ".md":
            texts[path.relative_to(site_dir).as_posix()] = path.read_text(encoding="utf-8")
        elif path.suffix in {".docx", ".odt"}:
            member = "word/document.xml" if path.suffix == ".docx" else "content.xml"
            with zipfile.ZipFile(path) as archive:
                xml = archive.read(member).decode("utf-8")
            texts[path.relative_to(site_dir).as_posix()] = " ".join(re.sub(r"<[^>]+>", " ", xml).split())
    return texts


def _english_texts(site_dir: Path) -> dict[str, str]:
    texts = {where: " ".join(" ".join(items).split()) for where, items in _data_texts().items()}
    for page in site_pages(site_dir):
        if page.lang == "en":
            texts[str(page)] = _page_text(page_html(site_dir, page))
    texts.update(_template_texts(site_dir))
    return texts


def _problems(texts: dict[str, str]) -> list[str]:
    problems = []
    for where, text in texts.items():
        for pattern, rule in FORBIDDEN:
            for match in pattern.finditer(text):
                context = text[max(0, match.start() - 50) : match.end() + 30]
                problems.append(f"{where}: {match.group(0)!r} ({rule}): …{context}…")
    return problems


def _data_pairs_in(value, where: str) -> list[tuple[str, str, str]]:
    """(where, sv, en) for each item of a data file that has both languages side by side."""
    pairs = []
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            where = f"{where}: {value['id']}"
        sv, en = value.get("sv"), value.get("en")
        if isinstance(sv, str) and isinstance(en, str):
            pairs.append((where, sv, en))
        elif isinstance(sv, dict) and isinstance(en, dict):  # a glossary term: headword, full name and text
            parts = ("term", "full", "text")
            pairs.append((where, " ".join(str(sv.get(k, "")) for k in parts), " ".join(str(en.get(k, "")) for k in parts)))
        for key, item in value.items():
            if isinstance(item, str) and isinstance(value.get(f"{key}_en"), str):
                pairs.append((f"{where}: {key}", item, value[f"{key}_en"]))
            elif key not in ("sv", "en") or not isinstance(item, str):
                pairs.extend(_data_pairs_in(item, where))
    elif isinstance(value, list):
        for item in value:
            pairs.extend(_data_pairs_in(item, where))
    return pairs


def _data_pairs() -> list[tuple[str, str, str]]:
    pairs = []
    for path in [*sorted((ROOT / "data" / "reflection").glob("*.yml")), ROOT / "data/glossary.yml", ROOT / "data/sources.yml"]:
        where = path.relative_to(ROOT).as_posix()
        pairs.extend(_data_pairs_in(yaml.safe_load(path.read_text(encoding="utf-8")), where))
    sv_ui, en_ui = (yaml.safe_load((ROOT / f"data/ui/{lang}.yml").read_text(encoding="utf-8")) for lang in ("sv", "en"))
    pairs.extend((f"data/ui: {key}", sv_ui[key], text) for key, text in en_ui.items() if isinstance(text, str) and isinstance(sv_ui.get(key), str))
    return [(where, " ".join(sv.split()), " ".join(en.split())) for where, sv, en in pairs]


def _page_pairs(site_dir: Path) -> list[tuple[str, str, str]]:
    """(where, Swedish text, English text) for each English page and the Swedish page it translates."""
    pages = site_pages(site_dir)
    swedish = {edition_relative(p): p for p in pages if p.lang == "sv"}
    pairs = []
    for page in pages:
        if page.lang == "en" and edition_relative(page) in swedish:
            sv_page = swedish[edition_relative(page)]
            pairs.append((str(page), _page_text(page_html(site_dir, sv_page), "sv"), _page_text(page_html(site_dir, page))))
    return pairs


def _sense_problems(pairs: list[tuple[str, str, str]]) -> list[str]:
    return [
        f"{where}: {problem}"
        for where, sv, en in pairs
        for sense in SENSES
        if (problem := sense.problem(sv, en))
    ]


def _abbreviations(html: str) -> list[tuple[str, str]]:
    """(title, text) of each tooltip in a page's article."""
    soup = BeautifulSoup(html, "lxml")
    article = soup.find("article") or soup
    return [(unescape(tag.get("title", "")), tag.get_text()) for tag in article.find_all("abbr")]


def test_english_uses_the_term_table(site_dir):
    texts = _english_texts(site_dir)
    assert len([w for w in texts if w.startswith("en:")]) >= 15
    assert any(w.endswith(".docx") for w in texts) and any(w.endswith(".odt") for w in texts)
    problems = _problems(texts)
    assert not problems, "\n".join(problems)


def test_english_has_one_apostrophe(site_dir):
    problems = []
    for where, text in _english_texts(site_dir).items():
        if where.endswith(".md"):
            continue  # Markdown templates: the reader's own file, checked as .docx/.odt
        for match in re.finditer(r"\w'\w|\w'(?=\s)|(?<=\s)'\w", text):
            problems.append(f"{where}: …{text[max(0, match.start() - 40):match.end() + 20]}…")
    assert not problems, "straight apostrophe ' where English uses ’:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("What do you need a system leadership for?", "systemledning"),
        ("Start the Dialogue timer", "samtal"),
        ("a shared target picture", "målbild"),
        ("steering and leadership", "styrning"),
        ("There is no common law to build on", "common law"),
        ("Picture: Five counties", "Figure"),
        ("what good it is to do for the public", "invånare"),
        ("The step has two talks.", "samtal"),
        ("Keep the talk to examples from your own daily work.", "samtal"),
        ("That is often where the best talk starts.", "samtal"),
        ("Read more about how to lead the talks in the guide.", "samtal"),
        ("Rules steer: policies and manuals.", "styra"),
        ("are often steered and led in hierarchies", "styra"),
        ("Health and social care are large services.", "verksamhet"),
        ("makes health and social care hold together for each person", "sammanhållen"),
        ("The highest officials, that is, the chief executives", "högsta tjänsteledning"),
        ("before the boss has spoken", "chef över"),
        ("Learn and develop from the joint results of the system.", "samlade resultat"),
        ("three goal areas, four hubs and its own programme management", "noder"),
        ("Guide for facilitators", "Facilitator guide"),
        ("It has a clock for the discussion.", "timer"),
        ("Our road map", "färdplan"),
        ("What culture and what attitudes will you need?", "förhållningssätt"),
        ("issues that cross every border", "gränser"),
        ("Which problems should it solve for residents?", "a question on its own"),
        ("Politics has an important role.", "politiken"),
        ("describes the shift as a change in complexity", "förändring i komplexitet"),
        ("what good it should do, both for residents and for staff", "nytta"),
        ("It may be a visit, a service or a decision.", "insats"),
        ("Measures and a doctoral student follow the work.", "mått"),
        ("the Central Sweden healthcare region", "health care"),
        ("the website of the joint working between the regions", "samarbete"),
        ("The most senior person may like to speak last.", "kan gärna"),
        ("kept only in your browser, apart from your own notes", "skild från"),
    ],
)
def test_the_table_catches_known_slips(text, rule):
    assert _problems({"example": text}), f"{text!r} should break the rule on {rule}"


@pytest.mark.parametrize(
    "text",
    [
        "A system leadership group sets the direction.",
        "System leadership is needed in the whole system.",
        "the joint steering group",
        "Talk about it together.",
        "a shared vision for 2030",
        "Would you rather talk first and see the picture afterwards?",
        "Everyone writes down their thoughts before you talk.",
        "the county has a steering group and later a political reference group",
        "This means that the patient measures, for example, blood pressure.",
        "It helps if the most senior person speaks last.",
        "The chief executives have a special role.",
        "Residents with complex needs want joined-up care and support.",
        "The step has two discussions.",
        "the Central Sweden health care region",
    ],
)
def test_the_table_lets_the_right_renderings_through(text):
    assert not _problems({"example": text})


def test_english_keeps_the_senses_apart(site_dir):
    pairs = _page_pairs(site_dir)
    assert len(pairs) >= 15
    data = _data_pairs()
    assert len(data) >= 200
    problems = _sense_problems(pairs + data)
    assert not problems, "\n".join(problems)


def test_glossary_tooltips_stay_off_other_terms(site_dir):
    glossary = {term.id: term for term in load_glossary(ROOT).terms}
    problems = []
    for entry in TERMS["terms"]:
        if "glossary" not in entry:
            continue
        english = glossary[entry["glossary"]].entries["en"]
        words = set(entry.get("no_tooltip_on", []))
        problems += [f"glossary {entry['glossary']}: the form “{s}” belongs to another term" for s in english.spellings() if s in words]
        for page in site_pages(site_dir):
            if page.lang == "en":
                problems += [
                    f"{page}: the tooltip of {entry['glossary']} sits on “{text}”"
                    for title, text in _abbreviations(page_html(site_dir, page))
                    if title == english.text and text in words
                ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("sv", "en"),
    [
        ("En målbild för hälso- och sjukvården 2030.", "A shared vision for health care in 2030."),
        ("Tips för samtalet.", "Tips for the dialogue."),
        ("Vård som är personcentrerad och sammanhållen.", "Care that is person-centred and coordinated."),
        ("Vad vet ni om invånarnas behov?", "What do you know about the needs of the people you serve?"),
        ("Systemledning och verksamhet.", "System leadership group and frontline services, and frontline services."),
        ("Personer med stora behov.", "People with extensive needs."),
    ],
)
def test_the_senses_catch_a_sense_the_swedish_does_not_mark(sv, en):
    assert _sense_problems([("example", sv, en)]), f"{en!r} should break a sense rule against {sv!r}"


@pytest.mark.parametrize(
    ("sv", "en"),
    [
        ("Arbetet med en gemensam målbild för länet börjar.", "Work on a shared vision for the county begins."),
        ("Regionen tog fram en målbild.", "The region drew up a vision."),
        ("Steg 2a: Dialog om er systemledning", "Step 2a: A dialogue about your system leadership group"),
        ("att samordna olika insatser", "coordinate the various interventions"),
        ("Vad är värdefullt för invånarna?", "What do residents find valuable?"),
        ("Systemledningen och verksamheterna har olika uppgifter.", "The system leadership group and the frontline services have different tasks."),
    ],
)
def test_the_senses_let_the_right_renderings_through(sv, en):
    assert not _sense_problems([("example", sv, en)])
