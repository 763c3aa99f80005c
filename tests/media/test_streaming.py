"""Streaming: bounded memory for large audio, any kind of source, progress, cancel, determinism."""

from __future__ import annotations

import hashlib
import io
import threading
import tracemalloc
from collections.abc import Iterator

import pytest

from testimony_app.media import (
    CleaningCancelled,
    CleaningFailed,
    clean_attachment,
    clean_stream,
)
from tests.media import builders as b


class GeneratedMp3(io.RawIOBase):
    """A non-seekable MP3 of `frame_count` frames behind a big ID3v2 tag, made as it is read."""

    def __init__(self, frame_count: int) -> None:
        self._frames = b.mp3_frames(8)
        self._tag = b.id3v2_tag(
            [b.id3v2_frame("APIC", b"\0image/jpeg\0\3\0" + bytes(3_000_000), version=4)]
        )
        self._remaining = frame_count
        self._pending = self._tag

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while len(self._pending) < len(buffer) and self._remaining > 0:
            batch = min(self._remaining, 256)
            self._pending += b"".join(self._frames[i % 8] for i in range(batch))
            self._remaining -= batch
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


class HashingSink(io.RawIOBase):
    def __init__(self) -> None:
        self.hash = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.hash.update(data)
        self.size += len(data)
        return len(data)


def test_a_large_mp3_streams_in_bounded_memory() -> None:
    frame_count = 40_000  # about 20 MB of audio behind a 3 MB tag
    audio_size = sum(len(f) for f in b.mp3_frames(8)) * frame_count // 8
    sink = HashingSink()
    tracemalloc.start()
    try:
        result = clean_attachment(
            io.BufferedReader(GeneratedMp3(frame_count)), "audio/mpeg", "long.mp3", sink=sink
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.size == sink.size == audio_size
    assert result.sha256 == sink.hash.hexdigest()
    assert peak < 12 * 1024 * 1024, peak


def chunks_of(data: bytes, size: int) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def test_bytes_files_and_chunk_iterators_give_the_same_result() -> None:
    frames = b.mp3_frames(50)
    mp3 = b.id3v2_tag([]) + b"".join(frames) + b.id3v1_tag("a", "b", "c")
    from_bytes = clean_attachment(mp3, "audio/mpeg", "a.mp3")
    from_file = clean_attachment(io.BytesIO(mp3), "audio/mpeg", "a.mp3")
    from_chunks = clean_attachment(chunks_of(mp3, 333), "audio/mpeg", "a.mp3")
    assert from_bytes.data == from_file.data == from_chunks.data == b"".join(frames)
    assert from_bytes.sha256 == hashlib.sha256(b"".join(frames)).hexdigest()


def test_a_file_object_is_read_from_where_it_stands() -> None:
    png = b.png_bytes(b.upright_picture((8, 8)))
    source = io.BytesIO(b"prefix" + png)
    source.seek(6)
    assert clean_attachment(source, "image/png", "a.png").kind.value == "png"


def test_progress_reaches_the_total() -> None:
    mp3 = b"".join(b.mp3_frames(8)) * 400
    seen: list[tuple[int, int | None]] = []
    clean_attachment(
        mp3, "audio/mpeg", "a.mp3", progress=lambda done, total: seen.append((done, total))
    )
    assert seen[-1] == (len(mp3), len(mp3))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_cancel_stops_the_cleaning() -> None:
    cancel = threading.Event()
    mp3 = b"".join(b.mp3_frames(8)) * 3000

    def progress(done: int, total: int | None) -> None:
        cancel.set()

    with pytest.raises(CleaningCancelled):
        clean_attachment(io.BytesIO(mp3), "audio/mpeg", "a.mp3", progress=progress, cancel=cancel)
    already = threading.Event()
    already.set()
    with pytest.raises(CleaningCancelled):
        clean_attachment(
            b.png_bytes(b.upright_picture((8, 8))), "image/png", "a.png", cancel=already
        )


def test_a_stream_gives_its_result_at_the_end_and_is_deterministic() -> None:
    jpeg = b.jpeg_bytes(b.upright_picture((50, 40)))
    stream = clean_stream(jpeg, "image/jpeg", "a.jpg")
    with pytest.raises(RuntimeError):
        _ = stream.result
    first = b"".join(stream)
    again = b"".join(clean_stream(jpeg, "image/jpeg", "a.jpg"))
    assert first == again
    assert stream.result.size == len(first)
    assert stream.result.sha256 == hashlib.sha256(first).hexdigest()


def test_the_result_never_shows_the_data() -> None:
    result = clean_attachment(b"a secret line", "text/plain", "a.txt")
    assert "secret" not in repr(result)


def test_a_failed_stream_gives_no_result_afterwards() -> None:
    stream = clean_stream(b.id3v2_tag([]) + bytes(100), "audio/mpeg", "a.mp3")
    with pytest.raises(CleaningFailed):
        list(stream)
    with pytest.raises(RuntimeError):
        next(stream)
    with pytest.raises(RuntimeError):
        _ = stream.result
