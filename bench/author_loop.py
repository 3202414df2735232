"""The author's loop: from saving a change to the moment `make serve` shows it in the browser.

Runs `mkdocs serve --strict` (what `make serve` runs) on a throw-away copy of
the project, opens a Swedish module page in Debian's Chromium, and then, a few
times each:

- saves a change to the Swedish module page (docs/modules/*.md);
- saves a change to a Swedish question in data/reflection/*.yml.

For each save it times how long until the server has rebuilt the page (the
page at its address has the new text) and until the open page in the browser
shows it (MkDocs' live reload). The clock starts when the file is written.
It also counts the CPU time the server used for the whole rebuild, which
moves less than the wall clock when other work shares the machine. The next
save waits until the server is idle, as an author's next save would.
"""

from __future__ import annotations

import os
import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support.browser import BROWSER_ARGS, CHROMIUM  # noqa: E402
from tests.support.project_copy import SOURCES  # noqa: E402
from tests.support.serve_process import cpu_seconds, wait_idle  # noqa: E402
from tests.support.site_build import free_port  # noqa: E402

MODULE_SLUG = "varfor-nara-vard"
MODULE_PAGE = Path("docs") / "modules" / f"{MODULE_SLUG}.md"
QUESTIONS = Path("data") / "reflection" / "1-varfor-nara-vard.yml"
QUESTION_TEXT = "Hur förändras invånarnas behov hos er?"
TARGET_S = 2.0


@dataclass
class Save:
    served_s: float  # until the server answers with the changed page
    shown_s: float  # until the open page shows it
    cpu_s: float  # CPU time mkdocs serve used for the whole rebuild


def _idle(pid: int) -> None:
    """Until the rebuild, every edition, is done."""
    if not wait_idle(pid):
        raise SystemExit("author loop: the server did not become idle within 120 s")


def _edit_module(project: Path, marker: str) -> None:
    path = project / MODULE_PAGE
    text = re.sub(r"\n\nMätpunkt \w+\n$", "\n", path.read_text(encoding="utf-8"))
    path.write_text(text.rstrip("\n") + f"\n\nMätpunkt {marker}\n", encoding="utf-8")


def _edit_question(project: Path, marker: str) -> None:
    path = project / QUESTIONS
    text = re.sub(re.escape(QUESTION_TEXT) + r"( Mätpunkt \w+)?", f"{QUESTION_TEXT} Mätpunkt {marker}", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


EDITS = {"Swedish module page": _edit_module, "data/reflection question": _edit_question}


def _served(url: str, marker: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return marker in response.read().decode("utf-8")
    except OSError:
        return False


def _wait(check, what: str, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit(f"author loop: {what} did not happen within {timeout_s:.0f} s")
        time.sleep(0.02)


def copy_project(source: Path, target: Path) -> Path:
    for name in SOURCES:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source / name, target / name)
    return target


def measure(saves: int = 3, log=print, source: Path = ROOT) -> dict[str, list[Save]]:
    from playwright.sync_api import sync_playwright

    results: dict[str, list[Save]] = {name: [] for name in EDITS}
    with tempfile.TemporaryDirectory(prefix="author-loop-") as tmp:
        project = copy_project(source, Path(tmp))
        port = free_port()
        url = f"http://127.0.0.1:{port}/modules/{MODULE_SLUG}/"
        log_file = open(Path(tmp) / "serve.log", "w")
        serve = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=log_file, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        try:
            log("  Waiting for mkdocs serve's first build …")
            _wait(lambda: _served(url, "<h1"), "the first build")
            _idle(serve.pid)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
                page = browser.new_page()
                page.goto(url)
                for n in range(saves):
                    for name, edit in EDITS.items():
                        marker = f"m{n}x{time.monotonic_ns() % 10**9}"
                        cpu = cpu_seconds(serve.pid)
                        start = time.perf_counter()
                        edit(project, marker)
                        _wait(lambda: _served(url, marker), f"the rebuild after a change to the {name}")
                        served = time.perf_counter() - start
                        page.wait_for_function("m => document.body && document.body.innerText.includes(m)", arg=marker, timeout=120_000)
                        shown = time.perf_counter() - start
                        _idle(serve.pid)
                        results[name].append(Save(served, shown, cpu_seconds(serve.pid) - cpu))
                        log(f"  {name}, save {n + 1}/{saves}: rebuilt in {served:.2f} s, shown in {shown:.2f} s "
                            f"({results[name][-1].cpu_s:.2f} s CPU)")
                browser.close()
        except BaseException:
            log_file.flush()
            print((Path(tmp) / "serve.log").read_text()[-4000:], file=sys.stderr)
            raise
        finally:
            serve.terminate()
            serve.wait(timeout=30)
            log_file.close()
    return results


def medians(results: dict[str, list[Save]]) -> dict[str, Save]:
    return {
        name: Save(*(statistics.median(getattr(s, f) for s in saves) for f in ("served_s", "shown_s", "cpu_s")))
        for name, saves in results.items()
    }


def summary(results: dict[str, list[Save]]) -> list[str]:
    count = len(next(iter(results.values())))
    lines = [
        f"Author's loop: from saving a file to the page shown in the browser under `make serve` (median of {count};"
        f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    ]
    for name, m in medians(results).items():
        lines.append(
            f"  {name:26} shown {m.shown_s:5.2f} s (rebuilt {m.served_s:.2f} s, {m.cpu_s:.2f} s CPU)"
            f"  {'met' if m.shown_s < TARGET_S else 'MISSED'}: under {TARGET_S:.0f} s"
        )
    return lines


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--saves", type=int, default=3, help="saves of each kind; the median is kept (default 3)")
    parser.add_argument("--project", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    args = parser.parse_args()
    print("\n".join(summary(measure(args.saves, source=args.project))))
