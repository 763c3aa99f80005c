"""Step 1: the vault's own facts (its ID, when it was made, the key epoch)."""

from typing import Any

VERSION = 1


def apply(connection: Any) -> None:
    connection.execute(
        "CREATE TABLE vault_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT"
    )
