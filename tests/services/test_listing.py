"""Listing: each summary carries its own testimony's tags, whichever way the list is read, and
the register lists every witness as `get_witness` reads them."""

from __future__ import annotations

import dataclasses
from typing import Any

from testimony_app.domain.records import Gender, Status
from testimony_app.services.records import RecordService
from testimony_app.vault import Vault, records_repository
from testimony_app.vault.records_repository import TestimonySummary
from tests.services.sample_records import as_bytes


def _record(narrative: str, tags: list[str], **witness: Any) -> dict[str, Any]:
    return {"narrative": narrative, "tags": tags, "witness": witness, "status": "complete"}


def test_every_listing_gives_each_testimony_its_own_tags(records: RecordService) -> None:
    imported = records.import_records(
        as_bytes(
            _record("the first account", ["north", "coast"]),
            _record("the second account", []),
            _record("the third account", ["قصف", "coast", "Zeta", 'say "no"']),
            _record("the fourth account", ["medical"]),
        )
    )
    ids = [item.testimony_id for item in imported]
    expected = {
        ids[0]: ("coast", "north"),  # in SQLite's order (code points), not the record's
        ids[1]: (),
        ids[2]: ("Zeta", "coast", 'say "no"', "قصف"),
        ids[3]: ("medical",),
    }

    everything = records.list_testimonies()
    assert {summary.id: summary.tags for summary in everything} == expected
    for summary in everything:
        assert type(summary) is TestimonySummary
        assert type(summary.tags) is tuple
        assert summary.status is Status.COMPLETE
    assert [summary.updated_at for summary in everything] == sorted(
        (summary.updated_at for summary in everything), reverse=True
    )
    # The first screen: the same rows, the same tags, only the newest.
    for newest in (0, 1, 2, 4, 10):
        assert records.list_testimonies(newest=newest) == everything[:newest]
    # By IDs (what search returns), in the order asked for.
    asked = [ids[3], ids[1], ids[2]]
    by_ids = [summary.tags for summary in records.search("account")]
    assert sorted(by_ids) == sorted(expected.values())
    with records.vault.reading() as connection:
        found = records_repository.list_summaries(connection, asked)
    assert [(summary.id, summary.tags) for summary in found] == [
        (item, expected[item]) for item in asked
    ]


def test_a_save_changes_the_listed_tags_of_that_testimony_only(records: RecordService) -> None:
    imported = records.import_records(
        as_bytes(_record("one", ["coast"]), _record("two", ["coast", "north"]))
    )
    first, second = (item.testimony_id for item in imported)
    content = records.get_testimony(first).content
    records.save_testimony(first, dataclasses.replace(content, tags=("b", "a", "b")))
    tags = {summary.id: summary.tags for summary in records.list_testimonies()}
    assert tags == {first: ("a", "b"), second: ("coast", "north")}
    assert records.list_testimonies(newest=2) == records.list_testimonies()
    records.save_testimony(first, dataclasses.replace(content, tags=()))
    tags = {summary.id: summary.tags for summary in records.list_testimonies()}
    assert tags == {first: (), second: ("coast", "north")}


def test_the_register_lists_every_witness_as_get_witness_reads_it(
    records: RecordService,
) -> None:
    records.import_records(
        as_bytes(
            _record("one", [], gender="f", age=31, occupation="teacher"),
            _record("two", [], gender="x", age_band="60-69"),
            _record("three", []),  # no gender, no demographics at all
            _record("four", [], gender="m", displacement_status="displaced"),
        )
    )
    listed = records.list_witnesses()
    assert [witness.id for witness in listed] == sorted(witness.id for witness in listed)
    assert listed == [records.get_witness(witness.id) for witness in listed]
    assert sorted((w.gender.value if w.gender else "") for w in listed) == ["", "f", "m", "x"]
    assert all(w.gender is None or isinstance(w.gender, Gender) for w in listed)


def test_both_lists_read_one_covering_index_and_nothing_else(vault: Vault) -> None:
    with vault.reading() as connection:
        statements: list[str] = []
        connection.set_trace_callback(statements.append)
        try:
            records_repository.list_summaries(connection)
            records_repository.list_summaries(connection, newest=200)
            records_repository.list_witnesses(connection)
        finally:
            connection.set_trace_callback(None)
        assert len(statements) == 3
        plans = [
            [row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + statement)]
            for statement in statements
        ]
    assert plans == [
        ["SCAN testimonies USING COVERING INDEX testimony_summaries"],
        ["SCAN testimonies USING COVERING INDEX testimony_summaries"],
        ["SCAN witnesses USING COVERING INDEX witnesses_listed"],
    ]
