"""Each page's #course-config keeps only the interface strings its scripts can show.

The templates write the edition's whole table (course/render/theme_extra.py);
this trims it to what the page's own HTML has features for
(`ui_strings.strings_for_page`), so a page carries no meeting-mode or notes-page
strings it cannot show. The JSON is written as Jinja's `tojson` writes it.
"""

import json
import re

from course.content.ui_strings import strings_for_page

_COURSE_CONFIG = re.compile(r'<script id="course-config" type="application/json">(.*?)</script>', re.S)


def trim_course_config(html: str) -> str:
    match = _COURSE_CONFIG.search(html)
    if match is None:
        return html
    config = json.loads(match.group(1))
    # The page's features are in its HTML; the table itself is left out of the search.
    config["ui"] = strings_for_page(config["ui"], html[: match.start()] + html[match.end() :])
    return html[: match.start(1)] + _tojson(config) + html[match.end(1) :]


def _tojson(value: object) -> str:
    # Jinja's tojson filter: keys sorted, and <, >, & and ' escaped for HTML.
    text = json.dumps(value, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")
