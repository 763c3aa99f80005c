"""Tags that wrap or trail audio streams: ID3v2, ID3v1, APE and Lyrics3. Found, measured, skipped.

Every length read from a tag is bounded by the file itself: a tag that claims more than is there
ends at the end of the source, and nothing after it is ever mistaken for audio.
"""

from __future__ import annotations

import struct

from testimony_app.media.result import Removed
from testimony_app.media.streams import Window

ID3V2_HEADER_SIZE = 10
ID3V1_SIZE = 128
APE_BLOCK_SIZE = 32
LYRICS_BEGIN = b"LYRICSBEGIN"
_APE_IS_HEADER = 1 << 29
_APE_HAS_HEADER = 1 << 31


def id3v2_length(header: bytes) -> int | None:
    """The whole length of the ID3v2 tag this 10-byte header opens, or None if it is not one."""
    if len(header) < ID3V2_HEADER_SIZE or header[:3] != b"ID3":
        return None
    major, revision, flags = header[3], header[4], header[5]
    if major not in (2, 3, 4) or revision == 0xFF:
        return None
    size_bytes = header[6:10]
    if any(byte & 0x80 for byte in size_bytes):  # the size is "syncsafe": 7 bits a byte
        return None
    size = 0
    for byte in size_bytes:
        size = (size << 7) | byte
    footer = ID3V2_HEADER_SIZE if major == 4 and flags & 0x10 else 0
    return ID3V2_HEADER_SIZE + size + footer


def id3v2_footer_length(footer: bytes) -> int | None:
    """From an ID3v2.4 footer ("3DI"), the length of the whole tag it closes."""
    if len(footer) < ID3V2_HEADER_SIZE or footer[:3] != b"3DI":
        return None
    length = id3v2_length(b"ID3" + footer[3:10])
    if length is None or footer[3] != 4:
        return None
    return length


def ape_block(block: bytes) -> tuple[int, bool, bool] | None:
    """An APE header or footer: (size of items + footer, is this the header, has a header)."""
    if len(block) < APE_BLOCK_SIZE or block[:8] != b"APETAGEX":
        return None
    version, size, _count, flags = struct.unpack("<IIII", block[8:24])
    if version not in (1000, 2000) or size < APE_BLOCK_SIZE or any(block[24:32]):
        return None
    return size, bool(flags & _APE_IS_HEADER), bool(flags & _APE_HAS_HEADER)


def tag_at(window: Window, position: int) -> tuple[Removed, int] | None:
    """The tag starting at `position` and how many bytes to skip over it, if one starts there."""
    start = window.peek(position, APE_BLOCK_SIZE)
    if start[:3] == b"ID3":
        length = id3v2_length(start)
        return None if length is None else (Removed.ID3V2, length)
    if start[:8] == b"APETAGEX":
        block = ape_block(start)
        if block is None:
            return None
        size, is_header, _ = block
        # A header is followed by the items and a footer; a footer's items came before it.
        return Removed.APE, (APE_BLOCK_SIZE + size if is_header else APE_BLOCK_SIZE)
    if start[:3] == b"TAG" and window.at_end(position + ID3V1_SIZE):
        return Removed.ID3V1, ID3V1_SIZE
    if start[: len(LYRICS_BEGIN)] == LYRICS_BEGIN:
        # Lyrics3 holds text only; its body is dropped as non-audio bytes after the marker.
        return Removed.LYRICS3, len(LYRICS_BEGIN)
    return None


def trailing_tags_start(tail: bytes, removed: set[Removed]) -> int | None:
    """Where the tags at the end of `tail` begin (len(tail) if there are none).

    None when a tag says it begins before `tail` does: the caller held back too little.
    """
    end = len(tail)
    while True:
        if end >= ID3V1_SIZE and tail[end - ID3V1_SIZE : end - ID3V1_SIZE + 3] == b"TAG":
            end -= ID3V1_SIZE
            removed.add(Removed.ID3V1)
            continue
        block = ape_block(tail[end - APE_BLOCK_SIZE : end]) if end >= APE_BLOCK_SIZE else None
        if block is not None and not block[1]:
            size, _, has_header = block
            start = end - size - (APE_BLOCK_SIZE if has_header else 0)
            if start < 0:
                return None
            end = start
            removed.add(Removed.APE)
            continue
        if end >= 15 and tail[end - 9 : end] == b"LYRICS200" and tail[end - 15 : end - 9].isdigit():
            start = end - 15 - int(tail[end - 15 : end - 9])
            if start < 0:
                return None
            if tail[start : start + len(LYRICS_BEGIN)] == LYRICS_BEGIN:
                end = start
                removed.add(Removed.LYRICS3)
                continue
        footer = id3v2_footer_length(tail[end - ID3V2_HEADER_SIZE : end]) if end >= 10 else None
        if footer is not None:
            start = end - footer
            if start < 0:
                return None
            end = start
            removed.add(Removed.ID3V2)
            continue
        appended = _appended_id3v2(tail, end)
        if appended is not None:
            end = appended
            removed.add(Removed.ID3V2)
            continue
        return end


def _appended_id3v2(tail: bytes, end: int) -> int | None:
    """The start of an ID3v2 tag (without footer) that runs exactly to `end`, if any."""
    index = tail.rfind(b"ID3", 0, end)
    while index >= 0:
        if id3v2_length(tail[index : index + ID3V2_HEADER_SIZE]) == end - index:
            return index
        index = tail.rfind(b"ID3", 0, index)
    return None
