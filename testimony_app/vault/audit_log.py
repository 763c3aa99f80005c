"""The audit log: append-only, hash-chained, holding IDs and hashes, never content.

Each entry's hash covers its sequence number, time, action, subject, detail and the previous
entry's hash, so changing, removing or reordering any entry breaks the chain at that entry.
The chain shows tampering by someone who edits the database without rewriting every later
entry; it is not a signature (whoever holds the key can rebuild it), which is why exports are
signed separately.
"""

from __future__ import annotations

import datetime
import enum
import hashlib
import json
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64

Connection = Any


class AuditAction(enum.Enum):
    VAULT_CREATED = "vault.created"
    PASSPHRASE_CHANGED = "vault.passphrase_changed"
    REKEYED = "vault.rekeyed"
    WITNESS_CREATED = "witness.created"
    WITNESS_EDITED = "witness.edited"
    IDENTITY_EDITED = "witness.identity_edited"
    IDENTITY_VIEWED = "witness.identity_viewed"
    TESTIMONY_CREATED = "testimony.created"
    TESTIMONY_EDITED = "testimony.edited"
    TESTIMONY_DELETED = "testimony.deleted"
    ATTACHMENT_ADDED = "attachment.added"
    RECORDS_IMPORTED = "records.imported"
    EXPORTED = "export.written"
    EXPORT_WITHDRAWN = "export.withdrawn"  # deleted again: a later bundle of the export failed
    REDACTION_MARKED = "testimony.redaction_marked"
    RECIPIENT_ADDED = "keys.recipient_added"
    SENDER_TRUSTED = "keys.sender_trusted"
    BUNDLE_IMPORTED = "bundle.imported"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    action: str
    subject: str | None
    detail: str | None
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    first_broken_seq: int | None  # None: the whole chain verifies

    @property
    def ok(self) -> bool:
        return self.first_broken_seq is None


def now_utc() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entry_hash(
    seq: int, at: str, action: str, subject: str | None, detail: str | None, prev_hash: str
) -> str:
    canonical = json.dumps(
        [seq, at, action, subject, detail, prev_hash], ensure_ascii=True, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def append(
    connection: Connection,
    action: AuditAction,
    subject: str | None = None,
    detail: str | None = None,
    *,
    at: str | None = None,
) -> AuditEntry:
    """Add an entry inside the caller's transaction (so it commits with what it records)."""
    row = connection.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev_hash = (1, GENESIS) if row is None else (int(row[0]) + 1, str(row[1]))
    when = at or now_utc()
    digest = entry_hash(seq, when, action.value, subject, detail, prev_hash)
    connection.execute(
        "INSERT INTO audit_log (seq, at, action, subject, detail, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (seq, when, action.value, subject, detail, prev_hash, digest),
    )
    return AuditEntry(seq, when, action.value, subject, detail, prev_hash, digest)


def entries(connection: Connection, *, subject: str | None = None) -> list[AuditEntry]:
    query = "SELECT seq, at, action, subject, detail, prev_hash, hash FROM audit_log"
    parameters: tuple[Any, ...] = ()
    if subject is not None:
        query += " WHERE subject = ?"
        parameters = (subject,)
    rows = connection.execute(query + " ORDER BY seq", parameters).fetchall()
    return [AuditEntry(*row) for row in rows]


def verify(connection: Connection) -> ChainCheck:
    """Walk the chain from the start; name the first entry whose hash or link is wrong."""
    expected_prev = GENESIS
    expected_seq = 1
    count = 0
    cursor = connection.execute(
        "SELECT seq, at, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY rowid"
    )
    for row in cursor:
        count += 1
        seq, at, action, subject, detail, prev_hash, stored = row
        ok = (
            isinstance(seq, int)
            and seq == expected_seq
            and prev_hash == expected_prev
            and all(isinstance(value, str) for value in (at, action, prev_hash, stored))
            and all(value is None or isinstance(value, str) for value in (subject, detail))
            and entry_hash(seq, at, action, subject, detail, prev_hash) == stored
        )
        if not ok:
            return ChainCheck(entries=count, first_broken_seq=expected_seq)
        expected_prev = stored
        expected_seq += 1
    return ChainCheck(entries=count, first_broken_seq=None)
