"""Persisting the researcher's redaction marks, one JSON list per testimony."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from testimony_app.domain.ids import TestimonyId
from testimony_app.domain.redaction_marks import (
    RedactionMark,
    marks_from_storage,
    marks_to_storage,
)

Connection = Any


def marks_json(marks: Sequence[RedactionMark]) -> str:
    return json.dumps(marks_to_storage(marks), ensure_ascii=False, sort_keys=True)


def marks_hash(marks: Sequence[RedactionMark]) -> str:
    """What the audit log records of a change of marks: a hash, never the marked text."""
    return hashlib.sha256(marks_json(marks).encode("utf-8")).hexdigest()


def get_marks(connection: Connection, testimony_id: TestimonyId) -> tuple[RedactionMark, ...]:
    row = connection.execute(
        "SELECT marks FROM redaction_marks WHERE testimony_id = ?", (testimony_id,)
    ).fetchone()
    return () if row is None else marks_from_storage(json.loads(row[0]))


def set_marks(
    connection: Connection, testimony_id: TestimonyId, marks: Sequence[RedactionMark], at: str
) -> None:
    if not marks:
        connection.execute("DELETE FROM redaction_marks WHERE testimony_id = ?", (testimony_id,))
        return
    connection.execute(
        "INSERT INTO redaction_marks (testimony_id, marks, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (testimony_id) DO UPDATE SET marks = excluded.marks, "
        "updated_at = excluded.updated_at",
        (testimony_id, marks_json(marks), at),
    )
