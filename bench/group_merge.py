"""How long the group page takes to merge participants' group files (issue 16).

    .venv/bin/python bench/group_merge.py              # 30 files, 5 runs
    .venv/bin/python bench/group_merge.py --files 100 --runs 3

Builds the course (strict) into a temporary folder, serves it on 127.0.0.1,
and in Debian's Chromium chooses N group files for module 3 at once on the
group page ("Gruppens bild"), each with every statement rated and two shared
answers. It times from choosing the files until the picture shows N
participants (the page's own clock, performance.now()), and prints the
median and every run, with the size of a typical file. A measurement, not a
test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support.browser import BROWSER_ARGS, CHROMIUM  # noqa: E402
from tests.support.site_build import SiteServer, build_site, free_port  # noqa: E402

SLUG = "vad-ar-systemledarskap"


def group_file(n: int, course_id: str, statements: list[str], version: int, rng: random.Random) -> bytes:
    data = {
        "format": "course-group-file",
        "version": 1,
        "courseId": course_id,
        "module": SLUG,
        "assessmentVersion": version,
        "statements": statements,
        "participant": f"p-{n:024x}",
        "saved": "2026-11-25T10:00:00.000Z",
        "ratings": {s: rng.choice([1, 2, 3, 4, 5, 0]) for s in statements},
        "answers": {
            "modul-3-komplexitet": {"asked": "Vilka delar av ert system är enkla?", "text": f"Svar {n}: hemsjukvården är komplex."},
            "modul-3-utan-hierarki": {"asked": "Hur tar ni ändå ett gemensamt ansvar?", "text": f"Svar {n}: vi har en gemensam plan."},
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


# Set up before the files are chosen: resolves with the milliseconds from
# choosing them until the picture shows all n participants.
MERGE = """n => {
    const input = document.querySelector('[data-group-picture] input[type=file]');
    window.__done = new Promise(resolve => {
        input.addEventListener('change', () => {
            const start = performance.now();
            const status = document.querySelector('.group-status');
            const check = () => document.querySelectorAll('.group-statement').length && status.textContent.includes(String(n))
                ? resolve(performance.now() - start) : requestAnimationFrame(check);
            check();
        }, { once: true });
    });
}"""


def write_group_files(stem: Path, count: int, course_id: str, definition: dict, rng: random.Random) -> list[str]:
    """`count` participants' group files for module 3, written as <stem>-000.json …"""
    statements = [s["id"] for s in definition["statements"]]
    files = []
    for n in range(count):
        path = stem.parent / f"{stem.name}-{n:03d}.json"
        path.write_bytes(group_file(n, course_id, statements, definition["version"], rng))
        files.append(str(path))
    return files


def time_merge(page, files: list[str]) -> float:
    """Choose `files` at once on the group page (module already chosen); the time until all are drawn."""
    page.evaluate(MERGE, len(files))
    page.locator("[data-group-picture] input[type=file]").set_input_files(files)
    return page.evaluate("() => window.__done")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        port = free_port()
        result = build_site(tmp_path / "site", site_url=f"http://127.0.0.1:{port}/")
        if result.returncode != 0:
            print(result.output[-3000:])
            return 1
        with SiteServer(tmp_path / "site", port) as server, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            times = []
            for run in range(args.runs):
                context = browser.new_context(viewport={"width": 1920, "height": 1080})
                page = context.new_page()
                page.goto(server.url + "gruppens-bild/")
                course_id = page.evaluate("() => Course.config.courseId")
                definition = page.evaluate(f"() => JSON.parse(document.getElementById('assessment-data').textContent)['{SLUG}']")
                files = write_group_files(tmp_path / f"run{run}", args.files, course_id, definition, random.Random(run))
                page.locator("select.group-select").select_option(SLUG)
                times.append(time_merge(page, files))
                context.close()
            browser.close()
        size = Path(files[0]).stat().st_size
    print(f"group files per merge: {args.files}; a typical file: {size} bytes (7 ratings, 2 shared answers)")
    print(f"time to merge and draw, median of {args.runs}: {statistics.median(times):.0f} ms; runs: " + ", ".join(f"{t:.0f}" for t in times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
