"""The English edition: no Swedish interface string on an English page or in an English
note template, readable English module pages, and English text for every question.

The Swedish interface strings are read from where they are defined, never kept here:
data/ui/sv.yml, the words around the questions in data/reflection/strings.yml, Material's
Swedish translation file, and the Swedish palette and section names in mkdocs.yml. A
string that reads the same in English ("Markdown", "+1 min") is no sign of Swedish and
is left out. Text inside an element marked lang="sv" (report titles, organisation names,
the quoted Riksdag decision) is Swedish on purpose and is not counted as English.

Checked elsewhere: each English page's <html lang> and hreflang pair (test_meta.py),
page parity (test_build.py), spelling with hunspell en_GB (test_spelling.py), structure
and time estimates of the module pages in both editions (test_content_modules.py).
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import lxml.html
import material
import pytest
import yaml

from course.model.load import load_course
from course.notes.templates import templates
from tests.support.page_text import text_by_language
from tests.support.readability import page_stats
from tests.support.search_ui import search
from tests.support.site_build import ROOT, site_config

FLESCH_MIN = 40
MIN_WORDS = 400  # fewer words on a module page: it is not translated yet
SHORTEST = 3  # a shorter fragment ("i", "av") says nothing about the language of a page
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
PLACEHOLDER = re.compile(r"\{\w+\}|#")  # ours: {count}; Material's: "# min lästid"
WORD = re.compile(r"[^\W\d_]+")
LABEL_ATTRIBUTES = ("aria-label", "aria-description", "aria-roledescription", "placeholder", "title", "alt")


@dataclass(frozen=True)
class UiString:
    source: str  # where it is defined, for the failure message
    key: str
    sv: str
    en: str

    def fragments(self) -> list[str]:
        """The Swedish literal text around the placeholders, without the parts that read as English.

        A fragment is left out when the English string has it too, or when every word of it
        is an English word as well ("Start", "Navigation"): it says nothing about the language.
        """
        english = {_norm(f) for f in PLACEHOLDER.split(self.en)}
        found = []
        for piece in PLACEHOLDER.split(self.sv):
            piece = _norm(piece).strip(" :;,–-")
            if len(piece) >= SHORTEST and piece not in english and WORD.search(piece) and not _reads_as_english(piece):
                found.append(piece)
        return found


# Where the Swedish interface strings come from


def material_strings(lang: str) -> dict[str, str]:
    """Material's translation file: the "key": "value" pairs of its t() macro."""
    text = (MATERIAL_LANGUAGES / f"{lang}.html").read_text(encoding="utf-8")
    return {k: v.replace('\\"', '"') for k, v in re.findall(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)"', text, re.M)}


def swedish_interface_strings() -> list[UiString]:
    found: list[UiString] = []
    sv_ui = yaml.safe_load((ROOT / "data/ui/sv.yml").read_text(encoding="utf-8"))
    en_ui = yaml.safe_load((ROOT / "data/ui/en.yml").read_text(encoding="utf-8"))
    found += [UiString("data/ui/sv.yml", k, str(v), str(en_ui.get(k, ""))) for k, v in sv_ui.items()]

    course = load_course(ROOT / "data" / "reflection", ROOT)
    found += [UiString("data/reflection/strings.yml", k, t["sv"], t["en"]) for k, t in course.strings.items()]
    found += [UiString("data/reflection/strings.yml", f"forms.{k}", t["sv"], t["en"]) for k, t in course.forms.items()]

    sv_material, en_material = material_strings("sv"), material_strings("en")
    found += [UiString(f"material {MATERIAL_LANGUAGES.name}/sv.html", k, v, en_material.get(k, "")) for k, v in sv_material.items()]

    config = site_config()
    english = next(lang for lang in _i18n(config)["languages"] if lang["locale"] == "en")
    for sv_palette, en_palette in zip(config["theme"]["palette"], english["theme"]["palette"]):
        found.append(UiString("mkdocs.yml", "theme.palette.toggle.name", sv_palette["toggle"]["name"], en_palette["toggle"]["name"]))
    found += [UiString("mkdocs.yml", "nav_translations", sv, en) for sv, en in english["nav_translations"].items()]
    _learn_english(w for s in found for w in WORD.findall(s.sv))
    return [s for s in found if s.fragments()]


def swedish_question_texts() -> list[UiString]:
    """The Swedish words of every step and question: none of them belongs in an English template."""
    course = load_course(ROOT / "data" / "reflection", ROOT)
    texts = []
    for step in course.steps:
        texts += [UiString(step.file, f"{step.id}.title", step.title["sv"], step.title["en"])]
        texts += [UiString(step.file, f"{step.id}.intro", step.intro["sv"], step.intro["en"])]
        texts += [UiString(step.file, q.id, q.text["sv"], q.text["en"]) for q in step.questions]
    return texts


# Finding them


def swedish_in(texts: list[str], strings: list[UiString]) -> list[str]:
    """Each Swedish string that occurs as a whole phrase in `texts` (case and spacing as written)."""
    joined = "\n".join(_norm(t) for t in texts)
    hits = []
    for s in strings:
        for fragment in s.fragments():
            if re.search(r"(?<!\w)" + re.escape(fragment) + r"(?!\w)", joined):
                hits.append(f"{fragment!r} ({s.source}: {s.key})")
    return hits


class _EnglishLabels(HTMLParser):
    """Attribute texts a reader hears or sees (aria-label, placeholder, title, alt) outside lang="sv"."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.labels: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = (attrs.get("lang") or (self.stack[-1][1] if self.stack else "en")).split("-")[0]
        if lang == "en" and tag not in ("script", "style", "meta", "link"):
            self.labels += [attrs[a] for a in LABEL_ATTRIBUTES if attrs.get(a)]
        if tag not in ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"):
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break


def english_texts(html: str) -> list[str]:
    """What an English reader sees and hears on a page: its English text and labels."""
    labels = _EnglishLabels()
    labels.feed(html)
    return [text_by_language(html).get("en", ""), *labels.labels]


def english_article_stats(html: str):
    """Readability of the article's English text: parts marked with another language are left out."""
    doc = lxml.html.fromstring(html)
    for el in doc.xpath("//article//*[@lang][not(starts-with(@lang, 'en'))]"):
        el.drop_tree()
    return page_stats(lxml.html.tostring(doc, encoding="unicode"), colon_ends_sentence=False)


def template_text(path: Path) -> str:
    """The words of a note template: paragraphs of a .docx or .odt with their metadata, or the .md."""
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    with zipfile.ZipFile(path) as z:
        if path.suffix == ".docx":
            w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
            parts = [n for n in z.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml", n)]
            lines = []
            for name in parts:
                for p in ET.fromstring(z.read(name)).iter(f"{w}p"):
                    lines.append("".join(t.text or "" for t in p.iter(f"{w}t")))
            lines += ET.fromstring(z.read("docProps/core.xml")).itertext()
            return "\n".join(lines)
        text_ns = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
        lines = []
        for name in ("content.xml", "styles.xml"):
            root = ET.fromstring(z.read(name))
            lines += ["".join(el.itertext()) for el in root.iter() if el.tag in (f"{text_ns}p", f"{text_ns}h")]
        lines += ET.fromstring(z.read("meta.xml")).itertext()
        return "\n".join(lines)


def template_languages(path: Path) -> set[str]:
    """The languages a .docx or .odt declares for its text (spell checking, reading aloud)."""
    with zipfile.ZipFile(path) as z:
        if path.suffix == ".docx":
            xml = z.read("word/document.xml").decode() + z.read("docProps/core.xml").decode()
            return set(re.findall(r'w:lang w:val="([^"]+)"', xml)) | set(re.findall(r"<dc:language>([^<]+)<", xml))
        xml = z.read("content.xml").decode() + z.read("styles.xml").decode()
        return set(re.findall(r'fo:language="([^"]+)"', xml))


# The checks themselves can fail


def test_a_swedish_string_outside_lang_sv_is_found_and_inside_it_is_not():
    strings = [UiString("data/ui/sv.yml", "meeting.next", "Nästa", "Next"), UiString("x", "y", "Fråga {number} av {count}", "Question {number} of {count}")]
    assert strings[1].fragments() == ["Fråga"]  # "av" is too short to tell
    page = '<html lang="en"><body><p>Go on. <span lang="sv">Nästa</span></p><button aria-label="Fråga 2">x</button></body></html>'
    assert swedish_in(english_texts(page), strings) == ["'Fråga' (x: y)"]
    page = page.replace("Go on.", "Nästa steg.")
    assert swedish_in(english_texts(page), strings) == ["'Nästa' (data/ui/sv.yml: meeting.next)", "'Fråga' (x: y)"]
    # A whole word only: "Mall" is not found in "Small".
    assert swedish_in(["Small steps."], [UiString("x", "table_template", "Mall", "Template")]) == []


def test_the_sources_give_the_swedish_strings_a_reader_would_see():
    found = {s.sv for s in swedish_interface_strings()}
    assert {"Sök", "Välj språk", "Nästa", "Mötesläge", "Ditt svar", "Minnesanteckningar", "Byt till mörkt läge", "Moduler"} <= found
    assert "Markdown" not in found and "Word" not in found, "strings that read the same in English are left out"


def test_english_readability_leaves_out_swedish_quotes():
    html = '<article><p>We go on. The care is close.</p><blockquote lang="sv"><p>Hälso- och sjukvården bör ställa om.</p></blockquote></article>'
    stats = english_article_stats(f"<html><body>{html}</body></html>")
    assert (stats.words, stats.sentences) == (7, 2)


# The English pages


def _english_pages(site_dir, pages) -> list[tuple[str, Path]]:
    found = [(p.path, site_dir / p.path / "index.html") for p in pages if p.lang == "en" and not p.path.endswith(".html")]
    return [*found, ("en/404.html", site_dir / "en" / "404.html")]


def test_no_swedish_interface_string_in_an_english_page(site_dir, pages):
    strings = swedish_interface_strings()
    checked, problems = 0, {}
    for path, file in _english_pages(site_dir, pages):
        checked += 1
        if hits := swedish_in(english_texts(file.read_text(encoding="utf-8")), strings):
            problems[path] = hits
    assert checked > 15
    assert problems == {}


def test_no_swedish_interface_string_once_scripts_have_run(browser, server, site_dir, pages, page_tour):
    """Answer fields, progress, notes tools, meeting mode and search results are made by scripts.
    The pages as they stand once their scripts have run come from the shared tour (tests/support/page_tour.py)."""
    strings = swedish_interface_strings()
    problems = {}
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    try:
        for path, _ in _english_pages(site_dir, pages):
            if path not in page_tour.english_html:  # the 404 page is not among the tour's pages
                page.goto(server.url + path, wait_until="load")
            html = page_tour.english_html.get(path) or page.content()
            if hits := swedish_in(english_texts(html), strings):
                problems[path] = hits
        # Meeting mode on a module page.
        page.goto(server.url + "en/modules/kom-igang-tillsammans/", wait_until="load")
        page.locator(".meeting-launch__button").first.click()
        page.wait_for_selector("dialog[open]")
        if hits := swedish_in(english_texts(page.content()), strings):
            problems["meeting mode"] = hits
        # Search: its interface around the results. The results quote page text, which is
        # checked above; Material's index drops the lang="sv" marks of Swedish titles in it.
        page.goto(server.url + "en/", wait_until="load")
        search(page, "primary care")
        page.evaluate("document.querySelectorAll('.md-search-result__list').forEach(list => list.remove())")
        if hits := swedish_in(english_texts(page.content()), strings):
            problems["search"] = hits
        page.goto(server.url + "en/", wait_until="load")
        search(page, "xqzvw")
        if hits := swedish_in(english_texts(page.content()), strings):
            problems["search without results"] = hits
    finally:
        context.close()
    assert problems == {}


def test_english_module_pages_have_flesch_reading_ease_of_40_or_more(site_dir):
    pages = sorted({step.module.page for step in load_course(ROOT / "data" / "reflection", ROOT).steps})
    measured = {}
    for page in pages:  # the modules' pages and the follow-up meeting's (uppfoljning)
        path = f"en/{page}/"
        stats = english_article_stats((site_dir / path / "index.html").read_text(encoding="utf-8"))
        measured[path] = stats
        print(f"{path:45} Flesch {stats.flesch:5.1f}  words {stats.words:5}  sentences {stats.sentences:4}")
    assert len(measured) == 5  # four modules and the follow-up meeting
    assert {p: s.words for p, s in measured.items() if s.words < MIN_WORDS} == {}, "a module page this short is not translated yet"
    too_hard = {p: round(s.flesch, 1) for p, s in measured.items() if s.flesch < FLESCH_MIN}
    assert too_hard == {}, f"Flesch reading ease below {FLESCH_MIN}: shorter sentences and shorter words"


# The questions


def test_every_question_and_step_has_english_text():
    course = load_course(ROOT / "data" / "reflection", ROOT)
    problems = []
    for step in course.steps:
        texts = {"title": step.title, "intro": step.intro, "module title": step.module.title}
        for q in step.questions:
            texts[q.id] = q.text
            if q.guidance:
                texts[f"{q.id} guidance"] = q.guidance
        for name, text in texts.items():
            en = (text.get("en") or "").strip()
            if not en or en == text["sv"].strip() or re.search(r"[åäöÅÄÖ]", en.replace("Nära vård", "")):
                problems.append(f"{step.file}: {step.id} {name}: {en!r}")
    assert len(course.questions()) > 20
    assert problems == []


def test_every_question_shows_in_english_on_its_english_module_page(site_dir):
    course = load_course(ROOT / "data" / "reflection", ROOT)
    missing = []
    for step in course.steps:
        html = (site_dir / "en" / step.module.page / "index.html").read_text(encoding="utf-8")
        tree = lxml.html.fromstring(html)
        for q in step.questions:
            shown = tree.xpath(f"//article//*[@data-question-id='{q.id}']")
            if not shown or _norm(q.text["en"]) not in _norm(shown[0].text_content()):
                missing.append(q.id)
    assert missing == []


# The note templates


def test_english_note_templates_are_in_english(site_dir):
    course = load_course(ROOT / "data" / "reflection", ROOT)
    swedish = swedish_interface_strings() + swedish_question_texts()
    prefix = course.strings["file_prefix"]["en"]
    files = sorted(p for p in (site_dir / "en" / "mallar").iterdir() if p.suffix in (".docx", ".odt", ".md"))
    assert len(files) == 3 * (len(course.steps) + 1), [f.name for f in files]
    problems = {}
    for file in files:
        text, found = template_text(file), []
        if course.strings["notes_title"]["en"] not in text:
            found.append(f"no {course.strings['notes_title']['en']!r}")
        step_id = {t.filename_stem: t.key for t in templates(course, "en")}.get(file.stem, "")
        if step_id:
            found += [f"question {q.id} not in English" for q in course.step(step_id).questions if _norm(q.text["en"]) not in _norm(text)]
        found += swedish_in([text], swedish)
        if file.suffix != ".md" and not (languages := template_languages(file)) <= {"en", "en-GB"}:
            found.append(f"declares the languages {sorted(languages)}")
        if found:
            problems[file.name] = found
    assert problems == {}


# Helper functions


def _norm(text: str) -> str:
    return " ".join(text.split())


_ENGLISH_WORDS: dict[str, bool] = {}  # word -> hunspell en_GB knows it


def _learn_english(words) -> None:
    """Ask hunspell en_GB once about every word not asked about before."""
    new = sorted({w for w in words if w not in _ENGLISH_WORDS})
    if new:
        found = subprocess.run(["hunspell", "-d", "en_GB", "-l"], input="\n".join(new), capture_output=True, text=True, check=True)
        unknown = set(found.stdout.split())
        _ENGLISH_WORDS.update((w, w not in unknown) for w in new)


def _reads_as_english(fragment: str) -> bool:
    """True when hunspell en_GB knows every word of the fragment."""
    words = WORD.findall(fragment)
    _learn_english(words)
    return all(_ENGLISH_WORDS[w] for w in words)


def _i18n(config) -> dict:
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise AssertionError("mkdocs.yml has no i18n plugin")
