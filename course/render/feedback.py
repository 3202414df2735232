"""The feedback address: set once in `config.extra.feedback_email` (mkdocs.yml), shown through a macro."""

from __future__ import annotations

import re
from html import escape

from course.errors import CourseDataError

CONFIG_FILE = "mkdocs.yml"
EMAIL = re.compile(r"[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+")


def feedback_address(extra: dict) -> str:
    address = extra.get("feedback_email")
    if not isinstance(address, str) or not EMAIL.fullmatch(address.strip()):
        raise CourseDataError(CONFIG_FILE, f"extra.feedback_email must be an e-mail address, found {address!r}")
    return address.strip()


def feedback_link_html(extra: dict) -> str:
    """A mailto link whose text is the address itself."""
    address = escape(feedback_address(extra))
    return f'<a class="course-feedback" href="mailto:{address}">{address}</a>'
