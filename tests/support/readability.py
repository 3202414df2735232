"""Readability of a built page's main text: LIX for Swedish, Flesch reading ease for English.

LIX (Björnsson) = words per sentence + 100 × words longer than six letters / words.
Flesch reading ease = 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.

The text is the page's article (Material's `<article>`), as a reader sees it:
scripts, styles, code, SVG and anything hidden from readers are left out.
A sentence ends at . ! ? (and : for LIX, as Björnsson counted it) followed by
a space, and at the end of every block (paragraph, list item, heading, table
cell, caption), so a heading or a list item without a full stop still counts
as one sentence.

Run `python -m tests.support.readability SITE_DIR` to print each module page's numbers.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from tests.support.site_pages import module_page_files

SKIP_TAGS = {"script", "style", "code", "pre", "svg", "kbd", "samp", "template", "noscript", "button", "input", "textarea", "select"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK_TAGS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption", "div",
    "section", "blockquote", "summary", "caption", "figure", "ol", "ul", "dl", "table", "tr", "br",
}
SKIP_CLASSES = {"md-content__button", "headerlink", "md-source-file"}

# A word: letters or digits, joined by hyphens, apostrophes or inner . , : (14.30, 3,5).
WORD = re.compile(r"[^\W_]+(?:[-'’.,:][^\W_]+)*")
LETTER = re.compile(r"[^\W\d_]")
LIX_SENTENCE_END = re.compile(r"[.!?:]+(?=[\s”’)\]]|$)")
FLESCH_SENTENCE_END = re.compile(r"[.!?]+(?=[\s”’)\]]|$)")
VOWEL_GROUP = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class TextStats:
    words: int
    sentences: int
    long_words: int  # more than six letters
    syllables: int  # English estimate, for Flesch

    @property
    def lix(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words

    @property
    def flesch(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words


def text_stats(blocks: list[str], *, colon_ends_sentence: bool = True) -> TextStats:
    """Count words, sentences, long words and syllables in blocks of plain text."""
    end = LIX_SENTENCE_END if colon_ends_sentence else FLESCH_SENTENCE_END
    words = sentences = long_words = syllables = 0
    for block in blocks:
        for piece in end.split(block):
            found = WORD.findall(piece)
            if not found:
                continue
            sentences += 1
            words += len(found)
            long_words += sum(1 for w in found if len(LETTER.findall(w)) > 6)
            syllables += sum(_syllables(w) for w in found)
    return TextStats(words, sentences, long_words, syllables)


def article_blocks(html: str) -> list[str]:
    """The text of the page's `<article>`, one string per block element."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    blocks = [" ".join(b.split()) for b in parser.blocks]
    return [b for b in blocks if b]


def page_stats(html: str, *, colon_ends_sentence: bool = True) -> TextStats:
    return text_stats(article_blocks(html), colon_ends_sentence=colon_ends_sentence)


# Helper functions


def _syllables(word: str) -> int:
    # A rough English estimate: vowel groups, less a silent final e; at least one.
    w = word.lower()
    if not LETTER.search(w):
        return 1
    count = len(VOWEL_GROUP.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


class _ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self.article_depth = 0
        self.blocks: list[str] = [""]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipping = bool(self.stack and self.stack[-1][1])
        classes = set((attrs.get("class") or "").split())
        skipping = (
            skipping
            or tag in SKIP_TAGS
            or "hidden" in attrs
            or attrs.get("aria-hidden") == "true"
            or bool(classes & SKIP_CLASSES)
        )
        if tag == "article":
            self.article_depth += 1
        if tag in BLOCK_TAGS:
            self.blocks.append("")
        if tag not in VOID_TAGS:
            self.stack.append((tag, skipping))

    def handle_endtag(self, tag):
        if tag == "article":
            self.article_depth -= 1
        if tag in BLOCK_TAGS:
            self.blocks.append("")
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.article_depth <= 0 or (self.stack and self.stack[-1][1]):
            return
        self.blocks[-1] += data


def _module_pages(site_dir: Path) -> list[Path]:
    return module_page_files(site_dir, "sv") + module_page_files(site_dir, "en")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tests.support.readability SITE_DIR", file=sys.stderr)
        return 2
    site_dir = Path(argv[0])
    for path in [site_dir / "index.html", site_dir / "en" / "index.html", *_module_pages(site_dir)]:
        if not path.exists():
            continue
        html = path.read_text(encoding="utf-8")
        rel = path.parent.relative_to(site_dir).as_posix()
        rel = "" if rel == "." else rel
        if rel.startswith("en"):
            stats = page_stats(html, colon_ends_sentence=False)
            print(f"{'/' + rel + ('/' if rel else ''):48} Flesch {stats.flesch:5.1f}  words {stats.words:5}  sentences {stats.sentences:4}")
        else:
            stats = page_stats(html)
            print(f"{'/' + rel + ('/' if rel else ''):48} LIX {stats.lix:5.1f}  words {stats.words:5}  sentences {stats.sentences:4}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
