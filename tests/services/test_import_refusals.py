"""A malformed interchange file is refused with a clear message and leaves the vault unchanged."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from testimony_app.domain.interchange import InterchangeError
from testimony_app.services.records import RecordService
from tests.conftest import MadeVault
from tests.services.sample_records import as_bytes, full_record

CANARY = "Zuhair Qandeel-CANARY"


def bad_files() -> dict[str, bytes]:
    wrong_types = full_record(CANARY)
    wrong_types["witness"]["age"] = "fifty"
    wrong_types["consent"]["recorded"] = "yes"
    unknown_entity = full_record(CANARY)
    unknown_entity["entities"].append({"text": CANARY, "type": "NICKNAME"})
    huge = {"narrative": CANARY + "x" * (10 * 1024 * 1024)}
    good_then_bad = [full_record(CANARY), {"narrative": CANARY, "tags": "not-a-list"}]
    return {
        "wrong-types": as_bytes(wrong_types),
        "unknown-entity-type": as_bytes(unknown_entity),
        "10MB-narrative": as_bytes(huge),
        "nested-10^4": b"[" * 10_000 + b"]" * 10_000,
        "nested-10^4-in-record": (
            b'{"narrative": "x", "tags": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"
        ),
        "invalid-utf8": b'{"narrative": "' + CANARY.encode() + b'\xff\xfe bad"}',
        "good-then-bad-in-one-file": as_bytes(*good_then_bad),
        "bad-third-line": b"\n".join(
            json.dumps(item).encode() for item in [full_record(), full_record(), {"narrative": 5}]
        ),
        "empty": b"",
    }


def db_bytes(made: MadeVault) -> dict[str, str]:
    return {
        name: hashlib.sha256((made.path / name).read_bytes()).hexdigest()
        for name in ("vault.db", "vault.db-wal")
        if (made.path / name).exists()
    }


@pytest.mark.parametrize("name", list(bad_files()))
def test_refused_clearly_and_nothing_written(made_vault: MadeVault, name: str) -> None:
    data = bad_files()[name]
    with made_vault.open() as vault:
        records = RecordService(vault)
        records.import_records(as_bytes({"narrative": "already there"}))
        before_rows = records.list_testimonies()
        before_audit = len(records.audit_entries())
        before_bytes = db_bytes(made_vault)
        with pytest.raises(InterchangeError) as caught:
            records.import_records(data)
        assert records.list_testimonies() == before_rows
        assert len(records.audit_entries()) == before_audit
        assert db_bytes(made_vault) == before_bytes
    report = str(caught.value)
    assert caught.value.problems, report
    assert CANARY not in report and "CANARY" not in report
    assert report.startswith("the records cannot be read")


def test_problems_name_their_field(made_vault: MadeVault) -> None:
    with made_vault.open() as vault:
        records = RecordService(vault)
        with pytest.raises(InterchangeError) as caught:
            records.import_records(bad_files()["wrong-types"])
        paths = {problem.path for problem in caught.value.problems}
        assert {"witness.age", "consent.recorded"} <= paths
        with pytest.raises(InterchangeError) as caught:
            records.import_records(bad_files()["bad-third-line"])
        assert {problem.record for problem in caught.value.problems} == {3}


def test_the_published_schema_exists_and_is_json(tmp_path: Path) -> None:
    from testimony_app.resources_path import resource_path

    schema = json.loads(resource_path("schemas", "interchange-v1.schema.json").read_text())
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["required"] == ["narrative"]
