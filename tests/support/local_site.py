"""The course built with the example local folder (examples/lokalt/), shared by the local-folder tests."""

from __future__ import annotations

from pathlib import Path

from tests.support.site_build import ROOT

EXAMPLE = ROOT / "examples" / "lokalt"
LOCAL_PAGE = "lokalt/var-fardplan/"
SWEDISH_ONLY_PAGE = "lokalt/kontakter/"
HIDDEN = "fordjupning/komplexa-system/"
PAGE_QUESTION = "lokal-fardplan-nav"
MODULE_STEP = "lokal-avtal"  # attached to module 4, after its own steps
MODULE_QUESTION = "lokal-avtal-fungerar"
MODULE_4 = "modules/kom-igang-tillsammans/"
# A word found only on a local page: the county's leadership group.
LOCAL_WORD = "Norrviksrådet"


def local_env(folder: Path = EXAMPLE) -> dict:
    return {"LOCAL_DIR": str(folder)}
