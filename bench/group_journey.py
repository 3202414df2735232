"""How long it takes to merge and compare two occasions of "Var står vi?" (issue 30).

    .venv/bin/python bench/group_journey.py              # two occasions of 30 files, 3 runs
    .venv/bin/python bench/group_journey.py --files 100 --runs 1

Builds the course (strict) into a temporary folder, serves it on 127.0.0.1,
and in Debian's Chromium, for each of two occasions: chooses N group files
for module 3 at once on the group page, then keeps the picture as an
occasion on "Gruppens resa". After the second, the page draws the comparison
of the two. It times each merge (from choosing the files until the picture
shows N participants) and each keep (from the click until the occasions
list, and after the second the comparison, is drawn), with the page's own
clock, and prints the sum, its parts and the handover file's size. A
measurement, not a test: it asserts nothing about time.
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

from bench.group_merge import SLUG, time_merge, write_group_files  # noqa: E402
from tests.support.browser import BROWSER_ARGS, CHROMIUM  # noqa: E402
from tests.support.site_build import SiteServer, build_site, free_port  # noqa: E402

KEEP = """([name, occasions]) => {
    document.querySelector('.journey-keep input[type=text]').value = name;
    const start = performance.now();
    document.querySelector('.journey-keep button').click();
    return new Promise(resolve => {
        const check = () => document.querySelectorAll('.journey-occasion').length === occasions
            && (occasions < 2 || document.querySelectorAll('.journey-statement').length)
            ? resolve(performance.now() - start) : requestAnimationFrame(check);
        check();
    });
}"""


def merge(page, server, files: list[str]) -> float:
    page.goto(server.url + "gruppens-bild/")
    page.locator("select.group-select").select_option(SLUG)
    clear = page.locator("[data-group-picture] .notes-danger")
    if clear.is_visible():
        clear.click()
    return time_merge(page, files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        port = free_port()
        result = build_site(tmp_path / "site", site_url=f"http://127.0.0.1:{port}/")
        if result.returncode != 0:
            print(result.output[-3000:])
            return 1
        totals, parts, sizes = [], [], []
        with SiteServer(tmp_path / "site", port) as server, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            for run in range(args.runs):
                context = browser.new_context(viewport={"width": 1920, "height": 1080})
                page = context.new_page()
                page.goto(server.url + "gruppens-resa/")
                course_id = page.evaluate("() => Course.config.courseId")
                definition = page.evaluate(f"() => JSON.parse(document.getElementById('assessment-data').textContent)['{SLUG}']")
                times = []
                for occasion in range(2):
                    rng = random.Random(run * 10 + occasion)
                    files = write_group_files(tmp_path / f"run{run}-{occasion}", args.files, course_id, definition, rng)
                    times.append(merge(page, server, files))
                    page.goto(server.url + "gruppens-resa/")
                    times.append(page.evaluate(KEEP, [f"Tillfälle {occasion + 1}", occasion + 1]))
                page.evaluate("() => Course.loadScript('group-journey/group-handover.js')")
                sizes.append(len(json.dumps(page.evaluate("() => CourseGroupHandover.handover()"), ensure_ascii=False).encode("utf-8")))
                totals.append(sum(times))
                parts.append(times)
                context.close()
            browser.close()
    print(f"two occasions of {args.files} group files each (module 3: 7 ratings, 2 shared answers per file)")
    print(f"merge, keep and compare, median of {args.runs}: {statistics.median(totals):.0f} ms; runs: " + ", ".join(f"{t:.0f}" for t in totals))
    for n, p in enumerate(parts, start=1):
        print(f"  run {n}: merge 1 {p[0]:.0f} ms, keep 1 {p[1]:.0f} ms, merge 2 {p[2]:.0f} ms, keep 2 and compare {p[3]:.0f} ms")
    print(f"handover file with the two occasions: {statistics.median(sizes):.0f} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
