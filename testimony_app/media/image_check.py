"""A last look at a re-encoded picture: its structure must hold pixels and nothing else.

The encoders are given a fresh image with no metadata, so this should never fire. It is here
because a future Pillow could start writing something of its own accord (a comment, a
profile, a timestamp): walking the output's segments, chunks or markers catches that before
a file leaves the machine.
"""

from __future__ import annotations

import re
import struct

from testimony_app.media.errors import CleaningFailed, FailureReason
from testimony_app.media.kinds import MediaKind

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_ALLOWED = frozenset({b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"})
# DQT, SOF0/1/2, DHT, DRI; SOS and APP0 are handled apart.
_JPEG_ALLOWED = frozenset({0xDB, 0xC0, 0xC1, 0xC2, 0xC4, 0xDD})
_JPEG_MARKER_IN_SCAN = re.compile(rb"\xff[^\x00\xd0-\xd7]")
_WEBP_ALLOWED = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH"})
_VP8X_METADATA_FLAGS = 0x20 | 0x08 | 0x04 | 0x02  # ICC, EXIF, XMP, animation


def check_output(kind: MediaKind, data: bytes) -> None:
    """CleaningFailed(OUTPUT_CHECK) unless `data` holds nothing but the picture."""
    checks = {MediaKind.JPEG: _jpeg_ok, MediaKind.PNG: _png_ok, MediaKind.WEBP: _webp_ok}
    try:
        ok = checks[kind](data)
    except (IndexError, struct.error):
        ok = False
    if not ok:
        raise CleaningFailed(FailureReason.OUTPUT_CHECK, kind)


def _jpeg_ok(data: bytes) -> bool:
    if not data.startswith(b"\xff\xd8") or not data.endswith(b"\xff\xd9"):
        return False
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return False
        marker = data[position + 1]
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        body = data[position + 4 : position + 2 + length]
        if marker == 0xDA:  # one baseline scan, then the end
            scan = data[position + 2 + length : -2]
            return _JPEG_MARKER_IN_SCAN.search(scan) is None
        if marker == 0xE0:
            # JFIF with no thumbnail: identifier, version, units, density, 0 x 0 thumbnail
            if length != 16 or body[:5] != b"JFIF\x00" or body[12:14] != b"\x00\x00":
                return False
        elif marker not in _JPEG_ALLOWED:
            return False
        position += 2 + length
    return False


def _png_ok(data: bytes) -> bool:
    if not data.startswith(_PNG_SIGNATURE):
        return False
    position = len(_PNG_SIGNATURE)
    first = True
    while position + 12 <= len(data):
        length: int = struct.unpack(">I", data[position : position + 4])[0]
        chunk_type = data[position + 4 : position + 8]
        if chunk_type not in _PNG_ALLOWED or first != (chunk_type == b"IHDR"):
            return False
        first = False
        position += 12 + length
        if chunk_type == b"IEND":
            return position == len(data)
    return False


def _webp_ok(data: bytes) -> bool:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return False
    if struct.unpack("<I", data[4:8])[0] != len(data) - 8:
        return False
    position = 12
    while position + 8 <= len(data):
        chunk_type = data[position : position + 4]
        length: int = struct.unpack("<I", data[position + 4 : position + 8])[0]
        if chunk_type not in _WEBP_ALLOWED:
            return False
        if chunk_type == b"VP8X" and data[position + 8] & _VP8X_METADATA_FLAGS:
            return False
        position += 8 + length + length % 2
    return position == len(data)
