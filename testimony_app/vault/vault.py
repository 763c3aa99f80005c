"""The vault: create, unlock, change passphrase, rekey, back up, lock.

A vault is a directory holding `vault.db` (SQLCipher 4 under a raw data key), two copies of
the key slots, and an empty `lock` file. The data key is derived from a master key that only
ever exists wrapped in a key slot on disk. See docs/vault.md for the reasoning.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import secrets
import shutil
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from testimony_app.errors import (
    CorruptionReason,
    VaultCorrupted,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WeakPassphrase,
)
from testimony_app.vault import audit_log, database, fsutil, keyslots
from testimony_app.vault.audit_log import AuditAction
from testimony_app.vault.database import DB_NAME, Connection
from testimony_app.vault.kdf import KdfParams, calibrate
from testimony_app.vault.keyslots import KeySlots, SlotKind
from testimony_app.vault.locking import LOCK_NAME, VaultLock, slot_write_lock
from testimony_app.vault.recovery_code import RecoveryCode
from testimony_app.vault.subkeys import MASTER_KEY_BYTES, SubkeyLabel, derive_subkey, wipe

MIN_PASSPHRASE_CHARS = 8
DEFAULT_KDF_SECONDS = 1.0
REKEY_NAME = DB_NAME + ".rekey"
STAGING_MARKER = ".staging-"


def passphrase_bytes(passphrase: str) -> bytes:
    """Passphrases are compared after Unicode NFC, so the same Arabic typed two ways matches."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str) -> None:
    if len(unicodedata.normalize("NFC", passphrase)) < MIN_PASSPHRASE_CHARS:
        raise WeakPassphrase()


def has_vault(directory: Path) -> bool:
    return keyslots.any_copy_exists(directory) or (directory / DB_NAME).exists()


def _today() -> str:
    return datetime.datetime.now(datetime.UTC).date().isoformat()


def _staging_dir(target: Path, purpose: str) -> Path:
    return target.with_name(f".{target.name}{STAGING_MARKER}{purpose}-{secrets.token_hex(6)}")


def _remove_stale_staging(target: Path) -> None:
    """Staging folders left by a crash during create or restore hold no usable vault."""
    if not target.parent.exists():
        return
    for leftover in target.parent.glob(f".{target.name}{STAGING_MARKER}*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def _prepare_target(target: Path) -> None:
    if target.exists():
        if not target.is_dir() or has_vault(target):
            raise VaultExists()
        if any(target.iterdir()):
            raise VaultExists("the folder is not empty")
    missing = []
    cursor = target.parent
    while not cursor.exists():
        missing.append(cursor)
        cursor = cursor.parent
    for directory in reversed(missing):
        os.mkdir(directory, fsutil.DIR_MODE)
    _remove_stale_staging(target)


def install_staged(staging: Path, target: Path) -> None:
    """Move a complete vault folder into place in one rename (onto nothing or an empty dir)."""
    fsutil.fsync_dir(staging)
    try:
        os.rename(staging, target)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        raise VaultExists("the folder is not empty") from None
    fsutil.fsync_dir(target.parent)


def _resolve_data_key(master_key: bytearray) -> bytearray:
    return derive_subkey(master_key, SubkeyLabel.DATA_KEY)


class Vault:
    """An unlocked vault. Use `create`, `unlock` or `unlock_with_recovery_code`; `close` locks."""

    def __init__(
        self,
        path: Path,
        master_key: bytearray,
        lock: VaultLock,
        connection: Connection,
        vault_id: str,
    ) -> None:
        self.path = path
        self.vault_id = vault_id
        self._master_key: bytearray | None = master_key
        self._lock = lock
        self._connection: Connection | None = connection
        self._mutex = threading.RLock()

    # --- creating and opening -----------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path, passphrase: str, *, kdf_seconds: float | None = DEFAULT_KDF_SECONDS
    ) -> tuple[Vault, RecoveryCode]:
        """Make a new vault at `path`; the recovery code is returned once and stored nowhere."""
        path = Path(path)
        check_new_passphrase(passphrase)
        _prepare_target(path)
        passphrase_params = calibrate(kdf_seconds)
        master_key = bytearray(secrets.token_bytes(MASTER_KEY_BYTES))
        vault_id = secrets.token_hex(16)
        recovery_code = RecoveryCode.generate()
        staging = _staging_dir(path, "create")
        os.mkdir(staging, fsutil.DIR_MODE)
        try:
            data_key = _resolve_data_key(master_key)
            try:
                database.create_database(
                    staging / DB_NAME, data_key, vault_id=vault_id, created=_today()
                )
                database.open_database(staging / DB_NAME, data_key, vault_id=vault_id).close()
            finally:
                wipe(data_key)
            slots = KeySlots(
                vault_id=vault_id,
                epoch=1,
                slots=(
                    keyslots.wrap(
                        master_key,
                        vault_id=vault_id,
                        kind=SlotKind.PASSPHRASE,
                        secret=passphrase_bytes(passphrase),
                        params=passphrase_params,
                    ),
                    # 120 random bits need no stretching beyond the floor; see docs/vault.md.
                    keyslots.wrap(
                        master_key,
                        vault_id=vault_id,
                        kind=SlotKind.RECOVERY,
                        secret=recovery_code.value,
                        params=KdfParams.floor(),
                    ),
                ),
            )
            keyslots.store(staging, slots)
            os.close(fsutil.create_private_file(staging / LOCK_NAME))
            install_staged(staging, path)
        except BaseException:
            wipe(master_key)
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return cls._open_with_master(path, master_key), recovery_code

    @classmethod
    def unlock(cls, path: Path, passphrase: str) -> Vault:
        return cls._unlock(Path(path), SlotKind.PASSPHRASE, passphrase_bytes(passphrase))

    @classmethod
    def unlock_with_recovery_code(cls, path: Path, code: str | RecoveryCode) -> Vault:
        recovery = code if isinstance(code, RecoveryCode) else RecoveryCode.parse(code)
        return cls._unlock(Path(path), SlotKind.RECOVERY, recovery.value)

    @classmethod
    def _unlock(cls, path: Path, kind: SlotKind, secret: bytes) -> Vault:
        if not path.is_dir() or not keyslots.any_copy_exists(path):
            raise VaultNotFound()
        lock = _shared_lock(path)
        try:
            master_key = keyslots.unwrap(keyslots.load(path).slots, kind, secret)
        except BaseException:
            lock.release()
            raise
        return cls._open_with_master(path, master_key, lock)

    @classmethod
    def _open_with_master(
        cls, path: Path, master_key: bytearray, lock: VaultLock | None = None
    ) -> Vault:
        """Open with an already unwrapped master key (which the Vault then owns)."""
        connection = None
        data_key = _resolve_data_key(master_key)
        try:
            if not path.is_dir():
                raise VaultNotFound()
            if lock is None:
                lock = _shared_lock(path)
            loaded = keyslots.load(path)
            vault_id = loaded.slots.vault_id
            connection = _open_resolving_rekey(path, data_key, vault_id, lock)
            _tidy_slots(path, repair=loaded.needs_repair)
            _tighten_modes(path)
            return cls(path, master_key, lock, connection, vault_id)
        except BaseException:
            if connection is not None:
                connection.close()
            if lock is not None:
                lock.release()
            wipe(master_key)
            raise
        finally:
            wipe(data_key)

    # --- using ---------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._connection is not None

    def _require_connection(self) -> Connection:
        if self._connection is None:
            raise VaultLocked()
        return self._connection

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction: committed durably on success, rolled back on any error."""
        with self._mutex:
            connection = self._require_connection()
            with database.corruption_is_typed():
                connection.execute("BEGIN IMMEDIATE")
                try:
                    yield connection
                except BaseException:
                    connection.execute("ROLLBACK")
                    raise
                connection.execute("COMMIT")

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot for everything read inside it."""
        with self._mutex:
            connection = self._require_connection()
            with database.corruption_is_typed():
                connection.execute("BEGIN")
                try:
                    yield connection
                finally:
                    connection.execute("ROLLBACK")

    def checkpoint(self) -> None:
        """Fold the WAL into the database and truncate it, so deleted pages leave the WAL too."""
        with self._mutex, database.corruption_is_typed():
            self._require_connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def check_integrity(self) -> None:
        """Read every page: VaultCorrupted(INTEGRITY) if any fails its HMAC or structure."""
        with self._mutex:
            if database.integrity_problems(self._require_connection()):
                raise VaultCorrupted(CorruptionReason.INTEGRITY)

    # --- keys ----------------------------------------------------------------------------

    def _require_master(self) -> bytearray:
        if self._master_key is None:
            raise VaultLocked()
        return self._master_key

    def change_passphrase(self, new_passphrase: str, *, kdf_seconds: float | None = None) -> None:
        """Re-wrap the master key under a new passphrase; the recovery code keeps working."""
        check_new_passphrase(new_passphrase)
        with self._mutex, slot_write_lock(self.path):
            current = keyslots.load(self.path).slots
            if current.vault_id != self.vault_id:
                raise VaultCorrupted(CorruptionReason.SLOTS_DB_MISMATCH)
            old_slot = current.slot(SlotKind.PASSPHRASE)
            params = calibrate(kdf_seconds) if kdf_seconds else None
            if params is None:
                params = old_slot.kdf.with_new_salt() if old_slot else KdfParams.floor()
            new_slot = keyslots.wrap(
                self._require_master(),
                vault_id=self.vault_id,
                kind=SlotKind.PASSPHRASE,
                secret=passphrase_bytes(new_passphrase),
                params=params,
            )
            keyslots.store(self.path, current.next_generation(new_slot))
        with self.transaction() as connection:
            audit_log.append(connection, AuditAction.PASSPHRASE_CHANGED)

    def rekey(self, passphrase: str, *, kdf_seconds: float | None = None) -> RecoveryCode:
        """Replace the master and data keys; returns the new recovery code (the old one dies).

        `passphrase` protects the new key: the current one or a new one. Old copies of the key
        slots, and backups of them, no longer open this database afterwards.
        """
        check_new_passphrase(passphrase)
        with self._mutex, self._lock.exclusive(), slot_write_lock(self.path):
            connection = self._require_connection()
            current = keyslots.load(self.path).slots
            old_slot = current.slot(SlotKind.PASSPHRASE)
            params = calibrate(kdf_seconds) if kdf_seconds else None
            if params is None:
                params = old_slot.kdf.with_new_salt() if old_slot else KdfParams.floor()
            new_master = bytearray(secrets.token_bytes(MASTER_KEY_BYTES))
            new_data_key = _resolve_data_key(new_master)
            recovery_code = RecoveryCode.generate()
            db_path = self.path / DB_NAME
            rekey_path = self.path / REKEY_NAME
            try:
                _remove_rekey_leftovers(self.path)
                with database.corruption_is_typed():
                    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                    database.export_copy(connection, rekey_path, new_data_key, wal=True)
                database.open_database(rekey_path, new_data_key, vault_id=self.vault_id).close()
                fsutil.fsync_dir(self.path)
                new_slots = current.next_generation(
                    keyslots.wrap(
                        new_master,
                        vault_id=self.vault_id,
                        kind=SlotKind.PASSPHRASE,
                        secret=passphrase_bytes(passphrase),
                        params=params,
                    ),
                    keyslots.wrap(
                        new_master,
                        vault_id=self.vault_id,
                        kind=SlotKind.RECOVERY,
                        secret=recovery_code.value,
                        params=KdfParams.floor(),
                    ),
                )
                # From the first slot write on, only the new key opens the vault; the rename
                # below is finished by the next unlock if this process dies before it.
                keyslots.store(self.path, new_slots)
            except BaseException:
                wipe(new_master)
                wipe(new_data_key)
                _remove_rekey_leftovers(self.path)
                raise
            connection.close()
            self._connection = None
            _swap_in_rekeyed(db_path, rekey_path)
            try:
                self._connection = database.open_database(
                    db_path, new_data_key, vault_id=self.vault_id
                )
            finally:
                wipe(new_data_key)
            wipe(self._master_key)
            self._master_key = new_master
            with self.transaction() as connection:
                audit_log.append(connection, AuditAction.REKEYED)
            return recovery_code

    # --- backup and close ----------------------------------------------------------------

    def backup(self, out: Path) -> None:
        """Write an encrypted copy (database and key slots) that the same passphrase opens."""
        from testimony_app.vault import backup as backup_format

        with self._mutex:
            data_key = _resolve_data_key(self._require_master())
            try:
                backup_format.write_backup(
                    Path(out),
                    connection=self._require_connection(),
                    data_key=data_key,
                    slots=keyslots.load(self.path).slots,
                )
            finally:
                wipe(data_key)

    def close(self) -> None:
        """Lock: close the database and forget the keys. Safe to call twice."""
        with self._mutex:
            if self._connection is not None:
                with contextlib.suppress(Exception):
                    self._connection.close()
                self._connection = None
            wipe(self._master_key)
            self._master_key = None
            self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# --- helpers that touch files ------------------------------------------------------------


def _rekey_files(directory: Path) -> list[Path]:
    rekey_path = directory / REKEY_NAME
    return [rekey_path, *database.side_files(rekey_path)]


def _remove_rekey_leftovers(directory: Path) -> None:
    removed = [fsutil.unlink_if_present(path) for path in _rekey_files(directory)]
    if any(removed):
        fsutil.fsync_dir(directory)


def _swap_in_rekeyed(db_path: Path, rekey_path: Path) -> None:
    """Replace the old database by the rekeyed one (whose key the slots already hold)."""
    for path in database.side_files(db_path):
        fsutil.unlink_if_present(path)
    for path in database.side_files(rekey_path):
        fsutil.unlink_if_present(path)
    os.replace(rekey_path, db_path)
    fsutil.fsync_dir(db_path.parent)


def _open_resolving_rekey(
    path: Path, data_key: bytearray, vault_id: str, lock: VaultLock
) -> Connection:
    """Open vault.db; first finish or discard a rekey that a crash interrupted."""
    db_path = path / DB_NAME
    rekey_path = path / REKEY_NAME
    if not rekey_path.exists():
        return database.open_database(db_path, data_key, vault_id=vault_id)
    with lock.exclusive():
        try:
            connection = database.open_database(db_path, data_key, vault_id=vault_id)
        except VaultCorrupted as error:
            if error.reason is not CorruptionReason.UNREADABLE:
                raise
            # The slots already hold the new key: the rekeyed copy is the vault now.
            database.open_database(rekey_path, data_key, vault_id=vault_id).close()
            _swap_in_rekeyed(db_path, rekey_path)
            return database.open_database(db_path, data_key, vault_id=vault_id)
        # The slots still hold the old key: the half-made copy is useless.
        _remove_rekey_leftovers(path)
        return connection


def _shared_lock(path: Path) -> VaultLock:
    lock = VaultLock(path, create=not (path / LOCK_NAME).exists())
    try:
        lock.shared()
    except BaseException:
        lock.release()
        raise
    return lock


def _tidy_slots(path: Path, *, repair: bool) -> None:
    """After a crash: rewrite a stale or damaged copy, destroy half-written temporaries.

    A temporary slot file left by a killed write may wrap the key under an old passphrase,
    so it is overwritten before it is unlinked, as crypto-erase does.
    """
    temporaries = keyslots.temporary_copies(path)
    if not repair and not temporaries:
        return
    with slot_write_lock(path):
        for temporary in keyslots.temporary_copies(path):
            fsutil.overwrite_and_unlink(temporary)
        loaded = keyslots.load(path)
        if loaded.needs_repair:
            keyslots.store(path, loaded.slots)
        fsutil.fsync_dir(path)


def _tighten_modes(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(path, fsutil.DIR_MODE)
        for child in path.iterdir():
            if child.is_file() and not child.is_symlink():
                os.chmod(child, fsutil.FILE_MODE)
