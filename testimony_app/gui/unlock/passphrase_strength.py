"""A rough, honest strength hint for a new passphrase (length and variety, not a promise)."""

from __future__ import annotations

import enum
import math
import unicodedata


class Strength(enum.Enum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


def estimate_bits(passphrase: str) -> float:
    text = unicodedata.normalize("NFC", passphrase)
    pools = 0
    if any(c.islower() and c.isascii() for c in text):
        pools += 26
    if any(c.isupper() and c.isascii() for c in text):
        pools += 26
    if any(c.isdigit() for c in text):
        pools += 10
    if any(not c.isascii() for c in text):
        pools += 36  # Arabic letters and other scripts
    if any(not c.isalnum() for c in text):
        pools += 20
    distinct = len(set(text))
    return len(text) * math.log2(max(pools, 2)) * min(1.0, distinct / max(len(text) * 0.6, 1))


def strength(passphrase: str, minimum_length: int = 8) -> Strength:
    if len(passphrase) < minimum_length:
        return Strength.TOO_SHORT
    bits = estimate_bits(passphrase)
    if bits < 45:
        return Strength.WEAK
    if bits < 70:
        return Strength.FAIR
    return Strength.STRONG
