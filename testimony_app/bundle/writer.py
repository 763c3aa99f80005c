"""Writing a bundle: manifest and signature first, then every member, as ustar, into age.

The members' sizes and hashes must be known before the first byte goes out (they are in the
manifest at the start), so a member is given as its path, size, SHA-256 and a way to stream
its content; the content streamed is checked against them on the way, and any difference
aborts the bundle. Output goes to a temporary file beside the target, renamed into place only
once complete and fsynced: a cancelled or failed export leaves no file behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyrage

from testimony_app.bundle import keys
from testimony_app.bundle.handoff import Handoff
from testimony_app.bundle.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Manifest,
    Member,
)
from testimony_app.bundle.ustar import END_OF_ARCHIVE, member_header, padding
from testimony_app.errors import AppError
from testimony_app.vault import fsutil

CHUNK = 1024 * 1024


class ExportCancelled(AppError):
    default_message = "the export was cancelled; no file was written"


class MemberChanged(AppError):
    default_message = "a file changed while the bundle was written; no file was written"


@dataclass(frozen=True)
class OutMember:
    path: str
    size: int
    sha256: str
    chunks: Callable[[], Iterable[bytes]]  # streams the content (may be called once)

    def __repr__(self) -> str:
        return f"OutMember({self.path}, {self.size} bytes)"


def bytes_member(path: str, data: bytes) -> OutMember:
    return OutMember(path, len(data), hashlib.sha256(data).hexdigest(), lambda: (data,))


_END = object()


class _Ahead:
    """An iterator run on a thread of its own, at most `depth` items ahead of its reader.

    Stages on two such threads overlap: while one waits in SQLite or hashlib (both let go of
    the GIL) the other gets on. Memory stays bounded by `depth` items; an error in the
    iterator is raised to the reader where it stands; `close` stops the thread.
    """

    def __init__(self, items: Iterator[object], depth: int, name: str) -> None:
        self._items = items
        self._queue: queue.Queue[object] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._produce, name=name, daemon=True)
        self._thread.start()

    def _put(self, item: object) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _produce(self) -> None:
        try:
            for item in self._items:
                if not self._put(item):
                    return
        except BaseException as error:  # noqa: BLE001 - handed to the reading thread
            self._put(_Failure(error))
            return
        finally:
            close = getattr(self._items, "close", None)
            if close is not None:
                close()  # a generator's own clean-up runs here, on its thread
        self._put(_END)

    def __iter__(self) -> Iterator[object]:
        while True:
            item = self._queue.get()
            if item is _END:
                return
            if isinstance(item, _Failure):
                raise item.error
            yield item

    def close(self) -> None:
        """Stop the thread (the reader gave up, or is done) and wait for it."""
        self._stop.set()
        with contextlib.suppress(queue.Empty):
            while True:
                self._queue.get_nowait()
        self._thread.join()


class _TarStream:
    """A readable file object over the tar, made by a producer thread (what pyrage reads).

    Reading the vault and cleaning run on one thread, hashing and the tar framing on another,
    while pyrage encrypts and the file is written on the calling thread: the stages overlap.
    At most `depth` pieces wait between them, so memory stays bounded whatever the size of
    the bundle.
    """

    def __init__(self, pieces: Iterator[bytes], depth: int = 4) -> None:
        self._ahead = _Ahead(pieces, depth, "bundle-writer")
        self._pieces = iter(self._ahead)
        self._current = memoryview(b"")
        self._done = False
        self.error: BaseException | None = None  # what stopped the stream (pyrage rewraps it)

    def _next_piece(self) -> bool:
        while True:
            try:
                item = next(self._pieces)
            except StopIteration:
                self._done = True
                return False
            except BaseException as error:
                self._done = True
                self.error = error
                raise
            assert isinstance(item, bytes)
            if item:
                self._current = memoryview(item)
                return True

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            parts = [bytes(self._current)]
            self._current = memoryview(b"")
            while not self._done and self._next_piece():
                parts.append(bytes(self._current))
                self._current = memoryview(b"")
            return b"".join(parts)
        while not self._current and not self._done:
            if not self._next_piece():
                break
        out = bytes(self._current[:size])
        self._current = self._current[size:]
        return out

    def readinto(self, buffer: bytearray | memoryview) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        """Stop the producer (after an error on the writing side) and wait for it."""
        self._ahead.close()


@dataclass(frozen=True)
class _Failure:
    error: BaseException


class _OutputFile:
    """The output file, written and hashed (for the audit log) beside pyrage's encryption.

    pyrage hands over the ciphertext 64 KiB at a time; writing it to the disk and hashing it
    run on a thread of their own (bundle.handoff), outside the GIL, so the encryption goes on
    meanwhile. An error there (the disk is full) comes back from the next `write`, and stays
    in `error`.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.hasher = hashlib.sha256()
        self.written = 0
        self._handoff = Handoff(self._write_now, depth=4, name="bundle-output")

    def _write_now(self, data: bytes) -> None:
        fsutil.write_all(self.fd, data)
        self.hasher.update(data)
        self.written += len(data)

    @property
    def error(self) -> BaseException | None:
        return self._handoff.error

    def write(self, data: bytes) -> int:
        self._handoff.put(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        """Wait until everything handed over is written (or failed); see `error`."""
        self._handoff.close()


@dataclass(frozen=True)
class WrittenBundle:
    path: Path
    sha256: str  # of the encrypted file
    size: int
    manifest: Manifest


def _pieces(
    manifest_bytes: bytes,
    signature: bytes,
    members: Sequence[OutMember],
    mtime: int,
    cancel: threading.Event | None,
    progress: Callable[[int, int], None] | None,
) -> Iterator[bytes]:
    for name, data in ((MANIFEST_NAME, manifest_bytes), (SIGNATURE_NAME, signature)):
        yield member_header(name, len(data), mtime) + data + padding(len(data))
    contents = _Ahead(_contents(members), 4, "bundle-reader")
    try:
        yield from _framed(members, contents, mtime, cancel, progress)
    finally:
        contents.close()


_MEMBER_END = object()


def _contents(members: Sequence[OutMember]) -> Iterator[object]:
    """Every member's content, one after the other, each followed by _MEMBER_END."""
    for member in members:
        yield from member.chunks()
        yield _MEMBER_END


def _framed(
    members: Sequence[OutMember],
    contents: _Ahead,
    mtime: int,
    cancel: threading.Event | None,
    progress: Callable[[int, int], None] | None,
) -> Iterator[bytes]:
    """The members as ustar: header, content (checked against size and hash), padding."""
    total = sum(member.size for member in members)
    done = 0
    items = iter(contents)
    for member in members:
        yield member_header(member.path, member.size, mtime)
        hasher = hashlib.sha256()
        size = 0
        for chunk in items:
            if chunk is _MEMBER_END:
                break
            assert isinstance(chunk, bytes)
            if cancel is not None and cancel.is_set():
                raise ExportCancelled()
            hasher.update(chunk)
            size += len(chunk)
            if size > member.size:
                raise MemberChanged()
            done += len(chunk)
            if progress is not None:
                progress(done, total)
            yield chunk
        if size != member.size or hasher.hexdigest() != member.sha256:
            raise MemberChanged()
        yield padding(member.size)
    yield END_OF_ARCHIVE


def write_bundle(
    out_path: Path,
    members: Sequence[OutMember],
    *,
    recipients: Sequence[str],
    signing_key: bytes,
    bundle_id: str,
    created: str,
    profile: str,
    counter: int,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> WrittenBundle:
    parsed_recipients = [keys.parse_recipient(recipient) for recipient in recipients]
    manifest = Manifest(
        bundle_id=bundle_id,
        created=created,
        profile=profile,
        sender_key=keys.public_of(signing_key),
        recipients=tuple(recipients),
        counter=counter,
        members=tuple(Member(m.path, m.size, m.sha256) for m in members),
    )
    manifest_bytes = manifest.to_bytes()
    signature = keys.sign(signing_key, manifest_bytes)
    mtime = 0  # no time in the archive: the manifest has the day, and that is all
    stream = _TarStream(_pieces(manifest_bytes, signature, members, mtime, cancel, progress))
    try:
        with fsutil.atomic_output(out_path) as fd:
            output = _OutputFile(fd)
            try:
                try:
                    pyrage.encrypt_io(stream, output, parsed_recipients)
                finally:
                    output.close()  # every byte handed over is written before the file closes
            except pyrage.EncryptError:
                if stream.error is not None:
                    raise stream.error from None
                if output.error is not None:
                    raise output.error from None  # the disk, say, was full
                raise
            if output.error is not None:
                raise output.error
    finally:
        stream.close()
    return WrittenBundle(out_path, output.hasher.hexdigest(), output.written, manifest)


def file_chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


__all__ = [
    "ExportCancelled",
    "MemberChanged",
    "OutMember",
    "WrittenBundle",
    "bytes_member",
    "file_chunks",
    "write_bundle",
]
