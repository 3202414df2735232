"""Make a zip-based document (.docx, .odt) the same bytes for the same content."""

from __future__ import annotations

import io
import zipfile

# The zip format's earliest date; the members' own dates are the only thing
# that changes between two runs of python-docx or odfpy.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def normalise(data: bytes, compress_type: int | None = None) -> bytes:
    """Rewrite the archive with fixed dates and attributes, keeping order and compression.

    `compress_type`, if given, is every member's compression instead of the
    one it has in `data` (a writer may then store its parts uncompressed).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            # ODF's mimetype must stay stored
            member.compress_type = info.compress_type if compress_type is None else compress_type
            member.external_attr = 0o644 << 16
            member.create_system = 0
            dst.writestr(member, src.read(info.filename), compresslevel=9 if member.compress_type else None)
    return out.getvalue()
