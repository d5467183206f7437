"""The hostile values the sweep posts, and the files it uploads (built in memory).

Plain data and pure functions: no Django, so the sweep and a quick shell can share them.
"""

from __future__ import annotations

import functools
import io
import json
import struct
import zlib

SCRIPT = "<script>alert(1)</script>"
# A Latin name with Cyrillic look-alikes, Hangul and Arabic, a right-to-left override (U+202E)
# and a right-to-left mark (U+200F): legitimate in a name field, dangerous if shown unisolated.
RTL_NAME = "Nguyễn \u202eVАN\u202c Аn 응우옌 \u200fمحمد"
TEXT_VARIANTS: dict[str, str] = {
    "100k characters": "x" * 100_000,
    "script tag": SCRIPT,
    "mixed scripts and right-to-left marks": RTL_NAME,
    "NUL byte": "a\x00b",
    "date 2026-02-30": "2026-02-30",
    "date 31/31/2026": "31/31/2026",
    "date 0000-00-00": "0000-00-00",
    "number -1": "-1",
    "number -600000": "-600000",
    "number 1e309": "1e309",
    "number 20 digits": "99999999999999999999",
    "number NaN": "NaN",
    "wrong choice": "no-such-choice",
}

# Raw bodies for JSON endpoints, besides each field replaced by the values above (and by
# wrong JSON types).
RAW_JSON_BODIES: dict[str, bytes] = {
    "not JSON": b"{'name': ",
    "a JSON array": b"[1, 2, 3]",
    "JSON null": b"null",
    "a JSON string": b'"<script>alert(1)</script>"',
    "nested 100k deep": b"[" * 100_000 + b"]" * 100_000,
    "invalid UTF-8": b'{"name": "\xff\xfe"}',
}
JSON_TYPE_VARIANTS: dict[str, object] = {
    "JSON null": None,
    "JSON list": ["<script>alert(1)</script>"],
    "JSON object": {"$gt": ""},
    "JSON true": True,
    "JSON huge integer": 10**30,
    "JSON float": 1e308,
}

# The first bytes of an ELF executable and of a Windows .exe.
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(56) + b"payload" * 64
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"This program cannot be run in DOS mode" * 16
)


def json_body(data: object) -> bytes:
    return json.dumps(data).encode()


# ---- zip bombs ---------------------------------------------------------------------------------


def _deflate_repeated(prefix: bytes, chunk: bytes, times: int, suffix: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of prefix + chunk * times + suffix, compressing `chunk` once.

    After a full flush a deflate stream holds no history, so every repetition of the chunk
    compresses to the same bytes and the gigabyte never has to pass through the compressor.
    Returns (compressed bytes, CRC-32 of the whole, uncompressed size).
    """

    def fresh():
        return zlib.compressobj(9, zlib.DEFLATED, -15)

    head = fresh()
    start = head.compress(prefix) + head.flush(zlib.Z_FULL_FLUSH)
    body = fresh()
    piece = body.compress(chunk) + body.flush(zlib.Z_FULL_FLUSH)
    tail = fresh()
    end = tail.compress(suffix) + tail.flush(zlib.Z_FINISH)
    crc = zlib.crc32(prefix)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    return start + piece * times + end, crc, len(prefix) + len(chunk) * times + len(suffix)


def _zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip archive from (name, stored bytes, method, crc, uncompressed size) members.

    Written by hand because zipfile cannot take data that is already compressed.
    """
    out = io.BytesIO()
    central = []
    for name, data, method, crc, size in members:
        encoded = name.encode()
        offset = out.tell()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size, len(encoded), 0
            )
        )
        out.write(encoded + data)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                method,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    directory_at = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), directory_at, 0
        )
    )
    return out.getvalue()


def _stored(name: str, text: str) -> tuple[str, bytes, int, int, int]:
    data = text.encode()
    return (name, data, 0, zlib.crc32(data), len(data))


_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="survey" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}
ONE_GB = 1 << 30


@functools.cache
def xlsx_bomb() -> bytes:
    """A 3.4 MB workbook whose one sheet unpacks to 1.1 GB: a million rows of `x`, declared
    honestly in the archive, so only a check of the unpacked sizes stops it."""
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    chunk = row * ((1 << 20) // len(row))
    prefix = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    data, crc, size = _deflate_repeated(prefix, chunk, 1100, b"</sheetData></worksheet>")
    if size <= ONE_GB:  # the sweep promises more than a gigabyte
        raise RuntimeError("the bomb is too small")
    members = [_stored(name, text) for name, text in _XLSX_PARTS.items()]
    members.append(("xl/worksheets/sheet1.xml", data, 8, crc, size))
    return _zip(members)


@functools.cache
def zip_bomb() -> bytes:
    """A 1 MB zip of one file of zeros that unpacks to 1.1 GB."""
    data, crc, size = _deflate_repeated(b"", bytes(1 << 20), 1100, b"")
    return _zip([("zeros.csv", data, 8, crc, size)])


# An XML "billion laughs": ten levels of ten references, a few hundred bytes that expand to 10⁹.
BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']><data id="household"><meta><instanceID>uuid:0</instanceID></meta><name>&lol9;</name></data>'
)
