"""Every built page passes the W3C Nu HTML Checker (npm vnu-jar, run with Java)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.support.site_build import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_vnu(target) -> list[dict]:
    if not shutil.which("java"):
        pytest.fail("Java is missing: run `make test`, which installs Debian's default-jre-headless")
    if not VNU.exists():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `make test`, which runs npm ci")
    proc = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(target)],
        capture_output=True,
        text=True,
    )
    return json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]


def test_every_page_is_valid_html(site_dir, pages):
    messages = run_vnu(site_dir)
    errors = [f"{m['url'].split(str(site_dir))[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"]
    assert errors == [], f"{len(errors)} errors in {len(pages)} pages"


def test_the_checker_reports_an_error(tmp_path):
    """Guard against a set-up that cannot fail: Material's original checkbox markup is an error."""
    page = tmp_path / "probe.html"
    page.write_text('<!doctype html><html lang="sv"><title>p</title><input type="checkbox" autocomplete="off"></html>')
    assert any("autocomplete" in m["message"] for m in run_vnu(tmp_path))
