"""The `run:` steps of the GitHub Pages workflow, as its job runs them in one container image.

    python tools/workflow_steps.py --image python:3.13-trixie          # list them
    python tools/workflow_steps.py --image python:3.13-trixie --run    # run them here, timing each

tools/fresh-debian.sh runs them in a fresh Debian root of the image's
version, after the README's `make serve`. Steps that use an action
(checkout, the Pages artifact) are named and skipped: the clone stands for
the checkout. A step's `if:` and the `${{ }}` expressions are worked out for
the image's matrix entry; an expression this file does not know stops it,
so that the steps run here are the workflow's own.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
JOB = "test"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class Step:
    name: str
    run: str | None  # None: an action's step (uses:), not run here
    env: dict[str, str] = field(default_factory=dict)
    uses: str | None = None


def load(workflow: Path = WORKFLOW) -> dict:
    return yaml.safe_load(workflow.read_text(encoding="utf-8"))


def matrix_entry(workflow: dict, image: str) -> dict:
    entries = workflow["jobs"][JOB]["strategy"]["matrix"]["include"]
    found = [entry for entry in entries if entry["image"] == image]
    if len(found) != 1:
        raise SystemExit(f"no single matrix entry with image {image!r}; the workflow has {[e['image'] for e in entries]}")
    return found[0]


def context(matrix: dict, repository: str) -> dict:
    return {
        "matrix": matrix,
        "github": {
            "repository_owner": "owner",
            "event": {"repository": {"name": repository}},
            "ref": "refs/heads/main",
        },
    }


def value(expr: str, ctx: dict):
    """A dotted name (matrix.image, github.repository_owner), or NAME == 'text' / NAME != 'text'."""
    if match := re.fullmatch(r"([\w.]+)\s*(==|!=)\s*'([^']*)'", expr):
        left = value(match.group(1), ctx)
        return (left == match.group(3)) == (match.group(2) == "==")
    if not re.fullmatch(r"[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*", expr):
        raise SystemExit(f"tools/workflow_steps.py does not know the expression {expr!r}")
    current = ctx
    for part in expr.split("."):
        if not isinstance(current, dict) or part not in current:
            raise SystemExit(f"tools/workflow_steps.py does not know {expr!r}")
        current = current[part]
    return current


def substitute(text: str, ctx: dict) -> str:
    return EXPRESSION.sub(lambda m: str(value(m.group(1), ctx)), text)


def condition(text, ctx: dict) -> bool:
    if text is None:
        return True
    if isinstance(text, bool):
        return text
    match = EXPRESSION.fullmatch(text.strip())
    return bool(value(match.group(1) if match else text.strip(), ctx))


def steps(image: str, workflow: Path = WORKFLOW, repository: str = "course") -> list[Step]:
    """The job's steps for the image's matrix entry, with their `if:` and expressions worked out."""
    data = load(workflow)
    ctx = context(matrix_entry(data, image), repository)
    job = data["jobs"][JOB]
    if substitute(job["container"], ctx) != image:
        raise SystemExit(f"the job's container is {job['container']!r}, not the matrix image")
    found = []
    for number, step in enumerate(job["steps"], 1):
        if not condition(step.get("if"), ctx):
            continue
        env = {**{k: substitute(str(v), ctx) for k, v in job.get("env", {}).items()},
               **{k: substitute(str(v), ctx) for k, v in step.get("env", {}).items()}}
        name = step.get("name") or step.get("uses") or f"step {number}"
        run = substitute(step["run"], ctx) if "run" in step else None
        found.append(Step(name=name, run=run, env=env, uses=step.get("uses")))
    return found


def run(image: str) -> int:
    for step in steps(image, repository=ROOT.name):
        if step.run is None:
            print(f"== {step.name}: an action, not run here", flush=True)
            continue
        print(f"== {step.name}: {step.run.strip()}", flush=True)
        start = time.monotonic()
        # GitHub's shell for `run:` on Linux: bash --noprofile --norc -eo pipefail {0}
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.run],
                              cwd=ROOT, env={**os.environ, **step.env})
        seconds = time.monotonic() - start
        print(f"== {step.name}: {seconds:.0f} s, exit {proc.returncode}", flush=True)
        if proc.returncode:
            return proc.returncode
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--image", required=True, help="a matrix entry's image, e.g. python:3.13-trixie")
    parser.add_argument("--run", action="store_true", help="run the steps here, in order, stopping at a failure")
    args = parser.parse_args()
    if args.run:
        return run(args.image)
    for step in steps(args.image):
        env = " ".join(f"{k}={v}" for k, v in step.env.items())
        print(f"{step.name}: " + (f"uses {step.uses}" if step.run is None else f"{env + ' ' if env else ''}{step.run.strip()}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
