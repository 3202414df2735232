"""The course engine knows no site generator (issue 29): only mkdocs_adapter/ imports MkDocs.

A port to another generator rewrites the adapter and keeps `course/` as it is;
these checks keep it that way.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATOR_PACKAGES = ("mkdocs", "material", "mkdocs_static_i18n", "mkdocs_macros", "properdocs")


def imported_packages(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_course_module_imports_a_site_generator():
    offenders = {
        path.relative_to(ROOT).as_posix(): sorted(imported_packages(path) & set(GENERATOR_PACKAGES + ("mkdocs_adapter",)))
        for path in sorted((ROOT / "course").rglob("*.py"))
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_whole_engine_imports_without_loading_mkdocs():
    # Catches an import hidden in a function body or pulled in through another package.
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in (ROOT / "course").rglob("*.py")
    )
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {GENERATOR_PACKAGES!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert len(modules) > 40
    assert result.stdout.strip() == "[]"


def test_the_check_sees_an_import_of_mkdocs(tmp_path):
    module = tmp_path / "leaky.py"
    module.write_text("def f():\n    from mkdocs.utils import get_relative_url\n", encoding="utf-8")
    assert "mkdocs" in imported_packages(module)
