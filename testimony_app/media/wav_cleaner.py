"""WAV cleaning: a new RIFF file holding only the format, the fact chunk and the samples.

Everything else goes: LIST/INFO (artist, comments, software), Broadcast Wave `bext`
(originator, date, time), `iXML` (recorder, scene, notes), `id3 `, XMP (`_PMX`), cue points and
junk. The samples are copied byte for byte, in chunks. The RIFF size is recomputed; the
declared sizes of the chunks we keep are checked against the file.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from testimony_app.media.errors import CleaningFailed, FailureReason
from testimony_app.media.kinds import MediaKind
from testimony_app.media.result import Removed
from testimony_app.media.streams import CHUNK_SIZE, Findings, Window

MAX_FMT_SIZE = 4096
MAX_FACT_SIZE = 64
_RIFF_HEADER_SIZE = 12


def clean_wav(window: Window, findings: Findings) -> Iterator[bytes]:
    position = _RIFF_HEADER_SIZE
    fmt: bytes | None = None
    fact: bytes | None = None
    while True:
        header = window.peek(position, 8)
        if len(header) < 8:
            failure = FailureReason.TRUNCATED if fmt is not None else FailureReason.CORRUPT
            raise CleaningFailed(failure, MediaKind.WAV)
        chunk_id, size = header[:4], struct.unpack("<I", header[4:8])[0]
        if chunk_id == b"data":
            break
        if chunk_id == b"fmt ":
            if fmt is not None or not 16 <= size <= MAX_FMT_SIZE:
                raise CleaningFailed(FailureReason.CORRUPT, MediaKind.WAV)
            fmt = window.require(position + 8, size)
        elif chunk_id == b"fact":
            if fact is not None or not 4 <= size <= MAX_FACT_SIZE:
                raise CleaningFailed(FailureReason.CORRUPT, MediaKind.WAV)
            fact = window.require(position + 8, size)
        else:
            findings.removed.add(Removed.RIFF_CHUNKS)
        position = _skip_chunk(window, position, size)
    if fmt is None:
        raise CleaningFailed(FailureReason.CORRUPT, MediaKind.WAV)
    kept = [(b"fmt ", fmt)] + ([(b"fact", fact)] if fact is not None else [])
    riff_size = 4 + sum(8 + len(body) + len(body) % 2 for _, body in kept) + 8 + size + size % 2
    if riff_size > 0xFFFFFFFF:
        raise CleaningFailed(FailureReason.CORRUPT, MediaKind.WAV)
    out = bytearray(b"RIFF" + struct.pack("<I", riff_size) + b"WAVE")
    for chunk_id, body in kept:
        out += chunk_id + struct.pack("<I", len(body)) + body + b"\0" * (len(body) % 2)
    out += b"data" + struct.pack("<I", size)
    yield bytes(out)
    yield from _samples(window, position + 8, size)
    if size % 2:
        yield b"\0"
    _note_what_follows(window, position + 8 + size + size % 2, findings)


def _skip_chunk(window: Window, position: int, size: int) -> int:
    body_end = position + 8 + size
    reached = window.skip_to(body_end + size % 2)
    if reached < body_end:
        raise CleaningFailed(FailureReason.TRUNCATED, MediaKind.WAV)
    return body_end + size % 2


def _samples(window: Window, position: int, size: int) -> Iterator[bytes]:
    remaining = size
    while remaining > 0:
        piece = window.take(position, min(CHUNK_SIZE, remaining))
        if not piece:
            raise CleaningFailed(FailureReason.TRUNCATED, MediaKind.WAV)
        yield piece
        position += len(piece)
        remaining -= len(piece)
        window.release(position)


def _note_what_follows(window: Window, position: int, findings: Findings) -> None:
    """Read past the rest only to report it; none of it is written."""
    while True:
        header = window.peek(position, 8)
        if not header:
            return
        if len(header) < 8 or not all(0x20 <= byte < 0x7F for byte in header[:4]):
            findings.removed.add(Removed.NON_AUDIO_DATA)
            return
        findings.removed.add(Removed.RIFF_CHUNKS)
        size = struct.unpack("<I", header[4:8])[0]
        position = position + 8 + size + size % 2
        if window.skip_to(position) < position:
            return
