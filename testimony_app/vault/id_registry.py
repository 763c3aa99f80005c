"""Issuing pseudonymous IDs that are unique across the vault.

40 random bits collide often enough at scale (about one expected collision per million IDs),
so every issued random part is recorded and a collision is simply drawn again.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

import sqlcipher3

from testimony_app.domain.ids import RANDOM_BITS, IdKind, format_id, is_speakable
from testimony_app.errors import AppError

MAX_DRAWS = 64

Connection = Any


class IdSpaceExhausted(AppError):
    default_message = "could not draw an unused ID"


def issue(
    connection: Connection, kind: IdKind, *, draw: Callable[[int], int] = secrets.randbits
) -> str:
    """A fresh ID of `kind`, recorded inside the caller's transaction."""
    for _ in range(MAX_DRAWS):
        value = draw(RANDOM_BITS)
        if not is_speakable(value):
            continue  # would end in * ~ $ or =
        try:
            connection.execute(
                "INSERT INTO issued_ids (random_part, kind) VALUES (?, ?)", (value, kind.value)
            )
        except sqlcipher3.IntegrityError:
            continue  # drawn before: draw again
        return format_id(kind, value)
    raise IdSpaceExhausted()
