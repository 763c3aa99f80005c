"""Test helpers: raw keys, byte-level snapshots and canary scans of a vault directory."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from testimony_app.vault import Vault, keyslots
from testimony_app.vault.keyslots import SlotKind
from testimony_app.vault.subkeys import SubkeyLabel, derive_subkey
from testimony_app.vault.vault import passphrase_bytes


def raw_data_key(vault_dir: Path, passphrase: str) -> bytes:
    """The SQLCipher data key, for tests that must read vault.db with other software."""
    slots = keyslots.load(vault_dir).slots
    master = keyslots.unwrap(slots, SlotKind.PASSPHRASE, passphrase_bytes(passphrase))
    return bytes(derive_subkey(master, SubkeyLabel.DATA_KEY))


def snapshot(directory: Path) -> dict[str, str]:
    """sha256 of every file under `directory`, by relative path."""
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def canary(label: str = "CANARY") -> str:
    return f"{label}-{secrets.token_hex(6)}"


def encodings_of(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def canary_hits(directory: Path, canaries: list[str]) -> list[tuple[str, str]]:
    """(file, canary) for every canary found in any byte of any file, in UTF-8 or UTF-16."""
    hits = []
    for path in sorted(directory.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for text in canaries:
            if any(form in data for form in encodings_of(text)):
                hits.append((str(path.relative_to(directory)), text))
    return hits


NOTES_TABLE = "CREATE TABLE IF NOT EXISTS test_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"


def write_note(vault: Vault, body: str) -> int:
    """Store one row through the vault's transaction API; returns its id."""
    with vault.transaction() as connection:
        connection.execute(NOTES_TABLE)
        cursor = connection.execute("INSERT INTO test_notes (body) VALUES (?)", (body,))
        return int(cursor.lastrowid)


def read_notes(vault: Vault) -> dict[int, str]:
    with vault.reading() as connection:
        exists = connection.execute(
            "SELECT 1 FROM sqlite_schema WHERE name = 'test_notes'"
        ).fetchone()
        if not exists:
            return {}
        return {row[0]: row[1] for row in connection.execute("SELECT id, body FROM test_notes")}


def decrypted_pages(db_path: Path, data_key: bytes, page_size: int = 4096) -> bytes:
    """Every page of a SQLCipher 4 file decrypted with the raw key, free pages included.

    SQLCipher 4: AES-256-CBC per page; each page ends with a reserve of 80 bytes (a 16-byte
    IV, then a 64-byte HMAC-SHA512); page 1 starts with the 16-byte salt.
    """
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    reserve = 80
    data = db_path.read_bytes()
    out = []
    for start in range(0, len(data), page_size):
        page = data[start : start + page_size]
        offset = 16 if start == 0 else 0
        iv = page[page_size - reserve : page_size - reserve + 16]
        decryptor = Cipher(algorithms.AES(data_key), modes.CBC(iv)).decryptor()
        out.append(decryptor.update(page[offset : page_size - reserve]) + decryptor.finalize())
    return b"".join(out)
