"""package-lock.json installs with Debian's own npm (9.2.0, in Debian 12 and 13) and with the npm on PATH.

npm 9.2.0 refuses a lock with `overrides` when a locked package asks for a
dist-tag such as "latest" (`Invalid comparator: latest`, reported as
"npm ci can only install with an existing package-lock.json"). Lighthouse's
trace engine asks for two such dependencies; package.json's `overrides` pins
them, and the lock records the pinned versions as the trace engine's
dependencies. `npm install` with a current npm writes "latest" back: these
tests then fail, before Debian's npm does.

`npm ci --dry-run` reads the lock, builds the tree from the registry's
metadata and compares the two, as `npm ci` does, without fetching a tarball;
it takes about a second. npm 9.2.0 comes from the registry through npx.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.support.site_build import ROOT

DEBIAN_NPM = "npm@9.2.0"
TRACE_ENGINE = "node_modules/@paulirish/trace_engine"


def lock_copy(tmp_path, change=None):
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(ROOT / name, tmp_path / name)
    if change:
        lock = json.loads((tmp_path / "package-lock.json").read_text(encoding="utf-8"))
        change(lock)
        (tmp_path / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n", encoding="utf-8")
    return tmp_path


def npm_ci(folder, *npm):
    if not shutil.which("npm"):
        pytest.fail("npm is missing: run `make test`, which installs Debian's nodejs and npm")
    return subprocess.run(
        [*npm, "ci", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund"],
        cwd=folder, capture_output=True, text=True, timeout=300,
    )


def test_debians_npm_installs_the_lock(tmp_path):
    result = npm_ci(lock_copy(tmp_path), "npx", "--yes", DEBIAN_NPM)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_npm_on_path_installs_the_lock(tmp_path):
    result = npm_ci(lock_copy(tmp_path), "npm")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_sees_latest_written_back(tmp_path):
    """What `npm install` with a current npm writes: Debian's npm refuses it."""

    def latest(lock):
        lock["packages"][TRACE_ENGINE]["dependencies"] = {"legacy-javascript": "latest", "third-party-web": "latest"}

    result = npm_ci(lock_copy(tmp_path, latest), "npx", "--yes", DEBIAN_NPM)
    assert result.returncode != 0
    assert "existing package-lock.json" in result.stdout + result.stderr


def test_the_trace_engines_pins_agree_with_the_overrides():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    overrides = package["overrides"]["@paulirish/trace_engine"]
    assert lock[TRACE_ENGINE]["dependencies"] == overrides
    for name, version in overrides.items():
        assert lock[f"node_modules/{name}"]["version"] == version
