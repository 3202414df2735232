"""The hosting guide's configuration blocks (docs/drift.md and docs/drift.en.md), as an administrator pastes them."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.site_build import ROOT

GUIDES = {"sv": ROOT / "docs" / "drift.md", "en": ROOT / "docs" / "drift.en.md"}
# What the guide asks the administrator to replace, and with what.
CSP_PLACEHOLDER = {"sv": "[innehållet i content-security-policy.txt]", "en": "[the contents of content-security-policy.txt]"}
SITE_FOLDER = "/var/www/systemledarskap"
PREFIX = "/utbildning/systemledarskap/"
# A fenced block's language names the server it is for.
SERVERS = {"nginx": "nginx", "apache": "apache", "caddy": "caddy", "iis": "xml"}

_FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.M | re.S)


def blocks(lang: str) -> dict[str, list[str]]:
    """Every fenced block of the guide in `lang`, by its fence language."""
    found: dict[str, list[str]] = {}
    for fence, body in _FENCE.findall(GUIDES[lang].read_text(encoding="utf-8")):
        found.setdefault(fence, []).append(body)
    return found


def configuration(server: str, lang: str) -> str:
    """The guide's one block for `server`, verbatim."""
    found = blocks(lang).get(SERVERS[server], [])
    assert len(found) == 1, f"{GUIDES[lang].name}: expected one {SERVERS[server]} block, found {len(found)}"
    return found[0]


def filled_in(block: str, lang: str, policy: str, site_folder: Path) -> str:
    """The block with what the guide says to replace replaced: the policy and the site's folder."""
    assert CSP_PLACEHOLDER[lang] in block, f"{GUIDES[lang].name}: a block without {CSP_PLACEHOLDER[lang]!r}"
    return block.replace(CSP_PLACEHOLDER[lang], policy).replace(SITE_FOLDER, str(site_folder))
