"""Vault backups: one encrypted file that the vault's passphrase (or recovery code) opens.

Layout, all integers big-endian:

    16 bytes   magic "testimony-bkp/1\\n"
     4 bytes   length L of the key slots document (1 .. 65536)
     L bytes   the key slots document, exactly as in the vault
     8 bytes   length N of the database (a positive multiple of 4096)
     N bytes   a consistent SQLCipher 4 copy of vault.db under the same data key
    32 bytes   SHA-256 of everything above

The file holds nothing the vault directory does not already hold in encrypted form. Restoring
checks the digest, the passphrase and every page before the new vault appears, and never
replaces an existing vault.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import struct
from pathlib import Path
from typing import Any, BinaryIO

from testimony_app.errors import BackupInvalid, CorruptionReason, VaultCorrupted, VaultExists
from testimony_app.vault import database, fsutil, keyslots
from testimony_app.vault.database import DB_NAME, PAGE_SIZE, Connection
from testimony_app.vault.keyslots import KeySlots, SlotKind
from testimony_app.vault.locking import LOCK_NAME
from testimony_app.vault.subkeys import SubkeyLabel, derive_subkey, wipe

MAGIC = b"testimony-bkp/1\n"
CHUNK = 1024 * 1024
DIGEST_BYTES = 32


def write_backup(
    out: Path, *, connection: Connection, data_key: bytearray, slots: KeySlots
) -> None:
    if out.exists():
        raise VaultExists("the backup file already exists")
    slot_bytes = keyslots.serialise(slots)
    snapshot = fsutil.temp_name_for(out)
    try:
        with database.corruption_is_typed():
            database.export_copy(connection, snapshot, data_key, wal=False)
        size = snapshot.stat().st_size
        digest = hashlib.sha256()
        with fsutil.atomic_output(out) as fd, open(snapshot, "rb") as source:

            def emit(data: bytes) -> None:
                digest.update(data)
                fsutil.write_all(fd, data)

            emit(MAGIC + struct.pack(">I", len(slot_bytes)) + slot_bytes + struct.pack(">Q", size))
            while chunk := source.read(CHUNK):
                emit(chunk)
            fsutil.write_all(fd, digest.digest())
    finally:
        for path in [snapshot, *database.side_files(snapshot)]:
            fsutil.unlink_if_present(path)


def _read_exact(handle: BinaryIO, count: int, digest: Any) -> bytes:
    data = handle.read(count)
    if len(data) != count:
        raise BackupInvalid()
    digest.update(data)
    return bytes(data)


def _copy_database(handle: BinaryIO, size: int, target: Path, digest: Any) -> None:
    fd = fsutil.create_private_file(target)
    try:
        remaining = size
        while remaining:
            chunk = _read_exact(handle, min(CHUNK, remaining), digest)
            fsutil.write_all(fd, chunk)
            remaining -= len(chunk)
        os.fsync(fd)
    finally:
        os.close(fd)


def restore_backup(backup_file: Path, target: Path, *, kind: SlotKind, secret: bytes) -> None:
    """Build a vault at `target` from a backup, verified in full before it appears."""
    from testimony_app.vault.vault import _prepare_target, _staging_dir, install_staged

    _prepare_target(target)
    total = backup_file.stat().st_size
    staging = _staging_dir(target, "restore")
    os.mkdir(staging, fsutil.DIR_MODE)
    try:
        digest = hashlib.sha256()
        with open(backup_file, "rb") as handle:
            if _read_exact(handle, len(MAGIC), digest) != MAGIC:
                raise BackupInvalid()
            (slot_length,) = struct.unpack(">I", _read_exact(handle, 4, digest))
            if not 0 < slot_length <= keyslots.MAX_FILE_BYTES:
                raise BackupInvalid()
            slot_bytes = _read_exact(handle, slot_length, digest)
            (db_size,) = struct.unpack(">Q", _read_exact(handle, 8, digest))
            expected_total = len(MAGIC) + 4 + slot_length + 8 + db_size + DIGEST_BYTES
            if db_size == 0 or db_size % PAGE_SIZE or expected_total != total:
                raise BackupInvalid()
            _copy_database(handle, db_size, staging / DB_NAME, digest)
            stored_digest = handle.read(DIGEST_BYTES)
        if stored_digest != digest.digest():
            raise BackupInvalid()
        try:
            slots = keyslots.parse(slot_bytes)
        except keyslots._DamagedCopy:
            raise BackupInvalid() from None
        master_key = keyslots.unwrap(slots, kind, secret)
        data_key = derive_subkey(master_key, SubkeyLabel.DATA_KEY)
        wipe(master_key)
        try:
            _make_live(staging / DB_NAME, data_key, slots.vault_id)
        finally:
            wipe(data_key)
        keyslots.store(staging, slots)
        os.close(fsutil.create_private_file(staging / LOCK_NAME))
        install_staged(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _make_live(db_path: Path, data_key: bytearray, vault_id: str) -> None:
    """Switch the copied database to WAL and check every page before it becomes a vault."""
    raw = database._connect(db_path, data_key)
    try:
        with database.corruption_is_typed():
            mode = raw.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    except VaultCorrupted:
        raise BackupInvalid() from None
    finally:
        raw.close()
    if str(mode).lower() != "wal":
        raise BackupInvalid()
    try:
        connection = database.open_database(db_path, data_key, vault_id=vault_id)
    except VaultCorrupted:
        raise BackupInvalid() from None
    try:
        if database.integrity_problems(connection):
            raise VaultCorrupted(CorruptionReason.INTEGRITY)
    finally:
        with contextlib.suppress(Exception):
            connection.close()
