"""Create, unlock, lock, change passphrase, recover, rekey: the vault's life as a user sees it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from testimony_app.errors import (
    CorruptionReason,
    InvalidRecoveryCode,
    VaultBusy,
    VaultCorrupted,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
)
from testimony_app.vault import Vault, keyslots
from tests.conftest import MadeVault, make_vault
from tests.helpers import read_notes, write_note


def test_data_survives_lock_and_unlock(made_vault: MadeVault) -> None:
    with made_vault.open() as vault:
        note_id = write_note(vault, "first words")
    with made_vault.open() as vault:
        assert read_notes(vault) == {note_id: "first words"}


def test_every_open_has_the_settings_the_vault_relies_on(vault: Vault) -> None:
    with vault.reading() as connection:

        def pragma(name: str) -> object:
            return connection.execute(f"PRAGMA {name}").fetchone()[0]

        assert str(pragma("cipher_version")).startswith("4.")
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2
        assert pragma("temp_store") == 2
        assert pragma("auto_vacuum") == 0
        assert str(pragma("cipher_plaintext_header_size")) == "0"


def test_files_and_folder_are_owner_only(made_vault: MadeVault) -> None:
    with made_vault.open() as vault:
        write_note(vault, "x")
        assert stat.S_IMODE(os.stat(made_vault.path).st_mode) == 0o700
        for child in made_vault.path.iterdir():
            assert stat.S_IMODE(child.stat().st_mode) == 0o600, child.name


def test_wrong_passphrase_is_refused(made_vault: MadeVault) -> None:
    with pytest.raises(WrongPassphrase):
        Vault.unlock(made_vault.path, made_vault.passphrase + " ")


def test_passphrase_is_compared_after_unicode_normalisation(tmp_path: Path) -> None:
    composed = "كلمة سر \u00e9t\u00e9 طويلة"
    decomposed = "كلمة سر e\u0301te\u0301 طويلة"
    made = make_vault(tmp_path / "v", composed)
    Vault.unlock(made.path, decomposed).close()


def test_locked_vault_refuses_work(made_vault: MadeVault) -> None:
    vault = made_vault.open()
    vault.close()
    vault.close()  # twice is harmless
    with pytest.raises(VaultLocked):
        write_note(vault, "after lock")


def test_create_refuses_an_existing_vault_and_a_folder_with_other_files(
    made_vault: MadeVault, tmp_path: Path
) -> None:
    with pytest.raises(VaultExists):
        Vault.create(made_vault.path, "another passphrase", kdf_seconds=None)
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("someone's file")
    with pytest.raises(VaultExists):
        Vault.create(other, "another passphrase", kdf_seconds=None)
    assert (other / "notes.txt").read_text() == "someone's file"


def test_create_into_an_empty_folder_and_refuse_a_short_passphrase(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(WeakPassphrase):
        Vault.create(empty, "short", kdf_seconds=None)
    make_vault(empty).open().close()
    assert not list(tmp_path.glob(".*staging*"))


def test_unlock_of_a_missing_vault_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        Vault.unlock(tmp_path / "nowhere", "whatever passphrase")


def test_recovery_code_opens_and_sets_a_new_passphrase(made_vault: MadeVault) -> None:
    with made_vault.open() as vault:
        note_id = write_note(vault, "kept")
    typed = str(made_vault.recovery_code).lower().replace("-", " ")
    with Vault.unlock_with_recovery_code(made_vault.path, typed) as vault:
        assert read_notes(vault) == {note_id: "kept"}
        vault.change_passphrase("a brand new passphrase")
    with pytest.raises(WrongPassphrase):
        Vault.unlock(made_vault.path, made_vault.passphrase)
    Vault.unlock(made_vault.path, "a brand new passphrase").close()
    Vault.unlock_with_recovery_code(made_vault.path, made_vault.recovery_code).close()


def test_a_mistyped_recovery_code_says_so(made_vault: MadeVault) -> None:
    code = str(made_vault.recovery_code)
    typo = ("1" if code[0] != "1" else "2") + code[1:]
    with pytest.raises(InvalidRecoveryCode):
        Vault.unlock_with_recovery_code(made_vault.path, typo)


def test_change_passphrase_makes_the_old_one_fail(made_vault: MadeVault) -> None:
    with made_vault.open() as vault:
        vault.change_passphrase("second passphrase here")
    with pytest.raises(WrongPassphrase):
        made_vault.open()
    Vault.unlock(made_vault.path, "second passphrase here").close()
    assert keyslots.load(made_vault.path).slots.epoch == 2


def test_rekey_voids_old_slot_copies_and_the_old_recovery_code(made_vault: MadeVault) -> None:
    old_slots = (made_vault.path / "keyslots").read_bytes()
    with made_vault.open() as vault:
        note_id = write_note(vault, "before rekey")
        new_code = vault.rekey(made_vault.passphrase)
        assert read_notes(vault) == {note_id: "before rekey"}
        write_note(vault, "after rekey")
    with made_vault.open() as vault:
        assert len(read_notes(vault)) == 2
    Vault.unlock_with_recovery_code(made_vault.path, new_code).close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_recovery_code(made_vault.path, made_vault.recovery_code)
    # Someone kept a copy of the old slots: it unwraps the old key, which opens nothing now.
    for name in ("keyslots", "keyslots.bak"):
        (made_vault.path / name).write_bytes(old_slots)
    with pytest.raises(VaultCorrupted) as caught:
        made_vault.open()
    assert caught.value.reason is CorruptionReason.UNREADABLE


def test_rekey_can_set_a_new_passphrase(made_vault: MadeVault) -> None:
    with made_vault.open() as vault:
        vault.rekey("rekeyed passphrase")
    with pytest.raises(WrongPassphrase):
        made_vault.open()
    Vault.unlock(made_vault.path, "rekeyed passphrase").close()


def test_rekey_waits_for_other_programs_to_close_the_vault(made_vault: MadeVault) -> None:
    first = made_vault.open()
    second = made_vault.open()  # another program, as far as the lock can tell
    with pytest.raises(VaultBusy):
        first.rekey(made_vault.passphrase)
    second.close()
    first.rekey(made_vault.passphrase)
    first.close()
    made_vault.open().close()


def test_integrity_check_passes_on_a_healthy_vault(vault: Vault) -> None:
    write_note(vault, "x" * 10_000)
    vault.check_integrity()
