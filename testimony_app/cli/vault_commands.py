"""The vault commands: init, check, change-passphrase, rekey, erase, backup, restore, gui."""

from __future__ import annotations

import argparse
from pathlib import Path

from testimony_app.cli.errors import EXIT_OK, UsageError
from testimony_app.cli.secrets_input import (
    current_passphrase,
    new_passphrase,
    open_vault,
    passphrase_for_new_vault,
    recovery_code,
    vault_path,
)
from testimony_app.errors import VaultExists


def _show_recovery_code(code: object, heading: str) -> None:
    print(heading)
    print("Write this recovery code on paper now and keep it apart from this computer.")
    print("It is shown only this once; it opens the vault if the passphrase is lost.")
    print()
    print(f"    {code}")
    print()


def cmd_init(args: argparse.Namespace) -> int:
    from testimony_app.vault import Vault, has_vault

    path = vault_path(args)
    if path.is_dir() and has_vault(path):
        raise VaultExists()
    passphrase = passphrase_for_new_vault(args)
    vault, code = Vault.create(path, passphrase, kdf_seconds=args.kdf_seconds)
    try:
        from testimony_app.services.keys import KeyService
        from testimony_app.services.records import RecordService

        # The key that signs this vault's bundles, made now so that its fingerprint can be
        # given to editors before the first export.
        fingerprint = KeyService(RecordService(vault)).signing_identity().fingerprint
    finally:
        vault.close()
    _show_recovery_code(
        code,
        f"Vault created.\nIts signing key's fingerprint, to read aloud to editors: {fingerprint}",
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.check_integrity()
    print("The vault opens and every page checks out.")
    return EXIT_OK


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.change_passphrase(new_passphrase(args), kdf_seconds=args.kdf_seconds)
    print("Passphrase changed.")
    return EXIT_OK


def cmd_rekey(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        if args.new_passphrase or args.new_passphrase_file or getattr(args, "recovery", False):
            passphrase = new_passphrase(args)
        else:
            passphrase = current_passphrase(args)
        code = vault.rekey(passphrase, kdf_seconds=args.kdf_seconds)
    _show_recovery_code(
        code, "Vault re-keyed. Old copies of the key slots and the old recovery code are void."
    )
    return EXIT_OK


def cmd_erase(args: argparse.Namespace) -> int:
    from testimony_app.vault import erase

    if not args.yes:
        raise UsageError("erase destroys the vault for good; add --yes to confirm")
    report = erase(vault_path(args))
    print(
        f"Vault erased: keys destroyed in {report.keys_destroyed_after:.3f} s, "
        f"files removed in {report.seconds:.3f} s. It can no longer be opened."
    )
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.backup(Path(args.out))
    print("Backup written. It opens with the same passphrase or recovery code.")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from testimony_app.vault import restore, restore_with_recovery_code

    backup_file = Path(args.backup)
    if not backup_file.is_file():
        raise UsageError("the backup file does not exist")
    if args.recovery:
        restore_with_recovery_code(backup_file, vault_path(args), code=recovery_code(args))
    else:
        restore(backup_file, vault_path(args), passphrase=current_passphrase(args))
    print("Vault restored from the backup.")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from testimony_app.gui.app import run_gui

    return run_gui(vault_path(args), lang=args.lang)
