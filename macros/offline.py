"""The offline build (a zip opened from disk): Material's offline plugin, with a local search shim.

Material's offline plugin adds the iframe-worker shim from unpkg.com unless a
polyfill named iframe-worker is already configured. A copy from npm (see
package.json; licence beside it) ships with the site instead, so nothing is
fetched from another host.
"""

SEARCH_SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"


def offline_enabled(config) -> bool:
    plugin = config["plugins"].get("material/offline") or config["plugins"].get("offline")
    return bool(plugin and plugin.config.enabled)


def use_local_search_shim(config) -> None:
    if offline_enabled(config):
        config["extra"]["polyfills"] = [SEARCH_SHIM]
