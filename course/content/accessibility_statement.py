"""The accessibility statement, rendered from data/accessibility.yml and mkdocs.yml `extra`.

DIGG requires each part; a missing or empty one fails the build, naming it.
The publisher's name and contact come from `extra` (or a local folder's
local.yml). The course names no publisher of its own: without them the
statement says that the organisation publishing the course gives its name
and contact here, and a build made for publishing warns (mkdocs_adapter/publishing.py).
The organisation that publishes the course answers for the statement, so a
local folder's `accessibility.yml` may set any part of it: each part it
names replaces the course's, except `known_issues`, which come after the
course's own (those stay the course's to fix, and a new version of the
course updates them).
"""

from __future__ import annotations

import datetime
from html import escape
from pathlib import Path

from course.content.data_files import load_checked, merged_with_local
from course.render.branding import has_organisation, organisation_html
from course.errors import CourseDataError
from course.local.folder import LocalFolder, display_path
from course.content.ui_strings import fill
from course.content.yaml_source import read_yaml

DATA = "data/accessibility.yml"
LOCAL_DATA = "accessibility.yml"  # in a local folder
STATUSES = {"helt", "delvis", "inte"}
TOP_KEYS = {"status", "standard", "assessed_on", "updated_on", "digg_report_url", "sv", "en"}
LANGUAGE_KEYS = {"service", "known_issues", "method"}
EXTRA_KEYS = ("organisation", "accessibility_contact", "accessibility_response_days")
# Needed once a contact is given: the statement says how soon the contact answers.
WITH_CONTACT = "accessibility_response_days"

TEXT = {
    "sv": {
        "owner": "{org} står bakom {service}.",
        "owner_missing": "Den organisation som publicerar kursen står bakom {service}. Här ska den ange sitt namn och sina kontaktuppgifter.",
        "intro": "Vi vill att alla ska kunna använda webbplatsen. Här beskriver vi hur den uppfyller lagen om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan meddela oss om du stöter på problem.",
        "status_heading": "Hur tillgänglig är webbplatsen?",
        "status": {
            "helt": "Webbplatsen är helt förenlig med {standard}.",
            "delvis": "Webbplatsen är delvis förenlig med {standard}, på grund av de brister som beskrivs nedan.",
            "inte": "Webbplatsen är inte förenlig med {standard}. De viktigaste bristerna beskrivs nedan.",
        },
        "issues_heading": "Innehåll som inte är tillgängligt",
        "method_heading": "Hur vi har testat webbplatsen",
        "assessed": "Senaste bedömningen gjordes {date}.",
        "updated": "Redogörelsen uppdaterades senast {date}.",
        "feedback_heading": "Om du upptäcker brister",
        "feedback": "Hör av dig till oss om du inte kan använda något på webbplatsen, eller om du hittar brister som inte står här. Skriv till {contact}. Vi svarar inom {days, plural, one {# arbetsdag} other {# arbetsdagar}}.",
        "feedback_missing": "Här ska den organisation som publicerar kursen ange vart du skriver om du inte kan använda något på webbplatsen, eller om du hittar brister som inte står här. Den ska också ange inom hur lång tid den svarar.",
        "digg_heading": "Tillsyn",
        "digg": "Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du",
        "digg_link": "anmäla det till DIGG",
    },
    "en": {
        "owner": "{org} is responsible for {service}.",
        "owner_missing": "The organisation that publishes the course is responsible for {service}. This is where it gives its name and contact details.",
        "intro": "We want everyone to be able to use the site. This statement describes how it meets the Swedish Act on accessibility to digital public services, which shortcomings we know of, and how to tell us about a problem.",
        "status_heading": "How accessible is the site?",
        "status": {
            "helt": "The site is fully compliant with {standard}.",
            "delvis": "The site is partially compliant with {standard}, because of the shortcomings listed below.",
            "inte": "The site is not compliant with {standard}. The main shortcomings are listed below.",
        },
        "issues_heading": "Content that is not accessible",
        "method_heading": "How we tested the site",
        "assessed": "The latest assessment was made on {date}.",
        "updated": "This statement was last updated on {date}.",
        "feedback_heading": "If you find a problem",
        "feedback": "Contact us if you cannot use something on the site, or if you find a shortcoming not listed here. Write to {contact}. We answer within {days, plural, one {# working day} other {# working days}}.",
        "feedback_missing": "This is where the organisation that publishes the course gives the address to write to if you cannot use something on the site, or if you find a shortcoming not listed here, and how soon it answers.",
        "digg_heading": "Enforcement",
        "digg": "The Agency for Digital Government (DIGG) supervises the Act on accessibility to digital public services. If you are not satisfied with how we handle your report, you can",
        "digg_link": "report it to DIGG",
    },
}
NUMBER_WORDS = {
    "sv": ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"],
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
}
MONTHS_SV = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]


def load_statement(project_dir: Path, extra: dict, local: LocalFolder | None = None) -> dict:
    if _given(extra, "accessibility_contact") and not _given(extra, WITH_CONTACT):
        raise CourseDataError("mkdocs.yml", "required with an accessibility contact, missing or empty", f"extra.{WITH_CONTACT}")
    core = load_checked(project_dir, DATA, check_statement)
    path = local.data_file(LOCAL_DATA) if local else None
    return core if path is None else merged_with_local(core, path, _with_local_parts)


def _given(extra: dict, key: str) -> bool:
    return bool(str(extra.get(key) or "").strip())


def check_statement(data: object, rel: str = DATA) -> dict:
    if not isinstance(data, dict):
        raise CourseDataError(rel, "must be a mapping of the statement's parts")
    if unknown := sorted(set(data) - TOP_KEYS):
        raise CourseDataError(rel, f"unknown key(s) {', '.join(unknown)}; expected some of {', '.join(sorted(TOP_KEYS))}")
    for key in sorted(TOP_KEYS):
        if not str(data.get(key) or "").strip():
            raise CourseDataError(rel, "required part is missing or empty", key)
    if data["status"] not in STATUSES:
        raise CourseDataError(rel, f"must be one of {', '.join(sorted(STATUSES))}, found {data['status']!r}", "status")
    for key in ("assessed_on", "updated_on"):
        if not isinstance(data[key], datetime.date):
            raise CourseDataError(rel, f"must be a date like 2026-11-23, found {data[key]!r}", key)
    for lang in ("sv", "en"):
        part = data[lang]
        if not isinstance(part, dict):
            raise CourseDataError(rel, "must be a mapping", lang)
        if unknown := sorted(set(part) - LANGUAGE_KEYS):
            raise CourseDataError(rel, f"unknown key(s) {', '.join(unknown)}; expected some of {', '.join(sorted(LANGUAGE_KEYS))}", lang)
        for key in sorted(LANGUAGE_KEYS):
            value = part.get(key)
            items = value if isinstance(value, list) else [value]
            empty = not value or not all(str(v or "").strip() for v in items)
            if empty:
                raise CourseDataError(rel, "required part is missing or empty", f"{lang}.{key}")
        if not isinstance(part["known_issues"], list):
            raise CourseDataError(rel, "must be a list of shortcomings", f"{lang}.known_issues")
    return data


def _with_local_parts(core: dict, path: Path) -> dict:
    """The course's statement with each part the local file names replaced; checked as a whole, naming the local file."""
    rel = display_path(path)
    local = read_yaml(path, rel)
    if local is None:
        return core  # every line commented out, as in the starting folder (make local-new)
    if not isinstance(local, dict):
        raise CourseDataError(rel, "must be a mapping of the statement's parts to replace, such as assessed_on or sv: {known_issues: [...]}")
    merged = {**core, **{k: v for k, v in local.items() if k not in ("sv", "en")}}
    for lang in ("sv", "en"):
        if lang in local:
            if not isinstance(local[lang], dict):
                raise CourseDataError(rel, "must be a mapping of the parts to replace in this language", lang)
            merged[lang] = {**core[lang], **local[lang]}
            added = local[lang].get("known_issues")
            if added is not None:
                if not isinstance(added, list):
                    raise CourseDataError(rel, "must be a list of shortcomings", f"{lang}.known_issues")
                merged[lang]["known_issues"] = [*core[lang]["known_issues"], *added]
    return check_statement(merged, rel)


def _date(value: datetime.date, lang: str) -> str:
    if lang == "sv":
        return f"{value.day} {MONTHS_SV[value.month - 1]} {value.year}"
    return f"{value.day} {value.strftime('%B')} {value.year}"


def _number(value, lang: str) -> str:
    """One to twelve in words, larger numbers in figures (the course's style rules)."""
    number = int(value)
    return NUMBER_WORDS[lang][number] if 0 <= number <= 12 else str(number)


def statement_html(data: dict, extra: dict, lang: str) -> str:
    """Markdown headings (for the page's table of contents) around escaped HTML paragraphs."""
    t, part = TEXT[lang], data[lang]
    issues = "\n".join(f"<li>{escape(str(item))}</li>" for item in part["known_issues"])
    service = escape(part["service"])
    if has_organisation(extra):
        owner = escape(t["owner"]).format(org=organisation_html(extra, lang), service=service)
    else:
        owner = escape(t["owner_missing"]).format(service=service)
    if _given(extra, "accessibility_contact"):
        contact = escape(str(extra["accessibility_contact"]).strip())
        contact_link = f'<a href="mailto:{contact}">{contact}</a>' if "@" in contact else contact
        days = extra[WITH_CONTACT]
        feedback = fill(t["feedback"], {"contact": contact_link, "days": int(days)}, shown={"days": _number(days, lang)})
    else:
        feedback = escape(t["feedback_missing"])
    return f"""<p>{owner} {escape(t['intro'])}</p>

## {t['status_heading']} {{ #status }}

<p>{escape(t['status'][data['status']].format(standard=data['standard']))}</p>

## {t['issues_heading']} {{ #brister }}

<ul>
{issues}
</ul>

## {t['method_heading']} {{ #metod }}

<p>{escape(part['method'])}</p>
<p>{t['assessed'].format(date=_date(data['assessed_on'], lang))}</p>
<p>{t['updated'].format(date=_date(data['updated_on'], lang))}</p>

## {t['feedback_heading']} {{ #kontakt }}

<p>{feedback}</p>

## {t['digg_heading']} {{ #tillsyn }}

<p>{t['digg']} <a href="{escape(data['digg_report_url'])}">{t['digg_link']}</a>.</p>
"""
