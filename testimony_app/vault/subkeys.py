"""Subkeys derived from the vault's master key with HKDF, one label per purpose.

The master key never keys anything itself: SQLCipher gets the data key, and later features
take their own labels, so that no two uses share a key.
"""

from __future__ import annotations

import enum

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MASTER_KEY_BYTES = 32


class SubkeyLabel(enum.Enum):
    DATA_KEY = b"testimony-app/v1/sqlcipher-data-key"


def derive_subkey(master_key: bytes | bytearray, label: SubkeyLabel, length: int = 32) -> bytearray:
    if len(master_key) != MASTER_KEY_BYTES:
        raise ValueError("master key has the wrong length")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=label.value)
    return bytearray(hkdf.derive(bytes(master_key)))


def wipe(buffer: bytearray | None) -> None:
    """Best effort: zero a key buffer we own (Python may still hold other copies)."""
    if buffer is not None:
        for index in range(len(buffer)):
            buffer[index] = 0
