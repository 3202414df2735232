"""Zip-based documents (.docx, .odt): XML text, and the same bytes for the same content."""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

# The zip format's earliest date: the members' dates would otherwise be the
# only thing that changes between two builds.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
# Characters XML 1.0 cannot hold, or advises against: written as U+FFFD.
UNREPRESENTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` as XML character data; a carriage return as a reference, which a reader would otherwise drop."""
    return escape(UNREPRESENTABLE.sub("\ufffd", text), {"\r": "&#13;"})


def xml_attribute(value: str) -> str:
    """`value` as an XML attribute value, quoted."""
    return '"' + escape(UNREPRESENTABLE.sub("\ufffd", value), {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}) + '"'


def zip_parts(parts: dict[str, bytes], stored: tuple[str, ...] = ()) -> bytes:
    """The parts as a zip, in the given order, with fixed dates; the ones named in `stored` uncompressed."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            member = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            member.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            member.create_system = 0
            archive.writestr(member, data, compresslevel=9 if member.compress_type else None)
    return out.getvalue()
