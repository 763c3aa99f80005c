"""Typed errors raised by the core; the CLI and GUI turn them into words.

Messages here are fixed developer-facing sentences. They never contain a field value, a path,
a passphrase or a key, so an error can be logged or shown without leaking anything.
"""

from __future__ import annotations

import enum


class AppError(Exception):
    """Base of every error the core raises on purpose."""

    default_message = "the operation failed"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)


class VaultError(AppError):
    default_message = "vault error"


class VaultNotFound(VaultError):
    default_message = "no vault at this location"


class VaultExists(VaultError):
    default_message = "a vault already exists at this location"


class VaultLocked(VaultError):
    default_message = "the vault is locked"


class VaultBusy(VaultError):
    default_message = "the vault is in use by another program"


class WrongPassphrase(VaultError):
    default_message = "wrong passphrase"


class InvalidRecoveryCode(WrongPassphrase):
    """The recovery code is not well formed (a typo caught by its check symbol)."""

    default_message = "the recovery code is mistyped"


class WeakPassphrase(VaultError):
    default_message = "the new passphrase is too short"


class KdfParametersRejected(VaultError):
    """Key-derivation parameters out of bounds; refused before the KDF runs."""

    default_message = "key derivation parameters are out of bounds"


class CorruptionReason(enum.Enum):
    DATABASE_MISSING = "the database file is missing"
    TRUNCATED = "the database file is truncated"
    PLAINTEXT_DATABASE = "the database file is not encrypted"
    UNREADABLE = "the database cannot be decrypted or is damaged"
    UNEXPECTED_SETTING = "the database has an unexpected setting"
    UNSUPPORTED_CIPHER = "the encryption library is not SQLCipher 4"
    SLOTS_DAMAGED = "the key slot files are damaged"
    SLOTS_CONFLICT = "the two key slot copies disagree"
    SLOTS_DB_MISMATCH = "the key slots do not belong to this database"
    NEWER_SCHEMA = "the vault was written by a newer version of the app"
    INTEGRITY = "the database failed its integrity check"


class VaultCorrupted(VaultError):
    """The vault's files are not what they must be; nothing was changed."""

    def __init__(self, reason: CorruptionReason) -> None:
        self.reason = reason
        super().__init__(reason.value)


class BackupInvalid(VaultError):
    default_message = "the file is not a valid vault backup"
