"""Typed errors from the core, in words a field researcher understands (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from testimony_app.errors import (
    AppError,
    InvalidRecoveryCode,
    VaultBusy,
    VaultCorrupted,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
)


def describe(error: BaseException) -> str:
    """One sentence, never a field value, never a path."""
    from testimony_app.domain.interchange import InterchangeError
    from testimony_app.services.records import EditConflict, RecordNotFound
    from testimony_app.vault.attachment_store import AttachmentCorrupted, Cancelled

    if isinstance(error, InvalidRecoveryCode):
        return QCoreApplication.translate(
            "ErrorMessages", "The recovery code is mistyped. Check it symbol by symbol."
        )
    if isinstance(error, WrongPassphrase):
        return QCoreApplication.translate("ErrorMessages", "Wrong passphrase. Try again.")
    if isinstance(error, WeakPassphrase):
        return QCoreApplication.translate("ErrorMessages", "The passphrase is too short.")
    if isinstance(error, VaultLocked):
        return QCoreApplication.translate("ErrorMessages", "The vault is locked.")
    if isinstance(error, VaultBusy):
        return QCoreApplication.translate(
            "ErrorMessages", "The vault is in use by another program. Close it and try again."
        )
    if isinstance(error, VaultNotFound):
        return QCoreApplication.translate("ErrorMessages", "There is no vault here.")
    if isinstance(error, VaultExists):
        return QCoreApplication.translate(
            "ErrorMessages", "A vault or other files are already in that folder."
        )
    if isinstance(error, VaultCorrupted):
        return QCoreApplication.translate(
            "ErrorMessages", "The vault is damaged and cannot be opened. Nothing was changed."
        )
    if isinstance(error, InterchangeError):
        return QCoreApplication.translate(
            "ErrorMessages", "Some fields are not valid; nothing was saved."
        )
    if isinstance(error, EditConflict):
        return QCoreApplication.translate(
            "ErrorMessages", "The testimony was changed elsewhere meanwhile."
        )
    if isinstance(error, RecordNotFound):
        return QCoreApplication.translate("ErrorMessages", "That record no longer exists.")
    if isinstance(error, AttachmentCorrupted):
        return QCoreApplication.translate(
            "ErrorMessages", "The attachment does not match what was stored. It may be damaged."
        )
    if isinstance(error, Cancelled):
        return QCoreApplication.translate("ErrorMessages", "Cancelled. Nothing was saved.")
    if isinstance(error, AppError | OSError):
        return QCoreApplication.translate(
            "ErrorMessages", "The operation failed. Nothing was lost."
        )
    return QCoreApplication.translate(
        "ErrorMessages", "Something went wrong inside the app. Nothing was lost."
    )
