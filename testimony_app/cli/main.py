"""The `testimony-app` entry point: the argument parser, and main(), which runs one command.

Errors come out as one plain line on stderr and a documented exit code (see errors.py), never a
traceback, never a field value.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from testimony_app import APP_NAME, __version__
from testimony_app.cli.bundle_commands import add_commands as add_bundle_commands
from testimony_app.cli.errors import (
    EXIT_BUNDLE_REJECTED,
    EXIT_FAILURE,
    EXIT_LOCKED,
    EXIT_OK,
    EXIT_REFUSED_BY_CONSENT,
    EXIT_USAGE,
    UsageError,
    describe,
)
from testimony_app.cli.record_commands import (
    cmd_add,
    cmd_attach,
    cmd_audit,
    cmd_delete,
    cmd_list,
    cmd_search,
    cmd_show,
)
from testimony_app.cli.secrets_input import ENV_NEW_PASSPHRASE, ENV_PASSPHRASE
from testimony_app.cli.vault_commands import (
    cmd_backup,
    cmd_change_passphrase,
    cmd_check,
    cmd_erase,
    cmd_gui,
    cmd_init,
    cmd_rekey,
    cmd_restore,
)
from testimony_app.domain.records import Status

__all__ = [
    "EXIT_BUNDLE_REJECTED",
    "EXIT_FAILURE",
    "EXIT_LOCKED",
    "EXIT_OK",
    "EXIT_REFUSED_BY_CONSENT",
    "EXIT_USAGE",
    "build_parser",
    "main",
]

_Command = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see --help)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError("must be a whole number from 1 up")
    return value


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

    _vault_commands(command)
    _record_commands(command)
    add_bundle_commands(command)
    return parser


def _vault_commands(command: _Command) -> None:
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


def _record_commands(command: _Command) -> None:
    def json_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--json", action="store_true", help="machine-readable output")

    add = command("add", cmd_add, "import interchange records (all or none); prints 'T-... W-...'")
    add.add_argument("file", metavar="FILE|-", help="a record, an array or JSON Lines; - = stdin")
    listing = command("list", cmd_list, "list testimonies, most recently updated first")
    json_option(listing)
    listing.add_argument("--status", choices=[status.value for status in Status])
    listing.add_argument("--tag", metavar="T", help="only testimonies with this tag")
    show = command("show", cmd_show, "show a testimony (T-...) or a witness (W-...)")
    show.add_argument("id", metavar="ID")
    json_option(show)
    show.add_argument(
        "--revision", type=_positive, metavar="N", help="show an earlier revision of a testimony"
    )
    show.add_argument(
        "--identity",
        action="store_true",
        help="also show a witness's identity details (recorded in the audit log)",
    )
    search = command("search", cmd_search, "find testimonies with every word of Q, best first")
    search.add_argument("query", nargs="+", metavar="Q")
    json_option(search)
    search.add_argument("--limit", type=_positive, metavar="N", help="at most N results")
    attach = command("attach", cmd_attach, "add a file to a testimony (stored encrypted)")
    attach.add_argument("testimony", metavar="T-ID")
    attach.add_argument("file", metavar="FILE")
    attach.add_argument(
        "--type", metavar="MEDIA/TYPE", help="the media type (else guessed from the name)"
    )
    delete = command("delete", cmd_delete, "delete a testimony with its revisions and attachments")
    delete.add_argument("testimony", metavar="T-ID")
    delete.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    audit = command("audit", cmd_audit, "list the audit log, or check its hash chain")
    audit.add_argument("--verify", action="store_true", help="walk and check the hash chain")
    json_option(audit)


def _run(argv: Sequence[str] | None) -> int:
    try:
        args = build_parser().parse_args(argv)
        handler = getattr(args, "handler", None) or cmd_gui
        return handler(args)
    except SystemExit as done:  # --help and --version
        return int(done.code or 0)
    except BrokenPipeError:  # the reader of stdout has gone: main() ends quietly
        raise
    except BaseException as error:  # noqa: BLE001 - the one place every error becomes words
        code, message = describe(error)
        print(f"{APP_NAME}: error: {message}", file=sys.stderr)
        return code


def main(argv: Sequence[str] | None = None) -> int:
    from testimony_app.vault.fsutil import set_private_umask

    set_private_umask()
    try:
        code = _run(argv)
        # Flush here, not at exit, so that a reader gone away (`| head`) is seen right here.
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        # What is left has nowhere to go: point stdout at devnull, so that Python's own flush at
        # exit does not complain on stderr, and end with 1, as Python does on a broken pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILURE
    return code


if __name__ == "__main__":
    raise SystemExit(main())
