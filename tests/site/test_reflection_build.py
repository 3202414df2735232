"""Bad reflection data stops the real build, with a message naming the file, the id and the problem.

Each test breaks one thing in a temporary copy of the project and builds it.
The data is changed through YAML, not by editing lines, so the tests keep
working when the questions' wording changes.
"""

from __future__ import annotations

import re

import pytest
import yaml

from tests.support.project_copy import copy_project
from tests.support.site_build import build_site

MODULE_4 = "data/reflection/4-kom-igang-tillsammans.yml"


@pytest.fixture()
def project(tmp_path):
    return copy_project(tmp_path / "project")


def edit_data(project, rel: str, change) -> None:
    path = project / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def step(data, step_id: str) -> dict:
    return next(s for s in data["steps"] if s["id"] == step_id)


def assert_build_fails(project, tmp_path, *expected: str) -> str:
    result = build_site(tmp_path / "out", project=project)
    assert result.returncode != 0, "the build should have failed"
    for text in expected:
        assert text in result.output, f"expected {text!r} in the build log:\n{result.output[-3000:]}"
    return result.output


def test_malformed_yaml_fails_the_build(project, tmp_path):
    path = project / MODULE_4
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: [unclosed\n", encoding="utf-8")
    assert_build_fails(project, tmp_path, MODULE_4, "malformed YAML")


def test_unknown_key_fails_the_build(project, tmp_path):
    edit_data(project, MODULE_4, lambda d: step(d, "steg-1")["questions"][0].update(minuter=5))
    assert_build_fails(project, tmp_path, MODULE_4, "steg-1-malgrupper", "unknown key(s) minuter")


def test_duplicate_id_fails_the_build(project, tmp_path):
    def duplicate(data):
        questions = step(data, "steg-3")["questions"]
        questions[1]["id"] = questions[0]["id"]

    edit_data(project, MODULE_4, duplicate)
    assert_build_fails(project, tmp_path, MODULE_4, "steg-3-konsekvenser", "duplicate id")


def test_missing_translation_fails_the_build(project, tmp_path):
    edit_data(project, MODULE_4, lambda d: step(d, "steg-2b")["questions"][0]["text"].pop("en"))
    assert_build_fails(project, tmp_path, MODULE_4, "steg-2b-mandat", "missing translation 'en' in 'text'", "found: sv")


@pytest.mark.parametrize(
    ("page", "edition"),
    [("kom-igang-tillsammans.en.md", "English edition (en)"), ("kom-igang-tillsammans.md", "Swedish edition (sv)")],
)
def test_a_step_no_page_uses_fails_the_build(project, tmp_path, page, edition):
    path = project / "docs" / "modules" / page
    text, count = re.subn(r"\{\{\s*reflektion\(\s*[\"']steg-3[\"'][^}]*\}\}", "", path.read_text(encoding="utf-8"))
    assert count == 1, f"expected one call of the step in {page}"
    path.write_text(text, encoding="utf-8")
    assert_build_fails(project, tmp_path, MODULE_4, "steg-3", f"step is used by no page in the {edition}", f"docs/modules/{page}")


def test_an_unknown_step_in_a_page_fails_the_build(project, tmp_path):
    path = project / "docs" / "mallar.md"
    path.write_text(path.read_text(encoding="utf-8") + '\n{{ reflektion("steg-9") }}\n', encoding="utf-8")
    assert_build_fails(project, tmp_path, "docs/mallar.md", "steg-9", "unknown step id")
