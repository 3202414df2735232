"""The course's language editions: Swedish at the root, the others under `/<lang>/`."""

import posixpath

DEFAULT_LANGUAGE = "sv"
OTHER_LANGUAGES = ("en",)
LANGUAGES = (DEFAULT_LANGUAGE, *OTHER_LANGUAGES)


def edition_base_url(base_url: str, lang: str) -> str:
    """The page's relative URL to its own edition's root.

    Material uses this `base` for the search index and to find the same page
    in the other language; both must be per edition, not per site.
    """
    if lang == DEFAULT_LANGUAGE:
        return base_url
    # The trailing slash matters: browsers resolve "search/..." against it.
    return posixpath.join(base_url, lang) + "/"


def edition_prefix(lang: str) -> str:
    """Where an edition's pages live, relative to the site root."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
