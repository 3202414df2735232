"""hunspell on every built page: Swedish with sv_SE, English with en_GB, plus the project word list."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.page_text import text_by_language
from tests.support.site_build import ROOT
from tests.support.site_pages import page_html

WORDLIST = ROOT / "data" / "wordlist.txt"
DICTIONARIES = {"sv": "sv_SE", "en": "en_GB"}


def misspelled(text: str, lang: str) -> set[str]:
    if lang == "en":
        # hunspell's en_GB knows "organisation’s" but not the plural possessive "organisations’".
        text = re.sub(r"(?<=s)[’'](?=\W|$)", "", text)
    proc = subprocess.run(
        ["hunspell", "-d", DICTIONARIES[lang], "-p", str(WORDLIST), "-l"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    return {w for w in proc.stdout.split() if not re.fullmatch(r"[\d\W_]+", w)}


@pytest.fixture(scope="module", autouse=True)
def hunspell_available():
    if not shutil.which("hunspell"):
        pytest.fail("hunspell is missing: run `make test`, which installs Debian's hunspell packages")


def test_hunspell_catches_a_misspelling():
    assert misspelled("Systemledarskap kräver samvrekan mellan huvudmännen.", "sv") == {"samvrekan"}
    assert misspelled("The organisation works as a centre of colour with teh partners.", "en") == {"teh"}
    assert misspelled("The organisations’ plans and the partners' goals.", "en") == set()


def test_every_page_is_spelled_correctly(site_dir, pages):
    problems = {}
    for page in pages:
        html = page_html(site_dir, page)
        for lang, text in text_by_language(html).items():
            if lang not in DICTIONARIES:
                continue
            if unknown := misspelled(text, lang):
                problems[f"{page} [{lang}]"] = sorted(unknown)
    assert problems == {}, f"unknown words (fix them or add names and terms to {WORDLIST.relative_to(ROOT)})"


def test_interface_strings_are_spelled_correctly():
    """The strings the scripts show (notes, meeting mode, messages) appear on a page only when used."""
    import yaml

    from course.content.ui_strings import PLURAL, PLURAL_FORM

    problems = {}
    for lang in DICTIONARIES:
        strings = yaml.safe_load((ROOT / "data" / "ui" / f"{lang}.yml").read_text(encoding="utf-8"))
        texts = {}
        for key, value in strings.items():
            if key.endswith(".locale") or not isinstance(value, str):
                continue  # a language tag such as sv-SE, not text
            # a number's forms, each spelled: "{count, plural, one {# answer} other {# answers}}"
            text = PLURAL.sub(lambda m: " ".join(f for _, f in PLURAL_FORM.findall(m.group(2))).replace("#", " "), value)
            text = re.sub(r"\{\w+\}", " ", text)  # placeholders
            text = re.sub(r"(?<!\w)\.[a-z]+(?:-\w+)?", " ", text)  # file types: .json, .json-fil
            text = re.sub(r"\bEsc\b", " ", text)  # a key's name: <kbd> on pages, which the page check skips
            texts[f"{lang}: {key}"] = text
        # One hunspell run per language (a run per string took most of a minute);
        # each unknown word is then traced back to the strings that hold it.
        unknown = misspelled("\n".join(texts.values()), lang)
        for name, text in texts.items():
            if found := {w for w in unknown if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)}:
                problems[name] = sorted(found)
    assert problems == {}, f"unknown words (fix them or add names and terms to {WORDLIST.relative_to(ROOT)})"


def test_term_table_is_spelled_correctly():
    """data/terms.yml: each Swedish term in sv_SE and its English rendering, or each sense's, in en_GB."""
    import yaml

    terms = yaml.safe_load((ROOT / "data" / "terms.yml").read_text(encoding="utf-8"))["terms"]
    problems = {}
    for entry in terms:
        english = [entry["en"]] if "en" in entry else [sense["en"] for sense in entry["senses"]]
        for lang, text in (("sv", entry["sv"]), ("en", "\n".join(english))):
            if unknown := misspelled(text, lang):
                problems[f"{entry['sv']} [{lang}]"] = sorted(unknown)
    assert problems == {}
