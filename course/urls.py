"""Links between the site's pages, as slash-separated paths relative to each other."""

import posixpath


def relative_url(url: str, other: str) -> str:
    """`url` relative to the page at `other`, the way MkDocs writes links between pages.

    The last part of `other` is left out when it has a dot (a file). Going higher
    than the root stops at the root, and a target ending in "/" keeps it.
    """
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    other_parts = _parts(other)
    dest_parts = _parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def _parts(path: str) -> list[str]:
    if not path.startswith("/"):
        path = "/" + path
    path = posixpath.normpath(path)[1:]
    return path.split("/") if path else []
