"""Glossary tooltips: every page gets the glossary's abbreviation definitions in its own language.

`add_definitions` gives a page's conversion the glossary's definitions, as if
they stood in front of its Markdown (a page's own `*[...]: ...` lines win).
The `abbr` extension's matcher then wraps each use in `<abbr title>`, and
tooltips.js shows the title as a tooltip on hover and on focus.

`FirstUseExtension` trims the result so it reads well and works by keyboard:

- a term gets its tooltip where it is first used on the page, as the course
  explains a term on first use; later uses stay plain text;
- no tooltip inside headings, links, buttons, summaries, labels or glossary
  headwords, where a second interactive element or a tooltip is out of place;
- the remaining `<abbr>` get `tabindex="0"`, so keyboard users can focus the
  term and see the same tooltip.

`WholeTermAbbrTreeprocessor` takes the place of the `abbr` extension's own
matcher, so a term split across two source lines ("system leadership⏎group")
is still the whole term, with its own tooltip, not the shorter term inside it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import lru_cache

from markdown import Extension, Markdown
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor

from course.content.glossary import Glossary, definitions_fingerprint, glossary_definitions

# The Ordlista already shows every explanation in full. The print page (the
# whole course on one page) is for paper, where a tooltip shows nothing.
PAGES_WITHOUT_TOOLTIPS = {"ordlista", "modules/hela-kursen"}
NO_TOOLTIP_INSIDE = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "button", "summary", "label", "dt"}


def page_key(src_uri: str) -> str:
    """`ordlista.en.md` and `ordlista.md` -> `ordlista`."""
    stem = src_uri.rsplit(".", 1)[0]
    for suffix in (".en", ".sv"):
        if stem.endswith(suffix):
            return stem[: -len(suffix)]
    return stem


# The glossary's definitions for the page being converted, set by add_definitions
# (on_page_markdown) and read by the matcher when the page converts next.
_page = {"definitions": {}, "fingerprint": ""}


def add_definitions(markdown: str, src_uri: str, lang: str, glossary: Glossary) -> str:
    """Give the page's conversion the glossary's definitions; the Markdown stays as it is.

    They used to go in front of the Markdown as `*[spelling]: explanation`
    lines, which the abbr extension's block parser then read again on every
    page: some 300 blocks a page, a seventh of a build (issue 31). The page's
    own definitions still win, as they came later.
    """
    if page_key(src_uri) in PAGES_WITHOUT_TOOLTIPS:
        _page.update(definitions={}, fingerprint="")
    else:
        _page.update(definitions=glossary_definitions(glossary, lang), fingerprint=definitions_fingerprint(glossary, lang))
    return markdown


def page_definitions_fingerprint() -> str:
    """What the glossary adds to the page now converting, for mkdocs_adapter/serve_cache.py's key."""
    return _page["fingerprint"]


def _spaced(term: str) -> str:
    """A term as a pattern whose spaces also match a line break (or several spaces)."""
    return r"\s+".join(re.escape(word) for word in term.split())


class _AnySpacing(dict):
    """The abbreviations, looked up by a match whose spaces may be line breaks."""

    def __getitem__(self, text: str) -> str:
        return super().__getitem__(" ".join(text.split()))


class WholeTermAbbrTreeprocessor(AbbrTreeprocessor):
    """The `abbr` extension's matcher, with the spaces inside a term matching any white space."""

    def __init__(self, md: Markdown, abbrs: dict) -> None:
        super().__init__(md, abbrs)
        self.source = abbrs  # filled anew for each page by the extension's block processor

    def run(self, root: etree.Element) -> None:
        definitions = {**_page["definitions"], **self.source} if self.source else _page["definitions"]
        if not definitions:
            return
        self.abbrs, self.RE = _matcher(tuple(definitions.items()))
        self.iter_element(root)


@lru_cache(maxsize=16)
def _matcher(definitions: tuple[tuple[str, str], ...]) -> tuple[_AnySpacing, re.Pattern]:
    """The lookup and the pattern for a page's definitions: every page of an edition has the glossary's, built once."""
    terms = sorted((term for term, _ in definitions), key=len, reverse=True)
    abbrs = _AnySpacing({" ".join(term.split()): title for term, title in definitions})
    return abbrs, re.compile(r"\b(?:" + "|".join(_spaced(term) for term in terms) + r")\b")


class FirstUseTreeprocessor(Treeprocessor):
    """Keep the first usable `<abbr>` per explanation, unwrap the rest (runs right after `abbr`)."""

    def run(self, root: etree.Element) -> None:
        self.seen: set[str] = set()
        self._walk(root, inside_excluded=False)

    def _walk(self, parent: etree.Element, inside_excluded: bool) -> None:
        for child in list(parent):
            title = child.get("title") if child.tag == "abbr" else None
            if title is None:
                self._walk(child, inside_excluded or child.tag in NO_TOOLTIP_INSIDE)
            elif inside_excluded or title in self.seen:
                _unwrap(parent, child)
            else:
                self.seen.add(title)
                child.set("tabindex", "0")


def _unwrap(parent: etree.Element, child: etree.Element) -> None:
    """Replace `child` by its text, keeping the text that follows it."""
    text = (child.text or "") + (child.tail or "")
    index = list(parent).index(child)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    parent.remove(child)


class FirstUseExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # The abbr extension is listed before this one (mkdocs.yml), so its matcher is there to replace.
        if "abbr" in md.treeprocessors:
            md.treeprocessors.register(WholeTermAbbrTreeprocessor(md, md.treeprocessors["abbr"].abbrs), "abbr", 7)
        # abbr runs at 7 and toc at 5: trim in between, before headings are read for the table of contents.
        md.treeprocessors.register(FirstUseTreeprocessor(md), "course_first_use_abbr", 6)


def register_extension(config) -> None:
    """Add the extension once; mkdocs-static-i18n runs `on_config` again for each edition."""
    extensions = config["markdown_extensions"]
    if not any(isinstance(ext, FirstUseExtension) for ext in extensions):
        extensions.append(FirstUseExtension())
