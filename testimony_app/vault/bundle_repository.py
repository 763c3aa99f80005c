"""Persisting what bundles need: secrets, the address book, aliases, counters, imports.

Functions take a connection inside the caller's transaction, as the other repositories do.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from testimony_app.bundle.aliases import alias_for
from testimony_app.bundle.keys import new_signing_key

Connection = Any
SIGNING_KEY = "signing_key"
PSEUDONYM_SECRET = "pseudonym_secret"


@dataclass(frozen=True)
class Recipient:
    age_key: str
    name: str
    added_at: str


@dataclass(frozen=True)
class TrustedSender:
    signing_key: bytes
    name: str
    added_at: str


def secret(connection: Connection, name: str, at: str) -> bytes:
    """A vault secret, made on first use (inside the caller's transaction)."""
    row = connection.execute("SELECT value FROM vault_secrets WHERE name = ?", (name,)).fetchone()
    if row is not None:
        return bytes(row[0])
    value = new_signing_key() if name == SIGNING_KEY else secrets.token_bytes(32)
    connection.execute(
        "INSERT INTO vault_secrets (name, value, created_at) VALUES (?, ?, ?)", (name, value, at)
    )
    return value


def existing_secret(connection: Connection, name: str) -> bytes | None:
    row = connection.execute("SELECT value FROM vault_secrets WHERE name = ?", (name,)).fetchone()
    return None if row is None else bytes(row[0])


# --- address book ---------------------------------------------------------------------------


def add_recipient(connection: Connection, recipient: Recipient) -> None:
    connection.execute(
        "INSERT INTO recipients (age_key, name, added_at) VALUES (?, ?, ?) "
        "ON CONFLICT (age_key) DO UPDATE SET name = excluded.name",
        (recipient.age_key, recipient.name, recipient.added_at),
    )


def remove_recipient(connection: Connection, age_key: str) -> bool:
    return bool(connection.execute("DELETE FROM recipients WHERE age_key = ?", (age_key,)).rowcount)


def list_recipients(connection: Connection) -> list[Recipient]:
    rows = connection.execute(
        "SELECT age_key, name, added_at FROM recipients ORDER BY name, age_key"
    )
    return [Recipient(*row) for row in rows]


def trust_sender(connection: Connection, sender: TrustedSender) -> None:
    connection.execute(
        "INSERT INTO trusted_senders (signing_key, name, added_at) VALUES (?, ?, ?) "
        "ON CONFLICT (signing_key) DO UPDATE SET name = excluded.name",
        (sender.signing_key, sender.name, sender.added_at),
    )


def trusted_sender(connection: Connection, signing_key: bytes) -> TrustedSender | None:
    row = connection.execute(
        "SELECT signing_key, name, added_at FROM trusted_senders WHERE signing_key = ?",
        (signing_key,),
    ).fetchone()
    return None if row is None else TrustedSender(bytes(row[0]), row[1], row[2])


def list_senders(connection: Connection) -> list[TrustedSender]:
    rows = connection.execute(
        "SELECT signing_key, name, added_at FROM trusted_senders ORDER BY name"
    )
    return [TrustedSender(bytes(row[0]), row[1], row[2]) for row in rows]


# --- aliases ----------------------------------------------------------------------------------


def alias(connection: Connection, pseudonym_secret: bytes, recipient: str, real_id: str) -> str:
    """The recipient's alias for `real_id`: the one given before, else a new one, kept."""
    row = connection.execute(
        "SELECT alias FROM bundle_aliases WHERE recipient = ? AND real_id = ?",
        (recipient, real_id),
    ).fetchone()
    if row is not None:
        return str(row[0])
    attempt = 0
    while True:
        candidate = alias_for(pseudonym_secret, recipient, real_id, attempt)
        taken = connection.execute(
            "SELECT 1 FROM bundle_aliases WHERE recipient = ? AND alias = ?", (recipient, candidate)
        ).fetchone()
        if taken is None:
            connection.execute(
                "INSERT INTO bundle_aliases (recipient, alias, real_id) VALUES (?, ?, ?)",
                (recipient, candidate, real_id),
            )
            return candidate
        attempt += 1


def real_id_of(connection: Connection, alias_text: str) -> list[tuple[str, str]]:
    """(recipient, real ID) of every recipient that was given `alias_text`."""
    rows = connection.execute(
        "SELECT recipient, real_id FROM bundle_aliases WHERE alias = ? ORDER BY recipient",
        (alias_text,),
    )
    return [(str(r), str(i)) for r, i in rows]


# --- counters ---------------------------------------------------------------------------------


def next_counter(connection: Connection) -> int:
    row = connection.execute("SELECT COALESCE(MAX(counter), 0) FROM sent_bundles").fetchone()
    return int(row[0]) + 1


def record_sent(
    connection: Connection,
    bundle_id: str,
    counter: int,
    recipient: str,
    profile: str,
    at: str,
) -> None:
    connection.execute(
        "INSERT INTO sent_bundles (bundle_id, counter, recipient, profile, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (bundle_id, counter, recipient, profile, at),
    )


def sent_written(connection: Connection, bundle_id: str, sha256: str) -> None:
    connection.execute(
        "UPDATE sent_bundles SET sha256 = ? WHERE bundle_id = ?", (sha256, bundle_id)
    )


def highest_counter_from(connection: Connection, sender_key: bytes) -> int:
    row = connection.execute(
        "SELECT COALESCE(MAX(counter), 0) FROM received_bundles WHERE sender_key = ?",
        (sender_key,),
    ).fetchone()
    return int(row[0])


def bundle_seen(connection: Connection, bundle_id: str) -> bool:
    row = connection.execute(
        "SELECT 1 FROM received_bundles WHERE bundle_id = ?", (bundle_id,)
    ).fetchone()
    return row is not None


# --- imports ----------------------------------------------------------------------------------


def record_received(
    connection: Connection,
    *,
    bundle_id: str,
    sender_key: bytes,
    counter: int,
    created: str,
    profile: str,
    manifest_sha256: str,
    at: str,
) -> None:
    connection.execute(
        "INSERT INTO received_bundles (bundle_id, sender_key, counter, created, profile, "
        "manifest_sha256, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (bundle_id, sender_key, counter, created, profile, manifest_sha256, at),
    )


def insert_imported_testimony(
    connection: Connection, bundle_id: str, alias_text: str, witness_alias: str | None, record: str
) -> None:
    connection.execute(
        "INSERT INTO imported_testimonies (bundle_id, alias, witness_alias, record) "
        "VALUES (?, ?, ?, ?)",
        (bundle_id, alias_text, witness_alias, record),
    )


def start_imported_file(
    connection: Connection, bundle_id: str, path: str, size: int, sha256: str
) -> int:
    cursor = connection.execute(
        "INSERT INTO imported_files (bundle_id, path, size, sha256) VALUES (?, ?, ?, ?)",
        (bundle_id, path, size, sha256),
    )
    return int(cursor.lastrowid)


def add_imported_chunk(connection: Connection, file_id: int, seq: int, data: bytes) -> None:
    connection.execute(
        "INSERT INTO imported_file_chunks (file_id, seq, data) VALUES (?, ?, ?)",
        (file_id, seq, data),
    )


@dataclass(frozen=True)
class ReceivedBundle:
    bundle_id: str
    sender_key: bytes
    sender_name: str | None
    counter: int
    created: str
    profile: str
    imported_at: str
    testimonies: int


def list_received(connection: Connection) -> list[ReceivedBundle]:
    rows = connection.execute(
        "SELECT b.bundle_id, b.sender_key, s.name, b.counter, b.created, b.profile, "
        "b.imported_at, (SELECT COUNT(*) FROM imported_testimonies t "
        "WHERE t.bundle_id = b.bundle_id) FROM received_bundles b "
        "LEFT JOIN trusted_senders s ON s.signing_key = b.sender_key "
        "ORDER BY b.imported_at DESC, b.bundle_id"
    )
    return [ReceivedBundle(r[0], bytes(r[1]), r[2], r[3], r[4], r[5], r[6], r[7]) for r in rows]


def imported_testimonies(connection: Connection, bundle_id: str) -> list[tuple[str, str]]:
    rows = connection.execute(
        "SELECT alias, record FROM imported_testimonies WHERE bundle_id = ? ORDER BY alias",
        (bundle_id,),
    )
    return [(str(a), str(r)) for a, r in rows]


def imported_file_chunks(connection: Connection, bundle_id: str, path: str) -> Iterator[bytes]:
    row = connection.execute(
        "SELECT id FROM imported_files WHERE bundle_id = ? AND path = ?", (bundle_id, path)
    ).fetchone()
    if row is None:
        return
    for (data,) in connection.execute(
        "SELECT data FROM imported_file_chunks WHERE file_id = ? ORDER BY seq", (row[0],)
    ):
        yield bytes(data)


# --- cleaned attachments ----------------------------------------------------------------------


@dataclass(frozen=True)
class CleanedDigest:
    media_type: str
    extension: str
    size: int
    sha256: str
    # testimony_app.media.plan, encoded: None not written down (before schema step 8),
    # "" none possible (a picture), else how to cut the cleaned bytes from the original.
    plan: str | None = field(default=None, repr=False)


def cleaned_digest(
    connection: Connection, attachment_id: int, cleaner_version: str
) -> CleanedDigest | None:
    row = connection.execute(
        "SELECT media_type, extension, size, sha256, plan FROM attachment_cleaned "
        "WHERE attachment_id = ? AND cleaner_version = ?",
        (attachment_id, cleaner_version),
    ).fetchone()
    return None if row is None else CleanedDigest(*row)


def store_cleaned_digest(
    connection: Connection, attachment_id: int, cleaner_version: str, digest: CleanedDigest
) -> None:
    connection.execute(
        "INSERT OR REPLACE INTO attachment_cleaned (attachment_id, cleaner_version, media_type, "
        "extension, size, sha256, plan) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            attachment_id,
            cleaner_version,
            digest.media_type,
            digest.extension,
            digest.size,
            digest.sha256,
            digest.plan,
        ),
    )
