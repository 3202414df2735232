"""The words a reader sees on a built page, per language, for spelling and readability checks."""

from __future__ import annotations

from html.parser import HTMLParser

SKIP_TAGS = {"script", "style", "code", "pre", "svg", "kbd", "samp", "template", "noscript"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK_TAGS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption", "div", "section",
    "blockquote", "summary", "label", "caption", "title", "a", "button", "fieldset", "legend", "ul", "ol",
    "dl", "table", "tr", "figure", "header", "footer", "nav", "main", "aside", "article", "details", "form",
}


class _TextByLanguage(HTMLParser):
    """Collects text per language, following lang attributes; skips code and scripts."""

    def __init__(self, page_lang: str, only_main: bool):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = []  # (tag, lang, skipping)
        self.page_lang = page_lang
        self.only_main = only_main
        self.main_depth = 0
        self.parts: dict[str, list[str]] = {}

    def _current(self) -> tuple[str, bool]:
        return (self.stack[-1][1], self.stack[-1][2]) if self.stack else (self.page_lang, False)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang, skipping = self._current()
        if tag == "html" and attrs.get("lang"):
            self.page_lang = lang = attrs["lang"]
        lang = (attrs.get("lang") or lang).split("-")[0]
        skipping = skipping or tag in SKIP_TAGS or "hidden" in attrs or attrs.get("aria-hidden") == "true"
        if tag == "article":
            self.main_depth += 1
        if tag in BLOCK_TAGS or "lang" in attrs:
            # An element with its own language starts a new run of text, so two
            # inline <span lang="sv"> in a row do not run together into one word.
            self.parts.setdefault(lang, []).append("\n")
        if tag not in VOID_TAGS:
            self.stack.append((tag, lang, skipping))

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS and self.stack:
            # The end of a block separates words too ("…tjänstelogik</h1><fieldset>…").
            self.parts.setdefault(self.stack[-1][1], []).append("\n")
        if self.stack and self.stack[-1][0] == tag and len(self.stack) > 1 and self.stack[-2][1] != self.stack[-1][1]:
            # Leaving a passage in another language ends its last word.
            self.parts.setdefault(self.stack[-1][1], []).append(" ")
        if tag == "article":
            self.main_depth -= 1
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        lang, skipping = self._current()
        if skipping or (self.only_main and self.main_depth <= 0):
            return
        self.parts.setdefault(lang, []).append(data)


def text_by_language(html: str, *, only_main: bool = False) -> dict[str, str]:
    parser = _TextByLanguage("sv", only_main)
    parser.feed(html)
    return {lang: "".join(parts) for lang, parts in parser.parts.items()}
