"""Attachments inside the encrypted database, streamed in and out in 1 MiB chunks.

Ingest runs in one transaction, so an attachment is either wholly there, with its size and
SHA-256, or not there at all: a crash or a cancel leaves nothing half-written. Memory stays
bounded by the chunk size both ways. Reading re-hashes every byte and raises if the result
differs from what was recorded at ingest.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from testimony_app.domain.ids import TestimonyId
from testimony_app.domain.records import AttachmentInfo
from testimony_app.errors import AppError
from testimony_app.vault import audit_log
from testimony_app.vault.audit_log import AuditAction
from testimony_app.vault.vault import Vault

CHUNK_SIZE = 1024 * 1024
MAX_NAME_CHARS = 1000
MAX_MEDIA_TYPE_CHARS = 200

Progress = Callable[[int, int | None], None]
Connection = Any


class AttachmentCorrupted(AppError):
    default_message = "an attachment does not match the hash recorded when it was added"


class AttachmentNotFound(AppError):
    default_message = "no such attachment"


class Cancelled(AppError):
    default_message = "cancelled; nothing was saved"


class TestimonyNotFound(AppError):
    __test__ = False
    default_message = "no such testimony"


def ingest(
    vault: Vault,
    testimony_id: TestimonyId,
    source: BinaryIO,
    *,
    file_name: str,
    media_type: str,
    at: str,
    total: int | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> AttachmentInfo:
    """Stream `source` into the vault as an attachment of `testimony_id`."""
    file_name = file_name[:MAX_NAME_CHARS]
    media_type = (media_type or "application/octet-stream")[:MAX_MEDIA_TYPE_CHARS]
    digest = hashlib.sha256()
    size = 0
    with vault.transaction() as connection:
        if (
            connection.execute("SELECT 1 FROM testimonies WHERE id = ?", (testimony_id,)).fetchone()
            is None
        ):
            raise TestimonyNotFound()
        cursor = connection.execute(
            "INSERT INTO attachments (testimony_id, file_name, media_type, added_at) "
            "VALUES (?, ?, ?, ?)",
            (testimony_id, file_name, media_type, at),
        )
        attachment_id = int(cursor.lastrowid)
        seq = 0
        while chunk := source.read(CHUNK_SIZE):
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            digest.update(chunk)
            size += len(chunk)
            connection.execute(
                "INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)",
                (attachment_id, seq, chunk),
            )
            seq += 1
            if progress is not None:
                progress(size, total)
        sha256 = digest.hexdigest()
        connection.execute(
            "UPDATE attachments SET size = ?, sha256 = ?, complete = 1 WHERE id = ?",
            (size, sha256, attachment_id),
        )
        audit_log.append(
            connection,
            AuditAction.ATTACHMENT_ADDED,
            testimony_id,
            f"{attachment_id}:{sha256}",
            at=at,
        )
    return AttachmentInfo(attachment_id, testimony_id, file_name, media_type, size, sha256, at)


_INFO_SELECT = (
    "SELECT id, testimony_id, file_name, media_type, size, sha256, added_at FROM attachments"
)


def _info(row: tuple[Any, ...]) -> AttachmentInfo:
    return AttachmentInfo(
        id=int(row[0]),
        testimony_id=TestimonyId(row[1]),
        file_name=row[2],
        media_type=row[3],
        size=int(row[4]),
        sha256=row[5],
        added_at=row[6],
    )


def list_for(connection: Connection, testimony_id: TestimonyId) -> list[AttachmentInfo]:
    rows = connection.execute(
        _INFO_SELECT + " WHERE testimony_id = ? AND complete = 1 ORDER BY id", (testimony_id,)
    )
    return [_info(row) for row in rows]


def get_info(connection: Connection, attachment_id: int) -> AttachmentInfo:
    row = connection.execute(
        _INFO_SELECT + " WHERE id = ? AND complete = 1", (attachment_id,)
    ).fetchone()
    if row is None:
        raise AttachmentNotFound()
    return _info(row)


def read_chunks(vault: Vault, attachment_id: int, *, check_hash: bool = True) -> Iterator[bytes]:
    """Yield the attachment chunk by chunk; raises AttachmentCorrupted at the end on mismatch.

    Each chunk is read in its own short read, so the caller may take its time between chunks
    without holding the database; attachments never change once complete. `check_hash=False`
    is for a caller that checks a hash of what it makes of the bytes instead (an export
    following a cleaning plan): SQLCipher still authenticates every page, the size is still
    checked, and a second SHA-256 pass over the whole file is saved.
    """
    with vault.reading() as connection:
        info = get_info(connection, attachment_id)
    digest = hashlib.sha256()
    size = 0
    seq = 0
    while True:
        with vault.reading() as connection:
            row = connection.execute(
                "SELECT data FROM attachment_chunks WHERE attachment_id = ? AND seq = ?",
                (attachment_id, seq),
            ).fetchone()
        if row is None:
            break
        chunk = bytes(row[0])
        if check_hash:
            digest.update(chunk)
        size += len(chunk)
        seq += 1
        yield chunk
    if size != info.size or (check_hash and digest.hexdigest() != info.sha256):
        raise AttachmentCorrupted()


def read_all(vault: Vault, attachment_id: int, *, limit: int) -> bytes:
    """The whole attachment in memory (for viewing a picture), verified; refuses above `limit`."""
    with vault.reading() as connection:
        info = get_info(connection, attachment_id)
    if info.size > limit:
        raise ValueError("attachment too large to hold in memory")
    return b"".join(read_chunks(vault, attachment_id))
