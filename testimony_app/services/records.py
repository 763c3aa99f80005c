"""Recording use cases shared by the command line and the GUI: witnesses, testimonies, search.

Every change runs in one transaction together with its audit entry and its search index
update, so the three never disagree. Content is validated before it is stored (the same rules
as the interchange format), so nothing is saved that could not be read back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from testimony_app.domain import interchange
from testimony_app.domain.ids import IdKind, TestimonyId, WitnessId
from testimony_app.domain.interchange import WitnessFields
from testimony_app.domain.normalise import NORMALISER_VERSION
from testimony_app.domain.records import (
    AttachmentInfo,
    Identity,
    Revision,
    Testimony,
    TestimonyContent,
    Witness,
)
from testimony_app.domain.vocabulary import Vocabulary, load_violation_types
from testimony_app.errors import AppError
from testimony_app.vault import (
    attachment_store,
    audit_log,
    id_registry,
    records_repository,
    search_index,
)
from testimony_app.vault.audit_log import AuditAction, AuditEntry, ChainCheck
from testimony_app.vault.database import read_meta
from testimony_app.vault.records_repository import TestimonySummary
from testimony_app.vault.vault import Vault

Connection = Any
SEARCH_META_KEY = "search_normaliser_version"


class RecordNotFound(AppError):
    default_message = "no record with this ID"


class EditConflict(AppError):
    default_message = "the testimony was changed elsewhere since it was opened"


class WitnessInUse(AppError):
    default_message = "the witness still has testimonies"


@dataclass(frozen=True)
class Imported:
    testimony_id: TestimonyId
    witness_id: WitnessId


class RecordService:
    """Use cases over one unlocked vault."""

    def __init__(
        self,
        vault: Vault,
        *,
        vocabulary: Vocabulary | None = None,
        clock: Callable[[], str] = audit_log.now_utc,
    ) -> None:
        self.vault = vault
        self.vocabulary = vocabulary or load_violation_types()
        self.clock = clock
        self._ensure_search_index()

    # --- validation and indexing ---------------------------------------------------------

    def validated(self, content: TestimonyContent) -> TestimonyContent:
        """The content as it will be stored, or InterchangeError naming the bad fields."""
        stored = interchange.content_to_storage(content)
        return interchange.content_from_storage(stored, vocabulary=self.vocabulary)

    def _searchable_text(self, content: TestimonyContent) -> str:
        labels = [
            self.vocabulary.label(code, lang)
            for incident in content.incidents
            for code in incident.violation_types
            for lang in ("en", "ar")
        ]
        return search_index.document_text(content, labels)

    def _ensure_search_index(self) -> None:
        """Rebuild the index if it was made by other normalisation rules (or never made)."""
        with self.vault.reading() as connection:
            current = read_meta(connection, SEARCH_META_KEY)
        if current == str(NORMALISER_VERSION):
            return
        with self.vault.transaction() as connection:
            for testimony_id, content in records_repository.all_contents(connection):
                search_index.put(connection, testimony_id, self._searchable_text(content))
            connection.execute(
                "INSERT OR REPLACE INTO vault_meta (key, value) VALUES (?, ?)",
                (SEARCH_META_KEY, str(NORMALISER_VERSION)),
            )

    # --- witnesses -----------------------------------------------------------------------

    def _new_witness(
        self, connection: Connection, fields: WitnessFields, identity: Identity, at: str
    ) -> Witness:
        witness = fields.to_witness(WitnessId(id_registry.issue(connection, IdKind.WITNESS)))
        records_repository.insert_witness(connection, witness, at)
        records_repository.set_identity(connection, witness.id, identity)
        audit_log.append(connection, AuditAction.WITNESS_CREATED, witness.id, at=at)
        return witness

    def create_witness(
        self, fields: WitnessFields | None = None, identity: Identity | None = None
    ) -> Witness:
        at = self.clock()
        with self.vault.transaction() as connection:
            return self._new_witness(
                connection, fields or WitnessFields(), identity or Identity(), at
            )

    def update_witness(self, witness: Witness) -> None:
        at = self.clock()
        with self.vault.transaction() as connection:
            if not records_repository.update_witness(connection, witness, at):
                raise RecordNotFound()
            audit_log.append(connection, AuditAction.WITNESS_EDITED, witness.id, at=at)

    def get_witness(self, witness_id: WitnessId) -> Witness:
        with self.vault.reading() as connection:
            witness = records_repository.get_witness(connection, witness_id)
        if witness is None:
            raise RecordNotFound()
        return witness

    def list_witnesses(self) -> list[Witness]:
        with self.vault.reading() as connection:
            return records_repository.list_witnesses(connection)

    def identity_of(self, witness_id: WitnessId) -> Identity:
        """The witness's identity details: an explicit act, recorded in the audit log."""
        at = self.clock()
        with self.vault.transaction() as connection:
            if records_repository.get_witness(connection, witness_id) is None:
                raise RecordNotFound()
            audit_log.append(connection, AuditAction.IDENTITY_VIEWED, witness_id, at=at)
            return records_repository.get_identity(connection, witness_id)

    def set_identity(self, witness_id: WitnessId, identity: Identity) -> None:
        at = self.clock()
        with self.vault.transaction() as connection:
            if records_repository.get_witness(connection, witness_id) is None:
                raise RecordNotFound()
            records_repository.set_identity(connection, witness_id, identity)
            audit_log.append(connection, AuditAction.IDENTITY_EDITED, witness_id, at=at)

    def delete_witness(self, witness_id: WitnessId) -> None:
        """Remove a witness and their identity details; only once no testimony refers to them."""
        at = self.clock()
        with self.vault.transaction() as connection:
            if records_repository.witness_has_testimonies(connection, witness_id):
                raise WitnessInUse()
            cursor = connection.execute("DELETE FROM witnesses WHERE id = ?", (witness_id,))
            if not cursor.rowcount:
                raise RecordNotFound()
            audit_log.append(connection, AuditAction.WITNESS_EDITED, witness_id, "deleted", at=at)
        self._flush_deleted_pages()

    # --- testimonies ---------------------------------------------------------------------

    def _new_testimony(
        self, connection: Connection, witness_id: WitnessId, content: TestimonyContent, at: str
    ) -> Testimony:
        if records_repository.get_witness(connection, witness_id) is None:
            raise RecordNotFound()
        testimony = Testimony(
            id=TestimonyId(id_registry.issue(connection, IdKind.TESTIMONY)),
            witness_id=witness_id,
            content=content,
            revision=1,
            created_at=at,
            updated_at=at,
        )
        records_repository.insert_testimony(connection, testimony)
        search_index.put(connection, testimony.id, self._searchable_text(content))
        audit_log.append(
            connection,
            AuditAction.TESTIMONY_CREATED,
            testimony.id,
            records_repository.content_hash(content),
            at=at,
        )
        return testimony

    def create_testimony(self, witness_id: WitnessId, content: TestimonyContent) -> Testimony:
        content = self.validated(content)
        at = self.clock()
        with self.vault.transaction() as connection:
            return self._new_testimony(connection, witness_id, content, at)

    def save_testimony(
        self,
        testimony_id: TestimonyId,
        content: TestimonyContent,
        *,
        expected_revision: int | None = None,
    ) -> Testimony:
        """Store new content, keeping the previous version as a revision.

        Saving unchanged content does nothing (autosave calls this often). With
        `expected_revision`, a save over someone else's newer save raises EditConflict.
        """
        content = self.validated(content)
        at = self.clock()
        with self.vault.transaction() as connection:
            current = records_repository.get_testimony(connection, testimony_id)
            if current is None:
                raise RecordNotFound()
            if expected_revision is not None and current.revision != expected_revision:
                raise EditConflict()
            if current.content == content:
                return current
            updated = records_repository.update_testimony(connection, current, content, at)
            search_index.put(connection, testimony_id, self._searchable_text(content))
            audit_log.append(
                connection,
                AuditAction.TESTIMONY_EDITED,
                testimony_id,
                records_repository.content_hash(content),
                at=at,
            )
            return updated

    def get_testimony(self, testimony_id: TestimonyId) -> Testimony:
        with self.vault.reading() as connection:
            testimony = records_repository.get_testimony(connection, testimony_id)
        if testimony is None:
            raise RecordNotFound()
        return testimony

    def list_testimonies(self, *, newest: int | None = None) -> list[TestimonySummary]:
        """All testimonies, newest first (or only the `newest` few, for a first screen)."""
        with self.vault.reading() as connection:
            return records_repository.list_summaries(connection, newest=newest)

    def search(self, query: str, *, limit: int | None = None) -> list[TestimonySummary]:
        """Testimonies matching every word of `query` (as prefixes), best first."""
        with self.vault.reading() as connection:
            found = search_index.search(connection, query, limit=limit)
            return records_repository.list_summaries(connection, found)

    def search_ids(self, query: str) -> list[TestimonyId]:
        """Every testimony matching `query`, unranked: what a filtered list needs, quickly."""
        with self.vault.reading() as connection:
            return search_index.search(connection, query)

    def revisions(self, testimony_id: TestimonyId) -> list[tuple[int, str]]:
        with self.vault.reading() as connection:
            if records_repository.get_testimony(connection, testimony_id) is None:
                raise RecordNotFound()
            return records_repository.list_revisions(connection, testimony_id)

    def revision(self, testimony_id: TestimonyId, number: int) -> Revision:
        with self.vault.reading() as connection:
            found = records_repository.get_revision(connection, testimony_id, number)
        if found is None:
            raise RecordNotFound()
        return found

    def delete_testimony(self, testimony_id: TestimonyId) -> None:
        """Delete a testimony with its revisions and attachments: an explicit, logged act."""
        at = self.clock()
        with self.vault.transaction() as connection:
            search_index.remove(connection, testimony_id)
            if not records_repository.delete_testimony(connection, testimony_id):
                raise RecordNotFound()
            audit_log.append(connection, AuditAction.TESTIMONY_DELETED, testimony_id, at=at)
        self._flush_deleted_pages()

    def _flush_deleted_pages(self) -> None:
        # secure_delete zeroes freed pages in the database; the WAL may still hold the old
        # pages until it is checkpointed and truncated.
        self.vault.checkpoint()

    # --- import --------------------------------------------------------------------------

    def import_records(self, data: bytes) -> list[Imported]:
        """Parse interchange records and store them all, or none (InterchangeError)."""
        records = interchange.parse_file_bytes(data, self.vocabulary)
        at = self.clock()
        results = []
        with self.vault.transaction() as connection:
            for number, record in enumerate(records, start=1):
                if record.witness_id is not None:
                    witness_id = record.witness_id
                    if records_repository.get_witness(connection, witness_id) is None:
                        raise interchange.InterchangeError(
                            [
                                interchange.FieldProblem(
                                    number, None, "witness.id", "no witness with this ID here"
                                )
                            ]
                        )
                    if not record.identity.is_empty():
                        records_repository.set_identity(connection, witness_id, record.identity)
                else:
                    witness_id = self._new_witness(
                        connection, record.witness_fields, record.identity, at
                    ).id
                testimony = self._new_testimony(connection, witness_id, record.content, at)
                results.append(Imported(testimony.id, witness_id))
            audit_log.append(
                connection, AuditAction.RECORDS_IMPORTED, None, str(len(results)), at=at
            )
        return results

    # --- attachments ---------------------------------------------------------------------

    def attach(
        self,
        testimony_id: TestimonyId,
        source: BinaryIO,
        *,
        file_name: str,
        media_type: str,
        total: int | None = None,
        progress: Callable[[int, int | None], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> AttachmentInfo:
        try:
            info = attachment_store.ingest(
                self.vault,
                testimony_id,
                source,
                file_name=file_name,
                media_type=media_type,
                at=self.clock(),
                total=total,
                progress=progress,
                cancel=cancel,
            )
        except attachment_store.TestimonyNotFound:
            raise RecordNotFound() from None
        self._measure_cleaned(info, cancel)
        return info

    def _measure_cleaned(self, info: AttachmentInfo, cancel: threading.Event | None) -> None:
        """Clean the new attachment once, in memory, and keep only its cleaned size and hash.

        Exports then stream it in one pass (a bundle lists every file's hash before the first
        byte). A file without a cleaner, or that fails to clean, is left for the export to
        refuse with its reason.
        """
        from testimony_app.media import CleaningCancelled, CleaningFailed, NoCleaner
        from testimony_app.services import attachment_cleaning
        from testimony_app.vault import bundle_repository

        try:
            cleaned = attachment_cleaning.clean(
                lambda: attachment_store.read_chunks(self.vault, info.id),
                info.media_type,
                info.file_name,
                budget=attachment_cleaning.MemoryBudget(0),
                cancel=cancel,
            )
        except (NoCleaner, CleaningFailed, CleaningCancelled):
            return
        digest = attachment_cleaning.digest_of(cleaned)
        if digest is not None:
            with self.vault.transaction() as connection:
                bundle_repository.store_cleaned_digest(
                    connection, info.id, attachment_cleaning.CLEANER_VERSION, digest
                )

    def attachments(self, testimony_id: TestimonyId) -> list[AttachmentInfo]:
        with self.vault.reading() as connection:
            return attachment_store.list_for(connection, testimony_id)

    def read_attachment(self, attachment_id: int) -> Iterator[bytes]:
        return attachment_store.read_chunks(self.vault, attachment_id)

    # --- audit ---------------------------------------------------------------------------

    def verify_audit_log(self) -> ChainCheck:
        with self.vault.reading() as connection:
            return audit_log.verify(connection)

    def audit_entries(self, subject: str | None = None) -> list[AuditEntry]:
        with self.vault.reading() as connection:
            return audit_log.entries(connection, subject=subject)
