"""Step 5: the researcher's redaction decisions, one JSON list per testimony."""

from typing import Any

VERSION = 5


def apply(connection: Any) -> None:
    connection.execute(
        """CREATE TABLE redaction_marks (
            testimony_id TEXT PRIMARY KEY NOT NULL
                REFERENCES testimonies (id) ON DELETE CASCADE,
            marks TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
