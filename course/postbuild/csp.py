"""A strict Content-Security-Policy for every built page, as a <meta> tag.

Our own scripts are files. Material writes a few small inline scripts into
each page (palette, storage scope, tabs), and some differ by page depth,
so each page gets the SHA-256 hashes of exactly its own inline scripts.
The same policy, without hashes, is documented for servers as a header.
"""

import base64
import hashlib
import re

# One source of truth for the policy; hosting guides and tests read it from here.
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "frame-src": ["'self'"],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>(.*?)</script>", re.S)
_CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.I)
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for body in _INLINE_SCRIPT.findall(html):
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        token = f"'sha256-{base64.b64encode(digest).decode()}'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def policy_text(script_hashes: list[str] = ()) -> str:
    parts = []
    for directive, sources in POLICY.items():
        extra = list(script_hashes) if directive == "script-src" else []
        parts.append(" ".join([directive, *sources, *extra]))
    return "; ".join(parts)


HEADER_FILE = "content-security-policy.txt"
# Only a header can say who may frame the site.
HEADER_ONLY = "frame-ancestors 'self'"


def write_header_policy(site_dir, hashes: list[str]) -> str:
    """Write the policy for a server header: the union of every page's hashes, plus frame-ancestors."""
    text = policy_text(hashes) + "; " + HEADER_ONLY
    (site_dir / HEADER_FILE).write_text(text + "\n", encoding="utf-8")
    return text


def add_csp_meta(html: str) -> str:
    """Insert the policy right after <meta charset>, before any script runs; a page that has one gets it renewed."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_text(inline_script_hashes(html))}">'
    if _META.search(html):
        return _META.sub(lambda m: meta, html, count=1)
    return _CHARSET.sub(lambda m: m.group(0) + "\n    " + meta, html, count=1)
