"""The course's language editions: Swedish at the root, the others under `/<lang>/`."""

DEFAULT_LANGUAGE = "sv"
OTHER_LANGUAGES = ("en",)
LANGUAGES = (DEFAULT_LANGUAGE, *OTHER_LANGUAGES)


def edition_prefix(lang: str) -> str:
    """Where an edition's pages live, relative to the site root."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
