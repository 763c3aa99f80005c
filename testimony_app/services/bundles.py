"""The editor's side: verify a bundle, import it into the vault, or extract it to a folder.

Import is one transaction: the sender check, the replay check and every member go in while the
bundle streams, and the transaction commits only after the last byte has been verified; any
problem rolls everything back, so a rejected bundle leaves nothing in the vault. Extraction
writes into a hidden staging folder inside the destination and moves the files into place only
once the whole bundle has verified.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyrage import x25519

from testimony_app.bundle import keys
from testimony_app.bundle.manifest import (
    ATTACHMENT_PATH,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    TESTIMONY_PATH,
    Manifest,
)
from testimony_app.bundle.reader import BundleProblem, BundleRejected, read_bundle
from testimony_app.domain import interchange
from testimony_app.domain.ids import IdKind, InvalidId, parse_id
from testimony_app.domain.json_input import Problems, TooManyProblems, read_values
from testimony_app.domain.vocabulary import Vocabulary
from testimony_app.errors import AppError
from testimony_app.services.records import RecordService
from testimony_app.vault import audit_log, bundle_repository, fsutil
from testimony_app.vault.audit_log import AuditAction
from testimony_app.vault.bundle_repository import ReceivedBundle

CHUNK = 1024 * 1024
MAX_RECORD_BYTES_TOTAL = 256 * 1024 * 1024
_RECORD_EXTRA_KEYS = ("id", "attachments")


class DestinationNotEmpty(AppError):
    default_message = "the folder to extract into must be new or empty"


class UnknownSender(BundleRejected):
    """The bundle verifies but its sender is not trusted; `fingerprint` is theirs to compare."""

    def __init__(self, fingerprint: str) -> None:
        super().__init__(BundleProblem.UNKNOWN_SENDER)
        self.fingerprint = fingerprint


@dataclass(frozen=True)
class OpenedBundle:
    manifest: Manifest
    sender_fingerprint: str
    sender_name: str | None  # None: not a trusted sender
    testimonies: int
    attachments: int

    def __repr__(self) -> str:
        return f"OpenedBundle({self.manifest.bundle_id}, {self.testimonies} testimonies)"


@dataclass
class _MemorySink:
    """Testimony records in memory (bounded); other members to `store` (or dropped)."""

    store: Callable[[str, int], Callable[[bytes], None]] | None = None
    records: dict[str, bytearray] = field(default_factory=dict)
    _current: Callable[[bytes], None] | None = None
    _total: int = 0

    def begin(self, path: str, size: int) -> None:
        if TESTIMONY_PATH.fullmatch(path):
            self._total += size
            if self._total > MAX_RECORD_BYTES_TOTAL:
                raise BundleRejected(BundleProblem.CONTENT_INVALID, "records too large in total")
            buffer = self.records[path] = bytearray()
            self._current = buffer.extend
        elif self.store is not None:
            self._current = self.store(path, size)
        else:
            self._current = None

    def write(self, data: bytes) -> None:
        if self._current is not None:
            self._current(data)

    def end(self, path: str) -> None:
        self._current = None


def _checked_record(
    path: str, data: bytes, manifest: Manifest, vocabulary: Vocabulary
) -> tuple[str, str | None, str]:
    """(alias, witness alias, the record as stored) of a testimony member, or CONTENT_INVALID."""
    problems = Problems(1)
    try:
        values = list(
            read_values(
                data,
                problems,
                max_bytes=len(data) + 1,
                max_records=1,
                record_depth=interchange.RECORD_DEPTH + 1,
            )
        )
    except TooManyProblems:
        values = []
    if problems.items or len(values) != 1 or not isinstance(values[0][2], dict):
        raise BundleRejected(BundleProblem.CONTENT_INVALID)
    record: dict[str, Any] = dict(values[0][2])
    alias = path[len("testimonies/") : -len(".json")]
    if record.get("id") != alias:
        raise BundleRejected(BundleProblem.CONTENT_INVALID)
    witness = record.get("witness") or {}
    if not isinstance(witness, dict) or "identity" in witness:
        raise BundleRejected(BundleProblem.CONTENT_INVALID)
    witness_alias = witness.get("id")
    try:
        if witness_alias is not None:
            parse_id(str(witness_alias), IdKind.WITNESS)
    except InvalidId:
        raise BundleRejected(BundleProblem.CONTENT_INVALID) from None
    attachments = record.get("attachments") or []
    if not isinstance(attachments, list) or not all(
        isinstance(item, dict)
        and isinstance(item.get("path"), str)
        and ATTACHMENT_PATH.fullmatch(item["path"])
        and item["path"].startswith(f"attachments/{alias}/")
        and manifest.member(item["path"]) is not None
        for item in attachments
    ):
        raise BundleRejected(BundleProblem.CONTENT_INVALID)
    body = {key: value for key, value in record.items() if key not in _RECORD_EXTRA_KEYS}
    try:
        interchange.parse_object(body, vocabulary)
    except interchange.InterchangeError:
        raise BundleRejected(BundleProblem.CONTENT_INVALID) from None
    stored = json.dumps(record, ensure_ascii=False, sort_keys=True)
    return alias, None if witness_alias is None else str(witness_alias), stored


class BundleService:
    def __init__(self, records: RecordService) -> None:
        self.records = records
        self.vault = records.vault

    def _opened(self, manifest: Manifest, name: str | None) -> OpenedBundle:
        paths = [member.path for member in manifest.members]
        return OpenedBundle(
            manifest,
            keys.fingerprint(manifest.sender_key),
            name,
            sum(1 for p in paths if TESTIMONY_PATH.fullmatch(p)),
            sum(1 for p in paths if ATTACHMENT_PATH.fullmatch(p)),
        )

    def verify(
        self,
        path: Path,
        identity: x25519.Identity,
        progress: Callable[[int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> OpenedBundle:
        """Check everything without keeping anything; the sender need not be trusted yet."""
        sink = _MemorySink()
        with path.open("rb") as source:
            manifest = read_bundle(source, identity, sink, progress=_cancellable(progress, cancel))
        for member_path, data in sink.records.items():
            _checked_record(member_path, bytes(data), manifest, self.records.vocabulary)
        with self.vault.reading() as connection:
            sender = bundle_repository.trusted_sender(connection, manifest.sender_key)
        return self._opened(manifest, None if sender is None else sender.name)

    def import_bundle(
        self,
        path: Path,
        identity: x25519.Identity,
        *,
        trust: tuple[str, str] | None = None,  # (fingerprint as compared aloud, a name)
        progress: Callable[[int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> OpenedBundle:
        """Verify and import in one transaction; BundleRejected (or UnknownSender) otherwise."""
        at = self.records.clock()
        sender_name: list[str | None] = [None]
        with self.vault.transaction() as connection:
            bundle_id: list[str] = []

            def check(manifest: Manifest, fingerprint: str) -> None:
                sender = bundle_repository.trusted_sender(connection, manifest.sender_key)
                if sender is None:
                    wanted = trust is not None and _same_fingerprint(trust[0], fingerprint)
                    if not wanted or trust is None:
                        raise UnknownSender(fingerprint)
                    bundle_repository.trust_sender(
                        connection,
                        bundle_repository.TrustedSender(manifest.sender_key, trust[1], at),
                    )
                    audit_log.append(
                        connection, AuditAction.SENDER_TRUSTED, None, fingerprint, at=at
                    )
                    sender_name[0] = trust[1]
                else:
                    sender_name[0] = sender.name
                if bundle_repository.bundle_seen(connection, manifest.bundle_id) or (
                    manifest.counter
                    <= bundle_repository.highest_counter_from(connection, manifest.sender_key)
                ):
                    raise BundleRejected(BundleProblem.REPLAYED)
                bundle_repository.record_received(
                    connection,
                    bundle_id=manifest.bundle_id,
                    sender_key=manifest.sender_key,
                    counter=manifest.counter,
                    created=manifest.created,
                    profile=manifest.profile,
                    manifest_sha256=hashlib.sha256(manifest.raw).hexdigest(),
                    at=at,
                )
                bundle_id.append(manifest.bundle_id)

            def store(member_path: str, size: int) -> Callable[[bytes], None]:
                digest = "0" * 64  # checked by the reader; kept from the manifest below
                file_id = bundle_repository.start_imported_file(
                    connection, bundle_id[0], member_path, size, digest
                )
                buffer = bytearray()
                seq = [0]

                def write(data: bytes) -> None:
                    if cancel is not None and cancel.is_set():
                        raise OpeningCancelled()
                    buffer.extend(data)
                    while len(buffer) >= CHUNK:
                        bundle_repository.add_imported_chunk(
                            connection, file_id, seq[0], bytes(buffer[:CHUNK])
                        )
                        del buffer[:CHUNK]
                        seq[0] += 1
                    if len(buffer) and written_all(size, seq[0], len(buffer)):
                        bundle_repository.add_imported_chunk(
                            connection, file_id, seq[0], bytes(buffer)
                        )
                        buffer.clear()
                        seq[0] += 1

                return write

            sink = _MemorySink(store=store)
            with path.open("rb") as source:
                manifest = read_bundle(source, identity, sink, check=check, progress=progress)
            for member in manifest.members:
                connection.execute(
                    "UPDATE imported_files SET sha256 = ? WHERE bundle_id = ? AND path = ?",
                    (member.sha256, manifest.bundle_id, member.path),
                )
            for member_path, data in sink.records.items():
                alias, witness_alias, stored = _checked_record(
                    member_path, bytes(data), manifest, self.records.vocabulary
                )
                bundle_repository.insert_imported_testimony(
                    connection, manifest.bundle_id, alias, witness_alias, stored
                )
            audit_log.append(
                connection,
                AuditAction.BUNDLE_IMPORTED,
                manifest.bundle_id,
                hashlib.sha256(manifest.raw).hexdigest(),
                at=at,
            )
        return self._opened(manifest, sender_name[0])

    def extract(
        self,
        path: Path,
        identity: x25519.Identity,
        destination: Path,
        progress: Callable[[int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> OpenedBundle:
        """Verify, then leave the bundle's files in `destination` (new or empty)."""
        if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
            raise DestinationNotEmpty()
        fsutil.make_private_dir(destination)
        staging = destination / f".incoming-{secrets.token_hex(8)}"
        fsutil.make_private_dir(staging)
        handles: list[int] = []

        def store(member_path: str, size: int) -> Callable[[bytes], None]:
            target = staging / member_path
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(
                target,
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                0o600,
            )
            handles.append(fd)
            return lambda data: fsutil.write_all(fd, data)

        sink = _MemorySink(store=store)
        try:
            with path.open("rb") as source:
                manifest = read_bundle(
                    source, identity, sink, progress=_cancellable(progress, cancel)
                )
            for member_path, data in sink.records.items():
                _checked_record(member_path, bytes(data), manifest, self.records.vocabulary)
                _write_new(staging / member_path, bytes(data))
            # The signed manifest too, as received, so the folder can be checked again later.
            _write_new(staging / MANIFEST_NAME, manifest.raw)
            _write_new(staging / SIGNATURE_NAME, manifest.signature)
        except BaseException:
            for fd in handles:
                with contextlib.suppress(OSError):
                    os.close(fd)
            shutil.rmtree(staging, ignore_errors=True)
            with contextlib.suppress(OSError):
                destination.rmdir()  # only if empty: it was new or empty
            raise
        for fd in handles:
            os.close(fd)
        # One flush of the file system for every file written, rather than a fsync each:
        # nothing is in place until the renames below, and those come after it.
        os.sync()
        for entry in staging.iterdir():
            os.replace(entry, destination / entry.name)
        staging.rmdir()
        fsutil.fsync_dir(destination)
        with self.vault.reading() as connection:
            sender = bundle_repository.trusted_sender(connection, manifest.sender_key)
        return self._opened(manifest, None if sender is None else sender.name)

    # --- browsing --------------------------------------------------------------------------

    def received(self) -> list[ReceivedBundle]:
        with self.vault.reading() as connection:
            return bundle_repository.list_received(connection)

    def imported_records(self, bundle_id: str) -> list[tuple[str, dict[str, Any]]]:
        with self.vault.reading() as connection:
            rows = bundle_repository.imported_testimonies(connection, bundle_id)
        return [(alias, json.loads(record)) for alias, record in rows]

    def imported_file(self, bundle_id: str, member_path: str) -> bytes:
        with self.vault.reading() as connection:
            return b"".join(
                bundle_repository.imported_file_chunks(connection, bundle_id, member_path)
            )


class OpeningCancelled(AppError):
    default_message = "opening the bundle was cancelled; nothing was kept"


def _cancellable(
    progress: Callable[[int], None] | None, cancel: threading.Event | None
) -> Callable[[int], None] | None:
    """A progress callback that also stops the reading when `cancel` is set."""
    if cancel is None:
        return progress

    def report(done: int) -> None:
        if cancel.is_set():
            raise OpeningCancelled()
        if progress is not None:
            progress(done)

    return report


def _write_new(path: Path, data: bytes) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        fsutil.write_all(fd, data)
    finally:
        os.close(fd)


def written_all(size: int, full_chunks: int, pending: int) -> bool:
    return full_chunks * CHUNK + pending == size


def _same_fingerprint(typed: str, actual: str) -> bool:
    return crockford_normal(typed) == crockford_normal(actual)


def crockford_normal(text: str) -> str:
    from testimony_app.domain import crockford

    return crockford.normalise(text)
