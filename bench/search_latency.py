"""The first search: from the reader's first key to the results, under Lighthouse's CPU throttling (issue 31).

    .venv/bin/python bench/search_latency.py http://127.0.0.1:8000/   # a served site (make serve, or bench/run.py's)

Opens a page in Debian's Chromium with the CPU slowed 4 × (CDP
Emulation.setCPUThrottlingRate, as Lighthouse's mobile preset assumes; in
this Chromium it slows the search worker too), then, each run in a fresh
browser context:

1. focuses the search field and waits until search is ready: the index has
   arrived, the worker has built it and Material shows its "type to start
   searching" line (the time is printed too, "focus to ready"; on a
   localhost server it has no network wait in it);
2. presses the first key of the query and times until the results of that
   one letter are shown ("first key");
3. types the rest of the word and times from its last key until its results
   are shown ("last key").

"Shown" is when the result list holds the answer to that query and the
browser has painted it (the next animation frame after the list changed).
Medians are printed. The target is under 300 ms for the first key once the
index has arrived. This is a measurement, never a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support.browser import BROWSER_ARGS, CHROMIUM  # noqa: E402

CPU_SLOWDOWN = 4
TARGET_MS = 300.0
QUERIES = {"sv": "vårdcentral", "en": "leadership"}
FIELD = "input[data-md-component=search-query]"

# In the page: Material's own strings tell "initialising" from "ready" and from results.
WATCH = """() => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  window.__latency = { placeholder: config.translations["search.result.placeholder"], keyAt: null, shownAt: null, wanted: null };
  window.__latencyReady = () => meta.textContent.trim() === window.__latency.placeholder;
  // The answer to the field's value is on screen: the meta line no longer says "type to
  // start searching" and the list was (re)filled after the key; then wait for a frame.
  new MutationObserver(() => {
    const l = window.__latency;
    if (l.keyAt === null || l.shownAt !== null || l.pending) return;
    const text = meta.textContent.trim();
    if (!text || text === l.placeholder || !list.children.length) return;
    l.pending = true;
    requestAnimationFrame(() => requestAnimationFrame(() => { l.shownAt = performance.now(); l.pending = false; }));
  }).observe(list.parentElement, { childList: true, subtree: true, characterData: true });
  document.addEventListener("keydown", () => {
    const l = window.__latency;
    if (l.armed) { l.keyAt = performance.now(); l.armed = false; }
  }, true);
}"""


@dataclass
class Latency:
    url: str
    ready_ms: float  # focus until search is ready (index arrived, worker built it)
    first_key_ms: float  # first key until its results are shown
    last_key_ms: float  # last key of the word until its results are shown
    runs: int


def _arm_and_wait(page, press) -> float:
    page.evaluate("() => Object.assign(window.__latency, { keyAt: null, shownAt: null, armed: true, pending: false })")
    press()
    page.wait_for_function("() => window.__latency.shownAt !== null", timeout=60_000)
    return page.evaluate("() => window.__latency.shownAt - window.__latency.keyAt")


def measure(url: str, lang: str = "sv", runs: int = 5) -> Latency:
    from playwright.sync_api import sync_playwright

    query = QUERIES[lang]
    ready, first, last = [], [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1366, "height": 768})
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
                page.goto(url, wait_until="networkidle")
                page.wait_for_selector(FIELD, state="attached")
                page.evaluate(WATCH)
                start = page.evaluate("performance.now()")
                page.focus(FIELD)
                page.wait_for_function("() => window.__latencyReady()", timeout=120_000)
                ready.append(page.evaluate("performance.now()") - start)
                first.append(_arm_and_wait(page, lambda: page.keyboard.press(query[0])))
                # The rest of the word, then time its last key.
                page.keyboard.type(query[1:-1], delay=50)
                page.wait_for_timeout(2000)  # the prefixes' answers settle first
                last.append(_arm_and_wait(page, lambda: page.keyboard.press(query[-1])))
                context.close()
        finally:
            browser.close()
    return Latency(url, statistics.median(ready), statistics.median(first), statistics.median(last), runs)


def summary(results: dict[str, Latency], label: str = "") -> list[str]:
    lines = [
        f"First search{label}: CPU slowed {CPU_SLOWDOWN} × (CDP), after focusing the search field; median of "
        f"{next(iter(results.values())).runs} fresh contexts"
    ]
    for name, r in results.items():
        verdict = "met" if r.first_key_ms < TARGET_MS else "MISSED"
        lines.append(
            f"  {name:10} focus to ready {r.ready_ms:6,.0f} ms   first key to results {r.first_key_ms:5,.0f} ms"
            f"   last key to results {r.last_key_ms:5,.0f} ms   {verdict}: first key under {TARGET_MS:.0f} ms"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the first search under 4 × CPU throttling.")
    parser.add_argument("url", help="the served site's root, e.g. http://127.0.0.1:8000/")
    parser.add_argument("--page", default="modules/varfor-nara-vard/", help="page to search from, relative to each edition's root")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    root = args.url if args.url.endswith("/") else args.url + "/"
    results = {f"{lang} {prefix or '/'}": measure(root + prefix + args.page, lang, args.runs) for lang, prefix in (("sv", ""), ("en", "en/"))}
    print("\n".join(summary(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
