"""The reflection blocks and note templates in the built site, both editions.

The blocks carry every id in the data; the templates (.docx, .odt, .md) hold
every question of their step in their own language, and are the same bytes
as a fresh generation from the data.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.support.site_pages import module_page_files
from docx import Document
from odf import teletype
from odf import text as odf_text
from odf.opendocument import load as load_odt

from course.model.load import load_course
from course.model.course import LANGUAGES
from course.notes.templates import FORMATS, TEMPLATE_DIR, generate, outline, templates
from course.render.reflection import format_size, heading_id
from tests.support.site_build import ROOT

OTHER = {"sv": "en", "en": "sv"}


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT / "data" / "reflection", ROOT)


def edition(lang: str) -> str:
    return "" if lang == "sv" else f"{lang}/"


def page_html(site_dir: Path, lang: str, slug: str) -> str:
    return (site_dir / edition(lang) / "modules" / slug / "index.html").read_text(encoding="utf-8")


# A small reader of the blocks in built HTML


class Blocks(HTMLParser):
    """Collects each reflection block: its attributes, heading, questions, links; checks nesting."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict] = []
        self.stack: list[str] = []
        self.depth: int | None = None  # stack depth of the open block's <section>
        self.field: str | None = None
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "section" and "reflection" in (a.get("class") or "").split():
            self.depth = len(self.stack)
            self.blocks.append({"attrs": a, "heading": None, "heading_id": None, "intro": "", "questions": [], "links": []})
            return
        if self.depth is None:
            return
        block = self.blocks[-1]
        cls = (a.get("class") or "").split()
        if re.fullmatch(r"h[2-6]", tag):
            block["heading_id"], block["heading_tag"], self.field = a.get("id"), tag, "heading"
            block["heading"] = ""
        elif "reflection__intro" in cls:
            self.field = "intro"
        elif "reflection__question" in cls:
            block["questions"].append({"attrs": a, "text": "", "guidance": ""})
        elif "reflection__text" in cls:
            self.field = "text"
        elif "reflection__guidance" in cls:
            self.field = "guidance"
        elif tag == "a" and "reflection__download" in cls:
            block["links"].append({"attrs": a, "text": ""})
            self.field = "link"

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if self.depth is not None and len(self.stack) < self.depth:
            self.depth = None
        if tag in ("p", "a", "h2", "h3", "h4", "h5", "h6"):
            self.field = None

    def handle_data(self, data):
        if self.depth is None or self.field is None:
            return
        block = self.blocks[-1]
        if self.field in ("heading", "intro"):
            block[self.field] += data
        elif self.field in ("text", "guidance"):
            block["questions"][-1][self.field] += data
        elif self.field == "link":
            block["links"][-1]["text"] += data


def read_blocks(html: str) -> Blocks:
    parser = Blocks()
    parser.feed(html)
    parser.close()
    return parser


def all_blocks(site_dir: Path, lang: str) -> dict[str, tuple[str, dict, str]]:
    """step id -> (page path, block, page html), for every module page of one edition.

    (Other pages may list the questions with the same classes, such as the
    notes page's `reflection--notes` sections; the blocks live on the modules.)
    """
    found: dict[str, tuple[str, dict, str]] = {}
    for html_path in module_page_files(site_dir, lang):
        rel = html_path.relative_to(site_dir).as_posix()
        html = html_path.read_text(encoding="utf-8")
        for block in read_blocks(html).blocks:
            step_id = block["attrs"]["data-step-id"]
            assert step_id not in found, f"{step_id} is shown on both {found[step_id][0]} and {rel}"
            found[step_id] = (rel, block, html)
    return found


# The blocks


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_step_and_question_id_is_on_a_page(site_dir, course, lang):
    blocks = all_blocks(site_dir, lang)
    assert sorted(blocks) == sorted(course.step_ids()), "steps on the pages differ from the data"
    for step in course.steps:
        _, block, _ = blocks[step.id]
        ids = [q["attrs"].get("data-question-id") for q in block["questions"]]
        assert ids == [q.id for q in step.questions], step.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_blocks_follow_the_html_contract(site_dir, course, lang):
    for step_id, (rel, block, html) in all_blocks(site_dir, lang).items():
        step = course.step(step_id)
        assert f"{step.module.page}/" in rel, f"{step_id} is on {rel}"
        assert block["attrs"]["data-module"] == step.module.slug
        assert block["heading_id"] == heading_id(step_id)
        assert block["attrs"].get("aria-labelledby") == heading_id(step_id)
        assert block["heading"].strip() == step.title[lang]
        assert block["intro"].strip() == step.intro[lang]
        for item, question in zip(block["questions"], step.questions):
            attrs = item["attrs"]
            assert item["text"].strip() == question.text[lang]
            assert attrs.get("data-minutes") == (str(question.minutes) if question.minutes else None)
            assert attrs.get("data-form") == question.form
            if question.minutes or question.form or question.guidance:
                assert item["guidance"].strip(), f"{question.id}: guidance in the data but not on the page"
            else:
                assert "guidance" not in item or not item["guidance"]
        # The heading is in the page's table of contents.
        assert f'href="#{heading_id(step_id)}"' in html, f"{step_id}: heading missing from the table of contents"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_block_html_is_well_nested(site_dir, lang):
    for rel, _, html in all_blocks(site_dir, lang).values():
        start = html.index('class="reflection"')
        start = html.rindex("<section", 0, start)
        end = html.index("</section>", start) + len("</section>")
        parser = read_blocks(html[start:end])
        assert parser.errors == [] and parser.stack == [], f"{rel}: {parser.errors} {parser.stack}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_block_links_reach_the_templates_with_their_sizes(site_dir, course, lang):
    for step_id, (rel, block, _) in all_blocks(site_dir, lang).items():
        formats = [link["attrs"]["data-format"] for link in block["links"]]
        assert formats == list(FORMATS), step_id
        for link in block["links"]:
            target = urljoin(rel, link["attrs"]["href"])
            path = site_dir / target
            assert path.is_file(), f"{rel}: {target} is missing"
            assert target.startswith(f"{edition(lang)}{TEMPLATE_DIR}/")
            assert format_size(course, path.stat().st_size, lang) in link["text"], link["text"]
            assert "download" in link["attrs"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mallar_page_lists_every_template_with_format_and_size(site_dir, course, lang):
    page = site_dir / edition(lang) / "mallar" / "index.html"
    html = page.read_text(encoding="utf-8")
    folder = site_dir / edition(lang) / TEMPLATE_DIR
    listed = re.findall(r'<a class="reflection__download" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    expected = {f"{t.filename_stem}.{fmt}" for t in templates(course, lang) for fmt in FORMATS}
    assert {href for href, _ in listed} == expected
    for href, text in listed:
        size = (folder / href).stat().st_size
        assert format_size(course, size, lang) in text, text
        assert course.t("format_" + href.rsplit(".", 1)[1], lang) in text


# The templates


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def odt_text(data: bytes) -> str:
    doc = load_odt(io.BytesIO(data))
    return "\n".join(teletype.extractText(e) for kind in (odf_text.H, odf_text.P) for e in doc.getElementsByType(kind))


def template_files(site_dir: Path, course, lang: str):
    folder = site_dir / edition(lang) / TEMPLATE_DIR
    for template in templates(course, lang):
        steps = [course.step(template.key)] if template.key else list(course.steps)
        yield template, steps, {fmt: folder / f"{template.filename_stem}.{fmt}" for fmt in FORMATS}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_docx_and_odt_holds_its_questions_in_its_language(site_dir, course, lang):
    readers = {"docx": docx_text, "odt": odt_text, "md": lambda b: b.decode("utf-8").replace("\\", "")}
    for template, steps, paths in template_files(site_dir, course, lang):
        for fmt, path in paths.items():
            text = readers[fmt](path.read_bytes())
            where = f"{path.relative_to(site_dir)}"
            for step in steps:
                assert step.title[lang] in text, where
                for n, question in enumerate(step.questions, start=1):
                    assert f"{n}. {question.text[lang]}" in text, f"{where}: {question.id}"
                    assert question.text[OTHER[lang]] not in text, f"{where}: {question.id} in the other language"
            for key in ("course_title", "agreed_heading", "next_steps_heading", "generated_note",
                        "field_date", "field_participants", "field_organisations"):
                assert text.count(course.t(key, lang)) >= (len(steps) if key.endswith("heading") else 1), f"{where}: {key}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_templates_are_the_same_bytes_as_a_fresh_generation(site_dir, course, lang):
    fresh = generate(course, lang)
    folder = site_dir / edition(lang) / TEMPLATE_DIR
    built = {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix.lstrip(".") in FORMATS}
    assert sorted(built) == sorted(fresh)
    assert [name for name in fresh if fresh[name] != built[name]] == []


def test_docx_properties_say_language_and_that_it_is_generated(site_dir, course):
    for lang, locale in (("sv", "sv-SE"), ("en", "en-GB")):
        path = site_dir / edition(lang) / TEMPLATE_DIR / f"{templates(course, lang)[0].filename_stem}.docx"
        props = Document(str(path)).core_properties
        assert props.language == locale
        assert props.comments == course.t("generated_note", lang)


def test_outline_of_a_step_in_order(course):
    """The layout the browser export should mimic (see course/notes/templates.py)."""
    step = course.step("steg-1")
    kinds = [(b.kind, b.level) for b in outline(course, "sv", "steg-1")]
    head = [("title", 0), ("subtitle", 0), ("note", 0), ("heading", 1), ("para", 0), ("fields", 0), ("para", 0), ("heading", 2)]
    per_question = [("heading", 3), ("note", 0), ("answer", 0)]
    tail = [("heading", 2), ("answer", 0), ("heading", 2), ("actions", 0)]
    assert kinds == head + per_question * len(step.questions) + tail


def test_no_page_carries_a_question_id_the_data_does_not_have(site_dir, course):
    known = {q.id for q in course.questions()}
    stale = {}
    for html_path in site_dir.rglob("*.html"):
        ids = set(re.findall(r'data-question-id="([^"]+)"', html_path.read_text(encoding="utf-8")))
        if ids - known:
            stale[html_path.relative_to(site_dir).as_posix()] = sorted(ids - known)
    assert stale == {}
