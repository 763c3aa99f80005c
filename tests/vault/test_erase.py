"""Crypto-erase: the keys are destroyed at once; nothing opens the data afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from testimony_app.errors import VaultNotFound
from testimony_app.vault import Vault, erase
from testimony_app.vault.erase import EraseReport
from tests.conftest import MadeVault
from tests.helpers import write_note

MIB = 1024 * 1024


def fill(vault: Vault, mebibytes: int) -> None:
    """Random 1 MiB blobs through the vault's own transactions, 64 MiB per transaction."""
    with vault.transaction() as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS filler (data BLOB NOT NULL)")
    remaining = mebibytes
    while remaining:
        batch = min(64, remaining)
        with vault.transaction() as connection:
            connection.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                "INSERT INTO filler SELECT randomblob(?) FROM n",
                (batch, MIB),
            )
        remaining -= batch


def bytes_written_by_this_process() -> int:
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("wchar:"):
            return int(line.split()[1])
    raise AssertionError("no wchar in /proc/self/io")


def erase_and_check(made: MadeVault, tmp_path: Path, mebibytes: int) -> EraseReport:
    with made.open() as vault:
        write_note(vault, "to be erased")
        fill(vault, mebibytes)
    db_size = (made.path / "vault.db").stat().st_size
    assert db_size >= mebibytes * MIB
    kept_db = tmp_path / "seized-copy.db"  # what someone copied off the disk before the erase
    shutil.copyfile(made.path / "vault.db", kept_db)

    written_before = bytes_written_by_this_process()
    report = erase(made.path)
    written = bytes_written_by_this_process() - written_before

    # The work does not grow with the data: only the small slot files are overwritten.
    assert written < 64 * 1024, written
    assert report.slot_copies_destroyed == 2
    assert not made.path.exists()
    with pytest.raises(VaultNotFound):
        made.open()
    with pytest.raises(VaultNotFound):
        Vault.unlock_with_recovery_code(made.path, made.recovery_code)
    # Put the seized database back: without the key slots it is noise to both secrets.
    made.path.mkdir()
    shutil.copyfile(kept_db, made.path / "vault.db")
    with pytest.raises(VaultNotFound):
        made.open()
    return report


def test_erase_destroys_the_keys_of_a_filled_vault(made_vault: MadeVault, tmp_path: Path) -> None:
    erase_and_check(made_vault, tmp_path, mebibytes=48)


@pytest.mark.slow
def test_erase_of_a_one_gigabyte_vault(made_vault: MadeVault, tmp_path: Path) -> None:
    report = erase_and_check(made_vault, tmp_path, mebibytes=1024)
    print(f"erase of a 1 GiB vault took {report.seconds:.3f} s")


def test_erase_works_while_the_vault_is_open_elsewhere(made_vault: MadeVault) -> None:
    other_program = made_vault.open()
    try:
        erase(made_vault.path)
    finally:
        other_program.close()
    assert not made_vault.path.exists()


def test_old_slot_copies_are_overwritten_before_unlinking(
    made_vault: MadeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from testimony_app.vault import fsutil

    seen: list[bytes] = []
    originals = {
        name: (made_vault.path / name).read_bytes() for name in ("keyslots", "keyslots.bak")
    }
    real_unlink = fsutil.os.unlink

    def spying_unlink(path: object, *args: object, **kwargs: object) -> None:
        if Path(str(path)).name in originals:
            seen.append(Path(str(path)).read_bytes())
        real_unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fsutil.os, "unlink", spying_unlink)
    erase(made_vault.path)
    assert len(seen) == 2
    for content in seen:
        assert content not in originals.values()
        assert b"wrapped_key" not in content


def test_erase_of_nothing_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        erase(tmp_path / "nothing-here")
