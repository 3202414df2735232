"""The GitHub Pages workflow tests on Debian 12 and 13 and publishes from one, and
tools/workflow_steps.py (which tools/fresh-debian.sh runs) takes its steps from it unchanged."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from tests.support.site_build import ROOT
from tools import workflow_steps

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
IMAGES = {"python:3.11-bookworm": "3.11", "python:3.13-trixie": "3.13"}


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_the_tests_run_on_debian_12_and_13(workflow):
    job = workflow["jobs"]["test"]
    assert job["container"] == "${{ matrix.image }}"
    assert [entry["image"] for entry in job["strategy"]["matrix"]["include"]] == list(IMAGES)
    assert job["strategy"]["fail-fast"] is False


def test_the_site_is_published_from_one_debian_once_both_pass(workflow):
    publishing = [image for image in IMAGES if any(s.uses and "upload-pages-artifact" in s.uses for s in workflow_steps.steps(image))]
    assert len(publishing) == 1
    assert workflow["jobs"]["deploy"]["needs"] == "test"
    assert [s["uses"] for s in workflow["jobs"]["deploy"]["steps"]] == ["actions/deploy-pages@v4"]


@pytest.mark.parametrize("image", IMAGES)
def test_the_extracted_steps_are_the_workflows_own(workflow, image):
    """Every run: step whose if: holds for the image, in order, its text unchanged."""
    entry = workflow_steps.matrix_entry(workflow, image)
    expected = [
        step["run"]
        for step in workflow["jobs"]["test"]["steps"]
        if "run" in step and (step.get("if") is None or entry[step["if"].removeprefix("matrix.")])
    ]
    extracted = [step.run for step in workflow_steps.steps(image) if step.run is not None]
    assert extracted == expected
    assert extracted[0].strip() == "make test"


def test_every_step_is_a_make_target_or_an_action(workflow):
    """What the workflow runs is what a reader runs: no package installed behind make test's back."""
    for step in workflow["jobs"]["test"]["steps"]:
        assert "uses" in step or re.fullmatch(r"make \w+", step["run"].strip()), step


def test_the_build_gets_the_pages_address():
    [build] = [s for s in workflow_steps.steps("python:3.11-bookworm") if s.run and "make build" in s.run]
    assert build.env["SITE_URL"] == "https://owner.github.io/course/"


def test_an_unknown_expression_stops_the_extraction(tmp_path):
    changed = WORKFLOW.read_text(encoding="utf-8").replace("run: make test", "run: make test ${{ secrets.TOKEN }}")
    (tmp_path / "pages.yml").write_text(changed, encoding="utf-8")
    with pytest.raises(SystemExit, match="secrets.TOKEN"):
        workflow_steps.steps("python:3.13-trixie", workflow=tmp_path / "pages.yml")


def test_the_fresh_debian_script_runs_the_workflows_steps():
    script = (ROOT / "tools" / "fresh-debian.sh").read_text(encoding="utf-8")
    assert "tools/workflow_steps.py --image $IMAGE --run" in script
    assert "bookworm) IMAGE=python:3.11-bookworm" in script and "trixie) IMAGE=python:3.13-trixie" in script
    assert "--include=make,git,python3,python3-venv,ca-certificates" in script
    subprocess.run(["bash", "-n", ROOT / "tools" / "fresh-debian.sh"], check=True)


def test_the_cli_lists_the_steps():
    out = subprocess.run([sys.executable, ROOT / "tools" / "workflow_steps.py", "--image", "python:3.13-trixie"],
                         capture_output=True, text=True, check=True).stdout
    assert "Tests: make test" in out and "make build" not in out
