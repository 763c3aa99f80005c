"""Reading an attachment forward in bounded chunks, with progress, cancel and a sliding window.

Cleaners of streamed formats (sound, text) see the source through a `Window`: they address it
by absolute offset, ask for a few bytes ahead, and release what they are done with, so memory
holds about one chunk however large the file is.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol, cast

from testimony_app.media.errors import CleaningCancelled, CleaningFailed, FailureReason
from testimony_app.media.kinds import MediaKind
from testimony_app.media.plan import Verbatim
from testimony_app.media.result import Change, Removed

CHUNK_SIZE = 1024 * 1024

Progress = Callable[[int, int | None], None]


@dataclass
class Findings:
    """What a cleaner found and did, filled in as it goes."""

    kind: MediaKind
    media_type: str
    extension: str
    removed: set[Removed] = field(default_factory=set)
    changes: set[Change] = field(default_factory=set)


Source = BinaryIO | bytes | Iterable[bytes]


class SourceReader:
    """The source read forward once, in chunks; checks `cancel` and reports `progress`.

    A source is bytes, a binary file object (read from where it stands), or an iterable of
    byte chunks (such as the vault's attachment_store.read_chunks).
    """

    def __init__(
        self,
        source: Source,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.total: int | None
        self._file: _Readable
        if isinstance(source, bytes | bytearray | memoryview):
            self.total = len(source)
            self._file = io.BytesIO(source)
        elif hasattr(source, "read"):
            self._file = cast("BinaryIO", source)
            self.total = _remaining_size(cast("BinaryIO", source))
        else:
            self._file = _ChunkFile(iter(source))
            self.total = None
        self._progress = progress
        self._cancel = cancel
        self.done = 0

    def read(self, size: int = CHUNK_SIZE) -> bytes:
        """Up to `size` bytes; fewer only at the end of the source."""
        self.check_cancel()
        parts: list[bytes] = []
        wanted = size
        while wanted > 0:
            part = self._file.read(wanted)
            if not part:
                break
            parts.append(part)
            wanted -= len(part)
        data = b"".join(parts)
        if data:
            self.done += len(data)
            if self._progress is not None:
                self._progress(self.done, self.total)
        return data

    def read_all(self, limit: int) -> bytes:
        """The rest of the source, or CleaningFailed(TOO_LARGE) once it passes `limit` bytes."""
        if self.total is not None and self.total - self.done > limit:
            raise CleaningFailed(FailureReason.TOO_LARGE)
        parts: list[bytes] = []
        size = 0
        while chunk := self.read(min(CHUNK_SIZE, limit + 1 - size)):
            parts.append(chunk)
            size += len(chunk)
            if size > limit:
                raise CleaningFailed(FailureReason.TOO_LARGE)
        return b"".join(parts)

    def check_cancel(self) -> None:
        if self._cancel is not None and self._cancel.is_set():
            raise CleaningCancelled()


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class _ChunkFile:
    """read(n) over an iterator of chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def read(self, size: int = -1, /) -> bytes:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return b""
            self._pending = bytes(chunk)
        if size < 0 or size >= len(self._pending):
            out, self._pending = self._pending, b""
        else:
            out, self._pending = self._pending[:size], self._pending[size:]
        return out


def _remaining_size(source: BinaryIO) -> int | None:
    try:
        if not source.seekable():
            return None
        here = source.tell()
        end = source.seek(0, os.SEEK_END)
        source.seek(here)
    except (OSError, ValueError, AttributeError):
        return None
    return max(0, end - here)


class Window:
    """A forward-only view of the source by absolute offset, holding about one chunk."""

    def __init__(self, reader: SourceReader, head: bytes = b"", *, eof: bool = False) -> None:
        """`head`: what was already read from `reader`; `eof`: it was all there is."""
        self._reader = reader
        self.buffer = bytearray(head)
        self.base = 0  # absolute offset of buffer[0]
        self.eof = eof

    @property
    def end(self) -> int:
        """Absolute offset just past the bytes read so far."""
        return self.base + len(self.buffer)

    def fill(self, until: int) -> None:
        """Read until the buffer reaches absolute offset `until` or the source ends."""
        while self.end < until and not self.eof:
            chunk = self._reader.read(max(CHUNK_SIZE, until - self.end))
            if not chunk:
                self.eof = True
            else:
                self.buffer += chunk

    def at_end(self, position: int) -> bool:
        """True when `position` is exactly the end of the source."""
        self.fill(position + 1)
        return self.eof and position == self.end

    def peek(self, position: int, size: int) -> bytes:
        """The bytes at [position, position + size), shorter only at the end of the source."""
        if position < self.base:
            raise ValueError("the window has moved past this position")
        self.fill(position + size)
        start = position - self.base
        return bytes(self.buffer[start : start + size])

    def take(self, position: int, size: int) -> Verbatim:
        """Like peek, for bytes the cleaner keeps as they are: they carry their offset, so
        the cleaning can be written down as a plan (testimony_app.media.plan)."""
        if position < self.base:
            raise ValueError("the window has moved past this position")
        self.fill(position + size)
        start = position - self.base
        return Verbatim(self.buffer[start : start + size], position)

    def release(self, position: int) -> None:
        """Forget what lies before `position` (in large steps, to keep the copying cheap)."""
        drop = position - self.base
        if drop >= CHUNK_SIZE or drop >= len(self.buffer) > 0:
            drop = min(drop, len(self.buffer))
            del self.buffer[:drop]
            self.base += drop

    def skip_to(self, position: int) -> int:
        """Move past everything before `position` without keeping it; returns where it stopped
        (the end of the source if that comes first)."""
        if position <= self.end:
            self.release(position)
            return position
        self.base = self.end
        self.buffer.clear()
        while self.base < position and not self.eof:
            chunk = self._reader.read(min(CHUNK_SIZE, position - self.base))
            if not chunk:
                self.eof = True
            else:
                self.base += len(chunk)
        return min(position, self.base)

    def require(self, position: int, size: int) -> bytes:
        """Like peek, but CleaningFailed(TRUNCATED) when the source ends first."""
        data = self.peek(position, size)
        if len(data) < size:
            raise CleaningFailed(FailureReason.TRUNCATED)
        return data
