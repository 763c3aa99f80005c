"""Search: Arabic-aware both ways, prefix, case- and accent-insensitive; identities unseen."""

from __future__ import annotations

import pytest

from testimony_app.services.records import RecordService
from tests.services.sample_records import as_bytes, full_record


@pytest.fixture
def found(records: RecordService):  # type: ignore[no-untyped-def]
    def search_ids(query: str) -> set[str]:
        return {summary.id for summary in records.search(query)}

    return search_ids


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("وقعت مَجْزَرَةٌ في الحي", "مجزرة"),  # tashkeel in the text
        ("وقعت مجزرة في الحي", "مَجْزَرَةٌ"),  # tashkeel in the query
        ("كان احمد عند الباب", "أحمد"),  # hamza forms
        ("كان أحمد عند الباب", "احمد"),
        ("ذهبنا إلى المستشفى", "المستشفي"),  # alef maqsura
        ("كانت المدرسة مغلقة", "المدرسه"),  # ta marbuta
        ("وقعت مـــجـزرة", "مجزرة"),  # tatweel
        ("اتصل من الرقم 0944 مرتين", "٠٩٤٤"),  # Arabic-Indic digits in the query
        ("اتصل من الرقم ٠٩٤٤ مرتين", "0944"),
        ("اتصل من الرقم ۰۹۴۴ مرتين", "0944"),  # Persian digits
        ("We reached BANIYAS at night", "Baniyas"),  # case
        ("We reached Bāniyās at night", "baniyas"),  # accents
        ("They burned the bakery", "bake"),  # prefix
        ("أحرقوا المخبز", "المخ"),  # Arabic prefix
    ],
)
def test_finds(records: RecordService, found, stored: str, query: str) -> None:  # type: ignore[no-untyped-def]
    [imported] = records.import_records(as_bytes({"narrative": stored}))
    records.import_records(as_bytes({"narrative": "an unrelated account of the harbour"}))
    assert found(query) == {imported.testimony_id}


def test_every_word_must_match(records: RecordService, found) -> None:  # type: ignore[no-untyped-def]
    [both] = records.import_records(as_bytes({"narrative": "the mill and the river"}))
    records.import_records(as_bytes({"narrative": "the mill only"}))
    assert found("mill river") == {both.testimony_id}
    assert found("") == set() and found("  ،.!  ") == set()


def test_places_tags_and_incidents_are_searchable(records: RecordService, found) -> None:  # type: ignore[no-untyped-def]
    [imported] = records.import_records(as_bytes(full_record()))
    assert found("Qusour") == {imported.testimony_id}  # incident place
    assert found("coast") == {imported.testimony_id}  # tag
    assert found("mixed uniforms") == {imported.testimony_id}  # perpetrator
    assert found("Qasr") == {imported.testimony_id}  # interview place
    assert found("looting") == {imported.testimony_id}  # violation code / English label
    assert found("النهب") == {imported.testimony_id}  # Arabic label of the same


def test_identity_details_are_not_searchable(records: RecordService, found) -> None:  # type: ignore[no-untyped-def]
    record = full_record()
    record["witness"]["identity"]["full_name"] = "Wadih Qarnabit"
    record["witness"]["identity"]["phone"] = "+963 933 777 888"
    [imported] = records.import_records(as_bytes(record))
    assert found("Qarnabit") == set()
    assert found("Wadih") == set()
    assert found("933 777") == set()
    assert found("Baniyas") == {imported.testimony_id}


def test_edits_and_deletes_update_the_index(records: RecordService, found) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    [imported] = records.import_records(as_bytes({"narrative": "the old orchard"}))
    current = records.get_testimony(imported.testimony_id)
    records.save_testimony(
        imported.testimony_id, dataclasses.replace(current.content, narrative="the new well")
    )
    assert found("orchard") == set()
    assert found("well") == {imported.testimony_id}
    records.delete_testimony(imported.testimony_id)
    assert found("well") == set()


def test_short_words_match_whole_words_only(records: RecordService, found) -> None:  # type: ignore[no-untyped-def]
    [bakery] = records.import_records(as_bytes({"narrative": "the bakery burned"}))
    [al] = records.import_records(as_bytes({"narrative": "we met at al Qusour"}))
    assert found("ba") == set()  # two letters: not a prefix
    assert found("bak") == {bakery.testimony_id}  # three: a prefix
    assert found("al") == {al.testimony_id}  # a whole word still matches


def test_the_index_is_rebuilt_when_a_migration_marks_it_stale(records: RecordService) -> None:
    [imported] = records.import_records(as_bytes({"narrative": "the orchard by the river"}))
    with records.vault.transaction() as connection:
        connection.execute("DELETE FROM search_index")
        connection.execute("DELETE FROM search_documents")
        connection.execute("DELETE FROM vault_meta WHERE key = 'search_normaliser_version'")
    again = RecordService(records.vault)
    assert [summary.id for summary in again.search("orchard")] == [imported.testimony_id]
