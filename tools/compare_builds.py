"""Build the course from two git revisions and compare the two sites, file for file and byte for byte.

    .venv/bin/python tools/compare_builds.py HEAD~1 HEAD      two commits
    .venv/bin/python tools/compare_builds.py main .           main against the work tree as it is (uncommitted too)
    .venv/bin/python tools/compare_builds.py HEAD HEAD --generator-b .venv-properdocs/bin/properdocs

Each revision is exported with `git archive` into a temporary folder (the work tree "." is copied
with its untracked, unignored files) and built there with `mkdocs build --strict` from this Python,
in the same environment: SITE_URL, OFFLINE and LOCAL_DIR are unset, unless given with --env.
The summary says how many files are identical, lists the files only one side has and those that
differ, and shows a short unified diff of the first differing text file (HTML first).
Exit code: 0 when both sites are identical, 1 when they differ, 2 when a build fails.
It proves "no behaviour change" for a refactoring (issue 29).
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Variables that change what the build writes; each side gets them unset unless --env sets them.
BUILD_VARIABLES = ("SITE_URL", "OFFLINE", "LOCAL_DIR")
TEXT_SUFFIXES = (".html", ".xml", ".txt", ".md", ".css", ".js", ".json", ".svg", ".csp", ".webmanifest")


@dataclass
class Comparison:
    """The outcome of comparing two site folders."""

    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)
    differing: list[str] = field(default_factory=list)
    identical: list[str] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not (self.only_a or self.only_b or self.differing)

    @property
    def total(self) -> int:
        return len(self.identical) + len(self.differing) + len(self.only_a) + len(self.only_b)


# Helper functions


def site_files(site: Path) -> list[str]:
    # Every file under the site, as a sorted list of POSIX paths relative to it
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def compare_sites(a: Path, b: Path) -> Comparison:
    """Compare two built sites: which files each has, and whether the shared ones are equal in bytes."""
    files_a, files_b = set(site_files(a)), set(site_files(b))
    result = Comparison(only_a=sorted(files_a - files_b), only_b=sorted(files_b - files_a))
    for name in sorted(files_a & files_b):
        same = (a / name).read_bytes() == (b / name).read_bytes()
        (result.identical if same else result.differing).append(name)
    return result


def first_diff(a: Path, b: Path, differing: list[str], *, max_lines: int = 40) -> str:
    """A short unified diff of the first differing text file, HTML first; '' when none is text."""
    texts = [n for n in differing if n.endswith(".html")] + [
        n for n in differing if n.endswith(TEXT_SUFFIXES) and not n.endswith(".html")
    ]
    for name in texts:
        # Built HTML is often minified onto few lines: split at tags, so the diff shows the spot.
        def lines(path: Path) -> list[str]:
            text = path.read_text(encoding="utf-8", errors="replace")
            return text.replace("><", ">\n<").splitlines()

        diff = list(difflib.unified_diff(lines(a / name), lines(b / name), f"a/{name}", f"b/{name}", n=2, lineterm=""))
        shown = [line if len(line) <= 200 else line[:200] + " …" for line in diff[:max_lines]]
        if len(diff) > max_lines:
            shown.append(f"… ({len(diff) - max_lines} more diff lines)")
        return "\n".join(shown)
    return ""


def summary(comparison: Comparison, a: Path, b: Path, *, label_a: str = "a", label_b: str = "b") -> str:
    """The report the tool prints: N of N identical, the files that differ and the first diff."""
    out = [f"{len(comparison.identical)} of {comparison.total} files identical ({label_a} vs {label_b})"]
    for title, names in (
        (f"only in {label_a}", comparison.only_a),
        (f"only in {label_b}", comparison.only_b),
        ("differing", comparison.differing),
    ):
        if names:
            out.append(f"{title} ({len(names)}):")
            out.extend(f"  {n}" for n in names)
    diff = first_diff(a, b, comparison.differing)
    if diff:
        out.append(diff)
    return "\n".join(out)


def export_revision(rev: str, dest: Path) -> None:
    # A commit through git archive; "." is the work tree as it is, uncommitted changes included
    dest.mkdir(parents=True)
    if rev == ".":
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT, check=True, capture_output=True,
        ).stdout.decode().split("\0")
        for name in filter(None, listed):
            src = ROOT / name
            if src.is_file() and not src.is_symlink():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest / name)
        return
    archive = subprocess.run(["git", "archive", "--format=tar", rev], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)


# One build date for both sides: the sitemap's <lastmod> is the day a build ran, so two
# builds on either side of midnight would otherwise differ (MkDocs and ProperDocs both
# read SOURCE_DATE_EPOCH).
BUILD_DATE_EPOCH = os.environ.get("SOURCE_DATE_EPOCH") or str(int(time.time()))


def build_env(extra: dict[str, str]) -> dict[str, str]:
    # This shell's environment less the build variables, plus --env
    env = {k: v for k, v in os.environ.items() if k not in BUILD_VARIABLES}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["SOURCE_DATE_EPOCH"] = BUILD_DATE_EPOCH
    env.update(extra)
    return env


def build(project: Path, site: Path, *, generator: list[str], env: dict[str, str]) -> tuple[int, str, float]:
    """Build `project` into `site` with `generator build --strict`; returns exit code, log and seconds."""
    start = time.perf_counter()
    proc = subprocess.run(
        [*generator, "build", "--strict", "--clean", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True,
    )
    return proc.returncode, proc.stdout + proc.stderr, time.perf_counter() - start


def generator_command(value: str | None) -> list[str]:
    # None: MkDocs from this Python (the project's .venv); else an executable such as properdocs
    return [sys.executable, "-m", "mkdocs"] if value is None else [str(Path(value).resolve()) if os.sep in value else value]


# Entry point


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev_a", help="a git revision, or '.' for the work tree")
    parser.add_argument("rev_b", help="a git revision, or '.' for the work tree")
    parser.add_argument("--env", action="append", default=[], metavar="KEY=VALUE",
                        help="set for both builds, e.g. --env OFFLINE=true (repeatable)")
    parser.add_argument("--generator-a", help="build side a with this executable instead of MkDocs")
    parser.add_argument("--generator-b", help="build side b with this executable instead of MkDocs")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = parser.parse_args(argv)

    extra = dict(item.split("=", 1) for item in args.env)
    env = build_env(extra)
    work = Path(tempfile.mkdtemp(prefix="compare-builds-"))
    start = time.perf_counter()
    try:
        sites = []
        for side, rev, gen in (("a", args.rev_a, args.generator_a), ("b", args.rev_b, args.generator_b)):
            project, site = work / f"src-{side}", work / f"site-{side}"
            export_revision(rev, project)
            code, log, seconds = build(project, site, generator=generator_command(gen), env=env)
            label = f"{rev}" + (f" with {gen}" if gen else "")
            print(f"built {side}: {label} in {seconds:.1f} s")
            if code != 0:
                print(f"build of {label} failed (exit {code}):\n{log}", file=sys.stderr)
                return 2
            sites.append((site, label))
        (site_a, label_a), (site_b, label_b) = sites
        comparison = compare_sites(site_a, site_b)
        print(summary(comparison, site_a, site_b, label_a=label_a, label_b=label_b))
        print(f"total {time.perf_counter() - start:.1f} s")
        return 0 if comparison.same else 1
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
