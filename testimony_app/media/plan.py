"""A cleaning plan: how a streamed attachment's cleaned bytes are cut from the original.

A sound or text file is cleaned by keeping some of its bytes as they are (the audio frames,
the samples, the text) and writing a few new ones (a WAV or FLAC header). The plan written
down while it is cleaned — ranges of the original, in order, and the few new bytes — lets a
later export produce the same cleaned bytes by copying those ranges, without parsing the
file again frame by frame. It holds offsets and at most a few KiB of headers, never metadata:
only what the cleaner wrote out goes into it. The plan lives inside the vault, next to the
cleaned file's size and SHA-256, and whoever follows it checks the result against that hash.

A cleaner marks the bytes it keeps as they are by yielding `Verbatim` pieces (from
`Window.take`); anything else it yields is new bytes, kept in the plan literally. A cleaning
that writes much that is new (a picture encoded anew) has no plan: `PlanRecorder.plan` is
None, and the export cleans it again.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

MAX_LITERAL_BYTES = 64 * 1024  # new bytes a plan may hold (headers are a few dozen)
MAX_PIECES = 4096  # a file cut into more pieces than this is cleaned again instead
MAX_ENCODED_CHARS = 2 * MAX_LITERAL_BYTES + 64 * MAX_PIECES


class Verbatim(bytes):
    """Bytes a cleaner keeps exactly as they are in the original, from `offset` on."""

    offset: int

    def __new__(cls, data: bytes | bytearray | memoryview, offset: int) -> Verbatim:
        piece = super().__new__(cls, data)
        piece.offset = offset
        return piece


@dataclass(frozen=True)
class Span:
    """`length` bytes of the original from `offset` on."""

    offset: int
    length: int


Piece = Span | bytes
Plan = tuple[Piece, ...]


class PlanRecorder:
    """Writes the plan down from the pieces a cleaner yields; gives up when it would be big."""

    def __init__(self) -> None:
        self._pieces: list[Piece] | None = []
        self._literal = 0
        self._end = 0  # the original is followed forward: a range never starts before this

    def add(self, piece: bytes) -> None:
        pieces = self._pieces
        if pieces is None or not piece:
            return
        if isinstance(piece, Verbatim):
            if piece.offset < self._end:
                self._pieces = None
                return
            last = pieces[-1] if pieces else None
            if isinstance(last, Span) and last.offset + last.length == piece.offset:
                pieces[-1] = Span(last.offset, last.length + len(piece))
            else:
                pieces.append(Span(piece.offset, len(piece)))
            self._end = piece.offset + len(piece)
        else:
            self._literal += len(piece)
            if self._literal > MAX_LITERAL_BYTES:
                self._pieces = None
                return
            last = pieces[-1] if pieces else None
            if isinstance(last, bytes):
                pieces[-1] = last + bytes(piece)
            else:
                pieces.append(bytes(piece))
        if len(pieces) > MAX_PIECES:
            self._pieces = None

    @property
    def plan(self) -> Plan | None:
        return None if self._pieces is None else tuple(self._pieces)


def follow(chunks: Iterable[bytes], plan: Plan) -> Iterator[bytes]:
    """The cleaned bytes: the plan's ranges cut from the original as it streams by.

    Raises PlanMismatch when the original ends before a range does; a changed original
    is caught by the caller, which checks the result's hash.
    """
    source = iter(chunks)
    chunk = memoryview(b"")
    chunk_start = 0  # offset in the original of chunk[0]
    for piece in plan:
        if isinstance(piece, bytes):
            yield piece
            continue
        position, end = piece.offset, piece.offset + piece.length
        while position < end:
            chunk_end = chunk_start + len(chunk)
            if position >= chunk_end:
                try:
                    next_chunk = next(source)
                except StopIteration:
                    raise PlanMismatch() from None
                chunk_start, chunk = chunk_end, memoryview(next_chunk)
                continue
            here = position - chunk_start
            upto = min(end, chunk_end) - chunk_start
            if here == 0 and upto == len(chunk):
                yield chunk.obj if isinstance(chunk.obj, bytes) else bytes(chunk)
            else:
                yield bytes(chunk[here:upto])
            position = chunk_start + upto
    for _ in source:  # read to the end: the source may check its own hash there
        pass


class PlanMismatch(ValueError):
    """The original is shorter than the plan says."""


def encode(plan: Plan) -> str:
    """The plan as compact JSON: [offset, length] for a range, a base64 string for new bytes."""
    items: list[object] = [
        [piece.offset, piece.length]
        if isinstance(piece, Span)
        else base64.b64encode(piece).decode("ascii")
        for piece in plan
    ]
    return json.dumps(items, separators=(",", ":"))


def decode(text: str) -> Plan | None:
    """The plan `encode` wrote, or None for anything else (a damaged plan is not followed)."""
    if len(text) > MAX_ENCODED_CHARS:
        return None
    try:
        items = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nested deep on purpose
        return None
    if not isinstance(items, list) or len(items) > MAX_PIECES:
        return None
    plan: list[Piece] = []
    end = 0
    for item in items:
        if isinstance(item, str):
            try:
                plan.append(base64.b64decode(item, validate=True))
            except (binascii.Error, ValueError):
                return None
        elif (
            isinstance(item, list)
            and len(item) == 2
            and all(type(value) is int for value in item)
            and item[0] >= end
            and item[1] > 0
        ):
            plan.append(Span(item[0], item[1]))
            end = item[0] + item[1]
        else:
            return None
    return tuple(plan)


__all__ = [
    "Piece",
    "Plan",
    "PlanMismatch",
    "PlanRecorder",
    "Span",
    "Verbatim",
    "decode",
    "encode",
    "follow",
]
