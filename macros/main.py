"""mkdocs-macros entry point: registers the macros authors call in pages."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def define_env(env):
    pass
