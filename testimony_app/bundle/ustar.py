"""POSIX ustar, both ways: headers for the members we write, and a strict push parser for reading.

A bundle holds only regular files with short relative names, so plain ustar (POSIX.1-1988)
is all it needs: no pax or GNU extension headers, no links, no directories. Headers are
deterministic and say nothing of the machine: owner 0:0 with no user or group names, mode
0600, one fixed time. The parser takes bytes as they are decrypted and raises `TarRejected`
at the first header that is anything else — a link, a device, an absolute or ".." path, a
size in base-256, a bad checksum — before any of that member's content is handed on.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass

BLOCK = 512
NAME_LIMIT = 100
MAX_OCTAL_SIZE = 8**11 - 1  # what 11 octal digits hold: just under 8 GiB
# A member name: relative, at most four '/'-separated parts, each starting with a letter or a
# digit (so never "", "." or ".."), of letters, digits, ".", "_" and "-" only.
SAFE_NAME = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9._\-]{0,63}(?:/[A-Za-z0-9][A-Za-z0-9._\-]{0,63}){0,3}"
)


class TarProblem(enum.Enum):
    BAD_HEADER = "a tar header is damaged"
    NOT_A_FILE = "a member is not a regular file (link, directory, device or extension)"
    BAD_NAME = "a member name is absolute, has '..' or unexpected characters"
    TOO_LARGE = "a member declares a size over the limit"
    TRUNCATED = "the archive ends in the middle of a member"
    TRAILING_DATA = "there is data after the end of the archive"


class TarRejected(Exception):
    def __init__(self, problem: TarProblem) -> None:
        self.problem = problem
        super().__init__(problem.value)


def _octal(value: int, width: int) -> bytes:
    text = f"{value:0{width - 1}o}".encode("ascii")
    if len(text) > width - 1:
        raise ValueError("value too large for its tar field")
    return text + b"\0"


def member_header(name: str, size: int, mtime: int) -> bytes:
    """The 512-byte ustar header of a regular file `name` of `size` bytes."""
    raw_name = name.encode("ascii")
    if not SAFE_NAME.fullmatch(name) or len(raw_name) >= NAME_LIMIT:
        raise ValueError("unsafe or too long member name")
    if not 0 <= size <= MAX_OCTAL_SIZE:
        raise ValueError("member too large for ustar")
    header = bytearray(BLOCK)
    header[0 : len(raw_name)] = raw_name
    header[100:108] = _octal(0o600, 8)
    header[108:116] = _octal(0, 8)  # uid
    header[116:124] = _octal(0, 8)  # gid
    header[124:136] = _octal(size, 12)
    header[136:148] = _octal(mtime, 12)
    header[148:156] = b" " * 8  # checksum placeholder
    header[156:157] = b"0"  # regular file
    header[257:263] = b"ustar\0"
    header[263:265] = b"00"
    checksum = sum(header)
    header[148:156] = f"{checksum:06o}".encode("ascii") + b"\0 "
    return bytes(header)


def padding(size: int) -> bytes:
    return b"\0" * (-size % BLOCK)


END_OF_ARCHIVE = b"\0" * (2 * BLOCK)


@dataclass(frozen=True)
class MemberInfo:
    name: str
    size: int


def _parse_octal(field: bytes) -> int:
    text = field.rstrip(b"\0 ").lstrip(b" ")
    if not text or not re.fullmatch(rb"[0-7]+", text):
        raise TarRejected(TarProblem.BAD_HEADER)
    return int(text, 8)


def parse_header(block: bytes, max_size: int) -> MemberInfo:
    if len(block) != BLOCK:
        raise TarRejected(TarProblem.TRUNCATED)
    stored = block[148:156]
    computed = sum(block[:148]) + 8 * 32 + sum(block[156:])
    try:
        if _parse_octal(stored) != computed:
            raise TarRejected(TarProblem.BAD_HEADER)
    except TarRejected:
        raise TarRejected(TarProblem.BAD_HEADER) from None
    if block[257:263] != b"ustar\0" or block[263:265] != b"00":
        raise TarRejected(TarProblem.BAD_HEADER)
    if block[156:157] not in (b"0", b"\0"):
        raise TarRejected(TarProblem.NOT_A_FILE)
    if block[345:500].strip(b"\0"):  # the ustar prefix field: our names never need it
        raise TarRejected(TarProblem.BAD_NAME)
    raw_name = block[0:100].split(b"\0", 1)[0]
    try:
        name = raw_name.decode("ascii")
    except UnicodeDecodeError:
        raise TarRejected(TarProblem.BAD_NAME) from None
    if not SAFE_NAME.fullmatch(name):
        raise TarRejected(TarProblem.BAD_NAME)
    if block[124] & 0x80:  # base-256 size: only for members over 8 GiB
        raise TarRejected(TarProblem.TOO_LARGE)
    size = _parse_octal(block[124:136])
    if size > max_size:
        raise TarRejected(TarProblem.TOO_LARGE)
    return MemberInfo(name, size)


class TarPushParser:
    """Feed decrypted bytes in; members come out through the callbacks, content in pieces.

    `on_member(info, total_so_far)` may raise to refuse a member before any of its content is
    passed on; `on_data(bytes)` gets its content; `on_end()` runs when the member is complete.
    `max_size(name_so_far)` is not known ahead: the size limit comes from `member_limit`.
    """

    def __init__(
        self,
        on_member: Callable[[MemberInfo], None],
        on_data: Callable[[bytes], None],
        on_end: Callable[[], None],
        member_limit: Callable[[], int],
    ) -> None:
        self._on_member = on_member
        self._on_data = on_data
        self._on_end = on_end
        self._member_limit = member_limit
        self._buffer = bytearray()
        self._remaining = 0  # content bytes left of the current member
        self._pad = 0  # padding bytes left after it
        self._in_member = False
        self._zero_blocks = 0
        self.finished = False

    def feed(self, data: bytes | bytearray | memoryview) -> None:
        view = memoryview(data)
        while view:
            if self.finished:
                if any(view):
                    raise TarRejected(TarProblem.TRAILING_DATA)
                return
            if self._in_member:
                if self._remaining:
                    piece = view[: self._remaining]
                    self._remaining -= len(piece)
                    view = view[len(piece) :]
                    self._on_data(bytes(piece))
                    if self._remaining:
                        continue
                if self._pad:
                    skip = min(self._pad, len(view))
                    if any(view[:skip]):
                        raise TarRejected(TarProblem.BAD_HEADER)
                    self._pad -= skip
                    view = view[skip:]
                    if self._pad:
                        continue
                self._in_member = False
                self._on_end()
                continue
            need = BLOCK - len(self._buffer)
            self._buffer += view[:need]
            view = view[need:]
            if len(self._buffer) < BLOCK:
                return
            block = bytes(self._buffer)
            self._buffer.clear()
            if not any(block):
                self._zero_blocks += 1
                if self._zero_blocks == 2:
                    self.finished = True
                continue
            if self._zero_blocks:
                raise TarRejected(TarProblem.BAD_HEADER)
            info = parse_header(block, self._member_limit())
            self._on_member(info)
            self._in_member = True
            self._remaining = info.size
            self._pad = -info.size % BLOCK
            if info.size == 0:
                self._in_member = False
                self._on_end()

    def close(self) -> None:
        """The input ended: it must have ended exactly at the end of the archive."""
        if self._in_member:
            if self._remaining == 0 and self._pad == 0:
                self._in_member = False
                self._on_end()
            else:
                raise TarRejected(TarProblem.TRUNCATED)
        if not self.finished:
            raise TarRejected(TarProblem.TRUNCATED)
