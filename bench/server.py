"""A static file server on 127.0.0.1 that compresses text with gzip, as an intranet server would.

Like a typical nginx, Apache or IIS set-up for a static site: HTTP/1.1 with
keep-alive, gzip (level 6, the zlib default that Apache and IIS use) for text
types when the browser accepts it, `/dir` redirects to `/dir/`, `/dir/` serves
`dir/index.html`, and a missing file gets the site's own 404.html. No cache
headers beyond Last-Modified: that is what a server left at its defaults sends.
"""

from __future__ import annotations

import email.utils
import gzip
import http.server
import mimetypes
import posixpath
import threading
import urllib.parse
from pathlib import Path

GZIP_LEVEL = 6
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".map": "application/json",
    ".png": "image/png",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".gz": "application/gzip",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}


def content_type(path: Path) -> str:
    return TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    root: Path
    cache: dict
    lock: threading.Lock

    def do_HEAD(self):  # noqa: N802 - name from the base class
        self._serve(send_body=False)

    def do_GET(self):  # noqa: N802 - name from the base class
        self._serve(send_body=True)

    def _resolve(self) -> tuple[int, Path | None, str | None]:
        raw = urllib.parse.urlsplit(self.path).path
        parts = [p for p in posixpath.normpath(urllib.parse.unquote(raw)).split("/") if p not in ("", ".", "..")]
        target = self.root.joinpath(*parts)
        if target.is_dir():
            if not raw.endswith("/"):
                return 301, None, raw + "/"
            target = target / "index.html"
        if target.is_file():
            return 200, target, None
        return 404, self.root / "404.html", None

    def _body(self, path: Path, gzipped: bool) -> bytes:
        key = (path, gzipped, path.stat().st_mtime_ns)
        with self.lock:
            if key not in self.cache:
                data = path.read_bytes()
                self.cache[key] = gzip.compress(data, GZIP_LEVEL, mtime=0) if gzipped else data
            return self.cache[key]

    def _serve(self, *, send_body: bool) -> None:
        status, path, location = self._resolve()
        if status == 301:
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path is None or not path.is_file():
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        ctype = content_type(path)
        compressible = ctype.startswith(COMPRESSED_TYPES)
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        gzipped = compressible and accepts_gzip
        body = self._body(path, gzipped)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(path.stat().st_mtime, usegmt=True))
        if compressible:
            self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


class GzipServer:
    """Serve `directory` on 127.0.0.1:`port` in a background thread; use as a context manager."""

    def __init__(self, directory: Path, port: int = 0):
        handler = type("Handler", (_Handler,), {"root": Path(directory), "cache": {}, "lock": threading.Lock()})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "GzipServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    with GzipServer(args.directory, args.port) as srv:
        print(f"Serving {args.directory} at {srv.url} (Ctrl-C stops)")
        try:
            srv.thread.join()
        except KeyboardInterrupt:
            pass
