"""Debian's Chromium, driven by Playwright, with the network noise switched off."""

from __future__ import annotations

from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]


# An init script: collects Content-Security-Policy violations in window.__csp.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || "") + ":" + e.lineNumber);
});
"""


class RequestLog:
    """Records every request a page makes, and blocks those to other hosts."""

    def __init__(self, page, allowed_origin: str):
        self.allowed = urlsplit(allowed_origin).netloc
        self.foreign: list[str] = []
        self.failed: list[str] = []
        page.route("**/*", self._route)
        page.on("response", self._response)

    def _route(self, route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or parts.netloc == self.allowed:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def _response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")
