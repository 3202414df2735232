"""`make local-new DIR=...`: a starting local folder that builds at once, and never overwrites a folder."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from course.local.folder import ORGANISATION_KEYS, SETTINGS_KEYS
from tests.support.site_build import ROOT, build_site

TEMPLATE = ROOT / "tools" / "local-template"


def local_new(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DIR", "MAKEFLAGS", "MAKELEVEL")}
    return subprocess.run(["make", "--no-print-directory", "local-new", *args], cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def new_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("local-new") / "var-kurs"
    result = local_new(f"DIR={folder}")
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def new_site(new_folder, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("local-new-site")
    result = build_site(site, extra_env={"LOCAL_DIR": str(new_folder)})
    assert result.returncode == 0, result.output[-3000:]
    return site


def test_the_new_folder_has_the_template_files(new_folder):
    made = sorted(p.relative_to(new_folder).as_posix() for p in new_folder.rglob("*") if p.is_file())
    assert made == ["accessibility.yml", "glossary.yml", "local.yml", "pages/exempel.md", "reflection/exempel.yml", "sources.yml"]
    assert (new_folder / "local.yml").read_bytes() == (TEMPLATE / "local.yml").read_bytes()


def test_the_course_builds_with_the_new_folder(new_site):
    for edition in ("", "en/"):
        page = (new_site / edition / "lokalt" / "exempel" / "index.html").read_text(encoding="utf-8")
        assert 'data-question-id="lokal-exempel-fraga"' in page
        assert "lokalt/exempel/" in (new_site / edition / "index.html").read_text(encoding="utf-8"), "not in the navigation"
    english = (new_site / "en" / "lokalt" / "exempel" / "index.html").read_text(encoding="utf-8")
    assert "has written this page in Swedish" in english
    assert "Exempelrådet" in (new_site / "ordlista" / "index.html").read_text(encoding="utf-8")
    assert "Exempel på en egen källa" in (new_site / "kallor" / "index.html").read_text(encoding="utf-8")


def test_local_yml_explains_every_key():
    """A key the local folder accepts is shown, with a comment, in the template (commented out or not)."""
    text = (TEMPLATE / "local.yml").read_text(encoding="utf-8")
    missing = [key for key in (*SETTINGS_KEYS, *ORGANISATION_KEYS) if not re.search(rf"^\s*#?\s*{key}:", text, re.M)]
    assert missing == []


def test_it_refuses_a_folder_that_exists(tmp_path):
    folder = tmp_path / "finns"
    folder.mkdir()
    (folder / "local.yml").write_text("# vårt eget\n", encoding="utf-8")
    result = local_new(f"DIR={folder}")
    assert result.returncode != 0
    assert f"{folder} already exists; nothing was changed" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["local.yml"]
    assert (folder / "local.yml").read_text(encoding="utf-8") == "# vårt eget\n"


def test_it_refuses_without_a_folder(tmp_path):
    result = local_new()
    assert result.returncode != 0
    assert "name the folder to create, for example: make local-new DIR=" in result.stderr
