"""Step 2: witnesses, identities, testimonies, revisions, attachments, audit log, search index."""

from typing import Any

VERSION = 2

STATEMENTS = [
    # Every pseudonymous ID ever issued, by its random part: a collision is caught here.
    """CREATE TABLE issued_ids (
        random_part INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('W', 'T'))
    ) STRICT""",
    """CREATE TABLE witnesses (
        id TEXT PRIMARY KEY NOT NULL,
        age INTEGER,
        age_band TEXT,
        gender TEXT,
        occupation TEXT,
        displacement_status TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT""",
    # Identity details apart from everything else: no search index, no revision, no export.
    """CREATE TABLE witness_identities (
        witness_id TEXT PRIMARY KEY NOT NULL REFERENCES witnesses (id) ON DELETE CASCADE,
        full_name TEXT,
        nickname TEXT,
        phone TEXT,
        home_village TEXT,
        neighbourhood TEXT,
        national_id TEXT,
        email TEXT
    ) STRICT""",
    """CREATE TABLE testimonies (
        id TEXT PRIMARY KEY NOT NULL,
        witness_id TEXT NOT NULL REFERENCES witnesses (id),
        revision INTEGER NOT NULL,
        status TEXT NOT NULL,
        interview_date TEXT,
        interview_place TEXT,
        language TEXT,
        content TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT""",
    "CREATE INDEX testimonies_by_witness ON testimonies (witness_id)",
    "CREATE INDEX testimonies_by_updated ON testimonies (updated_at)",
    """CREATE TABLE testimony_tags (
        testimony_id TEXT NOT NULL REFERENCES testimonies (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (testimony_id, tag)
    ) STRICT, WITHOUT ROWID""",
    "CREATE INDEX testimony_tags_by_tag ON testimony_tags (tag)",
    """CREATE TABLE testimony_revisions (
        testimony_id TEXT NOT NULL REFERENCES testimonies (id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        saved_at TEXT NOT NULL,
        content TEXT NOT NULL,
        PRIMARY KEY (testimony_id, revision)
    ) STRICT""",
    """CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        testimony_id TEXT NOT NULL REFERENCES testimonies (id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL DEFAULT 0,
        sha256 TEXT,
        added_at TEXT NOT NULL,
        complete INTEGER NOT NULL DEFAULT 0
    ) STRICT""",
    "CREATE INDEX attachments_by_testimony ON attachments (testimony_id)",
    """CREATE TABLE attachment_chunks (
        attachment_id INTEGER NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (attachment_id, seq)
    ) STRICT""",
    # Append-only, hash-chained; IDs and hashes only, never content.
    """CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    ) STRICT""",
    """CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    # Full-text search over normalised text; contentless, so the index keeps tokens only.
    """CREATE VIRTUAL TABLE search_index USING fts5 (
        body, content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    """CREATE TABLE search_documents (
        rowid INTEGER PRIMARY KEY,
        testimony_id TEXT NOT NULL UNIQUE REFERENCES testimonies (id) ON DELETE CASCADE
    ) STRICT""",
]


def apply(connection: Any) -> None:
    for statement in STATEMENTS:
        connection.execute(statement)
