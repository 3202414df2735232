"""ProperDocs, the drop-in fork of MkDocs 1.6, builds the same course: the tested way out (issue 29).

`make test` installs it into .venv-properdocs from requirements-properdocs.lock, with hash
checking. The ProperDocs build is compared with the session's MkDocs build (same SITE_URL),
file for file and byte for byte; `make properdocs` runs the same comparison by hand.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone

import pytest

from tests.support.site_build import ROOT
from tests.project.test_lockfile import locked
from tools.compare_builds import build, compare_sites, summary

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"


@pytest.fixture(scope="module")
def properdocs_build(tmp_path_factory, site_dir, site_port):
    """The course built with ProperDocs, as the session's MkDocs build was: strict, same SITE_URL."""
    assert PROPERDOCS.exists(), "ProperDocs is not installed: run `make test` (it installs .venv-properdocs)"
    site = tmp_path_factory.mktemp("properdocs-site")
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("OFFLINE", "LOCAL_DIR")},
        "SITE_URL": f"http://127.0.0.1:{site_port}/",
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": build_date_epoch(site_dir),
    }
    code, log, _ = build(ROOT, site, generator=[str(PROPERDOCS)], env=env)
    assert code == 0, log
    comparison = compare_sites(site_dir, site)
    return site, comparison, summary(comparison, site_dir, site, label_a="MkDocs", label_b="ProperDocs")


def build_date_epoch(site_dir) -> str:
    """The session build's day, from its sitemap: a run that crosses midnight between the
    two builds would otherwise differ in every <lastmod> (seen on a fresh Debian run)."""
    day = re.search(r"<lastmod>(\d{4}-\d{2}-\d{2})</lastmod>", (site_dir / "sitemap.xml").read_text())
    assert day, "the session build's sitemap has no <lastmod>"
    noon = datetime.fromisoformat(day.group(1)).replace(hour=12, tzinfo=timezone.utc)
    return str(int(noon.timestamp()))


def test_properdocs_lock_is_hashed_and_held_to_the_main_lock():
    """Both generators build with the same Markdown, Pygments, Material and plugins."""
    main, properdocs = locked(), locked(ROOT / "requirements-properdocs.lock")
    assert properdocs["properdocs"][0] == "1.6.7"
    assert [name for name, (_, hashes) in properdocs.items() if hashes == 0] == []
    assert {n: (v, main.get(n, ("missing",))[0]) for n, (v, _) in properdocs.items() if n != "properdocs" and main.get(n, (None,))[0] != v} == {}


def test_properdocs_builds_the_same_files(properdocs_build):
    _, comparison, report = properdocs_build
    assert (comparison.only_a, comparison.only_b) == ([], []), report
    assert comparison.total > 100, report


def test_properdocs_builds_the_same_html(properdocs_build):
    _, comparison, report = properdocs_build
    assert [name for name in comparison.differing if name.endswith(".html")] == [], report


def test_properdocs_builds_every_other_file_byte_for_byte(properdocs_build):
    """Search index, sitemap, CSP policy, note templates (.docx .odt .md) and assets."""
    _, comparison, report = properdocs_build
    assert comparison.differing == [], report
