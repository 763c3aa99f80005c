"""Backups: one encrypted file the same passphrase opens; restoring never overwrites a vault."""

from __future__ import annotations

from pathlib import Path

import pytest

from testimony_app.errors import BackupInvalid, VaultExists, WrongPassphrase
from testimony_app.vault import Vault, erase, restore, restore_with_recovery_code
from tests.conftest import MadeVault, make_vault
from tests.helpers import canary, canary_hits, read_notes, snapshot, write_note


@pytest.fixture
def backed_up(made_vault: MadeVault, tmp_path: Path) -> tuple[MadeVault, Path, dict[int, str]]:
    with made_vault.open() as vault:
        for index in range(40):
            write_note(vault, f"{canary()} {index} " + "words " * 50)
        notes = read_notes(vault)
        backup = tmp_path / "backups" / "vault.backup"
        backup.parent.mkdir()
        vault.backup(backup)
    return made_vault, backup, notes


def test_restore_after_erase_gives_back_every_record(
    backed_up: tuple[MadeVault, Path, dict[int, str]],
) -> None:
    made, backup, notes = backed_up
    assert canary_hits(backup.parent, list(notes.values())) == []
    assert [path.name for path in backup.parent.iterdir()] == ["vault.backup"]
    erase(made.path)
    restore(backup, made.path, passphrase=made.passphrase)
    with made.open() as vault:
        assert read_notes(vault) == notes
        vault.check_integrity()
        write_note(vault, "life goes on")


def test_restore_with_the_recovery_code(
    backed_up: tuple[MadeVault, Path, dict[int, str]], tmp_path: Path
) -> None:
    made, backup, notes = backed_up
    target = tmp_path / "elsewhere"
    restore_with_recovery_code(backup, target, code=str(made.recovery_code))
    with Vault.unlock(target, made.passphrase) as vault:
        assert read_notes(vault) == notes


def test_restore_never_overwrites_a_vault(
    backed_up: tuple[MadeVault, Path, dict[int, str]], tmp_path: Path
) -> None:
    made, backup, _ = backed_up
    before = snapshot(made.path)
    with pytest.raises(VaultExists):
        restore(backup, made.path, passphrase=made.passphrase)
    assert snapshot(made.path) == before
    other = make_vault(tmp_path / "other", "other passphrase")
    before_other = snapshot(other.path)
    with pytest.raises(VaultExists):
        restore(backup, other.path, passphrase=made.passphrase)
    assert snapshot(other.path) == before_other


def test_wrong_passphrase_restores_nothing(
    backed_up: tuple[MadeVault, Path, dict[int, str]], tmp_path: Path
) -> None:
    _, backup, _ = backed_up
    target = tmp_path / "target"
    with pytest.raises(WrongPassphrase):
        restore(backup, target, passphrase="not the passphrase")
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if "staging" in p.name]


@pytest.mark.parametrize(
    "damage", ["flip-header", "flip-middle", "flip-digest", "truncate", "append"]
)
def test_a_damaged_backup_restores_nothing(
    backed_up: tuple[MadeVault, Path, dict[int, str]], tmp_path: Path, damage: str
) -> None:
    made, backup, _ = backed_up
    data = bytearray(backup.read_bytes())
    if damage == "flip-header":
        data[3] ^= 1
    elif damage == "flip-middle":
        data[len(data) // 2] ^= 1
    elif damage == "flip-digest":
        data[-1] ^= 1
    elif damage == "truncate":
        del data[len(data) - 5000 :]
    else:
        data += b"\x00" * 4096
    backup.write_bytes(bytes(data))
    target = tmp_path / "target"
    with pytest.raises(BackupInvalid):
        restore(backup, target, passphrase=made.passphrase)
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if "staging" in p.name]


def test_backup_refuses_to_overwrite_a_file(made_vault: MadeVault, tmp_path: Path) -> None:
    existing = tmp_path / "existing"
    existing.write_bytes(b"precious")
    with made_vault.open() as vault, pytest.raises(VaultExists):
        vault.backup(existing)
    assert existing.read_bytes() == b"precious"


def test_a_backup_taken_before_rekey_still_opens_with_its_own_keys(
    backed_up: tuple[MadeVault, Path, dict[int, str]], tmp_path: Path
) -> None:
    made, backup, notes = backed_up
    with made.open() as vault:
        vault.rekey("the new passphrase")
    target = tmp_path / "old-state"
    restore(backup, target, passphrase=made.passphrase)
    with Vault.unlock(target, made.passphrase) as vault:
        assert read_notes(vault) == notes
