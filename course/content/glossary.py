"""The course glossary: load and check `data/glossary.yml`, render the Ordlista and the tooltip definitions.

Every term has a Swedish and an English entry. The Ordlista page lists the
terms of its language (`glossary_html`), and every other page gets the same
explanations as abbreviation definitions (`glossary_definitions`), which the
`abbr` extension turns into `<abbr title>` and tooltips.js into tooltips.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from course.content.data_files import load_checked, merged_with_local
from course.errors import CourseDataError, errors_named
from course.local.folder import GLOSSARY_FILE as LOCAL_GLOSSARY
from course.local.folder import LocalFolder, check_local_id, display_path
from course.content.yaml_source import errors_at, read_yaml

GLOSSARY_FILE = "data/glossary.yml"
LANGUAGES = ("sv", "en")
TOP_KEYS = {"terms"}
TERM_KEYS = {"id", *LANGUAGES}
ENTRY_KEYS = {"term", "full", "lang", "forms", "text"}
# A tooltip longer than this is hard to read; the Ordlista is the place for more.
MAX_TEXT = 300
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# abbr matches whole words (\b...\b), so a spelling must begin and end with a letter or digit.
WORD_EDGES = re.compile(r"\w(?:.*\w)?")
# Characters that would break a `*[...]: ...` definition line or a Jinja pass over the page.
FORBIDDEN = ("[", "]", "\\", "{{", "{%", "{#")
# Swedish alphabetical order puts å, ä, ö after z.
_SORT_SV = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


@dataclass(frozen=True)
class Entry:
    term: str
    full: str | None
    forms: tuple[str, ...]
    text: str
    lang: str  # the language of the headword and full name

    def spellings(self) -> tuple[str, ...]:
        """Every spelling that gets the tooltip: headword, full name and forms, also with a capital first letter."""
        base = [self.term, *([self.full] if self.full else []), *self.forms]
        found: list[str] = []
        for word in base:
            for variant in (word, word[:1].upper() + word[1:]):
                if variant not in found:
                    found.append(variant)
        return tuple(found)

    def headword(self) -> str:
        return f"{self.term} – {self.full}" if self.full else self.term

    def headword_html(self, page_lang: str, swedish: "Entry | None" = None) -> str:
        """The headword for the Ordlista; on another edition the Swedish name follows in brackets."""
        html = _in_language(escape(self.headword()), self.lang, page_lang)
        if swedish is not None:
            name = swedish.full if swedish.full and swedish.full != self.full else swedish.term
            if name not in (self.term, self.full):
                # The brackets sit inside the span: text readers then see separate words.
                html += " " + _in_language(f"({escape(name)})", swedish.lang, page_lang)
        return html


@dataclass(frozen=True)
class Term:
    id: str
    entries: dict[str, Entry]


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]

    def sorted_terms(self, lang: str) -> list[Term]:
        key = _SORT_SV if lang == "sv" else str.maketrans({})
        return sorted(self.terms, key=lambda t: t.entries[lang].term.casefold().translate(key))

    def abbreviations(self, lang: str) -> dict[str, str]:
        """Spelling -> explanation, for the page's language."""
        return {s: t.entries[lang].text for t in self.terms for s in t.entries[lang].spellings()}


# Loading and checking


def load_glossary(project_dir: Path, local: LocalFolder | None = None) -> Glossary:
    """Read and check the glossary of the project at `project_dir`, with a local folder's terms (cached until a file changes)."""
    core = load_checked(project_dir, GLOSSARY_FILE, parse_glossary)
    path = local.data_file(LOCAL_GLOSSARY) if local else None
    if path is None:
        return core
    return merged_with_local(core, path, _with_local_terms)


def _with_local_terms(core: Glossary, path: Path) -> Glossary:
    """The course's terms and then the local ones; where both explain a word, the local explanation is the tooltip."""
    rel = display_path(path)
    data = read_yaml(path, rel)
    items = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(data, dict) or set(data) - TOP_KEYS or not isinstance(items, list) or not items:
        raise CourseDataError(rel, f"expected a mapping with the key 'terms' and a list of terms, found {data!r:.80}")
    terms = list(core.terms)
    for number, item in enumerate(items, start=1):
        with errors_at(item), errors_named(GLOSSARY_FILE, rel):
            term = _parse_term(item, number)
            check_local_id(term.id, rel, f"term '{term.id}'", None)
            if any(t.id == term.id for t in terms):
                raise CourseDataError(rel, "duplicate term id", f"term '{term.id}'")
        terms.append(term)
    return Glossary(tuple(terms))



def parse_glossary(data: object) -> Glossary:
    if not isinstance(data, dict):
        raise CourseDataError(GLOSSARY_FILE, f"expected a mapping with the key 'terms', found {type(data).__name__}")
    if unknown := sorted(set(data) - TOP_KEYS):
        raise CourseDataError(GLOSSARY_FILE, f"unknown key(s) {', '.join(map(str, unknown))}; expected 'terms'")
    items = data.get("terms")
    if not isinstance(items, list) or not items:
        raise CourseDataError(GLOSSARY_FILE, "'terms' must be a non-empty list")
    terms: list[Term] = []
    ids: set[str] = set()
    owners: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for number, item in enumerate(items, start=1):
        term = _parse_term(item, number)
        if term.id in ids:
            raise CourseDataError(GLOSSARY_FILE, "duplicate term id", f"term '{term.id}'")
        ids.add(term.id)
        for lang, entry in term.entries.items():
            for spelling in entry.spellings():
                if (other := owners[lang].setdefault(spelling, term.id)) != term.id:
                    raise CourseDataError(
                        GLOSSARY_FILE,
                        f"duplicate term: the {lang} spelling '{spelling}' is already used by term '{other}'",
                        f"term '{term.id}'",
                    )
        terms.append(term)
    return Glossary(tuple(terms))


def _parse_term(item: object, number: int) -> Term:
    if not isinstance(item, dict):
        raise CourseDataError(GLOSSARY_FILE, f"must be a mapping, found {type(item).__name__}", f"term number {number}")
    term_id = item.get("id")
    name = f"term '{term_id}'" if isinstance(term_id, str) else f"term number {number}"
    if not isinstance(term_id, str) or not ID_PATTERN.fullmatch(term_id):
        raise CourseDataError(GLOSSARY_FILE, "needs an 'id' of lower-case letters, digits and hyphens", name)
    if unknown := sorted(map(str, set(item) - TERM_KEYS)):
        raise CourseDataError(
            GLOSSARY_FILE, f"unknown key(s) {', '.join(unknown)}; expected {', '.join(sorted(TERM_KEYS))}", name
        )
    entries = {}
    for lang in LANGUAGES:
        if lang not in item:
            raise CourseDataError(GLOSSARY_FILE, f"missing '{lang}' translation", name)
        entries[lang] = _parse_entry(item[lang], lang, name)
    return Term(term_id, entries)


def _parse_entry(raw: object, lang: str, name: str) -> Entry:
    where = f"{name} ({lang})"
    if not isinstance(raw, dict):
        raise CourseDataError(GLOSSARY_FILE, f"'{lang}' must be a mapping with 'term' and 'text'", name)
    if unknown := sorted(map(str, set(raw) - ENTRY_KEYS)):
        raise CourseDataError(
            GLOSSARY_FILE, f"unknown key(s) {', '.join(unknown)}; expected {', '.join(sorted(ENTRY_KEYS))}", where
        )
    term = _text(raw.get("term"), "term", where)
    text = _text(raw.get("text"), "text", where)
    if len(text) > MAX_TEXT:
        raise CourseDataError(GLOSSARY_FILE, f"'text' has {len(text)} characters; at most {MAX_TEXT} fit a tooltip", where)
    full = _text(raw["full"], "full", where) if raw.get("full") is not None else None
    term_lang = raw.get("lang", lang)
    if term_lang not in LANGUAGES:
        raise CourseDataError(GLOSSARY_FILE, f"'lang' must be one of {', '.join(LANGUAGES)}, found {term_lang!r}", where)
    forms = raw.get("forms") or []
    if not isinstance(forms, list):
        raise CourseDataError(GLOSSARY_FILE, "'forms' must be a list of spellings", where)
    forms = tuple(_text(f, "forms", where) for f in forms)
    for spelling in (term, *([full] if full else []), *forms):
        if not WORD_EDGES.fullmatch(spelling):
            raise CourseDataError(GLOSSARY_FILE, f"'{spelling}' must begin and end with a letter or digit", where)
    return Entry(term, full, forms, text, term_lang)


def _text(value: object, key: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CourseDataError(GLOSSARY_FILE, f"'{key}' must be non-empty text", where)
    text = " ".join(value.split())
    if bad := [c for c in FORBIDDEN if c in text]:
        raise CourseDataError(GLOSSARY_FILE, f"'{key}' may not contain {' '.join(bad)}", where)
    return text


# Rendering


def glossary_html(glossary: Glossary, lang: str) -> str:
    """The Ordlista as a definition list in `lang`, each term with its fixed id."""
    rows = []
    for term in glossary.sorted_terms(lang):
        entry = term.entries[lang]
        swedish = term.entries["sv"] if lang != "sv" else None
        rows.append(f'<dt id="{term.id}">{entry.headword_html(lang, swedish)}</dt>\n<dd>{escape(entry.text)}</dd>')
    return '<dl class="course-glossary">\n' + "\n".join(rows) + "\n</dl>"


def _in_language(html: str, lang: str, page_lang: str) -> str:
    return html if lang == page_lang else f'<span lang="{lang}">{html}</span>'


def glossary_definitions(glossary: Glossary, lang: str) -> dict[str, str]:
    """Spelling -> explanation for a page in `lang`, as the `abbr` extension reads `*[spelling]: explanation`.

    The same for every page of an edition: made once per glossary (load_glossary
    gives the same object until a file changes).
    """
    return _definitions(glossary, lang)[0]


def definitions_fingerprint(glossary: Glossary, lang: str) -> str:
    return _definitions(glossary, lang)[1]


def _definitions(glossary: Glossary, lang: str) -> tuple[dict[str, str], str]:
    kept = _DEFINITIONS.get(lang)
    if kept is None or kept[0] is not glossary:
        found = {}
        for spelling, text in glossary.abbreviations(lang).items():
            spelling, text = spelling.strip(), text.strip()
            if spelling and text:
                found[spelling] = text
        digest = hashlib.sha256(repr(sorted(found.items())).encode("utf-8")).hexdigest()
        kept = (glossary, found, digest)
        _DEFINITIONS[lang] = kept
    return kept[1], kept[2]


_DEFINITIONS: dict[str, tuple[Glossary, dict[str, str], str]] = {}
