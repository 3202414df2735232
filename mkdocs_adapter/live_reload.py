"""`mkdocs serve`'s live reload: under each page's own Content-Security-Policy, and sooner.

MkDocs' development server writes a small inline script into every page it
serves, which reloads the page after a rebuild. Each page's strict policy
(course/postbuild/csp.py) refuses it, so the browser never showed a change by itself.
Under `mkdocs serve` only, the served page's policy also allows that script,
by its hash; the built site is untouched.

MkDocs looks for saved files every half second; here, every tenth of a
second, which costs a few milliseconds of CPU per second. MkDocs reloads
the browsers when the whole rebuild is done, and mkdocs-static-i18n builds
the English edition after the Swedish one. So when a Swedish page changed,
the browsers reload as soon as the Swedish edition is written; until the
rebuild is done, a request for a file not yet written (an English page, a
note template) waits for it rather than getting "not found". This works
through MkDocs' LiveReloadServer's epochs (mkdocs 1.6); without them, the
browsers reload once, at the end, as before.
"""

from __future__ import annotations

import hashlib
import logging
import os
import posixpath
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from course.postbuild.csp import inline_script_hashes, policy_text

POLL_SECONDS = 0.1
_META = re.compile(rb'(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")')


@dataclass
class _Reloads:
    server: object = None  # the LiveReloadServer, once `mkdocs serve` runs
    pages: dict[str, str] = field(default_factory=dict)  # the first edition's pages as last shown: path -> hash
    settled: threading.Event = field(default_factory=threading.Event)  # clear from an early reload to the rebuild's end


RELOADS = _Reloads()
RELOADS.settled.set()
WAIT_LIMIT_S = 120


def allow_live_reload(server) -> None:
    """Wrap the server's script injection (MkDocs' LiveReloadServer) so the policy names the script."""
    inject = server._inject_js_into_html

    def inject_allowed(content: bytes, epoch: int) -> bytes:
        html = inject(content, epoch)
        policy = policy_text(inline_script_hashes(html.decode("utf-8"))).encode("utf-8")
        return _META.sub(lambda m: m.group(1) + policy + m.group(2), html, count=1)

    server._inject_js_into_html = inject_allowed
    _poll_sooner(server)
    if all(hasattr(server, name) for name in ("_epoch_cond", "_visible_epoch", "_wanted_epoch", "root", "mount_path")):
        RELOADS.server = server
        server.set_app(_waiting_for_unwritten_files(server.get_app(), server))


def first_edition_written(site_dir: Path) -> None:
    """The first edition's pages are written and the others are next: reload now if a page changed."""
    server = RELOADS.server
    if server is None or _warned():
        return  # under --strict, a warning fails the rebuild: the browsers keep what they show
    pages = {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in site_dir.rglob("*.html")}
    if pages == RELOADS.pages:
        return
    RELOADS.pages = pages
    RELOADS.settled.clear()
    with server._epoch_cond:
        server._visible_epoch = server._wanted_epoch
        server._epoch_cond.notify_all()


def rebuild_done() -> None:
    """The rebuild ended, written or failed: requests no longer wait."""
    RELOADS.settled.set()


def _warned() -> bool:
    from mkdocs.utils import CountHandler

    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


def _waiting_for_unwritten_files(app, server):
    def app_after_rebuild(environ, start_response):
        if not RELOADS.settled.is_set() and _not_written(server, environ.get("PATH_INFO", "")):
            RELOADS.settled.wait(WAIT_LIMIT_S)
        return app(environ, start_response)

    return app_after_rebuild


def _not_written(server, path: str) -> bool:
    # The server's own mapping of an address to a file (LiveReloadServer._serve_request).
    path = path.encode("latin-1").decode("utf-8", "ignore")
    if path.startswith("/livereload/") or not (path + "/").startswith(server.mount_path):
        return False
    rel = path[len(server.mount_path) :] + ("index.html" if path.endswith("/") else "")
    return not os.path.exists(os.path.join(server.root, posixpath.normpath("/" + rel).lstrip("/")))


def _poll_sooner(server) -> None:
    """Watch the same paths with a polling observer that looks more often (before the server starts it)."""
    from watchdog.observers.polling import PollingObserver

    watched = dict(getattr(server, "_watched_paths", {}))
    if server.observer.is_alive() or not isinstance(server.observer, PollingObserver):
        return
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = PollingObserver(timeout=POLL_SECONDS)
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
