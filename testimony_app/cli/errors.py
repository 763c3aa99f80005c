"""Errors into words: the exit code and the one line the command line prints for an error.

Every error comes out as one plain line on stderr and a documented exit code, never a
traceback, never a field value.
"""

from __future__ import annotations

import sys

from testimony_app.domain import crockford
from testimony_app.domain.ids import InvalidId
from testimony_app.domain.interchange import InterchangeError
from testimony_app.errors import (
    AppError,
    BackupInvalid,
    InvalidRecoveryCode,
    KdfParametersRejected,
    VaultBusy,
    VaultCorrupted,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_BUNDLE_REJECTED = 4
EXIT_REFUSED_BY_CONSENT = 5


class UsageError(Exception):
    """Bad input on the command line: exit code 2."""


class NoSecretGiven(Exception):
    """No passphrase source and no terminal to ask on: exit code 3.

    The message is the line to print: the code that reads secrets knows where they can come
    from, so it says so."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class AuditLogBroken(AppError):
    """`audit --verify` found an entry whose hash or link is wrong: exit code 1."""

    def __init__(self, seq: int) -> None:
        super().__init__(f"audit log broken at entry {seq}")


def describe(error: BaseException) -> tuple[int, str]:
    """The exit code and the one line to print for an error."""
    if isinstance(error, UsageError):
        return EXIT_USAGE, str(error)
    if isinstance(error, NoSecretGiven):
        return EXIT_LOCKED, str(error)
    if isinstance(error, InvalidRecoveryCode):
        return EXIT_LOCKED, "the recovery code is mistyped; check it symbol by symbol"
    if isinstance(error, WrongPassphrase):
        return EXIT_LOCKED, "wrong passphrase"
    if isinstance(error, VaultLocked):
        return EXIT_LOCKED, "the vault is locked"
    if isinstance(error, WeakPassphrase):
        return EXIT_USAGE, "the passphrase must have at least 8 characters"
    if isinstance(error, VaultNotFound):
        return EXIT_FAILURE, "no vault found in the vault folder; create one with 'init'"
    if isinstance(error, VaultExists):
        return EXIT_FAILURE, f"refusing to write over existing data: {error}"
    if isinstance(error, VaultCorrupted):
        return (
            EXIT_FAILURE,
            f"the vault cannot be opened: {error.reason.value}; nothing was changed",
        )
    if isinstance(error, KdfParametersRejected):
        return EXIT_FAILURE, f"the key slots ask for unsafe settings: {error}; nothing was changed"
    if isinstance(error, VaultBusy):
        return EXIT_FAILURE, "the vault is in use by another program; close it and try again"
    if isinstance(error, BackupInvalid):
        return (
            EXIT_FAILURE,
            "the file is not a valid or complete vault backup; nothing was restored",
        )
    records = _describe_records_error(error)
    if records is not None:
        return records
    bundles = _describe_bundle_error(error)
    if bundles is not None:
        return bundles
    if isinstance(error, AppError):
        return EXIT_FAILURE, str(error)
    if isinstance(error, OSError):
        # strerror only: the file name may itself be sensitive.
        return EXIT_FAILURE, f"a file operation failed: {error.strerror or type(error).__name__}"
    if isinstance(error, KeyboardInterrupt):
        return EXIT_FAILURE, "interrupted"
    return (
        EXIT_FAILURE,
        f"internal error ({type(error).__name__}); nothing more is shown on purpose",
    )


def _raised_from(error: BaseException, module: str, name: str) -> bool:
    """Whether `error` is `module.name`, without importing the module (and SQLCipher with it):
    an instance of a class means its module is loaded already."""
    kind = getattr(sys.modules.get(module), name, None)
    return isinstance(kind, type) and isinstance(error, kind)


def _describe_id(error: InvalidId) -> str:
    if error.wrong_prefix:
        return (
            "the ID is mistyped or of the wrong kind: "
            "testimony IDs start with T-, witness IDs with W-"
        )
    problem = error.problem
    if problem is crockford.CodeProblem.EMPTY:
        return "the ID is missing"
    if problem is crockford.CodeProblem.BAD_SYMBOL and error.position is not None:
        return (
            f"the ID is mistyped at symbol {error.position + 1} after the T- or W-; "
            "check it symbol by symbol"
        )
    if problem is crockford.CodeProblem.BAD_LENGTH:
        return "the ID is mistyped: it has the wrong number of symbols (like T-7KQ3-M2XD-P)"
    return (
        "the ID is mistyped: its last symbol (the check symbol) does not fit the others; "
        "check it symbol by symbol"
    )


def _describe_records_error(error: BaseException) -> tuple[int, str] | None:
    """Errors of the records layer; None for anything else."""
    if isinstance(error, InvalidId):
        return EXIT_USAGE, _describe_id(error)
    if isinstance(error, InterchangeError):
        # The one message of several lines: a head line, then one indented line per problem
        # (by record, line and field path; values are never quoted).
        return EXIT_FAILURE, error.report()
    services, store = "testimony_app.services.records", "testimony_app.vault.attachment_store"
    if _raised_from(error, services, "RecordNotFound"):
        return EXIT_FAILURE, str(error)
    if _raised_from(error, services, "EditConflict"):
        return EXIT_FAILURE, "the testimony was changed elsewhere meanwhile; nothing was saved"
    if _raised_from(error, store, "AttachmentCorrupted"):
        return EXIT_FAILURE, "an attachment does not match its recorded hash"
    if _raised_from(error, store, "Cancelled"):
        return EXIT_FAILURE, "cancelled; nothing was saved"
    return None


def _describe_bundle_error(error: BaseException) -> tuple[int, str] | None:
    """Errors of export and of opening bundles; None for anything else."""
    reader, export = "testimony_app.bundle.reader", "testimony_app.services.export"
    keys = "testimony_app.bundle.keys"
    if _raised_from(error, "testimony_app.services.bundles", "UnknownSender"):
        fingerprint = getattr(error, "fingerprint", "")
        return (
            EXIT_BUNDLE_REJECTED,
            f"the sender is not trusted yet; their key's fingerprint is {fingerprint}: compare "
            "it with them (aloud, not over the channel the bundle came by), then run again with "
            "--trust 'FINGERPRINT' --sender-name NAME; nothing was imported",
        )
    if _raised_from(error, reader, "BundleRejected"):
        detail = getattr(error, "detail", None)
        more = f" ({detail})" if detail else ""
        return EXIT_BUNDLE_REJECTED, f"bundle rejected: {error}{more}; nothing was imported"
    if _raised_from(error, export, "ExportRefused"):
        refusals = getattr(error, "refusals", ())
        listed = "; ".join(
            f"{r.testimony_id}: {r.reason.value}"
            + (f" (attachment {r.attachment_id})" if r.attachment_id is not None else "")
            for r in refusals
        )
        return (
            EXIT_REFUSED_BY_CONSENT,
            f"export refused, nothing was written: {listed}",
        )
    if _raised_from(error, keys, "InvalidRecipient") or _raised_from(
        error, keys, "InvalidIdentityFile"
    ):
        return EXIT_USAGE, str(error)
    return None
