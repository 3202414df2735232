"""The organisation's colour, checked for contrast and turned into a stylesheet.

Hosts brand the course in mkdocs.yml `extra` (see the comment there). A primary
colour that would fail WCAG AA contrast is refused at build time.
"""

from __future__ import annotations

import re
from html import escape

from course.errors import CourseDataError

DEFAULT_PRIMARY = "#1b5e7a"
WHITE = (255, 255, 255)
# Material's slate background, hsl(225, 15%, 14%).
SLATE_BACKGROUND = (30, 33, 41)
AA_TEXT = 4.5
# Links on the dark scheme get more than the minimum: they are read on projectors too.
DARK_LINK_TARGET = 6.0
STYLESHEET = "assets/stylesheets/branding.css"


def parse_hex(value: str) -> tuple[int, int, int]:
    if not isinstance(value, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", value.strip()):
        raise CourseDataError("mkdocs.yml", f"extra.primary_color must be a colour like '#1b5e7a', found {value!r}")
    value = value.strip()
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def to_hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in rgb)


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: tuple[int, int, int], b: tuple[int, int, int], share_of_b: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * share_of_b) for x, y in zip(a, b))


def light_enough_on(background: tuple[int, int, int], colour: tuple[int, int, int], target: float) -> tuple[int, int, int]:
    """The colour, lightened towards white until it reaches `target` contrast on the background."""
    for step in range(0, 101, 5):
        candidate = mix(colour, WHITE, step / 100)
        if contrast(candidate, background) >= target:
            return candidate
    return WHITE


def branding_css(primary_hex: str) -> str:
    primary = parse_hex(primary_hex)
    ratio = contrast(primary, WHITE)
    if ratio < AA_TEXT:
        raise CourseDataError(
            "mkdocs.yml",
            f"extra.primary_color {primary_hex} gives {ratio:.2f}:1 against white, which the header text and "
            f"links need at {AA_TEXT}:1 or more (WCAG AA); choose a darker colour",
        )
    dark = mix(primary, (0, 0, 0), 0.3)
    link_on_slate = light_enough_on(SLATE_BACKGROUND, primary, DARK_LINK_TARGET)
    return f"""/* Generated from mkdocs.yml extra.primary_color by course/render/branding.py - do not edit. */
/* {primary_hex} gives {ratio:.1f}:1 against white. */
[data-md-color-primary="custom"] {{
  --md-primary-fg-color: {to_hex(primary)};
  --md-primary-fg-color--light: {to_hex(mix(primary, WHITE, 0.15))};
  --md-primary-fg-color--dark: {to_hex(dark)};
  --md-primary-bg-color: #ffffff;
  --md-primary-bg-color--light: #ffffffb3;
}}
[data-md-color-accent="custom"] {{
  --md-accent-fg-color: {to_hex(dark)};
  --md-accent-fg-color--transparent: {to_hex(primary)}1a;
  --md-accent-bg-color: #ffffff;
}}
[data-md-color-scheme="default"] {{
  --md-typeset-a-color: {to_hex(primary)};
}}
/* The dark scheme lightens links until they reach {DARK_LINK_TARGET}:1 on its background. */
[data-md-color-scheme="slate"][data-md-color-primary="custom"] {{
  --md-typeset-a-color: {to_hex(link_on_slate)};
  --md-accent-fg-color: {to_hex(light_enough_on(SLATE_BACKGROUND, mix(link_on_slate, WHITE, 0.3), DARK_LINK_TARGET))};
}}
"""


def organisation_name(extra: dict, lang: str) -> str:
    """The organisation's name in an edition's language: `extra.organisation` is a name, or a name per language."""
    name = extra.get("organisation")
    if isinstance(name, dict):
        return str(name.get(lang) or name.get("sv") or "")
    return str(name or "")


def organisation_html(extra: dict, lang: str) -> str:
    """The name for a page in `lang`, escaped; a name given only in Swedish is marked lang="sv" elsewhere."""
    name = organisation_name(extra, lang)
    if not name.strip():
        return ""  # no organisation set: the pages say where its name goes
    swedish = lang != "sv" and name == organisation_name(extra, "sv")
    return f'<span lang="sv">{escape(name)}</span>' if swedish else escape(name)


# The publisher's settings. Without them a build names no organisation: the pages
# say that the organisation publishing the course gives its name and contacts
# there, and a build made for publishing warns (mkdocs_adapter/publishing.py).
# Each is a key of mkdocs.yml `extra`, and the same under `organisation` in a
# local folder's local.yml (its name there is `name`).
PUBLISHER_SETTINGS = {
    "organisation": "name",
    "feedback_email": "feedback_email",
    "accessibility_contact": "accessibility_contact",
}


def has_organisation(extra: dict) -> bool:
    """Whether a publishing organisation is named: the course itself names none."""
    return bool(organisation_name(extra, "sv").strip())


def missing_publisher_settings(extra: dict) -> list[str]:
    """The publisher's settings left empty, as keys of mkdocs.yml `extra`."""
    return [
        key
        for key in PUBLISHER_SETTINGS
        if not (has_organisation(extra) if key == "organisation" else str(extra.get(key) or "").strip())
    ]
