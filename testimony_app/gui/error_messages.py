"""Typed errors from the core, in words a field researcher understands (translated)."""

from __future__ import annotations

from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from testimony_app.bundle.reader import BundleProblem
    from testimony_app.services.export import RefusalReason


def describe_bundle_problem(problem: BundleProblem) -> str:
    """Why a bundle was not accepted, for the person who received it."""
    from testimony_app.bundle.reader import BundleProblem

    words = {
        BundleProblem.NOT_AN_AGE_FILE: QCoreApplication.translate(
            "ErrorMessages", "This file is not a bundle: it is not encrypted the way bundles are."
        ),
        BundleProblem.NOT_FOR_THIS_KEY: QCoreApplication.translate(
            "ErrorMessages",
            "This bundle cannot be opened with your identity file: it was made for someone "
            "else, or its beginning was changed. Check that you chose your own identity file.",
        ),
        BundleProblem.DAMAGED: QCoreApplication.translate(
            "ErrorMessages", "The bundle is damaged, or it was changed after it was made."
        ),
        BundleProblem.MANIFEST_FIRST: QCoreApplication.translate(
            "ErrorMessages",
            "The bundle is not laid out as a bundle must be: its signed list of contents "
            "does not come first.",
        ),
        BundleProblem.MANIFEST_INVALID: QCoreApplication.translate(
            "ErrorMessages", "The bundle's list of contents is not valid."
        ),
        BundleProblem.SIGNATURE_INVALID: QCoreApplication.translate(
            "ErrorMessages",
            "The bundle's signature does not match its list of contents: it may have been changed.",
        ),
        BundleProblem.NOT_LISTED_FOR_THIS_KEY: QCoreApplication.translate(
            "ErrorMessages",
            "The sender did not address this bundle to you: it was signed for someone else "
            "and encrypted to you afterwards.",
        ),
        BundleProblem.UNKNOWN_SENDER: QCoreApplication.translate(
            "ErrorMessages", "The bundle comes from a sender you have not trusted yet."
        ),
        BundleProblem.REPLAYED: QCoreApplication.translate(
            "ErrorMessages",
            "This bundle, or a newer one from the same sender, was opened before. It is not "
            "imported again.",
        ),
        BundleProblem.UNLISTED_MEMBER: QCoreApplication.translate(
            "ErrorMessages", "The bundle holds a file that its signed list of contents omits."
        ),
        BundleProblem.DUPLICATE_MEMBER: QCoreApplication.translate(
            "ErrorMessages", "The bundle holds the same file twice."
        ),
        BundleProblem.MISSING_MEMBER: QCoreApplication.translate(
            "ErrorMessages", "A file that the bundle's list of contents names is missing."
        ),
        BundleProblem.SIZE_MISMATCH: QCoreApplication.translate(
            "ErrorMessages", "A file in the bundle is not the size that was signed."
        ),
        BundleProblem.HASH_MISMATCH: QCoreApplication.translate(
            "ErrorMessages", "A file in the bundle is not the one that was signed: it was changed."
        ),
        BundleProblem.TAR: QCoreApplication.translate(
            "ErrorMessages", "The archive inside the bundle is malformed or unsafe."
        ),
        BundleProblem.CONTENT_INVALID: QCoreApplication.translate(
            "ErrorMessages", "A testimony in the bundle is not valid."
        ),
    }
    return words.get(
        problem, QCoreApplication.translate("ErrorMessages", "The bundle could not be checked.")
    )


def describe_refusal(reason: RefusalReason) -> str:
    """Why a testimony may not leave in an export, for the researcher who chose it."""
    from testimony_app.services.export import RefusalReason

    words = {
        RefusalReason.NOT_FOUND: QCoreApplication.translate(
            "ErrorMessages", "This testimony is no longer in the vault."
        ),
        RefusalReason.CONSENT_NOT_RECORDED: QCoreApplication.translate(
            "ErrorMessages", "No consent is recorded for this testimony."
        ),
        RefusalReason.NOT_SHARED_WITH_EDITORS: QCoreApplication.translate(
            "ErrorMessages", "The witness did not agree to share this testimony with editors."
        ),
        RefusalReason.NOT_FOR_PUBLICATION: QCoreApplication.translate(
            "ErrorMessages",
            "The witness did not agree to anonymised publication, which the publication "
            "profile needs.",
        ),
        RefusalReason.NOT_REVIEWED: QCoreApplication.translate(
            "ErrorMessages",
            "Not marked reviewed: it can go only if you accept automatic redaction below.",
        ),
        RefusalReason.NO_CLEANER: QCoreApplication.translate(
            "ErrorMessages",
            "An attachment is in a format the app cannot clean of hidden details.",
        ),
    }
    return words.get(
        reason, QCoreApplication.translate("ErrorMessages", "This testimony cannot be exported.")
    )


def describe(error: BaseException) -> str:
    """One sentence, never a field value, never a path."""
    import errno

    from testimony_app.bundle.keys import InvalidIdentityFile, InvalidRecipient
    from testimony_app.bundle.reader import BundleRejected
    from testimony_app.bundle.writer import ExportCancelled, MemberChanged
    from testimony_app.domain.interchange import InterchangeError
    from testimony_app.media.errors import CleaningCancelled, CleaningFailed, NoCleaner
    from testimony_app.services.export import ExportRefused, NoRecipient, NothingToExport
    from testimony_app.services.keys import NameInvalid
    from testimony_app.services.records import EditConflict, RecordNotFound
    from testimony_app.vault.attachment_store import AttachmentCorrupted, Cancelled

    if isinstance(error, BundleRejected):
        return describe_bundle_problem(error.problem)
    if isinstance(error, ExportCancelled | CleaningCancelled):
        return QCoreApplication.translate("ErrorMessages", "Cancelled. Nothing was written.")
    if isinstance(error, ExportRefused):
        return QCoreApplication.translate(
            "ErrorMessages", "Some testimonies may not go; nothing was written."
        )
    if isinstance(error, NoRecipient):
        return QCoreApplication.translate("ErrorMessages", "Choose at least one recipient.")
    if isinstance(error, NothingToExport):
        return QCoreApplication.translate("ErrorMessages", "Choose at least one testimony.")
    if isinstance(error, NoCleaner):
        return QCoreApplication.translate(
            "ErrorMessages",
            "An attachment is in a format the app cannot clean. Nothing was written.",
        )
    if isinstance(error, CleaningFailed):
        return QCoreApplication.translate(
            "ErrorMessages",
            "An attachment could not be cleaned: it is damaged or too large. Nothing was written.",
        )
    if isinstance(error, MemberChanged):
        return QCoreApplication.translate(
            "ErrorMessages",
            "An attachment changed while the bundle was written. Nothing was written.",
        )
    if isinstance(error, InvalidRecipient):
        return QCoreApplication.translate(
            "ErrorMessages",
            "That is not an age public key. A public key starts with age1 and is one "
            "unbroken line of letters and digits.",
        )
    if isinstance(error, InvalidIdentityFile):
        return QCoreApplication.translate(
            "ErrorMessages",
            "That file is not an identity file. Choose the secret key file made for you "
            "with the app or with age-keygen.",
        )
    if isinstance(error, NameInvalid):
        return QCoreApplication.translate(
            "ErrorMessages", "Give a name, of at most 200 characters."
        )
    if isinstance(error, PermissionError):
        return QCoreApplication.translate(
            "ErrorMessages", "Permission denied: the app may not use that file or folder."
        )
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return QCoreApplication.translate(
            "ErrorMessages", "There is not enough free space there. Nothing was written."
        )
    if isinstance(error, FileNotFoundError | IsADirectoryError):
        return QCoreApplication.translate(
            "ErrorMessages", "The file is not there, or it is a folder."
        )
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
