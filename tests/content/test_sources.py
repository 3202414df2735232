"""Källor from data/sources.yml in both languages, and the feedback address on Om kursen."""

from __future__ import annotations

import re
from html import escape, unescape

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from course.errors import CourseDataError
from course.content.sources import SOURCES_FILE, load_sources, parse_sources
from tests.support.project_copy import copy_project
from tests.support.site_build import ROOT, build_site

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@pytest.fixture(scope="module")
def sources():
    return load_sources(ROOT)


def _html(site_dir, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def _article(html: str) -> str:
    return html[html.find("<article") : html.find("</article>")]


# The data


def test_sources_cover_the_works_the_course_cites(sources):
    ids = {s.id for s in sources.sources}
    assert {
        "att-utova-systemledarskap",
        "att-driva-omstallningen",
        "varde-for-vem",
        "ramverk-larande-uppfoljning",
        "systemledarskap-i-primarvarden",
        "primarvardsreformen",
        "samsjuklighetsutredningen",
        "ett-steg-narmare",
    } <= ids
    assert len(sources.sources) >= 20
    assert all(s.title and s.title_en for s in sources.sources)
    assert all(s.publisher or s.note for s in sources.sources), "a source without a publisher says where it is in its note"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["sources"][0].update(auther="x"), "source 'att-utova-systemledarskap': unknown key(s) auther"),
        (lambda d: d["sources"][1].pop("title_en"), "source 'att-driva-omstallningen': missing English title"),
        (lambda d: d["sources"][2].pop("note_en"), "source 'varde-for-vem': missing 'note_en' translation"),
        (lambda d: d["sources"].append(dict(d["sources"][0])), "source 'att-utova-systemledarskap': duplicate source id"),
        (lambda d: d["sources"][0].update(urls=["skr.se"]), "'skr.se' is not a web address"),
        (lambda d: d["sources"][0].update(group="okand"), "unknown group 'okand'"),
        (lambda d: d["sources"][1].pop("publisher"), "source 'att-driva-omstallningen': 'publisher_en' without 'publisher'"),
        (lambda d: d["groups"][0].pop("en"), "group 'rapporter': missing 'en' translation"),
    ],
)
def test_broken_sources_data_names_file_and_source(change, expected):
    data = yaml.safe_load((ROOT / SOURCES_FILE).read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(CourseDataError) as error:
        parse_sources(data)
    assert str(error.value).startswith(f"{SOURCES_FILE}: ")
    assert expected in str(error.value)


def test_unknown_key_in_sources_file_fails_the_build_naming_the_file(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / SOURCES_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("    year: 2024\n", "    yeer: 2024\n", 1), encoding="utf-8")
    result = build_site(tmp_path / "out", project=project)
    assert result.returncode != 0
    assert f"{SOURCES_FILE}: source 'att-utova-systemledarskap': unknown key(s) yeer" in result.output, result.output[-3000:]


# The Källor pages


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_kallor_lists_every_source_with_its_addresses(site_dir, sources, lang):
    article = _article(_html(site_dir, "kallor" if lang == "sv" else "en/kallor"))
    for group in sources.groups:
        assert f'<h2 id="{group.id}">{escape(group.names[lang])}</h2>' in article
    for source in sources.sources:
        item = re.search(rf'<li id="kalla-{source.id}">(.*?)</li>', article, re.S)
        assert item, f"{source.id} is missing"
        for url in source.urls:
            assert f'<a href="{escape(url)}">{escape(url)}</a>' in item.group(1)
        if not source.publisher:
            continue
        publisher = source.publisher if lang == "sv" else (source.publisher_en or source.publisher)
        assert escape(publisher) in item.group(1)
        if lang == "en" and not source.publisher_en:  # a Swedish name, marked so it is read as Swedish
            assert f'<span lang="sv">{escape(source.publisher)}</span>' in item.group(1)


def test_english_kallor_keeps_swedish_titles_with_a_translation(site_dir, sources):
    article = _article(_html(site_dir, "en/kallor"))
    for source in sources.sources:
        assert f'<cite lang="sv">{escape(source.title)} </cite>[{escape(source.title_en)}]' in article


# Om kursen: the feedback address comes from mkdocs.yml extra (or a local folder); the course sets none


def _feedback_email() -> str | None:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file)["extra"]["feedback_email"]


def test_without_an_address_om_kursen_says_where_it_goes(site_dir):
    assert _feedback_email() is None
    for path, says in (("om-kursen", "Här ska den ange sin adress för synpunkter."), ("en/om-kursen", "This is where it gives its address for feedback.")):
        article = _article(_html(site_dir, path))
        assert 'class="course-feedback"' not in article and says in article


def test_the_example_folder_s_address_shows_on_om_kursen(local_site):
    address = yaml.safe_load((ROOT / "examples" / "lokalt" / "local.yml").read_text("utf-8"))["organisation"]["feedback_email"]
    for path in ("om-kursen", "en/om-kursen"):
        links = re.findall(r'<a class="course-feedback" href="mailto:([^"]+)">([^<]+)</a>', _article(_html(local_site, path)))
        assert links == [(address, address)]


def test_the_feedback_address_is_never_typed_into_a_page():
    typed = {p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md") if EMAIL.search(p.read_text("utf-8"))}
    assert typed == set()


def test_setting_the_address_in_mkdocs_yml_changes_om_kursen_and_module_4(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "\n  feedback_email:\n" in text
    config.write_text(text.replace("\n  feedback_email:\n", "\n  feedback_email: synpunkter@kommun.example\n"), "utf-8")
    result = build_site(tmp_path / "out", project=project)
    assert result.returncode == 0, result.output[-3000:]
    for page in ("om-kursen", "modules/kom-igang-tillsammans", "en/om-kursen", "en/modules/kom-igang-tillsammans"):
        assert "mailto:synpunkter@kommun.example" in (tmp_path / "out" / page / "index.html").read_text("utf-8"), page


def test_pages_publish_only_the_configured_email_addresses(site_dir, pages):
    """No personal address from the source texts: only those set under `extra` in mkdocs.yml."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        configured = {v for v in yaml_load(file)["extra"].values() if isinstance(v, str) and EMAIL.fullmatch(v)}
    found = {}
    for page in pages:
        text = unescape(_article(_html(site_dir, page.path)))
        if others := sorted(set(EMAIL.findall(text)) - configured):
            found[str(page)] = others
    assert found == {}
