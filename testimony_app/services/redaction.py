"""Redaction use cases shared by the GUI and the command line: review, marks, redact for export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from testimony_app.domain.ids import TestimonyId
from testimony_app.domain.records import Status, Testimony
from testimony_app.domain.redaction_marks import (
    FIELD_PATTERN,
    MAX_MARK_CHARS,
    MAX_MARKS,
    RedactionMark,
)
from testimony_app.errors import AppError
from testimony_app.redaction.engine import RedactedTestimony, Redactor
from testimony_app.redaction.placeholders import PlaceholderBook
from testimony_app.redaction.profiles import Profile, load_profile
from testimony_app.services.records import RecordNotFound, RecordService
from testimony_app.vault import audit_log, records_repository, redaction_marks_repository
from testimony_app.vault.audit_log import AuditAction


class MarksRefused(AppError):
    default_message = "the redaction marks are not valid"


@dataclass(frozen=True)
class Review:
    """A testimony as the review panel shows it: the spans found and the redacted preview."""

    testimony: Testimony
    marks: tuple[RedactionMark, ...]
    profile: Profile
    redacted: RedactedTestimony

    def __repr__(self) -> str:
        return f"Review({self.testimony.id}, {self.profile.name}, {len(self.marks)} marks)"


class RedactionService:
    def __init__(self, records: RecordService) -> None:
        self.records = records
        self.vault = records.vault

    def marks(self, testimony_id: TestimonyId) -> tuple[RedactionMark, ...]:
        with self.vault.reading() as connection:
            if records_repository.get_testimony(connection, testimony_id) is None:
                raise RecordNotFound()
            return redaction_marks_repository.get_marks(connection, testimony_id)

    def set_marks(self, testimony_id: TestimonyId, marks: Sequence[RedactionMark]) -> None:
        """Store the reviewer's decisions (replacing the earlier ones), logged by hash only."""
        if len(marks) > MAX_MARKS or not all(
            FIELD_PATTERN.fullmatch(mark.field)
            and 0 <= mark.start < mark.end
            and 0 < len(mark.text) <= MAX_MARK_CHARS
            for mark in marks
        ):
            raise MarksRefused()
        at = self.records.clock()
        with self.vault.transaction() as connection:
            if records_repository.get_testimony(connection, testimony_id) is None:
                raise RecordNotFound()
            if redaction_marks_repository.get_marks(connection, testimony_id) == tuple(marks):
                return
            redaction_marks_repository.set_marks(connection, testimony_id, marks, at)
            audit_log.append(
                connection,
                AuditAction.REDACTION_MARKED,
                testimony_id,
                redaction_marks_repository.marks_hash(marks),
                at=at,
            )

    def review(
        self,
        testimony_id: TestimonyId,
        profile: Profile | str = "editor",
        *,
        book: PlaceholderBook | None = None,
    ) -> Review:
        """Redact one testimony as an export would, to show and check what would leave.

        The witness's identity details are read to find them in the text; they are not
        returned, and reading them for this is not an "identity viewed" act.
        """
        chosen = load_profile(profile) if isinstance(profile, str) else profile
        with self.vault.reading() as connection:
            testimony = records_repository.get_testimony(connection, testimony_id)
            if testimony is None:
                raise RecordNotFound()
            witness = records_repository.get_witness(connection, testimony.witness_id)
            identity = records_repository.get_identity(connection, testimony.witness_id)
            marks = redaction_marks_repository.get_marks(connection, testimony_id)
        redacted = Redactor(chosen, book=book).redact_testimony(
            testimony.content, witness=witness, identity=identity, marks=marks
        )
        return Review(testimony, marks, chosen, redacted)

    def mark_reviewed(self, testimony_id: TestimonyId) -> Testimony:
        testimony = self.records.get_testimony(testimony_id)
        content = replace(testimony.content, status=Status.REVIEWED)
        return self.records.save_testimony(testimony_id, content)
