"""The reflection data and its validation, without a build: fast checks on the loader itself.

Each fixture in tests/data/reflection/ breaks a small valid module file one
way; the loader must name the file, the id and the problem.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from course.errors import CourseDataError
from course.build import ReflectionBuild
from course.model.load import STRING_KEYS, load_course
from course.model.course import LANGUAGES
from course.notes.templates import guidance_text
from course.render.reflection import format_size
from tests.support.site_build import ROOT

DATA = ROOT / "data" / "reflection"
FIXTURES = Path(__file__).parents[1] / "data" / "reflection"


def load_fixture(tmp_path: Path, *names: str):
    """Load the course's strings.yml with the given fixture module files, as the build would."""
    data_dir = tmp_path / "data" / "reflection"
    data_dir.mkdir(parents=True)
    shutil.copy(DATA / "strings.yml", data_dir / "strings.yml")
    for n, name in enumerate(names, start=1):
        shutil.copy(FIXTURES / name, data_dir / f"{n}-{name}")
    return load_course(data_dir, tmp_path)


def fails(tmp_path: Path, *names: str) -> str:
    with pytest.raises(CourseDataError) as caught:
        load_fixture(tmp_path, *names)
    return str(caught.value)


# The course's own data


@pytest.fixture(scope="module")
def course():
    return load_course(DATA, ROOT)


def test_course_data_loads_with_the_agreed_step_ids(course):
    assert course.step_ids() == ["modul-1", "modul-2", "modul-3", "steg-1", "steg-2a", "steg-2b", "steg-3", "avslutning"]
    modules = {step.id: step.module.slug for step in course.steps}
    assert modules["modul-1"] == "varfor-nara-vard"
    assert modules["modul-2"] == "fabrikslogik-och-tjanstelogik"
    assert modules["modul-3"] == "vad-ar-systemledarskap"
    assert {modules[s] for s in ("steg-1", "steg-2a", "steg-2b", "steg-3", "avslutning")} == {"kom-igang-tillsammans"}


def test_modules_one_to_three_have_three_to_five_questions(course):
    for step_id in ("modul-1", "modul-2", "modul-3"):
        assert 3 <= len(course.step(step_id).questions) <= 5, step_id


def test_question_ids_start_with_their_step_and_are_unique(course):
    ids = [q.id for q in course.questions()]
    assert len(ids) == len(set(ids))
    for step in course.steps:
        assert all(q.id.startswith(step.id + "-") for q in step.questions)


def test_every_text_is_translated_not_copied(course):
    for step in course.steps:
        for text in (step.title, step.intro, *(q.text for q in step.questions)):
            assert set(text) == set(LANGUAGES)
            assert text["sv"] != text["en"], text


def test_the_table_question_of_seed_004_is_in_the_closing_step(course):
    texts = [q.text["sv"] for q in course.step("avslutning").questions]
    assert "Vilken är din viktigaste uppgift som ledare i omställningen till Nära vård?" in texts


def test_guidance_reads_as_sentences_in_both_languages(course):
    question = course.step("steg-1").questions[0]
    assert guidance_text(course, question, "sv").startswith(f"Cirka {question.minutes} minuter.")
    assert guidance_text(course, question, "en").startswith(f"About {question.minutes} minutes.")


def test_sizes_follow_each_language(course):
    assert format_size(course, 812, "sv") == "812\u00a0byte"
    assert format_size(course, 8_449, "sv") == "8,4\u00a0kB"
    assert format_size(course, 8_449, "en") == "8.4\u00a0kB"
    assert format_size(course, 36_600, "en") == "37\u00a0kB"


# Each kind of bad data


def test_valid_fixture_loads(tmp_path):
    course = load_fixture(tmp_path, "valid.yml")
    assert [q.id for q in course.questions()] == ["prov-forsta", "prov-andra"]


def test_malformed_yaml_names_file_and_line(tmp_path):
    message = fails(tmp_path, "malformed.yml")
    assert "data/reflection/1-malformed.yml: malformed YAML" in message
    assert "line 3" in message


def test_unknown_key_names_question_and_expected_keys(tmp_path):
    message = fails(tmp_path, "unknown-key.yml")
    assert "data/reflection/1-unknown-key.yml, line 11: prov-forsta: unknown key(s) minuter in the question" in message
    assert "expected form, guidance, id, minutes, text" in message


def test_duplicate_id_in_one_file(tmp_path):
    message = fails(tmp_path, "duplicate-id.yml")
    assert "data/reflection/1-duplicate-id.yml: prov-forsta: duplicate id (in the same file)" in message


def test_duplicate_id_across_files_names_both(tmp_path):
    message = fails(tmp_path, "valid.yml", "valid.yml")
    assert "data/reflection/2-valid.yml: prov: duplicate id (first defined in data/reflection/1-valid.yml)" in message


def test_missing_translation_says_found_and_expected(tmp_path):
    message = fails(tmp_path, "missing-translation.yml")
    assert (
        "data/reflection/1-missing-translation.yml, line 11: prov-forsta: missing translation 'en' in 'text'"
        " (found: sv; expected: sv, en)"
    ) in message


def test_duplicate_key_is_refused(tmp_path):
    message = fails(tmp_path, "duplicate-key.yml")
    assert "data/reflection/1-duplicate-key.yml: malformed YAML: duplicate key 'text' (line 13" in message


def test_unknown_form_lists_the_forms(tmp_path):
    message = fails(tmp_path, "unknown-form.yml")
    assert "prov-forsta: unknown form 'fika'; expected one of enskilt-forst, hela-gruppen, parvis, varvet-runt" in message


def test_question_id_must_start_with_the_step_id(tmp_path):
    message = fails(tmp_path, "id-without-step.yml")
    assert "forsta: question id must start with its step id: expected 'prov-…'" in message


def test_strings_need_every_key_in_every_language(tmp_path):
    data_dir = tmp_path / "data" / "reflection"
    data_dir.mkdir(parents=True)
    strings = yaml.safe_load((DATA / "strings.yml").read_text(encoding="utf-8"))
    del strings["agreed_heading"]["en"]
    (data_dir / "strings.yml").write_text(yaml.safe_dump(strings, allow_unicode=True), encoding="utf-8")
    shutil.copy(FIXTURES / "valid.yml", data_dir / "1-valid.yml")
    with pytest.raises(CourseDataError, match=r"strings.yml: agreed_heading: missing translation 'en'"):
        load_course(data_dir, tmp_path)
    assert "agreed_heading" in STRING_KEYS


def test_strings_keep_their_placeholders(tmp_path):
    data_dir = tmp_path / "data" / "reflection"
    data_dir.mkdir(parents=True)
    strings = yaml.safe_load((DATA / "strings.yml").read_text(encoding="utf-8"))
    strings["minutes_other"]["en"] = "About {minuter} minutes."
    (data_dir / "strings.yml").write_text(yaml.safe_dump(strings, allow_unicode=True), encoding="utf-8")
    shutil.copy(FIXTURES / "valid.yml", data_dir / "1-valid.yml")
    with pytest.raises(CourseDataError, match=r"minutes_other: placeholders in en: found minuter, expected minutes"):
        load_course(data_dir, tmp_path)


# A step that no page uses


def test_a_step_no_page_uses_names_step_edition_and_page(tmp_path):
    state = ReflectionBuild(course=load_fixture(tmp_path, "valid.yml"))
    state.start_edition("sv")
    state.usage["sv"]["prov"] = ["modules/varfor-nara-vard.md"]
    state.start_edition("en")
    with pytest.raises(CourseDataError) as caught:
        state.check_every_step_used()
    message = str(caught.value)
    assert "data/reflection/1-valid.yml: prov: step is used by no page in the English edition (en)" in message
    assert 'expected {{ reflektion("prov") }} in docs/modules/varfor-nara-vard.en.md' in message


def test_the_default_edition_starts_a_new_build(tmp_path):
    state = ReflectionBuild(course=load_fixture(tmp_path, "valid.yml"))
    state.start_edition("sv")
    state.start_edition("en")
    state.usage["en"]["prov"] = ["x"]
    state.start_edition("sv")  # mkdocs serve: the next rebuild
    assert state.started == ["sv"] and state.usage == {"sv": {}}


# The facilitator's notes on a step (optional): purpose and how to lead it


def write_with_facilitation(tmp_path: Path, block: str) -> str:
    """The valid fixture with a `facilitation:` block added to its step; the loader's message."""
    text = (FIXTURES / "valid.yml").read_text(encoding="utf-8").replace("    questions:\n", block + "    questions:\n", 1)
    data_dir = tmp_path / "data" / "reflection"
    data_dir.mkdir(parents=True)
    shutil.copy(DATA / "strings.yml", data_dir / "strings.yml")
    (data_dir / "1-prov.yml").write_text(text, encoding="utf-8")
    try:
        course = load_course(data_dir, tmp_path)
    except CourseDataError as exc:
        return str(exc)
    return repr(course.step("prov").facilitation)


def test_facilitation_notes_load_and_are_optional(tmp_path, course):
    loaded = write_with_facilitation(tmp_path, "    facilitation:\n      purpose:\n        sv: Syftet.\n        en: The purpose.\n")
    assert "purpose={'sv': 'Syftet.', 'en': 'The purpose.'}" in loaded and "how=None" in loaded
    assert load_fixture(tmp_path / "plain", "valid.yml").step("prov").facilitation is None
    # Every step of the course has notes for the presenter view and the guide.
    assert all(step.facilitation and step.facilitation.purpose and step.facilitation.how for step in course.steps)


def test_facilitation_notes_are_validated(tmp_path):
    unknown = write_with_facilitation(tmp_path / "a", "    facilitation:\n      tips:\n        sv: x\n        en: y\n")
    assert unknown.startswith("data/reflection/1-prov.yml")
    assert "prov: unknown key(s) tips in 'facilitation'; expected how, purpose" in unknown
    missing = write_with_facilitation(tmp_path / "b", "    facilitation:\n      how:\n        sv: Så här.\n")
    assert "prov: missing translation 'en' in 'facilitation.how' (found: sv; expected: sv, en)" in missing
    empty = write_with_facilitation(tmp_path / "c", "    facilitation: {}\n")
    assert "prov: 'facilitation' must be a mapping with purpose and/or how" in empty


# A question stands on its own (issue 25): cards, meeting mode, the templates and the notes page show
# each question alone, so its first sentence may not lean on the question before it. Caught: an
# opening that continues ("And what…", "Och vad…", "Det…"), a wh-question whose subject is a bare
# pronoun ("Which problems should it solve…?") and a first sentence that ends on one ("…experience it?").
# A later sentence in the same question may point back to the first.
LEANS_ON_BEFORE = {
    "en": (
        r"^(?:And|But|Also|So|Then|It|Its|They|Their|Them|This|That|These|Those|He|She|Both|Each)\b",
        r"^(?:Which|What|How|Where|Who|Why|When)\b[^?]*?\b(?:should|could|can|will|would|does|do|is|are|did|has|have|must|may)\s+(?:it|they|this|that|these|those)\b",
        r"\b(?:it|them|this|that|these|those)\?$",
    ),
    "sv": (
        r"^(?:Och|Men|Även|Också|Så|Då|Det|Den|De|Dem|Dess|Deras|Dessa|Detta|Denna|Hen|Båda)\b",
        r"^(?:Vilka|Vilken|Vilket|Vad|Hur|Var|Vem|Vilka|Varför|När)\b[^?]*?\b(?:ska|skulle|kan|kunde|bör|kommer|gör|är|har|måste)\s+(?:den|det|de|dessa|detta|denna)\b",
        r"\b(?:den|det|dem|dessa|detta)\?$",
    ),
}
# Reviewed: the pronoun points forward, inside the same sentence ("What does it mean for you to put…").
STANDS_ALONE = {
    ("steg-2a-helheten", "en"): "“it” is the “to put the whole before the parts” that follows",
    ("steg-2a-helheten", "sv"): "“det” is the “att sätta helheten före delarna” that follows",
    ("modul-2-lage-ratt-tid", "en"): "“It is easy … to get”: “it” is what follows",
    ("modul-2-lage-ratt-tid", "sv"): "“Det är enkelt … att få”: “det” is what follows",
    ("steg-3-pa-lang-sikt", "sv"): "“Vilka är de viktigaste stegen”: “de” is the article of “stegen”",
}


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[?.!])\s+", text.strip(), maxsplit=1)[0]


def leaning_questions(texts: dict[str, dict[str, str]]) -> list[str]:
    found = []
    for qid, text in texts.items():
        for lang, patterns in LEANS_ON_BEFORE.items():
            first = first_sentence(text[lang])
            if (qid, lang) not in STANDS_ALONE and any(re.search(p, first) for p in patterns):
                found.append(f"{qid} ({lang}): {first}")
    return found


def all_question_texts() -> dict[str, dict[str, str]]:
    """Every question and self-assessment statement, by id: {sv, en}."""
    found = {}

    def walk(node):
        if isinstance(node, dict):
            if "id" in node and isinstance(node.get("text"), dict):
                found[node["id"]] = node["text"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(DATA.glob("[0-9]-*.yml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def test_every_question_stands_on_its_own():
    texts = all_question_texts()
    assert len(texts) > 50 and {"steg-2a-problem", "modul-1-lage-varfor"} <= set(texts)
    assert leaning_questions(texts) == []
    assert set(STANDS_ALONE) <= {(qid, lang) for qid in texts for lang in LANGUAGES}, "an allowed question is gone"


@pytest.mark.parametrize(
    "text",
    [
        "Which problems should it solve for residents and for staff?",
        "Which opportunities could it make the most of?",
        "And what do you know about how your staff experience it?",
        "Och vad vet ni om det?",
        "Vilka problem ska den lösa för invånarna?",
        "Vad vet ni om hur medarbetarna upplever det?",
    ],
)
def test_a_question_that_leans_on_the_one_before_is_caught(text):
    """The questions of module 4 before issue 25, and their like in Swedish."""
    lang = "sv" if re.search(r"\b(?:vad|vilka|ni|den)\b", text, re.I) else "en"
    other = "en" if lang == "sv" else "sv"
    assert leaning_questions({"q": {lang: text, other: "Vad vet ni?" if other == "sv" else "What do you know?"}}) == [f"q ({lang}): {text}"]
