"""Opening the SQLCipher database: raw key, fixed settings, and checks that fail closed.

Every open checks the file before SQLCipher sees it (not empty, whole pages, not a plain
SQLite file), keys it with the raw 256-bit data key, proves the key with a real read, and
asserts the settings the vault depends on. Any surprise raises VaultCorrupted and removes
only the side files this attempt itself created, so a refused vault is left byte for byte as
it was found.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from testimony_app.errors import CorruptionReason, VaultCorrupted
from testimony_app.vault import audit_log, fsutil, migrations
from testimony_app.vault.audit_log import AuditAction

DB_NAME = "vault.db"
PAGE_SIZE = 4096
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
_CORRUPTION_CODES = {sqlcipher3.SQLITE_CORRUPT, sqlcipher3.SQLITE_NOTADB}

Connection = Any  # sqlcipher3 ships no type information


def _quiet_sqlcipher() -> None:
    # SQLCipher logs failed page decryptions to stderr by default; the CLI must print one line.
    probe = sqlcipher3.connect(":memory:")
    try:
        probe.execute("PRAGMA cipher_log_level = NONE")
    finally:
        probe.close()


_quiet_sqlcipher()


def is_corruption(error: BaseException) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(error, sqlcipher3.DatabaseError) and (
        code in _CORRUPTION_CODES or (code is None and "malformed" in str(error))
    )


@contextlib.contextmanager
def corruption_is_typed() -> Iterator[None]:
    """Turn SQLite's 'malformed' / 'not a database' into VaultCorrupted."""
    try:
        yield
    except sqlcipher3.DatabaseError as error:
        if is_corruption(error):
            raise VaultCorrupted(CorruptionReason.UNREADABLE) from None
        raise


def side_files(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + suffix) for suffix in SIDE_SUFFIXES]


def _key_pragma(data_key: bytes | bytearray) -> str:
    return "PRAGMA key = \"x'" + bytes(data_key).hex() + "'\""


def _connect(db_path: Path, data_key: bytes | bytearray) -> Connection:
    connection = sqlcipher3.connect(
        str(db_path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
    )
    connection.execute(_key_pragma(data_key))
    connection.execute("PRAGMA cipher_compatibility = 4")
    return connection


def _precheck_file(db_path: Path) -> None:
    try:
        size = db_path.stat().st_size
    except FileNotFoundError:
        raise VaultCorrupted(CorruptionReason.DATABASE_MISSING) from None
    if size == 0 or size % PAGE_SIZE:
        raise VaultCorrupted(CorruptionReason.TRUNCATED)
    with open(db_path, "rb") as handle:
        if handle.read(len(SQLITE_PLAIN_HEADER)) == SQLITE_PLAIN_HEADER:
            raise VaultCorrupted(CorruptionReason.PLAINTEXT_DATABASE)


def _pragma(connection: Connection, name: str) -> Any:
    row = connection.execute(f"PRAGMA {name}").fetchone()
    return None if row is None else row[0]


def _apply_connection_settings(connection: Connection) -> None:
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA temp_store = MEMORY")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA trusted_schema = OFF")
    # Deleted records are overwritten in the file, not left in free pages for whoever is
    # later made to unlock the vault.
    connection.execute("PRAGMA secure_delete = ON")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _assert_settings(connection: Connection) -> None:
    version = str(_pragma(connection, "cipher_version") or "")
    if not version.startswith("4."):
        raise VaultCorrupted(CorruptionReason.UNSUPPORTED_CIPHER)
    # The first real read: SQLCipher accepts any key until a page must be decrypted.
    connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    expected = {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "temp_store": 2,  # MEMORY
        "auto_vacuum": 0,  # NONE
        "secure_delete": 1,
        "cipher_plaintext_header_size": 0,
    }
    for name, wanted in expected.items():
        value = _pragma(connection, name)
        if isinstance(wanted, int):
            value = int(value) if value is not None else None
        if value != wanted:
            raise VaultCorrupted(CorruptionReason.UNEXPECTED_SETTING)


def read_meta(connection: Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM vault_meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def open_database(
    db_path: Path, data_key: bytes | bytearray, *, vault_id: str, migrate: bool = True
) -> Connection:
    """Open and verify the vault database, or raise VaultCorrupted having changed nothing."""
    _precheck_file(db_path)
    existing_side_files = {path for path in side_files(db_path) if path.exists()}
    connection = None
    try:
        connection = _connect(db_path, data_key)
        with corruption_is_typed():
            _apply_connection_settings(connection)
            _assert_settings(connection)
            version = migrations.current_version(connection)
            if version > migrations.SCHEMA_VERSION:
                raise VaultCorrupted(CorruptionReason.NEWER_SCHEMA)
            if version < 1 or read_meta(connection, "vault_id") != vault_id:
                raise VaultCorrupted(CorruptionReason.SLOTS_DB_MISMATCH)
            if migrate:
                migrations.migrate(connection)
        return connection
    except BaseException:
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.close()
        for path in side_files(db_path):
            if path not in existing_side_files:
                fsutil.unlink_if_present(path)
        raise


def create_database(
    db_path: Path, data_key: bytes | bytearray, *, vault_id: str, created: str
) -> None:
    """Make a new, empty vault database with the fixed settings and the current schema."""
    fd = fsutil.create_private_file(db_path)  # owner-only before SQLite opens it
    os.close(fd)
    connection = _connect(db_path, data_key)
    try:
        connection.execute("PRAGMA auto_vacuum = NONE")
        mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise VaultCorrupted(CorruptionReason.UNEXPECTED_SETTING)
        _apply_connection_settings(connection)
        migrations.migrate(connection)
        with connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany(
                "INSERT INTO vault_meta (key, value) VALUES (?, ?)",
                [("vault_id", vault_id), ("created", created)],
            )
            audit_log.append(connection, AuditAction.VAULT_CREATED)
    finally:
        connection.close()


def export_copy(
    connection: Connection, target: Path, data_key: bytes | bytearray, *, wal: bool
) -> None:
    """Write a consistent, encrypted copy of the open database to `target` under `data_key`."""
    fd = fsutil.create_private_file(target)
    os.close(fd)
    version = migrations.current_version(connection)
    connection.execute(
        "ATTACH DATABASE ? AS export_copy KEY ?", (str(target), "x'" + bytes(data_key).hex() + "'")
    )
    try:
        connection.execute("SELECT sqlcipher_export('export_copy')").fetchall()
        connection.execute(f"PRAGMA export_copy.user_version = {int(version)}")
    finally:
        connection.execute("DETACH DATABASE export_copy")
    if wal:
        copy = _connect(target, data_key)
        try:
            mode = copy.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise VaultCorrupted(CorruptionReason.UNEXPECTED_SETTING)
        finally:
            copy.close()
    fsutil.fsync_file(target)


def integrity_problems(connection: Connection) -> list[str]:
    """Rows reported by SQLCipher's page check and SQLite's structural check ("ok" = none)."""
    with corruption_is_typed():
        problems = [str(row[0]) for row in connection.execute("PRAGMA cipher_integrity_check")]
        rows = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    return problems + [row for row in rows if row != "ok"]
