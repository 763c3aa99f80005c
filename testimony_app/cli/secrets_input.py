"""Where the command line's secrets come from, where the vault is, and how it is opened.

Secrets never come from argv: a passphrase or recovery code is read from a file named on the
command line, from an environment variable, or from the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from testimony_app import APP_NAME
from testimony_app.cli.errors import NoSecretGiven, UsageError

ENV_VAULT = "TESTIMONY_VAULT"
ENV_PASSPHRASE = "TESTIMONY_PASSPHRASE"
ENV_NEW_PASSPHRASE = "TESTIMONY_NEW_PASSPHRASE"
ENV_RECOVERY_CODE = "TESTIMONY_RECOVERY_CODE"
MAX_SECRET_FILE_BYTES = 4096


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
        raise NoSecretGiven(
            f"no passphrase given: use --passphrase-file, ${ENV_PASSPHRASE}, or run in a terminal"
        )
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


def passphrase_for_new_vault(args: argparse.Namespace) -> str:
    if args.passphrase_file:
        return _read_secret_file(args.passphrase_file)
    if ENV_PASSPHRASE in os.environ:
        return os.environ[ENV_PASSPHRASE]
    return _prompt_twice("Passphrase for the new vault")


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
