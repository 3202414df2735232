"""The rewrites of each built page: its interface strings, the progress box, the checkbox fix and the CSP <meta>.

A page's edition and address come from its path in the site folder, so the
step needs nothing from the generator. Finishing a page twice changes
nothing: the progress box is not added again and the CSP <meta> is renewed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from course.postbuild.csp import add_csp_meta, inline_script_hashes
from course.postbuild.html_fixes import drop_checkbox_autocomplete
from course.postbuild.progress_box import add_progress_box, notes_page_href
from course.postbuild.ui_config import trim_course_config


def page_edition(path: str, languages: tuple[str, ...]) -> str:
    """The edition of the page at `path` (relative to the site root): the default one unless under `<lang>/`."""
    first = path.split("/", 1)[0]
    return first if first in languages[1:] else languages[0]


def page_url(path: str, use_directory_urls: bool) -> str:
    """The page's address relative to the site root, as the generator gave it: "modules/x/" for "modules/x/index.html"."""
    if use_directory_urls and (path == "index.html" or path.endswith("/index.html")):
        return path[: -len("index.html")]
    return path


def finish_page(html: str, path: str, options) -> str:
    lang = page_edition(path, options.languages)
    prefix = "" if lang == options.languages[0] else f"{lang}/"
    href = notes_page_href(page_url(path, options.use_directory_urls), prefix, options.use_directory_urls)
    html = trim_course_config(html)
    # The box goes in before the hashes are taken; it has no script of its own.
    html = add_progress_box(html, options.ui[lang], href)
    return add_csp_meta(drop_checkbox_autocomplete(html))


@dataclass
class _Finished:
    written: bytes  # the generator's bytes
    finished: bytes  # what they became
    script_hashes: list[str]


@dataclass
class FinishedPages:
    """What each page was finished into last time, by its path.

    Under `make serve` every rebuild writes every page afresh, nearly all of
    them with the same bytes as before: such a page gets last time's result
    without being worked on again.
    """

    _last: dict[str, _Finished] = field(default_factory=dict)
    _settings: tuple = ()

    def finish_all(self, site_dir: Path, options) -> list[str]:
        """Finish every page under `site_dir`; return the hashes of their inline scripts, in path order."""
        settings = (options.languages, options.use_directory_urls, options.ui)
        if settings != self._settings:
            self._last, self._settings = {}, settings
        hashes: list[str] = []
        for path in sorted(site_dir.rglob("*.html")):
            for token in self._finish(path, path.relative_to(site_dir).as_posix(), options).script_hashes:
                if token not in hashes:
                    hashes.append(token)
        return hashes

    def _finish(self, path: Path, rel: str, options) -> _Finished:
        data = path.read_bytes()
        last = self._last.get(rel)
        if last is not None and (data == last.written or data == last.finished):
            if data != last.finished:
                path.write_bytes(last.finished)
            return last
        html = finish_page(data.decode("utf-8"), rel, options)
        finished = html.encode("utf-8")
        if finished != data:
            path.write_bytes(finished)
        self._last[rel] = _Finished(data, finished, inline_script_hashes(html))
        return self._last[rel]
