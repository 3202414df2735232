"""`mkdocs serve`'s live reload under each page's own Content-Security-Policy.

MkDocs' development server writes a small inline script into every page it
serves, which reloads the page after a rebuild. Each page's strict policy
(macros/csp.py) refuses it, so the browser never showed a change by itself.
Under `mkdocs serve` only, the served page's policy also allows that script,
by its hash; the built site is untouched.
"""

import re

from macros.csp import inline_script_hashes, policy_text

_META = re.compile(rb'(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")')


def allow_live_reload(server) -> None:
    """Wrap the server's script injection (MkDocs' LiveReloadServer) so the policy names the script."""
    inject = server._inject_js_into_html

    def inject_allowed(content: bytes, epoch: int) -> bytes:
        html = inject(content, epoch)
        policy = policy_text(inline_script_hashes(html.decode("utf-8"))).encode("utf-8")
        return _META.sub(lambda m: m.group(1) + policy + m.group(2), html, count=1)

    server._inject_js_into_html = inject_allowed
