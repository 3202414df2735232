"""A running `mkdocs serve`, watched from outside: its CPU time, and when its rebuild is done.

Shared by tests/project/test_live_reload.py and bench/author_loop.py.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

QUIET_S = 0.3
# Watching files costs a few per cent of a core; a rebuild takes all of one.
IDLE_SHARE = 0.25


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process has used (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(pid: int, timeout_s: float = 120) -> bool:
    """Until the server has used under a quarter of a core for QUIET_S; False if that never came."""
    before, deadline = cpu_seconds(pid), time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        time.sleep(QUIET_S)
        now = cpu_seconds(pid)
        if now - before < IDLE_SHARE * QUIET_S:
            return True
        before = now
    return False
