"""Glossary tooltips: every page gets the glossary's abbreviation definitions in its own language.

`add_definitions` puts the definitions in front of a page's Markdown (a page's
own `*[...]: ...` lines come later and win). The `abbr` extension then wraps
each use in `<abbr title>`, and tooltips.js shows the title as a tooltip on
hover and on focus.

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

from markdown import Extension, Markdown
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor

from course.content.glossary import Glossary, abbreviation_markdown

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


def add_definitions(markdown: str, src_uri: str, lang: str, glossary: Glossary) -> str:
    if page_key(src_uri) in PAGES_WITHOUT_TOOLTIPS:
        return markdown
    return abbreviation_markdown(glossary, lang) + "\n\n" + markdown


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
        if not self.source:
            return
        terms = sorted(self.source, key=len, reverse=True)
        self.abbrs = _AnySpacing({" ".join(term.split()): title for term, title in self.source.items()})
        self.RE = re.compile(r"\b(?:" + "|".join(_spaced(term) for term in terms) + r")\b")
        self.iter_element(root)


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
