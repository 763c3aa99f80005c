"""Shared fixtures: real vaults in tmp_path, built with the KDF floor so tests stay quick."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from testimony_app.vault import RecoveryCode, Vault

PASSPHRASE = "quiet olive river 42"


@dataclass
class MadeVault:
    """A vault on disk, closed, with what it takes to open it."""

    path: Path
    passphrase: str
    recovery_code: RecoveryCode

    def open(self) -> Vault:
        return Vault.unlock(self.path, self.passphrase)


def make_vault(path: Path, passphrase: str = PASSPHRASE) -> MadeVault:
    vault, code = Vault.create(path, passphrase, kdf_seconds=None)
    vault.close()
    return MadeVault(path=path, passphrase=passphrase, recovery_code=code)


@pytest.fixture
def made_vault(tmp_path: Path) -> MadeVault:
    return make_vault(tmp_path / "vault")


@pytest.fixture
def vault(made_vault: MadeVault) -> Iterator[Vault]:
    opened = made_vault.open()
    yield opened
    opened.close()
