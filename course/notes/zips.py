"""Make a zip-based document (.docx, .odt) the same bytes for the same content."""

from __future__ import annotations

import io
import zipfile

# The zip format's earliest date; the members' own dates are the only thing
# that changes between two runs of python-docx or odfpy.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def normalise(data: bytes) -> bytes:
    """Rewrite the archive with fixed dates and attributes, keeping order and compression."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            member.compress_type = info.compress_type  # ODF's mimetype must stay stored
            member.external_attr = 0o644 << 16
            member.create_system = 0
            dst.writestr(member, src.read(info.filename), compresslevel=9 if info.compress_type else None)
    return out.getvalue()
