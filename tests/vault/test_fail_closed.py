"""Anything unexpected refuses with a typed error and leaves every byte of the vault as it was."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from testimony_app.errors import (
    CorruptionReason,
    KdfParametersRejected,
    VaultCorrupted,
    WrongPassphrase,
)
from testimony_app.vault import Vault, kdf, keyslots
from testimony_app.vault.database import PAGE_SIZE
from tests.conftest import MadeVault
from tests.helpers import raw_data_key, read_notes, snapshot, write_note

ROWS = 300


@pytest.fixture
def filled(made_vault: MadeVault) -> MadeVault:
    """A vault with enough rows to span many pages, closed cleanly (no -wal, no -shm)."""
    with made_vault.open() as vault:
        for index in range(ROWS):
            write_note(vault, f"note {index} " + "lorem ipsum " * 20)
    assert not (made_vault.path / "vault.db-wal").exists()
    return made_vault


def assert_refused_unchanged(
    made: MadeVault, error: type[Exception], open_vault: Callable[[], object] | None = None
) -> Exception:
    before = snapshot(made.path)
    with pytest.raises(error) as caught:
        (open_vault or made.open)()
    assert snapshot(made.path) == before
    return caught.value


def db(made: MadeVault) -> Path:
    return made.path / "vault.db"


def test_wrong_passphrase(filled: MadeVault) -> None:
    assert_refused_unchanged(
        filled, WrongPassphrase, lambda: Vault.unlock(filled.path, "nope nope nope")
    )


@pytest.mark.parametrize("cut", ["half-pages", "mid-page", "one-page", "empty"])
def test_truncated_database(filled: MadeVault, cut: str) -> None:
    size = db(filled).stat().st_size
    keep = {
        "half-pages": (size // PAGE_SIZE // 2) * PAGE_SIZE,
        "mid-page": size // 2 + 100,
        "one-page": PAGE_SIZE,
        "empty": 0,
    }[cut]
    with open(db(filled), "r+b") as handle:
        handle.truncate(keep)
    error = assert_refused_unchanged(filled, VaultCorrupted)
    assert error.reason in {CorruptionReason.TRUNCATED, CorruptionReason.UNREADABLE}


def test_plain_sqlite_file_in_its_place(filled: MadeVault) -> None:
    db(filled).unlink()
    plain = sqlite3.connect(db(filled))
    plain.execute("CREATE TABLE vault_meta (key TEXT, value TEXT)")
    plain.commit()
    plain.close()
    error = assert_refused_unchanged(filled, VaultCorrupted)
    assert error.reason is CorruptionReason.PLAINTEXT_DATABASE


def test_missing_database(filled: MadeVault) -> None:
    db(filled).unlink()
    error = assert_refused_unchanged(filled, VaultCorrupted)
    assert error.reason is CorruptionReason.DATABASE_MISSING


def zero_page(path: Path, page_number: int) -> None:
    with open(path, "r+b") as handle:
        handle.seek((page_number - 1) * PAGE_SIZE)
        handle.write(bytes(PAGE_SIZE))


def test_zeroed_first_page(filled: MadeVault) -> None:
    zero_page(db(filled), 1)
    error = assert_refused_unchanged(filled, VaultCorrupted)
    assert error.reason is CorruptionReason.UNREADABLE


def test_zeroed_page_inside_is_caught_on_reading_and_by_the_check(filled: MadeVault) -> None:
    pages = db(filled).stat().st_size // PAGE_SIZE
    # The notes were written last, after the schema: a page near the end holds notes.
    zero_page(db(filled), pages - 3)
    before = snapshot(filled.path)
    with filled.open() as vault:
        with pytest.raises(VaultCorrupted):
            vault.check_integrity()
        with pytest.raises(VaultCorrupted):
            read_notes(vault)
    assert snapshot(filled.path) == before


def test_database_switched_out_of_wal_mode(filled: MadeVault) -> None:
    import sqlcipher3

    key = raw_data_key(filled.path, filled.passphrase)
    raw = sqlcipher3.connect(str(db(filled)))
    raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    assert raw.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    raw.close()
    error = assert_refused_unchanged(filled, VaultCorrupted)
    assert error.reason is CorruptionReason.UNEXPECTED_SETTING


def test_database_of_another_vault(filled: MadeVault, tmp_path: Path) -> None:
    from tests.conftest import make_vault

    other = make_vault(tmp_path / "other", filled.passphrase)
    db(filled).write_bytes(db(other).read_bytes())
    error = assert_refused_unchanged(filled, VaultCorrupted)
    assert error.reason is CorruptionReason.UNREADABLE


def corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x20
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("copy", ["keyslots", "keyslots.bak"])
def test_one_damaged_slot_copy_opens_and_is_repaired(filled: MadeVault, copy: str) -> None:
    good = (filled.path / ("keyslots.bak" if copy == "keyslots" else "keyslots")).read_bytes()
    corrupt(filled.path / copy)
    with filled.open() as vault:
        assert len(read_notes(vault)) == ROWS
    assert (filled.path / copy).read_bytes() == good


@pytest.mark.parametrize("copy", ["keyslots", "keyslots.bak"])
def test_one_missing_slot_copy_opens_and_is_repaired(filled: MadeVault, copy: str) -> None:
    good = (filled.path / copy).read_bytes()
    (filled.path / copy).unlink()
    filled.open().close()
    assert (filled.path / copy).read_bytes() == good


def test_both_slot_copies_damaged(filled: MadeVault) -> None:
    corrupt(filled.path / "keyslots")
    corrupt(filled.path / "keyslots.bak")
    error = assert_refused_unchanged(filled, VaultCorrupted)
    assert error.reason is CorruptionReason.SLOTS_DAMAGED


def set_kdf(made: MadeVault, **values: int) -> None:
    """Rewrite both slot copies with other KDF parameters and a valid checksum."""
    for name in keyslots.COPY_NAMES:
        path = made.path / name
        document = json.loads(path.read_bytes())
        for slot in document["slots"]:
            slot["kdf"].update(values)
        document.pop("checksum")
        body = keyslots._canonical(document)
        document["checksum"] = "sha256:" + hashlib.sha256(body).hexdigest()
        path.write_text(json.dumps(document))


@pytest.mark.parametrize(
    "values",
    [{"memory_kib": 4 * 1024 * 1024}, {"iterations": 1000}, {"memory_kib": 1024}, {"lanes": 255}],
    ids=["4GiB", "t1000", "1MiB", "p255"],
)
def test_hostile_kdf_parameters_are_refused_before_deriving(
    filled: MadeVault, values: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    set_kdf(filled, **values)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the KDF ran")

    monkeypatch.setattr(kdf, "Argon2id", refuse)
    assert_refused_unchanged(filled, KdfParametersRejected)
