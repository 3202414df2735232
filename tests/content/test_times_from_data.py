"""Every number of minutes a built page states comes from the questions' `minutes` in data/reflection/.

The pages write no figure themselves: the macros mark each one with the steps it
adds up (`data-steps`), and each question block with its own minutes. This test
adds the minutes up again straight from the YAML, checks every marked figure,
and then fails on any number of minutes (or hours) left in the text unmarked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.support.site_pages import page_html, site_pages

ROOT = Path(__file__).resolve().parents[2]
NUMBER_WORDS = (
    "två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|trettio|fyrtio|femtio|sextio|"
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty"
)
NUMBER = rf"(?:\d+|{NUMBER_WORDS})"
# "en minut" / "a minute" is the meeting timer's +1 button, not a suggested time.
MINUTES = re.compile(rf"\b{NUMBER}(?:\s|-)(?:minut|minuter|minuters|minuten|min|minute|minutes)\b", re.I)
HOURS = re.compile(
    rf"\b(?:{NUMBER}|en|ett|an|one|half an?)(?:\s|-)(?:timme|timmar|timmes|timmars|halvtimme|hour|hours)\b"
    r"|\bhalvtimme\b|\bhalf-hour\b",
    re.I,
)


def _minutes_by_question_and_step() -> tuple[dict[str, int], dict[str, int]]:
    questions: dict[str, int] = {}
    steps: dict[str, int] = {}
    for path in sorted((ROOT / "data" / "reflection").glob("[0-9]*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for step in data["steps"]:
            total = 0
            for question in step["questions"]:
                if "minutes" in question:
                    questions[question["id"]] = question["minutes"]
                    total += question["minutes"]
            steps[step["id"]] = total
    return questions, steps


QUESTION_MINUTES, STEP_MINUTES = _minutes_by_question_and_step()


def test_the_data_gives_every_step_some_minutes():
    assert STEP_MINUTES and all(STEP_MINUTES.values()), STEP_MINUTES


def test_no_page_states_minutes_the_data_does_not_give(site_dir):
    problems = []
    checked = 0
    for page in site_pages(site_dir):
        soup = BeautifulSoup(page_html(site_dir, page), "lxml")
        for tag in soup(["script", "style", "template", "noscript", "pre", "code"]):
            tag.decompose()
        for element in soup.select("[data-minutes]"):
            stated = element["data-minutes"]
            if element.has_attr("data-steps"):
                steps = element["data-steps"].split()
                unknown = [s for s in steps if s not in STEP_MINUTES]
                expected = sum(STEP_MINUTES.get(s, 0) for s in steps)
                if unknown or str(expected) != stated:
                    problems.append(f"{page}: {steps} say {stated} minutes, the data {expected}")
                if element.name == "span" and element.get_text(strip=True) != stated:
                    problems.append(f"{page}: {steps} show {element.get_text(strip=True)!r}, marked {stated}")
            elif element.has_attr("data-question-id"):
                expected = QUESTION_MINUTES.get(element["data-question-id"])
                if str(expected) != stated:
                    problems.append(f"{page}: question {element['data-question-id']} says {stated}, the data {expected}")
            else:
                problems.append(f"{page}: <{element.name}> with data-minutes but no data-steps or question id")
            checked += 1
        for element in soup.select("[data-minutes]"):
            element.decompose()
        text = " ".join(soup.get_text(" ").split())
        for match in [*MINUTES.finditer(text), *HOURS.finditer(text)]:
            problems.append(f"{page}: states {match.group(0)!r} in its own words: …{text[max(0, match.start() - 60):match.end() + 20]}…")
    assert checked > 50, "no figures of minutes found: has the markup changed?"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "text",
    ["ni samtalar i 25 minuter", "about 35 minutes", "tio minuter", "three hours", "tre möten på ungefär en timme", "a 90-minute meeting"],
)
def test_the_pattern_finds_a_time_written_in_prose(text):
    assert MINUTES.search(text) or HOURS.search(text)


@pytest.mark.parametrize("text", ["lägga till en minut", "add a minute", "2030", "the minutes of the meeting"])
def test_the_pattern_leaves_other_text_alone(text):
    assert not MINUTES.search(text) and not HOURS.search(text)
