"""Crypto-erase: destroy the wrapped keys so the database is noise, in well under a second.

Takes no lock and needs no passphrase: it must work when the vault is open elsewhere and
when the person at the keyboard has seconds. The key slot copies are overwritten with random
bytes, fsynced and unlinked, and the directory is fsynced; only then are the database and its
side files unlinked (without overwriting: without the key they are already noise, and
overwriting a gigabyte would take too long).
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from pathlib import Path

from testimony_app.errors import VaultNotFound
from testimony_app.vault import database, fsutil, keyslots
from testimony_app.vault.database import DB_NAME
from testimony_app.vault.locking import LOCK_NAME
from testimony_app.vault.vault import REKEY_NAME


@dataclass(frozen=True)
class EraseReport:
    slot_copies_destroyed: int
    files_removed: int
    keys_destroyed_after: float  # seconds until the slot copies were gone and the folder synced
    seconds: float  # in all, with unlinking the database (the kernel frees ~0.3 s per GiB)


def _slot_files(directory: Path) -> list[Path]:
    return [directory / name for name in keyslots.COPY_NAMES] + keyslots.temporary_copies(directory)


def erase(directory: Path) -> EraseReport:
    started = time.perf_counter()
    directory = Path(directory)
    db_path = directory / DB_NAME
    if not directory.is_dir() or not (keyslots.any_copy_exists(directory) or db_path.exists()):
        raise VaultNotFound()
    destroyed = sum(fsutil.overwrite_and_unlink(path) for path in _slot_files(directory))
    fsutil.fsync_dir(directory)
    keys_destroyed_after = time.perf_counter() - started
    rekey_path = directory / REKEY_NAME
    others = [db_path, *database.side_files(db_path), rekey_path, *database.side_files(rekey_path)]
    others.append(directory / LOCK_NAME)
    removed = sum(fsutil.unlink_if_present(path) for path in others)
    fsutil.fsync_dir(directory)
    with contextlib.suppress(OSError):
        directory.rmdir()  # only if nothing else was left in it
        fsutil.fsync_dir(directory.parent)
    return EraseReport(destroyed, removed, keys_destroyed_after, time.perf_counter() - started)
