"""Recording: a full record reads back equal, every save is a revision, the audit log holds."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json

import pytest

from testimony_app.domain import interchange
from testimony_app.domain.ids import TestimonyId
from testimony_app.domain.interchange import InterchangeError, WitnessFields
from testimony_app.domain.records import Identity, Incident, Status, TestimonyContent
from testimony_app.services.records import EditConflict, RecordNotFound, RecordService
from testimony_app.vault import Vault
from tests.services.sample_records import as_bytes, full_record


def test_a_record_with_every_field_reads_back_equal(records: RecordService) -> None:
    data = as_bytes(full_record())
    expected = interchange.parse_file_bytes(data, records.vocabulary)[0]
    [imported] = records.import_records(data)

    testimony = records.get_testimony(imported.testimony_id)
    assert testimony.witness_id == imported.witness_id
    for item in dataclasses.fields(TestimonyContent):
        assert getattr(testimony.content, item.name) == getattr(expected.content, item.name)
    assert testimony.content == expected.content
    witness = records.get_witness(imported.witness_id)
    assert WitnessFields.of(witness) == expected.witness_fields
    identity = records.identity_of(imported.witness_id)
    for item in dataclasses.fields(Identity):
        assert getattr(identity, item.name) == getattr(expected.identity, item.name)
    # And the interchange shape round-trips too.
    again = interchange.to_interchange(testimony.content, witness=witness, identity=identity)
    assert again["witness"].pop("id") == imported.witness_id  # type: ignore[union-attr]
    original = interchange.to_interchange(
        expected.content, witness=expected.witness_fields, identity=expected.identity
    )
    assert again == original


def test_an_attachment_reads_back_byte_for_byte(records: RecordService) -> None:
    [imported] = records.import_records(as_bytes(full_record()))
    body = bytes(range(256)) * 9000 + b"tail"  # a little over two chunks
    info = records.attach(
        imported.testimony_id, io.BytesIO(body), file_name="صورة البيت.jpg", media_type="image/jpeg"
    )
    assert info.size == len(body)
    assert info.sha256 == hashlib.sha256(body).hexdigest()
    [listed] = records.attachments(imported.testimony_id)
    assert listed == info
    assert b"".join(records.read_attachment(info.id)) == body


def test_every_save_keeps_the_previous_version(records: RecordService) -> None:
    [imported] = records.import_records(as_bytes({"narrative": "first words"}))
    versions = ["first words"]
    for text in ["second words", "third words", "fourth words"]:
        current = records.get_testimony(imported.testimony_id)
        content = dataclasses.replace(current.content, narrative=text)
        saved = records.save_testimony(
            imported.testimony_id, content, expected_revision=current.revision
        )
        assert saved.revision == current.revision + 1
        versions.append(text)
    revisions = records.revisions(imported.testimony_id)
    assert [number for number, _ in revisions] == [1, 2, 3]
    for number, _ in revisions:
        assert (
            records.revision(imported.testimony_id, number).content.narrative
            == versions[number - 1]
        )
    # Saving the same content again is not a new version (autosave calls save often).
    latest = records.get_testimony(imported.testimony_id)
    assert records.save_testimony(imported.testimony_id, latest.content).revision == 4
    # A save based on an old revision does not silently overwrite a newer one.
    with pytest.raises(EditConflict):
        records.save_testimony(
            imported.testimony_id,
            dataclasses.replace(latest.content, narrative="stale"),
            expected_revision=2,
        )


def test_invalid_content_is_refused_before_it_is_stored(records: RecordService) -> None:
    [imported] = records.import_records(as_bytes({"narrative": "kept"}))
    current = records.get_testimony(imported.testimony_id)
    bad = dataclasses.replace(
        current.content, incidents=(Incident(date="2025-02-30", violation_types=("killing",)),)
    )
    with pytest.raises(InterchangeError):
        records.save_testimony(imported.testimony_id, bad)
    unknown = dataclasses.replace(
        current.content, incidents=(Incident(violation_types=("not_a_violation",)),)
    )
    with pytest.raises(InterchangeError):
        records.save_testimony(imported.testimony_id, unknown)
    assert records.get_testimony(imported.testimony_id) == current


def test_delete_is_explicit_and_logged(records: RecordService) -> None:
    [imported] = records.import_records(as_bytes(full_record()))
    records.attach(
        imported.testimony_id, io.BytesIO(b"x"), file_name="a.txt", media_type="text/plain"
    )
    records.delete_testimony(imported.testimony_id)
    with pytest.raises(RecordNotFound):
        records.get_testimony(imported.testimony_id)
    assert records.list_testimonies() == []
    assert records.search("Baniyas") == []
    actions = [entry.action for entry in records.audit_entries(imported.testimony_id)]
    assert actions[-1] == "testimony.deleted"
    assert records.verify_audit_log().ok
    with pytest.raises(RecordNotFound):
        records.delete_testimony(imported.testimony_id)


def test_audit_log_records_ids_and_hashes_only(records: RecordService, vault: Vault) -> None:
    [imported] = records.import_records(as_bytes(full_record("SECRETCANARY")))
    current = records.get_testimony(imported.testimony_id)
    records.save_testimony(
        imported.testimony_id, dataclasses.replace(current.content, status=Status.REVIEWED)
    )
    with vault.reading() as connection:
        rows = connection.execute("SELECT * FROM audit_log").fetchall()
    text = json.dumps(rows, ensure_ascii=False)
    assert "SECRETCANARY" not in text and "Baniyas" not in text
    actions = [row[2] for row in rows]
    assert actions[0] == "vault.created"
    assert {"witness.created", "testimony.created", "testimony.edited"} <= set(actions)


def test_changing_any_byte_of_any_audit_entry_is_found(
    records: RecordService, vault: Vault
) -> None:
    for text in ["one", "two", "three"]:
        records.import_records(as_bytes({"narrative": text}))
    assert records.verify_audit_log().ok
    with vault.transaction() as connection:
        connection.execute("DROP TRIGGER audit_log_is_append_only_update")
        rows = connection.execute(
            "SELECT seq, at, action, subject, detail, prev_hash, hash FROM audit_log"
        ).fetchall()
    columns = ["at", "action", "subject", "detail", "prev_hash", "hash"]
    for row in rows:
        seq = row[0]
        for index, column in enumerate(columns, start=1):
            original = row[index]
            if original is None:
                continue
            changed = original[:-1] + chr(ord(original[-1]) ^ 1)
            with vault.transaction() as connection:
                connection.execute(
                    f"UPDATE audit_log SET {column} = ? WHERE seq = ?", (changed, seq)
                )
            check = records.verify_audit_log()
            assert check.first_broken_seq == seq, (seq, column)
            with vault.transaction() as connection:
                connection.execute(
                    f"UPDATE audit_log SET {column} = ? WHERE seq = ?", (original, seq)
                )
            assert records.verify_audit_log().ok


def test_audit_log_refuses_edits_through_the_app(vault: Vault, records: RecordService) -> None:
    import sqlcipher3

    with pytest.raises(sqlcipher3.IntegrityError), vault.transaction() as connection:
        connection.execute("UPDATE audit_log SET action = 'x'")
    with pytest.raises(sqlcipher3.IntegrityError), vault.transaction() as connection:
        connection.execute("DELETE FROM audit_log")


def test_witness_links_and_identity_stay_apart(records: RecordService) -> None:
    [first] = records.import_records(as_bytes(full_record()))
    linked = {"witness": {"id": first.witness_id.lower()}, "narrative": "a second account"}
    [second] = records.import_records(as_bytes(linked))
    assert second.witness_id == first.witness_id
    missing = {"witness": {"id": "W-0000-0000-0"}, "narrative": "nobody"}
    with pytest.raises(InterchangeError) as caught:
        records.import_records(as_bytes({"narrative": "fine"}, missing))
    [problem] = caught.value.problems
    assert (problem.record, problem.path) == (2, "witness.id")
    assert len(records.list_testimonies()) == 2
    assert "Identity(<hidden>)" == repr(records.identity_of(first.witness_id))


def test_summaries_list_and_filter_fields(records: RecordService) -> None:
    [imported] = records.import_records(as_bytes(full_record()))
    [summary] = records.list_testimonies()
    assert summary.id == imported.testimony_id
    assert (summary.interview_date, summary.language, summary.status) == (
        "2025-03-12",
        "ar",
        Status.COMPLETE,
    )
    assert summary.tags == ("coast", "march-2025")


def test_unknown_ids_are_not_found(records: RecordService) -> None:
    with pytest.raises(RecordNotFound):
        records.get_testimony(TestimonyId("T-0000-0000-0"))
