"""linkchecker: no broken internal link or anchor in the built site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

RC = Path(__file__).with_name("linkcheckerrc")


def run_linkchecker(url: str) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("linkchecker")
    return subprocess.run([str(exe), "--config", str(RC), "--no-status", url], capture_output=True, text=True)


def test_no_broken_internal_links_or_anchors(server):
    for start in (server.url, server.url + "en/"):
        result = run_linkchecker(start)
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
        assert "0 errors found" in result.stdout or " 0 errors" in result.stdout, result.stdout[-2000:]


def test_linkchecker_reports_a_broken_link(server, site_dir):
    """Guard against a linkchecker set-up that cannot fail."""
    broken = site_dir / "linkcheck-probe.html"
    broken.write_text('<!doctype html><html lang="sv"><title>p</title><a href="finns-inte/">x</a><a href="#saknas">y</a></html>')
    try:
        result = run_linkchecker(server.url + "linkcheck-probe.html")
    finally:
        broken.unlink()
    assert result.returncode != 0
    assert "finns-inte" in result.stdout
