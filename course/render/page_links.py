"""Per-page links the templates need: hreflang alternates and the footer's pages."""

from urllib.parse import urljoin

FOOTER_PAGES = {"accessibility": "tillganglighet", "about": "om-kursen"}


def absolute_alternates(page, site_url: str) -> list[dict[str, str]]:
    """hreflang links must be absolute, so they exist only when the site address is known."""
    if not site_url or page is None:
        return []
    alternates = getattr(page.file, "alternates", {}) or {}
    return [{"lang": lang, "href": urljoin(site_url, f.url)} for lang, f in sorted(alternates.items())]


def footer_links(lang_prefix: str, use_directory_urls: bool) -> dict[str, str]:
    """Site-root-relative URLs of the footer's pages in this edition (for Jinja's `url` filter)."""
    suffix = "/" if use_directory_urls else ".html"
    links = {key: f"{lang_prefix}{name}{suffix}" for key, name in FOOTER_PAGES.items()}
    links["home"] = lang_prefix if use_directory_urls else f"{lang_prefix}index.html"
    return links
