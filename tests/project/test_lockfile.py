"""The lock file matches pyproject.toml, and every locked package carries hashes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tests.support.site_build import ROOT

LOCK = ROOT / "requirements.lock"


def _name(requirement: str) -> str:
    return re.split(r"[=<>!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def pinned_in_pyproject() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    pins = {}
    for req in requirements:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s;]+)", req.strip())
        assert match, f"pyproject.toml: {req!r} is not pinned with =="
        pins[_name(match.group(1))] = match.group(2)
    return pins


def locked(lock: Path = LOCK) -> dict[str, tuple[str, int]]:
    """Package -> (version, number of hashes) from a lock file (requirements.lock by default)."""
    entries: dict[str, tuple[str, int]] = {}
    current = None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line):
            current = _name(match.group(1))
            entries[current] = (match.group(2), 0)
        elif current and "--hash=sha256:" in line:
            version, count = entries[current]
            entries[current] = (version, count + 1)
    return entries


def test_every_pin_in_pyproject_is_locked_at_the_same_version():
    lock = locked()
    mismatches = {
        name: f"pyproject {version}, lock {lock.get(name, ('missing',))[0]}"
        for name, version in pinned_in_pyproject().items()
        if lock.get(name, (None,))[0] != version
    }
    assert mismatches == {}, "run `make lock` after changing pyproject.toml"


def test_every_locked_package_has_a_hash():
    unhashed = sorted(name for name, (_, hashes) in locked().items() if hashes == 0)
    assert unhashed == []
    assert len(locked()) > len(pinned_in_pyproject())


def test_the_makefile_installs_with_hash_checking():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes" in makefile and "-r requirements.lock" in makefile


def test_the_check_sees_a_changed_pin(monkeypatch):
    original = pinned_in_pyproject()
    changed = {**original, "mkdocs": "0.0.1"}
    lock = locked()
    assert [n for n, v in changed.items() if lock.get(n, (None,))[0] != v] == ["mkdocs"]


# The Pythons of the systems the README names: Debian 12's python3 and Debian 13's.
DEBIAN_PYTHONS = {"Debian 12": "3.11.2", "Debian 13": "3.13.5"}


def test_every_locked_package_admits_debians_pythons():
    """A package that asks for a newer Python than Debian's stops `make serve` there
    (pymdown-extensions 13 and soupsieve 3.0.2 and later ask for 3.11.5). Read from
    the packages `make` installed from the lock, so no registry is asked."""
    from importlib.metadata import distribution

    from packaging.specifiers import SpecifierSet
    from packaging.version import Version

    refused = {}
    for name, (version, _) in locked().items():
        metadata = distribution(name).metadata
        assert metadata["Version"] == version, f"{name} {metadata['Version']} is installed, the lock has {version}: run make"
        wanted = SpecifierSet(metadata.get("Requires-Python") or "")
        for system, python in DEBIAN_PYTHONS.items():
            if not wanted.contains(Version(python)):
                refused[f"{name} {version}"] = f"Requires-Python {wanted}, {system} has {python}"
    assert refused == {}


def test_pyproject_admits_debians_pythons():
    from packaging.specifiers import SpecifierSet

    wanted = SpecifierSet(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"])
    assert all(wanted.contains(python) for python in DEBIAN_PYTHONS.values())
