"""Each page's #course-config keeps only the interface strings its scripts can show.

The templates write the edition's whole table (course/render/theme_extra.py);
this trims it to what the page's content has features for
(`ui_strings.left_out_of_page`), so a page carries no meeting-mode or
notes-page strings it cannot show. The JSON is written as Jinja's `tojson`
writes it. The pages of an edition share one table, so each trimmed JSON is
worked out once (the author's loop under `make serve` redoes every page).
"""

import json
from functools import lru_cache

from course.content.ui_strings import left_out_of_page, strings_for_page

_OPEN = '<script id="course-config" type="application/json">'
# The page's content, as the theme wraps it (Material, and Zensical's templates).
_CONTENT_START = '<article class="md-content__inner'
_CONTENT_END = "</article>"


def trim_course_config(html: str) -> str:
    start = html.find(_OPEN)
    if start == -1:
        return html
    start += len(_OPEN)
    end = html.find("</script>", start)
    return html[:start] + _trimmed(html[start:end], left_out_of_page(_content(html))) + html[end:]


def _content(html: str) -> str:
    start = html.find(_CONTENT_START)
    end = html.rfind(_CONTENT_END)
    return html[start:end] if -1 < start < end else html


@lru_cache(maxsize=64)
def _trimmed(config_json: str, left_out: tuple[str, ...]) -> str:
    config = json.loads(config_json)
    config["ui"] = strings_for_page(config["ui"], left_out)
    # Jinja's tojson filter: keys sorted, and <, >, & and ' escaped for HTML.
    text = json.dumps(config, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")
