"""The encrypted vault: SQLCipher database, key slots, schema, crypto-erase, backups."""

from __future__ import annotations

from pathlib import Path

from testimony_app.vault.backup import restore_backup
from testimony_app.vault.erase import EraseReport, erase
from testimony_app.vault.keyslots import SlotKind
from testimony_app.vault.recovery_code import RecoveryCode
from testimony_app.vault.vault import Vault, has_vault, passphrase_bytes


def restore(backup_file: Path, target: Path, *, passphrase: str) -> None:
    """Restore a backup into `target` (which must not hold a vault), checking the passphrase."""
    restore_backup(
        Path(backup_file),
        Path(target),
        kind=SlotKind.PASSPHRASE,
        secret=passphrase_bytes(passphrase),
    )


def restore_with_recovery_code(backup_file: Path, target: Path, *, code: str) -> None:
    restore_backup(
        Path(backup_file),
        Path(target),
        kind=SlotKind.RECOVERY,
        secret=RecoveryCode.parse(code).value,
    )


__all__ = [
    "EraseReport",
    "RecoveryCode",
    "Vault",
    "erase",
    "has_vault",
    "restore",
    "restore_with_recovery_code",
]
