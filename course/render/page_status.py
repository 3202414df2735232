"""Lines under a page's title that come from the data, never from git:

- on every module and deeper-reading page, when it last changed and what
  changed ("Uppdaterad 25 november 2026: …"), from data/changes.yml;
- on an English page whose Swedish source changed since it was translated,
  that the Swedish page has been updated, with a link to it.

Also the "Vad är nytt" list of versions (the macro vad_ar_nytt).
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from pathlib import Path


from course.content.changes import Changes, Entry, is_covered, load_changes, swedish_source
from course.local.docs import ORIGINS
from course.content.translations import page_lags
from course.content.ui_strings import strings_for
from course.urls import relative_url

H1 = re.compile(r"^# .*$", re.M)
ATTR_LIST = re.compile(r"\s*\{[^}]*\}\s*$")


def add_page_status(markdown: str, src_uri: str, url: str, swedish_url: str | None, lang: str, project_dir: Path) -> str:
    """The page's Markdown with its status lines placed right under its title.

    `src_uri` and `url` are the page's source path and address; `swedish_url`
    the address of its Swedish original, if it has one.
    """
    if not _is_course_page(src_uri, project_dir):
        return markdown  # a local folder's page, or one it replaces: the changes file does not speak for it
    lines = []
    if is_covered(src_uri) and (entry := load_changes(project_dir).last_shown(swedish_source(src_uri))):
        lines.append(updated_html(entry, lang))
    if page_lags(project_dir, src_uri):
        if swedish_url is not None:
            lines.append(lagging_html(relative_url(swedish_url, url) or "./", lang))
    if not lines:
        return markdown
    block = "\n\n" + "\n".join(lines) + "\n\n"
    title = H1.search(markdown)
    if title is None:
        return block.lstrip() + markdown
    return markdown[: title.end()] + block + markdown[title.end() :].lstrip("\n")


def updated_html(entry: Entry, lang: str) -> str:
    ui = strings_for(lang)
    before, after = ui["changes.updated"].format(text="\0", date="\1").split("\1")
    after = after.replace("\0", entry.text[lang])
    return f'<p class="course-updated">{escape(before)}{time_html(entry.date, lang)}{escape(after)}</p>'


def lagging_html(swedish_href: str, lang: str) -> str:
    ui = strings_for(lang)
    link = f'<a href="{escape(swedish_href)}" hreflang="sv">{escape(ui["translations.lagging_link"])}</a>'
    before, after = ui["translations.lagging"].split("{link}")
    return f'<p class="course-lagging">{escape(before)}{link}{escape(after)}</p>'


def time_html(date: dt.date, lang: str) -> str:
    return f'<time datetime="{date.isoformat()}">{escape(long_date(date, lang))}</time>'


def long_date(date: dt.date, lang: str) -> str:
    """25 november 2026 / 25 November 2026, in the words of data/ui."""
    ui = strings_for(lang)
    month = ui["changes.months"].split()[date.month - 1]
    return ui["changes.date"].format(day=date.day, month=month, year=date.year)


def whats_new_markdown(changes: Changes, lang: str, docs_dir: Path, page_src: str) -> str:
    """Every version with changes readers see, newest first, each page linked with its sentence."""
    ui = strings_for(lang)
    out = []
    for version in changes.versions:
        # A page a local folder hides is not in the docs the build reads (course/local/docs.py).
        entries = [e for e in version.visible() if (docs_dir / e.page).exists()]
        if not entries:
            continue
        anchor = "version-" + version.version.replace(".", "-")
        heading = ui["changes.version"].format(version=version.version, date=long_date(version.date, lang))
        out += [f"## {_md(heading)} {{ #{anchor} }}", ""]
        for entry in entries:
            title = page_title(docs_dir, entry.page, lang)
            link = relative_url(entry.page, page_src)
            sentence = ui["changes.entry"].format(page="\0", date="\1", text=_md(entry.text[lang]))
            sentence = sentence.replace("\0", f"[{title}]({link})").replace("\1", time_html(entry.date, lang))
            out.append(f"- {sentence}")
        out.append("")
    return "\n".join(out)


def page_title(docs_dir: Path, page: str, lang: str) -> str:
    """A page's first heading, in `lang`, as its source writes it."""
    source = docs_dir / (page if lang == "sv" else page[: -len(".md")] + f".{lang}.md")
    text = source.read_text(encoding="utf-8")
    if text.startswith("---") and (end := text.find("\n---", 3)) != -1:
        text = text[end + 4 :]
    match = H1.search(text)
    return ATTR_LIST.sub("", match.group(0)[2:]).strip() if match else page


# Helper functions


def _is_course_page(src_uri: str, project_dir: Path) -> bool:
    origin = ORIGINS.get(src_uri)  # set only when a local folder's pages are staged
    return origin is None or origin.resolve() == (project_dir / "docs" / src_uri).resolve()


def _md(text: str) -> str:
    # Text from the data, with what Markdown or HTML would read as markup escaped.
    return "".join("\\" + c if c in "\\`*_[]#" else c for c in escape(text, quote=False))
