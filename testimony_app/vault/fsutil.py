"""Durable, private file operations: atomic replace, directory fsync, owner-only modes.

Every file the vault writes that is not the SQLite database goes through `atomic_write`: a
temporary file in the same directory, fsync, rename over the target, fsync of the directory. A
crash at any point leaves either the old or the new content, never a mix or an empty file.
Nothing here uses the system temporary directory.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_MARKER = ".tmp-"


def set_private_umask() -> None:
    """Files and directories created by this process are readable by its owner only."""
    os.umask(0o077)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_dir(path: Path) -> None:
    """Create `path` (and missing parents) owner-only; tighten it if it already exists."""
    missing = []
    cursor = path
    while not cursor.exists():
        missing.append(cursor)
        cursor = cursor.parent
    for directory in reversed(missing):
        os.mkdir(directory, DIR_MODE)
        fsync_dir(directory.parent)
    os.chmod(path, DIR_MODE)


def temp_name_for(target: Path) -> Path:
    return target.with_name(f".{target.name}{TEMP_MARKER}{secrets.token_hex(8)}")


def create_private_file(path: Path) -> int:
    """Open a new file owner-only for writing; fails if it exists."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)


def write_all(fd: int, data: bytes | bytearray | memoryview) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves the old or the new content."""
    temp = temp_name_for(path)
    fd = create_private_file(temp)
    try:
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    fsync_dir(path.parent)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[int]:
    """Yield a file descriptor to stream into; the result appears at `path` only if complete."""
    temp = temp_name_for(path)
    fd = create_private_file(temp)
    try:
        try:
            yield fd
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    fsync_dir(path.parent)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def overwrite_and_unlink(path: Path) -> bool:
    """Overwrite a small file with random bytes, fsync it and unlink it. False if absent.

    On flash storage the old blocks may survive the overwrite (wear levelling); what is
    overwritten here is only ever key material already wrapped by the passphrase KDF.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    except FileNotFoundError:
        return False
    try:
        size = os.fstat(fd).st_size
        if size:
            write_all(fd, secrets.token_bytes(size))
            os.fsync(fd)
    finally:
        os.close(fd)
    os.unlink(path)
    return True


def unlink_if_present(path: Path) -> bool:
    try:
        os.unlink(path)
    except FileNotFoundError:
        return False
    return True
