"""The step over the finished site (course/postbuild/): it needs only the site folder and plain options."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from course.content.ui_strings import strings_for
from course.editions import LANGUAGES
from course.postbuild.finish import SiteOptions
from course.postbuild.minify import MINIFIERS, own_assets
from course.postbuild.pages import finish_page
from tests.support.site_build import ROOT
from tools.compare_builds import compare_sites

MODULE_PAGES = ("modules/varfor-nara-vard/index.html", "en/modules/varfor-nara-vard/index.html")


def as_written(html: str) -> str:
    """A finished page as the generator wrote it: no CSP <meta>, no progress box, Material's checkbox attribute."""
    html = re.sub(r'\n    <meta http-equiv="Content-Security-Policy" content="[^"]*">', "", html, count=1)
    html = re.sub(r'<fieldset class="notes-progress-box".*?</fieldset>', "", html, count=1, flags=re.S)
    return re.sub(r'(id="__(?:drawer|search)")>', r'\1 autocomplete="off">', html)


def test_a_page_is_finished_from_its_path_and_html_alone(site_dir):
    options = SiteOptions(ui={lang: strings_for(lang) for lang in LANGUAGES})
    for path in MODULE_PAGES:
        finished = (site_dir / path).read_text(encoding="utf-8")
        written = as_written(finished)
        assert written != finished and "notes-progress-box" not in written
        assert finish_page(written, path, options) == finished
        assert finish_page(finished, path, options) == finished


def test_finishing_a_finished_site_again_changes_nothing(site_dir, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    subprocess.run([sys.executable, "-m", "course.postbuild", str(copy)], cwd=ROOT, check=True)
    comparison = compare_sites(site_dir, copy)
    assert comparison.same, (comparison.only_a, comparison.only_b, comparison.differing)


def test_our_scripts_and_stylesheets_reach_the_reader_without_their_comments(site_dir):
    """The sources' comments stay in overrides/assets/; the site's copies are minified (minify.py)."""
    own = own_assets(site_dir)
    assert {"core/course.js", "notes/notes-store.js"} <= {p.relative_to(site_dir / "assets" / "javascripts").as_posix() for p in own if p.suffix == ".js"}
    assert any(p.name == "course.css" for p in own)
    for path in own:
        text = path.read_text(encoding="utf-8")
        assert MINIFIERS[path.suffix](text) == text, f"{path.relative_to(site_dir)} is not minified"
        source = ROOT / "overrides" / path.relative_to(site_dir)
        if source.is_file():
            assert len(text) < len(source.read_text(encoding="utf-8")), path
