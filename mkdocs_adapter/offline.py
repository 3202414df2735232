"""The offline build (a zip opened from disk): Material's offline plugin, with our own worker shim.

Material's offline plugin adds the iframe-worker shim from unpkg.com unless a
polyfill with "iframe-worker" in its name is configured. Ours (see the
comment in file-worker-shim.js) ships with the site, so nothing is fetched
from another host and the strict CSP holds.
"""

# The path must contain "iframe-worker" for Material's offline plugin to keep it.
SEARCH_SHIM = "assets/javascripts/search/file-worker-shim.js?iframe-worker"


def offline_enabled(config) -> bool:
    plugin = config["plugins"].get("material/offline") or config["plugins"].get("offline")
    return bool(plugin and plugin.config.enabled)


def use_local_search_shim(config) -> None:
    if offline_enabled(config):
        config["extra"]["polyfills"] = [SEARCH_SHIM]
