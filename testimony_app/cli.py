"""The `testimony-app` command line: a thin face over the vault API.

Errors come out as one plain line on stderr and a documented exit code, never a traceback,
never a field value. Secrets never come from argv: a passphrase is read from a file named on
the command line, from an environment variable, or from the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from testimony_app import APP_NAME, __version__
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

ENV_VAULT = "TESTIMONY_VAULT"
ENV_PASSPHRASE = "TESTIMONY_PASSPHRASE"
ENV_NEW_PASSPHRASE = "TESTIMONY_NEW_PASSPHRASE"
ENV_RECOVERY_CODE = "TESTIMONY_RECOVERY_CODE"
MAX_SECRET_FILE_BYTES = 4096


class UsageError(Exception):
    """Bad input on the command line: exit code 2."""


class NoSecretGiven(Exception):
    """No passphrase source and no terminal to ask on: exit code 3."""


# --- where secrets come from -------------------------------------------------------------


def _read_secret_file(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SECRET_FILE_BYTES + 1)
    except OSError:
        raise UsageError("cannot read the passphrase file") from None
    if len(data) > MAX_SECRET_FILE_BYTES:
        raise UsageError("the passphrase file is too large")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("the passphrase file is not UTF-8 text") from None
    # One trailing line break is how editors and `echo` end a file; it is not part of it.
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    return text


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise NoSecretGiven()
    return getpass.getpass(f"{label}: ")


def _prompt_twice(label: str) -> str:
    first = _prompt(label)
    if _prompt("Repeat it") != first:
        raise UsageError("the two entries differ")
    return first


def current_passphrase(args: argparse.Namespace) -> str:
    if args.passphrase_file:
        return _read_secret_file(args.passphrase_file)
    if ENV_PASSPHRASE in os.environ:
        return os.environ[ENV_PASSPHRASE]
    return _prompt("Passphrase")


def new_passphrase(args: argparse.Namespace) -> str:
    if getattr(args, "new_passphrase_file", None):
        return _read_secret_file(args.new_passphrase_file)
    if ENV_NEW_PASSPHRASE in os.environ:
        return os.environ[ENV_NEW_PASSPHRASE]
    return _prompt_twice("New passphrase")


def recovery_code(args: argparse.Namespace) -> str:
    if getattr(args, "recovery_code_file", None):
        return _read_secret_file(args.recovery_code_file)
    if ENV_RECOVERY_CODE in os.environ:
        return os.environ[ENV_RECOVERY_CODE]
    return _prompt("Recovery code")


def vault_path(args: argparse.Namespace) -> Path:
    if args.vault:
        return Path(args.vault).expanduser()
    if os.environ.get(ENV_VAULT):
        return Path(os.environ[ENV_VAULT]).expanduser()
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "vault"


def open_vault(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from testimony_app.vault import Vault

    path = vault_path(args)
    if getattr(args, "recovery", False):
        return Vault.unlock_with_recovery_code(path, recovery_code(args))
    return Vault.unlock(path, current_passphrase(args))


# --- commands ----------------------------------------------------------------------------


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
    if args.passphrase_file:
        passphrase = _read_secret_file(args.passphrase_file)
    elif ENV_PASSPHRASE in os.environ:
        passphrase = os.environ[ENV_PASSPHRASE]
    else:
        passphrase = _prompt_twice("Passphrase for the new vault")
    vault, code = Vault.create(path, passphrase, kdf_seconds=args.kdf_seconds)
    vault.close()
    _show_recovery_code(code, "Vault created.")
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


# --- parsing -----------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see --help)")


def _common_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--vault", metavar="DIR", default=default, help="the vault folder")
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=default,
        help=f"read the passphrase from FILE (else ${ENV_PASSPHRASE}, else a prompt)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=APP_NAME, description="Record witness testimonies into an encrypted vault."
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--lang", choices=["en", "ar"], default=None, help="GUI language")
    _common_options(parser, None)
    common = _Parser(add_help=False)
    _common_options(common, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(
        name: str, handler: Callable[[argparse.Namespace], int], text: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=text, description=text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    def kdf_option(sub: argparse.ArgumentParser, default: float | None) -> None:
        sub.add_argument(
            "--kdf-seconds",
            type=float,
            default=default,
            metavar="S",
            help="tune the passphrase key derivation to take about S seconds here "
            "(never below the floor of 64 MiB, 3 passes, 4 lanes; 0 = the floor)",
        )

    def recovery_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--recovery", action="store_true", help="unlock with the recovery code")
        sub.add_argument(
            "--recovery-code-file", metavar="FILE", help="read the recovery code from FILE"
        )

    def new_passphrase_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--new-passphrase-file",
            metavar="FILE",
            help=f"read the new passphrase from FILE (else ${ENV_NEW_PASSPHRASE}, else a prompt)",
        )

    init = command("init", cmd_init, "create a vault; prints the recovery code once")
    kdf_option(init, 1.0)
    recovery_options(command("check", cmd_check, "unlock and verify every page of the vault"))
    change = command("change-passphrase", cmd_change_passphrase, "set a new passphrase")
    recovery_options(change)
    new_passphrase_option(change)
    kdf_option(change, None)
    rekey = command("rekey", cmd_rekey, "replace the vault's keys; prints a new recovery code")
    recovery_options(rekey)
    new_passphrase_option(rekey)
    rekey.add_argument("--new-passphrase", action="store_true", help="also set a new passphrase")
    kdf_option(rekey, None)
    erase = command("erase", cmd_erase, "destroy the vault's keys at once (crypto-erase)")
    erase.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    backup = command("backup", cmd_backup, "write an encrypted backup of the vault")
    backup.add_argument("--out", required=True, metavar="FILE", help="the backup file to write")
    recovery_options(backup)
    restore = command("restore", cmd_restore, "make a vault from a backup (never over one)")
    restore.add_argument("backup", metavar="FILE", help="the backup file")
    recovery_options(restore)
    return parser


# --- errors into words -------------------------------------------------------------------


def describe(error: BaseException) -> tuple[int, str]:
    """The exit code and the one line to print for an error."""
    if isinstance(error, UsageError):
        return EXIT_USAGE, str(error)
    if isinstance(error, NoSecretGiven):
        return EXIT_LOCKED, (
            f"no passphrase given: use --passphrase-file, ${ENV_PASSPHRASE}, or run in a terminal"
        )
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


def main(argv: Sequence[str] | None = None) -> int:
    from testimony_app.vault.fsutil import set_private_umask

    set_private_umask()
    try:
        args = build_parser().parse_args(argv)
        handler = getattr(args, "handler", None) or cmd_gui
        return handler(args)
    except SystemExit as done:  # --help and --version
        return int(done.code or 0)
    except BaseException as error:  # noqa: BLE001 - the one place every error becomes words
        code, message = describe(error)
        print(f"{APP_NAME}: error: {message}", file=sys.stderr)
        return code


if __name__ == "__main__":
    raise SystemExit(main())
