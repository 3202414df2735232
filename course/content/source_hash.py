"""A short, stable fingerprint of a Swedish source text, kept in data files beside what was written from it."""

import hashlib
import re
from pathlib import Path

HASH_LENGTH = 12
HASH_PATTERN = re.compile(rf"^[0-9a-f]{{{HASH_LENGTH}}}$")


def text_hash(text: str) -> str:
    # Line endings, spaces at the end of a line and a byte-order mark do not count as a change.
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    normal = "\n".join(line.rstrip() for line in lines).strip("\n") + "\n"
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def file_hash(path: Path) -> str:
    return text_hash(path.read_text(encoding="utf-8"))
