"""Step 6: what exporting and opening bundles keeps: keys, address book, counters, imports."""

from typing import Any

VERSION = 6

_TABLES = (
    # The signing key and the pseudonym secret: random, inside the encrypted database, so
    # that they survive a passphrase change and a rekey (aliases stay stable).
    """CREATE TABLE vault_secrets (
        name TEXT PRIMARY KEY NOT NULL,
        value BLOB NOT NULL,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE recipients (
        age_key TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        added_at TEXT NOT NULL
    )""",
    """CREATE TABLE trusted_senders (
        signing_key BLOB PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        added_at TEXT NOT NULL
    )""",
    """CREATE TABLE bundle_aliases (
        recipient TEXT NOT NULL,
        alias TEXT NOT NULL,
        real_id TEXT NOT NULL,
        PRIMARY KEY (recipient, alias),
        UNIQUE (recipient, real_id)
    )""",
    """CREATE TABLE sent_bundles (
        bundle_id TEXT PRIMARY KEY NOT NULL,
        counter INTEGER NOT NULL UNIQUE,
        recipient TEXT NOT NULL,
        profile TEXT NOT NULL,
        sha256 TEXT,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE received_bundles (
        bundle_id TEXT PRIMARY KEY NOT NULL,
        sender_key BLOB NOT NULL,
        counter INTEGER NOT NULL,
        created TEXT NOT NULL,
        profile TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (sender_key, counter)
    )""",
    """CREATE TABLE imported_testimonies (
        bundle_id TEXT NOT NULL REFERENCES received_bundles (bundle_id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        witness_alias TEXT,
        record TEXT NOT NULL,
        PRIMARY KEY (bundle_id, alias)
    )""",
    """CREATE TABLE imported_files (
        id INTEGER PRIMARY KEY,
        bundle_id TEXT NOT NULL REFERENCES received_bundles (bundle_id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        UNIQUE (bundle_id, path)
    )""",
    # What an attachment looks like once cleaned for export (the cleaners are deterministic):
    # known in advance, a bundle streams each attachment once instead of measuring it first.
    """CREATE TABLE attachment_cleaned (
        attachment_id INTEGER PRIMARY KEY NOT NULL
            REFERENCES attachments (id) ON DELETE CASCADE,
        cleaner_version TEXT NOT NULL,
        media_type TEXT NOT NULL,
        extension TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL
    )""",
    """CREATE TABLE imported_file_chunks (
        file_id INTEGER NOT NULL REFERENCES imported_files (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (file_id, seq)
    )""",
)


def apply(connection: Any) -> None:
    for statement in _TABLES:
        connection.execute(statement)
