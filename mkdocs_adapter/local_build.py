"""Wires a local folder (LOCAL_DIR) into a build: one entry point for the hooks, and the folder for the macros.

MkDocs loads hooks.py and mkdocs-macros loads main.py separately; both read
the folder from here, set once per configuration in `prepare`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.local.docs import STAGE_ROOT, arrange_nav, section_translations, stage_docs
from course.local.folder import LocalFolder, load_local_folder, local_dir_from

BRANDING_KEYS = ("feedback_email", "accessibility_contact", "accessibility_response_days", "primary_color")
LOGO_SITE_PATH = "assets/images/lokal-logotyp"


@dataclass
class LocalBuild:
    folder: LocalFolder | None = None


LOCAL = LocalBuild()


def prepare(config, project_dir: Path) -> LocalFolder | None:
    """Read LOCAL_DIR's folder and point the build at it: staged pages, navigation, branding."""
    root = local_dir_from(config["extra"].get("local_dir"), project_dir)
    LOCAL.folder = folder = load_local_folder(root) if root else None
    if folder is None:
        return None
    docs_dir = Path(config["docs_dir"])
    # i18n builds the other editions with this same configuration, already prepared.
    if STAGE_ROOT not in docs_dir.parts:
        config["docs_dir"] = str(stage_docs(project_dir, docs_dir, folder))
        config["watch"] = [*config["watch"], str(docs_dir), str(folder.root)]
    config["nav"] = arrange_nav(config["nav"], folder)
    _translate_sections(config, folder)
    _apply_branding(config, folder)
    return folder


# Helper functions


def _translate_sections(config, folder: LocalFolder) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    titles = section_translations(folder)
    for language in i18n.config.languages:
        if language.locale in titles and titles[language.locale]:
            language.nav_translations = {**(language.nav_translations or {}), **titles[language.locale]}


def _apply_branding(config, folder: LocalFolder) -> None:
    settings, extra = folder.organisation, config["extra"]
    if "name" in settings:
        extra["organisation"] = settings["name"]
    for key in BRANDING_KEYS:
        if key in settings:
            extra[key] = settings[key]
    if "logo" in settings:
        logo: Path = settings["logo"]
        extra["logo"] = config["theme"]["logo"] = LOGO_SITE_PATH + logo.suffix
        extra["local_logo_file"] = str(logo)
