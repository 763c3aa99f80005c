"""FLAC cleaning: keep STREAMINFO and the audio frames, drop every other metadata block.

Vorbis comments (artist, title, free text), pictures, application blocks, cue sheets, seek
tables and padding all go; the frames are copied byte for byte. ID3v2 tags before the stream
are skipped by the caller; tags appended at the end by taggers that should not have (ID3v1,
APE, Lyrics3, ID3v2) are cut off by looking at the last bytes before they are written out.
"""

from __future__ import annotations

from collections.abc import Iterator

from testimony_app.media.audio_tags import trailing_tags_start
from testimony_app.media.errors import (
    CleaningFailed,
    FailureReason,
    NoCleaner,
    RefusalReason,
)
from testimony_app.media.kinds import MediaKind
from testimony_app.media.result import Removed
from testimony_app.media.streams import CHUNK_SIZE, Findings, Window

MAGIC = b"fLaC"
STREAMINFO_SIZE = 34
_STREAMINFO = 0
_PADDING = 1
_INVALID = 127
# Trailing tags are looked for in this many final bytes; a bigger one is refused, not kept.
TAIL_HOLDBACK = 4 * 1024 * 1024


def clean_flac(window: Window, start: int, findings: Findings) -> Iterator[bytes]:
    if window.peek(start, 4) != MAGIC:
        raise CleaningFailed(FailureReason.CORRUPT, MediaKind.FLAC)
    position = start + 4
    streaminfo = b""
    last = False
    while not last:
        header = window.require(position, 4)
        last = bool(header[0] & 0x80)
        block_type = header[0] & 0x7F
        length = int.from_bytes(header[1:4], "big")
        if not streaminfo:
            if block_type != _STREAMINFO or length != STREAMINFO_SIZE:
                raise CleaningFailed(FailureReason.CORRUPT, MediaKind.FLAC)
            streaminfo = window.require(position + 4, STREAMINFO_SIZE)
        elif block_type in (_STREAMINFO, _INVALID):
            raise CleaningFailed(FailureReason.CORRUPT, MediaKind.FLAC)
        elif block_type != _PADDING:
            findings.removed.add(Removed.FLAC_METADATA)
        target = position + 4 + length
        if window.skip_to(target) < target:
            raise CleaningFailed(FailureReason.TRUNCATED, MediaKind.FLAC)
        position = target
    sync = window.peek(position, 2)
    if len(sync) == 2 and (sync[0] != 0xFF or sync[1] & 0xFE != 0xF8):
        raise CleaningFailed(FailureReason.CORRUPT, MediaKind.FLAC)
    yield MAGIC + bytes([0x80 | _STREAMINFO]) + STREAMINFO_SIZE.to_bytes(3, "big") + streaminfo
    yield from _frames_without_trailing_tags(window, position, findings)


def _frames_without_trailing_tags(
    window: Window, position: int, findings: Findings
) -> Iterator[bytes]:
    while True:
        window.fill(position + TAIL_HOLDBACK + CHUNK_SIZE)
        if window.eof:
            break
        until = window.end - TAIL_HOLDBACK
        yield window.take(position, until - position)
        position = until
        window.release(position)
    tail = window.peek(position, window.end - position)
    end = trailing_tags_start(tail, findings.removed)
    if end is None:
        raise NoCleaner(MediaKind.FLAC, RefusalReason.VARIANT)
    if end:
        yield window.take(position, end)
