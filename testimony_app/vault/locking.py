"""Advisory locks between programs using one vault (the GUI and the command line).

An open vault holds a shared lock on the `lock` file. Replacing the database file (rekey, the
completion of an interrupted rekey) needs the exclusive lock, so it never happens under a
program that still has the old file open. Rewriting the key slot copies takes a short exclusive
lock on the directory itself so that two rewrites never interleave. Crypto-erase takes no lock
at all: nothing may delay it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from testimony_app.errors import VaultBusy
from testimony_app.vault import fsutil

LOCK_NAME = "lock"
SLOT_LOCK_WAIT_SECONDS = 5.0


class VaultLock:
    """The per-process handle on a vault's `lock` file."""

    def __init__(self, directory: Path, *, create: bool) -> None:
        path = directory / LOCK_NAME
        flags = os.O_RDWR | os.O_CLOEXEC | (os.O_CREAT if create else 0)
        self._fd: int | None = os.open(path, flags, fsutil.FILE_MODE)

    def _flock(self, operation: int) -> None:
        if self._fd is None:
            raise VaultBusy("the vault lock was released")
        try:
            fcntl.flock(self._fd, operation | fcntl.LOCK_NB)
        except BlockingIOError:
            raise VaultBusy() from None

    def shared(self) -> None:
        self._flock(fcntl.LOCK_SH)

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Upgrade to exclusive for the duration; VaultBusy if another program has it open."""
        self._flock(fcntl.LOCK_EX)
        try:
            yield
        finally:
            if self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_SH)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


@contextlib.contextmanager
def slot_write_lock(directory: Path) -> Iterator[None]:
    """Serialise rewrites of the key slot copies across processes (waits a few seconds)."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        deadline = time.monotonic() + SLOT_LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise VaultBusy() from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)
