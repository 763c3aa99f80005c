"""Plain UTF-8 text: passed through as it is, after checking that it is only text.

Plain text has no hidden place for metadata: what a reader sees is all there is. The one change
is that a UTF-8 byte order mark at the start is removed: it carries nothing but a hint of the
editor that wrote the file (Windows Notepad), and UTF-8 needs none. Line endings stay as they
are: they are part of the content. A file that turns out not to be valid UTF-8, or holds control
characters, is refused as not text.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from testimony_app.media.errors import NoCleaner
from testimony_app.media.kinds import MediaKind
from testimony_app.media.result import Change, Removed
from testimony_app.media.streams import CHUNK_SIZE, Findings, Window

UTF8_BOM = codecs.BOM_UTF8
# C0 controls other than tab, line feed, form feed and carriage return; DEL; C1 controls.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def is_text(decoded: str) -> bool:
    return CONTROL_CHARACTERS.search(decoded) is None


def clean_text(window: Window, findings: Findings) -> Iterator[bytes]:
    position = 0
    if window.peek(0, len(UTF8_BOM)) == UTF8_BOM:
        findings.removed.add(Removed.BYTE_ORDER_MARK)
        position = len(UTF8_BOM)
    findings.changes.add(Change.PASSED_THROUGH)
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    while piece := window.take(position, CHUNK_SIZE):
        _check(decoder, piece, final=False)
        yield piece
        position += len(piece)
        window.release(position)
    _check(decoder, b"", final=True)


def _check(decoder: codecs.IncrementalDecoder, piece: bytes, *, final: bool) -> None:
    try:
        decoded = decoder.decode(piece, final)
    except UnicodeDecodeError:
        raise NoCleaner(MediaKind.UNKNOWN) from None
    if not is_text(decoded):
        raise NoCleaner(MediaKind.UNKNOWN)
