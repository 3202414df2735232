"""A build made for publishing should name its publisher: the warning when it does not.

The course itself names no publisher. Without an organisation, set in a local
folder's local.yml or in mkdocs.yml `extra`, the pages name nobody as
publisher or contact. They say that the organisation publishing the course
gives its name and contacts there. That is right for trying the course out.
A site published that way gives readers no one to write to, and the law on
accessibility of digital public services (lag (2018:1937)) requires a
contact in the accessibility statement. So a build made for publishing prints
a warning that names the settings to fill in. A build counts as made for
publishing when it has a site address (SITE_URL, outside `mkdocs serve`) or
builds for opening from disk (OFFLINE=true: make offline, make scorm).

The warning goes straight to standard error, not through MkDocs' log. Under
`--strict`, MkDocs counts every WARNING that reaches its `mkdocs` logger and
aborts the build at the end. This warning must not stop a build: a test or
trial build of `make offline` is made without an organisation on purpose.
A message at INFO level would not stop it either, but it would read as
routine among MkDocs' own INFO lines.
"""

from __future__ import annotations

import sys

from course.render.branding import PUBLISHER_SETTINGS, missing_publisher_settings
from mkdocs_adapter.offline import offline_enabled

_STATE: dict[str, object] = {"command": None, "warned": False}


def remember_command(command: str) -> None:
    """The MkDocs command (build, serve, gh-deploy): `mkdocs serve` sets a site address of its own."""
    _STATE["command"] = command
    _STATE["warned"] = False


def publishing_reason(config) -> str | None:
    """Why this build is one made for publishing, or None for a build to try the course out."""
    if offline_enabled(config):
        return "it is built to open from disk (OFFLINE=true, as make offline and make scorm build)"
    if _STATE["command"] != "serve" and config.get("site_url"):
        return f"it has a site address (SITE_URL={config['site_url']})"
    return None


def warning_text(missing: list[str], reason: str) -> str:
    extra_keys = ", ".join(missing)
    local_keys = ", ".join(PUBLISHER_SETTINGS[key] for key in missing)
    lines = [
        f"Warning: this build is made for publishing, since {reason}, but no publishing organisation is set.",
        f"  Missing: {extra_keys}.",
        "  Its pages name no one as publisher or contact; they say that the organisation publishing the course gives",
        "  its name and contacts there. Fill them in, in one of two places:",
        f"    - your local folder's local.yml (LOCAL_DIR=…), under organisation: {local_keys}",
        f"    - mkdocs.yml, under extra: {extra_keys}",
        "  The accessibility statement must give a contact: lag (2018:1937) om tillgänglighet till digital offentlig",
        "  service (the DOS law) requires it. examples/lokalt/local.yml shows every setting filled in.",
    ]
    return "\n".join(lines) + "\n"


def warn_if_publishing_without_organisation(config, stream=None) -> str | None:
    """Print the warning once per command when a build made for publishing lacks a publisher's setting."""
    reason, missing = publishing_reason(config), missing_publisher_settings(config["extra"])
    if not reason or not missing or _STATE["warned"]:
        return None
    _STATE["warned"] = True
    text = warning_text(missing, reason)
    stream = stream or sys.stderr
    stream.write(text)
    stream.flush()
    return text
