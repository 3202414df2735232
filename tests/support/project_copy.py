"""A throw-away copy of the project's sources, for builds with a deliberately broken file."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.site_build import ROOT

SOURCES = ("docs", "overrides", "course", "mkdocs_adapter", "data", "mkdocs.yml")


def copy_project(target: Path) -> Path:
    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, target / name)
    return target
