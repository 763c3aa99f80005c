"""Schema step 7: a vault from before it gets each testimony's tags copied into its row, and
lists exactly what it listed before."""

from __future__ import annotations

import json
from typing import Any

import sqlcipher3

from testimony_app.domain.ids import TestimonyId
from testimony_app.vault import migrations, records_repository

TAGS = {
    "T-1": ["north", "coast", "2024"],
    "T-2": [],
    "T-3": ["قصف", 'a "quoted" tag', "back\\slash", "tab\there", "Zeta"],
}


def _vault_at_step_6() -> Any:
    connection = sqlcipher3.connect(":memory:", isolation_level=None)
    assert migrations.migrate(connection, up_to=6) == 6
    connection.execute(
        "INSERT INTO witnesses (id, gender, created_at, updated_at) VALUES ('W-1', 'f', 't', 't')"
    )
    for number, (testimony_id, tags) in enumerate(TAGS.items()):
        connection.execute(
            "INSERT INTO testimonies (id, witness_id, revision, status, content, created_at, "
            "updated_at) VALUES (?, 'W-1', 1, 'draft', '{}', 'created', ?)",
            (testimony_id, f"2025-01-0{number + 1}"),
        )
        connection.executemany(
            "INSERT INTO testimony_tags (testimony_id, tag) VALUES (?, ?)",
            [(testimony_id, tag) for tag in tags],
        )
    return connection


def test_step_7_copies_the_tags_into_each_row_as_the_writer_would() -> None:
    connection = _vault_at_step_6()
    assert migrations.migrate(connection) == migrations.SCHEMA_VERSION
    stored = dict(connection.execute("SELECT id, tag_list FROM testimonies").fetchall())
    assert stored["T-2"] is None
    for testimony_id, tags in TAGS.items():
        # Not necessarily the same characters as Python's JSON, but the same tags, in order.
        expected = records_repository.tag_list_of(tuple(tags))
        loaded = None if stored[testimony_id] is None else json.loads(stored[testimony_id])
        assert loaded == (None if expected is None else json.loads(expected))
        assert loaded in (None, sorted(tags))


def test_a_migrated_vault_lists_the_same_summaries_and_witnesses() -> None:
    connection = _vault_at_step_6()
    migrations.migrate(connection)
    summaries = records_repository.list_summaries(connection)
    assert [summary.id for summary in summaries] == ["T-3", "T-2", "T-1"]  # newest first
    assert {summary.id: summary.tags for summary in summaries} == {
        testimony_id: tuple(sorted(tags)) for testimony_id, tags in TAGS.items()
    }
    assert records_repository.list_summaries(connection, newest=1) == summaries[:1]
    asked = [TestimonyId(item) for item in ("T-1", "T-9", "T-3")]
    assert records_repository.list_summaries(connection, asked) == [
        summaries[2],
        summaries[0],
    ]
    [witness] = records_repository.list_witnesses(connection)
    assert witness == records_repository.get_witness(connection, witness.id)
