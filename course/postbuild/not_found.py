"""One "page not found" page per edition.

mkdocs-static-i18n builds each edition into the same site folder, so the
English build would overwrite the Swedish `404.html` at the root. The
default edition's page is kept at the root, the others go to `<lang>/404.html`.
"""

from pathlib import Path

from course.editions import DEFAULT_LANGUAGE

_default_page: dict[str, str] = {}


def place_not_found_page(output: str, lang: str, site_dir: Path) -> str:
    """Return what MkDocs should write to the root 404.html."""
    if lang == DEFAULT_LANGUAGE:
        _default_page["html"] = output
        return output
    target = site_dir / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _default_page.get("html", output)
