"""The English edition uses one rendering per Swedish term (data/terms.yml) and one apostrophe (’).

Checked everywhere English text reaches a reader: every English page of the
built site (cards and the guide's time plan included), the questions, the
interface strings that meeting mode and the notes tools show, the glossary,
the sources and the note templates (.md, .docx, .odt).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.site_pages import page_html, site_pages

ROOT = Path(__file__).resolve().parent.parent
TERMS = yaml.safe_load((ROOT / "data" / "terms.yml").read_text(encoding="utf-8"))
FORBIDDEN = [
    (re.compile(pattern, re.I), f"{entry['sv']} is “{entry['en']}”" if "sv" in entry else entry["why"])
    for entry in [*TERMS["terms"], *TERMS["slips"]]
    for pattern in entry["forbidden"]
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


def _page_text(html: str) -> str:
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "code", "pre", "kbd", "samp", "template", "noscript"]):
        tag.decompose()
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
    ],
)
def test_the_table_lets_the_right_renderings_through(text):
    assert not _problems({"example": text})
