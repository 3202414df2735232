"""Swedish search: compound parts from the course's own words, added to the Swedish index at build time.

How it works. Material's search is kept: lunr in a web worker, matching
every query word as a prefix ("vård" finds "vårdcentral"). Lunr skips its
stemmer for such prefix queries, so neither a stemmed index nor lunr's
stemmer at query time helps ("vårdcentralen*" never matches "vårdcentral").
Instead a small script (overrides/assets/javascripts/search-language.js),
loaded before Material's bundle, stems each query word before it reaches
the worker: the Swedish Snowball stemmer turns "vårdcentralerna",
"primärvårdens" and "samverkar" into "vårdcentral", "primärvård" and
"samverk", and since a Snowball stem is always the start of its word, the
prefix match then finds every form on the pages. Compounds are handled
here, at build time: every Swedish word of the pages is split where its
parts are words of the course (the page text and the glossary), and the
later parts ("reform" of "primärvårdsreform", "ledningen" of
"systemledningen") go into a field of their own, `parts`, which lunr
indexes but no result shows. The query's stem ("ledning") is then a prefix
of an indexed part. å, ä and ö stay exact: "vård" never matches "vard".
Only when a query has no å, ä or ö at all and a word of it matches nothing
does the script put the letters back from the index's own words
("vardcentral" becomes "vårdcentral"); a word that matches as typed
("vardag") is left alone. Results keep Material's highlighting: the search
sends the stems as the `h=` words, so the target page marks "primärvård"
in "primärvårdens" and "reform" in "primärvårdsreform". English pages get a
light English suffix stripper instead (search-stemmers.js) and no `parts` field.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

from course.content.glossary import Glossary

# The index field with the compound parts; the name is part of the contract
# with the script, which reads the words of the index, this field included.
PARTS_FIELD = "parts"
# As the text's: "systemledningen" is as much about "ledning" as the word itself.
PARTS_BOOST = 1.0
# Material's separator plus brackets and quote marks, so that "(proposition"
# and "”vårdcentral”" are found as "proposition" and "vårdcentral".
SEPARATOR = "[\\s\\-()\\[\\]\u201d\u201c\"]+"

# A part must be at least this long; shorter ones are mostly endings.
MIN_HEAD = 4
MIN_TAIL = 4
# A last part that is no word of the course is accepted only if this long,
# after a linking -s or -e, and if it starts the way some course word starts.
MIN_UNKNOWN_TAIL = 5
# Inflection endings, never the last part of a compound ("kommun|erna").
ENDINGS = frozenset(
    "erna arna orna ernas arnas ornas aren arens ande ende andet ades andes aste heten heter hetens "
    "lig liga ligt ning ningen ningar ningarna ings else elser".split()
)
# Function words (Snowball's Swedish stop list, shortened): never the first
# part, or "tillsammans" would split into "till|sammans".
FUNCTION_WORDS = frozenset(
    "alla allt att blev bli blir blivit dem den denna deras dess dessa det detta dina ditt efter eller "
    "från hade hans henne hennes honom icke ingen inom inte kunde mellan mina mitt mycket någon något "
    "några samma sedan sina sitta själv skulle sådan sådana sådant till under utan vara varför varit "
    "varje vars vart vilka vilkas vilken vilket våra vårt över fram genom före".split()
)

_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[a-zåäöéü]+")
_EDGES = re.compile(r"^[^a-zåäöéü]+|[^a-zåäöéü]+$")


@cache
def _stemmer():
    return snowballstemmer.stemmer("swedish")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Swedish Snowball stem of a lower-case word (always a prefix of it)."""
    return _stemmer().stemWord(word)


def words_of(html_text: str) -> list[str]:
    """The lower-case words of an index entry's HTML, as lunr sees them, without punctuation.

    Tokens that are not plain words (addresses, numbers, code) are left out.
    """
    text = html.unescape(_TAG.sub(" ", html_text)).lower()
    words = []
    for token in re.split(SEPARATOR, text):
        token = _EDGES.sub("", token)
        if token and _WORD.fullmatch(token):
            words.append(token)
    return words


def glossary_words(glossary: Glossary) -> set[str]:
    """The Swedish glossary's headwords, forms and explanations, as words."""
    found: set[str] = set()
    for term in glossary.terms:
        entry = term.entries["sv"]
        for text in (*entry.spellings(), entry.text):
            found.update(_WORD.findall(text.lower()))
    return found


class Vocabulary:
    """The course's Swedish words, and the compound splits they support."""

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(w for w in words if len(w) >= 2)
        self.stems = frozenset(stem(w) for w in self.words if len(w) >= MIN_TAIL)
        self.starts = frozenset(w[:3] for w in self.words if len(w) >= MIN_TAIL)
        self._cuts: dict[str, tuple[int, ...]] = {}
        self.shared = self._shared_tails()

    def _known(self, part: str) -> bool:
        part_stem = stem(part)
        return part in self.words or (len(part_stem) >= MIN_TAIL and (part_stem in self.stems or part_stem in self.shared))

    def _shared_tails(self) -> frozenset[str]:
        """Stems of last parts that follow two or more different course words.

        "direktör" never stands alone in the course, but "kommundirektör" and
        "regiondirektörerna" show that it is a word of its own.
        """
        heads: dict[str, set[str]] = {}
        for word in self.words:
            for end, _linked in self._heads(word):
                tail = word[end:]
                if len(tail) >= MIN_UNKNOWN_TAIL and tail not in ENDINGS and stem(word) != word[:end]:
                    heads.setdefault(stem(tail), set()).add(word[:end])
        return frozenset(t for t, found in heads.items() if len(found) >= 2)

    def _heads(self, word: str) -> list[tuple[int, bool]]:
        """Where a first part that is a course word ends, longest first; True if it has a linking -s or -e."""
        found = []
        for end in range(len(word) - MIN_TAIL, MIN_HEAD - 1, -1):
            head = word[:end]
            if head in self.words and head not in FUNCTION_WORDS:
                found.append((end, False))
            if head[-1] in "se" and head[:-1] in self.words and len(head) > MIN_HEAD and head[:-1] not in FUNCTION_WORDS:
                found.append((end, True))
        return found

    def cuts(self, word: str) -> tuple[int, ...]:
        """Where `word` splits into parts, as offsets of the later parts; () if it is no compound."""
        if word not in self._cuts:
            self._cuts[word] = self._best_split(word)[1]
        return self._cuts[word]

    def _best_split(self, word: str) -> tuple[tuple[int, int, int], tuple[int, ...]]:
        # Rank: fewest unknown parts, then fewest parts, then the longest first part.
        best: tuple[tuple[int, int, int], tuple[int, ...]] | None = None
        for end, linked in self._heads(word):
            tail = word[end:]
            if tail in ENDINGS or stem(word) == word[:end]:
                continue
            if self._known(tail):
                candidate = ((0, 1, -end), (end,))
            else:
                rank, rest = self._best_split(tail) if len(tail) >= MIN_HEAD + MIN_TAIL else ((0, 0, 0), ())
                if rest:
                    candidate = ((rank[0], rank[1] + 1, -end), (end, *(end + c for c in rest)))
                elif linked and len(tail) >= MIN_UNKNOWN_TAIL and tail[:3] in self.starts:
                    candidate = ((1, 1, -end), (end,))
                else:
                    continue
            if best is None or candidate[0] < best[0]:
                best = candidate
        return best or ((0, 0, 0), ())

    def later_parts(self, word: str) -> list[str]:
        """The word from each later part on: "systemledningen" -> ["ledningen"]."""
        return [word[cut:] for cut in self.cuts(word)]


def add_compound_parts(index: dict, vocabulary: Vocabulary, entry_words: list[list[str]]) -> int:
    """Give each entry of a Swedish index the later parts of its compounds; return how many entries got any.

    `entry_words` holds each entry's words, as `words_in_entries` found them.
    """
    changed = 0
    for doc, words in zip(index["docs"], entry_words):
        parts: list[str] = []
        for word in dict.fromkeys(words):
            for part in vocabulary.later_parts(word):
                if part not in parts:
                    parts.append(part)
        if parts:
            doc[PARTS_FIELD] = " ".join(parts)
            changed += 1
    index["config"]["fields"][PARTS_FIELD] = {"boost": PARTS_BOOST}
    index["config"]["separator"] = SEPARATOR
    return changed


def words_in_entries(index: dict) -> list[list[str]]:
    """Each index entry's words, title first: read once, for the vocabulary and for the splits."""
    return [words_of(doc.get("title", "")) + words_of(doc.get("text", "")) for doc in index["docs"]]


def course_vocabulary(entry_words: list[list[str]], glossary: Glossary | None) -> Vocabulary:
    words = glossary_words(glossary) if glossary is not None else set()
    for found in entry_words:
        words.update(found)
    return Vocabulary(words)


def enrich_swedish_index(index_path: Path, glossary: Glossary | None, *, with_script: bool = False) -> int:
    """Rewrite the Swedish index at `index_path` with compound parts; return the number of entries with parts.

    Done once: an index whose config already lists the parts field is left as it is.
    `with_script` also rewrites `search_index.js` for the offline build.
    """
    index = json.loads(index_path.read_text(encoding="utf-8"))
    if PARTS_FIELD in index["config"]["fields"]:
        return 0
    entry_words = words_in_entries(index)
    changed = add_compound_parts(index, course_vocabulary(entry_words, glossary), entry_words)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    index_path.write_text(data, encoding="utf-8")
    if with_script:
        index_path.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
    return changed
