"""Build the course into a folder and serve it on 127.0.0.1, for the tests and benchmarks."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = [sys.executable, "-m", "mkdocs"]
# pyproject.toml's version: it names the offline zip and the SCORM packages.
COURSE_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def site_config() -> dict:
    """mkdocs.yml as MkDocs reads it (with its !ENV tags), without loading plugins."""
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)


@dataclass
class BuildResult:
    returncode: int
    output: str


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_site(site_dir: Path, *, project: Path = ROOT, site_url: str = "", extra_env: dict | None = None) -> BuildResult:
    """Run a strict build of `project` into `site_dir`, returning its exit code and log."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    proc = subprocess.run(
        [*MKDOCS, "build", "--strict", "--clean", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        # LinkChecker throttles to 10 requests a second unless the server
        # opts in with this header; ours is a local test server.
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


class SiteServer:
    """A static file server on 127.0.0.1 in a background thread."""

    def __init__(self, directory: Path, port: int):
        handler = functools.partial(QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
