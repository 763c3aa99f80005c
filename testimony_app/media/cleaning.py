"""Cleaning an attachment before it leaves the vault: one entry point, deciding by content.

`clean_attachment` (the cleaned bytes, or written to a sink) and `clean_stream` (the cleaned
bytes piece by piece, for a writer that pulls) look at the file's first bytes, pick the cleaner
for what the bytes are, whatever the file is called or declared as, and report a mismatch.
Pictures are decoded whole within a pixel limit; sound and text stream through in chunks.
Formats without a cleaner raise NoCleaner before anything is read past the first 64 KiB.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import threading
from collections.abc import Iterator
from typing import BinaryIO

from testimony_app.media.detection import HEAD_SIZE, Detected, detect
from testimony_app.media.errors import (
    CleaningFailed,
    FailureReason,
    Mismatch,
    NoCleaner,
    RefusalReason,
)
from testimony_app.media.flac_cleaner import clean_flac
from testimony_app.media.image_cleaner import DEFAULT_MAX_PIXELS, clean_image
from testimony_app.media.kinds import (
    KIND_INFO,
    MediaKind,
    declared_type_matches,
    extension_matches,
)
from testimony_app.media.mp3_cleaner import clean_mp3, skip_leading_id3v2
from testimony_app.media.mpeg_audio import is_adts
from testimony_app.media.plan import PlanRecorder
from testimony_app.media.result import CleanResult
from testimony_app.media.streams import Findings, Progress, Source, SourceReader, Window
from testimony_app.media.text_cleaner import clean_text
from testimony_app.media.wav_cleaner import clean_wav

DEFAULT_MAX_IMAGE_BYTES = 256 * 1024 * 1024

IMAGE_KINDS = frozenset({MediaKind.JPEG, MediaKind.PNG, MediaKind.GIF, MediaKind.WEBP})
STREAMED_KINDS = frozenset({MediaKind.MP3, MediaKind.WAV, MediaKind.FLAC, MediaKind.TEXT})
CLEANABLE_KINDS = IMAGE_KINDS | STREAMED_KINDS
SNIFF_BYTES = HEAD_SIZE  # how much of the start decides a file's kind


def identify(head: bytes, *, complete: bool = False) -> MediaKind:
    """What a file is, from its first SNIFF_BYTES (`complete`: `head` is the whole file)."""
    return detect(head[:SNIFF_BYTES], complete=complete and len(head) <= SNIFF_BYTES).kind


def can_clean(head: bytes, *, complete: bool = False) -> bool:
    """Whether clean_attachment will try this file rather than refuse it at once.

    A True can still end in NoCleaner for an ID3-tagged file that turns out to hold AAC, or
    text that stops being text past the first SNIFF_BYTES.
    """
    detected = detect(head[:SNIFF_BYTES], complete=complete and len(head) <= SNIFF_BYTES)
    return detected.refusal is None and detected.kind in CLEANABLE_KINDS


def clean_attachment(
    source: Source,
    media_type: str,
    file_name: str,
    *,
    sink: BinaryIO | None = None,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_image_bytes: int = DEFAULT_MAX_IMAGE_BYTES,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> CleanResult:
    """Clean one attachment: the result holds the cleaned bytes, or they go to `sink`.

    `media_type` and `file_name` are what the file claims to be; they are only compared with
    the content (see `CleanResult.mismatches`). Raises NoCleaner, CleaningFailed or
    CleaningCancelled; after an error, whatever was written to `sink` must be discarded.
    """
    stream = clean_stream(
        source,
        media_type,
        file_name,
        max_pixels=max_pixels,
        max_image_bytes=max_image_bytes,
        progress=progress,
        cancel=cancel,
    )
    if sink is not None:
        for piece in stream:
            sink.write(piece)
        return stream.result
    collected = io.BytesIO()
    for piece in stream:
        collected.write(piece)
    return dataclasses.replace(stream.result, data=collected.getvalue())


def clean_stream(
    source: Source,
    media_type: str,
    file_name: str,
    *,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_image_bytes: int = DEFAULT_MAX_IMAGE_BYTES,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> CleanedStream:
    """The cleaned bytes as an iterator of pieces; `.result` once it is exhausted.

    The first bytes are read and the kind decided at once, so NoCleaner for a format without a
    cleaner comes from this call; other errors come while iterating. Cleaning is
    deterministic: the same source cleaned twice gives the same bytes (a writer that needs
    the size and hash first can clean once to measure and once to write).
    """
    reader = SourceReader(source, progress=progress, cancel=cancel)
    head = reader.read(SNIFF_BYTES)
    complete = len(head) < SNIFF_BYTES
    detected = detect(head, complete=complete)
    claims = _Claims(media_type, file_name)
    if detected.refusal is not None or detected.kind not in CLEANABLE_KINDS:
        reason = detected.refusal or RefusalReason.FORMAT
        raise claims.attach_to(NoCleaner(detected.kind, reason))
    info = KIND_INFO[detected.kind]
    findings = Findings(detected.kind, info.media_type, info.extension)
    pieces = _pieces(
        reader,
        head,
        detected,
        findings,
        complete=complete,
        max_pixels=max_pixels,
        max_image_bytes=max_image_bytes,
    )
    return CleanedStream(pieces, reader, findings, claims)


class CleanedStream:
    """Cleaned bytes, piece by piece, hashed and counted on the way."""

    def __init__(
        self,
        pieces: Iterator[bytes],
        reader: SourceReader,
        findings: Findings,
        claims: _Claims,
    ) -> None:
        self._pieces = pieces
        self._reader = reader
        self._findings = findings
        self._claims = claims
        self._hash = hashlib.sha256()
        self._size = 0
        self._result: CleanResult | None = None
        self._failed = False
        self._plan = PlanRecorder() if findings.kind in STREAMED_KINDS else None

    @property
    def kind(self) -> MediaKind:
        """What the content was found to be (final once iteration has started)."""
        return self._findings.kind

    def __iter__(self) -> CleanedStream:
        return self

    def __next__(self) -> bytes:
        if self._failed:
            raise RuntimeError("the cleaning failed; there is nothing more to read")
        try:
            piece = next(self._pieces)
        except StopIteration:
            if self._result is None:
                self._result = self._finish()
            raise
        except NoCleaner as refusal:
            self._failed = True
            raise self._claims.attach_to(refusal) from None
        except CleaningFailed as failure:
            self._failed = True
            if failure.kind is None:
                failure.kind = self._findings.kind
            raise
        except BaseException:
            self._failed = True
            raise
        self._hash.update(piece)
        self._size += len(piece)
        if self._plan is not None:
            self._plan.add(piece)
        return piece

    @property
    def result(self) -> CleanResult:
        if self._result is None:
            raise RuntimeError("the cleaned stream has not been read to its end")
        return self._result

    def _finish(self) -> CleanResult:
        findings = self._findings
        streamed = findings.kind in STREAMED_KINDS
        total = self._reader.total if self._reader.total is not None else self._reader.done
        return CleanResult(
            kind=findings.kind,
            media_type=findings.media_type,
            extension=findings.extension,
            size=self._size,
            sha256=self._hash.hexdigest(),
            data=None,
            removed=frozenset(findings.removed),
            changes=frozenset(findings.changes),
            mismatches=self._claims.mismatches(findings.kind),
            bytes_removed=max(0, total - self._size) if streamed else 0,
            plan=self._plan.plan if self._plan is not None and streamed else None,
        )

    def __repr__(self) -> str:
        return f"CleanedStream({self._findings.kind.value}, {self._size} bytes so far)"


@dataclasses.dataclass(frozen=True)
class _Claims:
    """What the file said it was; kept only to compare, never shown or logged."""

    media_type: str = dataclasses.field(repr=False)
    file_name: str = dataclasses.field(repr=False)

    def mismatches(self, kind: MediaKind) -> frozenset[Mismatch]:
        found = set()
        if not declared_type_matches(kind, self.media_type):
            found.add(Mismatch.DECLARED_TYPE)
        if not extension_matches(kind, self.file_name):
            found.add(Mismatch.FILE_EXTENSION)
        return frozenset(found)

    def attach_to(self, refusal: NoCleaner) -> NoCleaner:
        refusal.mismatches = self.mismatches(refusal.kind)
        return refusal


def _pieces(
    reader: SourceReader,
    head: bytes,
    detected: Detected,
    findings: Findings,
    *,
    complete: bool,
    max_pixels: int,
    max_image_bytes: int,
) -> Iterator[bytes]:
    kind = detected.kind
    if kind in IMAGE_KINDS:
        if len(head) > max_image_bytes:
            raise CleaningFailed(FailureReason.TOO_LARGE, kind)
        data = head if complete else head + reader.read_all(max_image_bytes - len(head))
        del head
        yield clean_image(
            data, kind, findings, max_pixels=max_pixels, check_cancel=reader.check_cancel
        )
        return
    window = Window(reader, head, eof=complete)
    del head
    if kind is MediaKind.WAV:
        yield from clean_wav(window, findings)
    elif kind is MediaKind.TEXT:
        yield from clean_text(window, findings)
    elif kind is MediaKind.FLAC:
        yield from clean_flac(window, 0, findings)
    else:
        start = skip_leading_id3v2(window, 0, findings) if detected.id3_prefixed else 0
        following = window.peek(start, 4)
        if following == b"fLaC":
            findings.kind = MediaKind.FLAC
            findings.media_type = KIND_INFO[MediaKind.FLAC].media_type
            findings.extension = KIND_INFO[MediaKind.FLAC].extension
            yield from clean_flac(window, start, findings)
        elif detected.id3_prefixed and is_adts(following):
            findings.kind = MediaKind.AAC
            raise NoCleaner(MediaKind.AAC)
        else:
            yield from clean_mp3(window, start, findings)
