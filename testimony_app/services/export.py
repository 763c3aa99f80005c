"""Export: the consent and review gates, redaction, aliases, clean attachments, one bundle each.

One bundle is written per recipient: aliases are per recipient (two editors must not be able to
join their bundles on IDs), so the content differs. The gates run first and refuse the whole
export, listing every testimony that may not go and why, unless those are left out.
"""

from __future__ import annotations

import datetime
import enum
import json
import secrets
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from testimony_app.bundle import keys
from testimony_app.bundle.manifest import ATTACHMENT_PATH
from testimony_app.bundle.report import render_report
from testimony_app.bundle.writer import (
    ExportCancelled,
    OutMember,
    WrittenBundle,
    bytes_member,
    write_bundle,
)
from testimony_app.domain import crockford
from testimony_app.domain.ids import TestimonyId
from testimony_app.domain.records import AttachmentInfo, Status, Testimony
from testimony_app.errors import AppError
from testimony_app.media import CleaningCancelled, CleaningFailed, NoCleaner
from testimony_app.redaction.engine import Redactor
from testimony_app.redaction.profiles import Profile, load_profile
from testimony_app.services import attachment_cleaning
from testimony_app.services.records import RecordNotFound, RecordService
from testimony_app.vault import (
    attachment_store,
    audit_log,
    bundle_repository,
    records_repository,
    redaction_marks_repository,
)
from testimony_app.vault.audit_log import AuditAction

Progress = Callable[[int, int | None], None]


class RefusalReason(enum.Enum):
    NOT_FOUND = "no testimony with this ID"
    CONSENT_NOT_RECORDED = "no consent is recorded"
    NOT_SHARED_WITH_EDITORS = "the consent does not cover sharing with editors"
    NOT_FOR_PUBLICATION = "the consent does not cover anonymised publication"
    NOT_REVIEWED = "not marked reviewed: confirm automatic redaction to export it"
    NO_CLEANER = "an attachment is in a format the app cannot clean"
    CLEANING_FAILED = "an attachment could not be cleaned (it may be damaged)"


_CONSENT_REASONS = {
    "recorded": RefusalReason.CONSENT_NOT_RECORDED,
    "share_with_editors": RefusalReason.NOT_SHARED_WITH_EDITORS,
    "publish_anonymised": RefusalReason.NOT_FOR_PUBLICATION,
}


@dataclass(frozen=True)
class Refusal:
    testimony_id: str
    reason: RefusalReason
    attachment_id: int | None = None


class ExportRefused(AppError):
    """Some testimonies may not go; nothing was written. `refusals` lists each and why."""

    default_message = "the export was refused by consent or review"

    def __init__(self, refusals: Sequence[Refusal]) -> None:
        self.refusals = tuple(refusals)
        super().__init__()


class NoRecipient(AppError):
    default_message = "an export needs at least one recipient"


class NothingToExport(AppError):
    default_message = "no testimony was chosen for the export"


@dataclass(frozen=True)
class ExportRequest:
    testimony_ids: Sequence[TestimonyId]
    recipients: Sequence[str]  # age public keys
    out: Path  # the bundle; with several recipients, one file each beside it
    profile: str = "editor"
    accept_automatic_redaction: bool = False
    send_uncleaned: frozenset[int] = field(default_factory=frozenset)  # attachment IDs

    def __repr__(self) -> str:
        testimonies, recipients = len(self.testimony_ids), len(self.recipients)
        return f"ExportRequest({testimonies} testimonies, {recipients} recipients)"


def output_paths(out: Path, recipients: Sequence[str]) -> list[Path]:
    """Where each recipient's bundle goes: `out` itself for one, `out` with a key tag for more."""
    if len(recipients) == 1:
        return [out]
    stem = out.name[: -len(".tbundle")] if out.name.endswith(".tbundle") else out.name
    return [out.with_name(f"{stem}.{r.removeprefix('age1')[:8]}.tbundle") for r in recipients]


def _new_bundle_id() -> str:
    return crockford.encode(secrets.randbits(130), 26)


class ExportService:
    def __init__(self, records: RecordService) -> None:
        self.records = records
        self.vault = records.vault

    # --- the gates -------------------------------------------------------------------------

    def refusals(self, request: ExportRequest) -> list[Refusal]:
        return self._gate(request)[0]

    def _gate(self, request: ExportRequest) -> tuple[list[Refusal], list[Testimony]]:
        """What stops the export, and the testimonies it would send (each read once)."""
        profile = load_profile(request.profile)
        found: list[Refusal] = []
        testimonies: list[Testimony] = []
        for testimony_id in request.testimony_ids:
            try:
                testimony = self.records.get_testimony(testimony_id)
            except RecordNotFound:
                found.append(Refusal(testimony_id, RefusalReason.NOT_FOUND))
                continue
            testimonies.append(testimony)
            for flag in profile.consent_gaps(testimony.content.consent):
                found.append(Refusal(testimony_id, _CONSENT_REASONS[flag]))
            if (
                testimony.content.status is not Status.REVIEWED
                and not request.accept_automatic_redaction
            ):
                found.append(Refusal(testimony_id, RefusalReason.NOT_REVIEWED))
            for info in self.records.attachments(testimony_id):
                if info.id in request.send_uncleaned:
                    continue
                if not self._cleanable(info):
                    found.append(Refusal(testimony_id, RefusalReason.NO_CLEANER, info.id))
        return found, testimonies

    def _cleanable(self, info: AttachmentInfo) -> bool:
        """Whether the attachment has a cleaner: it was cleaned when it was attached, or its
        first bytes, where its format is decided, say so."""
        with self.vault.reading() as connection:
            version = attachment_cleaning.CLEANER_VERSION
            if bundle_repository.cleaned_digest(connection, info.id, version) is not None:
                return True
            row = connection.execute(
                "SELECT data FROM attachment_chunks WHERE attachment_id = ? ORDER BY seq LIMIT 1",
                (info.id,),
            ).fetchone()
        head = b"" if row is None else bytes(row[0][: attachment_cleaning.SNIFF_BYTES])
        return attachment_cleaning.can_clean(head)

    # --- the export ------------------------------------------------------------------------

    def export(
        self,
        request: ExportRequest,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> list[WrittenBundle]:
        if not request.recipients:
            raise NoRecipient()
        if not request.testimony_ids:
            raise NothingToExport()
        recipients = [str(keys.parse_recipient(r)) for r in request.recipients]
        refusals, testimonies = self._gate(request)
        if refusals:
            raise ExportRefused(refusals)
        profile = load_profile(request.profile)
        written: list[WrittenBundle] = []
        try:
            for recipient, path in zip(
                recipients, output_paths(request.out, recipients), strict=True
            ):
                written.append(
                    self._one_bundle(
                        request, profile, testimonies, recipient, path, progress, cancel
                    )
                )
        except CleaningCancelled:
            self._withdraw(written)
            raise ExportCancelled() from None
        except BaseException:
            # All the bundles or none: the ones already written for other recipients go too.
            self._withdraw(written)
            raise
        return written

    def _withdraw(self, bundles: Sequence[WrittenBundle]) -> None:
        for bundle in bundles:
            bundle.path.unlink(missing_ok=True)
            with self.vault.transaction() as connection:
                audit_log.append(
                    connection,
                    AuditAction.EXPORT_WITHDRAWN,
                    bundle.manifest.bundle_id,
                    bundle.sha256,
                    at=self.records.clock(),
                )

    def _one_bundle(
        self,
        request: ExportRequest,
        profile: Profile,
        testimonies: Sequence[Testimony],
        recipient: str,
        path: Path,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> WrittenBundle:
        at = self.records.clock()
        bundle_id = _new_bundle_id()
        with self.vault.transaction() as connection:
            signing_key = bundle_repository.secret(connection, bundle_repository.SIGNING_KEY, at)
            pseudonyms = bundle_repository.secret(
                connection, bundle_repository.PSEUDONYM_SECRET, at
            )
            aliases = {}
            for testimony in testimonies:
                for real in (testimony.id, testimony.witness_id):
                    aliases[real] = bundle_repository.alias(connection, pseudonyms, recipient, real)
            counter = bundle_repository.next_counter(connection)
            bundle_repository.record_sent(
                connection, bundle_id, counter, recipient, profile.name, at
            )
        redactor = Redactor(profile)  # one placeholder book for the whole bundle
        budget = attachment_cleaning.MemoryBudget()
        members: list[OutMember] = []
        records: list[dict[str, object]] = []
        log: dict[str, object] = {}
        for testimony in testimonies:
            with self.vault.reading() as connection:
                witness = records_repository.get_witness(connection, testimony.witness_id)
                identity = records_repository.get_identity(connection, testimony.witness_id)
                marks = redaction_marks_repository.get_marks(connection, testimony.id)
            redacted = redactor.redact_testimony(
                testimony.content, witness=witness, identity=identity, marks=marks
            )
            alias = aliases[testimony.id]
            record = dict(redacted.record)
            record["id"] = alias
            witness_part = dict(record.get("witness") or {})  # type: ignore[call-overload]
            witness_part["id"] = aliases[testimony.witness_id]
            record["witness"] = witness_part
            attachment_entries = []
            for number, info in enumerate(self.records.attachments(testimony.id), start=1):
                member, media_type = self._attachment_member(
                    info, alias, number, info.id in request.send_uncleaned, budget, cancel
                )
                members.append(member)
                attachment_entries.append(
                    {
                        "path": member.path,
                        "media_type": media_type,
                        "size": member.size,
                        "sha256": member.sha256,
                    }
                )
            record["attachments"] = attachment_entries
            records.append(record)
            log[alias] = redacted.report.to_json()
            members.append(
                bytes_member(
                    f"testimonies/{alias}.json",
                    json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True).encode(),
                )
            )
        sender = keys.fingerprint(keys.public_of(signing_key))
        created = datetime.date.fromisoformat(at[:10]).isoformat()
        labels = {code: self.records.vocabulary.label(code, "en") for code in self._codes(records)}
        members.append(
            bytes_member(
                "report.html",
                render_report(
                    records,
                    created=created,
                    profile=profile.name,
                    sender_fingerprint=sender,
                    labels=labels,
                ),
            )
        )
        members.append(
            bytes_member(
                "redaction-log.json",
                json.dumps(log, ensure_ascii=True, indent=1, sort_keys=True).encode(),
            )
        )
        written = write_bundle(
            path,
            _ordered(members),
            recipients=[recipient],
            signing_key=signing_key,
            bundle_id=bundle_id,
            created=created,
            profile=profile.name,
            counter=counter,
            progress=None if progress is None else lambda done, total: progress(done, total),
            cancel=cancel,
        )
        with self.vault.transaction() as connection:
            bundle_repository.sent_written(connection, bundle_id, written.sha256)
            audit_log.append(
                connection,
                AuditAction.EXPORTED,
                bundle_id,
                f"{written.sha256} {len(testimonies)} testimonies, counter {counter}",
                at=self.records.clock(),
            )
        return written

    @staticmethod
    def _codes(records: Iterable[dict[str, object]]) -> set[str]:
        codes: set[str] = set()
        for record in records:
            for incident in record.get("incidents") or []:  # type: ignore[attr-defined]
                codes.update(incident.get("violation_types") or [])
        return codes

    def _attachment_member(
        self,
        info: AttachmentInfo,
        alias: str,
        number: int,
        uncleaned: bool,
        budget: attachment_cleaning.MemoryBudget,
        cancel: threading.Event | None,
    ) -> tuple[OutMember, str]:
        version = attachment_cleaning.CLEANER_VERSION
        with self.vault.reading() as connection:
            known = bundle_repository.cleaned_digest(connection, info.id, version)
        try:
            cleaned = attachment_cleaning.clean(
                lambda: attachment_store.read_chunks(self.vault, info.id),
                info.media_type,
                info.file_name,
                allow_uncleaned=uncleaned,
                budget=budget,
                cancel=cancel,
                known=None if uncleaned else known,
                open_unchecked=lambda: attachment_store.read_chunks(
                    self.vault, info.id, check_hash=False
                ),
            )
        except NoCleaner:
            # Found only past the first bytes the gate looked at: refused like the others.
            raise ExportRefused(
                [Refusal(info.testimony_id, RefusalReason.NO_CLEANER, info.id)]
            ) from None
        except CleaningFailed:
            raise ExportRefused(
                [Refusal(info.testimony_id, RefusalReason.CLEANING_FAILED, info.id)]
            ) from None
        digest = attachment_cleaning.digest_of(cleaned)
        if digest is not None and attachment_cleaning.needs_measuring(known):
            with self.vault.transaction() as connection:
                bundle_repository.store_cleaned_digest(connection, info.id, version, digest)
        path = f"attachments/{alias}/{number}.{cleaned.extension}"
        assert ATTACHMENT_PATH.fullmatch(path)
        return OutMember(path, cleaned.size, cleaned.sha256, cleaned.chunks), cleaned.media_type


def _ordered(members: list[OutMember]) -> list[OutMember]:
    """Testimonies first, then attachments, then the report and the log (the documented order)."""
    rank = {"testimonies": 0, "attachments": 1}
    return sorted(
        members,
        key=lambda m: (rank.get(m.path.split("/", 1)[0], 2), m.path == "redaction-log.json"),
    )
