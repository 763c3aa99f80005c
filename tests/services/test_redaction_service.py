"""Reviewing a stored testimony: what would leave, marks that persist, "mark reviewed"."""

from __future__ import annotations

import json

import pytest

from testimony_app.domain.normalise import normalise
from testimony_app.domain.records import Status
from testimony_app.domain.redaction_marks import MarkDecision, RedactionMark
from testimony_app.services.records import RecordNotFound, RecordService
from testimony_app.services.redaction import MarksRefused, RedactionService
from testimony_app.vault.audit_log import AuditAction
from tests.conftest import MadeVault
from tests.services.sample_records import as_bytes, full_record


@pytest.fixture
def imported(records: RecordService) -> str:
    return records.import_records(as_bytes(full_record()))[0].testimony_id


def test_review_redacts_identity_entities_and_patterns(
    records: RecordService, imported: str
) -> None:
    review = RedactionService(records).review(imported, "editor")
    record = review.redacted.record
    text = json.dumps(record, ensure_ascii=False)
    normal = normalise(text)
    for gone in ("haddoun", "samer", "944", "olive press", "rami", "lina"):
        assert gone not in normal, gone
    assert "identity" not in record["witness"]  # type: ignore[operator]
    assert record["entities"] == []
    assert "Baniyas" in text  # a town stays in the editor profile
    assert "interview.interpreter" in review.redacted.report.fields_dropped


def test_the_public_profile_coarsens(records: RecordService, imported: str) -> None:
    record = RedactionService(records).review(imported, "public").redacted.record
    assert record["interview"]["date"] == "2025-03"  # type: ignore[index]
    assert record["witness"]["age"] is None  # type: ignore[index]
    assert record["witness"]["age_band"] == "50-59"  # type: ignore[index]
    assert record["witness"]["occupation"] is None  # type: ignore[index]
    assert record["interview"]["interviewer"] is None  # type: ignore[index]
    incident = record["incidents"][0]  # type: ignore[index]
    assert incident["date"] == "2025-03"
    assert incident["date_precision"] == "month"
    assert incident["place"] == "Baniyas district"
    # Places the list of places does not know are hidden whole: they may be a village.
    assert record["interview"]["place"] == "[PLACE-1]"  # type: ignore[index]
    assert record["incidents"][1]["place"] == "[PLACE-2]"  # type: ignore[index]


def test_marks_persist_apply_and_are_logged_by_hash(
    records: RecordService, imported: str, made_vault: MadeVault
) -> None:
    from dataclasses import replace

    service = RedactionService(records)
    testimony = records.get_testimony(imported)
    narrative = testimony.content.narrative + " Call +963 933 123 456."
    records.save_testimony(imported, replace(testimony.content, narrative=narrative))
    start = narrative.index("Baniyas")
    review = service.review(imported)
    redact_town = RedactionMark(
        "narrative", start, start + len("Baniyas"), "Baniyas", MarkDecision.REDACT
    )
    service.set_marks(imported, [redact_town])
    assert service.marks(imported) == (redact_town,)
    after = service.review(imported)
    assert "Baniyas" not in after.redacted.record["narrative"]  # type: ignore[operator]
    assert after.redacted.record["narrative"] != review.redacted.record["narrative"]

    entries = [
        e for e in records.audit_entries(imported) if e.action == AuditAction.REDACTION_MARKED.value
    ]
    assert len(entries) == 1 and "Baniyas" not in (entries[0].detail or "")

    # A keep decision on a detected span.
    span = next(s for s in after.redacted.fields["narrative"].spans if s.start != start)
    keep = RedactionMark(
        "narrative", span.start, span.end, narrative[span.start : span.end], MarkDecision.KEEP
    )
    service.set_marks(imported, [redact_town, keep])
    kept = service.review(imported)
    assert len(kept.redacted.fields["narrative"].kept) == 1
    assert kept.redacted.report.kept_by_reviewer == 1

    # Decisions survive lock and unlock.
    records.vault.close()
    reopened = RecordService(made_vault.open())
    try:
        assert RedactionService(reopened).marks(imported) == (redact_town, keep)
    finally:
        reopened.vault.close()


def test_a_mark_follows_its_text_when_the_narrative_is_edited(
    records: RecordService, imported: str
) -> None:
    from dataclasses import replace

    service = RedactionService(records)
    narrative = records.get_testimony(imported).content.narrative
    start = narrative.index("Baniyas")
    service.set_marks(
        imported,
        [RedactionMark("narrative", start, start + 7, "Baniyas", MarkDecision.REDACT)],
    )
    testimony = records.get_testimony(imported)
    records.save_testimony(
        imported, replace(testimony.content, narrative="A new first line.\n" + narrative)
    )
    assert "Baniyas" not in service.review(imported).redacted.record["narrative"]  # type: ignore[operator]


def test_bad_marks_and_unknown_testimonies_are_refused(
    records: RecordService, imported: str
) -> None:
    service = RedactionService(records)
    with pytest.raises(MarksRefused):
        service.set_marks(imported, [RedactionMark("identity", 0, 1, "x", MarkDecision.REDACT)])
    with pytest.raises(MarksRefused):
        service.set_marks(imported, [RedactionMark("narrative", 3, 3, "x", MarkDecision.REDACT)])
    with pytest.raises(RecordNotFound):
        service.marks("T-0000-0000-0")  # type: ignore[arg-type]


def test_mark_reviewed_sets_the_status(records: RecordService, imported: str) -> None:
    testimony = RedactionService(records).mark_reviewed(imported)
    assert testimony.content.status is Status.REVIEWED


def test_deleting_a_testimony_deletes_its_marks(records: RecordService, imported: str) -> None:
    service = RedactionService(records)
    service.set_marks(imported, [RedactionMark("narrative", 0, 3, "دخل", MarkDecision.REDACT)])
    records.delete_testimony(imported)
    with records.vault.reading() as connection:
        assert connection.execute("SELECT COUNT(*) FROM redaction_marks").fetchone()[0] == 0
