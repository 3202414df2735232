"""Run Lighthouse (the npm package) in Debian's Chromium and read the numbers the benchmark prints.

Lighthouse keeps its defaults: mobile emulation (a mid-range phone) and
simulated throttling (slow 4G, 4x slower CPU). It never downloads a browser:
CHROME_PATH points chrome-launcher at /usr/bin/chromium, and the run fails if
that file is missing.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TIMEOUT_S = 300


@dataclass
class Report:
    """The numbers of one Lighthouse run on one page."""

    url: str
    scores: dict[str, float | None]
    fcp_ms: float
    lcp_ms: float
    tbt_ms: float
    cls: float
    bytes: int
    requests: int
    benchmark_index: float
    failed_audits: dict[str, list[str]] = field(default_factory=dict)
    runtime_error: str | None = None


def run_lighthouse(url: str, output: Path) -> Report:
    """Run Lighthouse on `url`, keep its JSON report at `output`, return its numbers."""
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make node-deps` (npm ci --ignore-scripts)")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: run `make system-deps` (Debian's chromium package)")
    output.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    # One retry: on a busy machine Chromium now and then misses Lighthouse's start-up deadline.
    for attempt in (1, 2):
        output.unlink(missing_ok=True)
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
        if proc.returncode == 0 and output.exists():
            report = read_report(output)
            if report.runtime_error is None or attempt == 2:
                return report
    raise RuntimeError(f"lighthouse failed on {url} (exit {proc.returncode}):\n{proc.stderr[-2000:]}")


def read_report(path: Path) -> Report:
    data = json.loads(path.read_text(encoding="utf-8"))
    audits = data["audits"]

    def numeric(audit_id: str) -> float:
        value = audits.get(audit_id, {}).get("numericValue")
        return float(value) if value is not None else float("nan")

    scores = {}
    failed = {}
    for cat in CATEGORIES:
        category = data["categories"].get(cat, {})
        score = category.get("score")
        scores[cat] = None if score is None else round(score * 100)
        failed[cat] = [
            ref["id"]
            for ref in category.get("auditRefs", [])
            if ref.get("weight", 0) > 0 and (audits.get(ref["id"], {}).get("score") or 0) < 1
            and audits.get(ref["id"], {}).get("scoreDisplayMode") not in ("notApplicable", "manual", "informative")
        ]
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    return Report(
        url=data.get("finalDisplayedUrl") or data.get("requestedUrl", ""),
        scores=scores,
        fcp_ms=numeric("first-contentful-paint"),
        lcp_ms=numeric("largest-contentful-paint"),
        tbt_ms=numeric("total-blocking-time"),
        cls=numeric("cumulative-layout-shift"),
        bytes=int(numeric("total-byte-weight")),
        requests=len(requests),
        benchmark_index=float(data.get("environment", {}).get("benchmarkIndex") or 0),
        failed_audits={k: v for k, v in failed.items() if v},
        runtime_error=(data.get("runtimeError") or {}).get("message"),
    )


def median_run(reports: list[Report]) -> Report:
    """The run with the median performance score (then median LCP), as Lighthouse advises for noisy machines."""
    ordered = sorted(reports, key=lambda r: ((r.scores.get("performance") or 0), -r.lcp_ms))
    return ordered[len(ordered) // 2]
