"""vault.db is standard SQLCipher 4: an independent implementation reads it with the raw key."""

from __future__ import annotations

import os

import pytest

from tests.conftest import MadeVault
from tests.helpers import canary, raw_data_key, write_note

apsw = pytest.importorskip("apsw", reason="apsw-sqlite3mc is a test dependency")


def open_with_sqlite3mc(path: str, key_hex: str) -> list[tuple[object, ...]]:
    connection = apsw.Connection(path, flags=apsw.SQLITE_OPEN_READONLY)
    try:
        connection.execute("PRAGMA cipher = 'sqlcipher'")
        connection.execute("PRAGMA legacy = 4")
        connection.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        return list(connection.execute("SELECT body FROM test_notes ORDER BY id"))
    finally:
        connection.close()


def test_sqlite3mc_reads_the_vault_with_the_raw_key_and_nothing_else(made_vault: MadeVault) -> None:
    texts = [canary(), "شهادة " + canary()]
    with made_vault.open() as vault:
        for text in texts:
            write_note(vault, text)
    key = raw_data_key(made_vault.path, made_vault.passphrase)
    db = str(made_vault.path / "vault.db")
    assert [row[0] for row in open_with_sqlite3mc(db, key.hex())] == texts
    for other in (os.urandom(32), bytes(32), key[:-1] + bytes([key[-1] ^ 1])):
        with pytest.raises(apsw.Error):
            open_with_sqlite3mc(db, other.hex())
