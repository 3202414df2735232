"""Zip-based documents (.docx, .odt): XML text, and the same bytes for the same content."""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass
from xml.sax.saxutils import escape

# Characters XML 1.0 cannot hold, or advises against: written as U+FFFD.
UNREPRESENTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
STORED, DEFLATED = 0, 8
VERSION = 20  # "2.0": what a reader needs to extract a stored or deflated member
# 1 January 1980, the format's earliest date, in MS-DOS form: a member's date
# would otherwise be the only thing that differs between two builds.
DOS_TIME, DOS_DATE = 0, (1 << 5) | 1
FILE_MODE = 0o644 << 16


def xml_text(text: str) -> str:
    """`text` as XML character data; a carriage return as a reference, which a reader would otherwise drop."""
    return escape(UNREPRESENTABLE.sub("\ufffd", text), {"\r": "&#13;"})


def xml_attribute(value: str) -> str:
    """`value` as an XML attribute value, quoted."""
    return '"' + escape(UNREPRESENTABLE.sub("\ufffd", value), {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}) + '"'


@dataclass(frozen=True)
class Member:
    """A part as it is stored in the zip: compressed once, however many documents hold it."""

    name: str
    data: bytes
    crc: int
    size: int
    method: int


def member(name: str, data: bytes, stored: bool = False) -> Member:
    if stored:
        return Member(name, data, zlib.crc32(data), len(data), STORED)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Member(name, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data), DEFLATED)


def zip_parts(parts: dict[str, bytes], stored: tuple[str, ...] = ()) -> bytes:
    """The parts as a zip, in the given order; the ones named in `stored` uncompressed."""
    return zip_members([member(name, data, name in stored) for name, data in parts.items()])


def zip_members(members: list[Member]) -> bytes:
    """A zip of the members, with the bytes Python's zipfile writes for them (fixed dates, mode 644)."""
    local, central = [], []
    offset = 0
    for m in members:
        name = m.name.encode("ascii")
        fields = (m.method, DOS_TIME, DOS_DATE, m.crc, len(m.data), m.size, len(name))
        header = struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", VERSION, 0, 0, *fields, 0) + name
        local += [header, m.data]
        central.append(struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", VERSION, 0, VERSION, 0, 0, *fields, 0, 0, 0, 0, FILE_MODE, offset) + name)
        offset += len(header) + len(m.data)
    directory = b"".join(central)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(local) + directory + end
