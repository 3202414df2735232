"""Benchmark: the course against a plain Material build of the same Markdown (issue 9).

    make bench                       # everything, as TESTING.md describes
    .venv/bin/python bench/run.py --only modules/varfor --runs 3

1. Builds the course (strict) and the peer (bench/peer.py) into a temp
   folder, each with SITE_URL set to the address its server will use, and
   times both builds in the same run (wall clock and CPU time).
2. Serves both on 127.0.0.1 with gzip (bench/server.py).
3. Runs Lighthouse (bench/lighthouse.py) on the start page and every module
   page (docs/modules/), in both languages, on both sites, alternating
   between them so that a busy machine slows both alike.
4. Times the first search on both sites under 4 x CPU throttling
   (bench/search_latency.py): from focusing the search field until search
   is ready, and from the first key to its results (issue 31).
5. Measures the author's loop under `mkdocs serve` (bench/author_loop.py):
   from saving a Swedish module page, or a question in data/reflection/,
   to the page showing the change in the browser.
6. Prints, per page, the four category scores, FCP, LCP, TBT, CLS,
   transferred bytes and request count, ours and the peer's with the ratio;
   the search index size per language; the build times; and whether each
   target of issue 9 is met. The raw Lighthouse reports and a Markdown and
   JSON summary are kept in bench/results/ (git-ignored).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import author_loop, search_latency  # noqa: E402
from bench.lighthouse import CATEGORIES, Report, median_run, run_lighthouse  # noqa: E402
from bench.peer import write_peer_config  # noqa: E402
from bench.server import GzipServer  # noqa: E402

RESULTS = ROOT / "bench" / "results"
LANGUAGES = {"sv": "", "en": "en/"}  # edition -> URL prefix
SCORE_TARGET = 100
BYTES_TARGET = 0.80  # start page and module pages: transferred bytes at most 0.8 x the peer's (issue 31)
BUILD_TARGET = 2.0  # build time at most 2 x the peer's


# Building


@dataclass
class Build:
    wall_s: float
    cpu_s: float
    warnings: int


def build(name: str, site_dir: Path, site_url: str, *, config: Path | None = None, strict: bool) -> Build:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site_dir)]
    if strict:
        cmd.append("--strict")
    if config:
        cmd += ["--config-file", str(config)]
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{name} build failed:\n{(proc.stdout + proc.stderr)[-4000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    warnings = sum(1 for line in (proc.stdout + proc.stderr).splitlines() if line.startswith("WARNING"))
    return Build(wall, cpu, warnings)


def median_build(builds: list[Build]) -> Build:
    return Build(
        statistics.median(b.wall_s for b in builds),
        statistics.median(b.cpu_s for b in builds),
        max(b.warnings for b in builds),
    )


# Pages


def measured_pages() -> list[str]:
    """Start page and every module page, in every edition, as paths from the site root."""
    modules = sorted(p.name[: -len(".md")] for p in (ROOT / "docs" / "modules").glob("*.md") if p.name.count(".") == 1)
    paths = []
    for prefix in LANGUAGES.values():
        paths.append(prefix)
        paths += [f"{prefix}modules/{m}/" for m in modules]
    return paths


def language_of(path: str) -> str:
    return next((lang for lang, prefix in LANGUAGES.items() if prefix and path.startswith(prefix)), "sv")


def gz_size(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))


def search_indexes(site_dir: Path) -> dict[str, tuple[int, int, int]]:
    """Per language: (bytes, gzip bytes, entries) of the index that edition's pages load."""
    sizes = {}
    for lang, prefix in LANGUAGES.items():
        path = site_dir / prefix / "search" / "search_index.json"
        if not path.exists():
            path = site_dir / "search" / "search_index.json"  # one index for every edition
        data = path.read_bytes()
        sizes[lang] = (len(data), gz_size(data), len(json.loads(data)["docs"]))
    return sizes


def peer_macro_text(site_dir: Path, paths: list[str]) -> int:
    """How many measured peer pages show macro calls as text."""
    return sum(1 for p in paths if "{{" in (site_dir / p / "index.html").read_text(encoding="utf-8"))


# Printing


def fmt(value, kind: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if kind == "score":
        return f"{value:.0f}"
    if kind == "ms":
        return f"{value:,.0f}"
    if kind == "cls":
        return f"{value:.3f}"
    if kind == "kib":
        return f"{value / 1024:,.1f}"
    return f"{value}"


def ratio(ours, peer) -> str:
    if ours is None or peer is None or (isinstance(peer, float) and math.isnan(peer)):
        return "–"
    if peer == 0:
        return "=" if ours == 0 else "∞"
    return f"{ours / peer:.2f}"


ROWS = (
    *((cat, lambda r, c=cat: r.scores.get(c), "score") for cat in CATEGORIES),
    ("FCP (ms)", lambda r: r.fcp_ms, "ms"),
    ("LCP (ms)", lambda r: r.lcp_ms, "ms"),
    ("TBT (ms)", lambda r: r.tbt_ms, "ms"),
    ("CLS", lambda r: r.cls, "cls"),
    ("transferred (KiB)", lambda r: r.bytes, "kib"),
    ("requests", lambda r: r.requests, "int"),
)


def page_table(path: str, ours: Report, peer: Report) -> list[str]:
    lines = [f"{language_of(path)}  /{path}", f"  {'':18} {'ours':>9} {'peer':>9} {'ours/peer':>10}"]
    for label, get, kind in ROWS:
        o, p = get(ours), get(peer)
        lines.append(f"  {label:18} {fmt(o, kind):>9} {fmt(p, kind):>9} {ratio(o, p):>10}")
    for who, rep in (("ours", ours), ("peer", peer)):
        for cat, ids in rep.failed_audits.items():
            lines.append(f"  {who} {cat} loses on: {', '.join(ids)}")
        if rep.runtime_error:
            lines.append(f"  {who} Lighthouse runtime error: {rep.runtime_error}")
    return lines


def markdown_table(results: dict[str, tuple[Report, Report]]) -> list[str]:
    head = ["page", "site", *CATEGORIES, "FCP ms", "LCP ms", "TBT ms", "CLS", "KiB", "requests"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for path, (ours, peer) in results.items():
        for who, rep in (("ours", ours), ("peer", peer), ("ratio", None)):
            cells = [f"/{path}" if who == "ours" else "", who]
            for _, get, kind in ROWS:
                cells.append(fmt(get(rep), kind) if rep else ratio(get(ours), get(peer)))
            lines.append("| " + " | ".join(cells) + " |")
    return lines


# Targets


def check_targets(results, ours_build: Build, peer_build: Build) -> list[tuple[str, bool, str]]:
    checks = []
    misses = [
        f"/{path} {cat} {rep.scores.get(cat)}"
        for path, (rep, _) in results.items()
        for cat in CATEGORIES
        if (rep.scores.get(cat) or 0) < SCORE_TARGET
    ]
    checks.append(("100 in all four categories on every page", not misses, "; ".join(misses) or "all 100"))
    over = [
        f"/{path} {ours.bytes / peer.bytes:.2f}×"
        for path, (ours, peer) in results.items()
        if peer.bytes and ours.bytes > peer.bytes * BYTES_TARGET
    ]
    worst = max((ours.bytes / peer.bytes for ours, peer in results.values() if peer.bytes), default=float("nan"))
    checks.append(
        (
            f"start and module pages transfer at most {BYTES_TARGET:.2f} × the peer's bytes",
            not over,
            "; ".join(over) or f"worst {worst:.2f}×",
        )
    )
    wall = ours_build.wall_s / peer_build.wall_s
    cpu = ours_build.cpu_s / peer_build.cpu_s
    checks.append(
        (
            f"build time at most {BUILD_TARGET:.0f} × the peer's",
            wall <= BUILD_TARGET and cpu <= BUILD_TARGET,
            f"wall {wall:.2f}×, CPU {cpu:.2f}×",
        )
    )
    return checks


# Main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Lighthouse benchmark: the course against plain Material.")
    parser.add_argument("--only", action="append", default=[], help="measure only pages whose path contains this (repeatable)")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page and site; the median run is kept (default 1)")
    parser.add_argument("--builds", type=int, default=1, help="builds per site; the median time is kept (default 1)")
    parser.add_argument("--no-lighthouse", action="store_true", help="only build, compare build times and search indexes")
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder for the raw reports (emptied first)")
    parser.add_argument("--search-runs", type=int, default=3, help="fresh contexts for the first-search timing; 0 skips it (default 3)")
    parser.add_argument("--author-loop-saves", type=int, default=3, help="saves of each kind in the author's loop; 0 skips it (default 3)")
    args = parser.parse_args(argv)

    paths = [p for p in measured_pages() if not args.only or any(o in f"/{p}" for o in args.only)]
    if not paths:
        raise SystemExit(f"no measured page matches {args.only}")
    if args.results.exists():
        shutil.rmtree(args.results)
    args.results.mkdir(parents=True)

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp_dir = Path(tmp)
        ours_dir, peer_dir = tmp_dir / "ours", tmp_dir / "peer"
        ours_dir.mkdir()
        peer_dir.mkdir()
        with GzipServer(ours_dir) as ours_srv, GzipServer(peer_dir) as peer_srv:
            peer_config = write_peer_config(tmp_dir / "peer-config", peer_srv.url)
            ours_builds, peer_builds = [], []
            for i in range(args.builds):
                print(f"Building the course and the peer ({i + 1}/{args.builds}) …", flush=True)
                ours_builds.append(build("course", ours_dir, ours_srv.url, strict=True))
                peer_builds.append(build("peer", peer_dir, peer_srv.url, config=peer_config, strict=False))
            ours_build, peer_build = median_build(ours_builds), median_build(peer_builds)

            results: dict[str, tuple[Report, Report]] = {}
            if not args.no_lighthouse:
                for path in paths:
                    for site_dir in (ours_dir, peer_dir):
                        if not (site_dir / path / "index.html").exists():
                            raise SystemExit(f"/{path} is missing from {site_dir}")
                total = len(paths) * 2 * args.runs
                done = 0
                for path in paths:
                    runs: dict[str, list[Report]] = {"ours": [], "peer": []}
                    slug = path.strip("/").replace("/", "_") or "start"
                    for n in range(args.runs):
                        for who, srv in (("ours", ours_srv), ("peer", peer_srv)):
                            done += 1
                            print(f"  Lighthouse {done}/{total}: {who} /{path}", flush=True)
                            out = args.results / who / f"{slug}-{n + 1}.json"
                            runs[who].append(run_lighthouse(srv.url + path, out))
                    results[path] = (median_run(runs["ours"]), median_run(runs["peer"]))

            ours_index, peer_index = search_indexes(ours_dir), search_indexes(peer_dir)

            latency: dict[str, search_latency.Latency] = {}
            if args.search_runs:
                print("Timing the first search under 4 × CPU throttling …", flush=True)
                page = "modules/varfor-nara-vard/"
                for lang, prefix in LANGUAGES.items():
                    for who, srv in (("ours", ours_srv), ("peer", peer_srv)):
                        latency[f"{who} {lang}"] = search_latency.measure(srv.url + prefix + page, lang, args.search_runs)
            macro_pages = peer_macro_text(peer_dir, measured_pages())

    loop = {}
    if args.author_loop_saves:
        print("Measuring the author's loop under mkdocs serve …", flush=True)
        loop = author_loop.measure(args.author_loop_saves)

    out: list[str] = [""]
    if results:
        out.append(f"Lighthouse {len(results)} pages × 2 sites, {args.runs} run(s) each (median kept); "
                   "default mobile emulation and simulated throttling; served with gzip on 127.0.0.1.")
        indexes = sorted({r.benchmark_index for pair in results.values() for r in pair})
        out.append(f"Machine benchmark index (Lighthouse): {indexes[0]:.0f}–{indexes[-1]:.0f}")
        out.append("")
        for path, (ours, peer) in results.items():
            out += page_table(path, ours, peer)
            out.append("")
    out.append("Search index (the file an edition's pages load once the reader turns to search; the peer's load it with the page)")
    out.append(f"  {'':4} {'ours KiB':>9} {'gzip':>7} {'entries':>8}   {'peer KiB':>9} {'gzip':>7} {'entries':>8}   ratio (gzip)")
    for lang in LANGUAGES:
        o, p = ours_index[lang], peer_index[lang]
        out.append(
            f"  {lang:4} {o[0] / 1024:9.1f} {o[1] / 1024:7.1f} {o[2]:8}   {p[0] / 1024:9.1f} {p[1] / 1024:7.1f} {p[2]:8}   {o[1] / p[1]:.2f}"
        )
    out.append("")
    if latency:
        out += search_latency.summary(latency, " (/modules/varfor-nara-vard/)")
        out.append("")
    out.append(f"Build time (median of {args.builds}, both sites, both languages)")
    out.append(f"  ours: {ours_build.wall_s:6.1f} s wall, {ours_build.cpu_s:6.1f} s CPU (strict)")
    out.append(f"  peer: {peer_build.wall_s:6.1f} s wall, {peer_build.cpu_s:6.1f} s CPU ({peer_build.warnings} warnings, not strict)")
    out.append(f"  ratio: {ours_build.wall_s / peer_build.wall_s:.2f} wall, {ours_build.cpu_s / peer_build.cpu_s:.2f} CPU")
    out.append("")
    if loop:
        out += author_loop.summary(loop)
        out.append("")
    out.append(
        f"Note: the peer has no macros plugin, so macro calls show as text on {macro_pages} of its "
        f"{len(measured_pages())} measured pages, and its links to generated files do not resolve."
    )
    out.append("")
    checks = check_targets(results, ours_build, peer_build) if results else []
    if not results:
        checks = [c for c in check_targets({}, ours_build, peer_build) if c[0].startswith("build")]
    for name, r in latency.items():
        if name.startswith("ours"):
            checks.append(
                (
                    f"first search ({name[5:]}): first key to results under {search_latency.TARGET_MS:.0f} ms at 4 × CPU",
                    r.first_key_ms < search_latency.TARGET_MS,
                    f"{r.first_key_ms:,.0f} ms (peer {latency['peer' + name[4:]].first_key_ms:,.0f} ms)",
                )
            )
    out.append("Targets (issues 9 and 31)")
    for label, ok, detail in checks:
        out.append(f"  {'met   ' if ok else 'MISSED'} {label}: {detail}")
    print("\n".join(out))

    summary = {
        "pages": {p: {"ours": asdict(o), "peer": asdict(q)} for p, (o, q) in results.items()},
        "search_index": {"ours": ours_index, "peer": peer_index},
        "build": {"ours": asdict(ours_build), "peer": asdict(peer_build)},
        "first_search": {name: asdict(r) for name, r in latency.items()},
        "author_loop": {name: asdict(m) for name, m in author_loop.medians(loop).items()} if loop else {},
        "targets": [{"target": label, "met": ok, "detail": detail} for label, ok, detail in checks],
    }
    (args.results / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    (args.results / "summary.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    if results:
        (args.results / "summary.md").write_text("\n".join(markdown_table(results)) + "\n", encoding="utf-8")
    print(f"\nRaw Lighthouse reports and summaries: {args.results.relative_to(ROOT) if args.results.is_relative_to(ROOT) else args.results}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
