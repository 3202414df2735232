"""Every page runs under its strict Content-Security-Policy with no violation."""

from __future__ import annotations

import re

from tests.support.browser import RECORD_VIOLATIONS
from tests.support.search_ui import search



def test_every_page_carries_a_strict_policy(site_dir, pages):
    for page in pages:
        html = (site_dir / page.path / "index.html").read_text(encoding="utf-8")
        match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert match, f"{page}: no CSP meta"
        policy = match.group(1)
        assert "default-src 'self'" in policy
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert html.index("Content-Security-Policy") < html.index("<script"), f"{page}: policy after a script"


def test_no_page_violates_its_policy(page_tour):
    """Every page at laptop size in the shared tour (tests/support/page_tour.py), once its scripts have run."""
    assert page_tour.csp == {}
    assert page_tour.console_csp == []


def test_search_violates_no_policy(browser, server):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    violations = {}
    try:
        for root in ("", "en/"):
            page.goto(server.url + root)
            search(page, "vård" if not root else "care")
            if found := page.evaluate("window.__csp"):
                violations[f"search {root or '/'}"] = found
    finally:
        context.close()
    assert violations == {}
    assert [c for c in console if "Content Security Policy" in c] == []


def test_a_violation_would_be_seen(browser, server):
    """The recorder works: an injected inline script is refused and recorded."""
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    try:
        page.goto(server.url)
        page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.appendChild(s); }""")
        page.wait_for_function("window.__csp.length > 0")
        assert page.evaluate("window.__ran") is None
    finally:
        context.close()


def test_the_header_version_covers_every_page(site_dir, pages):
    """content-security-policy.txt, for servers that send the policy as a header, allows every page's scripts."""
    header = (site_dir / "content-security-policy.txt").read_text(encoding="utf-8")
    assert "frame-ancestors 'self'" in header and "'unsafe-inline'" not in header
    for page in pages:
        html = (site_dir / page.path / "index.html").read_text(encoding="utf-8")
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
        for token in re.findall(r"'sha256-[^']+'", meta):
            assert token in header, f"{page}: {token} missing from content-security-policy.txt"
