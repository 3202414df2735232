"""Debian's nginx, Apache and Caddy, run by the tests on 127.0.0.1 with their own configuration.

Each server gets a folder of its own for its configuration, pid file, logs and
temporary files, and a copy of the built site, and is stopped when its `with`
block ends. As root, nginx and Apache hand the requests to `nobody`, so the
folder and the site are readable by everyone.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from tests.support.hosting_guide import PREFIX

AS_ROOT = os.geteuid() == 0
APACHE_MODULES = Path("/usr/lib/apache2/modules")


class WebServer:
    name = ""
    guide = ""  # the server's block in the hosting guide (tests/support/hosting_guide.py)
    binary = ""
    package = ""  # Debian's, which `make test` installs

    def __init__(self, folder: Path, site: Path, block: str, port: int):
        self.folder = folder
        self.folder.chmod(0o755)
        self.site = folder / "site"
        shutil.copytree(site, self.site)
        self.port = port
        self.url = f"http://127.0.0.1:{port}{PREFIX}"
        self.config = self.write_config(block)
        self.process: subprocess.Popen | None = None

    # Each server says how it is configured, tested and run.
    def write_config(self, block: str) -> Path:
        raise NotImplementedError

    def test_command(self) -> list[str]:
        raise NotImplementedError

    def run_command(self) -> list[str]:
        raise NotImplementedError

    def env(self) -> dict:
        return dict(os.environ)

    def config_test(self) -> subprocess.CompletedProcess:
        return subprocess.run(self.test_command(), capture_output=True, text=True, env=self.env())

    def logs(self) -> str:
        return "\n".join(f"{p.name}:\n{p.read_text(errors='replace')[-3000:]}" for p in sorted(self.folder.glob("*.log")))

    def __enter__(self) -> "WebServer":
        with open(self.folder / "output.log", "w") as output:
            self.process = subprocess.Popen(self.run_command(), stdout=output, stderr=subprocess.STDOUT, env=self.env())
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} stopped at once (exit {self.process.returncode}):\n{self.logs()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                if time.monotonic() > deadline:
                    self.__exit__()
                    raise RuntimeError(f"{self.name} did not open port {self.port} in 30 s:\n{self.logs()}")
                time.sleep(0.05)

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Nginx(WebServer):
    name = guide = "nginx"
    binary = "/usr/sbin/nginx"
    package = "nginx-light"

    def write_config(self, block: str) -> Path:
        d = self.folder
        temp_paths = "".join(f"    {kind}_temp_path {d}/{kind}_temp;\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        text = (
            ("user nobody nogroup;\n" if AS_ROOT else "")
            + f"worker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\nevents {{}}\n"
            + "http {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
            + f"    access_log {d}/access.log;\n{temp_paths}"
            + f"    server {{\n        listen 127.0.0.1:{self.port};\n{block}\n    }}\n}}\n"
        )
        path = d / "nginx.conf"
        path.write_text(text, encoding="utf-8")
        return path

    def _base(self) -> list[str]:
        return [self.binary, "-p", str(self.folder), "-c", str(self.config), "-e", str(self.folder / "error.log")]

    def test_command(self) -> list[str]:
        return [*self._base(), "-t"]

    def run_command(self) -> list[str]:
        return [*self._base(), "-g", "daemon off;"]


class Apache(WebServer):
    """The guide's lines as a .htaccess file in the course folder, which the server allows as the guide says."""

    name = guide = "apache"
    binary = "/usr/sbin/apache2"
    package = "apache2"
    modules = ("mpm_event", "authz_core", "mime", "dir", "alias", "headers", "deflate", "filter")

    def directory(self, block: str) -> str:
        (self.site / ".htaccess").write_text(block, encoding="utf-8")
        return "    Require all granted\n    AllowOverride FileInfo Indexes\n"

    def write_config(self, block: str) -> Path:
        d = self.folder
        text = (
            f"ServerRoot {d}\nServerName 127.0.0.1\nListen 127.0.0.1:{self.port}\n"
            f"PidFile {d}/apache2.pid\nErrorLog {d}/error.log\nDefaultRuntimeDir {d}\nMutex file:{d} default\n"
            + ("User nobody\nGroup nogroup\n" if AS_ROOT else "")
            + "".join(f"LoadModule {m}_module {APACHE_MODULES}/mod_{m}.so\n" for m in self.modules)
            + "TypesConfig /etc/mime.types\n"
            + f"Alias {PREFIX} {self.site}/\n"
            + f"<Directory {self.site}/>\n{self.directory(block)}</Directory>\n"
        )
        path = d / "apache2.conf"
        path.write_text(text, encoding="utf-8")
        return path

    def test_command(self) -> list[str]:
        return [self.binary, "-f", str(self.config), "-t"]

    def run_command(self) -> list[str]:
        return [self.binary, "-f", str(self.config), "-DFOREGROUND"]


class ApacheDirectory(Apache):
    """The guide's other way: the same lines in a <Directory> block of the server's configuration."""

    name = "apache-directory"

    def directory(self, block: str) -> str:
        return "    Require all granted\n    AllowOverride None\n" + block


class Caddy(WebServer):
    """The guide's lines in a site block; Caddy keeps its state under the server's folder, with no admin port."""

    name = guide = "caddy"
    binary = "/usr/bin/caddy"
    package = "caddy"

    def write_config(self, block: str) -> Path:
        text = f"{{\n\tadmin off\n\tauto_https off\n}}\n\nhttp://127.0.0.1:{self.port} {{\n{block}}}\n"
        path = self.folder / "Caddyfile"
        path.write_text(text, encoding="utf-8")
        return path

    def env(self) -> dict:
        home = str(self.folder)
        return {**os.environ, "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data"}

    def _args(self) -> list[str]:
        return ["--config", str(self.config), "--adapter", "caddyfile"]

    def test_command(self) -> list[str]:
        return [self.binary, "validate", *self._args()]

    def run_command(self) -> list[str]:
        return [self.binary, "run", *self._args()]


SERVERS = {server.name: server for server in (Nginx, Apache, ApacheDirectory, Caddy)}
