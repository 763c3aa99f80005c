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


class _TarStream:
    """A readable file object over the tar, made by a producer thread (what pyrage reads).

    Reading the vault, cleaning and hashing run in the producer while pyrage encrypts and the
    file is written here: the stages overlap. At most `depth` pieces wait between the two, so
    memory stays bounded whatever the size of the bundle.
    """

    def __init__(self, pieces: Iterator[bytes], depth: int = 8) -> None:
        self._pieces = pieces
        self._queue: queue.Queue[object] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._current = memoryview(b"")
        self._done = False
        self.error: BaseException | None = None  # what stopped the stream (pyrage rewraps it)
        self._thread = threading.Thread(target=self._produce, name="bundle-writer", daemon=True)
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
            for piece in self._pieces:
                if piece and not self._put(piece):
                    return
        except BaseException as error:  # noqa: BLE001 - handed to the reading thread
            self._put(_Failure(error))
            return
        self._put(_END)

    def _next_piece(self) -> bool:
        item = self._queue.get()
        if item is _END:
            self._done = True
            return False
        if isinstance(item, _Failure):
            self._done = True
            self.error = item.error
            raise item.error
        assert isinstance(item, bytes)
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
        self._stop.set()
        with contextlib.suppress(queue.Empty):
            while True:
                self._queue.get_nowait()
        self._thread.join()


@dataclass(frozen=True)
class _Failure:
    error: BaseException


class _HashingFile:
    """The output file, hashing the ciphertext as it is written (for the audit log)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.hasher = hashlib.sha256()
        self.written = 0

    def write(self, data: bytes) -> int:
        fsutil.write_all(self.fd, data)
        self.hasher.update(data)
        self.written += len(data)
        return len(data)

    def flush(self) -> None:
        pass


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
    total = sum(member.size for member in members)
    done = 0
    for name, data in ((MANIFEST_NAME, manifest_bytes), (SIGNATURE_NAME, signature)):
        yield member_header(name, len(data), mtime) + data + padding(len(data))
    for member in members:
        yield member_header(member.path, member.size, mtime)
        hasher = hashlib.sha256()
        size = 0
        for chunk in member.chunks():
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
            output = _HashingFile(fd)
            try:
                pyrage.encrypt_io(stream, output, parsed_recipients)
            except pyrage.EncryptError:
                if stream.error is not None:
                    raise stream.error from None
                raise
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
