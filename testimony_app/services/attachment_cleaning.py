"""Attachments for a bundle: cleaned by testimony_app.media, measured before they are written.

A bundle's manifest, at its start, lists every member's size and SHA-256, so a cleaned
attachment must be measured before the bundle is written. Cleaning is deterministic: it runs
once to measure and again while the bundle is written (the writer checks that the bytes are
the same). Small results are kept from the first run instead, within a memory budget for the
whole bundle, so that pictures are not decoded twice; nothing is ever written to disk.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from testimony_app import media
from testimony_app.media import CleanResult, MediaKind, NoCleaner
from testimony_app.media import plan as media_plan
from testimony_app.vault.bundle_repository import CleanedDigest

SNIFF_BYTES = media.SNIFF_BYTES
# Bump when a cleaner changes what it writes: digests measured by older cleaners are then
# measured again rather than trusted.
CLEANER_VERSION = "media-1"
KEEP_IN_MEMORY = 8 * 1024 * 1024  # a cleaned result this small is kept from the first run
MEMORY_BUDGET = 96 * 1024 * 1024  # in all, per bundle


def can_clean(head: bytes) -> bool:
    return media.can_clean(head, complete=len(head) < SNIFF_BYTES)


@dataclass(frozen=True)
class Cleaned:
    extension: str  # without the dot
    media_type: str
    size: int
    sha256: str
    chunks: Callable[[], Iterable[bytes]]
    result: CleanResult | None  # None: sent as it is (the user overrode the missing cleaner)

    def __repr__(self) -> str:
        return f"Cleaned({self.media_type}, {self.size} bytes)"


class MemoryBudget:
    def __init__(self, limit: int = MEMORY_BUDGET) -> None:
        self.left = limit

    def take(self, size: int) -> bool:
        if size > KEEP_IN_MEMORY or size > self.left:
            return False
        self.left -= size
        return True


def clean(
    open_chunks: Callable[[], Iterator[bytes]],
    media_type: str,
    file_name: str = "",
    *,
    allow_uncleaned: bool = False,
    budget: MemoryBudget | None = None,
    cancel: threading.Event | None = None,
    known: CleanedDigest | None = None,
    open_unchecked: Callable[[], Iterator[bytes]] | None = None,
) -> Cleaned:
    """Measure the cleaned form of an attachment (NoCleaner if it has no cleaner).

    With `known` (measured before, by this CLEANER_VERSION), nothing is read now: the bundle
    streams the attachment once and its writer checks it against what was known. Where the
    measurement wrote down a plan (sound, text), that stream only cuts the plan's ranges from
    the original; otherwise (pictures) the file is cleaned again as it streams.
    `open_unchecked` streams the original without checking its own hash, for the plan: the
    writer checks the cleaned bytes against the known hash, which is enough.
    """
    if known is not None and not needs_measuring(known):
        plan = media_plan.decode(known.plan) if known.plan else None

        def stream_once() -> Iterator[bytes]:
            if plan is not None:
                yield from media_plan.follow((open_unchecked or open_chunks)(), plan)
            else:
                yield from media.clean_stream(open_chunks(), media_type, file_name, cancel=cancel)

        return Cleaned(
            known.extension, known.media_type, known.size, known.sha256, stream_once, None
        )
    kept: list[bytes] | None = []
    size = 0
    try:
        # NoCleaner comes from the call for most formats, and while reading for a few (an AAC
        # stream behind an ID3 tag, text that turns out not to be text after 64 KiB).
        stream = media.clean_stream(open_chunks(), media_type, file_name, cancel=cancel)
        for piece in stream:
            size += len(piece)
            if kept is not None:
                if size <= KEEP_IN_MEMORY:
                    kept.append(piece)
                else:
                    kept = None
    except NoCleaner:
        if not allow_uncleaned:
            raise
        return _as_it_is(open_chunks, media_type)
    result = stream.result
    extension = result.extension.lstrip(".")
    if kept is not None and (budget or MemoryBudget()).take(size):
        data = b"".join(kept)
        return Cleaned(extension, result.media_type, size, result.sha256, lambda: (data,), result)

    def again() -> Iterator[bytes]:
        yield from media.clean_stream(open_chunks(), media_type, file_name, cancel=cancel)

    return Cleaned(extension, result.media_type, result.size, result.sha256, again, result)


def _as_it_is(open_chunks: Callable[[], Iterator[bytes]], media_type: str) -> Cleaned:
    hasher = hashlib.sha256()
    size = 0
    head = b""
    for chunk in open_chunks():
        if len(head) < SNIFF_BYTES:
            head += chunk[: SNIFF_BYTES - len(head)]
        hasher.update(chunk)
        size += len(chunk)
    kind = media.identify(head, complete=size < SNIFF_BYTES)
    info = media.kinds.KIND_INFO.get(kind) if kind is not MediaKind.UNKNOWN else None
    extension = info.extension.lstrip(".") if info else "bin"
    shown_type = info.media_type if info else "application/octet-stream"
    return Cleaned(extension, shown_type, size, hasher.hexdigest(), open_chunks, None)


def needs_measuring(known: CleanedDigest | None) -> bool:
    """Whether a stored measurement is missing, or was made before plans were written down."""
    return known is None or known.plan is None


def digest_of(cleaned: Cleaned) -> CleanedDigest | None:
    """What to keep of a measurement, for the next export; None for a file sent as it is."""
    if cleaned.result is None:
        return None
    plan = cleaned.result.plan
    return CleanedDigest(
        cleaned.media_type,
        cleaned.extension,
        cleaned.size,
        cleaned.sha256,
        "" if plan is None else media_plan.encode(plan),
    )
